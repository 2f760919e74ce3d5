"""Load a rules directory: parse, validate across files, and refuse the whole set on any error."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from engine.compiler import compile_ruleset
from engine.durable import EngineError
from engine.rulebase import Issue, RuleBase, RuleSetError, parse_rulebase
from engine.validation import check_rulebase


def periods(base: RuleBase) -> list[dt.date]:
    """One date in every period in which the set of rules in force is constant."""
    starts = {r.regel.geldig_vanaf for r in base.rules}
    starts |= {r.regel.geldig_tot + dt.timedelta(days=1) for r in base.rules if r.regel.geldig_tot}
    return sorted(starts)


def compile_issues(base: RuleBase) -> list[Issue]:
    """Build the durable-rules ruleset of every period and municipality, so the engine's own
    refusals surface when the rules are loaded rather than when a family's case is evaluated."""
    issues = []
    for day in periods(base):
        if not any(r.regel.valid_on(day) for r in base.rules):
            continue
        for gemeente in [None, *sorted(base.gemeenten)]:
            try:
                compile_ruleset(base, day, gemeente)
            except EngineError as exc:
                where = gemeente or "landelijk"
                issues.append(Issue(str(base.root), 1, "-", f"rules in force on {day} ({where}) do not compile: {exc}"))
    return issues


def load_rulebase(root: Path | str) -> RuleBase:
    """A validated rule base, or `RuleSetError` listing every problem with file and line."""
    base, issues = parse_rulebase(root)
    if base is not None:
        issues = check_rulebase(base) or compile_issues(base)
    if issues or base is None:
        raise RuleSetError(issues)
    return base
