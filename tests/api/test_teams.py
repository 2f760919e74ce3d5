"""Teams: every role against its own team, another team, another municipality, and the audits.

`toegang` reads, lists and decides on its own team's assessments only; `audit` reads what the
teams of its municipality made; `audit_landelijk` reads everything. A refusal is the same 403
whether the id exists elsewhere or not at all, so it reveals nothing.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from api_support import Api, persona_request

PROBLEM = "application/problem+json"

#: Who (a token in `Api.tokens`) may read a case submitted by `team-toegang` (team `team`).
READ_REACH = {
    "toegang": True,  # own team
    "toegang-ander-team": False,  # another team, same municipality
    "toegang-andere-gemeente": False,  # a team of another municipality
    "audit": True,  # audit of the same municipality
    "audit-andere-gemeente": False,  # audit of another municipality
    "audit_landelijk": True,  # national audit
    "landelijk-elders": True,  # national audit, its team in another municipality
    "beleid": False,  # no case data at all
}


def _submit(api: Api, who: str = "toegang", kenmerk: str | None = None) -> dict[str, Any]:
    body = persona_request()
    if kenmerk is not None:
        body["casus"]["kenmerk"] = kenmerk
    response = api.client.post("/v1/beoordelingen", json=body, headers=api.auth(who))
    assert response.status_code == 201, response.text
    return dict(response.json())


def _decide(api: Api, assessment_id: str, who: str = "toegang") -> Any:
    return api.client.post(
        f"/v1/beoordelingen/{assessment_id}/besluit", json={"besluit": "volgen"}, headers=api.auth(who)
    )


@pytest.mark.parametrize(("who", "allowed"), READ_REACH.items(), ids=list(READ_REACH))
def test_reading_a_case_stays_within_reach(shared_sqlite_api: Api, who: str, allowed: bool) -> None:
    api = shared_sqlite_api
    assessment = _submit(api)
    decision = _decide(api, assessment["id"]).json()
    paths = [
        f"/v1/beoordelingen/{assessment['id']}",
        f"/v1/beoordelingen/{assessment['id']}/besluiten",
        f"/v1/beoordelingen/{assessment['id']}/besluiten/{decision['id']}",
    ]
    for path in paths:
        response = api.client.get(path, headers=api.auth(who))
        if allowed:
            assert response.status_code == 200, (path, response.text)
        else:
            assert response.status_code == 403, (path, response.text)
            assert response.headers["content-type"] == PROBLEM
            assert assessment["id"] not in response.text


@pytest.mark.parametrize(("who", "allowed"), READ_REACH.items(), ids=list(READ_REACH))
def test_listing_shows_only_what_is_within_reach(shared_sqlite_api: Api, who: str, allowed: bool) -> None:
    api = shared_sqlite_api
    kenmerk = f"K-{uuid.uuid4().hex[:8]}"
    assessment = _submit(api, kenmerk=kenmerk)
    _decide(api, assessment["id"])
    for path, key in (("/v1/beoordelingen", "beoordelingen"), ("/v1/besluiten", "besluiten")):
        response = api.client.get(path, params={"casusKenmerk": kenmerk}, headers=api.auth(who))
        if who == "beleid":
            assert response.status_code == 403
            continue
        assert response.status_code == 200, response.text
        listed = response.json()[key]
        assert len(listed) == (1 if allowed else 0), (path, listed)


def test_an_unknown_id_and_another_teams_id_get_the_same_answer(shared_sqlite_api: Api) -> None:
    api = shared_sqlite_api
    elsewhere = _submit(api, who="toegang-ander-team")
    other = api.client.get(f"/v1/beoordelingen/{elsewhere['id']}", headers=api.auth("toegang"))
    unknown = api.client.get(f"/v1/beoordelingen/{uuid.uuid4()}", headers=api.auth("toegang"))
    assert other.status_code == unknown.status_code == 403
    assert other.json() == unknown.json()
    # The municipal audit likewise; only the national audit may hear 404.
    unknown_audit = api.client.get(f"/v1/beoordelingen/{uuid.uuid4()}", headers=api.auth("audit"))
    assert unknown_audit.status_code == 403
    national = api.client.get(f"/v1/beoordelingen/{uuid.uuid4()}", headers=api.auth("audit_landelijk"))
    assert national.status_code == 404


@pytest.mark.parametrize(
    ("who", "status"),
    [("toegang", 201), ("toegang-ander-team", 403), ("toegang-andere-gemeente", 403), ("audit", 403)],
)
def test_only_the_own_team_decides(shared_sqlite_api: Api, who: str, status: int) -> None:
    api = shared_sqlite_api
    assessment = _submit(api)
    response = _decide(api, assessment["id"], who=who)
    assert response.status_code == status, response.text
    if status == 403:
        assert response.headers["content-type"] == PROBLEM
        unknown = _decide(api, str(uuid.uuid4()), who=who)
        assert unknown.status_code == 403 and unknown.json() == response.json()


def test_a_worker_reads_back_their_own_case(api: Api) -> None:
    created = api.client.post("/v1/beoordelingen", json=persona_request(), headers=api.auth("toegang"))
    read = api.client.get(created.headers["location"], headers=api.auth("toegang"))
    assert read.status_code == 200
    assert read.content == created.content


def test_the_list_is_newest_first_paginated_and_filtered(api: Api) -> None:
    ids = [_submit(api, kenmerk=f"P-{n}")["id"] for n in range(5)]
    _submit(api, who="toegang-ander-team", kenmerk="P-ANDER")
    first = api.client.get("/v1/beoordelingen", params={"paginaGrootte": 2}, headers=api.auth("toegang"))
    assert first.status_code == 200, first.text
    page = first.json()
    assert [b["id"] for b in page["beoordelingen"]] == ids[::-1][:2]
    assert page["beoordelingen"][0]["reikwijdte"] == "binnen"
    assert page["beoordelingen"][0]["team"] == "team"
    seen = [b["id"] for b in page["beoordelingen"]]
    while page["_links"]["next"] is not None:
        page = api.client.get(page["_links"]["next"]["href"], headers=api.auth("toegang")).json()
        seen += [b["id"] for b in page["beoordelingen"]]
    assert seen == ids[::-1]

    def count(**params: Any) -> int:
        response = api.client.get("/v1/beoordelingen", params=params, headers=api.auth("toegang"))
        assert response.status_code == 200, response.text
        return len(response.json()["beoordelingen"])

    assert count(reikwijdte="binnen") == 5
    assert count(reikwijdte="buiten") == 0
    assert count(toegang="vrij_toegankelijk") == 5
    assert count(toegang="beschikking") == 0
    assert count(casusKenmerk="P-3") == 1
    assert count(vanaf="2000-01-01", tot="2999-12-31") == 5
    assert count(tot="2000-01-01") == 0


def test_list_parameters_are_checked(shared_sqlite_api: Api) -> None:
    api = shared_sqlite_api
    for params in (
        {"paginaGrootte": 101},
        {"pagina": 0},
        {"vanaf": "2025-02-01", "tot": "2025-01-01"},
        {"reikwijdte": "x"},
    ):
        response = api.client.get("/v1/beoordelingen", params=params, headers=api.auth("toegang"))
        assert response.status_code == 422, params
        assert response.headers["content-type"] == PROBLEM


def test_decisions_list_filters_by_kind(api: Api) -> None:
    assessment = _submit(api)
    _decide(api, assessment["id"])
    listed = api.client.get("/v1/besluiten", params={"besluit": "volgen"}, headers=api.auth("toegang")).json()
    assert [d["beoordeling_id"] for d in listed["besluiten"]] == [assessment["id"]]
    none = api.client.get("/v1/besluiten", params={"besluit": "afwijken"}, headers=api.auth("toegang")).json()
    assert none["besluiten"] == []


def test_every_read_is_in_the_read_audit(api: Api) -> None:
    assessment = _submit(api)
    decision = _decide(api, assessment["id"]).json()
    api.client.get(f"/v1/beoordelingen/{assessment['id']}", headers=api.auth("toegang"))
    api.client.get(f"/v1/beoordelingen/{assessment['id']}/besluiten", headers=api.auth("toegang"))
    api.client.get(f"/v1/beoordelingen/{assessment['id']}/besluiten/{decision['id']}", headers=api.auth("toegang"))
    api.client.get("/v1/beoordelingen", params={"reikwijdte": "binnen"}, headers=api.auth("toegang"))
    api.client.get(f"/v1/beoordelingen/{assessment['id']}", headers=api.auth("toegang-andere-gemeente"))

    response = api.client.get("/v1/audit", params={"beoordelingId": assessment["id"]}, headers=api.auth("audit"))
    assert response.status_code == 200, response.text
    reads = response.json()["lezingen"]
    # The municipal audit sees every read of its municipality's case, also the refused one from elsewhere.
    assert [(r["handeling"], r["token_naam"], r["uitkomst"]) for r in reads] == [
        ("beoordeling", "elders-toegang", "geweigerd"),
        ("besluit", "team-toegang", "gelezen"),
        ("besluiten", "team-toegang", "gelezen"),
        ("beoordeling", "team-toegang", "gelezen"),
    ]
    national = api.client.get(
        "/v1/audit", params={"beoordelingId": assessment["id"]}, headers=api.auth("audit_landelijk")
    ).json()["lezingen"]
    assert national == reads
    # The other municipality's audit sees its own team's (refused) attempt, nothing of the case's reads.
    elsewhere = api.client.get(
        "/v1/audit", params={"beoordelingId": assessment["id"]}, headers=api.auth("audit-andere-gemeente")
    ).json()["lezingen"]
    assert [(r["token_naam"], r["uitkomst"]) for r in elsewhere] == [("elders-toegang", "geweigerd")]
    # A national auditor (whose team is elsewhere) reading this municipality's case: visible to it.
    api.client.get(f"/v1/beoordelingen/{assessment['id']}", headers=api.auth("landelijk-elders"))
    latest = api.client.get("/v1/audit", params={"beoordelingId": assessment["id"]}, headers=api.auth("audit")).json()[
        "lezingen"
    ][0]
    assert (latest["token_naam"], latest["uitkomst"]) == ("landelijke-audit", "gelezen")

    pages = api.client.get("/v1/audit", params={"handeling": "beoordelingen"}, headers=api.auth("audit")).json()
    assert pages["lezingen"][0]["zoekvraag"] == "reikwijdte=binnen"
    assert pages["lezingen"][0]["aantal"] == 1
    # Reading the audit is itself recorded.
    audits = api.client.get("/v1/audit", params={"handeling": "audit"}, headers=api.auth("audit")).json()
    assert len(audits["lezingen"]) >= 3
    assert api.client.get("/v1/audit", headers=api.auth("toegang")).status_code == 403
