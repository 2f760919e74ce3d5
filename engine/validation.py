"""Checks that need the whole rule base: names, references, types and validity periods.

Each check reports the file and line of the offending key, so a policy maker can go straight
to it. Derived facts are declared by being concluded: a rule may only test `afgeleid.x` if some
rule derives `x`, and all rules deriving `x` must agree on its type.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Any

from engine.case import NIET_UIT_TE_SLUITEN_HULPVORMEN, Hulpvorm
from engine.facts import (
    CASE_FACTS,
    DERIVED,
    OUTCOME,
    OUTCOME_FACTS,
    PARAMETER,
    FactType,
    flatten_outcome,
    full_vocabulary,
    scalar_kind,
)
from engine.rule_model import Conditie, GedateerdeWaarde, ParameterPeriode, ParameterVerwijzing, UitgeslotenHulpvorm
from engine.rulebase import Issue, LoadedParameter, LoadedRule, LoadedVermoeden, RuleBase
from engine.schema_messages import suggestion
from engine.source_checks import check_sources

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
            return f"parameter '{spec.name}' is een getal; {value!r} is dat niet"
        if kind == "ja_nee" and not isinstance(value, bool):
            return f"parameter '{spec.name}' is ja/nee (true of false); {value!r} is dat niet"
        if kind == "tekst" and not isinstance(value, str):
            return f"parameter '{spec.name}' is tekst; {value!r} is dat niet"
        if kind == "lijst" and not (isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value)):
            return f"parameter '{spec.name}' is een lijst; {value!r} is dat niet"
        allowed = spec.spec.waarden
        if allowed is not None:
            members = value if isinstance(value, list) else [value]
            wrong = [m for m in members if m not in allowed or isinstance(m, bool)]
            if wrong:
                shown = ", ".join(map(str, allowed))
                hint = suggestion(wrong[0], allowed)
                return f"parameter '{spec.name}' kent alleen {shown}; niet {', '.join(map(str, wrong))}{hint}"
        return None

    def check_parameters(self) -> None:
        for spec in self.base.parameters.values():
            if not _NAME.match(spec.name):
                self.issues.append(
                    Issue(
                        spec.file, spec.line, "-", f"parameternaam '{spec.name}' moet in kleine letters (a-z, 0-9, _)"
                    )
                )
            doc = self.base.documents[spec.file]
            if spec.spec.has_standaard:
                problem = self.parameter_value_problem(spec, spec.spec.standaard)
                if problem:
                    line = doc.line_of(("parameters", spec.name, "standaard"))
                    self.issues.append(Issue(spec.file, line, "-", f"standaard: {problem}"))
            if spec.spec.perioden is not None:
                self.check_periods(spec, spec.file, doc, ("parameters", spec.name), spec.spec.perioden)
                if not spec.spec.has_standaard:
                    self.check_coverage(spec)
        for gemeente in self.base.gemeenten.values():
            doc = self.base.documents[gemeente.file]
            for name, value in gemeente.bestand.parameters.items():
                line = doc.line_of(("parameters", name))
                declared = self.base.parameters.get(name)
                if declared is None:
                    if not self.base.unparsed.hides_parameter(name):
                        hint = suggestion(name, self.base.parameters)
                        self.issues.append(Issue(gemeente.file, line, "-", f"onbekende parameter '{name}'{hint}"))
                elif not declared.spec.gemeentelijk:
                    self.issues.append(
                        Issue(
                            gemeente.file,
                            line,
                            "-",
                            f"parameter '{name}' is landelijk; een gemeente kan hem niet instellen",
                        )
                    )
                elif isinstance(value, GedateerdeWaarde):
                    self.check_periods(declared, gemeente.file, doc, ("parameters", name), value.perioden)
                else:
                    problem = self.parameter_value_problem(declared, value)
                    if problem:
                        self.issues.append(Issue(gemeente.file, line, "-", problem))
            self.check_named_exclusions(gemeente.file, doc, gemeente.bestand.uitgesloten_hulpvormen)
            if (
                gemeente.bestand.uitgesloten_hulpvormen
                and "uitgesloten_hulpvormen" not in self.base.parameters
                and not self.base.unparsed.hides_parameter("uitgesloten_hulpvormen")
            ):
                line = doc.line_of(("uitgesloten_hulpvormen",))
                self.issues.append(
                    Issue(
                        gemeente.file,
                        line,
                        "-",
                        "er is geen landelijke parameter 'uitgesloten_hulpvormen' die deze uitsluitingen ontvangt",
                    )
                )

    def check_periods(
        self, spec: LoadedParameter, file: str, doc: Any, loc: tuple[Any, ...], perioden: list[ParameterPeriode]
    ) -> None:
        """Each dated value fits the parameter's type, and no two periods overlap (file:line of both)."""
        for i, periode in enumerate(perioden):
            problem = self.parameter_value_problem(spec, periode.waarde)
            if problem:
                line = doc.line_of(loc + ("perioden", i, "waarde"))
                self.issues.append(Issue(file, line, "-", f"perioden: {problem}"))
        ordered = sorted(enumerate(perioden), key=lambda item: item[1].geldig_vanaf)
        for (i, earlier), (j, later) in zip(ordered, ordered[1:], strict=False):
            if earlier.geldig_tot is None or earlier.geldig_tot >= later.geldig_vanaf:
                other = doc.line_of(loc + ("perioden", i))
                line = doc.line_of(loc + ("perioden", j, "geldig_vanaf"))
                until = f"tot en met {earlier.geldig_tot}" if earlier.geldig_tot else "zonder einddatum"
                self.issues.append(
                    Issue(
                        file,
                        line,
                        "-",
                        f"parameter '{spec.name}': de periode vanaf {later.geldig_vanaf} overlapt met de periode "
                        f"in {file}:{other} (vanaf {earlier.geldig_vanaf}, {until}); "
                        "laat elke periode eindigen (geldig_tot) voor de volgende begint",
                    )
                )

    def check_coverage(self, spec: LoadedParameter) -> None:
        """A national parameter without a standard needs a value on every day that rules are in force."""
        perioden = spec.spec.perioden or []
        days = {r.regel.geldig_vanaf for r in self.base.rules}
        days |= {r.regel.geldig_tot + dt.timedelta(days=1) for r in self.base.rules if r.regel.geldig_tot}
        days |= {p.geldig_tot + dt.timedelta(days=1) for p in perioden if p.geldig_tot}
        for day in sorted(days):
            in_force = any(r.regel.valid_on(day) for r in self.base.rules)
            if in_force and not any(p.valid_on(day) for p in perioden):
                line = self.base.documents[spec.file].line_of(("parameters", spec.name, "perioden"))
                self.issues.append(
                    Issue(
                        spec.file,
                        line,
                        "-",
                        f"parameter '{spec.name}' heeft geen waarde op {day} (dan gelden er regels); "
                        "geef een periode die die dag dekt, of een 'standaard' voor de dagen zonder periode",
                    )
                )
                return

    def check_named_exclusions(self, file: str, doc: Any, entries: list[UitgeslotenHulpvorm]) -> None:
        """A named exclusion is a kind of help from the fixed list (004 r. 3167-3169), never free text."""
        allowed = [h.value for h in Hulpvorm if h.value not in NIET_UIT_TE_SLUITEN_HULPVORMEN]
        for i, entry in enumerate(entries):
            key = "hulpvorm" if entry.hulpvorm is not None else "naam"
            if entry.waarde not in allowed:
                line = doc.line_of(("uitgesloten_hulpvormen", i, key))
                hint = suggestion(entry.waarde, allowed)
                self.issues.append(
                    Issue(
                        file,
                        line,
                        "-",
                        f"uitgesloten_hulpvormen: '{entry.waarde}' staat niet in de vaste lijst van soorten hulp "
                        f"die een verordening bij naam kan uitsluiten (hulpvraag.hulpvorm){hint}; "
                        f"kies uit: {', '.join(allowed)}",
                    )
                )

    def check_declined(self) -> None:
        """A municipality may decline a proposal, never the law (Jeugdwet art. 1.2 and the like)."""
        known = {r.id: r for r in self.base.rules}
        for gemeente in self.base.gemeenten.values():
            doc = self.base.documents[gemeente.file]
            for i, entry in enumerate(gemeente.bestand.niet_gevolgde_voorstellen):
                line = doc.line_of(("niet_gevolgde_voorstellen", i, "regel"))
                rule = known.get(entry.regel)
                if rule is None:
                    self.issues.append(Issue(gemeente.file, line, entry.regel, "onbekende regel; niet te weigeren"))
                elif rule.regel.bron.status in ("wet", "jurisprudentie"):
                    self.issues.append(
                        Issue(
                            gemeente.file,
                            line,
                            entry.regel,
                            "deze regel berust op de wet"
                            + (f" ({rule.regel.bron.artikel})" if rule.regel.bron.artikel else "")
                            + "; een gemeente kan alleen een voorstel niet volgen, geen wettelijke regel",
                        )
                    )
            if gemeente.bestand.niet_gevolgde_voorstellen and "niet_gevolgde_voorstellen" not in self.base.parameters:
                line = doc.line_of(("niet_gevolgde_voorstellen",))
                self.issues.append(
                    Issue(gemeente.file, line, "-", "er is geen landelijke parameter 'niet_gevolgde_voorstellen'")
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
                        f"dubbele id: de geldigheid overlapt met de versie in {earlier.file}:{earlier.line}"
                        " (geef elke versie van een regel een eigen periode met geldig_vanaf/geldig_tot)",
                    )
        for loaded in self.base.rules:
            for position, target in enumerate(loaded.regel.uitzondering_op):
                if target == loaded.id:
                    self.add(loaded, ("uitzondering_op", position), "een regel kan geen uitzondering op zichzelf zijn")
                elif target not in by_id and not self.base.unparsed.hides_rule(target):
                    hint = suggestion(target, by_id)
                    self.add(
                        loaded, ("uitzondering_op", position), f"uitzondering_op noemt onbekende regel '{target}'{hint}"
                    )
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
                    self.add(
                        by_id[node][0],
                        ("uitzondering_op",),
                        f"de uitzonderingen vormen een kring: {' -> '.join(cycle)}",
                    )
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
                if not self.base.unparsed.hides_parameter(name):
                    hint = suggestion(name, self.base.parameters)
                    self.add(loaded, loc + ("feit",), f"onbekende parameter '{name}'{hint}")
            else:
                problem = _parameter_fact_problem(spec, op, operand)
                if problem:
                    self.add(loaded, loc + (op,), problem)
            return
        ft = self.vocab.get(path)
        if ft is None:
            self._unknown_fact(loaded, loc + ("feit",), path, "onbekend feit")
            return
        if op in ("bekend", "onbekend"):
            if path.split(".")[0] in (DERIVED, OUTCOME):
                self.add(
                    loaded,
                    loc + (op,),
                    f"'{op}' mag alleen feiten van de casus toetsen, niet '{path}'"
                    " (een afgeleid feit kan nog bekend worden)",
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
            if not self.base.unparsed.hides_parameter(name):
                self.add(loaded, loc, f"onbekende parameter '{name}'{suggestion(name, self.base.parameters)}")
            return
        ptype = spec.spec.type
        if op in ("in", "niet_in"):
            if ptype != "lijst":
                self.add(loaded, loc, f"'{op}' vraagt een parameter van type lijst; '{name}' is {ptype}")
        elif op in ("groter_dan", "kleiner_dan", "minimaal", "maximaal"):
            if ptype != "getal" or ft.kind not in ("int", "float"):
                self.add(loaded, loc, f"'{op}' vergelijkt getallen; '{path}' is {ft.describe()} en '{name}' is {ptype}")
        elif ft.kind not in PARAMETER_KINDS.get(ptype, ()):
            self.add(loaded, loc, f"parameter '{name}' ({ptype}) is niet te vergelijken met '{path}' ({ft.describe()})")

    def _unknown_fact(self, loaded: LoadedRule, loc: tuple[Any, ...], path: str, what: str) -> None:
        """An unknown fact, with a near miss; quiet when a rule that failed to load may derive it."""
        hint = ""
        if path.startswith(DERIVED + "."):
            if self.base.unparsed.hides_derived(path.split(".", 1)[1]):
                return
            hint = " (geen regel leidt het af onder dan.afleiden)"
        self.add(loaded, loc, f"{what} '{path}'{suggestion(path, self.vocab) or hint}")

    # -- conclusions ------------------------------------------------------------------------
    def check_conclusions(self, loaded: LoadedRule, derived_types: dict[str, tuple[str, LoadedRule]]) -> None:
        regel = loaded.regel
        for name, value in regel.dan.afleiden.items():
            if not _NAME.match(name):
                self.add(
                    loaded,
                    ("dan", "afleiden", name),
                    f"naam van afgeleid feit '{name}' moet in kleine letters (a-z, 0-9, _)",
                )
            kind = scalar_kind(value)
            first = derived_types.setdefault(name, (kind, loaded))
            if first[0] != kind:
                other = first[1]
                self.add(
                    loaded,
                    ("dan", "afleiden", name),
                    f"'{name}' wordt hier afgeleid als {kind}, maar als {first[0]} door {other.id}"
                    f" ({other.file}:{other.line})",
                )
        for name, value, subloc in flatten_outcome(regel.dan.uitkomst):
            loc = ("dan", "uitkomst") + subloc
            ft = OUTCOME_FACTS.get(name)
            if ft is None:
                hint = suggestion(name, OUTCOME_FACTS) or f" (bekend: {', '.join(OUTCOME_FACTS)})"
                self.add(loaded, loc, f"onbekend uitkomstveld '{name}'{hint}")
                continue
            if ft.kind == "list":
                members = value if isinstance(value, list) else [value]
                wrong = [m for m in members if not ft.accepts(m)]
                if wrong or not members:
                    hint = suggestion(wrong[0], ft.values) if wrong else ""
                    self.add(loaded, loc, f"'{name}' neemt leden uit: {', '.join(ft.values)}; niet {value!r}{hint}")
            elif not ft.accepts(value):
                hint = suggestion(value, ft.values)
                self.add(loaded, loc, f"'{name}' is {ft.describe()}; {value!r} past daar niet{hint}")
        if regel.motivering:
            for match in _TEMPLATE_FIELD.finditer(regel.motivering):
                ref = match.group(1)
                if ref.startswith(PARAMETER + "."):
                    pname = ref.split(".", 1)[1]
                    if pname not in self.base.parameters and not self.base.unparsed.hides_parameter(pname):
                        hint = suggestion(pname, self.base.parameters)
                        self.add(loaded, ("motivering",), f"motivering verwijst naar onbekende parameter '{ref}'{hint}")
                elif ref not in self.vocab:
                    self._unknown_fact(loaded, ("motivering",), ref, "motivering verwijst naar onbekend feit")

    # -- acknowledgements (erkenningen) for the leefwereldtoets -----------------------------
    def check_erkenningen(self) -> None:
        """An acknowledgement must name an existing rule (and municipality), or it excuses nothing."""
        ids = {r.id for r in self.base.rules}
        for loaded in self.base.erkenningen:
            e = loaded.erkenning
            label = f"erkenning {e.persona or e.groep}"
            if e.regel not in ids and not self.base.unparsed.hides_rule(e.regel):
                hint = suggestion(e.regel, ids)
                self.issues.append(
                    Issue(loaded.file, loaded.line, e.regel, f"{label}: onbekende regel '{e.regel}'{hint}")
                )
            gemeente = e.gemeente
            if (
                gemeente is not None
                and gemeente not in self.base.gemeenten
                and not self.base.unparsed.hides_gemeente(gemeente)
            ):
                hint = suggestion(gemeente, self.base.gemeenten)
                message = f"{label}: onbekende gemeente '{gemeente}'{hint}"
                self.issues.append(Issue(loaded.file, loaded.line, e.regel, message))

    # -- presumptions (vermoedens) ---------------------------------------------------------
    def check_vermoedens(self) -> None:
        """A presumption names a case fact, gives a value of that fact's type and says why."""
        seen: dict[tuple[str | None, str], LoadedVermoeden] = {}
        for loaded in self.base.vermoedens:
            v = loaded.vermoeden

            def add(loc: tuple[Any, ...], message: str, loaded: LoadedVermoeden = loaded) -> None:
                line = self.base.documents[loaded.file].line_of(("vermoedens", loaded.index) + loc)
                self.issues.append(Issue(loaded.file, line, "vermoeden", message))

            ft = CASE_FACTS.get(v.feit)
            if ft is None:
                if v.feit.split(".")[0] in (DERIVED, OUTCOME, PARAMETER):
                    add(("feit",), f"een vermoeden gaat over een feit uit de casus, niet over '{v.feit}'")
                else:
                    add(
                        ("feit",),
                        f"onbekend feit '{v.feit}'{suggestion(v.feit, CASE_FACTS) or ' (zie engine/case.py)'}",
                    )
                continue
            if v.vorm == "waarde":
                if not _presumed_value_fits(ft, v.waarde):
                    add(("waarde",), f"de waarde {v.waarde!r} past niet bij '{v.feit}', dat {_dutch_type(ft)} is")
            elif v.vorm == "niet_in":
                self._check_presumed_choices(v.feit, ft, v.operand, add)
            elif ft.kind not in ("int", "float"):
                add((v.vorm,), f"'{v.vorm}' past alleen bij een getal; '{v.feit}' is {_dutch_type(ft)}")
            elif isinstance(v.operand, ParameterVerwijzing):
                spec = self.base.parameters.get(v.operand.parameter)
                if spec is None:
                    hint = suggestion(v.operand.parameter, self.base.parameters)
                    add((v.vorm,), f"onbekende parameter '{v.operand.parameter}'{hint}")
                elif spec.spec.type != "getal":
                    add((v.vorm,), f"parameter '{v.operand.parameter}' is geen getal maar {spec.spec.type}")
            if v.reden is None or not v.reden.strip():
                add(
                    (),
                    f"het vermoeden voor '{v.feit}' heeft geen reden: schrijf onder 'reden' waarom het advies "
                    "van deze waarde mag uitgaan zolang het feit onbekend is",
                )
            key = (loaded.gemeente, v.feit)
            if key in seen:
                other = seen[key]
                add(("feit",), f"er is al een vermoeden voor '{v.feit}' op {other.file}:{other.line}")
            else:
                seen[key] = loaded

    def _check_presumed_choices(self, feit: str, ft: FactType, operand: Any, add: Any) -> None:
        """`niet_in` takes a list of the fact's own values, or a list parameter (text facts)."""
        if ft.kind not in ("enum", "str"):
            add(("niet_in",), f"'niet_in' past alleen bij een keuze of tekst; '{feit}' is {_dutch_type(ft)}")
        elif isinstance(operand, ParameterVerwijzing):
            spec = self.base.parameters.get(operand.parameter)
            if spec is None:
                add(
                    ("niet_in",),
                    f"onbekende parameter '{operand.parameter}'{suggestion(operand.parameter, self.base.parameters)}",
                )
            elif spec.spec.type != "lijst":
                add(("niet_in",), f"parameter '{operand.parameter}' is geen lijst maar {spec.spec.type}")
        else:
            wrong = [m for m in operand if not ft.accepts(m)]
            if wrong:
                add(("niet_in",), f"'{feit}' kent {', '.join(map(str, wrong))} niet ({_dutch_type(ft)})")

    def run(self) -> list[Issue]:
        self.check_parameters()
        self.check_vermoedens()
        self.check_declined()
        self.check_ids()
        self.check_erkenningen()
        derived_types: dict[str, tuple[str, LoadedRule]] = {}
        for loaded in self.base.rules:
            self.check_condition(loaded, loaded.regel.als, ("als",))
            self.check_conclusions(loaded, derived_types)
        return self.issues


def _presumed_value_fits(ft: FactType, value: Any) -> bool:
    if ft.kind == "list":
        return isinstance(value, list) and all(isinstance(m, str) and m in ft.values for m in value)
    return not isinstance(value, list) and ft.accepts(value)


def _dutch_type(ft: FactType) -> str:
    """The type of a fact in the words of a Dutch error message."""
    if ft.kind == "enum":
        return "een van " + ", ".join(ft.values)
    if ft.kind == "list":
        return "een lijst met leden uit " + ", ".join(ft.values)
    return {"bool": "ja/nee (true/false)", "int": "een geheel getal", "float": "een getal", "str": "tekst"}[ft.kind]


def _operand_problem(op: str, operand: Any, ft: FactType, path: str) -> str | None:
    if op == "bevat":
        if ft.kind != "list":
            return f"'bevat' toetst een lijst; '{path}' is {ft.describe()}"
        if operand not in ft.values:
            hint = suggestion(operand, ft.values) or f" (leden: {', '.join(ft.values)})"
            return f"'{path}' kent geen lid '{operand}'{hint}"
        return None
    if ft.kind == "list":
        return f"'{path}' is een lijst; toets die met 'bevat'"
    if op in ("groter_dan", "kleiner_dan", "minimaal", "maximaal"):
        if ft.kind not in ("int", "float"):
            return f"'{op}' vergelijkt getallen; '{path}' is {ft.describe()}"
        return None
    values = operand if op in ("in", "niet_in") else [operand]
    for value in values:
        if not ft.accepts(value):
            return f"'{path}' is {ft.describe()}; {value!r} past daar niet{suggestion(value, ft.values)}"
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
        return f"operator '{op}' past niet bij parameter '{spec.name}' ({ptype})"
    if isinstance(operand, ParameterVerwijzing):
        return "vergelijk een parameter met een waarde, niet met een andere parameter"
    expected = {"getal": ("int", "float"), "ja_nee": ("bool",), "tekst": ("str",), "lijst": ("str",)}[ptype]
    values = operand if op in ("in", "niet_in") else [operand]
    for value in values:
        kind = scalar_kind(value)
        if kind == "float" and "int" in expected:
            continue
        if kind not in expected:
            return f"parameter '{spec.name}' ({ptype}) is niet te vergelijken met {value!r}"
    return None


def check_rulebase(base: RuleBase) -> list[Issue]:
    return _Checker(base).run() + check_sources(base)
