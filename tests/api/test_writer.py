"""The group-commit writer: rows land in few transactions, a bad row fails alone, restarts work."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, event, insert, select
from sqlalchemy.exc import IntegrityError

from api.database import make_engine
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
