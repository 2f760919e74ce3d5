"""Migration 0003 on a database of the previous version (0002) with rows in it, on both databases.

Existing tokens, assessments and decisions join the team `standaard`; the outcome columns are
filled from the stored JSON; a revocation made before becomes a row of `token_intrekkingen`;
the append-only triggers are back on every table afterwards. And a revoked token stays revoked
whatever an UPDATE does to the tokens table.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, select, text, update
from sqlalchemy.exc import DBAPIError

from api import tokens
from api.database import alembic_config, make_engine, migrate, schema_is_current
from api.settings import sqlite_url
from api.tables import beoordelingen, besluiten, leesregistratie, teams, token_intrekkingen
from api.tables import tokens as tokens_table

DOCUMENT = json.dumps({"id": "b", "beoordeling": {"reikwijdte": "buiten", "toegang": "geen"}})


@pytest.fixture(params=["sqlite", "postgresql"])
def old_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A database at 0002 with two tokens (one revoked), an assessment and a decision."""
    url = sqlite_url(tmp_path / "data") if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    db = make_engine(url)
    config = alembic_config()
    with db.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
    with db.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO tokens (id, naam, rollen, token_hash, aangemaakt_op, ingetrokken_op) VALUES "
                "('t1', 'oud', 'toegang', :h1, '2025-01-01', NULL), "
                "('t2', 'weg', 'audit', :h2, '2025-01-01', '2025-06-01')"
            ),
            {"h1": tokens.digest("rkw_oud"), "h2": tokens.digest("rkw_weg")},
        )
        conn.execute(
            text(
                "INSERT INTO beoordelingen (id, token_id, aangemaakt_door, aangemaakt_op, peildatum, regelset_versie, "
                "document) VALUES ('b', 't1', 'oud', '2025-01-01', '2025-01-01', 'v', :doc)"
            ),
            {"doc": DOCUMENT},
        )
        conn.execute(
            text(
                "INSERT INTO besluiten (id, beoordeling_id, volgnummer, besluit, token_id, aangemaakt_door, "
                "aangemaakt_op, document) VALUES ('d', 'b', 1, 'volgen', 't1', 'oud', '2025-01-02', '{}')"
            )
        )
    yield db
    db.dispose()


def test_a_0002_database_is_upgraded_in_place(old_db: Engine) -> None:
    assert not schema_is_current(old_db)
    migrate(old_db)
    assert schema_is_current(old_db)
    with old_db.connect() as conn:
        team = conn.execute(select(teams)).one()
        assessment = conn.execute(select(beoordelingen)).one()
        decision = conn.execute(select(besluiten)).one()
        revoked = conn.execute(select(token_intrekkingen.c.token_id)).scalars().all()
        token_teams = conn.execute(select(tokens_table.c.team_id)).scalars().all()
    assert (team.naam, team.gemeente) == ("standaard", "onbekend")
    assert (assessment.document, assessment.team_id) == (DOCUMENT, team.id)
    assert (assessment.reikwijdte, assessment.toegang) == ("buiten", "geen")
    assert decision.team_id == team.id
    assert revoked == ["t2"]
    assert token_teams == [team.id, team.id]
    # The old active token still works, now in team `standaard`; the revoked one does not.
    principal = tokens.authenticate(old_db, "rkw_oud")
    assert principal is not None and principal.team_id == team.id and principal.gemeente == "onbekend"
    assert tokens.authenticate(old_db, "rkw_weg") is None
    # The triggers are back, on the old tables and on the new ones.
    for statement in (
        update(beoordelingen).values(reikwijdte="binnen"),
        update(besluiten).values(besluit="afwijken"),
        update(tokens_table).values(rollen="audit_landelijk"),
        update(teams).values(gemeente="elders"),
        token_intrekkingen.delete(),
    ):
        with pytest.raises(DBAPIError, match="onveranderlijk"), old_db.begin() as conn:
            conn.execute(statement)


def test_a_revoked_token_cannot_be_reactivated_by_an_update(old_db: Engine) -> None:
    migrate(old_db)
    assert tokens.revoke(old_db, "oud")
    assert tokens.authenticate(old_db, "rkw_oud") is None
    # Neither the revocation nor the token can be changed or removed ...
    with pytest.raises(DBAPIError, match="onveranderlijk"), old_db.begin() as conn:
        conn.execute(token_intrekkingen.delete())
    with pytest.raises(DBAPIError, match="onveranderlijk"), old_db.begin() as conn:
        conn.execute(update(tokens_table).values(token_hash=tokens.digest("rkw_nieuw")))
    # ... and revoking again, through the API's own code or the CLI, changes nothing.
    assert not tokens.revoke(old_db, "oud")
    assert tokens.authenticate(old_db, "rkw_oud") is None


def test_the_read_audit_is_append_only(old_db: Engine) -> None:
    migrate(old_db)
    with old_db.begin() as conn:
        conn.execute(
            leesregistratie.insert().values(
                id="l",
                gelezen_op=dt.datetime(2025, 1, 3, tzinfo=dt.UTC),
                token_id="t1",
                token_naam="oud",
                team_id="00000000-0000-0000-0000-000000000000",
                handeling="beoordeling",
                uitkomst="gelezen",
                beoordeling_id="b",
            )
        )
    for statement in (update(leesregistratie).values(token_naam="iemand anders"), leesregistratie.delete()):
        with pytest.raises(DBAPIError, match="onveranderlijk"), old_db.begin() as conn:
            conn.execute(statement)


def test_0003_can_be_undone(old_db: Engine) -> None:
    migrate(old_db)
    tokens.revoke(old_db, "oud")
    config = alembic_config()
    with old_db.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    with old_db.connect() as conn:
        revoked = conn.execute(text("SELECT naam FROM tokens WHERE ingetrokken_op IS NOT NULL ORDER BY naam")).all()
    assert [r.naam for r in revoked] == ["oud", "weg"]
    with pytest.raises(DBAPIError, match="onveranderlijk"), old_db.begin() as conn:
        conn.execute(text("UPDATE beoordelingen SET document = 'anders'"))
    migrate(old_db)  # and up again
    assert tokens.authenticate(old_db, "rkw_oud") is None
