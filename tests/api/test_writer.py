"""The group-commit writer: rows land in few transactions, a bad row fails alone, restarts work."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import threading
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, event, insert, select, text
from sqlalchemy.exc import IntegrityError

from api.checkpoint import WalCheckpointer
from api.database import make_engine, migrate
from api.settings import sqlite_url
from api.writer import GroupWriter

_metadata = MetaData()
_rows = Table("rows", _metadata, Column("id", Integer, primary_key=True), Column("v", String))


@pytest.fixture
def setup(tmp_path: Path):
    db = make_engine(sqlite_url(tmp_path))
    _metadata.create_all(db)
    commits: list[int] = []
    event.listen(db, "commit", lambda _conn: commits.append(1))
    lock = threading.Lock()
    writer = GroupWriter(db, insert(_rows), lambda: lock)
    yield db, writer, lock, commits
    writer.close()
    db.dispose()


def _ids(db) -> list[int]:
    with db.connect() as conn:
        return sorted(conn.execute(select(_rows.c.id)).scalars())


def test_waiting_rows_share_a_commit(setup) -> None:
    db, writer, lock, commits = setup
    with lock:  # the writer cannot commit yet, so the rows queue up behind the first
        futures = [writer.submit({"id": i, "v": "x"}) for i in range(50)]
    for future in futures:
        future.result(timeout=10)
    assert _ids(db) == list(range(50))
    assert len(commits) <= 3


def test_a_failing_row_fails_alone(setup) -> None:
    db, writer, lock, _ = setup
    writer.submit({"id": 1, "v": "first"}).result(timeout=10)
    with lock:
        good = [writer.submit({"id": i, "v": "x"}) for i in (2, 3)]
        duplicate = writer.submit({"id": 1, "v": "again"})
        more = writer.submit({"id": 4, "v": "x"})
    for future in [*good, more]:
        future.result(timeout=10)
    with pytest.raises(IntegrityError):
        duplicate.result(timeout=10)
    assert _ids(db) == [1, 2, 3, 4]


def test_close_commits_the_queue_and_a_later_submit_restarts(setup) -> None:
    db, writer, lock, _ = setup
    with lock:
        futures = [writer.submit({"id": i, "v": "x"}) for i in range(10)]
        closer = threading.Thread(target=writer.close)
        closer.start()
    closer.join(timeout=10)
    assert all(f.done() and f.exception() is None for f in futures)
    writer.submit({"id": 99, "v": "after"}).result(timeout=10)
    assert _ids(db) == [*range(10), 99]


def test_requests_of_one_commit_are_released_with_one_wake_up_of_their_loop(setup) -> None:
    db, writer, lock, commits = setup
    wake_ups = 0

    async def main() -> None:
        nonlocal wake_ups
        loop = asyncio.get_running_loop()
        original = loop.call_soon_threadsafe

        def counted(*args: Any, **kwargs: Any) -> Any:
            nonlocal wake_ups
            wake_ups += 1
            return original(*args, **kwargs)

        loop.call_soon_threadsafe = counted  # type: ignore[method-assign]
        lock.acquire()  # the rows queue up behind the first
        inserts = [asyncio.ensure_future(writer.insert({"id": i, "v": "x"})) for i in range(40)]
        await asyncio.sleep(0.05)
        lock.release()
        await asyncio.wait_for(asyncio.gather(*inserts), timeout=10)

    asyncio.run(main())
    assert _ids(db) == list(range(40))
    assert wake_ups == len(commits) <= 3


def test_a_request_that_stopped_waiting_does_not_stop_the_writer(setup) -> None:
    db, writer, lock, _ = setup

    async def main() -> None:
        with lock:
            gone = asyncio.ensure_future(writer.insert({"id": 1, "v": "x"}))
            await asyncio.sleep(0.01)
            gone.cancel()  # the client went away while its row was queued
            await asyncio.sleep(0.01)
        await asyncio.wait_for(writer.insert({"id": 2, "v": "x"}), timeout=10)

    asyncio.run(main())
    assert _ids(db) == [1, 2]


def test_a_new_sqlite_database_has_16_kb_pages_and_an_old_one_keeps_its_own(tmp_path: Path) -> None:
    new = make_engine(sqlite_url(tmp_path / "new"))
    migrate(new)
    old_file = tmp_path / "old" / "reikwijdte.db"
    old_file.parent.mkdir()
    with sqlite3.connect(old_file) as conn:  # made before: SQLite's default page size
        conn.execute("CREATE TABLE earlier (id INTEGER)")
    old = make_engine(f"sqlite:///{old_file}")
    try:
        for db, size in ((new, 16384), (old, 4096)):
            with db.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA page_size").scalar() == size
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        new.dispose()
        old.dispose()


def _rows_in_the_database_file(db_file: Path, copy: Path) -> int:
    """The rows the database file itself holds, without its write-ahead log (a copy of the file alone)."""
    copy.write_bytes(db_file.read_bytes())
    with sqlite3.connect(copy) as conn:
        return int(conn.execute("SELECT count(*) FROM rows").fetchone()[0])


def test_the_checkpointer_copies_the_log_into_the_database_after_enough_commits(tmp_path: Path) -> None:
    db = make_engine(sqlite_url(tmp_path))
    _metadata.create_all(db)
    with db.connect() as conn:  # the table itself into the database file
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db_file = Path(str(db.url.database))
    checkpointer = WalCheckpointer(db, every_bytes=10_000)
    lock = threading.Lock()
    writer = GroupWriter(
        db,
        insert(_rows),
        lambda: lock,
        after_commit=lambda rows: checkpointer.committed(sum(len(r["v"]) for r in rows)),
    )
    try:
        for i in range(3):  # 3,000 bytes: no checkpoint due, and far below SQLite's own 1,000 pages
            writer.submit({"id": i, "v": "x" * 1000}).result(timeout=10)
        assert _rows_in_the_database_file(db_file, tmp_path / "before.db") == 0
        for i in range(3, 12):  # 12,000 bytes in all: one checkpoint due
            writer.submit({"id": i, "v": "x" * 1000}).result(timeout=10)
        checkpointer.close()  # waits for the checkpoint under way
        assert _rows_in_the_database_file(db_file, tmp_path / "after.db") >= 10
        assert _ids(db) == list(range(12))
    finally:
        writer.close()
        checkpointer.close()
        db.dispose()


def test_a_failing_after_commit_hook_does_not_stop_the_writer(setup) -> None:
    db, _, lock, _ = setup

    def broken(_rows: list[dict[str, Any]]) -> None:
        raise RuntimeError("kapot")

    writer = GroupWriter(db, insert(_rows), lambda: lock, after_commit=broken)
    try:
        writer.submit({"id": 1, "v": "x"}).result(timeout=10)
        writer.submit({"id": 2, "v": "x"}).result(timeout=10)
    finally:
        writer.close()
    assert _ids(db) == [1, 2]


def test_the_writer_keeps_one_connection_from_batch_to_batch(setup) -> None:
    db, writer, _, _ = setup
    checkouts: list[str] = []
    event.listen(db, "checkout", lambda *_: checkouts.append(threading.current_thread().name))
    for i in range(5):
        writer.submit({"id": i, "v": "x"}).result(timeout=10)
    assert _ids(db) == list(range(5))
    assert checkouts.count("reikwijdte-writer") == 1


def test_a_failure_gives_the_connection_back_and_the_next_batch_takes_another(setup) -> None:
    db, writer, _, _ = setup
    checkouts: list[str] = []
    writer.submit({"id": 1, "v": "first"}).result(timeout=10)
    event.listen(db, "checkout", lambda *_: checkouts.append(threading.current_thread().name))
    with pytest.raises(IntegrityError):
        writer.submit({"id": 1, "v": "again"}).result(timeout=10)
    writer.submit({"id": 2, "v": "x"}).result(timeout=10)
    assert _ids(db) == [1, 2]
    # The failed attempt gives its connection back; the retry of the row takes one (and gives it
    # back when the row fails again); the batch after it takes another.
    assert checkouts.count("reikwijdte-writer") == 2


def test_a_lost_postgresql_connection_costs_no_request(postgres_url: str) -> None:
    """The server ends the writer's held connection (a restart, an administrator): the next row
    is stored all the same, on a fresh connection."""
    name = f"writer-test-{uuid.uuid4().hex[:8]}"
    separator = "&" if "?" in postgres_url else "?"
    db = make_engine(f"{postgres_url}{separator}application_name={name}")
    _metadata.create_all(db)
    writer = GroupWriter(db, insert(_rows), contextlib.nullcontext)
    try:
        writer.submit({"id": 1, "v": "x"}).result(timeout=10)
        with db.connect() as admin:
            ended = admin.execute(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE application_name = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            ).scalar_one()
        assert ended >= 1
        writer.submit({"id": 2, "v": "x"}).result(timeout=10)
        assert _ids(db) == [1, 2]
    finally:
        writer.close()
        db.dispose()
