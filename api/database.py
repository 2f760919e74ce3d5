"""Connecting to the database and bringing its schema up to date with Alembic.

SQLite is the embedded default: WAL mode so readers never wait for the writer, `synchronous=FULL`
so a commit is on disk before the client hears "201" (the acknowledged-means-stored promise), and
foreign keys switched on. A new database gets 16 KB pages instead of 4 KB: an assessment's
document (36-90 KB of JSON) then spans a few pages instead of twenty, and SQLite writes each page
to the WAL and again at the checkpoint, one system call each, so a stored assessment costs about
a quarter of the writes (measured in `docs/performance.md`, issue 19). An existing database keeps
the page size it was made with (SQLite changes it only in an empty database). PostgreSQL is used when `DATABASE_URL` names it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: Bytes per page of a new SQLite database (see the module docstring).
SQLITE_PAGE_SIZE = 16384


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(url: str) -> Engine:
    """A pooled engine for `url`; for SQLite the data directory is created when missing."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            pool_size=8,
            max_overflow=48,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_size=10, max_overflow=40, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA page_size={SQLITE_PAGE_SIZE}")  # only takes effect in an empty database
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
    finally:
        cursor.close()


def alembic_config() -> Config:
    """Alembic configured in code, so no `alembic.ini` has to be found on the operator's machine."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def migrate(engine: Engine) -> None:
    """Apply every pending migration (idempotent; safe on each start)."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def schema_is_current(engine: Engine) -> bool:
    """True when the database is reachable and at the newest migration (for /readyz)."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
        current = MigrationContext.configure(connection).get_current_revision()
    return current == head
