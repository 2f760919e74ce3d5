"""The professional's decision: follow or deviate (with motivation), linked chains, append-only."""

from __future__ import annotations

import uuid

import pytest
from api_support import Api, persona_request
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError

from api.tables import beoordelingen, besluiten


def _assessment(api: Api) -> dict:
    response = api.client.post("/v1/beoordelingen", json=persona_request(), headers=api.auth("toegang"))
    assert response.status_code == 201, response.text
    return response.json()


def _decide(api: Api, assessment_id: str, **body: object):
    return api.client.post(f"/v1/beoordelingen/{assessment_id}/besluit", json=body, headers=api.auth("toegang"))


def _count(api: Api) -> int:
    with api.db.connect() as conn:
        return len(conn.execute(select(besluiten.c.id)).all())


def test_following_the_assessment_is_recorded_next_to_it(api: Api) -> None:
    assessment = _assessment(api)
    original = api.client.get(f"/v1/beoordelingen/{assessment['id']}", headers=api.auth("audit")).content
    response = _decide(api, assessment["id"], besluit="volgen")
    assert response.status_code == 201, response.text
    decision = response.json()
    assert decision["beoordeling_id"] == assessment["id"]
    assert decision["besluit"] == "volgen"
    assert decision["volgnummer"] == 1
    assert decision["vorig_besluit_id"] is None
    assert decision["aangemaakt_door"] == "team-toegang"
    assert response.headers["location"] == f"/v1/beoordelingen/{assessment['id']}/besluiten/{decision['id']}"

    read = api.client.get(response.headers["location"], headers=api.auth("audit"))
    assert read.content == response.content
    listed = api.client.get(f"/v1/beoordelingen/{assessment['id']}/besluiten", headers=api.auth("audit")).json()
    assert listed == {"beoordeling_id": assessment["id"], "besluiten": [decision]}
    # The assessment itself did not change.
    assert api.client.get(f"/v1/beoordelingen/{assessment['id']}", headers=api.auth("audit")).content == original


@pytest.mark.parametrize("motivering", [None, "", "   ", "te kort"])
def test_deviating_without_motivation_is_refused(api: Api, motivering: str | None) -> None:
    assessment = _assessment(api)
    body: dict[str, object] = {"besluit": "afwijken"}
    if motivering is not None:
        body["motivering"] = motivering
    response = _decide(api, assessment["id"], **body)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert [p["name"] for p in response.json()["invalidParams"]] == ["motivering"]
    assert _count(api) == 0


def test_deviating_with_motivation_is_recorded(api: Api) -> None:
    assessment = _assessment(api)
    reason = "Het netwerk van het gezin valt weg; de draaglast is groter dan de casus laat zien."
    response = _decide(api, assessment["id"], besluit="afwijken", motivering=reason)
    assert response.status_code == 201, response.text
    assert response.json()["motivering"] == reason


def test_a_later_decision_is_a_new_record_linked_to_the_earlier(api: Api) -> None:
    assessment = _assessment(api)
    first = _decide(api, assessment["id"], besluit="volgen").json()

    unlinked = _decide(api, assessment["id"], besluit="afwijken", motivering="Na bezwaar van de ouders herzien.")
    assert unlinked.status_code == 409
    assert unlinked.json()["laatste_besluit_id"] == first["id"]

    second = _decide(
        api,
        assessment["id"],
        besluit="afwijken",
        motivering="Na bezwaar van de ouders herzien.",
        vorig_besluit_id=first["id"],
    )
    assert second.status_code == 201, second.text
    assert second.json()["vorig_besluit_id"] == first["id"]
    assert second.json()["volgnummer"] == 2

    stale = _decide(api, assessment["id"], besluit="volgen", vorig_besluit_id=first["id"])
    assert stale.status_code == 409
    assert stale.json()["laatste_besluit_id"] == second.json()["id"]

    chain = api.client.get(f"/v1/beoordelingen/{assessment['id']}/besluiten", headers=api.auth("audit")).json()[
        "besluiten"
    ]
    assert [d["id"] for d in chain] == [first["id"], second.json()["id"]]
    assert chain[0] == first  # the earlier decision is unchanged


def test_previous_decision_must_belong_to_the_same_assessment(api: Api) -> None:
    one, other = _assessment(api), _assessment(api)
    foreign = _decide(api, other["id"], besluit="volgen").json()
    response = _decide(api, one["id"], besluit="volgen", vorig_besluit_id=foreign["id"])
    assert response.status_code == 422
    assert response.json()["invalidParams"][0]["name"] == "vorig_besluit_id"
    first_without_history = _decide(api, one["id"], besluit="volgen", vorig_besluit_id=str(uuid.uuid4()))
    assert first_without_history.status_code == 422


def test_decision_on_unknown_assessment_is_403(api: Api) -> None:
    # Decisions are the own team's only; an unknown id is refused like another team's.
    response = _decide(api, str(uuid.uuid4()), besluit="volgen")
    assert response.status_code == 403
    assert _count(api) == 0


def test_records_are_append_only_in_the_database(api: Api) -> None:
    assessment = _assessment(api)
    decision = _decide(api, assessment["id"], besluit="volgen").json()
    attempts = [
        update(beoordelingen).where(beoordelingen.c.id == assessment["id"]).values(document="{}"),
        delete(beoordelingen).where(beoordelingen.c.id == assessment["id"]),
        update(besluiten).where(besluiten.c.id == decision["id"]).values(besluit="afwijken"),
        delete(besluiten).where(besluiten.c.id == decision["id"]),
    ]
    for statement in attempts:
        with pytest.raises(DBAPIError, match="onveranderlijk"), api.db.begin() as conn:
            conn.execute(statement)
    if api.db.dialect.name == "postgresql":
        with pytest.raises(DBAPIError, match="onveranderlijk"), api.db.begin() as conn:
            conn.execute(text("TRUNCATE besluiten"))
    read = api.client.get(f"/v1/beoordelingen/{assessment['id']}", headers=api.auth("audit"))
    assert read.json() == assessment
