"""Validating a policy maker's rules file against the rules in service, without publishing it.

The posted file is placed in a private copy of the rules directory (replacing the file of the
same name, or added as a new file) and the whole set is checked the way `reikwijdte validate`
does, because most mistakes only show across files (a fact derived elsewhere, an exception to a
rule in another file, a parameter a municipality sets). The copy is deleted afterwards; the
service's own rules are never touched.

Uploaded YAML is untrusted; it is read by the engine's one hardened loader (alias "bombs",
deep nesting, huge numbers and impossible dates are refused there with file and line).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from api.models import Validatiefout, Validatieresultaat
from engine.loader import load_rulebase
from engine.rulebase import MUNICIPAL_DIR, Issue, RuleBase, RuleSetError

#: `40_toegang.yaml` or `gemeenten/voorbeeldstad.yaml`; nothing that could leave the directory.
BESTAND_PATTERN = r"^(gemeenten/)?[A-Za-z0-9][A-Za-z0-9_.-]{0,99}\.ya?ml$"
_BESTAND = re.compile(BESTAND_PATTERN)


def _copy_rules(source: Path, target: Path) -> None:
    target.mkdir(parents=True)
    for directory, into in ((source, target), (source / MUNICIPAL_DIR, target / MUNICIPAL_DIR)):
        if not directory.is_dir():
            continue
        into.mkdir(exist_ok=True)
        for path in directory.iterdir():
            if path.is_file() and path.suffix in (".yaml", ".yml"):
                shutil.copyfile(path, into / path.name)


def check_draft(rules_dir: Path, bestand: str, raw: bytes) -> tuple[RuleBase | None, list[Issue], str]:
    """The rule set with `raw` as `bestand`: the loaded base when valid, every issue, the shown file name.

    The base is read from a private copy that is deleted before this returns; everything the
    engine needs is in memory by then. Nothing is published.
    """
    if not _BESTAND.match(bestand):
        raise ValueError(bestand)
    name = rules_dir.resolve().name or "rules"
    with tempfile.TemporaryDirectory(prefix="reikwijdte-validatie-") as tmp:
        root = Path(tmp) / name
        _copy_rules(rules_dir, root)
        (root / bestand).parent.mkdir(exist_ok=True)
        (root / bestand).write_bytes(raw)
        try:
            return load_rulebase(root), [], f"{name}/{bestand}"
        except RuleSetError as exc:  # the same checks as `reikwijdte validate`, compilation included
            return None, sorted(set(exc.issues)), f"{name}/{bestand}"


def check_upload(rules_dir: Path, bestand: str, raw: bytes) -> Validatieresultaat:
    """Every validation error of the rule set with `raw` as `bestand`; nothing is published."""
    _, issues, shown = check_draft(rules_dir, bestand, raw)
    return Validatieresultaat(
        bestand=shown,
        geldig=not issues,
        fouten=[
            Validatiefout(bestand=i.file, regelnummer=i.line, regel_id=i.rule_id, melding=i.message) for i in issues
        ],
    )
