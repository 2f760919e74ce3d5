"""Bad input gets a clear 4xx on SQLite and PostgreSQL alike, never a 500 or a silent guess."""

from __future__ import annotations

import pytest
from api_support import Api, persona_request


def _submit(api: Api, body: dict) -> tuple[int, list[str]]:
    response = api.client.post("/v1/beoordelingen", json=body, headers=api.auth("toegang"))
    names = [p["name"] for p in response.json().get("invalidParams", [])] if response.status_code == 422 else []
    return response.status_code, names


@pytest.mark.parametrize(
    ("where", "field"),
    [
        (("casus", "kenmerk"), "casus.kenmerk"),
        (("casus", "hulpvraag", "naam"), "casus.hulpvraag.naam"),
        (("casus", "jeugdige", "woonplaats_gemeente"), "casus.jeugdige.woonplaats_gemeente"),
        (("gemeente",), "gemeente"),
    ],
)
@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x85"])
def test_a_control_character_in_a_text_field_is_422(
    api: Api, where: tuple[str, ...], field: str, character: str
) -> None:
    body = persona_request()
    target = body
    for key in where[:-1]:
        target = target.setdefault(key, {})
    target[where[-1]] = f"ab{character}cd"
    assert _submit(api, body) == (422, [field])


def test_a_nul_in_a_motivation_is_422_and_nothing_is_stored(api: Api) -> None:
    posted = api.client.post("/v1/beoordelingen", json=persona_request(), headers=api.auth("toegang"))
    id = posted.json()["id"]
    response = api.client.post(
        f"/v1/beoordelingen/{id}/besluit",
        json={"besluit": "afwijken", "motivering": "Het netwerk\x00 valt weg."},
        headers=api.auth("toegang"),
    )
    assert response.status_code == 422
    assert [p["name"] for p in response.json()["invalidParams"]] == ["motivering"]
    read = api.client.get(f"/v1/beoordelingen/{id}/besluiten", headers=api.auth("audit"))
    assert read.json()["besluiten"] == []


@pytest.mark.parametrize(
    "motivering",
    [
        "\u200b" * 10,  # zero-width spaces
        "\u200b\u200c\u200d\u2060\ufeff" * 4,
        "\t\n\r " * 5,
        "a\u200b" * 9,  # nine visible letters
        "\u3164" * 12,  # Hangul filler: a letter that shows nothing
    ],
)
def test_an_invisible_motivation_does_not_count_as_text(sqlite_api: Api, motivering: str) -> None:
    posted = sqlite_api.client.post("/v1/beoordelingen", json=persona_request(), headers=sqlite_api.auth("toegang"))
    response = sqlite_api.client.post(
        f"/v1/beoordelingen/{posted.json()['id']}/besluit",
        json={"besluit": "afwijken", "motivering": motivering},
        headers=sqlite_api.auth("toegang"),
    )
    assert response.status_code == 422, motivering.encode("unicode_escape")
    assert [p["name"] for p in response.json()["invalidParams"]] == ["motivering"]


def test_a_short_but_real_motivation_with_spaces_counts(sqlite_api: Api) -> None:
    posted = sqlite_api.client.post("/v1/beoordelingen", json=persona_request(), headers=sqlite_api.auth("toegang"))
    response = sqlite_api.client.post(
        f"/v1/beoordelingen/{posted.json()['id']}/besluit",
        json={"besluit": "afwijken", "motivering": "Gezin kan het zelf."},
        headers=sqlite_api.auth("toegang"),
    )
    assert response.status_code == 201, response.text


@pytest.mark.parametrize("value", ["yes", "ja", "true", 1, 0, "1", "on"])
def test_booleans_are_strict(sqlite_api: Api, value: object) -> None:
    body = persona_request()
    body["casus"]["jeugdige"]["woont_in_gemeente"] = value
    assert _submit(sqlite_api, body) == (422, ["casus.jeugdige.woont_in_gemeente"])


def test_field_errors_are_explained_in_dutch(sqlite_api: Api) -> None:
    body = persona_request()
    body["casus"]["jeugdige"]["woont_in_gemeente"] = "ja"
    response = sqlite_api.client.post("/v1/beoordelingen", json=body, headers=sqlite_api.auth("toegang"))
    assert response.status_code == 422
    [param] = response.json()["invalidParams"]
    assert param["reason"] == "hier hoort true of false, niet deze waarde"
