"""Loading a rules directory into a validated rule base, or refusing it whole.

A policy maker's typo must never reach a family, so nothing is used until every file has been
checked: YAML syntax, the shape of each rule (pydantic), and what only the whole set can tell
(unknown facts, dangling references, overlapping validity, parameter types). Every error names
file, line and rule id; one error anywhere refuses the whole set.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from engine.rule_model import Erkenning, GemeenteBestand, Parameter, Regel, RegelBestand
from engine.yaml_source import SourceDocument, YamlSyntaxError, load_yaml

MUNICIPAL_DIR = "gemeenten"


@dataclass(frozen=True, order=True)
class Issue:
    """One validation error: `file:line: rule-id: message`."""

    file: str
    line: int
    rule_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.rule_id}: {self.message}"


class RuleSetError(Exception):
    """The rule set has errors and was refused whole."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = sorted(set(issues))
        super().__init__("\n".join(str(i) for i in self.issues))


@dataclass(frozen=True)
class LoadedRule:
    regel: Regel
    file: str
    line: int
    index: int  # position in its file's `regels` list

    @property
    def id(self) -> str:
        return self.regel.id


@dataclass(frozen=True)
class LoadedParameter:
    name: str
    spec: Parameter
    file: str
    line: int


@dataclass(frozen=True)
class Gemeente:
    code: str
    bestand: GemeenteBestand
    file: str


@dataclass(frozen=True)
class LoadedErkenning:
    """An acknowledgement (`erkenningen:`) with the place it was written, for reports and errors."""

    erkenning: Erkenning
    file: str
    line: int


@dataclass
class RuleBase:
    """A validated rule base: national rules and parameters, and municipal choices."""

    root: Path
    rules: list[LoadedRule]
    parameters: dict[str, LoadedParameter]
    gemeenten: dict[str, Gemeente]
    digest: str
    documents: dict[str, SourceDocument] = field(default_factory=dict, repr=False)
    erkenningen: list[LoadedErkenning] = field(default_factory=list)

    def rule_versions(self, rule_id: str) -> list[LoadedRule]:
        return [r for r in self.rules if r.id == rule_id]

    def parameter_values(self, gemeente: str | None) -> dict[str, Any]:
        """Parameter values for a municipality (national defaults where it sets nothing)."""
        values = {name: p.spec.standaard for name, p in self.parameters.items()}
        if gemeente is not None:
            bestand = self.gemeenten[gemeente].bestand
            values.update(bestand.parameters)
            if bestand.uitgesloten_hulpvormen and "uitgesloten_hulpvormen" in values:
                values["uitgesloten_hulpvormen"] = list(values["uitgesloten_hulpvormen"]) + [
                    u.naam for u in bestand.uitgesloten_hulpvormen
                ]
        return values


def _relative(path: Path, root: Path) -> str:
    """`rules/x.yaml` style names: the rules directory's own name plus the file's place in it."""
    return str(Path(root.name) / path.relative_to(root))


def _pydantic_issues(doc: SourceDocument, exc: ValidationError, name: str) -> list[Issue]:
    issues = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        rule_id = "-"
        if len(loc) >= 2 and loc[0] == "regels" and isinstance(loc[1], int):
            raw = doc.data.get("regels", []) if isinstance(doc.data, dict) else []
            if loc[1] < len(raw) and isinstance(raw[loc[1]], dict):
                rule_id = str(raw[loc[1]].get("id", f"regels[{loc[1]}]"))
        where = ".".join(str(p) for p in _strip_union_tags(loc))
        message = err["msg"]
        if err["type"] == "extra_forbidden":
            message = f"unknown key '{loc[-1]}'"
        elif err["type"] == "missing":
            message = f"missing required key '{loc[-1]}'"
        # Union errors repeat the location once per alternative; keep the path readable.
        issues.append(Issue(name, doc.line_of(_strip_union_tags(loc)), rule_id, f"{where}: {message}"))
    return issues


def _strip_union_tags(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(p for p in loc if not (isinstance(p, str) and ("[" in p or p in _UNION_TAGS)))


_UNION_TAGS = {"bool", "int", "float", "str", "list", "ParameterVerwijzing", "list[union[bool,int,float,str]]"}


def _parse(doc: SourceDocument, model: type[BaseModel], name: str) -> tuple[Any, list[Issue]]:
    issues = [Issue(name, line, "-", f"duplicate key '{loc[-1]}'") for loc, line in doc.duplicate_keys]
    if not isinstance(doc.data, dict):
        issues.append(Issue(name, doc.line_of(()), "-", "the file must hold a mapping (key: value) at the top"))
        return None, issues
    try:
        return model.model_validate(doc.data), issues
    except ValidationError as exc:
        return None, issues + _pydantic_issues(doc, exc, name)


def _yaml_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.is_file() and p.suffix in (".yaml", ".yml"))


def parse_rulebase(root: Path | str) -> tuple[RuleBase | None, list[Issue]]:
    """Read and shape-check every rule file under `root` (cross-file checks are separate)."""
    root = Path(root)
    if not root.is_dir():
        return None, [Issue(str(root), 1, "-", "rules directory does not exist")]
    issues: list[Issue] = []
    documents: dict[str, SourceDocument] = {}
    hasher = hashlib.sha256()
    national: list[tuple[str, SourceDocument, RegelBestand]] = []
    municipal: list[tuple[str, SourceDocument, GemeenteBestand]] = []

    files = [(p, False) for p in _yaml_files(root)]
    if (root / MUNICIPAL_DIR).is_dir():
        files += [(p, True) for p in _yaml_files(root / MUNICIPAL_DIR)]
    if not files:
        return None, [Issue(str(root), 1, "-", "no rule files (*.yaml) found")]
    for path, is_municipal in files:
        name = _relative(path, root)
        raw = path.read_bytes()
        hasher.update(name.encode() + b"\0" + raw + b"\0")
        try:
            doc = load_yaml(path, raw.decode("utf-8"))
        except UnicodeDecodeError:
            issues.append(Issue(name, 1, "-", "file is not UTF-8 text"))
            continue
        except YamlSyntaxError as exc:
            issues.append(Issue(name, exc.line, "-", exc.message))
            continue
        documents[name] = doc
        model = GemeenteBestand if is_municipal else RegelBestand
        parsed, found = _parse(doc, model, name)
        issues.extend(found)
        if parsed is not None:
            (municipal if is_municipal else national).append((name, doc, parsed))

    rules: list[LoadedRule] = []
    parameters: dict[str, LoadedParameter] = {}
    erkenningen: list[LoadedErkenning] = []
    for name, doc, bestand in national:
        for pname, spec in bestand.parameters.items():
            line = doc.line_of(("parameters", pname))
            if pname in parameters:
                other = parameters[pname]
                issues.append(
                    Issue(name, line, "-", f"parameter '{pname}' is also declared at {other.file}:{other.line}")
                )
                continue
            parameters[pname] = LoadedParameter(pname, spec, name, line)
        for index, regel in enumerate(bestand.regels):
            rules.append(LoadedRule(regel, name, doc.line_of(("regels", index)), index))
        for index, erkenning in enumerate(bestand.erkenningen):
            erkenningen.append(LoadedErkenning(erkenning, name, doc.line_of(("erkenningen", index))))

    gemeenten: dict[str, Gemeente] = {}
    for name, doc, gemeente_bestand in municipal:
        code = gemeente_bestand.gemeente.code
        if Path(name).stem != code:
            issues.append(
                Issue(
                    name,
                    doc.line_of(("gemeente", "code")),
                    "-",
                    f"file name must be {code}.yaml to match gemeente.code",
                )
            )
        if code in gemeenten:
            issues.append(
                Issue(
                    name,
                    doc.line_of(("gemeente", "code")),
                    "-",
                    f"gemeente '{code}' is also defined in {gemeenten[code].file}",
                )
            )
            continue
        gemeenten[code] = Gemeente(code, gemeente_bestand, name)

    if issues:
        return None, issues
    return RuleBase(root, rules, parameters, gemeenten, hasher.hexdigest()[:16], documents, erkenningen), []
