"""Reading case files and persona files (YAML or JSON) with errors that point at the line.

A case file is a `Casus` at the top level. A persona file tells a family's story and holds the
case under `casus`, with the outcome the family should get under `verwacht`. The same reader
serves both, so `reikwijdte evaluate` accepts either.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from engine.assessment import VerwijzingUitkomst
from engine.case import Casus
from engine.schema_messages import schema_problems
from engine.yaml_source import SourceDocument, SourceError, read_source


class Groep(str, Enum):
    """Groups a persona represents; the first four are protected by the leefwereldtoets."""

    levenslang_chronisch = "levenslang_chronisch"
    ernstig_acuut_ziek = "ernstig_acuut_ziek"
    veiligheid = "veiligheid"
    gi_client = "gi_client"
    strafrechtelijk = "strafrechtelijk"
    zestien_zeventien = "zestien_zeventien"
    achttien_plus = "achttien_plus"
    pleegkind = "pleegkind"
    stress_schulden_huisvesting_armoede = "stress_schulden_huisvesting_armoede"
    ouders_ggz_verslaving = "ouders_ggz_verslaving"
    scheiding = "scheiding"
    lvb = "lvb"
    verhuizing = "verhuizing"
    nichezorg = "nichezorg"
    identiteit_geloof_taal = "identiteit_geloof_taal"
    alledaagse_opvoedvragen = "alledaagse_opvoedvragen"
    onderwijsgrens = "onderwijsgrens"
    gebruikelijke_zorg = "gebruikelijke_zorg"
    andere_wetten = "andere_wetten"


PROTECTED_GROUPS = frozenset(
    {Groep.levenslang_chronisch.value, Groep.ernstig_acuut_ziek.value, Groep.veiligheid.value, Groep.gi_client.value}
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class PersonaInfo(_Strict):
    naam: str = Field(min_length=2)
    verhaal: str = Field(min_length=20, description="Het verhaal van het gezin, vanuit hun leefwereld.")
    waar_ze_op_mogen_rekenen: str = Field(min_length=10)
    groepen: list[Groep] = Field(min_length=1)


class Verwachting(_Strict):
    """The outcome fields a persona's family should get; only stated fields are compared."""

    reikwijdte: Literal["binnen", "buiten", "onbeslist"] | None = None
    buiten_domein: str | None = None
    buiten_gronden: list[str] | None = None
    toegang: Literal["vrij_toegankelijk", "beschikking", "geen", "onbeslist"] | None = None
    onmiddellijk_handelen: bool | None = None
    gedwongen_kader: bool | None = None
    grondslagen: list[str] | None = None
    signalen: list[str] | None = None
    verwijzing: VerwijzingUitkomst | None = None
    professionele_afweging: list[str] | None = Field(
        None,
        description=(
            "Regel-id's van professionele afwegingen die de professional zeker moet krijgen "
            "(bijvoorbeeld LW-01); andere afwegingen mogen erbij komen."
        ),
    )


class CaseFile(_Strict):
    """A persona file, or a plain case wrapped as one without story or expectation."""

    persona: PersonaInfo | None = None
    gemeente: str | None = Field(None, description="Gemeente waarvoor de verwachting geldt.")
    peildatum: dt.date | None = None
    casus: Casus
    verwacht: Verwachting | None = None


class CaseFileError(Exception):
    """A case file that cannot be used; one message per problem, each with file and line."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


def _errors(doc: SourceDocument, exc: ValidationError, model: type[BaseModel], name: str) -> list[str]:
    return [f"{name}:{p.line}: {p.where or '(bovenaan)'}: {p.message}" for p in schema_problems(doc, exc, model)]


def load_case_file(path: Path | str) -> CaseFile:
    """Read a case or persona file; `CaseFileError` names every problem with its line."""
    path = Path(path)
    name = str(path)
    if not path.exists() and not path.is_symlink():
        raise CaseFileError([f"{name}: bestand bestaat niet"])
    try:
        doc = read_source(path)
    except SourceError as exc:
        raise CaseFileError([f"{name}:{exc.line}: {exc.message}"]) from exc
    problems = [f"{name}:{line}: sleutel '{loc[-1]}' staat twee keer in het blok" for loc, line in doc.duplicate_keys]
    if not isinstance(doc.data, dict):
        raise CaseFileError(
            problems + [f"{name}:1: hier hoort een blok met de gegevens van de casus (of een persona met 'casus')"]
        )
    try:
        if "casus" in doc.data:
            parsed = CaseFile.model_validate(doc.data)
        else:
            parsed = CaseFile(casus=Casus.model_validate(doc.data))
    except ValidationError as exc:
        model: type[BaseModel] = CaseFile if "casus" in doc.data else Casus
        raise CaseFileError(problems + _errors(doc, exc, model, name)) from exc
    if problems:
        raise CaseFileError(problems)
    return parsed
