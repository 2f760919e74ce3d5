"""What the presumption checks (`engine.partial`) look up, worked out once per compiled ruleset.

Which rules test a presumed fact and conclude something; each such rule's condition for each
other value of the fact, folded (`Look`: a value that decides the condition needs no evaluation
per case, else only what is left is evaluated); which other values are worth trying; how a
concluded fact's value follows from the rules that fired; and what a rule's condition can still
become when a group of presumed facts varies (`Reach`). None of it depends on the case, so a case
only evaluates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from engine import conditions as c
from engine.compiler import CompiledRule, CompiledRuleSet
from engine.facts import OUTCOME, OUTCOME_FACTS

_OUTCOME_PREFIX = OUTCOME + "."
#: What `value_of` answers when no fired rule concludes the fact, and when they disagree.
MISSING = object()
DISPUTED = object()


@dataclass(frozen=True)
class Plan:
    """What the presumption checks look up, worked out once per compiled ruleset (`plan_of`)."""

    #: fact -> the rules that test it and conclude something, in `dependents` order
    concluding: dict[str, tuple[CompiledRule, ...]]
    #: rule id -> the facts it concludes (derived facts and outcome fields)
    conclusions: dict[str, tuple[str, ...]]
    #: concluded scalar fact -> (rule id, value) of every rule that concludes it
    scalars: dict[str, tuple[tuple[str, Any], ...]]
    #: list outcome -> its values in their order, and (rule id, members it adds) of every rule concluding it
    lists: dict[str, tuple[tuple[Any, ...], tuple[tuple[str, tuple[str, ...]], ...]]]
    #: rules that conclude something and test two or more presumed facts: the rule, those facts
    #: (sorted), and its condition without presumptions as a function (`engine.partial._joint_changes`)
    joint: tuple[tuple[CompiledRule, tuple[str, ...], c.Predicate], ...]
    #: presumed fact -> `MISSING` (kept at its presumption) and its other values
    options: dict[str, tuple[Any, ...]]
    #: presumed fact -> for each of its other values (without those that every comparison on it
    #: in force answers as an earlier one does: they would find the same, `_distinct`), the change
    #: to try and the rules of `concluding` with their condition for that value (`Look`)
    singles: dict[str, tuple[tuple[dict[str, Any], tuple[Look, ...]], ...]]
    #: presumed fact -> its bit in a set of presumed facts as one number (`joint_masks`)
    bits: dict[str, int] = field(default_factory=dict)
    #: rules whose every conclusion is a derived fact that only inert rules test (`_inert`):
    #: switching one changes no outcome field, nor anything a rule that is not inert reads
    inert: frozenset[str] = frozenset()
    #: fact -> the rules of `concluding` that are not inert: those a trial follows when it changes
    followers: dict[str, tuple[CompiledRule, ...]] = field(default_factory=dict)
    #: for each of `joint`, the presumed facts it tests as one number (`bits`)
    joint_masks: tuple[int, ...] = ()
    #: (rule id, group of presumed facts as one number) -> what the rule's condition can become
    #: when the group's facts vary (`_reach`), built when a case first asks
    reaches: dict[tuple[str, int], Reach] = field(default_factory=dict)
    #: a set of presumed facts as one number -> those facts, sorted (`group`), built when first asked
    groups: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def mask(self, paths: Iterable[str]) -> int:
        """Presumed facts as one number: a bit each (`bits`)."""
        found = 0
        bits = self.bits
        for path in paths:
            found |= bits[path]
        return found

    def group(self, mask: int) -> tuple[str, ...]:
        """The presumed facts of `mask`, sorted (built once; two threads may both build it)."""
        found = self.groups.get(mask)
        if found is None:
            found = self.groups[mask] = tuple(path for path, bit in self.bits.items() if bit & mask)
        return found

    def reach(self, rule: CompiledRule, mask: int) -> Reach:
        """`_reach` of the rule's condition for the presumed facts of `mask` (`group`), built once
        (two threads may both build it)."""
        found = self.reaches.get((rule.id, mask))
        if found is None:
            found = self.reaches[rule.id, mask] = _reach(rule.effective, frozenset(self.group(mask)))
        return found


#: A rule with its condition for one value of a fact: (rule, its answer, None) when that value
#: decides the condition, else (rule, None, what is left of the condition as a function).
Look = tuple[CompiledRule, bool | None, c.Predicate | None]


def plan_of(ruleset: CompiledRuleSet) -> Plan:
    """The ruleset's `Plan`, built on first use and kept on it (two threads may both build it:
    the same plan, so either may stay)."""
    plan = ruleset.presumption_plan
    if plan is None:
        plan = ruleset.presumption_plan = _build_plan(ruleset)
    return plan


def _build_plan(ruleset: CompiledRuleSet) -> Plan:
    concluding = {
        path: tuple(rule for rule in rules if rule.derives or rule.adds) for path, rules in ruleset.dependents.items()
    }
    scalars: dict[str, tuple[tuple[str, Any], ...]] = {}
    lists: dict[str, tuple[tuple[Any, ...], tuple[tuple[str, tuple[str, ...]], ...]]] = {}
    for path, rules in ruleset.concluders.items():
        name = path.split(".", 1)[1]
        if path.startswith(_OUTCOME_PREFIX) and OUTCOME_FACTS[name].kind == "list":
            lists[path] = (tuple(OUTCOME_FACTS[name].values), tuple((r.id, r.adds.get(path, ())) for r in rules))
        else:
            scalars[path] = tuple((r.id, r.derives[path]) for r in rules if path in r.derives)
    presumed = ruleset.presumptions.keys()
    joint = []
    for rule in ruleset.rules:
        tested = tuple(sorted(rule.effective_paths & presumed))
        if (rule.derives or rule.adds) and len(tested) >= 2:
            joint.append((rule, tested, c.predicate(rule.unpresumed)))
    options = {path: (MISSING, *p.alternatives) for path, p in ruleset.presumptions.items()}
    distinct = {
        path: _distinct(path, p.alternatives, ruleset.dependents.get(path, ()))
        for path, p in ruleset.presumptions.items()
    }
    conclusions = {rule.id: (*rule.derives, *rule.adds) for rule in ruleset.rules}
    singles = {
        path: tuple(
            ({path: value}, tuple(_look(rule, path, value) for rule in concluding.get(path, ()))) for value in values
        )
        for path, values in distinct.items()
    }
    bits = {path: 1 << position for position, path in enumerate(sorted(presumed))}
    masks = tuple(sum(bits[path] for path in tested) for _, tested, _ in joint)
    inert = _inert(ruleset, concluding, conclusions)
    followers = {path: tuple(r for r in rules if r.id not in inert) for path, rules in concluding.items()}
    return Plan(
        concluding,
        conclusions,
        scalars,
        lists,
        tuple(joint),
        options,
        singles,
        bits=bits,
        inert=inert,
        followers={path: rules for path, rules in followers.items() if rules},
        joint_masks=masks,
    )


def _inert(
    ruleset: CompiledRuleSet, concluding: dict[str, tuple[CompiledRule, ...]], conclusions: dict[str, tuple[str, ...]]
) -> frozenset[str]:
    """The rules whose every conclusion is a derived fact that only inert rules test (or none):
    what follows from switching one changes no outcome field, so a trial need not follow it.
    Found from the rules that conclude only facts no concluding rule tests, growing until no
    rule is added (derived facts depend on each other without a cycle: `engine.compiler`)."""
    inert: set[str] = set()
    grew = True
    while grew:
        grew = False
        for rule in ruleset.rules:
            if rule.id not in inert and all(
                not path.startswith(_OUTCOME_PREFIX) and all(r.id in inert for r in concluding.get(path, ()))
                for path in conclusions[rule.id]
            ):
                inert.add(rule.id)
                grew = True
    return frozenset(inert)


def _look(rule: CompiledRule, path: str, value: Any) -> Look:
    """`rule` with its condition for `path` at `value` (a known value answers each comparison on
    it), so that a trial of that value evaluates only what is left."""
    try:
        left = _with_value(rule.effective, path, value)
    except TypeError:  # a comparison this value cannot answer: the trial evaluates it as it is
        return rule, None, rule.test
    if isinstance(left, c.Const):
        return rule, left.value, None
    return rule, None, c.predicate(left)


def _with_value(node: c.Node, path: str, value: Any) -> c.Node:
    """`node` with each comparison on `path` replaced by its answer for `value`, simplified: the
    same three-valued answer on any facts in which `path` has that value."""
    if isinstance(node, c.Cmp):
        return c.Const(c.evaluate(node, {path: value}) is True) if node.path == path else node
    if isinstance(node, c.All):
        return c.all_of(_with_value(item, path, value) for item in node.items)
    if isinstance(node, c.AnyOf):
        return c.any_of(_with_value(item, path, value) for item in node.items)
    if isinstance(node, c.Not):
        inner = _with_value(node.item, path, value)
        return c.Const(not inner.value) if isinstance(inner, c.Const) else c.Not(inner)
    return node


def _distinct(path: str, values: tuple[Any, ...], rules: tuple[CompiledRule, ...]) -> tuple[Any, ...]:
    """`values` of fact `path` without those that every comparison on it in `rules` (the rules
    that test it) answers as an earlier value does: a rule's condition depends on the fact only
    through those answers, so such a value switches and opens exactly the same rules."""
    comparisons = [cmp for rule in rules for cmp in _comparisons(rule.effective) if cmp.path == path]
    kept: dict[tuple[bool | None, ...], Any] = {}
    for value in values:
        kept.setdefault(tuple(c.evaluate(cmp, {path: value}) for cmp in comparisons), value)
    return tuple(kept.values())


def _comparisons(node: c.Node) -> Iterator[c.Cmp]:
    """The comparisons in a condition."""
    if isinstance(node, c.Cmp):
        yield node
    elif isinstance(node, c.Not):
        yield from _comparisons(node.item)
    elif isinstance(node, (c.All, c.AnyOf)):
        for item in node.items:
            yield from _comparisons(item)


#: The values a condition can take, as bits (`_reach`).
TRUE, FALSE, OPEN = 1, 2, 4
_BITS = {True: TRUE, False: FALSE, None: OPEN}
#: What a condition can become when the facts of a group may take any value (or stay unknown).
Reach = Callable[[dict[str, Any]], int]


def _reach(node: c.Node, free: frozenset[str]) -> Reach:
    """`node` as a function of the facts: the values (bits `TRUE`, `FALSE`, `OPEN`) it can take
    when each fact in `free` may take any value or stay unknown, the others as they are. It may
    answer a value that no combination gives (each comparison on a free fact is taken to vary on
    its own), never miss one: a rule whose answer holds only its present value switches for no
    combination of values of the free facts."""
    found = _reach_part(node, free)
    if isinstance(found, int):
        return lambda facts: found
    return found


def _negation_bits(bits: int) -> int:
    return (bits & OPEN) | (FALSE if bits & TRUE else 0) | (TRUE if bits & FALSE else 0)


def _reach_part(node: c.Node, free: frozenset[str]) -> Reach | int:
    """`_reach` of a part, or its bits when they do not depend on the facts (a comparison on a
    free fact takes every value, and so can a combination of such parts): those are worked out
    here once, so that a case evaluates only the parts that depend on it."""
    if free.isdisjoint(c.paths(node)):
        test = c.predicate(node)
        return lambda facts: _BITS[test(facts)]
    if isinstance(node, c.Cmp):
        return TRUE | FALSE | OPEN
    if isinstance(node, c.Not):
        inner = _reach_part(node.item, free)
        if isinstance(inner, int):
            return _negation_bits(inner)
        return lambda facts: _negation_bits(inner(facts))
    assert isinstance(node, (c.All, c.AnyOf))
    # the parts without a free fact as one part: the same answer, in one evaluation
    fixed = [item for item in node.items if free.isdisjoint(c.paths(item))]
    varying = [item for item in node.items if not free.isdisjoint(c.paths(item))]
    parts: list[Reach | int] = [_fixed(fixed, isinstance(node, c.AnyOf))] if fixed else []
    parts += [_reach_part(item, free) for item in varying]
    # a conjunction is true when every part is, false when one is; a disjunction the other way round
    decisive, other = (TRUE, FALSE) if isinstance(node, c.AnyOf) else (FALSE, TRUE)
    # what the parts with fixed bits say, worked out once: the flags below start from there (the
    # answer does not depend on the order in which the parts are taken)
    known = [bits for bits in parts if isinstance(bits, int)]
    start = (
        all(bits & other for bits in known),  # every part can take the value that does not decide
        any(bits & decisive for bits in known),
        all(bits & (other | OPEN) for bits in known),  # every part can be other than decisive
        any(bits & OPEN for bits in known),
    )
    functions: list[Reach] = [part for part in parts if not isinstance(part, int)]
    if decisive in known:  # a part that can only decide it: so does the combination
        return decisive

    def combination(facts: dict[str, Any]) -> int:
        every_other, some_decisive, every_undecisive, some_open = start
        for part in functions:
            bits = part(facts)
            if bits == decisive:  # this part can only decide it: the others change nothing
                return decisive
            every_other = every_other and bool(bits & other)
            some_decisive = some_decisive or bool(bits & decisive)
            every_undecisive = every_undecisive and bool(bits & (other | OPEN))
            some_open = some_open or bool(bits & OPEN)
        return (
            (other if every_other else 0)
            | (decisive if some_decisive else 0)
            | (OPEN if every_undecisive and some_open else 0)
        )

    if not functions:
        return combination({})
    return combination


def _fixed(items: list[c.Node], disjunction: bool) -> Reach:
    """The one value that the items without a free fact give together (their conjunction, or
    disjunction), as a bit. Each item's own function is kept on its node, which the rule's
    condition shares with every group: no new function is generated per group (a generated one
    costs a compile, and groups keep turning up for thousands of cases)."""
    tests = tuple(c.predicate(item) for item in items)
    decisive = disjunction  # a disjunction is decided by a true item, a conjunction by a false one

    def joined(facts: dict[str, Any]) -> int:
        open_ = False
        for test in tests:
            value = test(facts)
            if value is None:
                open_ = True
            elif bool(value) is decisive:
                return _BITS[decisive]
        return OPEN if open_ else _BITS[not decisive]

    return joined


def value_after(plan: Plan, path: str, fired: set[str], rule: CompiledRule, applies: bool, earlier: Any) -> Any:
    """`value_of(plan, path, fired)` just after `rule` (which concludes `path`) came to apply
    (`applies`) or ceased to, when `earlier` was the value before: a rule that comes to apply
    adds its value to the ones there were (or gives the value alone when there were none), so
    most of the time no rule needs to be looked at; when a rule ceases to apply to a scalar the
    fired rules agreed on, the value stays while another of them is still fired."""
    if applies and earlier is MISSING:  # no fired rule concluded it: now `rule` alone does
        if path in rule.derives:
            return rule.derives[path]
        added = rule.adds[path]
        return [m for m in plan.lists[path][0] if m in added]
    if applies:
        if path in rule.derives:  # a scalar: one value more agrees with them or disputes them
            if earlier is DISPUTED:
                return earlier
            value = rule.derives[path]
            return earlier if type(value) is type(earlier) and value == earlier else DISPUTED
        if all(member in earlier for member in rule.adds.get(path, ())):
            return earlier  # a list outcome already holding what the rule adds
    elif path in rule.derives and earlier is not DISPUTED and earlier is not MISSING:
        # every fired rule concluding it concluded `earlier` (else it was disputed): those left
        for rule_id, _ in plan.scalars[path]:
            if rule_id in fired:
                return earlier
        return MISSING
    return value_of(plan, path, fired)


def value_of(plan: Plan, path: str, fired: set[str]) -> Any:
    """What the fired rules conclude for `path`: one value, `MISSING`, or `DISPUTED`."""
    pairs = plan.scalars.get(path)
    if pairs is not None:
        found = MISSING
        for rule_id, value in pairs:
            if rule_id in fired:
                if found is MISSING:
                    found = value
                elif not (type(value) is type(found) and value == found):
                    return DISPUTED
        return found
    listed = plan.lists.get(path)
    if listed is None:
        return MISSING
    order, adders = listed
    members: set[str] = set()
    concluded = False
    for rule_id, added in adders:
        if rule_id in fired:
            concluded = True
            members.update(added)
    return [m for m in order if m in members] if concluded else MISSING
