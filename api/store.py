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

import asyncio
import datetime as dt
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Engine, bindparam, insert, or_, select
from sqlalchemy.exc import IntegrityError

from api.checkpoint import WalCheckpointer
from api.database import is_sqlite
from api.scope import Bereik
from api.tables import beoordelingen, besluiten, leesregistratie, teams
from api.utf8_text import utf8_text
from api.writer import Commit, GroupWriter

#: A SELECT being built up (SQLAlchemy's generic `Select` types do not survive `.where()` for mypy).
_Query = Any


class NotFound(LookupError):
    """No such assessment (or decision)."""


class OutOfReach(LookupError):
    """The assessment belongs to another team than the one that may write to it."""


class UnknownPrevious(LookupError):
    """`vorig_besluit_id` names no decision on this assessment."""


class ChainConflict(Exception):
    """The new decision does not follow the latest one (or another decision landed first)."""

    def __init__(self, latest_id: str | None) -> None:
        super().__init__(latest_id)
        self.latest_id = latest_id


# Statements built once: building and cache-keying a fresh statement per request costs more
# than the insert itself.
# The document as UTF-8 bytes, made text by the database (`api.utf8_text`).
_INSERT_BEOORDELING = insert(beoordelingen).values(document=utf8_text("document"))
_INSERT_BESLUIT = insert(besluiten)
_BEOORDELING_DOCUMENT = select(beoordelingen.c.document).where(beoordelingen.c.id == bindparam("id"))
_BEOORDELING_EXISTS = select(beoordelingen.c.id).where(beoordelingen.c.id == bindparam("id"))
_BEOORDELING_BY_KEY = select(beoordelingen.c.id, beoordelingen.c.verzoek_hash, beoordelingen.c.document).where(
    beoordelingen.c.token_id == bindparam("token_id"),
    beoordelingen.c.idempotentie_sleutel == bindparam("sleutel"),
)


@dataclass(frozen=True, slots=True)
class NieuweBeoordeling:
    """An assessment to store: its returned JSON `document` (UTF-8) and the columns for lookups."""

    id: str
    token_id: str
    aangemaakt_door: str
    aangemaakt_op: dt.datetime
    casus_kenmerk: str | None
    gemeente: str | None
    peildatum: dt.date
    regelset_versie: str
    document: bytes
    idempotentie_sleutel: str | None
    verzoek_hash: str | None
    team_id: str
    reikwijdte: str
    toegang: str

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
            "team_id": self.team_id,
            "reikwijdte": self.reikwijdte,
            "toegang": self.toegang,
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
    team_id: str

    def row(self) -> dict[str, Any]:
        return {
            "team_id": self.team_id,
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
        self._checkpointer: WalCheckpointer | None = None
        if is_sqlite(engine):
            lock = threading.Lock()
            self._writer = lambda: lock
            self._checkpointer = WalCheckpointer(engine)
        else:
            self._writer = nullcontext
        self._assessments = GroupWriter(engine, _INSERT_BEOORDELING, self._writer, after_commit=self._count_committed)

    def _count_committed(self, rows: list[dict[str, Any]]) -> None:
        """After each group commit (in the writer thread): tell the checkpointer what was written."""
        if self._checkpointer is not None:
            self._checkpointer.committed(sum(len(row["document"]) for row in rows))

    async def add_beoordeling(self, beoordeling: NieuweBeoordeling) -> Commit:
        """Insert one assessment (with its `document`); returns once it is committed, and when."""
        return await self._assessments.insert(beoordeling.row())

    def queue_beoordeling(
        self, beoordeling: NieuweBeoordeling, loop: asyncio.AbstractEventLoop, committed: asyncio.Future[Commit]
    ) -> None:
        """Queue one assessment from any thread; `committed` (a future of `loop`) completes once it
        is committed, or fails with the error."""
        self._assessments.enqueue(beoordeling.row(), loop, committed)

    def close(self) -> None:
        """Commit queued assessments and stop the writer thread (and the checkpoint thread)."""
        self._assessments.close()
        if self._checkpointer is not None:
            self._checkpointer.close()

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
        team_id: str,
        vorig_besluit_id: str | None,
        build: Callable[[int], NieuwBesluit],
    ) -> NieuwBesluit:
        """Append a decision to the assessment's chain; `build(volgnummer)` makes the record.

        The first decision has no predecessor; every later one must name the latest decision,
        so a decision after an objection is a new record linked to the one it revisits and two
        people cannot silently fork the chain. Only the assessment's own team (`team_id`) may
        decide on it (`OutOfReach`).
        """
        try:
            with self._writer(), self.engine.begin() as conn:
                owner = conn.execute(
                    select(beoordelingen.c.team_id).where(beoordelingen.c.id == beoordeling_id)
                ).first()
                if owner is None:
                    raise NotFound(beoordeling_id)
                if owner.team_id != team_id:
                    raise OutOfReach(beoordeling_id)
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

    def eigenaar(self, beoordeling_id: str) -> Eigenaar | None:
        """The team (and its municipality) an assessment belongs to; None when there is none."""
        with self.engine.connect() as conn:
            row = conn.execute(_EIGENAAR, {"id": beoordeling_id}).first()
        return None if row is None else Eigenaar(row.team_id, row.gemeente)

    def registreer_lezing(self, lezing: Lezing) -> None:
        """Append one read to the read audit; committed before the reader gets the data."""
        with self._writer(), self.engine.begin() as conn:
            conn.execute(_INSERT_LEZING, lezing.row())

    def beoordelingen(self, bereik: Bereik, zoek: Zoekvraag, limit: int, offset: int) -> list[dict[str, Any]]:
        """A page of the assessments within reach, newest first (summary columns, no documents)."""
        b = beoordelingen
        query: Any = (
            select(
                b.c.id,
                b.c.casus_kenmerk,
                b.c.gemeente,
                b.c.peildatum,
                b.c.regelset_versie,
                b.c.reikwijdte,
                b.c.toegang,
                teams.c.naam.label("team"),
                b.c.aangemaakt_door,
                b.c.aangemaakt_op,
            )
            .select_from(b.join(teams, teams.c.id == b.c.team_id))
            .order_by(b.c.aangemaakt_op.desc(), b.c.id.desc())
        )
        query = _reach(query, bereik, b.c.team_id)
        query = _period(query, b.c.aangemaakt_op, zoek)
        if zoek.reikwijdte is not None:
            query = query.where(b.c.reikwijdte == zoek.reikwijdte)
        if zoek.toegang is not None:
            query = query.where(b.c.toegang == zoek.toegang)
        if zoek.casus_kenmerk is not None:
            query = query.where(b.c.casus_kenmerk == zoek.casus_kenmerk)
        return self._page(query, limit, offset)

    def besluiten(self, bereik: Bereik, zoek: Zoekvraag, limit: int, offset: int) -> list[dict[str, Any]]:
        """A page of the decisions within reach, newest first."""
        d, b = besluiten, beoordelingen
        query: Any = (
            select(
                d.c.id,
                d.c.beoordeling_id,
                b.c.casus_kenmerk,
                d.c.volgnummer,
                d.c.besluit,
                d.c.vorig_besluit_id,
                teams.c.naam.label("team"),
                d.c.aangemaakt_door,
                d.c.aangemaakt_op,
            )
            .select_from(d.join(b, b.c.id == d.c.beoordeling_id).join(teams, teams.c.id == d.c.team_id))
            .order_by(d.c.aangemaakt_op.desc(), d.c.id.desc())
        )
        query = _reach(query, bereik, d.c.team_id)
        query = _period(query, d.c.aangemaakt_op, zoek)
        if zoek.besluit is not None:
            query = query.where(d.c.besluit == zoek.besluit)
        if zoek.casus_kenmerk is not None:
            query = query.where(b.c.casus_kenmerk == zoek.casus_kenmerk)
        if zoek.beoordeling_id is not None:
            query = query.where(d.c.beoordeling_id == zoek.beoordeling_id)
        return self._page(query, limit, offset)

    def lezingen(self, bereik: Bereik, zoek: Zoekvraag, limit: int, offset: int) -> list[dict[str, Any]]:
        """A page of the read audit within reach, newest first."""
        r = leesregistratie
        query: Any = (
            select(
                r.c.id,
                r.c.gelezen_op,
                r.c.token_naam,
                teams.c.naam.label("team"),
                teams.c.gemeente,
                r.c.handeling,
                r.c.uitkomst,
                r.c.beoordeling_id,
                r.c.besluit_id,
                r.c.zoekvraag,
                r.c.aantal,
            )
            .select_from(r.join(teams, teams.c.id == r.c.team_id))
            .order_by(r.c.gelezen_op.desc(), r.c.id.desc())
        )
        if bereik.gemeente is not None:
            # A municipality's audit sees the reads by its own teams and every read of its
            # teams' assessments, also by a reader from elsewhere (a national auditor, say).
            eigen = (
                select(beoordelingen.c.id)
                .join(teams, teams.c.id == beoordelingen.c.team_id)
                .where(teams.c.gemeente == bereik.gemeente)
            )
            query = query.where(or_(teams.c.gemeente == bereik.gemeente, r.c.beoordeling_id.in_(eigen)))
        else:
            query = _reach(query, bereik, r.c.team_id)
        query = _period(query, r.c.gelezen_op, zoek)
        if zoek.handeling is not None:
            query = query.where(r.c.handeling == zoek.handeling)
        if zoek.token_naam is not None:
            query = query.where(r.c.token_naam == zoek.token_naam)
        if zoek.beoordeling_id is not None:
            query = query.where(r.c.beoordeling_id == zoek.beoordeling_id)
        return self._page(query, limit, offset)

    def _page(self, query: _Query, limit: int, offset: int) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(query.limit(limit).offset(offset)).mappings().all()
        return [{key: _utc(value) for key, value in row.items()} for row in rows]


@dataclass(frozen=True)
class Eigenaar:
    """The team an assessment belongs to, and that team's municipality."""

    team_id: str | None
    gemeente: str | None


@dataclass(frozen=True)
class Zoekvraag:
    """Filters of a list: a period (days, inclusive) and per list a few exact matches."""

    vanaf: dt.date | None = None
    tot: dt.date | None = None
    reikwijdte: str | None = None
    toegang: str | None = None
    casus_kenmerk: str | None = None
    besluit: str | None = None
    beoordeling_id: str | None = None
    handeling: str | None = None
    token_naam: str | None = None


@dataclass(frozen=True, slots=True)
class Lezing:
    """One read of case data: who (token, team), when, what, and whether it was allowed."""

    id: str
    gelezen_op: dt.datetime
    token_id: str
    token_naam: str
    team_id: str
    handeling: str
    uitkomst: str
    beoordeling_id: str | None = None
    besluit_id: str | None = None
    zoekvraag: str | None = None
    aantal: int | None = None

    def row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "gelezen_op": self.gelezen_op,
            "token_id": self.token_id,
            "token_naam": self.token_naam,
            "team_id": self.team_id,
            "handeling": self.handeling,
            "uitkomst": self.uitkomst,
            "beoordeling_id": self.beoordeling_id,
            "besluit_id": self.besluit_id,
            "zoekvraag": self.zoekvraag,
            "aantal": self.aantal,
        }


_EIGENAAR = (
    select(beoordelingen.c.team_id, teams.c.gemeente)
    .select_from(beoordelingen.outerjoin(teams, teams.c.id == beoordelingen.c.team_id))
    .where(beoordelingen.c.id == bindparam("id"))
)
_INSERT_LEZING = insert(leesregistratie)


def _utc(value: Any) -> Any:
    """SQLite hands back stored UTC times without their zone; say which zone they are in."""
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def _reach(query: _Query, bereik: Bereik, team_column: ColumnElement[Any]) -> _Query:
    if bereik.team_id is not None:
        return query.where(team_column == bereik.team_id)
    if bereik.gemeente is not None:
        return query.where(teams.c.gemeente == bereik.gemeente)
    return query


def _period(query: _Query, column: ColumnElement[Any], zoek: Zoekvraag) -> _Query:
    """Days are UTC days; `tot` includes its whole day."""
    if zoek.vanaf is not None:
        query = query.where(column >= dt.datetime.combine(zoek.vanaf, dt.time(), dt.UTC))
    if zoek.tot is not None:
        query = query.where(column < dt.datetime.combine(zoek.tot + dt.timedelta(days=1), dt.time(), dt.UTC))
    return query
