"""A caseload evaluated at once: each case in its own municipality and on its reference date.

The rules are compiled as for the single-case path (`engine.compiler.RulesetCache`, which
resolves parameters and validity dates), then as column expressions (`engine.batch.compile`);
each (municipality, date) group of cases is evaluated with its own compiled ruleset.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from engine.batch.caseload import GEMEENTE, PEILDATUM
from engine.batch.compile import LIST_MEMBERS, OUTCOME_COLUMNS, BatchRuleset, applied_column, compile_batch, members_of
from engine.compiler import CompiledRuleSet, RulesetCache
from engine.facts import CASE_FACTS
from engine.rulebase import RuleBase

ROW = "__rij"


class BatchEngine:
    """Evaluates caseloads against one validated rule base."""

    def __init__(self, base: RuleBase) -> None:
        self.base = base
        self.cache = RulesetCache(base)
        self._batch: dict[int, tuple[CompiledRuleSet, BatchRuleset]] = {}

    def batch(self, peildatum: dt.date, gemeente: str | None) -> BatchRuleset:
        ruleset = self.cache.get(peildatum, gemeente)
        found = self._batch.get(id(ruleset))
        if found is None or found[0] is not ruleset:
            found = (ruleset, compile_batch(ruleset))
            self._batch[id(ruleset)] = found
        return found[1]

    def rule_ids(self, peildatum: dt.date, gemeente: str | None) -> tuple[str, ...]:
        return self.batch(peildatum, gemeente).rule_ids

    def evaluate(self, frame: pl.DataFrame, peildatum: dt.date, gemeente: Any = ...) -> pl.DataFrame:
        """The outcome columns (`OUTCOME_COLUMNS`) and the applied-rule columns of every case, in
        the frame's order.

        `gemeente`: a code or None (national) evaluates every case in that configuration;
        by default each case in its own `gemeente` column's configuration. Cases without a
        `peildatum` are evaluated on `peildatum`.
        """
        cases = frame.select([c for c in CASE_FACTS if c in frame.columns]).with_row_index(ROW)
        if gemeente is ...:
            codes = frame[GEMEENTE] if GEMEENTE in frame.columns else pl.Series(GEMEENTE, [None] * frame.height)
        else:
            codes = pl.Series(GEMEENTE, [gemeente] * frame.height, dtype=pl.String)
        days = frame[PEILDATUM] if PEILDATUM in frame.columns else pl.Series(PEILDATUM, [None] * frame.height)
        cases = cases.with_columns(
            codes.cast(pl.String).alias(GEMEENTE), days.cast(pl.Date).fill_null(peildatum).alias(PEILDATUM)
        )
        groups = cases.select(GEMEENTE, PEILDATUM).unique(maintain_order=True).rows()
        parts = []
        all_rules: dict[str, None] = {}
        for code, day in groups:
            batch = self.batch(day, code)
            all_rules.update(dict.fromkeys(batch.rule_ids))
            selected = cases.lazy().filter(
                (pl.col(GEMEENTE).eq_missing(pl.lit(code, dtype=pl.String))) & (pl.col(PEILDATUM) == pl.lit(day))
            )
            wanted = [ROW, *OUTCOME_COLUMNS, *(applied_column(r) for r in batch.rule_ids)]
            parts.append(batch.apply(selected).select(wanted))
        single = len(parts) == 1
        result = parts[0].collect() if single else pl.concat(pl.collect_all(parts), how="diagonal").sort(ROW)
        applied = [applied_column(r) for r in all_rules]
        return result.with_columns(pl.col(applied).fill_null(False)).drop(ROW)


def applied_ids(row: dict[str, Any]) -> frozenset[str]:
    """The ids of the rules that applied, from one result row."""
    prefix = applied_column("")
    return frozenset(k[len(prefix) :] for k, v in row.items() if k.startswith(prefix) and v)


def outcome_of_row(row: dict[str, Any]) -> dict[str, Any]:
    """The outcome fields of one result row, as `engine.evaluator.Uitkomsten.velden` flattens them."""
    return {name: members_of(name, row[name]) if name in LIST_MEMBERS else row[name] for name in OUTCOME_COLUMNS}


def flat_outcome(velden: dict[str, Any]) -> dict[str, Any]:
    """The assessment's outcome fields (`verwijzing` as one record) flattened to `OUTCOME_COLUMNS`."""
    flat: dict[str, Any] = {}
    for name in OUTCOME_COLUMNS:
        group, _, sub = name.partition(".")
        if sub:
            flat[name] = (velden.get(group) or {}).get(sub)
        else:
            flat[name] = velden[name]
    return flat
