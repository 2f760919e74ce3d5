"""Writing and reading assessments and decisions: insert once, read many, never change.

Every write is committed before the handler returns, so a client that received 201 holds a
record that survives a crash of the process. Assessments, the hot path, go through a
group-commit writer (`api.writer`); decisions, which read the chain before they append, are one
transaction each. SQLite allows one writer at a time; writers in this process queue on a lock
instead of spinning in SQLite's busy handler (which sleeps in growing steps and would dominate
the tail latency under load). PostgreSQL needs no such lock: the unique constraint on
(beoordeling, volgnummer) settles races between decisions.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, bindparam, insert, select
from sqlalchemy.exc import IntegrityError

from api.database import is_sqlite
from api.tables import beoordelingen, besluiten
from api.writer import GroupWriter


class NotFound(LookupError):
    """No such assessment (or decision)."""


class UnknownPrevious(LookupError):
    """`vorig_besluit_id` names no decision on this assessment."""


class ChainConflict(Exception):
    """The new decision does not follow the latest one (or another decision landed first)."""

    def __init__(self, latest_id: str | None) -> None:
        super().__init__(latest_id)
        self.latest_id = latest_id


# Statements built once: building and cache-keying a fresh statement per request costs more
# than the insert itself.
_INSERT_BEOORDELING = insert(beoordelingen)
_INSERT_BESLUIT = insert(besluiten)
_BEOORDELING_DOCUMENT = select(beoordelingen.c.document).where(beoordelingen.c.id == bindparam("id"))
_BEOORDELING_EXISTS = select(beoordelingen.c.id).where(beoordelingen.c.id == bindparam("id"))
_BEOORDELING_BY_KEY = select(beoordelingen.c.id, beoordelingen.c.verzoek_hash, beoordelingen.c.document).where(
    beoordelingen.c.token_id == bindparam("token_id"),
    beoordelingen.c.idempotentie_sleutel == bindparam("sleutel"),
)


@dataclass(frozen=True, slots=True)
class NieuweBeoordeling:
    """An assessment to store: its returned JSON `document` and the columns for lookups."""

    id: str
    token_id: str
    aangemaakt_door: str
    aangemaakt_op: dt.datetime
    casus_kenmerk: str | None
    gemeente: str | None
    peildatum: dt.date
    regelset_versie: str
    document: str
    idempotentie_sleutel: str | None
    verzoek_hash: str | None

    def row(self) -> dict[str, Any]:
        """The table row (explicit: this is the hot path, `dataclasses.asdict` copies deeply)."""
        return {
            "id": self.id,
            "token_id": self.token_id,
            "aangemaakt_door": self.aangemaakt_door,
            "aangemaakt_op": self.aangemaakt_op,
            "casus_kenmerk": self.casus_kenmerk,
            "gemeente": self.gemeente,
            "peildatum": self.peildatum,
            "regelset_versie": self.regelset_versie,
            "document": self.document,
            "idempotentie_sleutel": self.idempotentie_sleutel,
            "verzoek_hash": self.verzoek_hash,
        }


@dataclass(frozen=True, slots=True)
class NieuwBesluit:
    """A decision to append: its returned JSON `document`, its place in the chain, who made it."""

    id: str
    beoordeling_id: str
    volgnummer: int
    vorig_besluit_id: str | None
    besluit: str
    token_id: str
    aangemaakt_door: str
    aangemaakt_op: dt.datetime
    document: str

    def row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "beoordeling_id": self.beoordeling_id,
            "volgnummer": self.volgnummer,
            "vorig_besluit_id": self.vorig_besluit_id,
            "besluit": self.besluit,
            "token_id": self.token_id,
            "aangemaakt_door": self.aangemaakt_door,
            "aangemaakt_op": self.aangemaakt_op,
            "document": self.document,
        }


@dataclass(frozen=True)
class Earlier:
    """An assessment stored earlier under the same token holder's idempotency key."""

    id: str
    verzoek_hash: str
    document: str


class Store:
    """Append-only access to the `beoordelingen` and `besluiten` tables."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer: Callable[[], AbstractContextManager[Any]]
        if is_sqlite(engine):
            lock = threading.Lock()
            self._writer = lambda: lock
        else:
            self._writer = nullcontext
        self._assessments = GroupWriter(engine, _INSERT_BEOORDELING, self._writer)

    async def add_beoordeling(self, beoordeling: NieuweBeoordeling) -> None:
        """Insert one assessment (with its `document`); returns once it is committed."""
        await self._assessments.insert(beoordeling.row())

    def close(self) -> None:
        """Commit queued assessments and stop the writer thread."""
        self._assessments.close()

    def beoordeling_exists(self, beoordeling_id: str) -> bool:
        """Whether the assessment is stored, without reading its (large) document."""
        with self.engine.connect() as conn:
            return conn.execute(_BEOORDELING_EXISTS, {"id": beoordeling_id}).first() is not None

    def beoordeling_for_key(self, token_id: str, sleutel: str) -> Earlier | None:
        """The assessment this token holder stored under idempotency key `sleutel`, if any."""
        with self.engine.connect() as conn:
            row = conn.execute(_BEOORDELING_BY_KEY, {"token_id": token_id, "sleutel": sleutel}).first()
        return None if row is None else Earlier(row.id, row.verzoek_hash, row.document)

    def beoordeling_document(self, beoordeling_id: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(_BEOORDELING_DOCUMENT, {"id": beoordeling_id}).scalar_one_or_none()

    def add_besluit(
        self,
        beoordeling_id: str,
        vorig_besluit_id: str | None,
        build: Callable[[int], NieuwBesluit],
    ) -> NieuwBesluit:
        """Append a decision to the assessment's chain; `build(volgnummer)` makes the record.

        The first decision has no predecessor; every later one must name the latest decision,
        so a decision after an objection is a new record linked to the one it revisits and two
        people cannot silently fork the chain.
        """
        try:
            with self._writer(), self.engine.begin() as conn:
                if conn.execute(select(beoordelingen.c.id).where(beoordelingen.c.id == beoordeling_id)).first() is None:
                    raise NotFound(beoordeling_id)
                latest = conn.execute(
                    select(besluiten.c.id, besluiten.c.volgnummer)
                    .where(besluiten.c.beoordeling_id == beoordeling_id)
                    .order_by(besluiten.c.volgnummer.desc())
                    .limit(1)
                ).first()
                if (
                    vorig_besluit_id is not None
                    and conn.execute(
                        select(besluiten.c.id).where(
                            besluiten.c.id == vorig_besluit_id, besluiten.c.beoordeling_id == beoordeling_id
                        )
                    ).first()
                    is None
                ):
                    raise UnknownPrevious(vorig_besluit_id)
                latest_id = latest.id if latest is not None else None
                if vorig_besluit_id != latest_id:
                    raise ChainConflict(latest_id)
                besluit = build((latest.volgnummer if latest is not None else 0) + 1)
                conn.execute(_INSERT_BESLUIT, besluit.row())
        except IntegrityError as exc:
            raise ChainConflict(None) from exc
        return besluit

    def besluit_documents(self, beoordeling_id: str) -> list[str]:
        with self.engine.connect() as conn:
            return list(
                conn.execute(
                    select(besluiten.c.document)
                    .where(besluiten.c.beoordeling_id == beoordeling_id)
                    .order_by(besluiten.c.volgnummer)
                ).scalars()
            )

    def besluit_document(self, beoordeling_id: str, besluit_id: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(
                select(besluiten.c.document).where(
                    besluiten.c.id == besluit_id, besluiten.c.beoordeling_id == beoordeling_id
                )
            ).scalar_one_or_none()
