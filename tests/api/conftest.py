"""Fixtures for the HTTP API tests: an app on SQLite (always) or PostgreSQL (where reachable).

PostgreSQL tests use the server on 127.0.0.1:5432 (trust auth, user postgres, database `test`,
or `$REIKWIJDTE_TEST_POSTGRES`); each test gets its own schema, dropped afterwards. Where no
server answers, those tests are skipped with the reason, so the suite passes on a bare machine.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from api_support import POSTGRES_URL, Api, postgres_problem, start_api
from sqlalchemy import create_engine, text

from api.settings import sqlite_url


@pytest.fixture(scope="session")
def postgres_reason() -> str | None:
    return postgres_problem()


@pytest.fixture
def postgres_url(postgres_reason: str | None) -> Iterator[str]:
    """A database URL whose tables live in a fresh schema of their own."""
    if postgres_reason:
        pytest.skip(postgres_reason)
    schema = f"reikwijdte_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in POSTGRES_URL else "?"
    try:
        yield f"{POSTGRES_URL}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def sqlite_api(tmp_path: Path) -> Iterator[Api]:
    yield from start_api(tmp_path / "data", sqlite_url(tmp_path / "data"))


@pytest.fixture(scope="module")
def shared_sqlite_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    """One app for a whole module, for tests that only add records and never revoke tokens."""
    data = tmp_path_factory.mktemp("shared") / "data"
    yield from start_api(data, sqlite_url(data))


@pytest.fixture(params=["sqlite", "postgresql"])
def api(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Api]:
    """The app on each storage backend (PostgreSQL skipped with a reason where absent)."""
    url = sqlite_url(tmp_path / "data") if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    yield from start_api(tmp_path / "data", url)
