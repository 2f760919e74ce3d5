"""What a rule's condition can become when a group of presumed facts varies (`_reach`).

The presumption check skips a rule whose condition can only keep its answer whatever values the
group's facts take. That is only sound if the reach never misses a value some combination gives:
checked here against every combination of values (and unknown) of the free facts, for conditions
and partly known facts from the generators of `tests/test_condition_code.py`. The part without a
free fact is evaluated once (`_fixed`) and must answer exactly as its conjunction or disjunction.
The parts whose values do not depend on the case are worked out when the reach is built: the
answer must still be exactly that of a plain recursive reading. Groups of presumed facts are kept
as numbers, a bit per fact: a group read back is its facts, sorted. A concluded value worked out
from the one before when one rule switches (`value_after`) is the value worked out anew
(`value_of`). The rules a trial need not follow (`Plan.inert`) conclude only facts that only such
rules test, and leaving them out, with the memo of the trials, changes no answer of the check.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_condition_code import conditions, facts_strategy, reference

from engine import conditions as c
from engine import evaluator, partial
from engine.case_generator import random_cases
from engine.compiler import CompiledRuleSet
from engine.evaluator import Engine
from engine.facts import OUTCOME
from engine.presumption_plan import (
    _BITS,
    DISPUTED,
    FALSE,
    MISSING,
    OPEN,
    TRUE,
    _fixed,
    _reach,
    plan_of,
    value_after,
    value_of,
)

#: Values each generated fact may take in a trial, unknown (`_ABSENT`) included.
_ABSENT = object()
_VALUES: dict[str, tuple[Any, ...]] = {
    "g.a": (_ABSENT, True, False),
    "g.n": (_ABSENT, -3, 0, 1, 2, 3),
    "g.s": (_ABSENT, "x", "y", "z"),
    "g.l": (_ABSENT, [], ["p"], ["q"], ["p", "q"]),
}


def _known(node: c.Node, facts: dict[str, Any]) -> bool | None | str:
    try:
        return reference(node, facts)[0]
    except TypeError:  # a number compared with a text: not a combination the rules can meet
        return "type"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(conditions, facts_strategy, st.sets(st.sampled_from(sorted(_VALUES)), min_size=1, max_size=2))
def test_the_reach_holds_every_value_a_combination_gives(node: c.Node, facts: dict[str, Any], free: set[str]) -> None:
    group = frozenset(free)
    rest = {k: v for k, v in facts.items() if k not in group}
    if _known(node, rest) == "type":
        return
    bits = _reach(node, group)(rest)
    for combination in itertools.product(*(_VALUES[p] for p in sorted(group))):
        trial = dict(rest)
        trial.update({p: v for p, v in zip(sorted(group), combination, strict=True) if v is not _ABSENT})
        value = _known(node, trial)
        if value == "type":
            continue
        assert bits & _BITS[value], (value, bits)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(conditions, min_size=1, max_size=4), st.booleans(), facts_strategy)
def test_the_part_without_a_free_fact_answers_as_its_combination(
    items: list[c.Node], disjunction: bool, facts: dict[str, Any]
) -> None:
    node = c.AnyOf(tuple(items)) if disjunction else c.All(tuple(items))
    value = _known(node, facts)
    if value == "type":
        return
    assert _fixed(items, disjunction)(facts) == _BITS[value]


def plain_reach(node: c.Node, free: frozenset[str], facts: dict[str, Any]) -> int:
    """The values `node` can take, read off the tree: a part without a free fact as it is, a
    comparison on a free fact anything, a combination by what its parts can take."""
    if free.isdisjoint(c.paths(node)):
        return _BITS[reference(node, facts)[0]]
    if isinstance(node, c.Cmp):
        return TRUE | FALSE | OPEN
    if isinstance(node, c.Not):
        bits = plain_reach(node.item, free, facts)
        return (bits & OPEN) | (FALSE if bits & TRUE else 0) | (TRUE if bits & FALSE else 0)
    assert isinstance(node, (c.All, c.AnyOf))
    fixed = [i for i in node.items if free.isdisjoint(c.paths(i))]
    varying = [i for i in node.items if not free.isdisjoint(c.paths(i))]
    join = c.any_of if isinstance(node, c.AnyOf) else c.all_of
    parts = [plain_reach(i, free, facts) for i in ([join(fixed)] if fixed else []) + varying]
    decisive, other = (TRUE, FALSE) if isinstance(node, c.AnyOf) else (FALSE, TRUE)
    found = other if all(b & other for b in parts) else 0
    if any(b & decisive for b in parts):
        found |= decisive
    if all(b & (other | OPEN) for b in parts) and any(b & OPEN for b in parts):
        found |= OPEN
    return found


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(conditions, facts_strategy, st.sets(st.sampled_from(sorted(_VALUES)), min_size=1, max_size=3))
def test_what_a_condition_can_become_is_its_plain_reading(
    node: c.Node, facts: dict[str, Any], free_paths: set[str]
) -> None:
    free = frozenset(free_paths)
    try:
        expected = plain_reach(node, free, facts)
    except TypeError:  # a number compared with a text: the engine raises too (validation prevents it)
        return
    bits = _reach(node, free)(facts)
    assert bits == expected


def test_a_group_of_presumed_facts_read_back_is_those_facts_sorted(engine: Engine) -> None:
    plan = plan_of(engine.ruleset(dt.date(2025, 1, 1), None))
    presumed = sorted(plan.bits)
    assert len(set(plan.bits.values())) == len(presumed)
    for size in (1, 2, 3):
        for group in itertools.islice(itertools.combinations(presumed[::-1], size), 200):
            assert plan.group(plan.mask(group)) == tuple(sorted(group))
    for (_, tested, _), mask in zip(plan.joint, plan.joint_masks, strict=True):
        assert plan.group(mask) == tested


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_a_value_after_one_rule_switches_is_the_value_worked_out_anew(engine: Engine, data: st.DataObject) -> None:
    """`value_after` (a rule came to apply or ceased to) against `value_of` on the rules fired
    after it, for concluded facts of the shipped rules with several concluders: fired sets drawn
    among those concluders, so that values agree, are disputed, or are missing."""
    ruleset = engine.ruleset(dt.date(2025, 1, 1), data.draw(st.sampled_from([None, *sorted(engine.base.gemeenten)])))
    plan = plan_of(ruleset)
    paths = sorted(p for p, rules in ruleset.concluders.items() if len(rules) >= 2)
    path = data.draw(st.sampled_from(paths))
    concluders = ruleset.concluders[path]
    rule = data.draw(st.sampled_from(concluders))
    fired = set(data.draw(st.sets(st.sampled_from([r.id for r in concluders]))))
    applies = data.draw(st.booleans())
    before = fired - {rule.id} if applies else fired | {rule.id}
    after = fired | {rule.id} if applies else fired - {rule.id}
    earlier = value_of(plan, path, before)
    found, expected = value_after(plan, path, set(after), rule, applies, earlier), value_of(plan, path, after)
    if expected is MISSING or expected is DISPUTED:
        assert found is expected
    else:
        assert type(found) is type(expected) and found == expected


def test_an_inert_rule_concludes_only_facts_that_inert_rules_test(engine: Engine) -> None:
    """`Plan.inert` against its definition, read plainly: no outcome field among a rule's
    conclusions, and every rule testing one of them that concludes something is inert too; the
    rules a trial follows are the concluding ones that are not inert. It holds rules that conclude
    something (else the check would have nothing to save)."""
    for gemeente in (None, *sorted(engine.base.gemeenten)):
        ruleset = engine.ruleset(dt.date(2025, 1, 1), gemeente)
        plan = plan_of(ruleset)
        assert any(r.derives for r in ruleset.rules if r.id in plan.inert)
        for rule in ruleset.rules:
            if rule.id not in plan.inert:
                continue
            for path in (*rule.derives, *rule.adds):
                assert not path.startswith(OUTCOME + ".")
                testers = [r for r in ruleset.dependents.get(path, ()) if r.derives or r.adds]
                assert all(r.id in plan.inert for r in testers), (rule.id, path)
        for path, rules in plan.concluding.items():
            assert plan.followers.get(path, ()) == tuple(r for r in rules if r.id not in plan.inert)


Call = tuple[CompiledRuleSet, dict[str, Any], set[str], list[str], Any]


def _calls(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> list[Call]:
    """What `presumptions_that_matter` is given for generated cases in every configuration: some
    with most facts known, some with most unknown (as the API's load cases, about 27 presumed)."""
    calls: list[Call] = []
    original = evaluator.presumptions_that_matter

    def keep(ruleset: CompiledRuleSet, facts: dict[str, Any], fired: set[str], presumed: Any, evaluated: Any) -> Any:
        calls.append((ruleset, dict(facts), set(fired), list(presumed), evaluated))
        return original(ruleset, facts, fired, presumed, evaluated)

    monkeypatch.setattr(evaluator, "presumptions_that_matter", keep)
    gemeenten = [None, *sorted(engine.base.gemeenten)]
    day = dt.date(2025, 1, 1)
    for known in (0.6, 0.2):
        for i, casus in enumerate(random_cases(200, seed=19, known=known)):
            engine.evaluate(casus, gemeenten[i % len(gemeenten)], day)
    monkeypatch.setattr(evaluator, "presumptions_that_matter", original)
    return calls


class _Forgetful(dict):  # type: ignore[type-arg]
    """A memo that keeps nothing: every trial is followed anew."""

    def __setitem__(self, key: Any, value: Any) -> None:
        pass


def _answers(calls: list[Call], plain: bool, inert: frozenset[str] | None = None) -> list[Any]:
    """Each call's answer as plain data; `plain`: every concluding rule followed and no memo;
    `inert`: these rules taken as inert instead (to show the comparison can tell)."""
    found = []
    for ruleset, facts, fired, presumed, evaluated in calls:
        plan = plan_of(ruleset)
        if plain or inert is not None:
            skipped = frozenset() if inert is None else inert
            followers = {p: tuple(r for r in rules if r.id not in skipped) for p, rules in plan.concluding.items()}
            ruleset.presumption_plan = dataclasses.replace(plan, inert=skipped, followers=followers)
        try:
            used = partial.presumptions_that_matter(ruleset, dict(facts), set(fired), presumed, evaluated)
        finally:
            ruleset.presumption_plan = plan
        found.append([(u.presumption.path, u.fields, u.settles, u.together_with) for u in used])
    return found


def test_the_check_answers_as_without_the_inert_rules_left_out_and_without_memo(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Leaving the inert rules out of the trials (not followed, their switches not applied) and
    sharing a trial's answer by the rules it switched (`_Trials.memo`, kept when no rule followed
    tests a fact the trial changed) give the answers of trials that follow every concluding rule,
    each anew. The comparison can tell: taking a rule that concludes an outcome field as inert
    changes some answers."""
    calls = _calls(engine, monkeypatch)
    assert sum(len(presumed) for *_, presumed, _ in calls) / len(calls) > 10  # many presumed facts
    found = _answers(calls, plain=False)
    with monkeypatch.context() as patched:
        made = partial._Trials.__init__

        def forgetful(self: partial._Trials, *args: Any) -> None:
            made(self, *args)
            self.memo = _Forgetful()

        patched.setattr(partial._Trials, "__init__", forgetful)
        assert _answers(calls, plain=True) == found
    assert _answers(calls, plain=False, inert=frozenset({"UIT-BUITEN"})) != found


def test_a_trial_is_shared_only_with_trials_of_facts_its_rules_do_not_test(engine: Engine) -> None:
    """The memo of the trials keeps an answer for trials that change no fact a rule followed
    tests (`partial._untouched`). The cases above never need the distinction, so it is pinned
    here on one rule: a trial of a fact it tests does not share the answer."""
    rule = next(r for r in engine.ruleset(dt.date(2025, 1, 1), None).rules if len(r.effective_paths) >= 2)
    tested = sorted(rule.effective_paths)
    assert not partial._untouched([rule], {tested[0]: True})
    assert not partial._untouched([rule, rule], {"x.y": 1, tested[1]: 1})
    assert partial._untouched([rule], {"x.y": 1})
    assert partial._untouched([], {tested[0]: True})
