"""The open analysis (`engine.partial.OpenAnalysis`) answers as a plain reading of its meaning.

`OpenAnalysis.rule_needs` keeps what it found per rule, per derived fact and per liveness, and
decides the commonest rule (false, awaiting no fact) without looking further; the evaluator asks it
in whatever order its steps need. Here hypothesis draws generated cases (in every municipality
configuration of the shipped rules) and an order of asking, and every rule's answer is compared
with a reading written out below without any memo or shortcut: the three-valued value of the
rule's condition; when it is open, the derived facts that no undecided rule can still conclude
taken as absent (a comparison on one is false); when it is false but a fact it awaits (`bekend`)
is unknown, that test taken as open; and the unknown case facts it needs, through derived facts
too. A rule that tests only case facts never waits on other rules alone (open, it needs an
unknown case fact), and no rule does when no fact is disputed: the evaluator relies on both. What it keeps of each evaluation
(`OpenAnalysis.evaluated`, which the presumption check and the explanation take instead of
evaluating again) is compared with the plain reading too.
"""

from __future__ import annotations

import datetime as dt
import random
import textwrap
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_partial import BRON, RULES

from engine import conditions as c
from engine.case import Casus
from engine.case_generator import random_case
from engine.compiler import CompiledRule, CompiledRuleSet
from engine.evaluator import Engine, _concluded_facts, _derive
from engine.facts import CASE_FACTS, case_to_facts
from engine.loader import load_rulebase
from engine.partial import OpenAnalysis

DAY = dt.date(2025, 1, 1)
#: The shipped rules await no fact (`bekend`): the rules of `tests/test_partial.py` with three more
#: that do, through a derived fact that two of them can dispute, so that BESCHIKKING then waits on
#: the dispute alone.
AWAITING = RULES + textwrap.indent(
    textwrap.dedent(f"""
    - id: INTENSIEF
      titel: Intensieve hulp, als dat bekend is
      {BRON}
      geldig_vanaf: 2015-01-01
      als:
        alle:
          - {{feit: hulpvraag.intensief, bekend: true}}
          - {{feit: hulpvraag.intensief, is: true}}
      dan: {{afleiden: {{beschikkingsgrond: intensief}}}}
    - id: LANGDURIG
      titel: Langdurige hulp
      {BRON}
      geldig_vanaf: 2015-01-01
      als: {{feit: hulpvraag.duur_weken, groter_dan: 10}}
      dan: {{afleiden: {{beschikkingsgrond: langdurig}}}}
    - id: BESCHIKKING
      titel: Beschikking bij een grond
      {BRON}
      geldig_vanaf: 2015-01-01
      als:
        alle:
          - {{feit: uitkomst.reikwijdte, is: binnen}}
          - {{feit: afgeleid.beschikkingsgrond, is: intensief}}
      dan: {{uitkomst: {{toegang: beschikking}}}}
    """),
    "  ",
)


@pytest.fixture(scope="module")
def awaiting(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    root = tmp_path_factory.mktemp("open") / "rules"
    (root / "gemeenten").mkdir(parents=True)
    (root / "r.yaml").write_text(textwrap.dedent(AWAITING))
    engine = Engine(load_rulebase(root))
    assert any(r.awaited for r in engine.ruleset(DAY, None).rules)
    return engine


def _plain(
    node: c.Node, facts: dict[str, Any], dead: frozenset[str], awaited: tuple[str, ...]
) -> tuple[bool | None, frozenset[str]]:
    """Three-valued value and the unknown facts that keep it open, read off the tree."""
    if isinstance(node, c.Const):
        return node.value, frozenset()
    if isinstance(node, c.Not):
        value, unknown = _plain(node.item, facts, dead, awaited)
        return (None if value is None else not value), unknown
    if isinstance(node, c.Cmp):
        if node.path in dead:
            return node.op == "unknown", frozenset()
        if node.op == "known" and node.path in awaited and node.path not in facts:
            return None, frozenset({node.path})
        value = c.evaluate(node, facts)
        return value, frozenset({node.path}) if value is None else frozenset()
    decisive = isinstance(node, c.AnyOf)
    parts = [_plain(i, facts, dead, awaited) for i in node.items]
    if any(v is decisive for v, _ in parts):
        return decisive, frozenset()
    if any(v is None for v, _ in parts):
        return None, frozenset().union(*(u for v, u in parts if v is None))
    return not decisive, frozenset()


class Plain:
    """`OpenAnalysis` as its docstrings define it, recomputed on every question."""

    def __init__(self, ruleset: CompiledRuleSet, facts: dict[str, Any], disputed: frozenset[str]) -> None:
        self.ruleset, self.facts, self.disputed = ruleset, facts, disputed

    def live(self, path: str) -> bool:
        return path in self.disputed or any(self.needs(r) is not None for r in self.ruleset.concluders.get(path, ()))

    def path_needs(self, path: str) -> frozenset[str]:
        return frozenset().union(*(self.needs(r) or frozenset() for r in self.ruleset.concluders.get(path, ())))

    def needs(self, rule: CompiledRule) -> frozenset[str] | None:
        value, unknown = _plain(rule.effective, self.facts, frozenset(), ())
        if value is None:
            dead = frozenset(u for u in unknown if u not in CASE_FACTS and not self.live(u))
            value, unknown = _plain(rule.effective, self.facts, dead, rule.awaited)
        elif value is False and any(p not in self.facts for p in rule.awaited):
            value, unknown = _plain(rule.effective, self.facts, frozenset(), rule.awaited)
        if value is not None:
            return None
        return frozenset().union(*(({u} if u in CASE_FACTS else self.path_needs(u)) for u in unknown))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(min_value=0, max_value=2**32 - 1),
    known=st.sampled_from([0.2, 0.4, 0.6, 0.8, 0.95]),
    order=st.randoms(use_true_random=False),
)
def test_every_rule_needs_what_the_plain_reading_says(
    engine: Engine, awaiting: Engine, seed: int, known: float, order: random.Random
) -> None:
    casus = random_case(random.Random(seed), known)
    _check(engine, casus, order)
    _check(awaiting, casus, order)


def _check(engine: Engine, casus: Any, order: random.Random) -> None:
    for gemeente in [None, *sorted(engine.base.gemeenten)]:
        ruleset = engine.ruleset(DAY, gemeente)
        case_facts = case_to_facts(casus)
        fired, trace = _derive(ruleset, case_facts)
        facts = {**case_facts, **_concluded_facts(fired, trace)}
        disputed = frozenset(trace.conflicts)
        analysis, plain = OpenAnalysis(ruleset, facts, disputed), Plain(ruleset, facts, disputed)
        rules = list(ruleset.rules)
        order.shuffle(rules)  # the memo must not depend on which rule is asked first
        for rule in rules:
            needs = plain.needs(rule)
            assert analysis.rule_needs(rule) == needs, (gemeente, rule.id)
            # `engine.evaluator._resolve_outcomes` looks for rules waiting on rules alone only among
            # those testing a concluded fact
            assert rule.tests_concluded or needs != frozenset(), (gemeente, rule.id)
            # and only when the case has a disputed fact (it looks for them only then)
            assert disputed or needs != frozenset(), (gemeente, rule.id)
            # what it keeps of each evaluation, which the presumption check and the explanation
            # take instead of evaluating again: the rule's value, and for a rule whose own
            # condition is its effective one, the explanation's evaluation of its own condition
            found = analysis.evaluated[rule.id]
            assert found == _plain(rule.effective, facts, frozenset(), ()), (gemeente, rule.id)
            assert found[0] is rule.test(facts), (gemeente, rule.id)
            if rule.own_is_effective:
                assert found == c.evaluate_open(rule.own, facts), (gemeente, rule.id)
        for path in sorted(ruleset.concluders):
            assert analysis.path_needs(path) == plain.path_needs(path), (gemeente, path)
            assert analysis.live(path) == plain.live(path), (gemeente, path)


def test_a_rule_waiting_on_a_dispute_alone_leaves_its_field_open(awaiting: Engine) -> None:
    """BESCHIKKING tests a derived fact that INTENSIEF and LANGDURIG dispute: it needs no case fact
    and is open, so the toegang it would conclude is reported as following from a disputed fact
    (found only among the rules that test a concluded fact, `CompiledRule.tests_concluded`)."""
    casus = Casus.model_validate(
        {
            "situatie": {"opgroei_opvoedvragen": True},
            "andere_wetten": {"recht_op_wlz": False},
            "hulpvraag": {"intensief": True, "duur_weken": 20},
        }
    )
    ruleset = awaiting.ruleset(DAY, None)
    fired, trace = _derive(ruleset, case_to_facts(casus))
    facts = {**case_to_facts(casus), **_concluded_facts(fired, trace)}
    waiting = next(r for r in ruleset.rules if r.id == "BESCHIKKING")
    assert waiting.tests_concluded
    assert OpenAnalysis(ruleset, facts, frozenset(trace.conflicts)).rule_needs(waiting) == frozenset()
    b = awaiting.evaluate(casus, peildatum=DAY)
    assert any(
        k.veld == "uitkomst.toegang" and k.waarden == {"BESCHIKKING": "beschikking"} and k.oorzaak for k in b.conflicten
    )


def test_own_is_effective_exactly_when_no_rule_can_override(engine: Engine) -> None:
    """`CompiledRule.own_is_effective` lets the explanation take the analysis's evaluation of the
    effective condition for the rule's own: true for every rule of the shipped rules that no rule
    overrides (and whose condition is not a constant), and for one whose overriders can never
    apply under the municipality's parameters (their negation drops out); false for every rule
    that a rule which can apply overrides."""
    seen = set()
    for gemeente in [None, *sorted(engine.base.gemeenten)]:
        rules = engine.ruleset(DAY, gemeente).rules
        by_id = {r.id: r for r in rules}
        for rule in rules:
            can_override = [o for o in rule.overriders if by_id[o].effective != c.Const(False)]
            if can_override:
                assert not rule.own_is_effective, (gemeente, rule.id)
            elif not isinstance(rule.own, c.Const):
                assert rule.own_is_effective, (gemeente, rule.id)
            seen.add(bool(can_override))
    assert seen == {True, False}
