"""Signing in and out of the web application: token, session cookie, CSRF, revocation, idle time, headers."""

from __future__ import annotations

import time
from typing import Any

import pytest
from web_support import CSRF, Site

from api import tokens
from web import sessions


def csrf_of(page: Any) -> str:
    found = CSRF.search(page.text)
    assert found, page.text
    return found.group(1)


def sign_in(client: Any, token: str) -> Any:
    form = client.get("/inloggen")
    return client.post("/inloggen", data={"csrf": csrf_of(form), "token": token}, follow_redirects=False)


def test_pages_without_a_session_send_the_browser_to_sign_in(client: Any) -> None:
    for path in ("/", "/intake", "/beoordelingen"):
        answer = client.get(path, follow_redirects=False)
        assert answer.status_code == 303
        assert answer.headers["location"] == "/inloggen"


def test_signing_in_gives_a_strict_http_only_cookie_and_never_echoes_the_token(client: Any, site: Site) -> None:
    answer = sign_in(client, site.tokens["toegang"])
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith(f"{sessions.SESSION_COOKIE}=")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Secure" not in cookie
    assert site.tokens["toegang"] not in cookie
    start = client.get("/")
    assert start.status_code == 200 and "noord-medewerker" in start.text
    assert site.tokens["toegang"] not in start.text


def test_behind_tls_the_cookie_is_secure(site: Site) -> None:
    from fastapi.testclient import TestClient

    with TestClient(site.app, base_url="https://toegang.example") as tls:
        cookie = sign_in(tls, site.tokens["toegang"]).headers["set-cookie"]
    assert "Secure" in cookie


def test_an_unknown_or_revoked_token_is_refused_in_dutch(client: Any, site: Site) -> None:
    unknown = sign_in(client, "rkw_" + "x" * 43)
    assert unknown.status_code == 401 and "onbekend of ingetrokken" in unknown.text
    assert tokens.revoke(site.db, "noord-collega")
    revoked = sign_in(client, site.tokens["collega"])
    assert revoked.status_code == 401 and "onbekend of ingetrokken" in revoked.text
    assert sessions.SESSION_COOKIE not in client.cookies


def test_sign_in_without_its_csrf_token_is_refused(client: Any, site: Site) -> None:
    client.get("/inloggen")
    answer = client.post("/inloggen", data={"csrf": "vervalst", "token": site.tokens["toegang"]})
    assert answer.status_code == 403 and "verlopen" in answer.text
    assert sessions.SESSION_COOKIE not in client.cookies


def test_revoking_the_token_ends_the_session_at_the_next_request(client: Any, site: Site) -> None:
    sign_in(client, site.tokens["collega"])
    assert client.get("/", follow_redirects=False).status_code == 200
    assert tokens.revoke(site.db, "noord-collega")
    answer = client.get("/", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/inloggen"


def test_signing_out_ends_the_session_also_for_a_copy_of_the_cookie(client: Any, site: Site) -> None:
    sign_in(client, site.tokens["toegang"])
    copy = client.cookies[sessions.SESSION_COOKIE]
    start = client.get("/")
    refused = client.post("/afmelden", data={"csrf": "oud"}, follow_redirects=False)
    assert refused.status_code == 403
    out = client.post("/afmelden", data={"csrf": csrf_of(start)}, follow_redirects=False)
    assert out.status_code == 303 and out.headers["location"] == "/inloggen?afgemeld=1"
    client.cookies.set(sessions.SESSION_COOKIE, copy)
    assert client.get("/", follow_redirects=False).status_code == 303


def test_a_stale_csrf_token_of_an_earlier_session_is_refused(client: Any, site: Site) -> None:
    sign_in(client, site.tokens["toegang"])
    earlier = csrf_of(client.get("/"))
    client.post("/afmelden", data={"csrf": earlier})
    sign_in(client, site.tokens["toegang"])
    answer = client.post("/afmelden", data={"csrf": earlier}, follow_redirects=False)
    assert answer.status_code == 403
    assert client.get("/", follow_redirects=False).status_code == 200


def test_a_session_ends_after_the_idle_time(client: Any, site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    assert site.settings.web_idle_minutes == 30
    sign_in(client, site.tokens["toegang"])
    assert client.get("/", follow_redirects=False).status_code == 200
    later = time.time() + 31 * 60
    monkeypatch.setattr("itsdangerous.timed.time.time", lambda: later)
    monkeypatch.setattr(sessions.time, "time", lambda: later)
    assert client.get("/", follow_redirects=False).status_code == 303


def test_a_forged_cookie_is_refused(client: Any, site: Site) -> None:
    sign_in(client, site.tokens["toegang"])
    value = client.cookies[sessions.SESSION_COOKIE]
    client.cookies.set(sessions.SESSION_COOKIE, value[:-2] + ("AA" if not value.endswith("AA") else "BB"))
    assert client.get("/", follow_redirects=False).status_code == 303


def test_every_page_sets_the_security_headers(client: Any, site: Site) -> None:
    sign_in(client, site.tokens["toegang"])
    for path in ("/inloggen", "/", "/bestaat-niet"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert "style-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["cache-control"] == "no-store"
    static = client.get("/static/app.css")
    assert static.status_code == 200 and static.headers["cache-control"] == "max-age=3600"
    assert static.headers["x-content-type-options"] == "nosniff"


def test_the_api_keeps_its_own_answers(client: Any) -> None:
    unknown = client.get("/v1/bestaat-niet")
    assert unknown.status_code == 404 and unknown.headers["content-type"] == "application/problem+json"
    assert unknown.headers["content-security-policy"].startswith("default-src 'none'; frame-ancestors")
    page = client.get("/bestaat-niet")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "Deze pagina bestaat niet" in page.text
