"""Load a rules directory: parse, validate across files, and refuse the whole set on any error."""

from __future__ import annotations

from pathlib import Path

from engine.rulebase import RuleBase, RuleSetError, parse_rulebase
from engine.validation import check_rulebase


def load_rulebase(root: Path | str) -> RuleBase:
    """A validated rule base, or `RuleSetError` listing every problem with file and line."""
    base, issues = parse_rulebase(root)
    if base is not None:
        issues = check_rulebase(base)
    if issues or base is None:
        raise RuleSetError(issues)
    return base
