"""Explanation entries found by the values of the facts a rule tests are the entries worked out anew.

`engine.evaluator._applied_entry` and `_not_applied_entry` share an entry between assessments
whose rule saw the same values of the facts its own condition tests. A key that misses a fact the
entry depends on (or lets 1, 1.0 and True meet) would hand one case another case's explanation;
these tests work every entry out again without the memo and compare.
"""

from __future__ import annotations

import datetime as dt

import pytest

from engine.case_generator import random_cases
from engine.evaluator import Engine

DAY = dt.date(2025, 1, 1)
GEMEENTEN = [None, "voorbeeldstad", "heidedorp", "rivierdal"]


def _clear(engine: Engine) -> None:
    for gemeente in GEMEENTEN:
        engine.ruleset(DAY, gemeente).explained_memo.clear()


@pytest.mark.parametrize("known", [1.0, 0.6, 0.2])
def test_shared_entries_are_the_entries_worked_out_for_each_case(engine: Engine, known: float) -> None:
    cases = list(random_cases(150, seed=31, known=known))
    _clear(engine)
    shared = [engine.evaluate(casus, GEMEENTEN[n % 4], DAY) for n, casus in enumerate(cases)]
    for n, casus in enumerate(cases):
        _clear(engine)  # nothing remembered: every entry of this case is made for it
        alone = engine.evaluate(casus, GEMEENTEN[n % 4], DAY)
        assert shared[n].toelichting.model_dump_json() == alone.toelichting.model_dump_json(), n


def test_entries_are_shared_between_cases(engine: Engine) -> None:
    _clear(engine)
    cases = list(random_cases(60, seed=5))
    assessments = [engine.evaluate(casus, None, DAY) for casus in cases]
    for part in ("toegepast", "niet_toegepast"):
        entries = [entry for b in assessments for entry in getattr(b.toelichting, part)]
        assert len({id(entry) for entry in entries}) < len(entries) / 2, part


def test_an_overridden_rule_is_explained_by_the_rules_that_applied(engine: Engine) -> None:
    # Its entry names the rule that overrode it: never found by its own facts alone.
    ruleset = engine.ruleset(DAY, None)
    _clear(engine)
    for casus in random_cases(300, seed=11, known=0.9):
        beoordeling = engine.evaluate(casus, None, DAY)
        for entry in beoordeling.toelichting.niet_toegepast:
            if "uitgezonderd door" in entry.reden:
                assert not any(found is entry for found in ruleset.explained_memo.values())
