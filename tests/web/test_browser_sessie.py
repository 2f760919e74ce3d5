"""Signing in and out in Chromium: the pages pass axe-core and fit 1366 and 390 px."""

from __future__ import annotations

from typing import Any

from web_support import Site, check_page, sign_in_with_browser


def test_sign_in_page_is_accessible_and_refuses_a_wrong_token_at_the_field(page: Any, served_site: Site) -> None:
    page.goto(served_site.url + "/")
    assert page.url == served_site.url + "/inloggen"
    check_page(page, "inloggen")
    page.get_by_label("Token").fill("rkw_onzin")
    page.get_by_role("button", name="Inloggen").click()
    token = page.get_by_label("Token")
    assert token.get_attribute("aria-invalid") == "true"
    assert "onbekend of ingetrokken" in page.locator("#token-fout").inner_text()
    check_page(page, "inloggen-fout")


def test_sign_in_and_out(page: Any, served_site: Site) -> None:
    sign_in_with_browser(page, served_site, served_site.tokens["toegang"])
    assert "Welkom" in page.get_by_role("heading", level=1).inner_text()
    check_page(page, "start")
    page.get_by_role("button", name="Afmelden").click()
    page.wait_for_url(served_site.url + "/inloggen?afgemeld=1")
    assert "U bent afgemeld" in page.get_by_role("status").inner_text()
    page.goto(served_site.url + "/")
    assert page.url == served_site.url + "/inloggen"


def test_no_script_or_style_is_blocked_by_the_csp(page: Any, served_site: Site) -> None:
    blocked: list[str] = []
    page.on(
        "console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None
    )
    sign_in_with_browser(page, served_site, served_site.tokens["toegang"])
    page.wait_for_function("() => typeof window.htmx !== 'undefined'")
    assert page.evaluate("getComputedStyle(document.body).fontFamily") != ""
    assert page.evaluate("document.querySelectorAll('style').length") == 0
    assert blocked == []
