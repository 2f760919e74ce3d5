"""Validating a policy maker's rules file against the rules in service, without publishing it.

The posted file is placed in a private copy of the rules directory (replacing the file of the
same name, or added as a new file) and the whole set is checked the way `reikwijdte validate`
does, because most mistakes only show across files (a fact derived elsewhere, an exception to a
rule in another file, a parameter a municipality sets). The copy is deleted afterwards; the
service's own rules are never touched.

Uploaded YAML is untrusted: before the position-keeping loader walks it, a cheap pass refuses
alias "bombs" (a few lines that expand to billions of nodes) and nesting too deep to walk.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import yaml

from api.models import Validatiefout, Validatieresultaat
from engine.rulebase import MUNICIPAL_DIR, Issue, parse_rulebase
from engine.validation import check_rulebase

#: `40_toegang.yaml` or `gemeenten/voorbeeldstad.yaml`; nothing that could leave the directory.
BESTAND_PATTERN = r"^(gemeenten/)?[A-Za-z0-9][A-Za-z0-9_.-]{0,99}\.ya?ml$"
_BESTAND = re.compile(BESTAND_PATTERN)
#: Far above any real rule file (hundreds of rules are a few thousand nodes).
MAX_NODES = 200_000


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def expanded_size(root: yaml.Node, limit: int = MAX_NODES) -> int:
    """Nodes after expanding every alias (stops counting past `limit`; a cycle counts as too many)."""
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            on_path.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            if sizes[key] > limit:
                return sizes[key]
            continue
        if key in sizes:
            continue
        if key in on_path:
            return limit + 1
        on_path.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)
    return sizes[id(root)]


def _untrusted_yaml_problem(raw: bytes) -> str | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None  # the real loader reports this with the file name
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except RecursionError:
        return "the YAML is nested too deeply"
    except yaml.YAMLError:
        return None  # the real loader reports the syntax error with its line
    if root is not None and expanded_size(root) > MAX_NODES:
        return f"the YAML expands to more than {MAX_NODES} nodes (aliases); refused"
    return None


def _copy_rules(source: Path, target: Path) -> None:
    target.mkdir(parents=True)
    for directory, into in ((source, target), (source / MUNICIPAL_DIR, target / MUNICIPAL_DIR)):
        if not directory.is_dir():
            continue
        into.mkdir(exist_ok=True)
        for path in directory.iterdir():
            if path.is_file() and path.suffix in (".yaml", ".yml"):
                shutil.copyfile(path, into / path.name)


def check_upload(rules_dir: Path, bestand: str, raw: bytes) -> Validatieresultaat:
    """Every validation error of the rule set with `raw` as `bestand`; nothing is published."""
    if not _BESTAND.match(bestand):
        raise ValueError(bestand)
    name = rules_dir.resolve().name or "rules"
    shown = f"{name}/{bestand}"
    problem = _untrusted_yaml_problem(raw)
    issues: list[Issue]
    if problem is not None:
        issues = [Issue(shown, 1, "-", problem)]
    else:
        with tempfile.TemporaryDirectory(prefix="reikwijdte-validatie-") as tmp:
            root = Path(tmp) / name
            _copy_rules(rules_dir, root)
            (root / bestand).parent.mkdir(exist_ok=True)
            (root / bestand).write_bytes(raw)
            try:
                base, issues = parse_rulebase(root)
                if base is not None:
                    issues = check_rulebase(base)
            except RecursionError:
                issues = [Issue(shown, 1, "-", "the rules are nested too deeply to check")]
    return Validatieresultaat(
        bestand=shown,
        geldig=not issues,
        fouten=[
            Validatiefout(bestand=i.file, regelnummer=i.line, regel_id=i.rule_id, melding=i.message)
            for i in sorted(set(issues))
        ],
    )
