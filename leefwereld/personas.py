"""Running the persona library: every family's expected outcome against the engine's advice."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine.assessment import Beoordeling
from engine.casefile import CaseFile, CaseFileError, load_case_file
from engine.evaluator import Engine
from leefwereld.compare import afwijkingen


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


def evaluate_persona(engine: Engine, path: Path, case: CaseFile, gemeente: str | None = None) -> PersonaResult:
    beoordeling = engine.evaluate(case.casus, gemeente=gemeente or case.gemeente, peildatum=case.peildatum)
    verwacht = case.verwacht.model_dump(exclude_none=True) if case.verwacht else {}
    return PersonaResult(path, case, beoordeling, afwijkingen(beoordeling, verwacht))


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
