"""Where one assessment request spent its time, for its line in the request log: durations only.

The request log gives each request's total time. Under load that total is mostly waiting: for a
thread to take the case, for the interpreter lock, for the group commit, and for the event loop
to pick the answer up again. The total cannot tell those apart, and the paced p99 of the load
test (issue 19) is decided by them. So a stored assessment's log line also says how long each
phase took, in milliseconds, as `fasen=ontvangen:0.41,wacht_motor:0.05,...`:

| phase | from | to |
|---|---|---|
| `ontvangen` | the request reaching the app | the case read, validated and admitted |
| `sleutel` | that | the earlier answer under the `Idempotency-Key` looked up (only with a key) |
| `wacht_motor` | the case handed to the evaluating threads | one of them starting on it |
| `motor` | that start | the assessment made (the engine) |
| `document` | the assessment made | the stored record's JSON written (in the same thread) |
| `wacht_schrijver` | the row handed to the group writer (by that thread) | the writer taking its batch up |
| `commit` | that | the batch's transaction committed (on SQLite, the write lock included) |
| `vrijgeven` | committed | the request going on on the event loop |
| `antwoord` | that | the line written (the answer handed to the server) |

A phase that did not happen is left out (a replayed request ends after `sleutel`). Only times are recorded; nothing of
the case, so the privacy rules of the log hold (`docs/api.md`). `bench/load_api.py` reads these
fields and prints each phase's median and p99 and its share of the slowest requests.
"""

from __future__ import annotations

import time


class Fasen:
    """The moments one request passed; `str()` gives the phases between them up to now.

    Each mark names the phase that ends there. Marks are made on the event loop and in the
    evaluating thread (the hand-offs between them order the marks), and a mark may give a moment
    taken elsewhere: the writer thread's commit (`api.writer.Commit`), marked once it is back.
    """

    __slots__ = ("_begin", "_marks")

    def __init__(self, begin: float | None = None) -> None:
        #: `time.perf_counter()` when the request reached the app (now, if not given).
        self._begin = time.perf_counter() if begin is None else begin
        self._marks: list[tuple[str, float]] = []

    def mark(self, phase: str, at: float | None = None) -> None:
        """`phase` ended at `at` (a `time.perf_counter()` value; default now)."""
        self._marks.append((phase, time.perf_counter() if at is None else at))

    def durations(self, end: float | None = None) -> list[tuple[str, float]]:
        """Each phase with its milliseconds, in order, and `antwoord` from the last mark to `end`."""
        now = time.perf_counter() if end is None else end
        result: list[tuple[str, float]] = []
        previous = self._begin
        for phase, at in self._marks:
            result.append((phase, (at - previous) * 1000))
            previous = at
        result.append(("antwoord", (now - previous) * 1000))
        return result

    def __str__(self) -> str:
        return ",".join(f"{phase}:{ms:.2f}" for phase, ms in self.durations())
