"""A rule read aloud: its condition and conclusion in Dutch words, for policy makers.

Explanations of an assessment show a compiled condition (`situatie.veiligheidszorgen is ja`);
a policy maker reads the rule as written, with a parameter named as a parameter (its value
differs per municipality) and every fact by its label from `engine.labels`. The result is a
small tree (`Zin`) that a page shows as nested lists and a test can read as text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from engine import labels
from engine.facts import DERIVED, OUTCOME, PARAMETER
from engine.rule_model import Conclusie, Conditie, ParameterVerwijzing

_OPERATOR = {
    "is": "is",
    "is_niet": "is niet",
    "groter_dan": "is meer dan",
    "kleiner_dan": "is minder dan",
    "minimaal": "is minstens",
    "maximaal": "is hoogstens",
    "in": "is een van",
    "niet_in": "is geen van",
    "bevat": "bevat",
}


@dataclass(frozen=True)
class Zin:
    """One line of a condition: a comparison, or a heading (`alle`, `een van`, `niet`) over parts."""

    tekst: str
    delen: tuple[Zin, ...] = field(default=())
    feiten: tuple[str, ...] = field(default=())

    def als_tekst(self, inspringen: int = 0) -> str:
        lines = ["  " * inspringen + "- " + self.tekst]
        lines += [d.als_tekst(inspringen + 1) for d in self.delen]
        return "\n".join(lines)


def feit_label(path: str) -> str:
    """A fact by its Dutch label: case fields and outcomes from `engine.labels`, derived facts in words."""
    head, _, rest = path.partition(".")
    if head == DERIVED:
        return f"tussenconclusie '{rest.replace('_', ' ')}'"
    if head == OUTCOME:
        return f"uitkomst '{labels.veld(rest)}'"
    if head == PARAMETER:
        return f"parameter '{rest}'"
    return labels.veld(path)


def _value(path: str, value: Any) -> str:
    head, _, rest = path.partition(".")
    if head == OUTCOME and rest in labels.UITKOMST_WAARDE and isinstance(value, str):
        return labels.uitkomst(rest, value)
    return labels.waarde(path, value)


def _operand(path: str, value: Any, parameters: Mapping[str, Any]) -> str:
    if isinstance(value, ParameterVerwijzing):
        name = value.parameter
        shown = f" (landelijk {labels.waarde(path, parameters[name])})" if name in parameters else ""
        return f"de parameter {name}{shown}"
    if isinstance(value, list):
        return ", ".join(_value(path, v) for v in value)
    return _value(path, value)


def voorwaarde(cond: Conditie, parameters: Mapping[str, Any] | None = None) -> Zin:
    """The condition as a tree of Dutch lines; `parameters` (national defaults) are shown beside their name."""
    params = parameters or {}
    if cond.alle is not None:
        return Zin("Al het volgende geldt:", tuple(voorwaarde(c, params) for c in cond.alle))
    if cond.een_van is not None:
        if len(cond.een_van) == 1:
            return voorwaarde(cond.een_van[0], params)
        return Zin("Ten minste een van deze geldt:", tuple(voorwaarde(c, params) for c in cond.een_van))
    if cond.niet is not None:
        return Zin("Dit geldt niet:", (voorwaarde(cond.niet, params),))
    path = cond.feit or ""
    op = cond.operator
    label = feit_label(path)
    if op == "bekend":
        return Zin(f"{label} is bekend", feiten=(path,))
    if op == "onbekend":
        return Zin(f"{label} is nog onbekend", feiten=(path,))
    value = cond.operand(op)
    suffix = " (vastgesteld, geen vermoeden)" if cond.zonder_vermoeden else ""
    return Zin(f"{label} {_OPERATOR[op]} {_operand(path, value, params)}{suffix}", feiten=(path,))


def conclusie(dan: Conclusie) -> list[str]:
    """What the rule concludes, one sentence a line, outcome values by their labels."""
    lines: list[str] = []
    for name, value in dan.uitkomst.items():
        lines += _uitkomst(name, value)
    for name, value in dan.afleiden.items():
        lines.append(f"Tussenconclusie '{name.replace('_', ' ')}': {labels.waarde(name, value)}")
    if dan.professionele_afweging is not None:
        afw = dan.professionele_afweging
        lines.append(f"De professional weegt af: {afw.onderwerp} ({'; '.join(afw.te_wegen)})")
    return lines


def _uitkomst(name: str, value: Any) -> list[str]:
    if isinstance(value, dict):
        return [line for key, sub in value.items() for line in _uitkomst(f"{name}.{key}", sub)]
    field_label = labels.veld(name)
    if name in labels.UITKOMST_WAARDE:
        values = value if isinstance(value, list) else [value]
        shown = ", ".join(labels.uitkomst(name, str(v)) for v in values)
    else:
        shown = labels.waarde(name, value)
    return [f"{field_label}: {shown}"]


def feiten(zin: Zin) -> set[str]:
    """Every fact path the condition reads (for search by fact name)."""
    return set(zin.feiten).union(*(feiten(d) for d in zin.delen)) if zin.delen else set(zin.feiten)


_PLACEHOLDER = re.compile(r"\{([a-z_]+(?:\.[a-z_]+)+)\}")


def motivering(text: str) -> str:
    """A rule's motivation sentence with its `{fact.path}` placeholders named in words: `[Verwachte kosten (euro)]`."""
    return _PLACEHOLDER.sub(lambda m: f"[{feit_label(m.group(1))}]", " ".join(text.split()))
