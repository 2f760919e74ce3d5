"""The application factory: rules, database and routes wired together.

Everything that can fail at start fails here, before the first request: a rule set with errors
is refused (the service does not start on rules nobody validated), the database is migrated to
the newest schema, and the rulesets for today are compiled so the first case is not slow.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api import docs_ui, openapi, problems
from api.auth import refusal_before_body
from api.database import make_engine, migrate
from api.http_policy import HttpPolicy, PathPolicy
from api.middleware import API_VERSION, RequestGuard
from api.ratelimit import make_limiter
from api.routes import audit, beoordelingen, besluiten, regels, systeem
from api.services import Services
from api.settings import Settings
from api.store import Store
from api.tokens import TokenCache
from engine.compiler import SelectionError
from engine.evaluator import Engine
from engine.loader import load_rulebase

VALIDATION_PATH = "/v1/regels/validatie"


def _warm(engine: Engine) -> None:
    """Compile today's rulesets (national and per municipality) before traffic arrives."""
    today = dt.date.today()
    for gemeente in [None, *sorted(engine.base.gemeenten)]:
        # No rules in force today: requests for today get a clear 422.
        with contextlib.suppress(SelectionError):
            engine.ruleset(today, gemeente)


def create_app(
    settings: Settings | None = None,
    engine: Engine | None = None,
    policies: Sequence[PathPolicy] = (),
    rules_body_paths: Sequence[str] = (),
    pages: Callable[[str], bool] | None = None,
) -> FastAPI:
    """A ready app; raises `RuleSetError` when the rules are invalid.

    `engine` lets a caller that already loaded `settings.rules_dir` share it (the tests do);
    `policies` give the headers of paths that are not the API's (the web application's pages);
    `rules_body_paths` are further paths that take a rules file (the policy makers' sandbox) and
    so get the validation route's body limit instead of the general one; `pages` tells the paths
    of web pages, whose oversized bodies the app's own error pages answer.
    """
    settings = settings or Settings.from_env()
    engine = engine or Engine(load_rulebase(settings.rules_dir))
    db = make_engine(settings.database_url)
    migrate(db)
    _warm(engine)

    store = Store(db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()
        db.dispose()

    app = FastAPI(
        title="Reikwijdte API",
        version=API_VERSION,
        summary="Beoordeel hoe een jeugdhulpvraag onder de Jeugdwet wordt bereikt; leg het besluit vast.",
        docs_url=None,  # served from local files by `api.docs_ui`
        redoc_url=None,
        openapi_url="/v1/openapi.json",
        lifespan=lifespan,
        # `/v1/regels/` is not `/v1/regels`: 404, not a redirect (NL API Design Rules, API-48).
        redirect_slashes=False,
        # No OpenTelemetry from FastAPI: the service exports none (its record of a request is the
        # log line of `api.middleware`). Left on, FastAPI asks OpenTelemetry for its global
        # providers on every request (environment lookups), which under load was about 6% of the
        # event loop thread's samples (py-spy; docs/performance.md, issue 19).
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.services = Services(
        settings=settings,
        engine=engine,
        db=db,
        store=store,
        tokens=TokenCache(db, settings.token_cache_seconds),
        limiter=make_limiter(settings.rate_limit_per_minute, 60.0, settings.redis_url),
    )
    problems.install(app, gate=refusal_before_body)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "HEAD", "POST"],
            allow_headers=["Authorization", "Content-Type", "Idempotency-Key"],
            expose_headers=["API-Version", "Location", "Retry-After", "Idempotent-Replayed"],
            max_age=600,
        )
    rules_paths = frozenset({VALIDATION_PATH, *rules_body_paths})
    app.add_middleware(
        RequestGuard,
        limit_for=lambda path: settings.max_rules_body_bytes if path in rules_paths else settings.max_body_bytes,
        pages=pages,
    )
    app.add_middleware(HttpPolicy, policies=policies)  # outermost: every answer carries its headers
    app.include_router(systeem.router)
    app.include_router(docs_ui.router)
    app.include_router(beoordelingen.router)
    app.include_router(besluiten.router)
    app.include_router(audit.router)
    app.include_router(regels.router)
    app.openapi = lambda: openapi.build(app, settings)  # type: ignore[method-assign]
    return app


def create_served_app() -> FastAPI:
    """The app as `reikwijdte serve` runs it (the factory of each worker process)."""
    app = create_app()
    freeze_startup_objects()
    return app


def freeze_startup_objects() -> None:
    """Keep the garbage collector's full passes off everything built at start.

    The rule base, the compiled rulesets, pydantic's and SQLAlchemy's models and the routes live
    as long as the process, but a full (oldest-generation) collection still walks them all: on
    this service that was a 40-80 ms pause every few seconds under load, in the middle of
    whatever requests were running, and the bulk of the p99 latency. Frozen objects are never
    collected or walked; what requests create is collected as usual.
    """
    gc.collect()
    gc.freeze()
