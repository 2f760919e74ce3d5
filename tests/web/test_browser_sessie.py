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


def test_bad_input_with_javascript_is_shown_at_the_field_and_kept(page: Any, served_site: Site) -> None:
    sign_in_with_browser(page, served_site, served_site.tokens["toegang"])
    page.goto(served_site.url + "/intake")
    page.locator("#groep-jeugdige > summary").click()
    age = page.get_by_label("Hoe oud is de jeugdige (in jaren)?")
    with page.expect_response(lambda r: r.url.endswith("/intake") and r.request.method == "POST"):
        age.fill("drie")
        age.press("Tab")
    page.wait_for_selector("#veld-jeugdige-leeftijd-fout")
    age = page.get_by_label("Hoe oud is de jeugdige (in jaren)?")
    assert age.input_value() == "drie" and age.get_attribute("aria-invalid") == "true"
    assert "vul een getal in" in page.locator("#veld-jeugdige-leeftijd-fout").inner_text()
    assert "Leeftijd" in page.get_by_role("alert").inner_text()
    check_page(page, "intake-fout")


def test_error_pages_are_accessible(page: Any, served_site: Site) -> None:
    sign_in_with_browser(page, served_site, served_site.tokens["beleid"])
    page.goto(served_site.url + "/bestaat-niet")
    assert "Deze pagina bestaat niet" in page.get_by_role("heading", level=1).inner_text()
    check_page(page, "niet-gevonden")
    page.goto(served_site.url + "/intake")
    assert "rol toegang" in page.get_by_role("heading", level=1).inner_text()
    check_page(page, "geen-rol")
