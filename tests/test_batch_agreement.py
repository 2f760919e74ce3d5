"""The batch evaluator agrees with durable-rules on every outcome field and on the applied rules.

Generated partial cases (engine/case_generator.py, each fact known with a drawn probability) in
every municipality configuration are evaluated both ways (`engine.batch.check.compare_rows`).
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.batch.caseload import frame_from_cases
from engine.batch.check import compare_rows
from engine.batch.evaluate import BatchEngine
from engine.case import Casus
from engine.case_generator import random_case
from engine.evaluator import Engine
from engine.loader import load_rulebase

DAYS = (dt.date(2015, 1, 1), dt.date(2025, 1, 1))


@pytest.fixture(scope="module")
def batch(engine: Engine) -> BatchEngine:
    return BatchEngine(engine.base)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(min_value=0, max_value=2**32 - 1),
    known=st.sampled_from([0.0, 0.2, 0.4, 0.6, 0.8, 0.95, 1.0]),
    day=st.sampled_from(DAYS),
)
def test_batch_agrees_with_durable_rules(
    engine: Engine, batch: BatchEngine, seed: int, known: float, day: dt.date
) -> None:
    rng = random.Random(seed)
    cases = frame_from_cases(random_case(rng, known) for _ in range(25))
    for gemeente in [None, *sorted(engine.base.gemeenten)]:
        results = batch.evaluate(cases, day, gemeente)
        found = compare_rows(engine, cases, results, list(range(cases.height)), gemeente, day)
        assert not found, "\n".join(str(d) for d in found[:5])


def test_each_case_in_its_own_municipality(engine: Engine, batch: BatchEngine) -> None:
    rng = random.Random(7)
    codes = [None, *sorted(engine.base.gemeenten)]
    cases = [random_case(rng, 0.7).model_copy(update={"gemeente": codes[i % len(codes)]}) for i in range(40)]
    frame = frame_from_cases(cases)
    results = batch.evaluate(frame, DAYS[1])
    assert not compare_rows(engine, frame, results, list(range(frame.height)), ..., DAYS[1])


CONFLICT_RULES = """
regels:
  - id: A
    titel: Binnen bij opvoedvragen
    bron: {document: 004_82bfb980c5993adb.txt, regels: 3434-3440}
    geldig_vanaf: 2015-01-01
    als: {feit: situatie.opgroei_opvoedvragen, is: true}
    dan: {uitkomst: {reikwijdte: binnen}}
  - id: B
    titel: Buiten bij Wlz
    bron: {document: 004_82bfb980c5993adb.txt, regels: 3434-3440}
    geldig_vanaf: 2015-01-01
    als: {feit: andere_wetten.recht_op_wlz, is: true}
    dan: {uitkomst: {reikwijdte: buiten, buiten_domein: wlz}}
  - id: C
    titel: Beschikking volgt op binnen
    bron: {document: 004_82bfb980c5993adb.txt, regels: 3434-3440}
    geldig_vanaf: 2015-01-01
    als: {feit: uitkomst.reikwijdte, is: binnen}
    dan: {uitkomst: {toegang: beschikking}}
  - id: E
    titel: Een weging zodra de reikwijdte binnen of buiten is
    bron: {document: 004_82bfb980c5993adb.txt, regels: 3434-3440}
    geldig_vanaf: 2015-01-01
    als: {feit: uitkomst.reikwijdte, in: [binnen, buiten]}
    dan:
      professionele_afweging: {onderwerp: Welke hulp past, te_wegen: [draagkracht en draaglast]}
  - id: D
    titel: Vrij toegankelijk volgt op buiten of een cursus
    bron: {document: 004_82bfb980c5993adb.txt, regels: 3434-3440}
    geldig_vanaf: 2015-01-01
    als:
      een_van:
        - {feit: uitkomst.reikwijdte, is: buiten}
        - {feit: hulpvraag.soort, is: cursus}
    dan: {uitkomst: {toegang: vrij_toegankelijk}}
"""


def _engine(tmp_path: Path, order: list[int]) -> Engine:
    """The conflict rules, written in the given order (durable-rules fires in rule order)."""
    blocks = CONFLICT_RULES.strip().split("\n  - ")
    head, rules = blocks[0], blocks[1:]
    root = tmp_path / "-".join(map(str, order))
    root.mkdir(parents=True)
    (root / "r.yaml").write_text(head + "".join("\n  - " + rules[i] for i in order) + "\n")
    return Engine(load_rulebase(root))


@pytest.mark.parametrize("soort", [None, "cursus"])
def test_a_conflict_is_resolved_whatever_the_firing_order(tmp_path: Path, soort: str | None) -> None:
    """Two rules disagree on `reikwijdte`: the field is open, a rule that needs it does not apply,
    a rule that holds without it does (but its `toegang` stays open: the rule waiting on the
    dispute could still contradict it), in every order of the rules, and the batch agrees."""
    casus = Casus.model_validate(
        {
            "situatie": {"opgroei_opvoedvragen": True},
            "andere_wetten": {"recht_op_wlz": True},
            "hulpvraag": {"soort": soort} if soort else {},
        }
    )
    day = DAYS[1]
    seen = set()
    for order in ([0, 1, 2, 3, 4], [1, 0, 4, 3, 2], [4, 3, 2, 1, 0], [2, 3, 0, 4, 1]):
        engine = _engine(tmp_path / (soort or "geen"), order)
        result = engine.outcomes(casus, None, day)
        seen.add((json.dumps(result.velden, sort_keys=True), result.toegepast))
        frame = frame_from_cases([casus])
        assert not compare_rows(engine, frame, BatchEngine(engine.base).evaluate(frame, day, None), [0], None, day)
    assert len(seen) == 1
    ((velden, toegepast),) = seen
    velden_dict = json.loads(velden)
    assert velden_dict["reikwijdte"] == "onbeslist"
    assert "C" not in toegepast
    assert "E" in toegepast  # it holds whichever value the dispute takes
    assert ("D" in toegepast) == bool(soort)
    assert velden_dict["toegang"] == "onbeslist"


def test_the_cross_check_finds_a_difference(engine: Engine, batch: BatchEngine) -> None:
    """The check itself can fail: a batch result with one field changed is reported."""
    cases = frame_from_cases([random_case(random.Random(3), 0.9) for _ in range(3)])
    results = batch.evaluate(cases, DAYS[1], None)
    flipped = results.with_columns(
        pl.when(pl.int_range(pl.len()) == 1).then(pl.lit("geen")).otherwise(pl.col("toegang")).alias("toegang")
    )
    found = compare_rows(engine, cases, flipped, [0, 1, 2], None, DAYS[1])
    assert [(d.row, d.field) for d in found] == [(2, "toegang")]


def test_a_dated_parameter_value_applies_per_reference_date(tmp_path: Path) -> None:
    """Parameter periods (issue 15) flow into the batch path: a case is evaluated with the value in
    force on its own `peildatum`, and agrees with durable-rules on both sides of the change."""
    import shutil

    root = tmp_path / "rules"
    shutil.copytree(Path(__file__).resolve().parent.parent / "rules", root)
    target = root / "gemeenten" / "voorbeeldstad.yaml"
    text = target.read_text()
    assert "  kostendrempel: 2500\n" in text
    target.write_text(
        text.replace(
            "  kostendrempel: 2500\n",
            "  kostendrempel:\n    perioden:\n"
            "      - {waarde: 2500, geldig_vanaf: 2015-01-01, geldig_tot: 2026-06-30}\n"
            "      - {waarde: 100, geldig_vanaf: 2026-07-01}\n",
        )
    )
    engine = Engine(load_rulebase(root))
    rng = random.Random(11)
    drawn = [random_case(rng, 1.0) for _ in range(40)]
    cases = [
        c.model_copy(update={"gemeente": "voorbeeldstad", "peildatum": day})
        for day in (dt.date(2026, 6, 30), dt.date(2026, 7, 1))
        for c in drawn
    ]
    frame = frame_from_cases(cases)
    results = BatchEngine(engine.base).evaluate(frame, dt.date(2026, 1, 1))
    assert not compare_rows(engine, frame, results, list(range(frame.height)), ..., dt.date(2026, 1, 1))
    before, after = results.head(40), results.tail(40)
    assert not before.equals(after)  # the lower threshold from 1 July changes some cases
