"""Idempotent submissions: a repeated request with the same `Idempotency-Key` stores nothing new.

A team whose connection drops before the answer arrives does not know whether its case was
stored; sending it again with the same key returns the stored assessment (200) instead of a
second one. The key belongs to the token holder, and one key cannot stand for two requests.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from api_support import Api, persona_request
from sqlalchemy import func, select, update
from sqlalchemy.exc import DBAPIError

from api.database import alembic_config, make_engine, migrate, schema_is_current
from api.settings import sqlite_url
from api.tables import beoordelingen

PROBLEM = "application/problem+json"


def _count(api: Api) -> int:
    with api.db.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(beoordelingen)).scalar_one())


def _submit(api: Api, body: dict[str, Any], key: str | None, role: str = "toegang") -> Any:
    headers = {**api.auth(role), **({"Idempotency-Key": key} if key is not None else {})}
    return api.client.post("/v1/beoordelingen", json=body, headers=headers)


def test_a_repeated_request_gets_the_stored_assessment_back(api: Api) -> None:
    first = _submit(api, persona_request(), "a3f1c2-0001")
    again = _submit(api, persona_request(), "a3f1c2-0001")
    assert first.status_code == 201
    assert again.status_code == 200
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.content == first.content
    assert again.headers["Location"] == first.headers["Location"]
    assert _count(api) == 1


def test_the_same_request_reordered_is_the_same_request(sqlite_api: Api) -> None:
    body = persona_request()
    reordered = dict(reversed(list(body.items())))
    assert _submit(sqlite_api, body, "k-1").status_code == 201
    assert _submit(sqlite_api, reordered, "k-1").status_code == 200
    assert _count(sqlite_api) == 1


def test_a_key_used_for_another_request_is_refused(sqlite_api: Api) -> None:
    body = persona_request()
    assert _submit(sqlite_api, body, "k-2").status_code == 201
    other = persona_request()
    other["casus"]["kenmerk"] = "ANDER-KENMERK"
    refused = _submit(sqlite_api, other, "k-2")
    assert refused.status_code == 422
    assert refused.headers["content-type"] == PROBLEM
    assert refused.json()["invalidParams"][0]["name"] == "Idempotency-Key"
    assert "ANDER-KENMERK" not in refused.text
    assert _count(sqlite_api) == 1


def test_without_a_key_every_request_is_stored(sqlite_api: Api) -> None:
    assert _submit(sqlite_api, persona_request(), None).status_code == 201
    assert _submit(sqlite_api, persona_request(), None).status_code == 201
    assert _count(sqlite_api) == 2


def test_keys_belong_to_their_token_holder(sqlite_api: Api) -> None:
    # Another holder's key is not a replay of this holder's request (nor a way to read it).
    assert _submit(sqlite_api, persona_request(), "gedeeld", role="toegang").status_code == 201
    assert _submit(sqlite_api, persona_request(), "gedeeld", role="alle").status_code == 201
    assert _count(sqlite_api) == 2


def test_a_key_that_is_not_visible_ascii_is_refused(sqlite_api: Api) -> None:
    for bad in ("met spatie", "x" * 256):
        response = _submit(sqlite_api, persona_request(), bad)
        assert response.status_code == 422, bad
        assert response.json()["invalidParams"][0]["name"] == "Idempotency-Key"
    assert _count(sqlite_api) == 0


def test_the_same_key_at_once_stores_one_assessment(api: Api) -> None:
    # Eight requests with one key at the same moment: one is stored, the others replay it.
    barrier = threading.Barrier(8)
    answers: list[Any] = []

    def send() -> None:
        barrier.wait()
        answers.append(_submit(api, persona_request(), "tegelijk"))

    threads = [threading.Thread(target=send) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = sorted(a.status_code for a in answers)
    assert statuses.count(201) == 1 and statuses.count(200) == 7, statuses
    assert len({a.content for a in answers}) == 1
    assert _count(api) == 1


def test_the_new_columns_are_append_only_too(api: Api) -> None:
    # 0002 adds the key columns after 0001 installed the triggers; they still refuse any change.
    _submit(api, persona_request(), "k-3")
    with pytest.raises(DBAPIError, match="onveranderlijk"), api.db.begin() as conn:
        conn.execute(update(beoordelingen).values(idempotentie_sleutel="anders"))
    with api.db.connect() as conn:
        assert conn.execute(select(beoordelingen.c.idempotentie_sleutel)).scalar_one() == "k-3"


def test_a_database_of_the_previous_version_is_upgraded_in_place(tmp_path: Path) -> None:
    # A data directory made before 0002 keeps its assessments; the new columns start empty.
    db = make_engine(sqlite_url(tmp_path / "data"))
    config = alembic_config()
    with db.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    with db.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO tokens (id, naam, rollen, token_hash, aangemaakt_op) VALUES ('t', 'oud', 'toegang', 'h', '2025-01-01')"
        )
        conn.exec_driver_sql(
            "INSERT INTO beoordelingen (id, token_id, aangemaakt_door, aangemaakt_op, peildatum, regelset_versie, document)"
            " VALUES ('b', 't', 'oud', '2025-01-01', '2025-01-01', 'v', '{}')"
        )
    assert not schema_is_current(db)
    migrate(db)
    assert schema_is_current(db)
    with db.connect() as conn:
        row = conn.execute(select(beoordelingen)).one()
    assert (row.id, row.document, row.idempotentie_sleutel) == ("b", "{}", None)
    with pytest.raises(DBAPIError, match="onveranderlijk"), db.begin() as conn:
        conn.execute(update(beoordelingen).values(document="anders"))
    db.dispose()
