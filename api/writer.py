"""Group commit: one writer thread turns concurrent inserts into few transactions.

Every acknowledged assessment must be on disk (`synchronous=FULL` on SQLite, a committed
transaction on PostgreSQL), and one fsync per request would make the disk's flush time the
limit on throughput. Requests hand their row to this thread and wait; the thread inserts all
rows that are waiting in one transaction, commits once, and only then releases the waiters.
Under load a commit carries dozens of rows; when idle, a single row is committed at once, so
nothing waits for a batch to fill. The requests of one commit are released together: one wake-up
of their event loop per commit, not one per row.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Insert

log = logging.getLogger("reikwijdte.api")

_STOP = object()


@dataclass(frozen=True, slots=True)
class Commit:
    """The transaction that carried a row: when the writer took its batch up, and when it was
    committed (`time.perf_counter()` values; the request log's phases, `api.phases`)."""

    started: float
    committed: float


class GroupWriter:
    """Inserts rows of one table through one background thread, committing them in groups."""

    def __init__(
        self,
        engine: Engine,
        statement: Insert,
        exclusive: Callable[[], AbstractContextManager[Any]],
        max_batch: int = 128,
        after_commit: Callable[[list[dict[str, Any]]], None] | None = None,
    ) -> None:
        self.engine = engine
        self.statement = statement
        self.exclusive = exclusive
        self.max_batch = max_batch
        #: Called in the writer thread with the rows of each commit, once their requests are released.
        self.after_commit = after_commit
        # Each writer thread has its own queue, so a thread being stopped and one just started
        # can never take each other's rows or stop marker.
        self._queue: queue.SimpleQueue[Any] | None = None
        self._thread: threading.Thread | None = None
        self._lifecycle = threading.Lock()

    def submit(self, row: dict[str, Any]) -> Future[Commit]:
        """Queue `row`; the future completes once it is committed (or fails with the error)."""
        future: Future[Commit] = Future()
        self._queue_row(row, future)
        return future

    async def insert(self, row: dict[str, Any]) -> Commit:
        """Insert `row` and return once it is committed."""
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[Commit] = loop.create_future()
        self.enqueue(row, loop, waiter)
        return await waiter

    def enqueue(self, row: dict[str, Any], loop: asyncio.AbstractEventLoop, waiter: asyncio.Future[Commit]) -> None:
        """Queue `row` from any thread; `waiter`, a future of `loop`, completes once it is committed."""
        self._queue_row(row, (loop, waiter))

    def _queue_row(self, row: dict[str, Any], waiter: _Waiter) -> None:
        with self._lifecycle:
            if self._thread is None or self._queue is None:
                # Started on demand (and again after `close`), so the writer never depends on
                # an ASGI lifespan having run: test clients may run one per request.
                self._queue = queue.SimpleQueue()
                self._thread = threading.Thread(
                    target=self._run, args=(self._queue,), name="reikwijdte-writer", daemon=True
                )
                self._thread.start()
            self._queue.put((row, waiter))

    def close(self, timeout: float = 30) -> None:
        """Commit what is queued, then stop the thread (a later `submit` starts a new one)."""
        with self._lifecycle:
            thread, pending = self._thread, self._queue
            self._thread, self._queue = None, None
            if pending is not None:
                pending.put(_STOP)
        if thread is not None:
            thread.join(timeout)

    def _run(self, pending: queue.SimpleQueue[Any]) -> None:
        held = _HeldConnection(self.engine)
        try:
            while True:
                item = pending.get()
                if item is _STOP:
                    return
                batch = [item]
                stop = False
                while len(batch) < self.max_batch:
                    try:
                        more = pending.get_nowait()
                    except queue.Empty:
                        break
                    if more is _STOP:
                        stop = True
                        break
                    batch.append(more)
                self._write(batch, held)
                if stop:
                    return
        finally:
            held.release()

    def _write(self, batch: list[tuple[dict[str, Any], _Waiter]], held: _HeldConnection) -> None:
        started = time.perf_counter()
        try:
            with self.exclusive(), held.transaction() as conn:
                conn.execute(self.statement, [row for row, _ in batch])
        except Exception:  # noqa: BLE001 - isolate the failing row: retry one by one
            if len(batch) > 1:
                for single in batch:
                    self._write([single], held)
                return
            try:
                with self.exclusive(), held.transaction() as conn:
                    conn.execute(self.statement, [batch[0][0]])
            except Exception as exc:  # noqa: BLE001 - handed to the waiting request
                log.error("opslaan mislukt: %s", type(exc).__name__)
                _release([batch[0][1]], exc)
                return
            _release([batch[0][1]], Commit(started, time.perf_counter()))
            self._committed([batch[0][0]])
            return
        _release([waiter for _, waiter in batch], Commit(started, time.perf_counter()))
        self._committed([row for row, _ in batch])

    def _committed(self, rows: list[dict[str, Any]]) -> None:
        if self.after_commit is None:
            return
        try:
            self.after_commit(rows)
        except Exception as exc:  # noqa: BLE001 - the rows are committed; the writer must go on
            log.error("na het opslaan: %s", type(exc).__name__)


class _HeldConnection:
    """The writer thread's own connection, kept from one batch to the next.

    Taking a connection from the pool for every batch makes the engine check it first (on
    PostgreSQL its `pool_pre_ping` is a `SELECT 1` round trip, with the interpreter lock to take
    again after it). Held, the commit phase of a paced request on PostgreSQL took about a seventh
    less (`docs/performance.md`, "The fifth session"). A held connection is checked once, when it
    is taken. After any failure it is given back (the pool discards one that lost its server) and
    the next transaction takes a fresh one, checked again: so a restarted database costs one failed
    attempt, which the writer retries row by row, and no request fails for it.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._connection: Connection | None = None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A transaction on the held connection (taken first if there is none): committed when the
        block ends, rolled back and the connection given back when it raises."""
        if self._connection is None:
            self._connection = self.engine.connect()
        try:
            with self._connection.begin():
                yield self._connection
        except BaseException:
            self.release()
            raise

    def release(self) -> None:
        """Give the connection back to the pool (if one is held)."""
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(Exception):  # a broken connection is discarded all the same
                connection.close()


#: Who waits for a row: a thread (a `concurrent.futures.Future`) or a request on an event loop.
_Waiter = Future[Commit] | tuple[asyncio.AbstractEventLoop, asyncio.Future[Commit]]


def _release(waiters: list[_Waiter], outcome: Commit | BaseException) -> None:
    """Tell the waiters their rows are committed (or failed): one call per event loop."""
    on_loops: dict[asyncio.AbstractEventLoop, list[asyncio.Future[Commit]]] = {}
    for waiter in waiters:
        if isinstance(waiter, Future):
            if isinstance(outcome, Commit):
                waiter.set_result(outcome)
            else:
                waiter.set_exception(outcome)
        else:
            on_loops.setdefault(waiter[0], []).append(waiter[1])
    for loop, futures in on_loops.items():
        # A closed loop has nobody left waiting on it.
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(_settle, futures, outcome)


def _settle(futures: list[asyncio.Future[Commit]], outcome: Commit | BaseException) -> None:
    """On the waiters' own loop: complete each future a request still awaits (not one cancelled)."""
    for future in futures:
        if future.done():
            continue
        if isinstance(outcome, Commit):
            future.set_result(outcome)
        else:
            future.set_exception(outcome)
