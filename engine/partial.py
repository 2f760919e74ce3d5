"""Advice on a partly known case: the presumptions it rests on, and what to ask next.

The engine evaluates a case with every unknown fact that has a declared presumption
(`vermoedens`) taken at its presumed value. This module then answers two questions without
running durable-rules again:

- which presumptions *mattered*: another value of the fact would have changed an outcome field
  that the assessment decided.
  The other values are tried one by one by re-checking only the rules that depend on the fact,
  and the rules that depend on what those conclude (`changed_outcomes`);
- which unknown facts can still settle an open outcome field, and how decisive each is
  (`open_analysis`), with the three-valued evaluation of `engine.conditions`: an undecided rule
  that concludes an open field is a *route* to it, and the unknown case facts that keep that rule
  undecided (through derived facts too) are what the route still needs.

Both work on the compiled conditions only, so they cost a fraction of one evaluation.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice, product
from typing import Any

from engine import conditions as c
from engine import labels
from engine.compiler import CompiledPresumption, CompiledRule, CompiledRuleSet
from engine.facts import CASE_FACTS, OUTCOME, OUTCOME_FACTS

_OUTCOME_PREFIX = OUTCOME + "."
#: List outcomes (signalen, grondslagen, ...): a change there does not end the search, so the
#: route fields it leads to are found too.
_LIST_PATHS = frozenset(f"{OUTCOME}.{name}" for name, ft in OUTCOME_FACTS.items() if ft.kind == "list")
_MISSING = object()
_DISPUTED = object()
#: A bound on the rules re-checked for one other value (a safeguard; real chains are short).
_MAX_STEPS = 10_000


def _value_of(ruleset: CompiledRuleSet, path: str, fired: set[str]) -> Any:
    """What the fired rules conclude for `path`: one value, `_MISSING`, or `_DISPUTED`."""
    concluders = [r for r in ruleset.concluders.get(path, ()) if r.id in fired]
    if not concluders:
        return _MISSING
    name = path.split(".", 1)[1]
    if path.startswith(OUTCOME + ".") and OUTCOME_FACTS[name].kind == "list":
        members = {m for r in concluders for m in r.adds.get(path, ())}
        return [m for m in OUTCOME_FACTS[name].values if m in members]
    values = {(type(v), v) for r in concluders if path in r.derives for v in (r.derives[path],)}
    if not values:
        return _MISSING
    return next(iter(values))[1] if len(values) == 1 else _DISPUTED


class _Rival:
    """A rule that was decided and is now open: it may still conclude another value."""

    def __repr__(self) -> str:
        return "RIVAL"


RIVAL = _Rival()
#: How a rule changes: now applies (True), no longer applies (False), or now open (`RIVAL`).
Switch = bool | _Rival
Memo = dict[tuple[tuple[str, Switch], ...], tuple[set[str], frozenset[str]]]


def changed_outcomes(
    ruleset: CompiledRuleSet,
    facts: dict[str, Any],
    fired_ids: set[str],
    path: str,
    value: Any,
    stop_at_decided: bool = False,
    memo: Memo | None = None,
    switched: set[str] | None = None,
) -> set[str]:
    """The outcome fields (`uitkomst.*`) that would differ had `path` the value `value`
    (`changed_outcomes_jointly` with one change)."""
    return changed_outcomes_jointly(ruleset, facts, fired_ids, {path: value}, stop_at_decided, memo, switched)


def changed_outcomes_jointly(
    ruleset: CompiledRuleSet,
    facts: dict[str, Any],
    fired_ids: set[str],
    changes: dict[str, Any],
    stop_at_decided: bool = False,
    memo: Memo | None = None,
    switched: set[str] | None = None,
) -> set[str]:
    """The outcome fields (`uitkomst.*`) that would differ had every fact in `changes` its value there.

    Starts from the evaluated case (`facts` with what was concluded, `fired_ids`) and re-checks
    only the rules whose condition tests a fact that changed, following the derived facts they
    conclude. An outcome field that changes is recorded but not followed further: the question
    is which fields the fact bears on, and the first changed field answers it. With
    `stop_at_decided`, the search ends at the first decided field that changes.

    `memo` (one per assessment) shares the work between facts whose other value switches the same
    rules: what follows from those switches is the same, unless a rule further on tests the fact.
    `switched` collects the ids of the rules the changes switch directly (for `_joint_changes`).
    """
    toggles: list[tuple[CompiledRule, Switch]] = []
    opened: list[CompiledRule] = []
    with _changed_in_place(facts, changes):  # the first look; `facts` is this assessment's own
        seen: set[str] = set()
        for path in changes:
            for rule in ruleset.dependents.get(path, ()):
                if rule.id in seen or not (rule.derives or rule.adds):
                    continue  # seen, or a rule that only asks for a professional judgement
                seen.add(rule.id)
                value = rule.test(facts)
                if (value is True) != (rule.id in fired_ids):
                    toggles.append((rule, value is True))
                elif value is None and rule.derives:
                    opened.append(rule)
    # a rule that was decided and is now open may still conclude another value: the engine then
    # leaves what it concludes open (`engine.evaluator._possibly_disputed`)
    if switched is not None:
        switched.update(rule.id for rule, _ in toggles)
    toggles += [(rule, RIVAL) for rule in opened if rule.test(facts) is not None]
    if not toggles:
        return set()
    key = tuple((rule.id, applies) for rule, applies in toggles)
    if memo is not None:
        known = memo.get(key)
        if known is not None and known[1].isdisjoint(changes):
            return known[0]
    changed_facts = dict(facts)
    changed_facts.update(changes)
    result, tested = _cascade(ruleset, facts, changed_facts, set(fired_ids), toggles, stop_at_decided)
    if memo is not None and tested.isdisjoint(changes):
        memo[key] = (result, tested)
    return result


def _cascade(
    ruleset: CompiledRuleSet,
    facts: dict[str, Any],
    changed_facts: dict[str, Any],
    fired: set[str],
    toggles: list[tuple[CompiledRule, Switch]],
    stop_at_decided: bool,
) -> tuple[set[str], frozenset[str]]:
    """Apply the switched rules and follow what changes; the changed outcome fields, and the facts
    the rules re-checked on the way test. A rule that becomes open (`RIVAL`) leaves open each
    value it would contradict."""
    queue: list[CompiledRule] = []
    queued: set[str] = set()
    changed: set[str] = set()
    tested: set[str] = set()
    pending = list(toggles)
    steps = 0
    while (pending or queue) and steps < _MAX_STEPS:
        steps += 1
        if pending:
            rule, applies = pending.pop(0)
        else:
            rule = queue.pop()
            queued.discard(rule.id)
            tested |= rule.effective_paths
            value = rule.test(changed_facts)
            if (value is True) != (rule.id in fired):
                applies = value is True
            elif value is None and rule.derives and rule.test(facts) is not None:
                applies = RIVAL
            else:
                continue
        conclusions = (*rule.derives, *rule.adds)
        before = {p: _value_of(ruleset, p, fired) for p in conclusions}
        if applies is RIVAL:
            after_of = {
                p: _DISPUTED if p in changed_facts and not _same(changed_facts[p], v) else before[p]
                for p, v in rule.derives.items()
            }
        else:
            if applies:
                fired.add(rule.id)
            else:
                fired.discard(rule.id)
            after_of = {p: _value_of(ruleset, p, fired) for p in conclusions}
        for concluded, after in after_of.items():
            if after is before[concluded] or (
                after is not _DISPUTED and before[concluded] is not _DISPUTED and _same(after, before[concluded])
            ):
                continue
            if after is _MISSING or after is _DISPUTED:
                changed_facts.pop(concluded, None)
            else:
                changed_facts[concluded] = after
            changed.add(concluded)
            if concluded.startswith(_OUTCOME_PREFIX):
                if stop_at_decided and concluded in facts and concluded not in _LIST_PATHS:
                    # a decided field changes: enough to know the fact matters (this rule's other
                    # conclusions are still recorded, so the fields it names are complete)
                    pending.clear()
                    queue.clear()
                continue
            for dependent in ruleset.dependents.get(concluded, ()):
                if dependent.id not in queued:
                    queued.add(dependent.id)
                    queue.append(dependent)
    return {p for p in changed if p.startswith(_OUTCOME_PREFIX)}, frozenset(tested)


_BOUND_WORDS = {
    "niet_in": "geen van",
    "maximaal": "hoogstens",
    "kleiner_dan": "kleiner dan",
    "minimaal": "minstens",
    "groter_dan": "groter dan",
}


def show_presumed(value: Any) -> str:
    """A presumed value in Dutch: `nee`, `dyslexie, dyscalculie`, `kleiner dan 18`."""
    if isinstance(value, dict):
        return " en ".join(f"{_BOUND_WORDS[k]} {show_presumed(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(c.show_value(v) for v in value) or "leeg"
    return c.show_value(value)


def aangenomen(path: str, value: Any) -> str:
    """A presumed value of fact `path` in words: a bound as `show_presumed` says it, else its label."""
    return show_presumed(value) if isinstance(value, dict) else labels.waarde(path, value)


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


@dataclass
class UsedPresumption:
    """A presumption the engine applied, and the outcome fields another value would change."""

    presumption: CompiledPresumption
    fields: list[str]  # decided outcome fields another value changes (names without `uitkomst.`)
    settles: list[str] = field(default_factory=list)  # open outcome fields another value decides
    together_with: list[str] = field(default_factory=list)  # presumed facts it changes a field with, jointly

    @property
    def mattered(self) -> bool:
        """The advice rests on it: another value changes a decided field (safety always counts)."""
        return bool(self.fields) or self.presumption.safety


def presumptions_that_matter(
    ruleset: CompiledRuleSet, facts: dict[str, Any], fired_ids: set[str], presumed: Iterable[str]
) -> list[UsedPresumption]:
    """The applied presumptions another value of which would change a decided outcome field or
    decide an open one; safety first, and one about safety always counts."""
    used: dict[str, UsedPresumption] = {}
    memo: Memo = {}
    presumed = list(presumed)
    switched_by: dict[str, set[str]] = {}  # presumed fact -> rules one of its other values switches
    for path in presumed:
        presumption = ruleset.presumptions[path]
        changed: set[str] = set()
        switched = switched_by[path] = set()
        for other in presumption.alternatives:
            found = changed_outcomes(
                ruleset, facts, fired_ids, path, other, stop_at_decided=True, memo=memo, switched=switched
            )
            changed |= found
            if any(p in facts for p in found):
                break  # it matters; the other values add nothing to that
        if changed or presumption.safety:
            decided = sorted(p.split(".", 1)[1] for p in changed if p in facts)
            opened = sorted(p.split(".", 1)[1] for p in changed if p not in facts)
            used[path] = UsedPresumption(presumption, decided, opened)
    alone = {path for path, u in used.items() if u.fields}
    pending = [p for p in presumed if p not in alone]
    for group, changed in _joint_changes(ruleset, facts, fired_ids, pending, switched_by, memo):
        decided = sorted(p.split(".", 1)[1] for p in changed if p in facts)
        for path in group:
            entry = used.setdefault(path, UsedPresumption(ruleset.presumptions[path], []))
            entry.fields = sorted(set(entry.fields).union(decided))
            entry.together_with = sorted(set(entry.together_with).union(group).difference([path]))
    return sorted(used.values(), key=lambda u: (not u.presumption.safety, u.presumption.path))


#: Combinations of values tried per group of presumed facts that one rule tests together (a
#: bound: a rule tests few presumed facts, each with one or two other values).
_MAX_COMBINATIONS = 81


def _joint_changes(
    ruleset: CompiledRuleSet,
    facts: dict[str, Any],
    fired_ids: set[str],
    presumed: list[str],
    switched_by: dict[str, set[str]],
    memo: Memo,
) -> list[tuple[tuple[str, ...], set[str]]]:
    """Groups of presumed facts that change a decided field only together, with what they change.

    One fact at a time misses a field that only a combination changes: a rule that tests two
    presumed facts and applies only when both have another value. For every rule that tests two or
    more of the presumed facts that did not matter on their own, the combinations of their values
    (each kept at its presumption or given another value) are tried on that rule first, which is
    cheap; only a combination that switches the rule is followed through the rules that depend on
    it. Each group reports the first combination that changes a decided field, with the facts it
    changed. Only rules that no single fact of the group switches are tried (a rule one fact
    switches was followed with that fact already). Combinations through derived facts of
    different rules are not tried; `tests/test_soundness.py` checks on generated cases that
    values for unlisted presumed facts, several at once, change no decided field.
    """
    pending = set(presumed)
    groups: dict[tuple[str, ...], list[CompiledRule]] = {}
    for path in presumed:
        for rule in ruleset.dependents.get(path, ()):
            if rule.derives or rule.adds:
                group = tuple(sorted(p for p in rule.effective_paths if p in pending))
                if len(group) >= 2 and rule not in groups.setdefault(group, []):
                    groups[group].append(rule)
    found: list[tuple[tuple[str, ...], set[str]]] = []
    for group, rules in groups.items():
        # a rule one fact switches on its own was followed with that fact already; one that is
        # decided whatever values the unknown facts get (its condition without presumptions, unless
        # it asks whether one of them is known) switches never
        alone = set().union(*(switched_by[p] for p in group))
        rules = [
            rule
            for rule in rules
            if rule.id not in alone
            and (not rule.presence_paths.isdisjoint(group) or c.evaluate(rule.unpresumed, facts) is None)
        ]
        if not rules:
            continue
        options = [(_MISSING, *ruleset.presumptions[p].alternatives) for p in group]
        for combination in islice(product(*options), _MAX_COMBINATIONS):
            changes = {p: v for p, v in zip(group, combination, strict=True) if v is not _MISSING}
            if len(changes) < 2 or not _switched(rules, facts, fired_ids, changes):
                continue
            changed = changed_outcomes_jointly(ruleset, facts, fired_ids, changes, stop_at_decided=True, memo=memo)
            if any(p in facts for p in changed):
                found.append((tuple(sorted(changes)), changed))
                break
    return found


def _switched(
    rules: list[CompiledRule], facts: dict[str, Any], fired_ids: set[str], changes: dict[str, Any]
) -> list[CompiledRule]:
    """The rules among `rules` that apply differently with `changes`."""
    with _changed_in_place(facts, changes):
        return [rule for rule in rules if (rule.test(facts) is True) != (rule.id in fired_ids)]


@contextmanager
def _changed_in_place(facts: dict[str, Any], changes: dict[str, Any]) -> Iterator[None]:
    """`facts` with `changes` applied for the duration, then as it was: cheaper than a copy, and
    safe because each assessment owns its facts."""
    previous = {path: facts.get(path, _MISSING) for path in changes}
    facts.update(changes)
    try:
        yield
    finally:
        for path, value in previous.items():
            if value is _MISSING:
                del facts[path]
            else:
                facts[path] = value


@dataclass
class Candidate:
    """One fact worth asking about, with what it can still settle."""

    path: str
    fields: set[str] = field(default_factory=set)  # open (or presumed) outcome fields it bears on
    every_route: set[str] = field(default_factory=set)  # open fields whose every route needs it
    routes: int = 0  # undecided rules (routes) that need it
    presumed: bool = False
    safety: bool = False

    def rank(self) -> tuple[Any, ...]:
        """Most decisive first: safety; needed by every route of more open fields; bears on more
        fields; needed by more routes; then by name, so the order is stable."""
        return (not self.safety, -len(self.every_route), -len(self.fields), -self.routes, self.path)


def _open_without(
    node: c.Node, facts: dict[str, Any], dead: set[str], awaited: tuple[str, ...] = ()
) -> tuple[bool | None, set[str]]:
    """`evaluate_open` for what can still happen: the facts in `dead` stay absent (a comparison on
    one is false), and `bekend: true` on an unknown case fact is open (it holds once the fact is
    known), so a rule that insists on an established fact reports that fact as missing."""
    if isinstance(node, c.Cmp):
        if node.path in dead:
            return node.op == "unknown", set()
        if node.op == "known" and node.path in awaited and node.path not in facts:
            return None, {node.path}
        leaf_value, leaf_open = c.evaluate_open(node, facts)
        return leaf_value, set(leaf_open)
    if isinstance(node, c.Const):
        return node.value, set()
    if isinstance(node, c.Not):
        value, unknowns = _open_without(node.item, facts, dead, awaited)
        return (None if value is None else not value), unknowns
    decisive = isinstance(node, c.AnyOf)
    open_parts: set[str] = set()
    undecided = False
    for item in node.items:
        value, unknowns = _open_without(item, facts, dead, awaited)
        if value is decisive:
            return decisive, set()
        if value is None:
            undecided = True
            open_parts |= unknowns
    return (None, open_parts) if undecided else (not decisive, set())


class OpenAnalysis:
    """For one evaluated case: which unknown case facts keep which rules and fields open."""

    def __init__(self, ruleset: CompiledRuleSet, facts: dict[str, Any], disputed: frozenset[str] = frozenset()) -> None:
        self.ruleset = ruleset
        self.facts = facts
        self.disputed = disputed  # concluded facts two applicable rules disagree on: open, never absent
        self._rules: dict[str, frozenset[str] | None] = {}
        self._paths: dict[str, frozenset[str]] = {}
        self._live: dict[str, bool] = {}

    def rule_needs(self, rule: CompiledRule) -> frozenset[str] | None:
        """The unknown case facts that keep `rule` undecided (None: it is decided)."""
        if rule.id in self._rules:
            return self._rules[rule.id]
        value, open_facts = c.evaluate_open(rule.effective, self.facts)
        unknowns: set[str] | frozenset[str] = open_facts
        needs: frozenset[str] | None = None
        if value is None:
            dead = {u for u in sorted(unknowns) if u not in CASE_FACTS and not self.live(u)}
            if dead:  # derived facts no open route can still conclude: they stay absent
                value, unknowns = _open_without(rule.effective, self.facts, dead, rule.awaited)
        elif value is False and any(p not in self.facts for p in rule.awaited):
            value, unknowns = _open_without(rule.effective, self.facts, set(), rule.awaited)
        if value is None:
            found: set[str] = set()
            for unknown in sorted(unknowns):  # a fixed order: the same answer in every process
                if unknown in CASE_FACTS:
                    found.add(unknown)
                else:
                    found |= self.path_needs(unknown)
            needs = frozenset(found)
        self._rules[rule.id] = needs
        return needs

    def live(self, path: str) -> bool:
        """A concluded fact that is disputed, or that some undecided rule may still conclude; one
        that is not stays absent (a comparison on it is false)."""
        found = self._live.get(path)
        if found is None:
            self._live[path] = False  # a cycle through derived facts adds nothing
            found = path in self.disputed or any(
                self.rule_needs(r) is not None for r in self.ruleset.concluders.get(path, ())
            )
            self._live[path] = found
        return found

    def path_needs(self, path: str) -> frozenset[str]:
        """The unknown case facts that keep a derived fact or outcome field from being concluded."""
        found = self._paths.get(path)
        if found is not None:
            return found
        self._paths[path] = frozenset()  # a cycle through derived facts adds nothing
        collected: set[str] = set()
        for rule in self.ruleset.concluders.get(path, ()):
            needs = self.rule_needs(rule)
            if needs:
                collected |= needs
        self._paths[path] = frozenset(collected)
        return self._paths[path]

    def routes(self, path: str) -> list[frozenset[str]]:
        """For each undecided rule that concludes `path`, the unknown case facts it needs."""
        found = []
        for rule in self.ruleset.concluders.get(path, ()):
            needs = self.rule_needs(rule)
            if needs:
                found.append(needs)
        return found


def rank_questions(
    analysis: OpenAnalysis,
    open_fields: list[str],
    used: list[UsedPresumption],
    rival_needs: list[frozenset[str]] = (),  # type: ignore[assignment]
) -> list[Candidate]:
    """Candidates for the next questions, most decisive first (see `Candidate.rank`).

    `rival_needs`: what the rules that may still contradict a concluded value need (see
    `engine.evaluator._possibly_disputed`); they count as routes of every open field."""
    candidates: dict[str, Candidate] = {}
    safety = analysis.ruleset.safety_facts

    def candidate(path: str) -> Candidate:
        found = candidates.get(path)
        if found is None:
            found = candidates[path] = Candidate(path, safety=path in safety)
        return found

    for name in open_fields:
        routes = analysis.routes(f"{OUTCOME}.{name}") + list(rival_needs)
        if not routes:
            continue
        for needs in routes:
            for path in needs:
                entry = candidate(path)
                entry.fields.add(name)
                entry.routes += 1
        for path in frozenset.intersection(*routes):
            candidates[path].every_route.add(name)
    wanted = set(open_fields)
    for u in used:
        settles = [f for f in u.settles if f in wanted]
        if not (u.mattered or settles):
            continue
        entry = candidate(u.presumption.path)
        entry.presumed = True
        entry.safety = entry.safety or u.presumption.safety
        entry.fields.update(u.fields)
        entry.fields.update(settles)
    return sorted(candidates.values(), key=Candidate.rank)
