"""Sound advice on a partly known case (issue 10): a decided outcome never changes later.

For generated partial cases (engine/case_generator.py, each fact known with a drawn probability)
in every municipality configuration, random completions of the unknown facts that have no
presumption must leave every decided outcome field as it was (presumed facts stay unknown, so
they hold their presumed values). A failure prints the case, the municipality and the
completion that changed the field.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from soundness import unlisted_presumptions, violations

from engine.case_generator import random_case
from engine.evaluator import Engine

DAY = dt.date(2025, 1, 1)


@pytest.fixture(scope="module")
def gemeenten(engine: Engine) -> list[str | None]:
    return [None, *sorted(engine.base.gemeenten)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=2**32 - 1), known=st.sampled_from([0.2, 0.4, 0.6, 0.8, 0.95]))
def test_decided_outcomes_hold_for_every_completion(
    engine: Engine, gemeenten: list[str | None], seed: int, known: float
) -> None:
    rng = random.Random(seed)
    casus = random_case(rng, known)
    for gemeente in gemeenten:
        found = violations(engine, casus, gemeente, DAY, rng, completions=4)
        assert not found, (
            f"gemeente {gemeente or 'landelijk'}, casus {casus.model_dump(exclude_none=True)}:\n"
            + "\n".join(str(v) for v in found[:5])
        )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=2**32 - 1), known=st.sampled_from([0.2, 0.4, 0.6, 0.8]))
def test_every_presumption_the_advice_rests_on_is_listed(
    engine: Engine, gemeenten: list[str | None], seed: int, known: float
) -> None:
    """Values for presumed facts that `aannames` does not list, alone or several together, leave
    every decided outcome field as it was."""
    rng = random.Random(seed)
    casus = random_case(rng, known)
    for gemeente in gemeenten:
        found = unlisted_presumptions(engine, casus, gemeente, DAY, rng, completions=4)
        assert not found, (
            f"gemeente {gemeente or 'landelijk'}, casus {casus.model_dump(exclude_none=True)}:\n"
            + "\n".join(str(v) for v in found[:5])
        )


def test_the_check_finds_a_silent_presumption(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The check itself can fail: an `onbekend` branch acting as a presumption is caught."""
    import textwrap

    from engine.case import Casus
    from engine.loader import load_rulebase

    root = tmp_path_factory.mktemp("s") / "rules"
    root.mkdir()
    (root / "r.yaml").write_text(
        textwrap.dedent("""
        regels:
          - id: STIL
            titel: Binnen zolang geen Wlz bekend is
            bron: {document: 004_82bfb980c5993adb.txt, regels: 3434-3440}
            geldig_vanaf: 2015-01-01
            als:
              een_van:
                - {feit: andere_wetten.recht_op_wlz, onbekend: true}
                - {feit: andere_wetten.recht_op_wlz, is: false}
            dan: {uitkomst: {reikwijdte: binnen}}
        """)
    )
    silent = Engine(load_rulebase(root))
    found = violations(silent, Casus(), None, DAY, random.Random(1), completions=12)
    assert any(v.field == "reikwijdte" and v.after is None for v in found)


def test_the_check_finds_an_unlisted_presumption(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check itself can fail: with the list of assumptions left empty, a case whose advice
    rests on presumed facts is caught."""
    import engine.evaluator as evaluator

    monkeypatch.setattr(evaluator, "presumptions_that_matter", lambda *args, **kwargs: [])
    rng = random.Random(3)
    found = []
    for _ in range(40):
        found += unlisted_presumptions(engine, random_case(rng, 0.5), None, DAY, rng, completions=4)
        if found:
            break
    assert found
