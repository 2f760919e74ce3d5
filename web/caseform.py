"""The intake form: the case model as form fields, and a posted form back into a case.

The fields follow the case model (`engine.case.Casus`) part by part, so a new case fact appears
on the form without touching a template: its question (`engine.case.VRAGEN`) is the field's
label, the model's description its help text, its kind (`engine.facts.CASE_FACTS`) its control.
Every fact can stay unknown: "Weet ik nog niet" is an answer of its own for a yes/no question
and a choice, an empty box for a number or a text, and for a list it is distinct from "geen".

A form is read into `Invoer`: what was posted, exactly as posted (so a page with an error shows
everything the user entered), the errors per field in Dutch, and the case when there are none.
The form's state travels in the POST body only, never in a URL.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ValidationError
from starlette.datastructures import FormData

from engine import labels
from engine.case import META_FIELDS, VRAGEN, Casus
from engine.facts import CASE_FACTS
from engine.schema_messages import dutch_message

Soort = Literal["bool", "enum", "list", "int", "float", "str"]

JA, NEE = "ja", "nee"
#: The list-field answers besides its values: unknown, none of them, or the values ticked.
LIJST_STAND = ":stand"
GEEN, WEL = "geen", "wel"
_NUMBER = re.compile(r"^-?\d+([.,]\d+)?$")


@dataclass(frozen=True)
class Veld:
    """One case fact as a form field."""

    pad: str
    soort: Soort
    label: str
    vraag: str
    uitleg: str | None
    keuzes: tuple[tuple[str, str], ...] = ()

    @property
    def id(self) -> str:
        """The HTML id (no dots, so it is also a plain CSS selector and URL fragment)."""
        return "veld-" + self.pad.replace(".", "-").replace("_", "-")


@dataclass(frozen=True)
class Groep:
    naam: str
    label: str
    velden: tuple[Veld, ...]


def _description(model: type[BaseModel], name: str) -> str | None:
    return model.model_fields[name].description


def _fields() -> tuple[Groep, ...]:
    groups = []
    for part, info in Casus.model_fields.items():
        if part in META_FIELDS:
            continue
        model = info.default_factory  # every part is a model with a default instance
        assert isinstance(model, type) and issubclass(model, BaseModel)
        fields = []
        for name in model.model_fields:
            path = f"{part}.{name}"
            fact = CASE_FACTS[path]
            kind: Soort = fact.kind if fact.kind in ("bool", "enum", "list", "int", "float") else "str"
            choices = tuple((value, labels.waarde(path, value)) for value in fact.values)
            fields.append(Veld(path, kind, labels.veld(path), VRAGEN[path], _description(model, name), choices))
        groups.append(Groep(part, labels.groep(part), tuple(fields)))
    return tuple(groups)


#: The form's fields, grouped as the case model is.
GROEPEN: tuple[Groep, ...] = _fields()
VELDEN: dict[str, Veld] = {v.pad: v for g in GROEPEN for v in g.velden}


@dataclass
class Invoer:
    """A posted intake form: the raw values, the errors by field, and the case when it is valid."""

    waarden: dict[str, Any] = field(default_factory=dict)
    fouten: dict[str, str] = field(default_factory=dict)
    casus: Casus | None = None
    gemeente: str | None = None
    peildatum: dt.date | None = None

    def waarde(self, pad: str) -> Any:
        return self.waarden.get(pad, [] if pad in VELDEN and VELDEN[pad].soort == "list" else "")

    def stand(self, pad: str) -> str:
        """A list field's answer: '' (unknown), 'geen' or 'wel' (also when values are ticked)."""
        return WEL if self.waarde(pad) else str(self.waarden.get(pad + LIJST_STAND, ""))

    def bekend(self, pad: str) -> bool:
        return bool(self.waarde(pad)) or self.stand(pad) == GEEN

    def ingevuld(self, groep: Groep) -> int:
        return sum(1 for v in groep.velden if self.bekend(v.pad))


def empty(gemeente: str | None, today: dt.date) -> Invoer:
    """A new intake: everything unknown, the team's municipality and today's rules."""
    return Invoer(
        waarden={"gemeente": gemeente or "", "peildatum": today.isoformat()},
        casus=Casus(),
        gemeente=gemeente,
        peildatum=today,
    )


def _number(raw: str, kind: Soort) -> tuple[Any, str | None]:
    text = raw.strip().replace(" ", "")
    if not _NUMBER.match(text):
        return None, "vul een getal in (bijvoorbeeld 12), of laat het veld leeg als u het nog niet weet"
    if kind == "int":
        if "," in text or "." in text:
            return None, "vul een heel getal in (zonder komma)"
        return int(text), None
    return float(text.replace(",", ".")), None


def read(form: FormData, gemeenten: frozenset[str]) -> Invoer:
    """The posted form as an `Invoer`: every value kept as posted, every problem named at its field."""
    invoer = Invoer()
    facts: dict[str, dict[str, Any]] = {}
    for veld in VELDEN.values():
        part, name = veld.pad.split(".", 1)
        value: Any = None
        if veld.soort == "list":
            ticked = [str(v) for v in form.getlist(veld.pad) if str(v) in dict(veld.keuzes)]
            stand = str(form.get(veld.pad + LIJST_STAND) or "")
            invoer.waarden[veld.pad] = ticked
            invoer.waarden[veld.pad + LIJST_STAND] = stand
            if ticked:
                value = ticked
            elif stand == GEEN:
                value = []
            elif stand == WEL:
                invoer.fouten[veld.pad] = "kruis aan welke, of kies 'Geen van deze' of 'Weet ik nog niet'"
        else:
            raw = str(form.get(veld.pad) or "")
            invoer.waarden[veld.pad] = raw
            if not raw.strip():
                pass
            elif veld.soort == "bool":
                if raw not in (JA, NEE):
                    invoer.fouten[veld.pad] = "kies Ja, Nee of Weet ik nog niet"
                value = raw == JA if raw in (JA, NEE) else None
            elif veld.soort in ("int", "float"):
                value, problem = _number(raw, veld.soort)
                if problem:
                    invoer.fouten[veld.pad] = problem
            elif veld.soort == "enum":
                if raw not in dict(veld.keuzes):
                    invoer.fouten[veld.pad] = "kies een van de mogelijkheden uit de lijst"
                value = raw if raw in dict(veld.keuzes) else None
            else:
                value = raw.strip()
        if value is not None:
            facts.setdefault(part, {})[name] = value
    _read_meta(form, invoer, gemeenten)
    kenmerk = invoer.waarden["kenmerk"].strip() or None
    try:
        casus = Casus.model_validate({**facts, "kenmerk": kenmerk})
    except ValidationError as exc:
        for error in exc.errors():
            path = ".".join(str(part) for part in error["loc"])
            invoer.fouten.setdefault(path, dutch_message(error, show_value=False))
        return invoer
    if not invoer.fouten:
        invoer.casus = casus
    return invoer


def _read_meta(form: FormData, invoer: Invoer, gemeenten: frozenset[str]) -> None:
    for name in META_FIELDS:
        invoer.waarden[name] = str(form.get(name) or "")
    gemeente = invoer.waarden["gemeente"]
    if gemeente and gemeente not in gemeenten:
        invoer.fouten["gemeente"] = "kies een gemeente uit de lijst"
    invoer.gemeente = gemeente or None
    raw_date = invoer.waarden["peildatum"].strip()
    if raw_date:
        try:
            invoer.peildatum = dt.date.fromisoformat(raw_date)
        except ValueError:
            invoer.fouten["peildatum"] = "vul een datum in als jjjj-mm-dd (bijvoorbeeld 2026-03-01)"


def fout_ids(invoer: Invoer) -> list[tuple[str, str, str]]:
    """(HTML id, label, message) of every error, in the form's order, for the summary at the top."""
    order = [*META_FIELDS, *VELDEN]
    found = []
    for path in sorted(invoer.fouten, key=lambda p: order.index(p) if p in order else len(order)):
        veld = VELDEN.get(path)
        html_id = veld.id if veld else "veld-" + path.replace(".", "-").replace("_", "-")
        found.append((html_id, labels.veld(path), invoer.fouten[path]))
    return found
