"""Outcome coverage: the checker itself, and (after the scenarios ran) the coverage it found.

The run-wide check lives in `conftest.pytest_sessionfinish` (like the rule coverage): an outcome
value that no scenario reaches fails the run. These tests make sure the checker can fail, and
repeat the check as a named test when the scenarios ran in this session.
"""

from __future__ import annotations

import datetime as dt

import outcome_coverage
import pytest
from outcome_coverage import expected_values, missing_values, reached_values

from engine.case import Casus
from engine.evaluator import Engine
from engine.facts import BUITEN_DOMEINEN, GRONDSLAGEN, SIGNALEN


def test_every_vocabulary_value_is_expected() -> None:
    expected = expected_values()
    assert {("buiten_domein", d) for d in BUITEN_DOMEINEN} <= expected
    assert {("grondslagen", g) for g in GRONDSLAGEN} <= expected
    assert {("signalen", s) for s in SIGNALEN} <= expected
    for value in ("binnen", "buiten", "onbeslist"):
        assert ("reikwijdte", value) in expected
    for value in ("vrij_toegankelijk", "beschikking", "geen", "onbeslist"):
        assert ("toegang", value) in expected
    for field in ("onmiddellijk_handelen", "gedwongen_kader", "verwijzing.gemeente_moet_betalen"):
        assert {(field, "true"), (field, "false")} <= expected


def test_nothing_reached_means_everything_missing() -> None:
    assert missing_values(set()) == sorted(expected_values())


def test_an_empty_case_reaches_only_the_open_outcomes(engine: Engine) -> None:
    b = engine.evaluate(Casus(), peildatum=dt.date(2025, 1, 1))
    reached = reached_values(b)
    assert reached == {("reikwijdte", "onbeslist"), ("toegang", "onbeslist")}
    # A yes/no field nobody concluded is not counted as reached 'false'.
    assert ("onmiddellijk_handelen", "false") in missing_values(reached)


def test_every_outcome_value_is_reached_by_a_scenario() -> None:
    if not outcome_coverage.REACHED:
        pytest.skip("de scenario's zijn in deze run niet uitgevoerd")
    unreached = missing_values(outcome_coverage.REACHED)
    assert not unreached, "nooit bereikt: " + ", ".join(f"{n}={v}" for n, v in unreached)
