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
