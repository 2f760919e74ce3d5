"""The site: the API's app with the web application's pages, static files and error pages.

`create_site` is what `reikwijdte serve` runs: the API (`api.app.create_app`) with the pages'
headers (`web.security`), the session key, the page routes, `/static` and HTML error pages
for the pages' paths (the API's paths keep their problem+json answers).
"""

from __future__ import annotations

import inspect
import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.app import create_app, freeze_startup_objects
from api.problems import ApiProblem
from api.settings import Settings
from engine.evaluator import Engine
from web.routes import beleid, beoordelingen, intake, proefomgeving, sessie
from web.sandbox import Concepten
from web.security import POLICIES, STATIC_PREFIX, is_page
from web.sessions import CsrfRefused, NotSignedIn, Sessions, signing_key
from web.templating import redirect, render

log = logging.getLogger("reikwijdte.web")

STATIC = Path(__file__).resolve().parent / "static"
VENDOR = STATIC / "vendor"
#: The files `npm ci` copies into web/static/vendor (scripts/copy-web-assets.mjs).
VENDOR_FILES = ("nlds-components.css", "nlds-theme.css", "htmx.min.js")


def create_site(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    """The API and the web application in one app (raises `RuleSetError` on invalid rules)."""
    app = create_app(
        settings, engine, policies=POLICIES, rules_body_paths=proefomgeving.RULES_BODY_PATHS, pages=is_page
    )
    install(app)
    return app


def create_served_site() -> FastAPI:
    """The site as `reikwijdte serve --workers N` runs it (the factory of each worker process)."""
    app = create_site()
    freeze_startup_objects()
    return app


def missing_assets() -> list[str]:
    return [name for name in VENDOR_FILES if not (VENDOR / name).is_file()]


def install(app: FastAPI) -> None:
    services = app.state.services
    app.state.web_sessions = Sessions(services.db, signing_key(services.db), services.settings.web_idle_minutes)
    missing = missing_assets()
    if missing:
        log.warning("web: %s ontbreken in %s; voer `npm ci` uit in de checkout", ", ".join(missing), VENDOR)
    app.mount(STATIC_PREFIX.rstrip("/"), StaticFiles(directory=STATIC, check_dir=False), name="static")
    app.include_router(sessie.router)
    app.include_router(intake.router)
    app.include_router(beoordelingen.router)
    app.state.concepten = Concepten()
    app.include_router(beleid.router)
    app.include_router(proefomgeving.router)
    _page_errors(app)


def _page_errors(app: FastAPI) -> None:
    """HTML answers for the pages' paths; the API's handlers keep answering the API's paths."""
    api_http_error = app.exception_handlers[StarletteHTTPException]
    api_problem = app.exception_handlers[ApiProblem]

    async def api_answer(handler: Any, request: Request, exc: Exception) -> Response:
        answer = handler(request, exc)
        return await answer if inspect.isawaitable(answer) else answer

    async def on_not_signed_in(request: Request, _exc: Exception) -> Response:
        # A pasted link (GET) is remembered, so the reader lands on it after signing in.
        if request.method == "GET" and request.url.path != "/":
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return redirect(request, "/inloggen?" + urlencode({"naar": target}))
        return redirect(request, "/inloggen")

    async def on_csrf(request: Request, _exc: Exception) -> Response:
        return render(
            request,
            "fout.html",
            _error(
                403,
                "Dit formulier is verlopen of niet van deze pagina.",
                "Laad de pagina opnieuw en probeer het nog eens.",
            ),
            status=403,
        )

    async def on_http_error(request: Request, exc: Exception) -> Response:
        if not is_page(request.url.path):
            return await api_answer(api_http_error, request, exc)
        assert isinstance(exc, StarletteHTTPException)
        if exc.status_code == 404:
            context = _error(404, "Deze pagina bestaat niet.", "Kies een pagina in het menu.")
        elif exc.status_code == 413:
            limit = request.app.state.services.settings
            most = (
                limit.max_rules_body_bytes
                if request.url.path in proefomgeving.RULES_BODY_PATHS
                else limit.max_body_bytes
            )
            context = _error(
                413,
                "Wat u stuurde is te groot.",
                f"Een bestand of tekst mag hier hoogstens {most // 1024} kB zijn. Ga terug en maak het kleiner.",
            )
        elif exc.status_code == 405:
            context = _error(405, "Deze pagina werkt zo niet.", "Ga terug en gebruik de knoppen op de pagina.")
        else:
            context = _error(exc.status_code, "Dit verzoek kon niet worden verwerkt.", "Probeer het opnieuw.")
        return render(request, "fout.html", context, status=exc.status_code)

    async def on_problem(request: Request, exc: Exception) -> Response:
        if not is_page(request.url.path):
            return await api_answer(api_problem, request, exc)
        assert isinstance(exc, ApiProblem)
        return render(request, "fout.html", _error(exc.status, exc.detail or "Dit kan niet.", ""), status=exc.status)

    app.add_exception_handler(NotSignedIn, on_not_signed_in)
    app.add_exception_handler(CsrfRefused, on_csrf)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(ApiProblem, on_problem)


def _error(status: int, titel: str, uitleg: str) -> dict[str, Any]:
    return {"titel": titel, "status": status, "uitleg": uitleg}
