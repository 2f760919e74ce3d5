"""Every error as `application/problem+json` (RFC 9457), as the NL API Design Rules prescribe.

Handlers turn FastAPI's validation errors, Starlette's HTTP errors and the service's own
`ApiProblem` into one shape, so a client needs one error parser. Validation errors list each
field path with a message under `invalidParams`, never the submitted value: a value may be
case data, and an error body is easily copied into a ticket or a log.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse

from engine.schema_messages import dutch_message

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("reikwijdte.api")


class ProblemResponse(JSONResponse):
    """problem+json rendered ASCII-only: a field name echoed from the request may hold text that
    is not valid Unicode (a lone surrogate), and an error report must never fail to render."""

    media_type = PROBLEM_JSON

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=True, separators=(",", ":")).encode("ascii")


TITLES = {
    400: "Ongeldig verzoek",
    401: "Niet geauthenticeerd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Niet aanvaardbaar",
    409: "Conflict",
    413: "Verzoek te groot",
    415: "Mediatype niet ondersteund",
    422: "Ongeldige invoer",
    429: "Te veel verzoeken",
    500: "Interne fout",
    503: "Niet beschikbaar",
}

#: Where the request location (`body`, `query`, `path`) is not part of the field path a client sees.
_LOCATIONS = ("body", "query", "path", "header", "cookie")


class ApiProblem(Exception):
    """An error the service reports on purpose, with its status and (optionally) the bad fields."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        type: str = "about:blank",
        title: str | None = None,
        invalid_params: list[dict[str, str]] | None = None,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.type = type
        self.title = title
        self.invalid_params = invalid_params
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})


def title_for(status: int) -> str:
    if status in TITLES:
        return TITLES[status]
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Fout"


def problem_response(
    status: int,
    detail: str | None = None,
    *,
    type: str = "about:blank",
    title: str | None = None,
    invalid_params: list[dict[str, str]] | None = None,
    headers: Mapping[str, str] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {"type": type, "title": title or title_for(status), "status": status}
    if detail:
        body["detail"] = detail
    if invalid_params:
        body["invalidParams"] = invalid_params
    body.update(extra or {})
    return ProblemResponse(body, status_code=status, headers=dict(headers or {}))


def invalid_param(name: str, reason: str, code: str = "invalid") -> dict[str, str]:
    return {"name": name, "code": code, "reason": reason}


def field_path(loc: Iterable[Any]) -> str:
    parts = list(loc)
    if parts and parts[0] in _LOCATIONS:
        parts = parts[1:]
    return ".".join(str(p) for p in parts) or "(body)"


def _validation_reason(error: Mapping[str, Any]) -> str:
    if error.get("type") == "extra_forbidden":
        return "onbekend veld"
    if error.get("type") == "missing":
        return "verplicht veld ontbreekt"
    # pydantic's own messages are English; integrators and access workers read Dutch. The value
    # itself is left out: it may be case data, and problem responses end up in logs.
    return dutch_message(error, show_value=False)


async def _on_problem(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiProblem)
    return problem_response(
        exc.status,
        exc.detail,
        type=exc.type,
        title=exc.title,
        invalid_params=exc.invalid_params,
        headers=exc.headers,
        extra=exc.extra,
    )


async def _on_http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail != title_for(exc.status_code) else None
    if detail == HTTPStatus(exc.status_code).phrase:
        detail = None
    return problem_response(exc.status_code, detail, headers=exc.headers)


def _validation_problem(exc: RequestValidationError) -> JSONResponse:
    if any(err.get("type") == "json_invalid" for err in exc.errors()):
        # Not a field that is wrong but a body that cannot be read at all: 400, as docs/api.md says.
        return problem_response(400, "De body is geen geldige JSON.")
    params = [
        invalid_param(field_path(err.get("loc", ())), _validation_reason(err), str(err.get("type", "invalid")))
        for err in exc.errors()
    ]
    return problem_response(422, "Het verzoek bevat ongeldige of ontbrekende velden.", invalid_params=params)


async def _on_database_unavailable(_request: Request, exc: Exception) -> JSONResponse:
    # The message may quote a statement's parameters (case data); only the type is reported.
    log.error("database niet beschikbaar: %s", type(exc).__name__)
    return problem_response(
        503, "De database is niet beschikbaar; probeer het later opnieuw.", headers={"Retry-After": "5"}
    )


Gate = Callable[[Request], Awaitable["ApiProblem | None"]]


def install(app: FastAPI, gate: Gate) -> None:
    """Register the problem+json handlers on `app`.

    `gate(request)` is asked before a validation error is reported: the problem it returns (a
    401 or 403) is answered instead, so a client without access learns nothing about the body.
    """

    async def on_validation_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        refusal = await gate(request)
        if refusal is not None:
            return await _on_problem(request, refusal)
        return _validation_problem(exc)

    app.add_exception_handler(OperationalError, _on_database_unavailable)
    app.add_exception_handler(ApiProblem, _on_problem)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
