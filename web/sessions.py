"""Web sessions: a signed cookie after signing in with a token, checked against the database.

The cookie holds a random session id, the id of the token that signed in (never the token) and
when the session began, signed with the key in `websleutels` (itsdangerous). Every request
re-signs it, so its signature date is the last activity: a cookie older than the idle time is
refused, and so is one older than `MAX_SESSION` in all. Each request also asks the database
whether the token is still active and the session was not signed out, so revoking a token
(`reikwijdte token intrekken`) or signing out ends the session at once, in every worker.

The cookie is HttpOnly and SameSite=Strict, and Secure when the request came over TLS (directly
or through a proxy uvicorn trusts). Every form carries a CSRF token derived from the session id
(an HMAC with the same key), checked before the form is read; the sign-in form, which has no
session yet, carries one that must equal a cookie of its own (double submit).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from typing import Any

from fastapi import Request, Response
from fastapi.concurrency import run_in_threadpool
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import Engine, exists, insert, select
from sqlalchemy.exc import IntegrityError
from starlette.datastructures import FormData

from api.services import Services
from api.tables import web_afmeldingen, websleutels
from api.tokens import Principal, active_principal

SESSION_COOKIE = "rkw_sessie"
LOGIN_CSRF_COOKIE = "rkw_inlog_csrf"
CSRF_FIELD = "csrf"
#: However active, a session ends after this long; signing in again starts a new one.
MAX_SESSION = dt.timedelta(hours=12)
_SALT = "reikwijdte.web.sessie"


class NotSignedIn(Exception):
    """No valid session: the cookie is missing, expired, signed out, or its token was revoked."""


class CsrfRefused(Exception):
    """A form arrived without the CSRF token of this session (stale, missing or forged)."""


@dataclass(frozen=True)
class Sessie:
    """A signed-in user: the session id, the token's holder and roles, when the session began."""

    id: str
    principal: Principal
    begonnen: float
    csrf: str

    def heeft(self, *rollen: str) -> bool:
        return bool(self.principal.rollen & set(rollen))


def signing_key(db: Engine) -> str:
    """The key that signs session cookies: read from the database, written once at the first start."""
    with db.connect() as conn:
        found = conn.execute(select(websleutels.c.sleutel).where(websleutels.c.id == 1)).scalar_one_or_none()
    if found is not None:
        return str(found)
    try:
        with db.begin() as conn:
            conn.execute(
                insert(websleutels).values(id=1, sleutel=secrets.token_hex(32), aangemaakt_op=dt.datetime.now(dt.UTC))
            )
    except IntegrityError:
        pass  # another worker wrote it first: use that one
    return signing_key(db)


def _session_hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


class Sessions:
    """Sign in, recognise and sign out sessions of one app (its key, database and idle time)."""

    def __init__(self, db: Engine, key: str, idle_minutes: int) -> None:
        self.db = db
        self.key = key
        self.idle_seconds = idle_minutes * 60
        self._serializer = URLSafeTimedSerializer(key, salt=_SALT)

    def csrf_for(self, session_id: str) -> str:
        return hmac.new(self.key.encode(), f"csrf:{session_id}".encode(), hashlib.sha256).hexdigest()

    def begin(self, principal: Principal) -> Sessie:
        session_id = secrets.token_urlsafe(32)
        return Sessie(session_id, principal, time.time(), self.csrf_for(session_id))

    def cookie_value(self, sessie: Sessie) -> str:
        return self._serializer.dumps({"s": sessie.id, "t": sessie.principal.token_id, "b": sessie.begonnen})

    async def recognise(self, request: Request) -> Sessie:
        """The request's session, or `NotSignedIn`."""
        raw = request.cookies.get(SESSION_COOKIE)
        if not raw:
            raise NotSignedIn
        try:
            data: Any = self._serializer.loads(raw, max_age=self.idle_seconds)
            session_id, token_id, begonnen = str(data["s"]), str(data["t"]), float(data["b"])
        except (BadSignature, KeyError, TypeError, ValueError) as exc:
            raise NotSignedIn from exc
        if time.time() - begonnen > MAX_SESSION.total_seconds():
            raise NotSignedIn
        principal = await run_in_threadpool(self._active, session_id, token_id)
        if principal is None:
            raise NotSignedIn
        return Sessie(session_id, principal, begonnen, self.csrf_for(session_id))

    def _active(self, session_id: str, token_id: str) -> Principal | None:
        signed_out = exists().where(web_afmeldingen.c.sessie_hash == _session_hash(session_id))
        with self.db.connect() as conn:
            if conn.execute(select(signed_out)).scalar():
                return None
        return active_principal(self.db, token_id)

    def end(self, sessie: Sessie) -> None:
        """Sign out: this session's cookie is refused from now on (also a copy of it)."""
        try:
            with self.db.begin() as conn:
                conn.execute(
                    insert(web_afmeldingen).values(
                        sessie_hash=_session_hash(sessie.id), afgemeld_op=dt.datetime.now(dt.UTC)
                    )
                )
        except IntegrityError:
            pass  # signed out twice at once

    def set_cookie(self, request: Request, response: Response, sessie: Sessie) -> None:
        """Give the browser the session cookie, re-signed now (the idle time starts again)."""
        response.set_cookie(
            SESSION_COOKIE,
            self.cookie_value(sessie),
            max_age=self.idle_seconds,
            httponly=True,
            secure=request.url.scheme == "https",
            samesite="strict",
            path="/",
        )

    @staticmethod
    def clear_cookie(request: Request, response: Response) -> None:
        response.delete_cookie(
            SESSION_COOKIE, httponly=True, secure=request.url.scheme == "https", samesite="strict", path="/"
        )


def sessions_of(request: Request) -> Sessions:
    """The app's `Sessions` (set once by `web.app.install`)."""
    found: Sessions = request.app.state.web_sessions
    return found


def services_of(request: Request) -> Services:
    """The API's `Services` of the app, for the pages (outside a FastAPI dependency)."""
    found: Services = request.app.state.services
    return found


def login_csrf(request: Request) -> str:
    """The sign-in form's CSRF token: the one in the browser's cookie, or a new one."""
    return request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(32)


def set_login_csrf(request: Request, response: Response, token: str) -> None:
    """The cookie the sign-in form's token must equal (double submit; only sent to /inloggen)."""
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        max_age=3600,
        httponly=True,
        secure=request.url.scheme == "https",
        samesite="strict",
        path="/inloggen",
    )


def check_csrf(form: FormData, expected: str | None) -> None:
    """`CsrfRefused` unless the form carries `expected` (compared in constant time)."""
    sent = form.get(CSRF_FIELD)
    if not expected or not isinstance(sent, str) or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise CsrfRefused
