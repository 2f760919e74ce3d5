"""Conditions as durable-rules patterns: translation, and splitting what is too large for it.

A normalized condition (`engine/conditions.py`: negation pushed down, every comparison requiring
its fact to be known) becomes a JSON pattern over the one working-memory fact, whose keys come
from `engine/durable/memory.py`. durable-rules refuses a pattern with too many `$and`/`$or`
nodes, so a large condition is split: sub-conditions move out into helper rules that set a flag
(`_hulp.<n>`), and the condition tests the flag instead. Sound because conditions are monotone:
facts only go from unknown to known, so a helper flag, once set, stays true.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from engine.conditions import All, AnyOf, Cmp, Const, Node, Not
from engine.durable.adapter import TRUE_PATTERN
from engine.durable.memory import flag_key, wm_key

#: durable-rules refuses a rule whose pattern has more than 15 `$and`/`$or` nodes (its
#: expression sequence holds 32 entries, two per node); the adapter wraps every pattern in one.
MAX_COMBINATORS = 14

#: Namespace of the flags of conditions split off to fit durable-rules (never in an assessment).
HELPER = "_hulp"


def combinators(node: Node) -> int:
    """How many `$and`/`$or` nodes `to_durable(node)` produces."""
    if isinstance(node, Cmp):
        return 1 if node.op in ("neq", "nin") or (node.op == "in" and len(node.value) > 1) else 0
    if isinstance(node, (All, AnyOf)):
        return 1 + sum(combinators(i) for i in node.items)
    return 0


def split_for_durable(node: Node, helper: Callable[[Node], Node], budget: int = MAX_COMBINATORS) -> Node:
    """`node` with sub-conditions moved out until it fits durable-rules' limit.

    `helper(sub)` registers `sub` as a helper rule and returns the comparison that tests the
    helper's flag. Sound because conditions are monotone: facts only go from unknown to known,
    so a helper flag, once set, stays true.
    """
    if combinators(node) <= budget or not isinstance(node, (All, AnyOf)):
        return node
    items = [split_for_durable(i, helper, budget) for i in node.items]
    while 1 + sum(combinators(i) for i in items) > budget:
        heaviest = max(range(len(items)), key=lambda k: combinators(items[k]))
        items[heaviest] = helper(items[heaviest])
    return type(node)(tuple(items))


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


@dataclass
class PatternSet:
    """The patterns of a ruleset: one per condition, in the order added, then the split-off helpers.

    `add(condition)` returns the condition's durable index (its position among the patterns);
    `close()` appends the helper conditions' patterns and returns each helper's index and flag.
    """

    patterns: list[dict[str, Any]] = field(default_factory=list)
    helpers: list[tuple[str, Node]] = field(default_factory=list)  # (flag path, the moved-out condition)

    def _helper(self, sub: Node) -> Node:
        path = f"{HELPER}.{len(self.helpers)}"
        self.helpers.append((path, sub))
        return Cmp(path, "eq", True)

    def add(self, condition: Node) -> int:
        index = len(self.patterns)
        self.patterns.append(to_durable(split_for_durable(condition, self._helper)))
        return index

    def close(self) -> dict[int, str]:
        """Append the helpers' patterns (each split to fit before it was moved out): durable index -> flag."""
        flags: dict[int, str] = {}
        for path, sub in self.helpers:
            flags[len(self.patterns)] = path
            self.patterns.append(to_durable(sub))
        return flags

    @property
    def helper_conditions(self) -> Sequence[Node]:
        return [sub for _, sub in self.helpers]
