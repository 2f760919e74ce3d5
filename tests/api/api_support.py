"""Helpers for the HTTP API tests (imported as `api_support`; fixtures are in conftest.py)."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import create_engine, text

from api import teams, tokens
from api.app import create_app
from api.settings import Settings
from engine.evaluator import Engine
from engine.loader import load_rulebase

with warnings.catch_warnings():
    # Starlette suggests another HTTP client for its TestClient; httpx works and is what we ship.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parents[2]
#: The checkout's rules; `$REIKWIJDTE_TEST_REGELS` points the API tests at another rules directory.
RULES = Path(os.environ.get("REIKWIJDTE_TEST_REGELS") or ROOT / "rules").resolve()
PERSONA = ROOT / "personas" / "gezin-jansen-oudercursus.yaml"
POSTGRES_URL = os.environ.get("REIKWIJDTE_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
ROLES = ("toegang", "beleid", "audit", "audit_landelijk")
#: The test municipality (has a rules file) and a second one for the boundary tests.
GEMEENTE = "voorbeeldstad"
ANDERE_GEMEENTE = "anderstad"


def postgres_problem() -> str | None:
    """None when PostgreSQL answers, else why not (the skip reason)."""
    try:
        engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # noqa: BLE001 - any failure means: not available here
        return f"PostgreSQL not reachable at {POSTGRES_URL} ({type(exc).__name__}); start it or set $REIKWIJDTE_TEST_POSTGRES"
    return None


@dataclass
class Api:
    """A running app (TestClient) with one token per role and one with every role.

    The role tokens belong to team `team` (municipality `GEMEENTE`); `tokens` also holds
    `toegang-ander-team` (another team of the same municipality) and `toegang-andere-gemeente`,
    `audit-andere-gemeente` (a team of another municipality), and `landelijk-elders`
    (`audit_landelijk` in that other municipality's team).
    """

    app: Any
    client: TestClient
    tokens: dict[str, str]
    settings: Settings

    def auth(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}"}

    @property
    def db(self) -> Any:
        return self.app.state.services.db


_ENGINE: Engine | None = None


def shared_engine() -> Engine:
    """One engine for the whole run: loading and compiling the rules once keeps the suite fast."""
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = Engine(load_rulebase(RULES))
    return _ENGINE


def start_api(data_dir: Path, database_url: str, **overrides: Any) -> Iterator[Api]:
    settings = Settings(
        data_dir=data_dir, rules_dir=RULES, database_url=database_url, token_cache_seconds=0, **overrides
    )
    app = create_app(settings, engine=shared_engine())
    db = app.state.services.db
    teams.create(db, "team", GEMEENTE)
    teams.create(db, "ander-team", GEMEENTE)
    teams.create(db, "team-elders", ANDERE_GEMEENTE)
    made = {role: tokens.create(db, f"team-{role}", [role], "team")[0] for role in ROLES}
    made["alle"] = tokens.create(db, "team-alle", list(ROLES), "team")[0]
    made["toegang-ander-team"] = tokens.create(db, "ander-toegang", ["toegang"], "ander-team")[0]
    made["toegang-andere-gemeente"] = tokens.create(db, "elders-toegang", ["toegang"], "team-elders")[0]
    made["audit-andere-gemeente"] = tokens.create(db, "elders-audit", ["audit"], "team-elders")[0]
    made["landelijk-elders"] = tokens.create(db, "landelijke-audit", ["audit_landelijk"], "team-elders")[0]
    with TestClient(app, raise_server_exceptions=False) as client:
        yield Api(app, client, made, settings)


def persona_request() -> dict[str, Any]:
    """The request body for the Jansen persona: its case and its date (the story stays out)."""
    persona = yaml.safe_load(PERSONA.read_text(encoding="utf-8"))
    body: dict[str, Any] = {"casus": persona["casus"]}
    if persona.get("peildatum"):
        body["peildatum"] = str(persona["peildatum"])
    if persona.get("gemeente"):
        body["gemeente"] = persona["gemeente"]
    return body


def persona_expectation() -> dict[str, Any]:
    return dict(yaml.safe_load(PERSONA.read_text(encoding="utf-8")).get("verwacht") or {})
