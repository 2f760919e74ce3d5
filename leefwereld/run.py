"""Running the leefwereldtoets: every persona, in every municipality configuration, under two rule versions.

The personas are the fixed yardstick (always read from the working tree); only the rules differ.
A municipality that exists in only one of the two versions is compared with the national
defaults of the other, because before its file existed it simply used those defaults.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from engine.assessment import Beoordeling
from engine.evaluator import Engine
from engine.rulebase import LoadedErkenning, RuleBase
from leefwereld.compare import (
    Eenheidsverschil,
    Persona,
    PersonaVergelijking,
    gewijzigde_parameters,
    gewijzigde_regels,
    landelijke_eenheid,
    vergelijk_persona,
)
from leefwereld.personas import read_case_files


@dataclass
class Toetsresultaat:
    """Everything the reports show; `faalt` decides the exit code."""

    basis: str
    regels: str
    personas_map: str
    huidig_versie: str
    basis_versie: str | None = None
    configuraties: list[str | None] = field(default_factory=list)
    vergelijkingen: list[PersonaVergelijking] = field(default_factory=list)
    regelwijzigingen: dict[str, str] = field(default_factory=dict)
    parameterwijzigingen: dict[str | None, dict[str, tuple]] = field(default_factory=dict)
    eenheid: list[Eenheidsverschil] = field(default_factory=list)
    erkenningen: list[LoadedErkenning] = field(default_factory=list)
    waarschuwingen: list[str] = field(default_factory=list)
    aantal_personas: int = 0
    geen_basis_reden: str = ""

    @property
    def geen_basis(self) -> bool:
        return self.basis_versie is None

    @property
    def gewijzigd(self) -> list[PersonaVergelijking]:
        return [v for v in self.vergelijkingen if v.wijzigingen]

    @property
    def falend(self) -> list[PersonaVergelijking]:
        return [v for v in self.vergelijkingen if v.faalt]

    @property
    def erkend(self) -> list[PersonaVergelijking]:
        return [v for v in self.vergelijkingen if v.vraagt_erkenning and v.erkenning is not None]

    @property
    def onverklaard(self) -> list[Eenheidsverschil]:
        return [e for e in self.eenheid if not e.verklaard]

    @property
    def ongebruikte_erkenningen(self) -> list[LoadedErkenning]:
        used = {id(v.erkenning) for v in self.erkend}
        # an acknowledgement for a protected group serves a caseload (`reikwijdte wat-als`), not the personas
        return [e for e in self.erkenningen if id(e) not in used and e.erkenning.persona is not None]

    @property
    def faalt(self) -> bool:
        return bool(self.falend or self.onverklaard)


def lees_personas(directory: Path) -> tuple[list[Persona], list[str], list[str]]:
    """Persona files with a story and groups; also (errors, warnings)."""
    personas: list[Persona] = []
    warnings: list[str] = []
    seen: dict[str, Path] = {}
    read, errors = read_case_files(directory)
    for path, case in read:
        if case.persona is None:
            warnings.append(f"{path}: geen 'persona' (verhaal en groepen); niet meegenomen")
            continue
        if path.stem in seen:
            errors.append(f"{path}: dezelfde naam als {seen[path.stem]}; erkenningen noemen een persona bij naam")
            continue
        seen[path.stem] = path
        personas.append(Persona(path.stem, case))
    return personas, errors, warnings


def _evaluate(engine: Engine, persona: Persona, gemeente: str | None, peildatum: dt.date | None) -> Beoordeling:
    # The persona's own gemeente must not leak into the national configuration.
    casus = persona.case.casus.model_copy(update={"gemeente": None})
    return engine.evaluate(casus, gemeente=gemeente, peildatum=peildatum or persona.case.peildatum)


def voer_toets_uit(
    oud: RuleBase,
    nieuw: RuleBase,
    personas: list[Persona],
    basis: str,
    personas_map: Path,
    peildatum: dt.date | None = None,
    voortgang: Callable[[int, int], None] | None = None,
) -> Toetsresultaat:
    """Compare every persona between the base and current rules, and check national consistency.

    Raises `engine.compiler.SelectionError` when a rule version has no rules in force on a
    persona's peildatum. `voortgang(done, total)` is called after each persona (the web sandbox
    shows it, and stops a run that takes too long by raising from it).
    """
    result = Toetsresultaat(
        basis=basis,
        regels=str(nieuw.root),
        personas_map=str(personas_map),
        huidig_versie=nieuw.digest,
        basis_versie=oud.digest,
        erkenningen=list(nieuw.erkenningen),
        aantal_personas=len(personas),
    )
    old_engine, new_engine = Engine(oud), Engine(nieuw)
    result.configuraties = [None, *sorted(oud.gemeenten.keys() | nieuw.gemeenten.keys())]
    result.regelwijzigingen = gewijzigde_regels(oud, nieuw)
    # The values in force on each persona's reference date (a parameter may change mid-year).
    peildata = {peildatum or p.case.peildatum or dt.date.today() for p in personas} or {peildatum or dt.date.today()}
    for config in result.configuraties:
        params = gewijzigde_parameters(oud, nieuw, config, peildata)
        if params:
            result.parameterwijzigingen[config] = params

    current: dict[tuple[str, str | None], Beoordeling] = {}
    for done, persona in enumerate(personas, 1):
        for config in result.configuraties:
            old_config = config if config in oud.gemeenten else None
            new_config = config if config in nieuw.gemeenten else None
            before = _evaluate(old_engine, persona, old_config, peildatum)
            after = _evaluate(new_engine, persona, new_config, peildatum)
            current[(persona.stem, config)] = after
            result.vergelijkingen.append(
                vergelijk_persona(
                    persona, config, old_config, before, after, result.regelwijzigingen, nieuw.erkenningen
                )
            )
        for gemeente in sorted(nieuw.gemeenten):
            verschil = landelijke_eenheid(
                persona,
                current[(persona.stem, None)],
                gemeente,
                current[(persona.stem, gemeente)],
                nieuw,
            )
            if verschil is not None:
                result.eenheid.append(verschil)
        if voortgang is not None:
            voortgang(done, len(personas))

    known = {p.stem for p in personas}
    for loaded in nieuw.erkenningen:
        if loaded.erkenning.persona not in known:
            result.waarschuwingen.append(
                f"{loaded.file}:{loaded.line}: erkenning noemt persona '{loaded.erkenning.persona}', "
                f"die niet in {personas_map} staat"
            )
    return result


def alleen_huidig(
    nieuw: RuleBase, personas: list[Persona], basis: str, personas_map: Path, reden: str
) -> Toetsresultaat:
    """The result when there is no base to compare with (e.g. the first commit with rules)."""
    return Toetsresultaat(
        geen_basis_reden=reden,
        basis=basis,
        regels=str(nieuw.root),
        personas_map=str(personas_map),
        huidig_versie=nieuw.digest,
        erkenningen=list(nieuw.erkenningen),
        aantal_personas=len(personas),
    )
