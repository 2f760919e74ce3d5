"""Every endpoint against every caller: anonymous, a bad token, a revoked token, each role."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from api_support import ROLES, Api, persona_request

from api import tokens

RULE_FILE = "40_toegang.yaml"
READERS = frozenset({"toegang", "audit", "audit_landelijk"})
AUDITORS = frozenset({"audit", "audit_landelijk"})


@dataclass(frozen=True)
class Call:
    name: str
    allowed: frozenset[str]
    send: Callable[[Api, dict[str, str]], object]


def _ids(api: Api) -> tuple[str, str]:
    assessment = api.client.post("/v1/beoordelingen", json=persona_request(), headers=api.auth("toegang")).json()
    decision = api.client.post(
        f"/v1/beoordelingen/{assessment['id']}/besluit", json={"besluit": "volgen"}, headers=api.auth("toegang")
    ).json()
    return assessment["id"], decision["id"]


def _rule_id(api: Api) -> str:
    return api.client.get("/v1/regels", headers=api.auth("beleid")).json()["regels"][0]["id"]


CALLS = [
    Call(
        "POST /v1/beoordelingen",
        frozenset({"toegang"}),
        lambda api, h: api.client.post("/v1/beoordelingen", json=persona_request(), headers=h),
    ),
    Call(
        "GET /v1/beoordelingen/{id}",
        READERS,
        lambda api, h: api.client.get(f"/v1/beoordelingen/{_ids(api)[0]}", headers=h),
    ),
    Call(
        "POST /v1/beoordelingen/{id}/besluit",
        frozenset({"toegang"}),
        lambda api, h: api.client.post(
            f"/v1/beoordelingen/{api.client.post('/v1/beoordelingen', json=persona_request(), headers=api.auth('toegang')).json()['id']}/besluit",
            json={"besluit": "volgen"},
            headers=h,
        ),
    ),
    Call(
        "GET /v1/beoordelingen/{id}/besluiten",
        READERS,
        lambda api, h: api.client.get(f"/v1/beoordelingen/{_ids(api)[0]}/besluiten", headers=h),
    ),
    Call(
        "GET /v1/beoordelingen/{id}/besluiten/{besluit_id}",
        READERS,
        lambda api, h: api.client.get("/v1/beoordelingen/{}/besluiten/{}".format(*_ids(api)), headers=h),
    ),
    Call("GET /v1/beoordelingen", READERS, lambda api, h: api.client.get("/v1/beoordelingen", headers=h)),
    Call("GET /v1/besluiten", READERS, lambda api, h: api.client.get("/v1/besluiten", headers=h)),
    Call("GET /v1/audit", AUDITORS, lambda api, h: api.client.get("/v1/audit", headers=h)),
    Call("GET /v1/regels", frozenset(ROLES), lambda api, h: api.client.get("/v1/regels", headers=h)),
    Call(
        "GET /v1/regels/{id}", frozenset(ROLES), lambda api, h: api.client.get(f"/v1/regels/{_rule_id(api)}", headers=h)
    ),
    Call(
        "POST /v1/regels/validatie",
        frozenset({"beleid"}),
        lambda api, h: api.client.post(
            "/v1/regels/validatie",
            params={"bestand": RULE_FILE},
            content=(api.settings.rules_dir / RULE_FILE).read_bytes(),
            headers={**h, "Content-Type": "application/yaml"},
        ),
    ),
]


@pytest.mark.parametrize("call", CALLS, ids=lambda c: c.name)
@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_its_endpoints(shared_sqlite_api: Api, call: Call, role: str) -> None:
    response = call.send(shared_sqlite_api, shared_sqlite_api.auth(role))
    if role in call.allowed:
        assert response.status_code in (200, 201), response.text
    else:
        assert response.status_code == 403, response.text
        assert response.headers["content-type"] == "application/problem+json"
        # A refused caller learns nothing about the record.
        assert "beoordeling" not in response.json()


@pytest.mark.parametrize("call", CALLS, ids=lambda c: c.name)
@pytest.mark.parametrize(
    "header",
    [None, "Bearer rkw_dit-token-bestaat-niet", "Basic dXNlcjpwYXNz", "Bearer ", "rkw_zonder-schema"],
    ids=["anonymous", "unknown-token", "basic-auth", "empty-bearer", "no-scheme"],
)
def test_no_valid_token_is_401(shared_sqlite_api: Api, call: Call, header: str | None) -> None:
    response = call.send(shared_sqlite_api, {} if header is None else {"Authorization": header})
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.headers["content-type"] == "application/problem+json"


def test_revoked_token_is_401(sqlite_api: Api) -> None:
    headers = sqlite_api.auth("toegang")
    assert sqlite_api.client.post("/v1/beoordelingen", json=persona_request(), headers=headers).status_code == 201
    assert tokens.revoke(sqlite_api.db, "team-toegang")
    response = sqlite_api.client.post("/v1/beoordelingen", json=persona_request(), headers=headers)
    assert response.status_code == 401
    assert 'error="invalid_token"' in response.headers["www-authenticate"]


def test_a_token_with_several_roles_has_each(sqlite_api: Api) -> None:
    for call in CALLS:
        response = call.send(sqlite_api, sqlite_api.auth("alle"))
        assert response.status_code in (200, 201), (call.name, response.text)


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/v1/schema/casus", "/v1/openapi.json", "/docs"])
def test_endpoints_without_case_data_are_public(shared_sqlite_api: Api, path: str) -> None:
    assert shared_sqlite_api.client.get(path).status_code == 200


def test_openapi_declares_bearer_security_and_problem_responses(sqlite_api: Api) -> None:
    schema = sqlite_api.client.get("/v1/openapi.json").json()
    operation = schema["paths"]["/beoordelingen"]["post"]
    assert operation["security"]
    for code in ("401", "403", "413", "422"):
        assert list(operation["responses"][code]["content"]) == ["application/problem+json"]


@pytest.mark.parametrize(
    ("path", "role", "status"),
    [
        ("/v1/beoordelingen", None, 401),
        ("/v1/beoordelingen", "beleid", 403),
        ("/v1/beoordelingen", "toegang", 400),
        ("/v1/regels/validatie", None, 401),
        ("/v1/regels/validatie", "toegang", 403),
        ("/v1/beoordelingen/00000000-0000-0000-0000-000000000000/besluit", None, 401),
        ("/v1/beoordelingen/00000000-0000-0000-0000-000000000000/besluit", "audit", 403),
    ],
)
def test_access_is_judged_before_a_body_that_is_not_json(
    sqlite_api: Api, path: str, role: str | None, status: int
) -> None:
    headers = {"Content-Type": "application/json", **(sqlite_api.auth(role) if role else {})}
    response = sqlite_api.client.post(path, content=b'{"casus": ', headers=headers)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert "invalidParams" not in response.json()


def test_a_revoked_token_with_a_body_that_is_not_json_gets_401(sqlite_api: Api) -> None:
    headers = {"Content-Type": "application/json", "Authorization": "Bearer rkw_onbekend"}
    response = sqlite_api.client.post("/v1/beoordelingen", content=b"nee", headers=headers)
    assert response.status_code == 401
    assert "WWW-Authenticate" in response.headers
