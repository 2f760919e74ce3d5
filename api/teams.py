"""Teams: a team belongs to one municipality, every token to one team.

Teams are created and listed by the operator (`reikwijdte team aanmaken|lijst`), like tokens;
the table is append-only, so a team keeps its municipality for as long as records point at it.
Migration 0003 creates the team `standaard` (municipality `onbekend`) for what existed before.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from api.tables import teams

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$")
_GEMEENTE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")


class TeamError(ValueError):
    """A team cannot be created as asked (bad name or municipality, name already used)."""


@dataclass(frozen=True)
class Team:
    id: str
    naam: str
    gemeente: str
    aangemaakt_op: dt.datetime


def create(engine: Engine, naam: str, gemeente: str) -> Team:
    """Store a new team of municipality `gemeente`."""
    if not _NAME.match(naam):
        raise TeamError("naam: 1-100 tekens, letters, cijfers, spatie, punt, streepje of liggend streepje")
    if not _GEMEENTE.match(gemeente):
        raise TeamError("gemeente: de code van de gemeente (letters, cijfers, streepje), bijv. 'utrecht'")
    team = Team(str(uuid.uuid4()), naam, gemeente, dt.datetime.now(dt.UTC))
    try:
        with engine.begin() as conn:
            conn.execute(
                insert(teams).values(id=team.id, naam=naam, gemeente=gemeente, aangemaakt_op=team.aangemaakt_op)
            )
    except IntegrityError as exc:
        raise TeamError(f"er bestaat al een team met de naam '{naam}'") from exc
    return team


def find(engine: Engine, naam: str) -> Team | None:
    with engine.connect() as conn:
        row = conn.execute(select(teams).where(teams.c.naam == naam)).first()
    return None if row is None else Team(row.id, row.naam, row.gemeente, row.aangemaakt_op)


def list_teams(engine: Engine) -> list[Team]:
    with engine.connect() as conn:
        rows = conn.execute(select(teams).order_by(teams.c.aangemaakt_op, teams.c.naam)).all()
    return [Team(r.id, r.naam, r.gemeente, r.aangemaakt_op) for r in rows]
