"""Which scenarios and personas make each rule fire: recorded by the test run, kept with the rules.

The policy makers' pages show, beside every rule, the examples that make it fire. Running the
scenarios on a page request would be slow and would tie the web server to the test suite, so the
coverage run (`pytest`, see `tests/conftest.py`) writes what it saw into `rules/dekking.json`.
The same run compares the file with what it saw and fails when the file is stale; run
`pytest --dekking-bijwerken` to write it anew. Personas are evaluated as `reikwijdte personas`
evaluates them (their own municipality and date).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from engine.evaluator import Engine
from leefwereld.personas import evaluate_persona, read_case_files

FILE_NAME = "dekking.json"


class Scenario(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    bestand: str = Field(description="Het .feature-bestand, bijv. features/kostendrempel.feature.")
    naam: str


class RegelDekking(BaseModel):
    model_config = ConfigDict(extra="forbid")
    scenarios: list[Scenario] = Field(default_factory=list)
    personas: list[str] = Field(default_factory=list, description="Bestandsnamen (zonder .yaml) in personas/.")


class Dekking(BaseModel):
    """The whole file: per rule id the scenarios and personas that make it fire."""

    model_config = ConfigDict(extra="forbid")
    uitleg: str = (
        "Geschreven door de testrun (pytest --dekking-bijwerken); CI faalt als dit bestand verouderd is. "
        "Niet met de hand bewerken."
    )
    regels: dict[str, RegelDekking] = Field(default_factory=dict)

    def van(self, rule_id: str) -> RegelDekking:
        return self.regels.get(rule_id) or RegelDekking()


def build(
    scenarios: Mapping[str, Iterable[tuple[str, str]]], personas: Mapping[str, Iterable[str]], rule_ids: Iterable[str]
) -> Dekking:
    """The file's content from what was seen, sorted so that the file changes only when coverage does."""
    regels = {}
    for rid in sorted(rule_ids):
        regels[rid] = RegelDekking(
            scenarios=[Scenario(bestand=b, naam=n) for b, n in sorted(set(scenarios.get(rid, ())))],
            personas=sorted(set(personas.get(rid, ()))),
        )
    return Dekking(regels=regels)


def persona_firings(engine: Engine, directory: Path) -> dict[str, set[str]]:
    """Rule id -> the personas (file stems) whose assessment applies it; unreadable files are skipped."""
    fired: dict[str, set[str]] = {}
    read, _errors = read_case_files(directory)
    for path, case in read:
        result = evaluate_persona(engine, path, case)
        for rule in result.beoordeling.toelichting.toegepast:
            fired.setdefault(rule.id, set()).add(path.stem)
    return fired


def text(dekking: Dekking) -> str:
    return json.dumps(dekking.model_dump(mode="json"), indent=1, ensure_ascii=False) + "\n"


def read(rules_dir: Path) -> Dekking:
    """The recorded coverage beside the rules; an empty record when the file is absent."""
    path = rules_dir / FILE_NAME
    if not path.is_file():
        return Dekking()
    return Dekking.model_validate_json(path.read_text(encoding="utf-8"))
