"""docs/criteria.md must name every rule, so a policy maker can find each one under its criterion."""

from __future__ import annotations

import re
from pathlib import Path

from engine.evaluator import Engine

ROOT = Path(__file__).resolve().parent.parent


def test_every_rule_is_listed_under_a_criterion(shipped_engine: Engine) -> None:
    text = (ROOT / "docs" / "criteria.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([A-Za-z][A-Za-z0-9_.-]*)` \(\d\d_[a-z_]+\.yaml\)", text, flags=re.MULTILINE))
    ids = {r.id for r in shipped_engine.base.rules}
    assert sorted(ids - listed) == [], "regels zonder plek in docs/criteria.md"
    assert sorted(listed - ids) == [], "docs/criteria.md noemt regels die niet (meer) bestaan"


def test_all_twelve_criteria_have_a_section() -> None:
    text = (ROOT / "docs" / "criteria.md").read_text(encoding="utf-8")
    numbers = [int(n) for n in re.findall(r"^## (\d+)\. ", text, flags=re.MULTILINE)]
    assert numbers == list(range(1, 13))
