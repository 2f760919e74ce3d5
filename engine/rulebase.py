"""Loading a rules directory into a validated rule base, or refusing it whole.

A policy maker's typo must never reach a family, so nothing is used until every file has been
checked: YAML syntax, the shape of each rule (pydantic), and what only the whole set can tell
(unknown facts, dangling references, overlapping validity, parameter types). Every error names
file, line and rule id; one error anywhere refuses the whole set.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from engine.bronnen import EMPTY_REGISTER, REGISTER_FILE, BronnenBestand, Bronnenregister
from engine.parameters import Parameterstand, parameters_in_force
from engine.rule_model import Erkenning, GemeenteBestand, Parameter, Regel, RegelBestand, Vermoeden
from engine.schema_messages import schema_problems
from engine.yaml_source import SourceDocument, SourceError, read_source

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


@dataclass(frozen=True)
class LoadedVermoeden:
    """A presumption with the place it was written; `gemeente` is None for a national one."""

    vermoeden: Vermoeden
    file: str
    line: int
    index: int  # position in its file's `vermoedens` list
    gemeente: str | None = None

    @property
    def feit(self) -> str:
        return self.vermoeden.feit


@dataclass
class Unparsed:
    """Names that may live in parts that could not be read, so later checks stay quiet about them.

    `validate` reports every error in one run; a rule that failed its schema check is left out
    of the rule base, and a reference to it elsewhere is then no error of its own.
    """

    all_names: bool = False  # a national file could not be read at all: any name may live there
    rules: set[str] = field(default_factory=set)
    derived: set[str] = field(default_factory=set)
    parameters: set[str] = field(default_factory=set)
    gemeenten: set[str] = field(default_factory=set)
    any_rule: bool = False  # a rule without a readable id failed

    def hides_rule(self, rule_id: str) -> bool:
        return self.all_names or self.any_rule or rule_id in self.rules

    def hides_derived(self, name: str) -> bool:
        return self.all_names or self.any_rule or name in self.derived

    def hides_parameter(self, name: str) -> bool:
        return self.all_names or name in self.parameters

    def hides_gemeente(self, code: str) -> bool:
        return code in self.gemeenten

    def note_rule(self, raw: Any) -> None:
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
            self.any_rule = True
            return
        self.rules.add(raw["id"])
        dan = raw.get("dan")
        afleiden = dan.get("afleiden") if isinstance(dan, dict) else None
        if isinstance(afleiden, dict):
            self.derived |= {str(k) for k in afleiden}
        elif dan is not None:
            self.any_rule = True


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
    unparsed: Unparsed = field(default_factory=Unparsed)
    vermoedens: list[LoadedVermoeden] = field(default_factory=list)  # national and municipal
    bronnen: Bronnenregister = field(default_factory=Bronnenregister)  # the source register (rules/bronnen.yaml)
    #: The git commit the rule files were read from, when they are exactly that commit's
    #: (`engine.provenance`; set by `load_rulebase`, None for a directory outside git or with changes).
    commit: str | None = None

    def presumptions(self, gemeente: str | None) -> dict[str, LoadedVermoeden]:
        """The presumptions in force for a municipality, by fact: national ones, then its own
        (which add a presumption or override the national one for the same fact)."""
        found = {v.feit: v for v in self.vermoedens if v.gemeente is None}
        if gemeente is not None:
            found.update({v.feit: v for v in self.vermoedens if v.gemeente == gemeente})
        return found

    def rule_versions(self, rule_id: str) -> list[LoadedRule]:
        return [r for r in self.rules if r.id == rule_id]

    def parameters_on(self, gemeente: str | None, peildatum: dt.date) -> Parameterstand:
        """The parameter values in force for a municipality (None: national) on `peildatum`,
        resolved by `engine.parameters.parameters_in_force` (national values where it sets
        nothing, or where its dated values leave a gap)."""
        bestand = self.gemeenten[gemeente].bestand if gemeente is not None else None
        return parameters_in_force({n: p.spec for n, p in self.parameters.items()}, bestand, peildatum)

    def parameter_values(self, gemeente: str | None, peildatum: dt.date) -> dict[str, Any]:
        """Parameter values for a municipality on `peildatum` (see `parameters_on`)."""
        return self.parameters_on(gemeente, peildatum).values


def _relative(path: Path, root: Path) -> str:
    """`rules/x.yaml` style names: the rules directory's own name plus the file's place in it."""
    return str(Path(root.name) / path.relative_to(root))


def _rule_id(doc: SourceDocument, loc: tuple[Any, ...]) -> str:
    if len(loc) >= 2 and loc[0] == "regels" and isinstance(loc[1], int):
        raw = doc.data.get("regels", []) if isinstance(doc.data, dict) else []
        if isinstance(raw, list) and loc[1] < len(raw) and isinstance(raw[loc[1]], dict):
            return str(raw[loc[1]].get("id", f"regels[{loc[1]}]"))
    return "-"


def _schema_issues(
    doc: SourceDocument, exc: ValidationError, model: type[BaseModel], name: str, prefix: tuple[Any, ...] = ()
) -> list[Issue]:
    return [
        Issue(name, p.line, _rule_id(doc, p.loc), f"{p.where}: {p.message}")
        for p in schema_problems(doc, exc, model, prefix)
    ]


@dataclass
class _NationalParts:
    """What of one national file passed its schema, with each rule's place in the file."""

    name: str
    doc: SourceDocument
    rules: list[tuple[int, Regel]]
    parameters: dict[str, Parameter]
    erkenningen: list[tuple[int, Erkenning]]
    vermoedens: list[tuple[int, Vermoeden]] = field(default_factory=list)


def _national_parts(doc: SourceDocument, name: str, gaps: Unparsed) -> tuple[_NationalParts, list[Issue]]:
    """Validate a national file piece by piece: the errors of the whole, and the pieces that hold."""
    issues = [
        Issue(name, line, "-", f"sleutel '{loc[-1]}' staat twee keer in het blok") for loc, line in doc.duplicate_keys
    ]
    parts = _NationalParts(name, doc, [], {}, [])
    data = doc.data
    if not isinstance(data, dict):
        issues.append(
            Issue(name, doc.line_of(()), "-", "het bestand moet bovenaan een blok 'sleutel: waarde' bevatten")
        )
        gaps.all_names = True
        return parts, issues
    try:
        bestand = RegelBestand.model_validate(data)
    except ValidationError as exc:
        issues += _schema_issues(doc, exc, RegelBestand, name)
    else:
        parts.rules = list(enumerate(bestand.regels))
        parts.parameters = dict(bestand.parameters)
        parts.erkenningen = list(enumerate(bestand.erkenningen))
        parts.vermoedens = list(enumerate(bestand.vermoedens))
        return parts, issues
    raw_rules, raw_params, raw_erk = data.get("regels", []), data.get("parameters", {}), data.get("erkenningen", [])
    if isinstance(raw_rules, list):
        for index, raw in enumerate(raw_rules):
            try:
                parts.rules.append((index, Regel.model_validate(raw)))
            except ValidationError:
                gaps.note_rule(raw)
    else:
        gaps.any_rule = True
    if isinstance(raw_params, dict):
        for pname, raw in raw_params.items():
            try:
                parts.parameters[str(pname)] = Parameter.model_validate(raw)
            except ValidationError:
                gaps.parameters.add(str(pname))
    else:
        gaps.all_names = True
    if isinstance(raw_erk, list):
        for index, raw in enumerate(raw_erk):
            with contextlib.suppress(ValidationError):
                parts.erkenningen.append((index, Erkenning.model_validate(raw)))
    raw_vermoedens = data.get("vermoedens", [])
    if isinstance(raw_vermoedens, list):
        for index, raw in enumerate(raw_vermoedens):
            with contextlib.suppress(ValidationError):
                parts.vermoedens.append((index, Vermoeden.model_validate(raw)))
    return parts, issues


def _municipal_file(doc: SourceDocument, name: str, gaps: Unparsed) -> tuple[GemeenteBestand | None, list[Issue]]:
    issues = [
        Issue(name, line, "-", f"sleutel '{loc[-1]}' staat twee keer in het blok") for loc, line in doc.duplicate_keys
    ]
    gaps.gemeenten.add(Path(name).stem)
    if not isinstance(doc.data, dict):
        issues.append(
            Issue(name, doc.line_of(()), "-", "het bestand moet bovenaan een blok 'sleutel: waarde' bevatten")
        )
        return None, issues
    info = doc.data.get("gemeente")
    if isinstance(info, dict) and isinstance(info.get("code"), str):
        gaps.gemeenten.add(info["code"])
    try:
        return GemeenteBestand.model_validate(doc.data), issues
    except ValidationError as exc:
        return None, issues + _schema_issues(doc, exc, GemeenteBestand, name)


def _yaml_files(directory: Path) -> list[Path]:
    """Every `*.yaml`/`*.yml` entry, also those that are not regular files: the reader reports them.
    The source register is not a rule file; `_register` reads it."""
    return sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml") and p.name != REGISTER_FILE)


def _register(
    root: Path, fallback: Bronnenregister | None
) -> tuple[Bronnenregister, SourceDocument | None, list[Issue]]:
    """The directory's source register; without one, `fallback` (the leefwereldtoets lends the
    current register to the rules of an earlier revision), else an empty register."""
    path = root / REGISTER_FILE
    if not path.exists() and not path.is_symlink():
        return (fallback.lent() if fallback is not None else EMPTY_REGISTER), None, []
    name = _relative(path, root)
    try:
        doc = read_source(path)
    except SourceError as exc:
        return Bronnenregister(file=name, onleesbaar=True), None, [Issue(name, exc.line, "-", exc.message)]
    issues = [
        Issue(name, line, "-", f"sleutel '{loc[-1]}' staat twee keer in het blok") for loc, line in doc.duplicate_keys
    ]
    try:
        bestand = BronnenBestand.model_validate(doc.data if doc.data is not None else {})
    except ValidationError as exc:
        return (
            Bronnenregister(file=name, onleesbaar=True),
            doc,
            issues + _schema_issues(doc, exc, BronnenBestand, name),
        )
    return Bronnenregister(bestand, name), doc, issues


def _canonical_sources(parts: _NationalParts, register: Bronnenregister) -> None:
    """Name every document by its register id, so a rule citing the file name (an earlier version)
    and the same rule citing the id are the same rule."""
    if not register.bestand.documenten:
        return
    parts.rules = [(i, r.model_copy(update={"bron": register.canonical(r.bron)})) for i, r in parts.rules]
    parts.parameters = {
        k: p.model_copy(update={"bron": register.canonical(p.bron)}) for k, p in parts.parameters.items()
    }
    parts.vermoedens = [(i, v.model_copy(update={"bron": register.canonical(v.bron)})) for i, v in parts.vermoedens]


def parse_rulebase(root: Path | str, bronnen: Bronnenregister | None = None) -> tuple[RuleBase | None, list[Issue]]:
    """Read and shape-check every rule file under `root` (cross-file checks are separate).

    The rule base holds every part that passed its schema check, also when other parts failed,
    so the cross-file checks can still report their own errors in the same run; `unparsed` says
    which names the failed parts may hold. It is `None` only when there is nothing to read.
    `bronnen` is the source register to use when `root` has none (see `_register`).
    """
    root = Path(root)
    if not root.is_dir():
        return None, [Issue(str(root), 1, "-", "de map met regels bestaat niet")]
    issues: list[Issue] = []
    documents: dict[str, SourceDocument] = {}
    hasher = hashlib.sha256()
    gaps = Unparsed()
    national: list[_NationalParts] = []
    municipal: list[tuple[str, SourceDocument, GemeenteBestand]] = []

    files = [(p, False) for p in _yaml_files(root)]
    if (root / MUNICIPAL_DIR).is_dir():
        files += [(p, True) for p in _yaml_files(root / MUNICIPAL_DIR)]
    if not files:
        return None, [Issue(str(root), 1, "-", "geen regelbestanden (*.yaml) gevonden")]
    register, register_doc, register_issues = _register(root, bronnen)
    issues.extend(register_issues)
    if register_doc is not None and register.file is not None:
        # Titles show in every assessment, so the register is part of the rule set's version.
        hasher.update(register.file.encode() + b"\0" + register_doc.raw + b"\0")
        documents[register.file] = register_doc
    for path, is_municipal in files:
        name = _relative(path, root)
        try:
            doc = read_source(path)
        except SourceError as exc:
            issues.append(Issue(name, exc.line, "-", exc.message))
            if is_municipal:
                gaps.gemeenten.add(path.stem)
            else:
                gaps.all_names = True
            continue
        hasher.update(name.encode() + b"\0" + doc.raw + b"\0")
        documents[name] = doc
        if is_municipal:
            parsed, found = _municipal_file(doc, name, gaps)
            issues.extend(found)
            if parsed is not None:
                municipal.append((name, doc, parsed))
        else:
            parts, found = _national_parts(doc, name, gaps)
            issues.extend(found)
            national.append(parts)

    rules: list[LoadedRule] = []
    parameters: dict[str, LoadedParameter] = {}
    erkenningen: list[LoadedErkenning] = []
    vermoedens: list[LoadedVermoeden] = []
    for parts in national:
        _canonical_sources(parts, register)
        name, doc = parts.name, parts.doc
        for index, vermoeden in parts.vermoedens:
            vermoedens.append(LoadedVermoeden(vermoeden, name, doc.line_of(("vermoedens", index)), index))
        for pname, spec in parts.parameters.items():
            line = doc.line_of(("parameters", pname))
            if pname in parameters:
                other = parameters[pname]
                issues.append(
                    Issue(name, line, "-", f"parameter '{pname}' is ook al gedeclareerd in {other.file}:{other.line}")
                )
                continue
            parameters[pname] = LoadedParameter(pname, spec, name, line)
        for index, regel in parts.rules:
            rules.append(LoadedRule(regel, name, doc.line_of(("regels", index)), index))
        for index, erkenning in parts.erkenningen:
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
                    f"het bestand moet {code}.yaml heten, gelijk aan gemeente.code",
                )
            )
        if code in gemeenten:
            issues.append(
                Issue(
                    name,
                    doc.line_of(("gemeente", "code")),
                    "-",
                    f"gemeente '{code}' staat ook al in {gemeenten[code].file}",
                )
            )
            continue
        gemeenten[code] = Gemeente(code, gemeente_bestand, name)
        for index, vermoeden in enumerate(gemeente_bestand.vermoedens):
            vermoedens.append(LoadedVermoeden(vermoeden, name, doc.line_of(("vermoedens", index)), index, code))

    digest = hasher.hexdigest()[:16]
    base = RuleBase(
        root, rules, parameters, gemeenten, digest, documents, erkenningen, gaps, vermoedens, bronnen=register
    )
    return base, issues
