"""HTTP behaviour the ADR linter cannot see: slashes, HEAD, CORS, caching and security headers."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_support import Api, persona_request, start_api

from api.http_policy import API_CSP
from api.middleware import API_VERSION
from api.settings import sqlite_url

ROOT = Path(__file__).resolve().parents[2]


def test_a_trailing_slash_is_404_not_a_redirect(shared_sqlite_api: Api) -> None:
    for path in ("/v1/regels/", "/v1/beoordelingen/", "/v1/schema/casus/"):
        response = shared_sqlite_api.client.get(path, headers=shared_sqlite_api.auth("alle"), follow_redirects=False)
        assert response.status_code == 404, path
        assert "location" not in response.headers


def test_head_works_wherever_get_does(shared_sqlite_api: Api) -> None:
    api = shared_sqlite_api
    posted = api.client.post("/v1/beoordelingen", json=persona_request(), headers=api.auth("toegang"))
    assert posted.status_code == 201
    paths = [
        "/healthz",
        "/readyz",
        "/v1/openapi.json",
        "/v1/schema/casus",
        "/v1/regels",
        f"/v1/beoordelingen/{posted.json()['id']}",
        f"/v1/beoordelingen/{posted.json()['id']}/besluiten",
    ]
    for path in paths:
        get = api.client.get(path, headers=api.auth("alle"))
        head = api.client.head(path, headers=api.auth("alle"))
        assert get.status_code == 200, path
        assert head.status_code == 200, path
        assert head.content == b""
        assert head.headers["content-length"] == get.headers["content-length"], path
        assert head.headers["content-type"] == get.headers["content-type"]
    # Access rules are the same as for GET.
    assert api.client.head(paths[5]).status_code == 401


def test_every_response_carries_the_security_headers(shared_sqlite_api: Api) -> None:
    api = shared_sqlite_api
    answers = [
        api.client.get("/v1/regels", headers=api.auth("beleid")),
        api.client.get("/v1/regels"),  # 401
        api.client.get("/v1/bestaat-niet"),  # 404
        api.client.post("/v1/beoordelingen", json={}, headers=api.auth("toegang")),  # 422
        api.client.post("/v1/beoordelingen", content=b"x" * 70_000, headers=api.auth("toegang")),  # 413
        api.client.get("/v1/openapi.json"),
        api.client.get("/healthz"),
    ]
    for response in answers:
        assert response.headers["x-content-type-options"] == "nosniff", response.request.url
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["content-security-policy"] == API_CSP
        assert "default-src 'none'" in response.headers["content-security-policy"]
        assert response.headers["api-version"] == API_VERSION


def test_responses_with_case_data_are_not_stored_by_caches(api: Api) -> None:
    posted = api.client.post("/v1/beoordelingen", json=persona_request(), headers=api.auth("toegang"))
    assert posted.headers["cache-control"] == "no-store"
    id = posted.json()["id"]
    decided = api.client.post(
        f"/v1/beoordelingen/{id}/besluit", json={"besluit": "volgen"}, headers=api.auth("toegang")
    )
    for response in (
        decided,
        api.client.get(f"/v1/beoordelingen/{id}", headers=api.auth("audit")),
        api.client.get(f"/v1/beoordelingen/{id}/besluiten", headers=api.auth("audit")),
        api.client.get(decided.headers["location"], headers=api.auth("audit")),
        api.client.get(f"/v1/beoordelingen/{uuid.uuid4()}", headers=api.auth("audit")),
    ):
        assert response.headers["cache-control"] == "no-store", response.request.url


def test_cors_is_off_by_default(shared_sqlite_api: Api) -> None:
    origin = {"Origin": "https://portaal.voorbeeldstad.nl"}
    answer = shared_sqlite_api.client.get("/v1/regels", headers={**origin, **shared_sqlite_api.auth("beleid")})
    assert "access-control-allow-origin" not in answer.headers
    preflight = shared_sqlite_api.client.options(
        "/v1/regels", headers={**origin, "Access-Control-Request-Method": "GET"}
    )
    assert "access-control-allow-origin" not in preflight.headers


@pytest.fixture
def cors_api(tmp_path: Path) -> Iterator[Api]:
    data = tmp_path / "data"
    yield from start_api(data, sqlite_url(data), cors_origins=("https://portaal.voorbeeldstad.nl",))


def test_cors_allows_the_configured_origins_only(cors_api: Api) -> None:
    allowed = "https://portaal.voorbeeldstad.nl"
    preflight = cors_api.client.options(
        "/v1/beoordelingen",
        headers={
            "Origin": allowed,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type, idempotency-key",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == allowed
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "idempotency-key" in preflight.headers["access-control-allow-headers"].lower()
    answer = cors_api.client.post(
        "/v1/beoordelingen", json=persona_request(), headers={"Origin": allowed, **cors_api.auth("toegang")}
    )
    assert answer.headers["access-control-allow-origin"] == allowed
    assert "location" in answer.headers["access-control-expose-headers"].lower()

    other = "https://elders.example"
    refused = cors_api.client.options(
        "/v1/beoordelingen", headers={"Origin": other, "Access-Control-Request-Method": "POST"}
    )
    assert "access-control-allow-origin" not in refused.headers
    plain = cors_api.client.get("/v1/regels", headers={"Origin": other, **cors_api.auth("beleid")})
    assert "access-control-allow-origin" not in plain.headers


def test_cors_origins_come_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from api.settings import ENV_CORS_ORIGINS, Settings

    monkeypatch.setenv(ENV_CORS_ORIGINS, "https://a.example, https://b.example")
    assert Settings.from_env(data_dir=tmp_path).cors_origins == ("https://a.example", "https://b.example")
    monkeypatch.setenv(ENV_CORS_ORIGINS, "*")
    with pytest.raises(ValueError, match="allow-list"):
        Settings.from_env(data_dir=tmp_path)


def test_the_changelog_names_the_served_version() -> None:
    changelog = (ROOT / "docs" / "api-changelog.md").read_text(encoding="utf-8")
    versions = [line.removeprefix("## ").split(" ")[0] for line in changelog.splitlines() if line.startswith("## ")]
    assert versions[0] == API_VERSION  # newest first


def test_the_documentation_is_served_from_local_files_without_inline_scripts(shared_sqlite_api: Api) -> None:
    client = shared_sqlite_api.client
    page = client.get("/docs")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";")[0]
    html = page.text
    assert "http://" not in html and "https://" not in html  # nothing from a CDN
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S)
    assert scripts and all(body.strip() == "" and "src=" in attrs for attrs, body in scripts)  # no inline script
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert len(assets) == 4
    for asset in assets:
        assert asset.startswith("/docs/static/")
        response = client.get(asset)
        assert response.status_code == 200, asset
        assert response.content
    starter = client.get("/docs/static/docs.js").text
    assert "SwaggerUIBundle" in starter and "/v1/openapi.json" in starter
    assert client.get("/docs/static/swagger-ui-bundle.js").headers["content-type"].split(";")[0] in (
        "text/javascript",
        "application/javascript",
    )
    assert client.get("/docs/static/../settings.py").status_code == 404
    assert client.get("/docs/static/bestaat-niet.js").status_code == 404
