"""Writing a small rules directory for a test, and reading the errors it is refused with."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from engine.loader import load_rulebase
from engine.rulebase import RuleSetError


def write(tmp_path: Path, files: dict[str, str]) -> Path:
    """`tmp_path/rules` with each file (name relative to it, e.g. `gemeenten/x.yaml`), dedented."""
    root = tmp_path / "rules"
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return root


def issues_of(root: Path) -> list[str]:
    """Every error the rules under `root` are refused with, as `file:line: rule-id: message`."""
    with pytest.raises(RuleSetError) as info:
        load_rulebase(root)
    return [str(i) for i in info.value.issues]
