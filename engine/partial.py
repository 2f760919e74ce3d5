"""Advice on a partly known case: the presumptions it rests on, and what to ask next.

The engine evaluates a case with every unknown fact that has a declared presumption
(`vermoedens`) taken at its presumed value. This module then answers two questions without
running durable-rules again:

- which presumptions *mattered*: another value of the fact would have changed an outcome field
  that the assessment decided.
  The other values are tried one by one by re-checking only the rules that depend on the fact,
  and the rules that depend on what those conclude (`_Trials.changed`);
- which unknown facts can still settle an open outcome field, and how decisive each is
  (`open_analysis`), with the three-valued evaluation of `engine.conditions`: an undecided rule
  that concludes an open field is a *route* to it, and the unknown case facts that keep that rule
  undecided (through derived facts too) are what the route still needs.

Both work on the compiled conditions only, so they cost a fraction of one evaluation. What does
not depend on the case (which rules test a presumed fact, how a concluded fact's value is found)
is worked out once per compiled ruleset (`engine.presumption_plan`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass, field
from itertools import islice, product
from typing import Any

from engine import conditions as c
from engine import labels
from engine.compiler import CompiledPresumption, CompiledRule, CompiledRuleSet
from engine.facts import CASE_FACTS, OUTCOME, OUTCOME_FACTS
from engine.presumption_plan import DISPUTED, FALSE, MISSING, OPEN, TRUE, Look, plan_of, value_after, value_of

_OUTCOME_PREFIX = OUTCOME + "."
#: List outcomes (signalen, grondslagen, ...): a change there does not end the search, so the
#: route fields it leads to are found too.
_LIST_PATHS = frozenset(f"{OUTCOME}.{name}" for name, ft in OUTCOME_FACTS.items() if ft.kind == "list")
_UNSET = object()  # not worked out yet
_NOTHING: frozenset[str] = frozenset()
#: A bound on the rules re-checked for one other value (a safeguard; real chains are short).
_MAX_STEPS = 10_000


class _Rival:
    """A rule that was decided and is now open: it may still conclude another value."""

    def __repr__(self) -> str:
        return "RIVAL"


RIVAL = _Rival()
#: How a rule changes: now applies (True), no longer applies (False), or now open (`RIVAL`).
Switch = bool | _Rival
#: the rules a trial switched -> the outcome fields that changed, and the rules re-checked on the way
Memo = dict[tuple[tuple[str, Switch], ...], tuple[Set[str], list[CompiledRule]]]


class _Trials:
    """The presumption checks of one assessment: its facts, the rules that fired, and what the
    checks share (`memo`, the rules' values and the concluded facts in the case as evaluated)."""

    def __init__(
        self,
        ruleset: CompiledRuleSet,
        facts: dict[str, Any],
        fired_ids: set[str],
        evaluated: Mapping[str, c.OpenResult] | None = None,
    ) -> None:
        self.ruleset = ruleset
        self.plan = plan_of(ruleset)
        #: a copy of the assessment's facts: a trial changes it in place and restores what it
        #: changed (its order may change: nothing reads it in order)
        self.facts = dict(facts)
        self.original = facts  # as evaluated (only read)
        self.fired_ids = fired_ids
        #: shares the work between facts whose other value switches the same rules: what follows
        #: from those switches is the same, unless a rule further on tests the fact
        self.memo: Memo = {}
        self._before: dict[str, bool | None] = {}
        #: rules already evaluated on these facts (`OpenAnalysis.evaluated`): not evaluated again
        self._evaluated: Mapping[str, c.OpenResult] = {} if evaluated is None else evaluated
        self._values: dict[str, Any] = {}

    def before(self, rule: CompiledRule) -> bool | None:
        """`rule`'s value on the case as evaluated."""
        found = self._before.get(rule.id, _UNSET)
        if found is _UNSET:
            known = self._evaluated.get(rule.id)
            found = self._before[rule.id] = rule.test(self.original) if known is None else known[0]
        return found  # type: ignore[return-value]

    def value(self, path: str) -> Any:
        """What the fired rules conclude for `path` in the case as evaluated (`value_of`)."""
        found = self._values.get(path, _UNSET)
        if found is _UNSET:
            found = self._values[path] = value_of(self.plan, path, self.fired_ids)
        return found

    def changed(
        self,
        changes: dict[str, Any],
        stop_at_decided: bool,
        switched: set[str] | None = None,
        looks: Iterable[Look] | None = None,
    ) -> Set[str]:
        """The outcome fields (`uitkomst.*`) that would differ had every fact in `changes` its value there.

        Starts from the evaluated case (`facts` with what was concluded, `fired_ids`) and re-checks
        only the rules whose condition tests a fact that changed, following the derived facts they
        conclude. An outcome field that changes is recorded but not followed further: the question
        is which fields the fact bears on, and the first changed field answers it. With
        `stop_at_decided`, the search ends at the first decided field that changes.
        `switched` collects the ids of the rules the changes switch directly (for `_joint_changes`).
        `looks`: the plan's rules for a single change (`engine.presumption_plan.Plan.singles`),
        else every rule testing a changed fact is evaluated as it is. `changes` is only read.
        """
        facts, fired_ids = self.facts, self.fired_ids
        if looks is None:
            concluding = self.plan.concluding
            rules = {rule.id: rule for path in changes for rule in concluding.get(path, ())}.values()
            looks = [(rule, None, rule.test) for rule in rules]
        toggles: list[tuple[CompiledRule, Switch]] = []
        opened: list[CompiledRule] = []
        facts.update(changes)  # in place: `facts` is this check's own copy
        try:
            for rule, answer, test in looks:
                value = answer if test is None else test(facts)
                if value is True:
                    if rule.id not in fired_ids:
                        toggles.append((rule, True))
                elif rule.id in fired_ids:
                    toggles.append((rule, False))
                elif value is None and rule.derives:
                    opened.append(rule)
            inert = self.plan.inert
            if toggles:
                if switched is not None:
                    switched.update([rule.id for rule, _ in toggles])
                # an inert rule (`Plan.inert`: it concludes no outcome field, nor a fact a rule that
                # is not inert tests) changes nothing a trial reports: not followed
                toggles = [(rule, applies) for rule, applies in toggles if rule.id not in inert]
            # a rule that was decided and is now open may still conclude another value: the engine
            # then leaves what it concludes open (`engine.evaluator._possibly_disputed`)
            if opened:
                toggles += [(rule, RIVAL) for rule in opened if rule.id not in inert and self.before(rule) is not None]
            if not toggles:
                return _NOTHING
            key = tuple([(rule.id, applies) for rule, applies in toggles])
            known = self.memo.get(key)
            if known is not None and _untouched(known[1], changes):
                return known[0]
            result, followed = self._cascade(toggles, stop_at_decided)
            if _untouched(followed, changes):
                self.memo[key] = (result, followed)
            return result
        finally:
            self._restore(changes)

    def _cascade(
        self, toggles: list[tuple[CompiledRule, Switch]], stop_at_decided: bool
    ) -> tuple[Set[str], list[CompiledRule]]:
        """Apply the switched rules and follow what changes, on `facts` as the trial changed them
        (and restored afterwards); the changed outcome fields, and the rules re-checked on the way
        (what they test is looked at only when the answer is kept: `_untouched`). A rule that
        becomes open (`RIVAL`) leaves open each value it would contradict."""
        facts, original, plan = self.facts, self.original, self.plan
        followers, conclusions, values = plan.followers, plan.conclusions, self._values
        fired = set(self.fired_ids)
        now: dict[str, Any] = {}  # what `fired` concludes, for the facts whose concluders switched
        queue: list[CompiledRule] = []
        queued: set[str] = set()
        changed: set[str] = set()
        fields: set[str] = set()  # the outcome fields of `changed`
        followed: list[CompiledRule] = []
        pending = toggles[::-1]  # popped from the end: in their order
        steps = 0
        try:
            while (pending or queue) and steps < _MAX_STEPS:
                steps += 1
                applies: Switch
                if pending:
                    rule, applies = pending.pop()
                else:
                    rule = queue.pop()
                    queued.discard(rule.id)
                    followed.append(rule)
                    value = rule.test(facts)
                    if value is True:
                        if rule.id in fired:
                            continue
                        applies = True
                    elif rule.id in fired:
                        applies = False
                    elif value is None and rule.derives and self.before(rule) is not None:
                        applies = RIVAL
                    else:
                        continue
                moved: list[tuple[str, Any]] = []  # (concluded fact, its value now) for each that changes
                if applies is RIVAL:
                    for concluded, value in rule.derives.items():
                        if concluded in facts and not _same(facts[concluded], value):
                            earlier = now[concluded] if concluded in now else self.value(concluded)
                            if earlier is not DISPUTED:
                                moved.append((concluded, DISPUTED))
                else:
                    if applies:
                        fired.add(rule.id)
                    else:
                        fired.discard(rule.id)
                    for concluded in conclusions[rule.id]:
                        if concluded in now:
                            earlier = now[concluded]
                        elif concluded in values:
                            earlier = values[concluded]
                        else:
                            earlier = self.value(concluded)
                        after = now[concluded] = value_after(plan, concluded, fired, rule, applies is True, earlier)
                        if after is earlier or (
                            after is not DISPUTED and earlier is not DISPUTED and _same(after, earlier)
                        ):
                            continue
                        moved.append((concluded, after))
                for concluded, after in moved:
                    if after is MISSING or after is DISPUTED:
                        facts.pop(concluded, None)
                    else:
                        facts[concluded] = after
                    changed.add(concluded)
                    if concluded.startswith(_OUTCOME_PREFIX):
                        fields.add(concluded)
                        if stop_at_decided and concluded in original and concluded not in _LIST_PATHS:
                            # a decided field changes: enough to know the fact matters (this rule's
                            # other conclusions are still recorded, so the fields it names are complete)
                            pending.clear()
                            queue.clear()
                        continue
                    for dependent in followers.get(concluded, ()):  # not the inert rules: they change nothing
                        if dependent.id not in queued:
                            queued.add(dependent.id)
                            queue.append(dependent)
        finally:
            self._restore(changed)
        return fields, followed

    def switches(self, rules: list[CompiledRule], changes: dict[str, Any]) -> bool:
        """Whether one of `rules` applies differently with `changes`."""
        facts, fired_ids = self.facts, self.fired_ids
        facts.update(changes)
        try:
            return any((rule.test(facts) is True) != (rule.id in fired_ids) for rule in rules)
        finally:
            self._restore(changes)

    def _restore(self, paths: Iterable[str]) -> None:
        """`facts` as evaluated again after a trial changed `paths`."""
        facts, original = self.facts, self.original
        for path in paths:
            if path in original:
                facts[path] = original[path]
            else:
                facts.pop(path, None)


def _untouched(rules: list[CompiledRule], changes: Mapping[str, Any]) -> bool:
    """No rule of `rules` tests a fact of `changes`: what they answered holds whatever values
    `changes` gives those facts (the memo of `_Trials.changed` is shared by such trials only)."""
    for rule in rules:  # noqa: SIM110 - a loop, not all() over a generator: called for every trial followed
        if not rule.effective_paths.isdisjoint(changes):
            return False
    return True


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
    ruleset: CompiledRuleSet,
    facts: dict[str, Any],
    fired_ids: set[str],
    presumed: Iterable[str],
    evaluated: Mapping[str, c.OpenResult] | None = None,
) -> list[UsedPresumption]:
    """The applied presumptions another value of which would change a decided outcome field or
    decide an open one; safety first, and one about safety always counts. `evaluated`: rules'
    conditions already evaluated on `facts` (`OpenAnalysis.evaluated`), by rule id."""
    used: dict[str, UsedPresumption] = {}
    trials = _Trials(ruleset, facts, fired_ids, evaluated)
    presumed = list(presumed)
    switched_by: dict[str, set[str]] = {}  # presumed fact -> rules one of its other values switches
    for path in presumed:
        presumption = ruleset.presumptions[path]
        changed: set[str] = set()
        switched = switched_by[path] = set()
        for change, looks in trials.plan.singles[path]:
            found = trials.changed(change, True, switched, looks)
            if found:
                changed |= found
                if not facts.keys().isdisjoint(found):
                    break  # it matters; the other values add nothing to that
        if changed or presumption.safety:
            decided = sorted(p.split(".", 1)[1] for p in changed if p in facts)
            opened = sorted(p.split(".", 1)[1] for p in changed if p not in facts)
            used[path] = UsedPresumption(presumption, decided, opened)
    alone = {path for path, u in used.items() if u.fields}
    pending = [p for p in presumed if p not in alone]
    for group, jointly in _joint_changes(trials, pending, switched_by):
        decided = sorted(p.split(".", 1)[1] for p in jointly if p in facts)
        for path in group:
            entry = used.setdefault(path, UsedPresumption(ruleset.presumptions[path], []))
            entry.fields = sorted(set(entry.fields).union(decided))
            entry.together_with = sorted(set(entry.together_with).union(group).difference([path]))
    return sorted(used.values(), key=lambda u: (not u.presumption.safety, u.presumption.path))


#: Combinations of values tried per group of presumed facts that one rule tests together (a
#: bound: a rule tests few presumed facts, each with one or two other values).
_MAX_COMBINATIONS = 81


def _joint_changes(
    trials: _Trials, presumed: list[str], switched_by: dict[str, set[str]]
) -> list[tuple[tuple[str, ...], Set[str]]]:
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
    facts, plan = trials.facts, trials.plan
    # sets of presumed facts as numbers, a bit each (`Plan.bits`): a group is the rule's tested
    # presumed facts that are pending, when those are two or more (two bits or more)
    pending = plan.mask(presumed)
    groups: dict[int, list[tuple[CompiledRule, c.Predicate]]] = {}
    for (rule, _, unpresumed), tested in zip(plan.joint, plan.joint_masks, strict=True):
        shared = tested & pending
        if shared & (shared - 1):
            groups.setdefault(shared, []).append((rule, unpresumed))
    found: list[tuple[tuple[str, ...], Set[str]]] = []
    for shared, candidates in groups.items():
        group = plan.group(shared)
        # a rule one fact switches on its own was followed with that fact already; one that is
        # decided whatever values the unknown facts get (its condition without presumptions, unless
        # it asks whether one of them is known) switches never
        alone = [switched_by[p] for p in group]
        rules = [
            rule
            for rule, unpresumed in candidates
            if not any(rule.id in switched for switched in alone)
            and (not rule.presence_paths.isdisjoint(group) or unpresumed(facts) is None)
        ]
        # of those, a rule whose condition holds its present answer whatever the facts of the group
        # become switches for no combination: trying the combinations on it would find nothing
        rules = [
            rule
            for rule in rules
            if plan.reach(rule, shared)(facts) & (FALSE | OPEN if rule.id in trials.fired_ids else TRUE)
        ]
        if not rules:
            continue
        for combination in islice(product(*(plan.options[p] for p in group)), _MAX_COMBINATIONS):
            changes = {p: v for p, v in zip(group, combination, strict=True) if v is not MISSING}
            if len(changes) < 2 or not trials.switches(rules, changes):
                continue
            changed = trials.changed(changes, True)
            if any(p in facts for p in changed):
                found.append((tuple(sorted(changes)), changed))
                break
    return found


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
        #: rule id -> `evaluate_open` of its condition (`effective`) on `facts`, for each rule
        #: asked about: the presumption check and the explanation take these instead of
        #: evaluating the same conditions again
        self.evaluated: dict[str, c.OpenResult] = {}

    def rule_needs(self, rule: CompiledRule) -> frozenset[str] | None:
        """The unknown case facts that keep `rule` undecided (None: it is decided)."""
        known = self._rules
        if rule.id in known:
            return known[rule.id]
        facts = self.facts
        value, open_facts = self.evaluated[rule.id] = c.evaluate_open(rule.effective, facts)
        unknowns: set[str] | frozenset[str] = open_facts
        needs: frozenset[str] | None = None
        if value is False:
            # the commonest answer, and most rules await no fact (`bekend`): decided at once
            if not rule.awaited or all(p in facts for p in rule.awaited):
                known[rule.id] = None
                return None
            value, unknowns = _open_without(rule.effective, facts, set(), rule.awaited)
        elif value is None:
            dead = {u for u in sorted(unknowns) if u not in CASE_FACTS and not self.live(u)}
            if dead:  # derived facts no open route can still conclude: they stay absent
                value, unknowns = _open_without(rule.effective, facts, dead, rule.awaited)
        if value is None:
            found: set[str] = set()
            for unknown in sorted(unknowns):  # a fixed order: the same answer in every process
                if unknown in CASE_FACTS:
                    found.add(unknown)
                else:
                    found |= self.path_needs(unknown)
            needs = frozenset(found)
        known[rule.id] = needs
        return needs

    def live(self, path: str) -> bool:
        """A concluded fact that is disputed, or that some undecided rule may still conclude; one
        that is not stays absent (a comparison on it is false)."""
        found = self._live.get(path)
        if found is None:
            self._live[path] = False  # a cycle through derived facts adds nothing
            found = path in self.disputed
            if not found:
                for rule in self.ruleset.concluders.get(path, ()):
                    if self.rule_needs(rule) is not None:
                        found = True
                        break
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
