"""The outermost layer of every request: body-size limit, one privacy-safe log line, no leaks.

- Bodies above the limit are refused with 413 before they are read (by Content-Length) or as
  soon as the streamed body passes the limit.
- Each request logs one line: method, route *template*, status, duration, and the ids the
  handler put in `request.state.log` (assessment id, decision id, token holder). Never the body,
  never the query string, never the raw path of an unmatched URL.
- An unexpected exception becomes a 500 problem, and is logged by type and stack frames only:
  exception messages can quote input (pydantic's do), so the message itself is not logged.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.http_policy import ORIGINAL_METHOD
from api.problems import invalid_param, problem_response

log = logging.getLogger("reikwijdte.api")

#: Where in the request's state the middleware keeps the `time.perf_counter()` it started at.
BEGIN = "begonnen"

#: The full version of the API, sent in every response; `docs/api-changelog.md` lists what changed.
API_VERSION = "1.4.1"


class RequestGuard:
    """Pure ASGI middleware (no request buffering, no extra task per request)."""

    def __init__(
        self, app: ASGIApp, limit_for: Callable[[str], int], pages: Callable[[str], bool] | None = None
    ) -> None:
        self.app = app
        self.limit_for = limit_for
        #: Paths of web pages: a body over the limit is refused by the app's own error handling
        #: (an HTML page), not with the API's problem document; it is never read all the same.
        self.pages = pages

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started_at = time.perf_counter()
        state: dict[str, Any] = scope.setdefault("state", {})
        state["log"] = {}
        state[BEGIN] = started_at
        status = 0
        response_started = False

        async def send_with_version(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                status = message["status"]
                response_started = True
                message = dict(message)
                message["headers"] = [*message.get("headers", []), (b"api-version", API_VERSION.encode())]
            await send(message)

        limit = self.limit_for(scope["path"])
        declared = _content_length(scope)
        try:
            repeated = _repeated_query_parameter(scope)
            if repeated is not None:
                message = "deze queryparameter komt meer dan eens voor"
                await problem_response(
                    400,
                    "Een queryparameter komt meer dan eens voor; welke waarde bedoeld is, is onduidelijk.",
                    invalid_params=[invalid_param(repeated, message, "herhaald")],
                )(scope, receive, send_with_version)
                return
            if declared is not None and declared > limit:
                if self.pages is not None and self.pages(scope["path"]):
                    await self.app(scope, _refusing_receive(limit), send_with_version)
                else:
                    await self._too_large(scope, receive, send_with_version, limit)
                return
            received = 0

            async def limited_receive() -> Message:
                nonlocal received
                message = await receive()
                if message["type"] == "http.request":
                    received += len(message.get("body", b""))
                    if received > limit:
                        raise HTTPException(413, f"De body is groter dan {limit} bytes.")
                return message

            await self.app(scope, limited_receive, send_with_version)
        except Exception as exc:  # noqa: BLE001 - the last line of defence; never re-raised
            log.error(
                "onverwachte fout %s bij %s %s\n%s",
                type(exc).__name__,
                _method(scope),
                _route(scope),
                "".join(traceback.format_tb(exc.__traceback__)),
            )
            if not response_started:
                await problem_response(500, "Er ging iets mis; het verzoek is niet verwerkt.")(
                    scope, receive, send_with_version
                )
            else:
                status = 500
        finally:
            ids = " ".join(f"{k}={v}" for k, v in state.get("log", {}).items())
            log.info(
                "%s %s %s %.1fms%s",
                _method(scope),
                _route(scope),
                status,
                (time.perf_counter() - started_at) * 1000,
                f" {ids}" if ids else "",
            )

    async def _too_large(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        response = problem_response(413, f"De body is groter dan {limit} bytes.", headers={"Connection": "close"})
        await response(scope, receive, send)


def _refusing_receive(limit: int) -> Receive:
    """A `receive` that refuses the body at the first read (413), so the app answers as it answers errors."""

    async def receive() -> Message:
        raise HTTPException(413, f"De body is groter dan {limit} bytes.")

    return receive


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _repeated_query_parameter(scope: Scope) -> str | None:
    """The name of a query parameter given more than once (FastAPI would silently take the last)."""
    raw: bytes = scope.get("query_string", b"")
    if not raw:
        return None
    names = [name for name, _ in parse_qsl(raw.decode("latin-1"), keep_blank_values=True)]
    seen: set[str] = set()
    for name in names:
        if name in seen:
            return name
        seen.add(name)
    return None


def _method(scope: Scope) -> str:
    """The method the client sent (`api.http_policy` hands a HEAD request on as GET)."""
    return str(scope.get(ORIGINAL_METHOD) or scope.get("method"))


def _route(scope: Scope) -> str:
    """The matched route template (`/v1/beoordelingen/{id}`), never the raw path."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else "(geen route)"
