// The web application's only script of its own (a file, not inline: the CSP allows no inline
// script). htmx does the rest; without JavaScript every page still works with plain form posts.
//
// After htmx replaced the intake form's content, keep the keyboard where the user was: htmx
// restores focus to an element with the same id; when that field moved away (an answered next
// question), focus goes to the first next question instead of falling back to the page.
document.addEventListener("htmx:afterSettle", function (event) {
  var region = event.detail && event.detail.target;
  if (!region || region.id !== "intake-inhoud") {
    return;
  }
  var active = document.activeElement;
  if (active && active !== document.body && active.offsetParent !== null) {
    return;
  }
  var next = document.querySelector("#volgende-vragen input, #volgende-vragen select");
  if (next) {
    next.focus();
  }
});

// A preview answer that is older than what the form now holds must not replace it: while the
// request was under way the user may have typed or chosen more. Such an answer is dropped and
// the form is sent again as it is now, so nothing entered is ever lost.
document.addEventListener("htmx:beforeSwap", function (event) {
  var form = document.getElementById("intake");
  var config = event.detail && event.detail.requestConfig;
  if (!form || !config || config.elt !== form || !config.formData) {
    return;
  }
  var sent = new URLSearchParams(config.formData).toString();
  var now = new URLSearchParams(new FormData(form)).toString();
  if (sent !== now) {
    event.detail.shouldSwap = false;
    htmx.trigger(form, "change");
  }
});

// The sandbox's editor: the line numbers beside the textarea follow its lines and its scrolling,
// and a link to an error's line puts the cursor on that line.
(function () {
  var text = document.getElementById("concept");
  var gutter = document.getElementById("concept-nummers");
  if (!text || !gutter) {
    return;
  }
  function renumber() {
    var lines = text.value.split("\n").length;
    var have = gutter.children.length;
    for (var i = have + 1; i <= lines; i++) {
      var span = document.createElement("span");
      span.id = "r" + i;
      span.textContent = String(i);
      gutter.appendChild(span);
    }
    while (gutter.children.length > lines) {
      gutter.removeChild(gutter.lastChild);
    }
  }
  text.addEventListener("input", renumber);
  text.addEventListener("scroll", function () {
    gutter.scrollTop = text.scrollTop;
  });
  document.querySelectorAll("a[data-regel]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var wanted = parseInt(link.getAttribute("data-regel"), 10);
      var lines = text.value.split("\n");
      var start = 0;
      for (var i = 0; i < wanted - 1 && i < lines.length; i++) {
        start += lines[i].length + 1;
      }
      var end = start + (lines[wanted - 1] || "").length;
      text.focus();
      text.setSelectionRange(start, end);
      var lineHeight = parseFloat(getComputedStyle(text).lineHeight) || 20;
      text.scrollTop = Math.max(0, (wanted - 3) * lineHeight);
      text.scrollIntoView({ block: "center" });
    });
  });
})();
