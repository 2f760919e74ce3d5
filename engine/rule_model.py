"""The shape of the rule files that policy makers write (Dutch keys, validated by pydantic).

Only the *form* is checked here (unknown keys, wrong types, one operator per comparison);
whether the facts, rules and parameters a rule names actually exist is checked across all
files by `engine.validation`, because that needs the whole rule base.
"""

from __future__ import annotations

import datetime as dt
import typing
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    Tag,
    WithJsonSchema,
    model_validator,
)

Scalar = StrictBool | StrictInt | StrictFloat | StrictStr

REGELTAAL_VERSIE = "1.2"
"""The version of the rule language (the shape of the YAML files this code reads).

The minor number rises with an addition that leaves every earlier file valid (1.1: dated
parameter values, `perioden`; 1.2: the source register, `document:` by id); the major number with a change that makes earlier files invalid.
Every assessment names it in its receipt (`regelset.regeltaal_versie`); `docs/rule-language.md`
keeps the history."""

RULE_ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"
NAME_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


BronStatus = Literal["wet", "voorstel", "advies", "beleid", "jurisprudentie", "standpunt", "voorbeeld"]
BRON_STATUSES: tuple[str, ...] = typing.get_args(BronStatus)
"""What a cited passage is. `wet`: law in force; `voorstel`: a working group's proposal; `advies`: an
advisory body's advice; `beleid`: a municipality's own policy; `jurisprudentie`: case law;
`standpunt`: one party's own position (for example the GI's view under "Draagvlak"), not the
group's advice; `voorbeeld`: an example or an example list (one municipality's practice, the
examples after "bijvoorbeeld"), never a rule by itself."""


class BronPassage(_Strict):
    """One cited passage: a source text with its line range, and the legal article if any."""

    document: StrictStr = Field(
        min_length=1,
        description=(
            "Id van het document in het bronnenregister (rules/bronnen.yaml); "
            "regelbestanden van een vorige versie noemen hier de bestandsnaam."
        ),
    )
    regels: StrictStr = Field(pattern=r"^\d+(-\d+)?$", description="Regelnummers, bijv. 3103-3139.")
    artikel: StrictStr | None = Field(None, description="Wetsartikel, bijv. Jeugdwet art. 2.3 lid 1.")
    status: BronStatus = Field("wet", description="Wat de passage is: " + ", ".join(BRON_STATUSES) + ".")
    opmerking: StrictStr | None = None


class Bron(BronPassage):
    """Where a rule comes from: its main passage, and further passages it also relies on.

    In YAML `bron` is one passage (a mapping, as in rule files of the previous version) or a list of
    passages, the first being the main one (for example a referral rule citing both the footnote on
    the legal referrers and the passage on the judicial route).
    """

    aanvullend: tuple[BronPassage, ...] = Field(default=(), description="Verdere passages waarop de regel steunt.")

    @model_validator(mode="before")
    @classmethod
    def _from_list(cls, data: Any) -> Any:
        if isinstance(data, list):
            if not data:
                raise ValueError("'bron' heeft minstens één passage nodig")
            first, *rest = data
            if not isinstance(first, dict):
                return data
            if "aanvullend" in first:
                raise ValueError("gebruik een lijst van passages of 'aanvullend', niet allebei")
            return {**first, "aanvullend": rest}
        return data

    def passages(self) -> tuple[BronPassage, ...]:
        return (BronPassage(**self.model_dump(exclude={"aanvullend"})), *self.aanvullend)


class ParameterVerwijzing(_Strict):
    parameter: StrictStr = Field(pattern=NAME_PATTERN)


Waarde = Scalar | ParameterVerwijzing

COMPARISON_OPERATORS = (
    "is",
    "is_niet",
    "groter_dan",
    "kleiner_dan",
    "minimaal",
    "maximaal",
    "in",
    "niet_in",
    "bevat",
    "bekend",
    "onbekend",
)


class Conditie(_Strict):
    """One condition: a combination (alle / een_van / niet) or one comparison on one fact."""

    alle: list[Conditie] | None = Field(None, min_length=1)
    een_van: list[Conditie] | None = Field(None, min_length=1)
    niet: Conditie | None = None
    feit: StrictStr | None = None
    is_: Waarde | None = Field(None, alias="is")
    is_niet: Waarde | None = None
    groter_dan: StrictInt | StrictFloat | ParameterVerwijzing | None = None
    kleiner_dan: StrictInt | StrictFloat | ParameterVerwijzing | None = None
    minimaal: StrictInt | StrictFloat | ParameterVerwijzing | None = None
    maximaal: StrictInt | StrictFloat | ParameterVerwijzing | None = None
    in_: list[Scalar] | ParameterVerwijzing | None = Field(None, alias="in")
    niet_in: list[Scalar] | ParameterVerwijzing | None = None
    bevat: StrictStr | None = None
    bekend: Literal[True] | None = None
    onbekend: Literal[True] | None = None
    zonder_vermoeden: Literal[True] | None = Field(
        None, description="Deze vergelijking vraagt een vastgesteld feit: een vermoeden geldt hier niet."
    )

    @model_validator(mode="after")
    def _one_form(self) -> Conditie:
        combos = [k for k in ("alle", "een_van", "niet") if getattr(self, k) is not None]
        ops = [op for op in COMPARISON_OPERATORS if self.operand(op) is not None]
        if self.zonder_vermoeden and (self.feit is None or self.operator in ("bekend", "onbekend")):
            raise ValueError("'zonder_vermoeden' hoort bij een vergelijking op één feit (niet bij bekend/onbekend)")
        if self.feit is None:
            if len(combos) != 1 or ops:
                raise ValueError(
                    "een voorwaarde heeft precies één van 'alle', 'een_van', 'niet', of 'feit' met één operator"
                )
        else:
            if combos:
                raise ValueError("'feit' gaat niet samen met 'alle', 'een_van' of 'niet' in één voorwaarde")
            if len(ops) != 1:
                raise ValueError(
                    f"'feit: {self.feit}' vraagt precies één operator uit: {', '.join(COMPARISON_OPERATORS)}"
                )
        return self

    def operand(self, op: str) -> Any:
        return getattr(self, {"is": "is_", "in": "in_"}.get(op, op))

    @property
    def operator(self) -> str:
        for op in COMPARISON_OPERATORS:
            if self.operand(op) is not None:
                return op
        raise ValueError("not a comparison")


class ProfessioneleAfweging(_Strict):
    onderwerp: StrictStr = Field(min_length=1)
    te_wegen: list[StrictStr] = Field(min_length=1)


class Conclusie(_Strict):
    afleiden: dict[StrictStr, Scalar] = Field(default_factory=dict)
    uitkomst: dict[StrictStr, Any] = Field(default_factory=dict)
    professionele_afweging: ProfessioneleAfweging | None = None

    @model_validator(mode="after")
    def _not_empty(self) -> Conclusie:
        if not (self.afleiden or self.uitkomst or self.professionele_afweging):
            raise ValueError("'dan' moet een feit afleiden, een uitkomst geven of een professionele_afweging noemen")
        return self


def check_period(vanaf: dt.date, tot: dt.date | None) -> None:
    """A validity period (of a rule or a parameter value) ends on or after the day it starts."""
    if tot is not None and tot < vanaf:
        raise ValueError("'geldig_tot' ligt voor 'geldig_vanaf'")


def in_period(day: dt.date, vanaf: dt.date, tot: dt.date | None) -> bool:
    """`geldig_vanaf`/`geldig_tot` are both inclusive; no `geldig_tot`: open-ended."""
    return vanaf <= day and (tot is None or day <= tot)


class Regel(_Strict):
    id: StrictStr = Field(pattern=RULE_ID_PATTERN)
    titel: StrictStr = Field(min_length=3)
    bron: Bron
    geldig_vanaf: dt.date
    geldig_tot: dt.date | None = None
    als: Conditie
    dan: Conclusie
    uitzondering_op: list[StrictStr] = Field(default_factory=list)
    motivering: StrictStr | None = Field(
        None, description="Zin voor de motivering; {pad} wordt vervangen door de waarde van dat feit."
    )
    landelijk: StrictBool = True

    @model_validator(mode="after")
    def _period(self) -> Regel:
        check_period(self.geldig_vanaf, self.geldig_tot)
        return self

    def valid_on(self, day: dt.date) -> bool:
        return in_period(day, self.geldig_vanaf, self.geldig_tot)


class ParameterPeriode(_Strict):
    """One dated value of a parameter: `waarde` holds from `geldig_vanaf` to `geldig_tot` (inclusive)."""

    waarde: Any = Field(description="De waarde in deze periode, van het type van de parameter.")
    geldig_vanaf: dt.date
    geldig_tot: dt.date | None = None

    @model_validator(mode="after")
    def _period(self) -> ParameterPeriode:
        check_period(self.geldig_vanaf, self.geldig_tot)
        return self

    def valid_on(self, day: dt.date) -> bool:
        return in_period(day, self.geldig_vanaf, self.geldig_tot)


class GedateerdeWaarde(_Strict):
    """A municipal parameter value that changes over time: `{perioden: [...]}` in the municipal file.

    On a day no period covers, the national value applies (`engine.parameters`).
    """

    perioden: list[ParameterPeriode] = Field(min_length=1)


def _value_form(value: Any) -> str:
    return "GedateerdeWaarde" if isinstance(value, dict) else "waarde"


#: A municipal parameter value: a plain value (valid always) or dated values. Only a mapping is
#: read as dated values, so a plain value of any parameter type is never mistaken for one.
GemeentelijkeWaarde = Annotated[
    Annotated[GedateerdeWaarde, Tag("GedateerdeWaarde")]
    | Annotated[Any, Tag("waarde"), WithJsonSchema({"not": {"type": "object"}})],
    Discriminator(_value_form),
]


class Parameter(_Strict):
    """A parameter declaration: an undated `standaard`, dated values (`perioden`), or both (the
    standard then holds on the days no period covers)."""

    omschrijving: StrictStr
    type: Literal["getal", "ja_nee", "tekst", "lijst"]
    standaard: Any = Field(None, description="De waarde op elke dag waarop geen periode geldt.")
    perioden: list[ParameterPeriode] | None = Field(
        None, min_length=1, description="Waarden met hun eigen geldigheid (geldig_vanaf/geldig_tot)."
    )
    bron: Bron
    gemeentelijk: StrictBool = True
    waarden: list[StrictInt | StrictFloat | StrictStr] | None = Field(
        None, description="Toegestane waarden (getallen bij type getal, tekst bij tekst of lijst)."
    )

    @model_validator(mode="after")
    def _some_value(self) -> Parameter:
        if "standaard" not in self.model_fields_set and self.perioden is None:
            raise ValueError("een parameter heeft een 'standaard' of 'perioden' (waarden met geldig_vanaf) nodig")
        return self

    @property
    def has_standaard(self) -> bool:
        return "standaard" in self.model_fields_set


class Erkenning(_Strict):
    """An explicit, reasoned acknowledgement that a rule change gives a persona less access.

    The leefwereldtoets fails when a persona of a protected group loses access; a policy maker
    who intends that loss records here why, so the choice is visible in the rule files and in
    every report instead of being waved through.
    """

    persona: StrictStr | None = Field(
        None, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$", description="Bestandsnaam (stam) van de persona."
    )
    groep: Literal["levenslang_chronisch", "ernstig_acuut_ziek", "veiligheid", "gi_client"] | None = Field(
        None, description="Beschermde groep in een caseload (reikwijdte wat-als), in plaats van een persona."
    )
    regel: StrictStr = Field(pattern=RULE_ID_PATTERN, description="Id van de regel die de wijziging veroorzaakt.")
    gemeente: StrictStr | None = Field(None, description="Alleen voor deze gemeente; leeg: elke configuratie.")
    reden: StrictStr = Field(min_length=40, description="Waarom het minder toegang voor deze persona aanvaardbaar is.")
    datum: dt.date

    @model_validator(mode="after")
    def _persona_or_group(self) -> Erkenning:
        if (self.persona is None) == (self.groep is None):
            raise ValueError("een erkenning noemt een persona of een beschermde groep (groep), niet beide en niet geen")
        return self


class Vermoeden(_Strict):
    """A presumption: while `feit` is unknown, the advice proceeds as if it had `waarde` (or, for a
    number, as if it lay within a bound: `maximaal`, `kleiner_dan`, `minimaal`, `groter_dan`; or,
    for a choice or text, as if it had none of the values `niet_in`).

    Declared by policy makers with a reason and a source, so that every value the advice takes
    for granted is visible; the assessment lists the presumptions that mattered (`aannames`).
    `reden` is checked by `engine.validation` (a Dutch message with file and line when absent).
    """

    feit: StrictStr = Field(min_length=1, description="Feit uit de casus, bijv. andere_wetten.recht_op_wlz.")
    waarde: Scalar | list[StrictStr] | None = Field(
        None, description="De waarde waarvan het advies uitgaat zolang het feit onbekend is."
    )
    maximaal: StrictInt | StrictFloat | ParameterVerwijzing | None = None
    kleiner_dan: StrictInt | StrictFloat | ParameterVerwijzing | None = None
    minimaal: StrictInt | StrictFloat | ParameterVerwijzing | None = None
    groter_dan: StrictInt | StrictFloat | ParameterVerwijzing | None = None
    niet_in: list[StrictStr] | ParameterVerwijzing | None = Field(
        None, description="Het feit heeft geen van deze waarden (een keuze of tekst)."
    )
    reden: StrictStr | None = Field(None, description="Waarom het advies van deze waarde mag uitgaan.")
    bron: Bron

    @model_validator(mode="after")
    def _one_value(self) -> Vermoeden:
        given = [k for k in PRESUMPTION_FORMS if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("een vermoeden noemt precies een van: " + ", ".join(PRESUMPTION_FORMS))
        return self

    @property
    def vorm(self) -> str:
        """Which form it takes: `waarde` or one of the bounds."""
        return next(k for k in PRESUMPTION_FORMS if getattr(self, k) is not None)

    @property
    def operand(self) -> Any:
        return getattr(self, self.vorm)


PRESUMPTION_FORMS = ("waarde", "maximaal", "kleiner_dan", "minimaal", "groter_dan", "niet_in")


class RegelBestand(_Strict):
    """A national rule file: rules, parameter declarations, acknowledgements and/or presumptions."""

    beschrijving: StrictStr | None = None
    parameters: dict[StrictStr, Parameter] = Field(default_factory=dict)
    regels: list[Regel] = Field(default_factory=list)
    erkenningen: list[Erkenning] = Field(default_factory=list)
    vermoedens: list[Vermoeden] = Field(default_factory=list)


class UitgeslotenHulpvorm(_Strict):
    """A kind of help the local ordinance excludes by name: a value of the fixed list `Hulpvorm`.

    `naam` is the key of earlier rule versions (there it matched the provider's exact name); it
    still loads so the leefwereldtoets can compare with those versions, and like `hulpvorm` its
    value must be in the fixed list (validation).
    """

    hulpvorm: StrictStr | None = Field(
        None, min_length=1, description="Een waarde uit de vaste lijst van hulpvormen (hulpvraag.hulpvorm)."
    )
    naam: StrictStr | None = Field(None, min_length=1, description="Verouderd (vorige versies): als hulpvorm.")
    bron: Bron

    @model_validator(mode="after")
    def _one_key(self) -> UitgeslotenHulpvorm:
        if (self.hulpvorm is None) == (self.naam is None):
            raise ValueError("geef precies een van 'hulpvorm' (uit de vaste lijst) of 'naam' (verouderd)")
        return self

    @property
    def waarde(self) -> str:
        """The value the rule compares: the kind of help (or, in an old version, the name)."""
        return self.hulpvorm if self.hulpvorm is not None else str(self.naam)


class NietGevolgdVoorstel(_Strict):
    """A proposal-based rule this municipality does not follow, with its reason.

    There the rule no longer concludes anything; it becomes a professionele_afweging that names
    the proposal and its source. A rule that rests on the law cannot be declined (validation).
    """

    regel: StrictStr = Field(
        pattern=RULE_ID_PATTERN, description="Id van de regel (een voorstel) die de gemeente niet volgt."
    )
    reden: StrictStr = Field(min_length=10, description="Waarom de gemeente het voorstel niet volgt.")
    bron: Bron | None = Field(None, description="Het eigen besluit of de verordening van de gemeente, waar die er is.")


class GemeenteInfo(_Strict):
    code: StrictStr = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")
    naam: StrictStr


class GemeenteBestand(_Strict):
    """A municipal file: sets parameters, adds named exclusions from the local ordinance, and adds
    or overrides presumptions (`vermoedens`, by fact)."""

    gemeente: GemeenteInfo
    parameters: dict[StrictStr, GemeentelijkeWaarde] = Field(default_factory=dict)
    uitgesloten_hulpvormen: list[UitgeslotenHulpvorm] = Field(default_factory=list)
    niet_gevolgde_voorstellen: list[NietGevolgdVoorstel] = Field(default_factory=list)
    vermoedens: list[Vermoeden] = Field(default_factory=list)
