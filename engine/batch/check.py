"""The cross-check of the batch path against durable-rules: the same cases evaluated both ways.

Every what-if run checks a random sample of its cases (`--controle N`), and the property test
(`tests/test_batch_agreement.py`) checks generated partial cases in every municipality
configuration. The durable side runs without the explanation (`Engine.outcomes`), so the check
stays cheap. Any difference in an outcome field or in the set of applied rules is reported.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import polars as pl

from engine.batch.caseload import case_of_row
from engine.batch.evaluate import applied_ids, flat_outcome, outcome_of_row
from engine.evaluator import Engine


@dataclass(frozen=True)
class Disagreement:
    """One case on which the two paths differ: which row, configuration, field and both values."""

    row: int  # 1 = the first case of the caseload
    gemeente: str | None
    field: str  # an outcome field, or `toegepaste_regels`
    durable: Any
    batch: Any

    def __str__(self) -> str:
        return (
            f"casus {self.row} ({self.gemeente or 'landelijk'}): {self.field}: "
            f"durable-rules {self.durable!r}, batch {self.batch!r}"
        )


def compare_rows(
    engine: Engine,
    cases: pl.DataFrame,
    results: pl.DataFrame,
    rows: list[int],
    gemeente: Any,
    peildatum: dt.date,
) -> list[Disagreement]:
    """Evaluate `rows` (0-based) of `cases` with durable-rules and compare with the batch `results`.

    `gemeente`: the configuration the batch used for every case, or `...` for each case's own."""
    found: list[Disagreement] = []
    for index in rows:
        row = cases.row(index, named=True)
        casus = case_of_row(row)
        code = casus.gemeente if gemeente is ... else gemeente
        expected = engine.outcomes(casus, code, casus.peildatum or peildatum)
        got = results.row(index, named=True)
        durable, batch = flat_outcome(expected.velden), outcome_of_row(got)
        for name, value in durable.items():
            if value != batch[name]:
                found.append(Disagreement(index + 1, code, name, value, batch[name]))
        if expected.toegepast != applied_ids(got):
            found.append(
                Disagreement(
                    index + 1,
                    code,
                    "toegepaste_regels",
                    sorted(expected.toegepast - applied_ids(got)),
                    sorted(applied_ids(got) - expected.toegepast),
                )
            )
    return found
