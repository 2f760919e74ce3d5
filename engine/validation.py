"""Checks that need the whole rule base: names, references, types and validity periods.

Each check reports the file and line of the offending key, so a policy maker can go straight
to it. Derived facts are declared by being concluded: a rule may only test `afgeleid.x` if some
rule derives `x`, and all rules deriving `x` must agree on its type.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from engine.facts import (
    DERIVED,
    OUTCOME,
    OUTCOME_FACTS,
    PARAMETER,
    FactType,
    flatten_outcome,
    full_vocabulary,
    scalar_kind,
)
from engine.rule_model import Conditie, ParameterVerwijzing
from engine.rulebase import Issue, LoadedParameter, LoadedRule, RuleBase

PARAMETER_KINDS = {"getal": ("int", "float"), "ja_nee": ("bool",), "tekst": ("str", "enum"), "lijst": ()}
_TEMPLATE_FIELD = re.compile(r"\{([a-z_][a-z0-9_.]*)\}")
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


class _Checker:
    def __init__(self, base: RuleBase) -> None:
        self.base = base
        self.issues: list[Issue] = []
        self.vocab = full_vocabulary(base.rules)

    def add(self, loaded: LoadedRule, loc: tuple[Any, ...], message: str) -> None:
        doc = self.base.documents[loaded.file]
        line = doc.line_of(("regels", loaded.index) + loc)
        self.issues.append(Issue(loaded.file, line, loaded.id, message))

    # -- parameters -------------------------------------------------------------------------
    def parameter_value_problem(self, spec: LoadedParameter, value: Any) -> str | None:
        kind = spec.spec.type
        if kind == "getal" and (isinstance(value, bool) or not isinstance(value, (int, float))):
            return f"parameter '{spec.name}' takes a number, got {value!r}"
        if kind == "ja_nee" and not isinstance(value, bool):
            return f"parameter '{spec.name}' takes true or false, got {value!r}"
        if kind == "tekst" and not isinstance(value, str):
            return f"parameter '{spec.name}' takes text, got {value!r}"
        if kind == "lijst" and not (isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value)):
            return f"parameter '{spec.name}' takes a list, got {value!r}"
        allowed = spec.spec.waarden
        if allowed is not None:
            members = value if isinstance(value, list) else [value]
            wrong = [m for m in members if m not in allowed or isinstance(m, bool)]
            if wrong:
                shown = ", ".join(map(str, allowed))
                return f"parameter '{spec.name}' allows {shown}; not {', '.join(map(str, wrong))}"
        return None

    def check_parameters(self) -> None:
        for spec in self.base.parameters.values():
            if not _NAME.match(spec.name):
                self.issues.append(Issue(spec.file, spec.line, "-", f"parameter name '{spec.name}' must be lower_case"))
            problem = self.parameter_value_problem(spec, spec.spec.standaard)
            if problem:
                doc = self.base.documents[spec.file]
                line = doc.line_of(("parameters", spec.name, "standaard"))
                self.issues.append(Issue(spec.file, line, "-", f"standaard: {problem}"))
        for gemeente in self.base.gemeenten.values():
            doc = self.base.documents[gemeente.file]
            for name, value in gemeente.bestand.parameters.items():
                line = doc.line_of(("parameters", name))
                declared = self.base.parameters.get(name)
                if declared is None:
                    self.issues.append(Issue(gemeente.file, line, "-", f"unknown parameter '{name}'"))
                elif not declared.spec.gemeentelijk:
                    self.issues.append(
                        Issue(gemeente.file, line, "-", f"parameter '{name}' is national; a municipality cannot set it")
                    )
                else:
                    problem = self.parameter_value_problem(declared, value)
                    if problem:
                        self.issues.append(Issue(gemeente.file, line, "-", problem))
            if gemeente.bestand.uitgesloten_hulpvormen and "uitgesloten_hulpvormen" not in self.base.parameters:
                line = doc.line_of(("uitgesloten_hulpvormen",))
                self.issues.append(
                    Issue(
                        gemeente.file,
                        line,
                        "-",
                        "no national parameter 'uitgesloten_hulpvormen' is declared to receive these exclusions",
                    )
                )

    # -- rule ids and periods ---------------------------------------------------------------
    def check_ids(self) -> None:
        by_id: dict[str, list[LoadedRule]] = defaultdict(list)
        for loaded in self.base.rules:
            by_id[loaded.id].append(loaded)
        for _rule_id, versions in by_id.items():
            ordered = sorted(versions, key=lambda r: r.regel.geldig_vanaf)
            for earlier, later in zip(ordered, ordered[1:], strict=False):
                end = earlier.regel.geldig_tot
                if end is None or end >= later.regel.geldig_vanaf:
                    self.add(
                        later,
                        ("id",),
                        f"duplicate id: validity overlaps the version at {earlier.file}:{earlier.line}"
                        " (give each version of a rule its own period with geldig_vanaf/geldig_tot)",
                    )
        for loaded in self.base.rules:
            for position, target in enumerate(loaded.regel.uitzondering_op):
                if target == loaded.id:
                    self.add(loaded, ("uitzondering_op", position), "a rule cannot be an exception to itself")
                elif target not in by_id:
                    self.add(loaded, ("uitzondering_op", position), f"uitzondering_op names unknown rule '{target}'")
        self._check_override_cycles(by_id)

    def _check_override_cycles(self, by_id: dict[str, list[LoadedRule]]) -> None:
        edges = {
            rid: {t for v in versions for t in v.regel.uitzondering_op if t in by_id} for rid, versions in by_id.items()
        }
        state: dict[str, int] = {}

        def visit(node: str, trail: list[str]) -> None:
            state[node] = 1
            for nxt in sorted(edges[node]):
                if state.get(nxt) == 1:
                    cycle = trail[trail.index(nxt) :] + [nxt] if nxt in trail else [node, nxt]
                    self.add(by_id[node][0], ("uitzondering_op",), f"exceptions form a cycle: {' -> '.join(cycle)}")
                elif nxt not in state:
                    visit(nxt, trail + [nxt])
            state[node] = 2

        for rid in sorted(edges):
            if rid not in state:
                visit(rid, [rid])

    # -- conditions -------------------------------------------------------------------------
    def check_condition(self, loaded: LoadedRule, cond: Conditie, loc: tuple[Any, ...]) -> None:
        for combo in ("alle", "een_van"):
            items = getattr(cond, combo)
            if items is not None:
                for i, item in enumerate(items):
                    self.check_condition(loaded, item, loc + (combo, i))
                return
        if cond.niet is not None:
            self.check_condition(loaded, cond.niet, loc + ("niet",))
            return
        path = cond.feit or ""
        op = cond.operator
        operand = cond.operand(op)
        if path.startswith(PARAMETER + "."):
            name = path.split(".", 1)[1]
            spec = self.base.parameters.get(name)
            if spec is None:
                self.add(loaded, loc + ("feit",), f"unknown parameter '{name}'")
            else:
                problem = _parameter_fact_problem(spec, op, operand)
                if problem:
                    self.add(loaded, loc + (op,), problem)
            return
        ft = self.vocab.get(path)
        if ft is None:
            hint = ""
            if path.startswith(DERIVED + "."):
                hint = " (no rule derives it under dan.afleiden)"
            self.add(loaded, loc + ("feit",), f"unknown fact '{path}'{hint}")
            return
        if op in ("bekend", "onbekend"):
            if path.split(".")[0] in (DERIVED, OUTCOME):
                self.add(
                    loaded,
                    loc + (op,),
                    f"'{op}' may only test case facts, not '{path}' (a derived fact can still become known)",
                )
            return
        if isinstance(operand, ParameterVerwijzing):
            self._check_parameter_operand(loaded, loc + (op,), op, ft, operand.parameter, path)
            return
        problem = _operand_problem(op, operand, ft, path)
        if problem:
            self.add(loaded, loc + (op,), problem)

    def _check_parameter_operand(
        self, loaded: LoadedRule, loc: tuple[Any, ...], op: str, ft: FactType, name: str, path: str
    ) -> None:
        spec = self.base.parameters.get(name)
        if spec is None:
            self.add(loaded, loc, f"unknown parameter '{name}'")
            return
        ptype = spec.spec.type
        if op in ("in", "niet_in"):
            if ptype != "lijst":
                self.add(loaded, loc, f"'{op}' needs a list parameter; '{name}' is {ptype}")
        elif op in ("groter_dan", "kleiner_dan", "minimaal", "maximaal"):
            if ptype != "getal" or ft.kind not in ("int", "float"):
                self.add(loaded, loc, f"'{op}' compares numbers; '{path}' is {ft.kind} and '{name}' is {ptype}")
        elif ft.kind not in PARAMETER_KINDS.get(ptype, ()):
            self.add(loaded, loc, f"parameter '{name}' ({ptype}) cannot be compared with '{path}' ({ft.describe()})")

    # -- conclusions ------------------------------------------------------------------------
    def check_conclusions(self, loaded: LoadedRule, derived_types: dict[str, tuple[str, LoadedRule]]) -> None:
        regel = loaded.regel
        for name, value in regel.dan.afleiden.items():
            if not _NAME.match(name):
                self.add(loaded, ("dan", "afleiden", name), f"derived fact name '{name}' must be lower_case")
            kind = scalar_kind(value)
            first = derived_types.setdefault(name, (kind, loaded))
            if first[0] != kind:
                other = first[1]
                self.add(
                    loaded,
                    ("dan", "afleiden", name),
                    f"'{name}' is derived as {kind} here but as {first[0]} by {other.id} ({other.file}:{other.line})",
                )
        for name, value, subloc in flatten_outcome(regel.dan.uitkomst):
            loc = ("dan", "uitkomst") + subloc
            ft = OUTCOME_FACTS.get(name)
            if ft is None:
                self.add(loaded, loc, f"unknown outcome field '{name}' (known: {', '.join(OUTCOME_FACTS)})")
                continue
            if ft.kind == "list":
                members = value if isinstance(value, list) else [value]
                wrong = [m for m in members if not ft.accepts(m)]
                if wrong or not members:
                    self.add(loaded, loc, f"'{name}' takes members of: {', '.join(ft.values)}; got {value!r}")
            elif not ft.accepts(value):
                self.add(loaded, loc, f"'{name}' takes {ft.describe()}; got {value!r}")
        if regel.motivering:
            for match in _TEMPLATE_FIELD.finditer(regel.motivering):
                ref = match.group(1)
                if ref.startswith(PARAMETER + "."):
                    if ref.split(".", 1)[1] not in self.base.parameters:
                        self.add(loaded, ("motivering",), f"motivering refers to unknown parameter '{ref}'")
                elif ref not in self.vocab:
                    self.add(loaded, ("motivering",), f"motivering refers to unknown fact '{ref}'")

    # -- acknowledgements (erkenningen) for the leefwereldtoets -----------------------------
    def check_erkenningen(self) -> None:
        """An acknowledgement must name an existing rule (and municipality), or it excuses nothing."""
        ids = {r.id for r in self.base.rules}
        for loaded in self.base.erkenningen:
            e = loaded.erkenning
            label = f"erkenning {e.persona}"
            if e.regel not in ids:
                self.issues.append(Issue(loaded.file, loaded.line, e.regel, f"{label}: unknown rule '{e.regel}'"))
            if e.gemeente is not None and e.gemeente not in self.base.gemeenten:
                self.issues.append(
                    Issue(loaded.file, loaded.line, e.regel, f"{label}: unknown gemeente '{e.gemeente}'")
                )

    def run(self) -> list[Issue]:
        self.check_parameters()
        self.check_ids()
        self.check_erkenningen()
        derived_types: dict[str, tuple[str, LoadedRule]] = {}
        for loaded in self.base.rules:
            self.check_condition(loaded, loaded.regel.als, ("als",))
            self.check_conclusions(loaded, derived_types)
        return self.issues


def _operand_problem(op: str, operand: Any, ft: FactType, path: str) -> str | None:
    if op == "bevat":
        if ft.kind != "list":
            return f"'bevat' tests a list; '{path}' is {ft.describe()}"
        if operand not in ft.values:
            return f"'{path}' has no member '{operand}' (members: {', '.join(ft.values)})"
        return None
    if ft.kind == "list":
        return f"'{path}' is a list; test it with 'bevat'"
    if op in ("groter_dan", "kleiner_dan", "minimaal", "maximaal"):
        if ft.kind not in ("int", "float"):
            return f"'{op}' compares numbers; '{path}' is {ft.describe()}"
        return None
    values = operand if op in ("in", "niet_in") else [operand]
    for value in values:
        if not ft.accepts(value):
            return f"'{path}' takes {ft.describe()}; {value!r} does not fit"
    return None


_PARAMETER_FACT_OPS = {
    "getal": ("is", "is_niet", "groter_dan", "kleiner_dan", "minimaal", "maximaal", "in", "niet_in"),
    "ja_nee": ("is", "is_niet"),
    "tekst": ("is", "is_niet", "in", "niet_in"),
    "lijst": ("bevat",),
}


def _parameter_fact_problem(spec: LoadedParameter, op: str, operand: Any) -> str | None:
    """A parameter tested like a fact (`feit: parameter.x`): the operator must fit its type."""
    ptype = spec.spec.type
    if op not in _PARAMETER_FACT_OPS[ptype]:
        return f"operator '{op}' does not fit parameter '{spec.name}' ({ptype})"
    if isinstance(operand, ParameterVerwijzing):
        return "compare a parameter with a value, not with another parameter"
    expected = {"getal": ("int", "float"), "ja_nee": ("bool",), "tekst": ("str",), "lijst": ("str",)}[ptype]
    values = operand if op in ("in", "niet_in") else [operand]
    for value in values:
        kind = scalar_kind(value)
        if kind == "float" and "int" in expected:
            continue
        if kind not in expected:
            return f"parameter '{spec.name}' ({ptype}) cannot be compared with {value!r}"
    return None


def check_rulebase(base: RuleBase) -> list[Issue]:
    return _Checker(base).run()
