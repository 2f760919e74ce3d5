"""The assessment (beoordeling): the engine's advice, explained, in the shape the API returns.

Field names are Dutch, as Dutch government APIs use. The assessment advises; a professional
decides and may deviate with a recorded reason.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from engine.rule_model import Bron


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Bronpassage(_Out):
    document: str
    regels: str
    artikel: str | None = None
    status: str


class Bronvermelding(Bronpassage):
    """The rule's main passage, the further passages it relies on, and all of them in one line."""

    aanvullend: list[Bronpassage] = Field(default_factory=list, description="Verdere passages waarop de regel steunt.")
    citaat: str = Field(description="Leesbare bronvermelding van alle passages.")

    @classmethod
    def of(cls, bron: Bron) -> Bronvermelding:
        """The record of a rule's `Bron`, as the assessment and the API show it."""
        return cls(
            document=bron.document,
            regels=bron.regels,
            artikel=bron.artikel,
            status=bron.status,
            aanvullend=[
                Bronpassage(document=a.document, regels=a.regels, artikel=a.artikel, status=a.status)
                for a in bron.aanvullend
            ],
            citaat=bron.citation(),
        )


class ToegepasteRegel(_Out):
    id: str
    titel: str
    bron: Bronvermelding
    gebruikte_feiten: dict[str, Any]
    conclusies: dict[str, Any]


class NietToegepasteRegel(_Out):
    id: str
    titel: str
    bron: Bronvermelding
    uitkomstvelden: list[str]
    reden: str
    ontbrekend: list[str] = Field(default_factory=list)


class Conflict(_Out):
    veld: str
    waarden: dict[str, Any] = Field(description="Regel-id -> geconcludeerde waarde.")
    oorzaak: str | None = Field(None, description="Gezet als het veld open blijft door een ander betwist gegeven.")


class Afweging(_Out):
    regel: str
    onderwerp: str
    te_wegen: list[str]


class VerwijzingUitkomst(_Out):
    status: (
        Literal[
            "toegestaan",
            "goedkeuring_vooraf_nodig",
            "goedkeuring_achteraf",
            "geen_verwijsvraag",
            "via_gemeentelijke_toegang",
        ]
        | None
    ) = Field(None, description="Waar de verwijzing staat; null = nog niet te bepalen.")
    toegestaan: bool | None = None
    toestemming_vooraf: bool | None = None
    toetsing_achteraf: bool | None = None
    gemeente_moet_betalen: bool | None = None
    gemeente_niet_verplicht: bool | None = None
    start_niet_blokkeren: bool | None = None


class Regelset(_Out):
    versie: str
    peildatum: dt.date
    gemeente: str | None


class Toelichting(_Out):
    toegepast: list[ToegepasteRegel]
    niet_toegepast: list[NietToegepasteRegel]


class Beoordeling(_Out):
    reikwijdte: Literal["binnen", "buiten", "onbeslist"]
    buiten_domein: str | None = None
    toegang: Literal["vrij_toegankelijk", "beschikking", "geen", "onbeslist"]
    onmiddellijk_handelen: bool
    gedwongen_kader: bool
    grondslagen: list[str]
    signalen: list[str]
    verwijzing: VerwijzingUitkomst | None = None
    professionele_afweging: list[Afweging]
    ontbrekende_gegevens: list[str]
    conflicten: list[Conflict]
    toelichting: Toelichting
    motivering: str
    regelset: Regelset
