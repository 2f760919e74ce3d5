"""The policy makers' sandbox: one draft rule or municipal file per session, checked and tried out.

A draft never touches the rules in service. It is validated the way `reikwijdte validate`
validates (`api.rules_check.check_draft`: the whole set with the draft in it, every error with
its line, the engine's hardened YAML reader with its limits), and when valid the leefwereldtoets
runs it against the rules in service for every municipality, in a thread of its own, bounded in
time, reporting progress.

Drafts live in this process's memory, keyed by the session id: a user sees only the draft of
their own session, and signing out (or the session's end) forgets it. Behind several workers a
user may land on a worker that does not know the draft; the page then says so and the draft is
pasted or uploaded again. Nothing is written to disk, so nothing of a draft outlives the process.

A valid draft can also be tried on a synthetic caseload (`start_wat_als`): the what-if of
`reikwijdte wat-als` (`leefwereld.watals.voer_uit`, the batch evaluator) on a seeded caseload of
`engine.batch.synthetic` — never on real cases, which the `beleid` role does not see. The caseload
is made once per process for a size, seed and set of municipalities, and shared by every user's
run (it holds no draft); each run, its result and its bound are the session's own, as for the
leefwereldtoets.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from api.rules_check import BESTAND_PATTERN, check_draft
from engine.batch.synthetic import synthetic_caseload
from engine.compiler import SelectionError
from engine.rulebase import Issue, RuleBase
from engine.yaml_source import MAX_BYTES
from leefwereld.run import Toetsresultaat, lees_personas, voer_toets_uit
from leefwereld.watals import WatAlsResultaat, voer_uit

ENV_SECONDS = "REIKWIJDTE_TOETS_SECONDEN"
#: A leefwereldtoets of a draft stops after this many seconds (`$REIKWIJDTE_TOETS_SECONDEN`).
DEFAULT_SECONDS = 120
#: At most this many runs at once in this process (the machine is shared with the API's work).
MAX_RUNS = 2
#: Drafts kept at once; the least recently used is forgotten first.
MAX_DRAFTS = 200
#: A draft is forgotten after this long without use (a session lasts at most 12 hours).
MAX_AGE_SECONDS = 12 * 3600

ENV_CASUSSEN = "REIKWIJDTE_WATALS_CASUSSEN"
#: Cases in the synthetic caseload of the sandbox's what-if (`$REIKWIJDTE_WATALS_CASUSSEN`).
DEFAULT_CASUSSEN = 20_000
#: Seed of the synthetic caseload (the same as `reikwijdte caseload`'s default: the same cases).
ZAAD = 2015
#: Cases per configuration that durable-rules evaluates too, as `reikwijdte wat-als --controle`.
CONTROLE = 20

BESTAND_UITLEG = "een naam als 40_toegang.yaml of gemeenten/voorbeeldstad.yaml"


class Bezet(Exception):
    """Too many runs at once; the user may try again shortly."""


class TeLang(Exception):
    """The run passed its time limit."""


@dataclass
class Toetsrun:
    """One run of the leefwereldtoets on a draft: progress, then the result or why it stopped."""

    totaal: int
    gedaan: int = 0
    klaar: bool = False
    resultaat: Toetsresultaat | None = None
    melding: str | None = None
    gestart: float = field(default_factory=time.monotonic)

    @property
    def procent(self) -> int:
        return int(100 * self.gedaan / self.totaal) if self.totaal else 100


@dataclass
class Watalsrun:
    """One what-if of a draft on the synthetic caseload: the step under way, then the result or why it stopped."""

    aantal: int  # cases in the synthetic caseload
    stap: str = "caseload maken"
    gedaan: int = 0
    totaal: int = 1
    klaar: bool = False
    resultaat: WatAlsResultaat | None = None
    melding: str | None = None
    gestart: float = field(default_factory=time.monotonic)


@dataclass
class Concept:
    """A session's draft: the file it replaces (or adds), its text, the validation and the last run."""

    bestand: str
    tekst: str
    fouten: list[Issue] = field(default_factory=list)
    getoond_als: str = ""
    base: RuleBase | None = None
    run: Toetsrun | None = None
    watals: Watalsrun | None = None
    gebruikt: float = field(default_factory=time.monotonic)

    @property
    def geldig(self) -> bool:
        return self.base is not None

    def regel(self, nummer: int) -> str:
        lines = self.tekst.splitlines()
        return lines[nummer - 1] if 0 < nummer <= len(lines) else ""

    def fout_regels(self) -> set[int]:
        return {i.line for i in self.fouten}


def time_limit() -> float:
    raw = os.environ.get(ENV_SECONDS)
    try:
        return float(raw) if raw else DEFAULT_SECONDS
    except ValueError:
        return DEFAULT_SECONDS


def caseload_size() -> int:
    raw = os.environ.get(ENV_CASUSSEN)
    try:
        return max(1, int(raw)) if raw else DEFAULT_CASUSSEN
    except ValueError:
        return DEFAULT_CASUSSEN


@functools.lru_cache(maxsize=4)
def synthetische_caseload(aantal: int, zaad: int, gemeenten: tuple[str, ...]) -> pl.DataFrame:
    """The seeded synthetic caseload, made once per process (`reikwijdte caseload` makes the same)."""
    return synthetic_caseload(aantal, zaad, list(gemeenten))


def draft_problem(bestand: str, raw: bytes, limit: int) -> str | None:
    """Why a posted draft is refused before validation (name, size, encoding), in Dutch; None if fine."""
    import re

    if not re.match(BESTAND_PATTERN, bestand):
        return f"De bestandsnaam '{bestand[:80]}' kan niet: gebruik {BESTAND_UITLEG}."
    if len(raw) > min(limit, MAX_BYTES):
        return f"Het bestand is te groot ({len(raw)} bytes; hoogstens {min(limit, MAX_BYTES)})."
    if not raw.strip():
        return "Het bestand is leeg."
    return None


class Concepten:
    """Every session's draft in this process, and the runs of the leefwereldtoets on them."""

    def __init__(self, seconds: float | None = None, casussen: int | None = None) -> None:
        self._drafts: OrderedDict[str, Concept] = OrderedDict()
        self._lock = threading.Lock()
        self._runs = threading.BoundedSemaphore(MAX_RUNS)
        self.seconds = seconds if seconds is not None else time_limit()
        self.casussen = casussen if casussen is not None else caseload_size()

    def get(self, sessie_id: str) -> Concept | None:
        with self._lock:
            self._forget_old()
            found = self._drafts.get(sessie_id)
            if found is not None:
                found.gebruikt = time.monotonic()
                self._drafts.move_to_end(sessie_id)
            return found

    def drop(self, sessie_id: str) -> None:
        with self._lock:
            self._drafts.pop(sessie_id, None)

    def check(self, sessie_id: str, rules_dir: Path, bestand: str, tekst: str) -> Concept:
        """Validate the draft as `reikwijdte validate` would, and keep it as the session's draft."""
        base, issues, shown = check_draft(rules_dir, bestand, tekst.encode("utf-8"))
        concept = Concept(bestand=bestand, tekst=tekst, fouten=issues, getoond_als=shown, base=base)
        with self._lock:
            self._drafts[sessie_id] = concept
            self._drafts.move_to_end(sessie_id)
            while len(self._drafts) > MAX_DRAFTS:
                self._drafts.popitem(last=False)
        return concept

    def start(self, concept: Concept, current: RuleBase, personas_dir: Path) -> Toetsrun:
        """Start the leefwereldtoets of a valid draft in a thread; `Bezet` when too many run already."""
        if concept.base is None:
            raise ValueError("draft is not valid")
        if concept.run is not None and not concept.run.klaar:
            return concept.run
        if not self._runs.acquire(blocking=False):
            raise Bezet
        personas, errors, _ = lees_personas(personas_dir)
        run = Toetsrun(totaal=len(personas))
        concept.run = run
        if errors:
            run.melding = f"{len(errors)} persona-bestand(en) onleesbaar; de toets kan niet draaien."
            run.klaar = True
            self._runs.release()
            return run
        deadline = run.gestart + self.seconds
        draft = concept.base

        def progress(done: int, _total: int) -> None:
            run.gedaan = done
            if time.monotonic() > deadline:
                raise TeLang

        def work() -> None:
            run.resultaat = voer_toets_uit(
                current, draft, personas, "de regels in gebruik", personas_dir, voortgang=progress
            )

        def too_long() -> str:
            return f"De toets duurde langer dan {self.seconds:.0f} seconden en is gestopt na {run.gedaan} van {run.totaal} persona's."

        self._bounded(run, work, too_long, "De toets", "leefwereldtoets-concept")
        return run

    def start_wat_als(self, concept: Concept, current: RuleBase) -> Watalsrun:
        """Start the what-if of a valid draft on the synthetic caseload in a thread, bounded in time
        like the leefwereldtoets; `Bezet` when too many runs go on already."""
        draft = concept.base
        if draft is None:
            raise ValueError("draft is not valid")
        if concept.watals is not None and not concept.watals.klaar:
            return concept.watals
        if not self._runs.acquire(blocking=False):
            raise Bezet
        run = Watalsrun(aantal=self.casussen)
        concept.watals = run
        deadline = run.gestart + self.seconds

        def progress(step: str, done: int, total: int) -> None:
            run.stap, run.gedaan, run.totaal = step, done, total
            if time.monotonic() > deadline:
                raise TeLang

        def work() -> None:
            # every case in its own municipality (the draft's, so a new municipality file gets cases)
            gemeenten = sorted(draft.gemeenten)
            caseload = synthetische_caseload(self.casussen, ZAAD, tuple(gemeenten))
            run.resultaat = voer_uit(
                current, draft, "de regels in gebruik", caseload, gemeenten, dt.date.today(), CONTROLE, ZAAD, progress
            )

        def too_long() -> str:
            return (
                f"De wat-als-berekening duurde langer dan {self.seconds:.0f} seconden en is gestopt (bij: {run.stap})."
            )

        self._bounded(run, work, too_long, "De wat-als-berekening", "wat-als-concept")
        return run

    def _bounded(
        self, run: Toetsrun | Watalsrun, work: Callable[[], None], too_long: Callable[[], str], wat: str, name: str
    ) -> None:
        """Run `work` in a thread of its own; its end (result, time limit passed, or a rule set that
        cannot be selected) marks the run done and frees its place."""

        def bounded() -> None:
            try:
                work()
            except TeLang:
                run.melding = f"{too_long()} Probeer het later opnieuw of vraag de beheerder."
            except SelectionError as exc:
                run.melding = f"{wat} kon niet draaien: {exc}"
            finally:
                run.klaar = True
                self._runs.release()

        threading.Thread(target=bounded, name=name, daemon=True).start()

    def _forget_old(self) -> None:
        limit = time.monotonic() - MAX_AGE_SECONDS
        for key in [k for k, c in self._drafts.items() if c.gebruikt < limit]:
            del self._drafts[key]
