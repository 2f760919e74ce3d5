"""Conditions as a small logic: three-valued evaluation, negation, and the durable-rules form.

A case fact may be unknown, and unknown is not false. A condition is therefore true, false or
unknown (None). durable-rules only knows "matches", so conditions are brought into negation
normal form where every comparison also requires its fact to be known; then "matches" means
exactly "true" and forward chaining stays sound: facts only ever go from unknown to known, so a
rule that fired never becomes wrong. The same tree is evaluated here in Python to explain why
a rule did not apply and which missing facts keep an outcome open.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Union

from engine.facts import flag_key, wm_key

TRUE_PATTERN = {"_wm": 1}

_NEGATED_OP = {
    "eq": "neq",
    "neq": "eq",
    "gt": "le",
    "le": "gt",
    "lt": "ge",
    "ge": "lt",
    "in": "nin",
    "nin": "in",
    "has": "nhas",
    "nhas": "has",
    "known": "unknown",
    "unknown": "known",
}

_DUTCH_OP = {
    "eq": "is",
    "neq": "is niet",
    "gt": "is groter dan",
    "lt": "is kleiner dan",
    "ge": "is minimaal",
    "le": "is maximaal",
    "in": "is een van",
    "nin": "is geen van",
    "has": "bevat",
    "nhas": "bevat niet",
    "known": "is bekend",
    "unknown": "is onbekend",
}


@dataclass(frozen=True)
class Cmp:
    path: str
    op: str
    value: Any = None
    is_list: bool = False


@dataclass(frozen=True)
class All:
    items: tuple["Node", ...]


@dataclass(frozen=True)
class AnyOf:
    items: tuple["Node", ...]


@dataclass(frozen=True)
class Not:
    item: "Node"


@dataclass(frozen=True)
class Const:
    value: bool


Node = Union[Cmp, All, AnyOf, Not, Const]


def all_of(items: Iterable[Node]) -> Node:
    kept: list[Node] = []
    for item in items:
        if isinstance(item, Const):
            if not item.value:
                return Const(False)
            continue
        kept.extend(item.items if isinstance(item, All) else (item,))
    if not kept:
        return Const(True)
    return kept[0] if len(kept) == 1 else All(tuple(kept))


def any_of(items: Iterable[Node]) -> Node:
    kept: list[Node] = []
    for item in items:
        if isinstance(item, Const):
            if item.value:
                return Const(True)
            continue
        kept.extend(item.items if isinstance(item, AnyOf) else (item,))
    if not kept:
        return Const(False)
    return kept[0] if len(kept) == 1 else AnyOf(tuple(kept))


def negate(node: Node) -> Node:
    """Negation pushed down to the comparisons (three-valued: not-unknown stays unknown)."""
    if isinstance(node, Cmp):
        return Cmp(node.path, _NEGATED_OP[node.op], node.value, node.is_list)
    if isinstance(node, All):
        return any_of(negate(i) for i in node.items)
    if isinstance(node, AnyOf):
        return all_of(negate(i) for i in node.items)
    if isinstance(node, Not):
        return normalize(node.item)
    return Const(not node.value)


def normalize(node: Node) -> Node:
    """Negation normal form with constants folded."""
    if isinstance(node, Not):
        return negate(node.item)
    if isinstance(node, All):
        return all_of(normalize(i) for i in node.items)
    if isinstance(node, AnyOf):
        return any_of(normalize(i) for i in node.items)
    return node


# --- three-valued evaluation -------------------------------------------------------------

def _compare(op: str, actual: Any, expected: Any) -> bool:
    if op == "eq":
        return actual == expected and type(actual) is type(expected) or _num_eq(actual, expected)
    if op == "neq":
        return not _compare("eq", actual, expected)
    if op == "gt":
        return actual > expected
    if op == "lt":
        return actual < expected
    if op == "ge":
        return actual >= expected
    if op == "le":
        return actual <= expected
    if op == "in":
        return any(_compare("eq", actual, e) for e in expected)
    if op == "nin":
        return not any(_compare("eq", actual, e) for e in expected)
    if op == "has":
        return expected in actual
    if op == "nhas":
        return expected not in actual
    raise ValueError(f"unknown operator {op}")


def _num_eq(a: Any, b: Any) -> bool:
    numeric = (int, float)
    return (
        isinstance(a, numeric)
        and isinstance(b, numeric)
        and not isinstance(a, bool)
        and not isinstance(b, bool)
        and a == b
    )


def evaluate(node: Node, facts: dict[str, Any]) -> bool | None:
    """True, False, or None when unknown facts leave it open."""
    if isinstance(node, Cmp):
        if node.path not in facts:
            if node.op == "known":
                return False
            if node.op == "unknown":
                return True
            return None
        if node.op == "known":
            return True
        if node.op == "unknown":
            return False
        return _compare(node.op, facts[node.path], node.value)
    if isinstance(node, Const):
        return node.value
    if isinstance(node, Not):
        inner = evaluate(node.item, facts)
        return None if inner is None else not inner
    results = [evaluate(i, facts) for i in node.items]
    if isinstance(node, All):
        if False in results:
            return False
        return None if None in results else True
    if True in results:
        return True
    return None if None in results else False


def unknown_facts(node: Node, facts: dict[str, Any]) -> set[str]:
    """The unknown facts that keep `node` from being decided (empty when it is decided)."""
    if evaluate(node, facts) is not None:
        return set()
    if isinstance(node, Cmp):
        return {node.path}
    if isinstance(node, Not):
        return unknown_facts(node.item, facts)
    found: set[str] = set()
    for item in node.items:  # type: ignore[union-attr]
        found |= unknown_facts(item, facts)
    return found


def describe(node: Node) -> str:
    """Dutch reading of a condition, for explanations."""
    if isinstance(node, Cmp):
        if node.op in ("known", "unknown"):
            return f"{node.path} {_DUTCH_OP[node.op]}"
        value = node.value
        if isinstance(value, (list, tuple)):
            shown = ", ".join(show_value(v) for v in value)
        else:
            shown = show_value(value)
        return f"{node.path} {_DUTCH_OP[node.op]} {shown}"
    if isinstance(node, Const):
        return "altijd" if node.value else "nooit"
    if isinstance(node, Not):
        return f"niet ({describe(node.item)})"
    joiner = " en " if isinstance(node, All) else " of "
    return "(" + joiner.join(describe(i) for i in node.items) + ")"


def show_value(value: Any) -> str:
    if value is True:
        return "ja"
    if value is False:
        return "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def why_false(node: Node, facts: dict[str, Any]) -> list[str]:
    """The comparisons that make `node` false, each with the value the case has."""
    if evaluate(node, facts) is not False:
        return []
    if isinstance(node, Cmp):
        if node.path in facts:
            return [f"{describe(node)} (in deze casus: {_show_fact(facts[node.path])})"]
        return [describe(node)]
    if isinstance(node, Const):
        return [describe(node)]
    if isinstance(node, Not):
        return [f"niet ({describe(node.item)})"]
    if isinstance(node, All):
        for item in node.items:
            if evaluate(item, facts) is False:
                return why_false(item, facts)
    reasons: list[str] = []
    for item in node.items:
        reasons.extend(why_false(item, facts))
    return reasons


def _show_fact(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(show_value(v) for v in value) or "leeg"
    return show_value(value)


def paths(node: Node) -> set[str]:
    if isinstance(node, Cmp):
        return {node.path}
    if isinstance(node, Const):
        return set()
    if isinstance(node, Not):
        return paths(node.item)
    found: set[str] = set()
    for item in node.items:
        found |= paths(item)
    return found


# --- durable-rules form --------------------------------------------------------------------

def to_durable(node: Node) -> dict[str, Any]:
    """The durable-rules JSON pattern of a normalized condition over one working-memory fact."""
    if isinstance(node, Const):
        if not node.value:
            raise ValueError("a condition that can never hold has no durable-rules pattern")
        return dict(TRUE_PATTERN)
    if isinstance(node, All):
        return {"$and": [to_durable(i) for i in node.items]}
    if isinstance(node, AnyOf):
        return {"$or": [to_durable(i) for i in node.items]}
    if isinstance(node, Not):
        raise ValueError("normalize() the condition before compiling it")
    return _cmp_to_durable(node)


def _cmp_to_durable(node: Cmp) -> dict[str, Any]:
    key = wm_key(node.path)
    op = node.op
    if node.is_list and op in ("has", "nhas"):
        return {flag_key(node.path, node.value): op == "has"}
    if op == "eq":
        return {key: node.value}
    if op == "neq":
        return {"$and": [{"$ex": {key: 1}}, {"$neq": {key: node.value}}]}
    if op in ("gt", "lt", "ge", "le"):
        return {{"gt": "$gt", "lt": "$lt", "ge": "$gte", "le": "$lte"}[op]: {key: node.value}}
    if op == "in":
        options = [{key: v} for v in node.value]
        return options[0] if len(options) == 1 else {"$or": options}
    if op == "nin":
        return {"$and": [{"$ex": {key: 1}}] + [{"$neq": {key: v}} for v in node.value]}
    if op == "known":
        return {"$ex": {key: 1}}
    if op == "unknown":
        return {"$nex": {key: 1}}
    raise ValueError(f"unknown operator {op}")
