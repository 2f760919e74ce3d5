"""Conditions compiled into generated Python functions, one per combination node.

The explanation evaluates every rule's condition many times per assessment: to say why a rule did
not apply, which unknown facts keep an outcome open, and which presumptions mattered. As a tree of
closures that costs one Python call per comparison. Here a conjunction or disjunction becomes one
generated function whose comparisons are written out inline (one dictionary lookup and one
comparison each), and only nested combinations are called. The generated code answers exactly as
the three-valued logic of `engine.conditions` says (same order of evaluation, same results, same
sets of unknown facts); `tests/test_condition_code.py` checks that on generated conditions.

Two kinds of function are generated:
- the predicate: True, False, or None while unknown facts leave the condition open;
- the opener: that value and, when it is None, the unknown facts that keep it open.

This module knows nothing of the condition tree: `engine.conditions` describes each item of a
combination with the records below and hands over what the generated code needs (`Runtime`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Constant:
    value: bool


@dataclass(frozen=True)
class Presence:
    """A test whether `path` is known (`known`) or unknown: never undecided."""

    path: str
    known: bool


@dataclass(frozen=True)
class Comparison:
    """A comparison of a fact with a value: undecided while the fact is unknown. `compare(actual,
    value)` is the comparison itself, used where the generated code does not write it out."""

    path: str
    op: str
    value: Any
    compare: Callable[[Any, Any], bool]


@dataclass(frozen=True)
class Part:
    """A nested condition, called as the function given (its own predicate or opener)."""

    function: Callable[[dict[str, Any]], Any]


Item = Constant | Presence | Comparison | Part


@dataclass(frozen=True)
class Runtime:
    """What the generated code refers to: the marker of an absent fact, the two decided open
    results, and equality without Python's True == 1."""

    missing: object
    decided_true: tuple[bool | None, frozenset[str]]
    decided_false: tuple[bool | None, frozenset[str]]
    same: Callable[[Any, Any], bool]


class _Source:
    """The lines and the constants of one generated function."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.constants: dict[str, Any] = {}

    def constant(self, value: Any) -> str:
        name = f"_k{len(self.constants)}"
        self.constants[name] = value
        return name

    def emit(self, indent: int, line: str) -> None:
        self.lines.append("    " * indent + line)

    def build(self, name: str, runtime: Runtime) -> Callable[..., Any]:
        text = f"def {name}(facts):\n" + "\n".join(self.lines) + "\n"
        same = runtime.same
        scope = {
            "_MISSING": runtime.missing,
            "_DECIDED_TRUE": runtime.decided_true,
            "_DECIDED_FALSE": runtime.decided_false,
            "_any_same": lambda actual, expected: any(same(actual, x) for x in expected),
            **self.constants,
        }
        exec(compile(text, f"<condition {name}>", "exec"), scope)  # our own generated code, from the condition tree
        function: Callable[..., Any] = scope[name]
        function.__source__ = text  # type: ignore[attr-defined]  # for reading and debugging
        return function


def _holds(src: _Source, item: Comparison) -> str:
    """An expression over the known value `a` of the fact that is the comparison's (bool) result."""
    op, expected = item.op, item.value
    if op in ("eq", "neq"):
        if isinstance(expected, bool):  # a yes/no value equals only the same yes/no value
            return f"(a is {expected!r})" if op == "eq" else f"(a is not {expected!r})"
        equal = f"(a.__class__ is not bool and a == {src.constant(expected)})"
        return equal if op == "eq" else f"(not {equal})"
    if op in ("gt", "lt", "ge", "le"):
        symbol = {"gt": ">", "lt": "<", "ge": ">=", "le": "<="}[op]
        return f"(a {symbol} {src.constant(expected)})"
    if op in ("has", "nhas"):
        return f"({src.constant(expected)} {'in' if op == 'has' else 'not in'} a)"
    if op in ("in", "nin") and all(isinstance(x, str) for x in expected):
        members, listed = src.constant(frozenset(expected)), src.constant(expected)
        among = f"((a in {members}) if a.__class__ is str else _any_same(a, {listed}))"
        return among if op == "in" else f"(not {among})"
    return f"{src.constant(item.compare)}(a, {src.constant(expected)})"


def compile_predicate(
    decisive: bool, items: Sequence[Item], runtime: Runtime
) -> Callable[[dict[str, Any]], bool | None]:
    """A conjunction (`decisive` False: one false item settles it) or disjunction (True) as one
    generated function returning True, False or None."""
    return _combination(decisive, items, runtime, with_unknown=False)


def compile_opener(
    decisive: bool, items: Sequence[Item], runtime: Runtime
) -> Callable[[dict[str, Any]], tuple[bool | None, frozenset[str]]]:
    """The same combination as one generated function returning its value and, when undecided,
    the unknown facts that keep it open."""
    return _combination(decisive, items, runtime, with_unknown=True)


def compile_first_false(items: Sequence[Item], runtime: Runtime) -> Callable[[dict[str, Any]], int]:
    """For a conjunction: the position of its first false item (-1: none is false), the item that
    explains why the conjunction is false."""
    return _combination(False, items, runtime, with_unknown=False, first=True)


def _combination(
    decisive: bool, items: Sequence[Item], runtime: Runtime, with_unknown: bool, first: bool = False
) -> Callable[..., Any]:
    """The generated function of a combination. Without the unknown facts it tracks `result`
    (None once an item is undecided); with them it collects the unknown facts in `unknown`, which
    stays None while every item is decided; `first` returns the position of the first item with
    the decisive value instead (-1 when there is none)."""
    src = _Source()
    if first:
        settle = ""  # set per item: its position
    elif with_unknown:
        settle = f"return {'_DECIDED_TRUE' if decisive else '_DECIDED_FALSE'}"
        src.emit(1, "unknown = None")
    else:
        settle = f"return {decisive!r}"
        src.emit(1, f"result = {not decisive!r}")
    for position, item in enumerate(items):
        if first:
            settle = f"return {position}"
        if isinstance(item, Constant):
            if item.value is decisive:
                src.emit(1, settle)
        elif isinstance(item, Presence):
            present = item.known is decisive
            src.emit(1, f"if {src.constant(item.path)} {'in' if present else 'not in'} facts: {settle}")
        elif isinstance(item, Comparison):
            test = _holds(src, item)
            path = src.constant(item.path)
            src.emit(1, f"a = facts.get({path}, _MISSING)")
            if first:
                src.emit(1, "if a is _MISSING: pass")
            elif with_unknown:
                src.emit(1, "if a is _MISSING:")
                src.emit(2, f"if unknown is None: unknown = {{{path}}}")
                src.emit(2, f"else: unknown.add({path})")
            else:
                src.emit(1, "if a is _MISSING: result = None")
            src.emit(1, f"elif {test if decisive else f'not {test}'}: {settle}")
        else:
            function = src.constant(item.function)
            src.emit(1, f"v, u = {function}(facts)" if with_unknown else f"v = {function}(facts)")
            src.emit(1, f"if v is {decisive!r}: {settle}")
            if with_unknown:
                src.emit(1, "if v is None:")
                src.emit(2, "if unknown is None: unknown = set(u)")
                src.emit(2, "else: unknown.update(u)")
            elif not first:
                src.emit(1, "if v is None: result = None")
    if first:
        src.emit(1, "return -1")
        return src.build("first_false", runtime)
    if with_unknown:
        otherwise = "_DECIDED_FALSE" if decisive else "_DECIDED_TRUE"
        src.emit(1, f"return {otherwise} if unknown is None else (None, frozenset(unknown))")
        return src.build("combination", runtime)
    src.emit(1, "return result")
    return src.build("disjunction" if decisive else "conjunction", runtime)
