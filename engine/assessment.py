"""The assessment (beoordeling): the engine's advice, explained, in the shape the API returns.

Field names are Dutch, as Dutch government APIs use. The assessment advises; a professional
decides and may deviate with a recorded reason.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Wetsartikel(_Out):
    """One cited article of a law, with its Juriconnect reference and a link to its text."""

    tekst: str = Field(description="Het artikel zoals de regel het noemt, bijv. Jeugdwet art. 2.3 lid 1.")
    wet: str = Field(description="De wet (citeertitel), of het document zelf bij een gemeentelijke verordening.")
    artikel: str
    lid: str | None = None
    onderdeel: str | None = None
    bwb_id: str | None = Field(None, description="Identificatienummer in het Basiswettenbestand (BWB).")
    juriconnect: str | None = Field(None, description="Juriconnect-verwijzing, bijv. jci1.3:c:BWBR0034925&artikel=2.3.")
    url: str | None = Field(None, description="De tekst op wetten.overheid.nl zoals die gold op de peildatum.")
    tekst_gecontroleerd: bool = Field(
        False, description="Is de verwijzing vergeleken met de wettekst zelf? Nee als het project die niet heeft."
    )


class Bronpassage(_Out):
    """One cited passage as people read it: the document's title, never a file name."""

    document: str = Field(description="Id van het document in het bronnenregister (rules/bronnen.yaml).")
    titel: str = Field(
        description="Titel van het document (of het deel); tussen [ ] een omschrijving als de tekst geen titel heeft."
    )
    uitgever: str | None = None
    verschenen: str | None = Field(
        None, description="Wanneer het document verscheen (datum of jaar, in woorden), zoals in de tekst gelezen."
    )
    url: str | None = Field(None, description="Openbare vindplaats van het document, als die er is.")
    regels: str = Field(description="Regelnummers in de tekst, voor wie de tekst heeft.")
    bestand: str | None = Field(None, description="Het lokale tekstbestand, voor wie de tekst heeft.")
    artikel: str | None = None
    wetsartikelen: list[Wetsartikel] = Field(default_factory=list)
    status: str


class Bronvermelding(Bronpassage):
    """The rule's main passage, the further passages it relies on, and all of them in one line.

    Built by `engine.bronnen.render_bron`, the one place a source is rendered."""

    aanvullend: list[Bronpassage] = Field(default_factory=list, description="Verdere passages waarop de regel steunt.")
    citaat: str = Field(description="Leesbare bronvermelding van alle passages: titel en artikel, geen bestandsnaam.")


class ToegepasteRegel(_Out):
    # Frozen: the engine hands the same entry to every assessment with the same rule and values of
    # the facts it tested (`engine.evaluator._applied_entry`).
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    titel: str
    bron: Bronvermelding
    gebruikte_feiten: dict[str, Any]
    conclusies: dict[str, Any]


class NietToegepasteRegel(_Out):
    # Frozen: the engine hands the same entry to every assessment with the same rule, reason and
    # missing facts (`engine.evaluator._not_applied`). (A comment, not a docstring: a docstring
    # would become the English description of the API's schema.)
    model_config = ConfigDict(extra="forbid", frozen=True)

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


Basis = Literal["wet", "voorstel", "gemeentelijk_beleid"]


class Uitsluitingsgrond(_Out):
    """One established ground for `buiten`, with the footing it stands on.

    The footing keeps a proposal from reading as law: `wet` (Jeugdwet art. 1.2 and other law in
    force), `voorstel` (the national working group's proposal, which the national configuration
    and a municipality that does not decline it follow), `gemeentelijk_beleid` (the
    municipality's own policy, its ordinance where it has one).
    """

    grond: str = Field(description="De grond, met dezelfde waarden als buiten_domein.")
    regel: str = Field(description="Id van de regel die de grond vaststelt.")
    basis: Basis = Field(description="Waarop de grond berust: wet, voorstel of gemeentelijk_beleid.")
    bron: str = Field(description="Leesbare bronvermelding (bij gemeentelijk beleid de verordening).")
    uitleg: str = Field(description="De grond en haar basis in gewone taal.")


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


class Aanname(_Out):
    """A presumption the advice rests on: the fact was unknown and another value would change it."""

    feit: str
    waarde: Any = Field(description="De aangenomen waarde.")
    reden: str
    bron: Bronvermelding
    vraag: str = Field(description="De vraag waarmee de aanname bevestigd of weerlegd wordt.")
    uitkomstvelden: list[str] = Field(description="De uitkomstvelden die een andere waarde zou veranderen.")
    veiligheid: bool = Field(False, description="Een aanname over veiligheid: altijd getoond en eerst gevraagd.")
    samen_met: list[str] = Field(
        default_factory=list,
        description="Andere aangenomen feiten die alleen samen met dit feit een uitkomstveld veranderen.",
    )


class Vervolgvraag(_Out):
    """An unknown (or presumed) fact worth asking about next, most decisive first."""

    feit: str
    vraag: str
    kan_beslissen: list[str] = Field(description="De open (of op een aanname rustende) uitkomstvelden.")
    nodig_voor_elke_route: list[str] = Field(
        default_factory=list, description="De open velden waarvoor elke resterende route dit feit nodig heeft."
    )
    aanname: bool = Field(False, description="Het advies gaat nu van een aangenomen waarde voor dit feit uit.")


class Regelset(_Out):
    """The receipt: what produced this assessment, enough to tell whether two assessments were
    made under the same conditions (docs/assessment.md says when each field changes). The case
    itself is not part of it."""

    versie: str = Field(description="Inhoudshash van de regels, parameterwaarden en vermoedens die golden.")
    peildatum: dt.date = Field(description="De datum waarop de regels en parameterwaarden golden.")
    gemeente: str | None = Field(description="De gemeente (code) waarvan de keuzes golden; null: landelijk.")
    parameters_versie: str = Field(description="Inhoudshash van de parameterwaarden die op de peildatum golden.")
    motor_versie: str = Field(description="Versie van de regelmachine (het pakket reikwijdte).")
    regeltaal_versie: str = Field(description="Versie van de regeltaal waarin de regelbestanden zijn gelezen.")
    commit: str | None = Field(
        description="Git-commit van de regelbestanden, als ze precies uit die commit komen; anders null."
    )


class LandelijkeWaarde(_Out):
    """A parameter for which the municipality gives dated values, none on the peildatum."""

    parameter: str
    waarde: Any = Field(description="De landelijke waarde die daarom gold.")
    uitleg: str


class Toelichting(_Out):
    toegepast: list[ToegepasteRegel]
    niet_toegepast: list[NietToegepasteRegel]
    landelijke_waarden: list[LandelijkeWaarde] = Field(
        default_factory=list,
        exclude_if=lambda v: not v,
        description=(
            "Parameters waarvoor de gemeente waarden met een periode geeft, maar geen op de peildatum: "
            "daar gold de landelijke waarde. Alleen aanwezig als dat zo is."
        ),
    )


class Beoordeling(_Out):
    reikwijdte: Literal["binnen", "buiten", "onbeslist"]
    buiten_domein: str | None = None
    buiten_gronden: list[str] = Field(
        default_factory=list, description="Elke vastgestelde grond voor 'buiten'; alleen art. 1.2 Jeugdwet gaat voor."
    )
    toegang: Literal["vrij_toegankelijk", "beschikking", "geen", "onbeslist"]
    onmiddellijk_handelen: bool
    gedwongen_kader: bool
    grondslagen: list[str]
    signalen: list[str]
    verwijzing: VerwijzingUitkomst | None = None
    professionele_afweging: list[Afweging]
    buiten_gronden_basis: list[Uitsluitingsgrond] = Field(
        default_factory=list, description="Per grond: de regel, de basis (wet, voorstel, beleid) en de bron."
    )
    ontbrekende_gegevens: list[str]
    aannames: list[Aanname] = Field(default_factory=list)
    vervolgvragen: list[Vervolgvraag] = Field(default_factory=list)
    conflicten: list[Conflict]
    toelichting: Toelichting
    motivering: str
    regelset: Regelset
