"""Running the persona library: every family's expected outcome against the engine's advice."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine.assessment import Beoordeling
from engine.casefile import CaseFile, CaseFileError, load_case_file
from engine.evaluator import Engine


@dataclass
class PersonaResult:
    path: Path
    case: CaseFile
    beoordeling: Beoordeling
    mismatches: list[tuple[str, Any, Any]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def ok(self) -> bool:
        return not self.mismatches


def persona_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.suffix in (".yaml", ".yml", ".json") and not p.is_dir())


def compare(case: CaseFile, beoordeling: Beoordeling) -> list[tuple[str, Any, Any]]:
    """(field, expected, actual) for each stated expectation the assessment does not meet."""
    if case.verwacht is None:
        return []
    expected = case.verwacht.model_dump(exclude_none=True)
    actual = beoordeling.model_dump(mode="json")
    mismatches = []
    for key, want in expected.items():
        if key == "verwijzing":
            got_ref = actual.get("verwijzing") or {}
            for sub, sub_want in want.items():
                if got_ref.get(sub) != sub_want:
                    mismatches.append((f"verwijzing.{sub}", sub_want, got_ref.get(sub)))
        elif key == "professionele_afweging":
            # The judgements the family may count on must be there; others may come on top.
            got = sorted({a["regel"] for a in actual.get(key) or []})
            if set(want) - set(got):
                mismatches.append((key, sorted(want), got))
        elif isinstance(want, list):
            if sorted(want) != sorted(actual.get(key) or []):
                mismatches.append((key, sorted(want), sorted(actual.get(key) or [])))
        elif actual.get(key) != want:
            mismatches.append((key, want, actual.get(key)))
    return mismatches


def evaluate_persona(engine: Engine, path: Path, case: CaseFile, gemeente: str | None = None) -> PersonaResult:
    beoordeling = engine.evaluate(case.casus, gemeente=gemeente or case.gemeente, peildatum=case.peildatum)
    return PersonaResult(path, case, beoordeling, compare(case, beoordeling))


def read_case_files(directory: Path) -> tuple[list[tuple[Path, CaseFile]], list[str]]:
    """Every readable case or persona file under `directory`, and the errors of the others."""
    read: list[tuple[Path, CaseFile]] = []
    errors: list[str] = []
    for path in persona_files(directory):
        try:
            read.append((path, load_case_file(path)))
        except CaseFileError as exc:
            errors.extend(exc.messages)
    return read, errors


def run_personas(engine: Engine, directory: Path) -> tuple[list[PersonaResult], list[str]]:
    """Evaluate every persona that states an expectation; also return unreadable files' errors."""
    read, errors = read_case_files(directory)
    results = [evaluate_persona(engine, path, case) for path, case in read if case.verwacht is not None]
    return results, errors
