"""The API's request and response bodies (pydantic, Dutch field names).

Requests forbid unknown fields: a misspelt fact would otherwise be dropped silently and the
engine would treat it as unknown, which can change an outcome without anyone noticing.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
import uuid
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from engine.assessment import Beoordeling, Bronvermelding
from engine.case import Casus, CheckedText

#: A decision that deviates must say why in at least this many characters.
MIN_MOTIVERING = 10


class _In(CheckedText):
    """A request body: unknown fields refused; the case model's rule for every text field (no NUL
    or other control character: PostgreSQL cannot store NUL, SQLite would keep it silently)."""

    model_config = ConfigDict(extra="forbid")


#: Code points that Unicode files as letters or symbols but that show nothing (fillers, blank braille).
_BLANK_SIGNS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def visible_length(text: str) -> int:
    """Characters that a reader sees: letters, digits, punctuation and symbols.

    Spaces, zero-width characters (U+200B and friends are format characters), control
    characters and other invisible code points do not count: ten zero-width spaces are no
    motivation.
    """
    return sum(1 for ch in text if unicodedata.category(ch)[0] in "LNPS" and ch not in _BLANK_SIGNS)


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BeoordelingAanvraag(_In):
    """A case to assess, with the municipality and date whose rules apply."""

    casus: Casus
    gemeente: str | None = Field(
        None, max_length=64, description="Code van de gemeente; gaat voor `casus.gemeente`. Leeg: landelijke regels."
    )
    peildatum: dt.date | None = Field(
        None, description="Datum waarop de regels gelden; gaat voor `casus.peildatum`. Leeg: vandaag."
    )


class OpgeslagenBeoordeling(_Out):
    """An assessment as stored: returned unchanged by every later read."""

    id: uuid.UUID
    casus_kenmerk: str | None = Field(description="Het eigen kenmerk van het team (geen persoonsgegevens).")
    gemeente: str | None
    peildatum: dt.date
    regelset_versie: str = Field(
        description="Versie van de regels die zijn toegepast (regels in werking en parameters)."
    )
    aangemaakt_door: str = Field(description="Naam van de houder van het token dat de casus indiende.")
    aangemaakt_op: dt.datetime
    beoordeling: Beoordeling


class BesluitAanvraag(_In):
    """The professional's decision on an assessment."""

    besluit: Literal["volgen", "afwijken"]
    motivering: str | None = Field(
        None,
        max_length=5000,
        validate_default=True,
        description=f"Verplicht bij afwijken (minstens {MIN_MOTIVERING} tekens).",
    )
    vorig_besluit_id: uuid.UUID | None = Field(
        None, description="Bij een later besluit (bijv. na bezwaar): het id van het laatste eerdere besluit."
    )

    @field_validator("motivering")
    @classmethod
    def _motivated_deviation(cls, value: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("besluit") == "afwijken" and visible_length(value or "") < MIN_MOTIVERING:
            raise ValueError(
                f"wie afwijkt van de beoordeling moet dat motiveren (minstens {MIN_MOTIVERING} zichtbare tekens)"
            )
        return value


class Besluit(_Out):
    """A recorded decision; a later decision links to the one before it."""

    id: uuid.UUID
    beoordeling_id: uuid.UUID
    volgnummer: int = Field(ge=1, description="1 voor het eerste besluit, daarna oplopend.")
    besluit: Literal["volgen", "afwijken"]
    motivering: str | None
    vorig_besluit_id: uuid.UUID | None
    aangemaakt_door: str
    aangemaakt_op: dt.datetime


class Besluiten(_Out):
    beoordeling_id: uuid.UUID
    besluiten: list[Besluit]


class RegelSamenvatting(_Out):
    id: str
    titel: str
    bron: Bronvermelding
    geldig_vanaf: dt.date
    geldig_tot: dt.date | None
    bestand: str
    regelnummer: int = Field(description="Regel (line) in het bestand waar de regel begint.")
    uitzondering_op: list[str]
    uitgezonderd_door: list[str]
    uitkomstvelden: list[str]
    van_toepassing: bool = Field(
        description="Onwaar als de parameters (keuzes) van deze gemeente de regel nooit laten gelden."
    )


class Periode(_Out):
    geldig_vanaf: dt.date
    geldig_tot: dt.date | None


class RegelDetail(RegelSamenvatting):
    als: dict[str, Any] = Field(description="De voorwaarde zoals in het regelbestand.")
    dan: dict[str, Any] = Field(description="De conclusie zoals in het regelbestand.")
    motivering: str | None
    versies: list[Periode] = Field(description="Alle geldigheidsperioden van deze regel.")


class RegelsOverzicht(_Out):
    gemeente: str | None
    peildatum: dt.date
    versie: str
    parameters: dict[str, Any]
    regels: list[RegelSamenvatting]


class Validatiefout(_Out):
    bestand: str
    regelnummer: int
    regel_id: str
    melding: str


class Validatieresultaat(_Out):
    bestand: str
    geldig: bool
    fouten: list[Validatiefout]


class Status(_Out):
    status: Literal["ok"]
    regelset: str | None = None


class OngeldigeParameter(_Out):
    name: str = Field(description="Pad van het veld, bijv. `casus.jeugdige.leeftijd`.")
    code: str
    reason: str


class Probleem(BaseModel):
    """RFC 9457 problem details, with `invalidParams` as the NL API Design Rules use it."""

    model_config = ConfigDict(extra="allow")

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    invalidParams: list[OngeldigeParameter] | None = None


class Link(_Out):
    href: str


class Links(_Out):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    zelf: Link = Field(alias="self", description="Deze pagina.")
    volgende: Link | None = Field(None, alias="next", description="De volgende pagina; null op de laatste.")


class _Pagina(_Out):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    links: Links = Field(alias="_links")


class BeoordelingSamenvatting(_Out):
    """An assessment in a list: its columns, not its document (read that with its id)."""

    id: uuid.UUID
    casus_kenmerk: str | None
    gemeente: str | None
    peildatum: dt.date
    regelset_versie: str
    reikwijdte: str | None
    toegang: str | None
    team: str = Field(description="Het team van het token dat de casus indiende.")
    aangemaakt_door: str
    aangemaakt_op: dt.datetime


class BeoordelingenPagina(_Pagina):
    beoordelingen: list[BeoordelingSamenvatting]


class BesluitSamenvatting(_Out):
    id: uuid.UUID
    beoordeling_id: uuid.UUID
    casus_kenmerk: str | None
    volgnummer: int
    besluit: Literal["volgen", "afwijken"]
    vorig_besluit_id: uuid.UUID | None
    team: str
    aangemaakt_door: str
    aangemaakt_op: dt.datetime


class BesluitenPagina(_Pagina):
    besluiten: list[BesluitSamenvatting]


class Lezing(_Out):
    """One read of case data, as the read audit keeps it."""

    id: uuid.UUID
    gelezen_op: dt.datetime
    token_naam: str = Field(description="Houder van het token dat las.")
    team: str
    gemeente: str = Field(description="Gemeente van het team.")
    handeling: Literal["beoordeling", "beoordelingen", "besluiten", "besluit", "audit"]
    uitkomst: Literal["gelezen", "geweigerd"] = Field(description="`geweigerd`: buiten het bereik van het token.")
    beoordeling_id: uuid.UUID | None
    besluit_id: uuid.UUID | None
    zoekvraag: str | None = Field(description="De filters van een lijstpagina (querystring).")
    aantal: int | None = Field(description="Aantal records op een lijstpagina.")


class LezingenPagina(_Pagina):
    lezingen: list[Lezing]
