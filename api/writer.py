"""Group commit: one writer thread turns concurrent inserts into few transactions.

Every acknowledged assessment must be on disk (`synchronous=FULL` on SQLite, a committed
transaction on PostgreSQL), and one fsync per request would make the disk's flush time the
limit on throughput. Requests hand their row to this thread and wait; the thread inserts all
rows that are waiting in one transaction, commits once, and only then releases the waiters.
Under load a commit carries dozens of rows; when idle, a single row is committed at once, so
nothing waits for a batch to fill.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import Engine, Insert

log = logging.getLogger("reikwijdte.api")

_STOP = object()


class GroupWriter:
    """Inserts rows of one table through one background thread, committing them in groups."""

    def __init__(
        self,
        engine: Engine,
        statement: Insert,
        exclusive: Callable[[], AbstractContextManager[Any]],
        max_batch: int = 128,
    ) -> None:
        self.engine = engine
        self.statement = statement
        self.exclusive = exclusive
        self.max_batch = max_batch
        # Each writer thread has its own queue, so a thread being stopped and one just started
        # can never take each other's rows or stop marker.
        self._queue: queue.SimpleQueue[Any] | None = None
        self._thread: threading.Thread | None = None
        self._lifecycle = threading.Lock()

    def submit(self, row: dict[str, Any]) -> Future[None]:
        """Queue `row`; the future completes once it is committed (or fails with the error)."""
        future: Future[None] = Future()
        with self._lifecycle:
            if self._thread is None or self._queue is None:
                # Started on demand (and again after `close`), so the writer never depends on
                # an ASGI lifespan having run: test clients may run one per request.
                self._queue = queue.SimpleQueue()
                self._thread = threading.Thread(
                    target=self._run, args=(self._queue,), name="reikwijdte-writer", daemon=True
                )
                self._thread.start()
            self._queue.put((row, future))
        return future

    async def insert(self, row: dict[str, Any]) -> None:
        """Insert `row` and return once it is committed."""
        await asyncio.wrap_future(self.submit(row))

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
            self._write(batch)
            if stop:
                return

    def _write(self, batch: list[tuple[dict[str, Any], Future[None]]]) -> None:
        try:
            with self.exclusive(), self.engine.begin() as conn:
                conn.execute(self.statement, [row for row, _ in batch])
        except Exception:  # noqa: BLE001 - isolate the failing row: retry one by one
            if len(batch) > 1:
                for single in batch:
                    self._write([single])
                return
            _, future = batch[0]
            try:
                with self.exclusive(), self.engine.begin() as conn:
                    conn.execute(self.statement, [batch[0][0]])
            except Exception as exc:  # noqa: BLE001 - handed to the waiting request
                log.error("opslaan mislukt: %s", type(exc).__name__)
                future.set_exception(exc)
                return
            future.set_result(None)
            return
        for _, future in batch:
            future.set_result(None)
