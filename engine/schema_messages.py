"""Pydantic's validation errors as Dutch messages at the line of a YAML file, in one place.

Rule files, municipal files, case files and persona files are all checked by pydantic models;
the people who read the errors are policy makers and professionals, so pydantic's English
messages are translated here by error type, the location is mapped to the line of the
offending key, and a near miss gets a suggestion ("onbekende sleutel 'titl' — bedoelde je
'titel'?"). Both the rule base and the case-file reader use this module.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from engine.rule_model import RULE_ID_PATTERN
from engine.yaml_source import Loc, SourceDocument


@dataclass(frozen=True)
class SchemaProblem:
    """One problem: where in the document (dotted path and line) and what is wrong, in Dutch."""

    loc: Loc
    line: int
    message: str

    @property
    def where(self) -> str:
        return ".".join(str(p) for p in self.loc)


def suggestion(word: Any, candidates: typing.Iterable[Any]) -> str:
    """` — bedoelde je 'x'?` for the closest candidate, or nothing when none is close."""
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, [str(c) for c in candidates], n=1, cutoff=0.6)
    return f" — bedoelde je '{close[0]}'?" if close else ""


#: What a value should be, per pydantic type error: "hier hoort <...>".
_KIND = {
    "string_type": "tekst",
    "int_type": "een geheel getal",
    "int_parsing": "een geheel getal",
    "int_from_float": "een geheel getal",
    "float_type": "een getal",
    "float_parsing": "een getal",
    "bool_type": "true of false",
    "bool_parsing": "true of false",
    "date_type": "een datum (JJJJ-MM-DD)",
    "date_parsing": "een datum (JJJJ-MM-DD)",
    "date_from_datetime_parsing": "een datum (JJJJ-MM-DD)",
    "date_from_datetime_inexact": "een datum zonder tijd (JJJJ-MM-DD)",
    "list_type": "een lijst",
    "tuple_type": "een lijst",
    "dict_type": "een blok met sleutels (sleutel: waarde)",
    "model_type": "een blok met sleutels (sleutel: waarde)",
    "model_attributes_type": "een blok met sleutels (sleutel: waarde)",
    "literal_error": "een van de toegestane waarden",
    "enum": "een van de toegestane waarden",
}


#: The rule model's patterns, as a policy maker reads them.
_PATTERNS = {
    RULE_ID_PATTERN: "begint met een letter, dan letters, cijfers, '_', '.' of '-', zonder spaties (hoogstens 64)",
    r"^\d+(-\d+)?$": "een regelnummer of een reeks, bijvoorbeeld 3103 of 3103-3139",
    r"^[a-z0-9][a-z0-9_-]{0,63}$": "kleine letters, cijfers, '_' of '-', zonder spaties (hoogstens 64)",
    r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$": "letters, cijfers, '_', '.' of '-', zonder spaties (hoogstens 128)",
}


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "..."


def _choices(expected: str) -> list[str]:
    return re.findall(r"'([^']*)'", expected) or [expected]


def dutch_message(err: Any, allowed_keys: list[str] | None = None, *, show_value: bool = True) -> str:
    """One pydantic error in the Dutch a policy maker or an integrator reads (with a suggestion).

    `show_value=False` leaves the offending value out (the API: a value may be case data).
    """
    allowed_keys = allowed_keys or []
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    shown = _shown(value) if show_value else "deze waarde"
    key = err["loc"][-1] if err["loc"] else ""
    if kind == "missing":
        return f"verplichte sleutel '{key}' ontbreekt"
    if kind == "extra_forbidden":
        return f"onbekende sleutel '{key}'{suggestion(key, allowed_keys)}"
    if kind in ("literal_error", "enum"):
        choices = _choices(str(ctx.get("expected", "")))
        return f"{shown} is geen toegestane waarde; kies uit {', '.join(choices)}{suggestion(value, choices) if show_value else ''}"
    if kind in ("string_too_short", "too_short"):
        what = "tekst" if kind == "string_too_short" else "lijst"
        unit = " tekens" if kind == "string_too_short" else ""
        return f"{what} is te kort (minstens {ctx.get('min_length')}{unit})"
    if kind in ("string_too_long", "too_long"):
        what = "tekst" if kind == "string_too_long" else "lijst"
        unit = " tekens" if kind == "string_too_long" else ""
        return f"{what} is te lang (hoogstens {ctx.get('max_length')}{unit})"
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern"))
        return f"{shown} heeft niet de vereiste vorm: {_PATTERNS.get(pattern, f'patroon {pattern}')}"
    bounds = {
        "greater_than": ("groter dan", "gt"),
        "greater_than_equal": ("minstens", "ge"),
        "less_than": ("kleiner dan", "lt"),
        "less_than_equal": ("hoogstens", "le"),
    }
    if kind in bounds:
        words, name = bounds[kind]
        return f"moet {words} {ctx.get(name)} zijn, niet {shown}"
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", err["msg"]))
    if kind in _KIND:
        return f"hier hoort {_KIND[kind]}, niet {shown}"
    return f"ongeldige waarde {shown} ({kind})"


# -- finding the keys a model allows at a location, for suggestions --------------------------
def _members(annotation: Any) -> list[Any]:
    """The concrete types inside Optional/Union/Annotated."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _members(typing.get_args(annotation)[0])
    if origin is typing.Union or isinstance(annotation, types.UnionType):
        return [m for arg in typing.get_args(annotation) for m in _members(arg)]
    return [annotation]


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _step(annotation: Any, part: Any) -> list[Any]:
    found = []
    for member in _members(annotation):
        origin = typing.get_origin(member)
        if _is_model(member) and isinstance(part, str):
            for name, info in member.model_fields.items():
                if part in (name, info.alias):
                    found.append(info.annotation)
        elif origin in (list, tuple) and isinstance(part, int):
            found.extend(a for a in typing.get_args(member) if a is not Ellipsis)
        elif origin is dict and isinstance(part, str):
            args = typing.get_args(member)
            if len(args) == 2:
                found.append(args[1])
    return found


def allowed_keys(model: type[BaseModel], loc: Loc) -> list[str]:
    """Keys the model accepts in the mapping at `loc` (empty when it cannot tell)."""
    current: list[Any] = [model]
    for part in loc:
        current = [t for a in current for t in _step(a, part)]
    keys: set[str] = set()
    for annotation in current:
        for member in _members(annotation):
            if _is_model(member):
                keys |= {info.alias or name for name, info in member.model_fields.items()}
    return sorted(keys)


def _clean(model: type[BaseModel], loc: Loc) -> Loc:
    """Drop pydantic's union and validator tags (`str`, `function-after[...]`, a model's name)."""
    current: list[Any] = [model]
    kept: list[Any] = []
    for part in loc:
        tags = {getattr(m, "__name__", None) for a in current for m in _members(a)} | _UNION_TAGS
        nxt = [t for a in current for t in _step(a, part)]
        if isinstance(part, str) and not nxt and ("[" in part or part in tags):
            current = [m for a in current for m in _members(a) if getattr(m, "__name__", None) == part] or current
            continue
        kept.append(part)
        current = nxt
    return tuple(kept)


_UNION_TAGS = {"bool", "int", "float", "str", "list", "dict", "date", "none"}


def schema_problems(
    doc: SourceDocument, exc: ValidationError, model: type[BaseModel], prefix: Loc = ()
) -> list[SchemaProblem]:
    """Every error of `exc` (raised validating `model` at `prefix` of `doc`) in Dutch, with its line.

    A value that fits none of a union's alternatives gives one message naming them all, not
    one per alternative.
    """
    grouped: dict[Loc, list[Any]] = {}
    for err in exc.errors():
        grouped.setdefault(_clean(model, tuple(err["loc"])), []).append(err)
    problems = []
    for loc, errs in grouped.items():
        full = prefix + loc
        line = doc.line_of(full)
        kinds = [e["type"] for e in errs]
        if len(errs) > 1 and all(k in _KIND for k in kinds):
            wanted = list(dict.fromkeys(_KIND[k] for k in kinds))
            choices = ", ".join(wanted[:-1]) + " of " + wanted[-1]
            message = f"hier hoort {choices}, niet {_shown(errs[0].get('input'))}"
            problems.append(SchemaProblem(full, line, message))
            continue
        keys = allowed_keys(model, loc[:-1]) if "extra_forbidden" in kinds else []
        seen: set[str] = set()
        for err in errs:
            message = dutch_message(err, keys)
            if message not in seen:
                seen.add(message)
                problems.append(SchemaProblem(full, line, message))
    return problems
