"""Conditions as a small logic: three-valued evaluation, negation, explanation.

A case fact may be unknown, and unknown is not false. A condition is therefore true, false or
unknown (None). durable-rules only knows "matches", so conditions are brought into negation
normal form where every comparison also requires its fact to be known; then "matches" means
exactly "true" and forward chaining stays sound: facts only ever go from unknown to known, so a
rule that fired never becomes wrong. (The translation into durable-rules patterns lives with the
adapter, in `engine/durable/patterns.py`.) The same tree is evaluated here in Python to explain
why a rule did not apply and which missing facts keep an outcome open.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from engine import condition_code, labels

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
    as_written: bool = False  # `zonder_vermoeden`: no presumption extends this comparison


@dataclass(frozen=True)
class All:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    item: Node


@dataclass(frozen=True)
class Const:
    value: bool


Node = Cmp | All | AnyOf | Not | Const


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
        return Cmp(node.path, _NEGATED_OP[node.op], node.value, node.is_list, node.as_written)
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


# --- presumptions -------------------------------------------------------------------------

_INF = float("inf")


def _interval(op: str, bound: Any) -> tuple[float, bool, float, bool]:
    """(low, low included, high, high included) of the numbers satisfying `op bound`."""
    return {
        "le": (-_INF, False, bound, True),
        "lt": (-_INF, False, bound, False),
        "ge": (bound, True, _INF, False),
        "gt": (bound, False, _INF, False),
        "eq": (bound, True, bound, True),
    }[op]


def _inside(x: float, iv: tuple[float, bool, float, bool]) -> bool:
    low, low_in, high, high_in = iv
    return (low < x or (low_in and x == low)) and (x < high or (high_in and x == high))


def _subset(a: tuple[float, bool, float, bool], b: tuple[float, bool, float, bool]) -> bool:
    low_ok = a[0] > b[0] or (a[0] == b[0] and (b[1] or not a[1]))
    high_ok = a[2] < b[2] or (a[2] == b[2] and (b[3] or not a[3]))
    return low_ok and high_ok


def _disjoint(a: tuple[float, bool, float, bool], b: tuple[float, bool, float, bool]) -> bool:
    def before(x: tuple[float, bool, float, bool], y: tuple[float, bool, float, bool]) -> bool:
        return x[2] < y[0] or (x[2] == y[0] and not (x[3] and y[1]))

    return before(a, b) or before(b, a)


def implied(presumption: Cmp, cmp: Cmp) -> bool | None:
    """What a comparison on a presumed fact is while the fact is unknown: true or false when the
    presumption settles it, None when it does not (a bound that leaves the comparison open)."""
    if presumption.op == "eq":
        return evaluate(cmp, {cmp.path: presumption.value})
    if presumption.op == "nin":  # none of these values: settles only comparisons within them
        excluded = set(presumption.value)
        values = set(cmp.value) if cmp.op in ("in", "nin") else {cmp.value}
        if cmp.op in ("eq", "in") and values <= excluded:
            return False
        if cmp.op in ("neq", "nin") and values <= excluded:
            return True
        return None
    region = _interval(presumption.op, presumption.value)
    if cmp.op in ("le", "lt", "ge", "gt"):
        wanted = _interval(cmp.op, cmp.value)
        if _subset(region, wanted):
            return True
        return False if _disjoint(region, wanted) else None
    if cmp.op in ("eq", "neq", "in", "nin"):
        compared = cmp.value if cmp.op in ("in", "nin") else (cmp.value,)
        numbers = [v for v in compared if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if any(_inside(v, region) for v in numbers):
            return None
        return cmp.op in ("neq", "nin")
    return None


def presume(node: Node, presumptions: dict[str, Cmp]) -> Node:
    """`node` with every comparison on a presumed fact extended to the time it is unknown.

    A comparison the presumption makes true becomes "holds, or the fact is unknown"; one it makes
    false becomes "the fact is known and it holds"; one it leaves open stays as it is (unknown
    while the fact is). Known facts are compared as before, so a value in the case always wins.
    """
    if isinstance(node, Cmp):
        presumption = presumptions.get(node.path)
        if presumption is None or node.op in ("known", "unknown") or node.as_written:
            return node
        value = implied(presumption, node)
        if value is True:
            return any_of([node, Cmp(node.path, "unknown", None, node.is_list)])
        if value is False:
            return all_of([Cmp(node.path, "known", None, node.is_list), node])
        return node
    if isinstance(node, All):
        return all_of(presume(i, presumptions) for i in node.items)
    if isinstance(node, AnyOf):
        return any_of(presume(i, presumptions) for i in node.items)
    if isinstance(node, Not):
        return Not(presume(node.item, presumptions))
    return node


# --- three-valued evaluation -------------------------------------------------------------


def _same(actual: Any, expected: Any) -> bool:
    """Equality without Python's True == 1 (a ja/nee fact never equals a number)."""
    if isinstance(actual, bool) or isinstance(expected, bool):
        return actual is expected
    return actual == expected


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "eq": _same,
    "neq": lambda a, e: not _same(a, e),
    "gt": lambda a, e: a > e,
    "lt": lambda a, e: a < e,
    "ge": lambda a, e: a >= e,
    "le": lambda a, e: a <= e,
    "in": lambda a, e: any(_same(a, x) for x in e),
    "nin": lambda a, e: not any(_same(a, x) for x in e),
    "has": lambda a, e: e in a,
    "nhas": lambda a, e: e not in a,
}

Predicate = Callable[[dict[str, Any]], bool | None]
_T = TypeVar("_T")


def _kept(node: Node, name: str, build: Callable[[Node], _T]) -> _T:
    """What `build(node)` returns, built on first use and kept on the (immutable) node."""
    found = node.__dict__.get(name)
    if found is None:
        found = build(node)
        object.__setattr__(node, name, found)
    return found


_MISSING = object()


def _build(node: Node) -> Predicate:
    if isinstance(node, Cmp):
        path, op, expected = node.path, node.op, node.value
        if op == "known":
            return lambda facts: path in facts
        if op == "unknown":
            return lambda facts: path not in facts
        special = _specialised(path, op, expected)
        if special is not None:
            return special
        compare = _COMPARE[op]

        def comparison(facts: dict[str, Any]) -> bool | None:
            actual = facts.get(path, _MISSING)
            return None if actual is _MISSING else compare(actual, expected)

        return comparison
    if isinstance(node, Const):
        constant = node.value
        return lambda facts: constant
    if isinstance(node, Not):
        inner = predicate(node.item)

        def negation(facts: dict[str, Any]) -> bool | None:
            value = inner(facts)
            return None if value is None else not value

        return negation
    # a conjunction or disjunction: one generated function with its comparisons inline
    return condition_code.compile_predicate(
        isinstance(node, AnyOf), [_code_item(i, predicate) for i in node.items], _RUNTIME
    )


def _code_item(node: Node, part: Callable[[Node], Callable[[dict[str, Any]], Any]]) -> condition_code.Item:
    """An item of a combination as `engine.condition_code` writes it out; `part` gives the function
    of a nested combination or negation."""
    if isinstance(node, Const):
        return condition_code.Constant(node.value)
    if isinstance(node, Cmp):
        if node.op in ("known", "unknown"):
            return condition_code.Presence(node.path, node.op == "known")
        return condition_code.Comparison(node.path, node.op, node.value, _COMPARE[node.op])
    return condition_code.Part(part(node))


def _specialised(path: str, op: str, expected: Any) -> Predicate | None:
    """The commonest comparisons as one closure each, with `_same`'s rule (a yes/no value equals
    only the same yes/no value) worked out once for the expected value; None for the rest.
    They answer exactly as `_COMPARE[op]` does, only with fewer calls."""
    get = dict.get
    if op in ("eq", "neq") and isinstance(expected, bool):
        want = op == "eq"

        def is_bool(facts: dict[str, Any]) -> bool | None:
            actual = get(facts, path, _MISSING)
            return None if actual is _MISSING else (actual is expected) is want

        return is_bool
    if op in ("eq", "neq") and isinstance(expected, str):
        want = op == "eq"

        def is_text(facts: dict[str, Any]) -> bool | None:
            actual = get(facts, path, _MISSING)
            return None if actual is _MISSING else (actual.__class__ is not bool and actual == expected) is want

        return is_text
    if op in ("in", "nin") and all(isinstance(x, str) for x in expected):
        members = frozenset(expected)
        want = op == "in"

        def among(facts: dict[str, Any]) -> bool | None:
            actual = get(facts, path, _MISSING)
            if actual is _MISSING:
                return None
            if actual.__class__ is str:
                return (actual in members) is want
            return any(_same(actual, x) for x in expected) is want

        return among
    return None


def predicate(node: Node) -> Predicate:
    """The condition as a Python function, built once per node and kept on it."""
    return _kept(node, "_predicate", _build)


def evaluate(node: Node, facts: dict[str, Any]) -> bool | None:
    """True, False, or None when unknown facts leave it open."""
    try:  # the function kept on the node: one attribute lookup on the hot path
        return node._predicate(facts)  # type: ignore[union-attr]
    except AttributeError:
        return predicate(node)(facts)


def unknown_facts(node: Node, facts: dict[str, Any]) -> set[str]:
    """The unknown facts that keep `node` from being decided (empty when it is decided)."""
    return set(evaluate_open(node, facts)[1])


OpenResult = tuple[bool | None, frozenset[str]]
_DECIDED_TRUE: OpenResult = (True, frozenset())
_DECIDED_FALSE: OpenResult = (False, frozenset())
#: What the generated functions of `engine.condition_code` refer to.
_RUNTIME = condition_code.Runtime(_MISSING, _DECIDED_TRUE, _DECIDED_FALSE, _same)


def _build_open(node: Node) -> Callable[[dict[str, Any]], OpenResult]:
    if isinstance(node, (Cmp, Const)):
        test = predicate(node)
        unknown_self = frozenset({node.path}) if isinstance(node, Cmp) else frozenset()

        def leaf(facts: dict[str, Any]) -> OpenResult:
            value = test(facts)
            if value is None:
                return None, unknown_self
            return _DECIDED_TRUE if value else _DECIDED_FALSE

        return leaf
    if isinstance(node, Not):
        inner = opener(node.item)

        def negation(facts: dict[str, Any]) -> OpenResult:
            value, unknown = inner(facts)
            if value is None:
                return None, unknown
            return _DECIDED_FALSE if value else _DECIDED_TRUE

        return negation
    return condition_code.compile_opener(isinstance(node, AnyOf), [_code_item(i, opener) for i in node.items], _RUNTIME)


def opener(node: Node) -> Callable[[dict[str, Any]], OpenResult]:
    """`evaluate_open` for this node as a function, built once and kept on the node."""
    return _kept(node, "_opener", _build_open)


def evaluate_open(node: Node, facts: dict[str, Any]) -> OpenResult:
    """Value and, when undecided, the unknown facts that keep it open, in one pass."""
    try:  # the function kept on the node: one attribute lookup on the hot path
        return node._opener(facts)  # type: ignore[union-attr]
    except AttributeError:
        return opener(node)(facts)


def describe(node: Node) -> str:
    """Dutch reading of a condition, for explanations (built once per node and kept on it)."""
    return _kept(node, "_description", _describe)


def _describe(node: Node) -> str:
    if isinstance(node, Cmp):
        # Fields and values in the words of `engine.labels`, as the pages and the terminal show them.
        name = labels.veld(node.path)
        if node.op in ("known", "unknown"):
            return f"{name} {_DUTCH_OP[node.op]}"
        value = node.value
        if isinstance(value, (list, tuple)):
            shown = ", ".join(_show_label(node.path, v) for v in value)
        else:
            shown = _show_label(node.path, value)
        return f"{name} {_DUTCH_OP[node.op]} {shown}"
    if isinstance(node, Const):
        return "altijd" if node.value else "nooit"
    if isinstance(node, Not):
        return f"niet ({describe(node.item)})"
    joiner = " en " if isinstance(node, All) else " of "
    return "(" + joiner.join(describe(i) for i in node.items) + ")"


def _show_label(path: str, value: Any) -> str:
    """A value of fact `path` by its label (an enum value's words), else as `show_value` shows it."""
    return labels.waarde(path, value) if isinstance(value, str) else show_value(value)


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
    return why_known_false(node, facts)


def why_known_false(node: Node, facts: dict[str, Any]) -> list[str]:
    """`why_false` for a node the caller has just found false (not evaluated again)."""
    try:  # the function kept on the node: one attribute lookup on the hot path
        return node._explainer(facts)  # type: ignore[union-attr]
    except AttributeError:
        return _explainer(node)(facts)


Explainer = Callable[[dict[str, Any]], list[str]]


def _explainer(node: Node) -> Explainer:
    """`why_false` for a node known to be false, built once per node and kept on it.

    Only the first false item of a conjunction is explained (one failed comparison is reason
    enough); a false disjunction is explained by all of its items, which are then all false.
    """
    return _kept(node, "_explainer", _build_explainer)


def explain_if_false(node: Node, facts: dict[str, Any]) -> list[str] | None:
    """`why_known_false` when `node` is false on `facts`, else None. For a conjunction the first
    false item both decides and explains it, so one pass does what `evaluate` and then
    `why_known_false` do in two (built once per node and kept on it)."""
    try:  # the function kept on the node: one attribute lookup on the hot path
        return node._false_explainer(facts)  # type: ignore[union-attr]
    except AttributeError:
        return _kept(node, "_false_explainer", _build_false_explainer)(facts)


def _build_false_explainer(node: Node) -> Callable[[dict[str, Any]], list[str] | None]:
    if isinstance(node, All):
        first_false = _first_false(node)
        explainers = [_explainer(i) for i in node.items]

        def conjunction(facts: dict[str, Any]) -> list[str] | None:
            position = first_false(facts)
            return explainers[position](facts) if position >= 0 else None

        return conjunction
    test, explain = predicate(node), _explainer(node)
    return lambda facts: explain(facts) if test(facts) is False else None


def _first_false(node: All) -> Callable[[dict[str, Any]], int]:
    """The position of the conjunction's first false item (-1: none), generated once and kept."""
    return _kept(node, "_first_false", _build_first_false)


def _build_first_false(node: Node) -> Callable[[dict[str, Any]], int]:
    assert isinstance(node, All)
    return condition_code.compile_first_false([_code_item(i, predicate) for i in node.items], _RUNTIME)


_SENTENCES_PER_COMPARISON = 64
_SCALARS = frozenset({str, int, float, bool})


def _build_explainer(node: Node) -> Explainer:
    text = describe(node)
    if isinstance(node, Cmp):
        path = node.path
        # The same few values recur case after case: their sentence is kept (by value and type, so
        # that ja never reads as 1), at most `_SENTENCES_PER_COMPARISON` of them.
        sentences: dict[tuple[type, Any], str] = {}

        def comparison(facts: dict[str, Any]) -> list[str]:
            if path not in facts:
                return [text]
            value = facts[path]
            if value.__class__ not in _SCALARS:  # a list: not kept
                return [f"{text} (in deze casus: {_show_fact(path, value)})"]
            key = (value.__class__, value)
            sentence = sentences.get(key)
            if sentence is None:
                sentence = f"{text} (in deze casus: {_show_fact(path, value)})"
                if len(sentences) < _SENTENCES_PER_COMPARISON:
                    sentences[key] = sentence
            return [sentence]

        return comparison
    if isinstance(node, (Const, Not)):
        fixed = [text]
        return lambda facts: list(fixed)
    if isinstance(node, All):
        first_false = _first_false(node)
        explainers = [_explainer(i) for i in node.items]

        def conjunction(facts: dict[str, Any]) -> list[str]:
            position = first_false(facts)
            return explainers[position](facts) if position >= 0 else []

        return conjunction
    explainers = [_explainer(i) for i in node.items]

    def disjunction(facts: dict[str, Any]) -> list[str]:
        reasons: list[str] = []
        for explain in explainers:
            reasons.extend(explain(facts))
        return reasons

    return disjunction


def _show_fact(path: str, value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_show_label(path, v) for v in value) or "leeg"
    return _show_label(path, value)


def known_tests(node: Node) -> set[str]:
    """The facts a normalized condition insists on knowing: `bekend` or `zonder_vermoeden`."""
    if isinstance(node, Cmp):
        return {node.path} if node.op == "known" or node.as_written else set()
    if isinstance(node, (All, AnyOf)):
        found: set[str] = set()
        for item in node.items:
            found |= known_tests(item)
        return found
    if isinstance(node, Not):
        return known_tests(node.item)
    return set()


def presence_tests(node: Node) -> set[str]:
    """The facts a condition tells apart by being known or not: `bekend`, `onbekend` or
    `zonder_vermoeden` (for such a fact, confirming a presumed value can change the outcome)."""
    if isinstance(node, Cmp):
        return {node.path} if node.op in ("known", "unknown") or node.as_written else set()
    if isinstance(node, (All, AnyOf)):
        return set().union(*(presence_tests(item) for item in node.items))
    if isinstance(node, Not):
        return presence_tests(node.item)
    return set()


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
