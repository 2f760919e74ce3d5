"""SQLite's WAL checkpoints in a thread of their own, so that no commit waits for one.

In WAL mode SQLite appends each commit to the write-ahead log and later copies the pages into
the database file: the checkpoint. By default the commit that fills the log to 1,000 pages runs
that checkpoint itself, inside the commit: it writes every page again and fsyncs the database
file (with 16 KB pages, up to 16 MB), and every request in that commit, and every one queued
behind it, waits. That made the tail of the paced latency
(`docs/performance.md`, issue 19).

Here the group writer reports the bytes it committed; once about `every_bytes` have been
written since the last checkpoint, this thread runs a PASSIVE checkpoint on its own connection.
A passive checkpoint never blocks a writer or a reader (SQLite lets the log grow while it runs,
and starts the log over at the next commit once everything is copied), so commits go on
meanwhile. SQLite's own automatic checkpoint stays on as a safety net: it only comes due when
this thread falls more than the 1,000 pages behind.
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy import Engine

log = logging.getLogger("reikwijdte.api")

#: Bytes committed between two checkpoints: a sixteenth of what SQLite's default (1,000 pages of
#: 16 KB) lets pile up, so each checkpoint is short and the default never comes due. Measured with
#: `bench/commit_latency.py` against 4 MB and 256 KB (`docs/performance.md`, issue 19): larger
#: checkpoints stall the disk longer, smaller ones come so often that they disturb the commits.
EVERY_BYTES = 1024 * 1024


class WalCheckpointer:
    """Checkpoints the SQLite database of `engine` in the background, after enough commits."""

    def __init__(self, engine: Engine, every_bytes: int = EVERY_BYTES) -> None:
        self.engine = engine
        self.every_bytes = every_bytes
        self._written = 0
        # Each thread has its own signals, so a thread being stopped and one just started can
        # never take each other's wake-up or stop.
        self._thread: tuple[threading.Thread, threading.Event, threading.Event] | None = None
        self._lifecycle = threading.Lock()

    def committed(self, nbytes: int) -> None:
        """Count `nbytes` just committed; wake the thread when a checkpoint is due."""
        self._written += nbytes  # only the one writer thread calls this
        if self._written < self.every_bytes:
            return
        self._written = 0
        with self._lifecycle:
            if self._thread is None:
                # Started on demand, like the writer, so no ASGI lifespan has to run first.
                due, stop = threading.Event(), threading.Event()
                thread = threading.Thread(target=self._run, args=(due, stop), name="reikwijdte-checkpoint", daemon=True)
                thread.start()
                self._thread = (thread, due, stop)
            self._thread[1].set()

    def close(self, timeout: float = 30) -> None:
        """Stop the thread (a checkpoint under way finishes first); a later commit starts a new one."""
        with self._lifecycle:
            running, self._thread = self._thread, None
        if running is not None:
            thread, due, stop = running
            stop.set()
            due.set()
            thread.join(timeout)

    def _run(self, due: threading.Event, stop: threading.Event) -> None:
        while True:
            due.wait()
            due.clear()
            if stop.is_set():
                return
            try:
                with self.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
            except Exception as exc:  # noqa: BLE001 - SQLite's own automatic checkpoint still runs
                log.warning("WAL-checkpoint mislukt: %s", type(exc).__name__)
