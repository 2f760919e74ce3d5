"""The fact vocabulary: which names a rule may test, and of what type.

Rules name facts by dotted path (`hulpvraag.verwachte_kosten`). The vocabulary is read off the
case model so that a rule can never test a fact the case cannot carry, and off the outcome
contract so that rules can chain on outcomes. Derived facts (`afgeleid.*`) are declared by the
rules that conclude them. (How durable-rules' working memory names these facts is the adapter's
business: `engine/durable/memory.py`.)
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel

from engine.case import META_FIELDS, VRAGEN, Casus
from engine.rulebase import LoadedRule

Kind = Literal["bool", "int", "float", "str", "enum", "list"]

DERIVED = "afgeleid"
OUTCOME = "uitkomst"
PARAMETER = "parameter"


@dataclass(frozen=True)
class FactType:
    kind: Kind
    values: tuple[str, ...] = ()
    description: str = ""
    question: str = ""  # the Dutch question that asks for this fact (case facts only)

    def accepts(self, value: Any) -> bool:
        if self.kind == "bool":
            return isinstance(value, bool)
        if self.kind in ("int", "float"):
            return isinstance(value, (int, float)) and not isinstance(value, bool)
        if self.kind == "str":
            return isinstance(value, str)
        if self.kind in ("enum", "list"):
            return isinstance(value, str) and value in self.values
        return False

    def describe(self) -> str:
        if self.kind in ("enum", "list"):
            return f"{'lijst van ' if self.kind == 'list' else 'een van '}{', '.join(self.values)}"
        return {"bool": "ja/nee (true/false)", "int": "geheel getal", "float": "getal", "str": "tekst"}[self.kind]


def _unwrap_optional(annotation: Any) -> Any:
    """`X | None` -> `X`; `Annotated[X, ...]` (e.g. `StrictBool`) -> `X`."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            annotation = args[0]
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


_SIMPLE: dict[Any, Kind] = {bool: "bool", int: "int", float: "float", str: "str"}


def _fact_type(annotation: Any, description: str, question: str = "") -> FactType:
    annotation = _unwrap_optional(annotation)
    if typing.get_origin(annotation) is list:
        (member,) = typing.get_args(annotation)
        return FactType("list", tuple(m.value for m in member), description, question)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return FactType("enum", tuple(m.value for m in annotation), description, question)
    if annotation in _SIMPLE:
        return FactType(_SIMPLE[annotation], (), description, question)
    raise TypeError(f"unsupported case field type {annotation!r}")


def _walk(model: type[BaseModel], prefix: str, skip: tuple[str, ...] = ()) -> dict[str, FactType]:
    found: dict[str, FactType] = {}
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        annotation = _unwrap_optional(info.annotation)
        path = f"{prefix}{name}"
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            found.update(_walk(annotation, path + "."))
        else:
            found[path] = _fact_type(info.annotation, info.description or "", VRAGEN.get(path, ""))
    return found


CASE_FACTS: dict[str, FactType] = _walk(Casus, "", skip=META_FIELDS)

GRONDSLAGEN = ("veiligheid", "stoornis_beperking", "participatie", "ontwikkelingskansen")
BUITEN_DOMEINEN = (
    "gebruikelijke_zorg",
    "wlz",
    "zvw",
    "bjj",
    "wmo",
    "passend_onderwijs",
    "verzekering",
    "volwassenenhulp",
    "uitgesloten_hulpvorm",
    "geen_jeugdhulp_nodig",
    # De hulp dient geen van de doelen a-c van Jeugdwet art. 2.3 (gezond en veilig opgroeien,
    # groeien naar zelfstandigheid, zelfredzaam zijn en maatschappelijk participeren).
    "geen_jeugdwetdoel",
    # De jongere is 18 of ouder en de jeugdhulp wordt niet voortgezet (geen voortzetting na 18,
    # boven de gemeentelijke leeftijdsgrens of boven de wettelijke maximumleeftijd).
    "meerderjarig",
    # De jeugdige heeft woonplaats in een andere gemeente: die gemeente is verantwoordelijk
    # (woonplaatsbeginsel, Jeugdwet art. 2.3 lid 1).
    "andere_gemeente",
)
#: Grounds with statutory precedence (Jeugdwet art. 1.2: a right to care under the Wlz, the Zvw or
#: the Bjj). They are the only ranking among exclusion grounds; no source ranks the others.
WETTELIJKE_VOORRANG = ("wlz", "zvw", "bjj")
SIGNALEN = (
    "grijze_zone_onderwijs",
    "combinatie_andere_domeinen",
    "individuele_toekenning_mogelijk",
    "geen_getrapte_zorg",
    "breed_wijkteam",
    "voortzetting_na_18",
    "bestaanszekerheid_16_plus",
    "motivering_verwijzer_vereist",
    "vergelijkbare_jeugdwetvoorziening",
    # De gemeente laat pleegzorg of wonen eerder stoppen dan de landelijke standaard van 21 jaar.
    "lokale_keuze_onder_landelijke_standaard",
)

#: Where a referral stands (`verwijzing.status`). A referral that needs the municipality's approval
#: is neither allowed nor refused yet; help that is free access has no referral question at all.
VERWIJZING_STATUS = (
    # De verwijzing is toegestaan zonder verdere goedkeuring (gecontracteerd aanbod, of een
    # strafrechtelijke beslissing).
    "toegestaan",
    # Afwijken van het gecontracteerde aanbod: de gemeente keurt vooraf goed (gemeentelijke keuze).
    "goedkeuring_vooraf_nodig",
    # Afwijken van het gecontracteerde aanbod: de hulp kan starten, de gemeente toetst achteraf.
    "goedkeuring_achteraf",
    # Geen verwijsvraag: vrij toegankelijke hulp, of directe toegang die de gemeente zelf biedt.
    "geen_verwijsvraag",
    # Geen wettelijke verwijzer en geen vrij toegankelijke hulp: de vraag loopt via de gemeentelijke toegang.
    "via_gemeentelijke_toegang",
)

#: The outcome contract: every field a rule may set under `dan.uitkomst`.
OUTCOME_FACTS: dict[str, FactType] = {
    "reikwijdte": FactType("enum", ("binnen", "buiten"), "Valt de hulpvraag binnen de reikwijdte van de Jeugdwet?"),
    "buiten_domein": FactType("enum", BUITEN_DOMEINEN, "Welk domein gaat voor als de hulp buiten de Jeugdwet valt."),
    "buiten_gronden": FactType(
        "list", BUITEN_DOMEINEN, "Elke vastgestelde grond waarop de hulp buiten de Jeugdwet valt (geen rangorde)."
    ),
    "toegang": FactType("enum", ("vrij_toegankelijk", "beschikking", "geen"), "Route naar de hulp."),
    "onmiddellijk_handelen": FactType("bool", (), "Veiligheid vraagt om direct handelen."),
    "gedwongen_kader": FactType("bool", (), "Er geldt een kinderbeschermingsmaatregel of strafrechtelijke beslissing."),
    "grondslagen": FactType("list", GRONDSLAGEN, "Grondslagen voor jeugdhulp."),
    "signalen": FactType("list", SIGNALEN, "Aandachtspunten voor de professional."),
    "verwijzing.status": FactType("enum", VERWIJZING_STATUS, "Waar de verwijzing staat."),
    "verwijzing.toegestaan": FactType("bool", (), "De verwijzing is toegestaan."),
    "verwijzing.toestemming_vooraf": FactType("bool", (), "Toestemming vooraf is nodig."),
    "verwijzing.toetsing_achteraf": FactType("bool", (), "De gemeente toetst achteraf."),
    "verwijzing.gemeente_moet_betalen": FactType("bool", (), "De gemeente moet de hulp betalen."),
    "verwijzing.gemeente_niet_verplicht": FactType("bool", (), "De gemeente is niet verplicht te betalen."),
    "verwijzing.start_niet_blokkeren": FactType("bool", (), "Goedkeuring mag de start van de hulp niet tegenhouden."),
}

#: Outcome fields an assessment shows as `UNDECIDED` while no rule settled them.
UNDECIDED = "onbeslist"
UNDECIDED_OUTCOMES = ("reikwijdte", "toegang")

#: Outcome fields whose absence after evaluation means the outcome is still open.
SCALAR_OUTCOMES = tuple(k for k, v in OUTCOME_FACTS.items() if v.kind != "list")
LIST_OUTCOMES = tuple(k for k, v in OUTCOME_FACTS.items() if v.kind == "list")
#: Outcome fields whose missing facts are reported when they stay open: the route itself, safety
#: and the referral. (An open `gedwongen_kader` means no measure is known; that is not news.)
OPEN_OUTCOMES = tuple(k for k in SCALAR_OUTCOMES if k != "gedwongen_kader")


def case_to_facts(casus: Casus) -> dict[str, Any]:
    """The known case facts as dotted path -> value (unknown facts are absent)."""
    data = casus.model_dump(mode="json", exclude_none=True, exclude=set(META_FIELDS))
    facts: dict[str, Any] = {}

    def walk(node: dict[str, Any], prefix: str) -> None:
        for key, value in node.items():
            path = f"{prefix}{key}"
            if isinstance(value, dict):
                walk(value, path + ".")
            else:
                facts[path] = value

    walk(data, "")
    return facts


# --- the whole vocabulary of a rule base ----------------------------------------------------


def scalar_kind(value: Any) -> Kind:
    """The fact kind of a concluded value or an operand: ja/nee, a number (always `float`), or text."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "float"
    return "str"


def derived_vocabulary(rules: list[LoadedRule]) -> dict[str, FactType]:
    """`afgeleid.<naam>` facts with the type of their first concluded value."""
    found: dict[str, FactType] = {}
    for loaded in rules:
        for name, value in loaded.regel.dan.afleiden.items():
            found.setdefault(f"{DERIVED}.{name}", FactType(scalar_kind(value)))
    return found


def full_vocabulary(rules: list[LoadedRule]) -> dict[str, FactType]:
    """Every fact a rule may test or conclude: case facts, outcome fields and derived facts."""
    vocab = dict(CASE_FACTS)
    vocab.update({f"{OUTCOME}.{k}": v for k, v in OUTCOME_FACTS.items()})
    vocab.update(derived_vocabulary(rules))
    return vocab


def flatten_outcome(uitkomst: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any, tuple[str, ...]]]:
    """(`verwijzing.toegestaan`, value, yaml-path) for nested outcome mappings."""
    for key, value in uitkomst.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and name not in OUTCOME_FACTS:
            for sub, subvalue, subloc in flatten_outcome(value, name + "."):
                yield sub, subvalue, (key,) + subloc
        else:
            yield name, value, (key,)
