"""Conditions compiled into generated Python functions, one per combination node.

The explanation evaluates every rule's condition many times per assessment: to say why a rule did
not apply, which unknown facts keep an outcome open, and which presumptions mattered. As a tree of
closures that costs one Python call per comparison. Here a conjunction or disjunction becomes one
generated function whose comparisons are written out inline (one dictionary lookup and one
comparison each), and only nested combinations are called. The generated code answers exactly as
the closures of `engine.conditions` do (same order of evaluation, same three-valued results, same
sets of unknown facts); `tests/test_condition_code.py` checks that on generated conditions.

Two kinds of function are generated:
- the predicate: True, False, or None while unknown facts leave the condition open;
- the opener: that value and, when it is None, the unknown facts that keep it open.
Comparisons on their own (and constants, negations) keep their closures: there is nothing to inline.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from engine import conditions as c

Opener = Callable[[dict[str, Any]], "c.OpenResult"]


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

    def build(self, name: str, namespace: dict[str, Any]) -> Callable[..., Any]:
        text = f"def {name}(facts):\n" + "\n".join(self.lines) + "\n"
        scope = {**namespace, **self.constants}
        exec(compile(text, f"<condition {name}>", "exec"), scope)  # our own generated code, from the condition tree
        function: Callable[..., Any] = scope[name]
        function.__source__ = text  # type: ignore[attr-defined]  # for reading and debugging
        return function


def _holds(src: _Source, node: c.Cmp) -> str:
    """An expression over the known value `a` of `node.path` that is the comparison's (bool) result,
    as `engine.conditions` computes it."""
    op, expected = node.op, node.value
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
    return f"{src.constant(c._COMPARE[op])}(a, {src.constant(expected)})"


def compile_predicate(node: c.All | c.AnyOf) -> c.Predicate:
    """The predicate of a combination as one generated function."""
    src = _Source()
    decisive = isinstance(node, c.AnyOf)  # the value that settles the whole combination
    src.emit(1, f"result = {not decisive!r}")
    for item in node.items:
        if isinstance(item, c.Const):
            if item.value is decisive:
                src.emit(1, f"return {decisive!r}")
            continue
        if isinstance(item, c.Cmp):
            path = src.constant(item.path)
            if item.op in ("known", "unknown"):
                present = (item.op == "known") is decisive
                src.emit(1, f"if {path} {'in' if present else 'not in'} facts: return {decisive!r}")
                continue
            src.emit(1, f"a = facts.get({path}, _MISSING)")
            src.emit(1, "if a is _MISSING: result = None")
            test = _holds(src, item)
            src.emit(1, f"elif {test if decisive else f'not {test}'}: return {decisive!r}")
            continue
        part = src.constant(c.predicate(item))
        src.emit(1, f"v = {part}(facts)")
        src.emit(1, f"if v is {decisive!r}: return {decisive!r}")
        src.emit(1, "if v is None: result = None")
    src.emit(1, "return result")
    return src.build("disjunction" if decisive else "conjunction", _namespace())


def compile_opener(node: c.All | c.AnyOf) -> Opener:
    """The opener of a combination as one generated function: its value and, when undecided, the
    unknown facts that keep it open (`unknown` stays None while every part is decided)."""
    src = _Source()
    decisive = isinstance(node, c.AnyOf)
    settled = "_DECIDED_TRUE" if decisive else "_DECIDED_FALSE"
    otherwise = "_DECIDED_FALSE" if decisive else "_DECIDED_TRUE"
    src.emit(1, "unknown = None")
    for item in node.items:
        if isinstance(item, c.Const):
            if item.value is decisive:
                src.emit(1, f"return {settled}")
            continue
        if isinstance(item, c.Cmp):
            path = src.constant(item.path)
            if item.op in ("known", "unknown"):
                present = (item.op == "known") is decisive
                src.emit(1, f"if {path} {'in' if present else 'not in'} facts: return {settled}")
                continue
            src.emit(1, f"a = facts.get({path}, _MISSING)")
            src.emit(1, "if a is _MISSING:")
            src.emit(2, f"if unknown is None: unknown = {{{path}}}")
            src.emit(2, f"else: unknown.add({path})")
            test = _holds(src, item)
            src.emit(1, f"elif {test if decisive else f'not {test}'}: return {settled}")
            continue
        part = src.constant(c.opener(item))
        src.emit(1, f"v, u = {part}(facts)")
        src.emit(1, f"if v is {decisive!r}: return {settled}")
        src.emit(1, "if v is None:")
        src.emit(2, "if unknown is None: unknown = set(u)")
        src.emit(2, "else: unknown.update(u)")
    src.emit(1, f"return {otherwise} if unknown is None else (None, frozenset(unknown))")
    return src.build("combination", _namespace())


def _any_same(actual: Any, expected: tuple[Any, ...]) -> bool:
    return any(c._same(actual, x) for x in expected)


def _namespace() -> dict[str, Any]:
    return {
        "_MISSING": c._MISSING,
        "_DECIDED_TRUE": c._DECIDED_TRUE,
        "_DECIDED_FALSE": c._DECIDED_FALSE,
        "_any_same": _any_same,
    }
