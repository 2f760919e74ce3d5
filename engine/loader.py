"""Load a rules directory: parse, validate across files, and refuse the whole set on any error."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from engine.bronnen import Bronnenregister
from engine.compiler import compile_ruleset
from engine.durable import EngineError
from engine.parameters import change_days
from engine.provenance import rules_commit
from engine.rulebase import Issue, RuleBase, RuleSetError, parse_rulebase
from engine.validation import check_rulebase


def periods(base: RuleBase) -> list[dt.date]:
    """One date in every period in which the rules and the parameter values in force are constant."""
    starts = {r.regel.geldig_vanaf for r in base.rules}
    starts |= {r.regel.geldig_tot + dt.timedelta(days=1) for r in base.rules if r.regel.geldig_tot}
    starts |= change_days((p.spec for p in base.parameters.values()), (g.bestand for g in base.gemeenten.values()))
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
                message = (
                    f"de regels die op {day} gelden ({where}) laten zich niet vertalen voor de regelmachine: {exc}"
                )
                issues.append(Issue(str(base.root), 1, "-", message))
    return issues


def rule_issues(root: Path | str, bronnen: Bronnenregister | None = None) -> tuple[RuleBase | None, list[Issue]]:
    """Every error of the rules under `root` in one run: each file's own, and the cross-file checks
    on all parts that could be read (those stay quiet about names the unreadable parts may hold).
    `bronnen`: the source register to lend when `root` has none (rules of an earlier revision)."""
    base, issues = parse_rulebase(root, bronnen)
    if base is not None:
        issues = issues + check_rulebase(base)
    return base, issues


def load_rulebase(root: Path | str, bronnen: Bronnenregister | None = None) -> RuleBase:
    """A validated rule base, or `RuleSetError` listing every problem with file and line.
    `bronnen`: the source register to lend when `root` has none (see `rule_issues`)."""
    base, issues = rule_issues(root, bronnen)
    if base is not None and not issues:
        issues = compile_issues(base)
    if issues or base is None:
        raise RuleSetError(issues)
    base.commit = rules_commit(base.root)
    return base
