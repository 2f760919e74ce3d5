"""API tokens: created by the operator, stored only as a hash, looked up in constant time.

A token is 32 random bytes (256 bits, URL-safe base64) behind a `rkw_` prefix, shown once when it
is created. The database keeps its SHA-256: with that much entropy a slow password hash buys
nothing (nobody can guess the preimage), and a plain digest lets the service find the token by
an indexed lookup. The final comparison uses `hmac.compare_digest`, so the time a check takes
does not depend on how much of a presented token matched.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
import threading
import time
import uuid
from dataclasses import dataclass

from sqlalchemy import Engine, bindparam, exists, insert, select
from sqlalchemy.exc import IntegrityError

from api import teams as team_store
from api.roles import ROLES
from api.tables import teams, token_intrekkingen, tokens

PREFIX = "rkw_"
_MAX_TOKEN_LENGTH = 200
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$")


class TokenError(ValueError):
    """A token cannot be created or revoked as asked (bad name or role, name already used)."""


@dataclass(frozen=True)
class Principal:
    """Who is calling: the token's id and holder name, the roles it grants, its team and municipality."""

    token_id: str
    naam: str
    rollen: frozenset[str]
    team_id: str
    gemeente: str


@dataclass(frozen=True)
class TokenInfo:
    """A token as the operator lists it (never the token itself)."""

    id: str
    naam: str
    rollen: tuple[str, ...]
    team: str
    aangemaakt_op: dt.datetime
    ingetrokken_op: dt.datetime | None


def generate() -> str:
    """A fresh bearer token with 256 bits of entropy."""
    return PREFIX + secrets.token_urlsafe(32)


def digest(token: str) -> str:
    """What the database stores for a token: its SHA-256, hex."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def create(engine: Engine, naam: str, rollen: list[str], team: str) -> tuple[str, TokenInfo]:
    """Store a new token for holder `naam` of `team` with `rollen`; returns the token (shown once) and its info."""
    if not _NAME.match(naam):
        raise TokenError("naam: 1-100 tekens, letters, cijfers, spatie, punt, streepje of liggend streepje")
    wanted = sorted(set(rollen))
    if not wanted:
        raise TokenError(f"geef minstens één rol: {', '.join(ROLES)}")
    unknown = [r for r in wanted if r not in ROLES]
    if unknown:
        raise TokenError(f"onbekende rol {', '.join(unknown)} (bekend: {', '.join(ROLES)})")
    found = team_store.find(engine, team)
    if found is None:
        raise TokenError(f"onbekend team '{team}' (maak het eerst: reikwijdte team aanmaken)")
    token = generate()
    info = TokenInfo(str(uuid.uuid4()), naam, tuple(wanted), found.naam, _now(), None)
    try:
        with engine.begin() as conn:
            conn.execute(
                insert(tokens).values(
                    id=info.id,
                    naam=naam,
                    rollen=",".join(wanted),
                    token_hash=digest(token),
                    aangemaakt_op=info.aangemaakt_op,
                    team_id=found.id,
                )
            )
    except IntegrityError as exc:
        raise TokenError(
            f"er bestaat al een token met de naam '{naam}' (namen blijven uniek, ook na intrekken)"
        ) from exc
    return token, info


def revoke(engine: Engine, naam: str) -> bool:
    """Revoke the token of holder `naam`; False when there is no active token with that name.

    A revocation is a row of its own (append-only), so no later UPDATE can undo it.
    """
    try:
        with engine.begin() as conn:
            token_id = conn.execute(select(tokens.c.id).where(tokens.c.naam == naam, ~_REVOKED)).scalar_one_or_none()
            if token_id is None:
                return False
            conn.execute(insert(token_intrekkingen).values(token_id=token_id, ingetrokken_op=_now()))
    except IntegrityError:
        return False  # revoked at the same moment by someone else
    return True


def list_tokens(engine: Engine) -> list[TokenInfo]:
    query = (
        select(tokens, teams.c.naam.label("team_naam"), token_intrekkingen.c.ingetrokken_op)
        .outerjoin(teams, teams.c.id == tokens.c.team_id)
        .outerjoin(token_intrekkingen, token_intrekkingen.c.token_id == tokens.c.id)
        .order_by(tokens.c.aangemaakt_op)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return [
        TokenInfo(
            r["id"],
            r["naam"],
            tuple(r["rollen"].split(",")),
            r["team_naam"] or "",
            r["aangemaakt_op"],
            r["ingetrokken_op"],
        )
        for r in rows
    ]


_REVOKED = exists().where(token_intrekkingen.c.token_id == tokens.c.id)
_ACTIVE_BY_HASH = (
    select(tokens.c.id, tokens.c.naam, tokens.c.rollen, tokens.c.token_hash, tokens.c.team_id, teams.c.gemeente)
    .join(teams, teams.c.id == tokens.c.team_id)
    .where(tokens.c.token_hash == bindparam("token_hash"), ~_REVOKED)
)


def authenticate(engine: Engine, token: str) -> Principal | None:
    """The holder of an active `token`, or None (unknown, revoked, without a team, or malformed)."""
    if not token.startswith(PREFIX) or len(token) > _MAX_TOKEN_LENGTH:
        return None
    presented = digest(token)
    with engine.connect() as conn:
        row = conn.execute(_ACTIVE_BY_HASH, {"token_hash": presented}).first()
    if row is None or not hmac.compare_digest(row.token_hash.encode(), presented.encode()):
        return None
    return Principal(row.id, row.naam, frozenset(row.rollen.split(",")), row.team_id, row.gemeente)


_ACTIVE_BY_ID = (
    select(tokens.c.id, tokens.c.naam, tokens.c.rollen, teams.c.id.label("team_id"), teams.c.gemeente)
    .join(teams, teams.c.id == tokens.c.team_id)
    .where(tokens.c.id == bindparam("token_id"), ~_REVOKED)
)


def active_principal(engine: Engine, token_id: str) -> Principal | None:
    """The holder of the token with this id while it is active (not revoked), else None.

    For a session that remembers which token signed in, not the token itself (the web
    application): a revocation ends the session at its next request.
    """
    with engine.connect() as conn:
        row = conn.execute(_ACTIVE_BY_ID, {"token_id": token_id}).first()
    if row is None:
        return None
    return Principal(row.id, row.naam, frozenset(row.rollen.split(",")), row.team_id, row.gemeente)


class TokenCache:
    """Recently authenticated tokens, so a busy client does not cost a database read per request.

    Only successful lookups are cached, keyed by the token's digest, for `ttl` seconds: a token
    revoked with `reikwijdte token intrekken` stops working within that time (an unknown token is
    looked up every time). `ttl=0` switches the cache off.
    """

    def __init__(self, engine: Engine, ttl: float) -> None:
        self.engine = engine
        self.ttl = ttl
        self._entries: dict[str, tuple[Principal, float]] = {}
        self._lock = threading.Lock()

    def cached(self, token: str) -> Principal | None:
        """The holder if the token was authenticated less than `ttl` seconds ago (no I/O)."""
        if self.ttl <= 0 or len(token) > _MAX_TOKEN_LENGTH:
            return None
        key = digest(token)
        entry = self._entries.get(key)
        if entry is None or entry[1] < time.monotonic():
            return None
        return entry[0]

    def authenticate(self, token: str) -> Principal | None:
        """Look the token up in the database and remember a hit (blocking: call off the event loop)."""
        principal = authenticate(self.engine, token)
        if principal is not None and self.ttl > 0:
            with self._lock:
                if len(self._entries) > 10_000:
                    self._entries.clear()
                self._entries[digest(token)] = (principal, time.monotonic() + self.ttl)
        return principal
