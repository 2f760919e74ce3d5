"""From a validated rule base to a durable-rules ruleset for one date and one municipality.

Parameters are known when a ruleset is built, so they are folded into the conditions as
constants: a municipality's cost threshold is part of its compiled rules, and each
(rules-in-force, parameter values) combination is compiled and registered once.
Exceptions (lex specialis) are compiled into the conditions: a rule applies only when its own
condition holds and the condition of every rule that overrides it is false.
"""

from __future__ import annotations

import datetime as dt
import graphlib
import hashlib
import json
import threading
from dataclasses import dataclass, field
from typing import Any

from engine import conditions as c
from engine.assessment import Bronvermelding
from engine.bronnen import Bronnenregister, citeer, render_bron
from engine.durable import DurableRuleset, PatternSet, ruleset_for
from engine.facts import (
    CASE_FACTS,
    DERIVED,
    LIST_OUTCOMES,
    OUTCOME,
    PARAMETER,
    FactType,
    flatten_outcome,
    full_vocabulary,
)
from engine.parameters import Parameterstand
from engine.rule_model import Bron, Conditie, NietGevolgdVoorstel, ParameterVerwijzing, ProfessioneleAfweging
from engine.rulebase import LoadedRule, LoadedVermoeden, RuleBase

_OPS = {
    "is": "eq",
    "is_niet": "neq",
    "groter_dan": "gt",
    "kleiner_dan": "lt",
    "minimaal": "ge",
    "maximaal": "le",
    "in": "in",
    "niet_in": "nin",
    "bevat": "has",
    "bekend": "known",
    "onbekend": "unknown",
}


class SelectionError(Exception):
    """No ruleset can be built for the asked date or municipality."""


@dataclass(frozen=True)
class CompiledRule:
    loaded: LoadedRule
    own: c.Node  # the rule's own condition, parameters folded in
    effective: c.Node  # own condition and no overriding rule applies
    overriders: tuple[str, ...]
    derives: dict[str, Any]  # dotted path -> value (afgeleid.* and scalar uitkomst.*)
    adds: dict[str, tuple[str, ...]]  # list outcome path -> members
    durable_index: int | None  # None: can never apply under these parameters
    afweging: ProfessioneleAfweging | None = None  # the rule's own, or the one a decline puts in its place
    motivering: str | None = None  # the rule's own sentence, or the decline's
    id: str = field(init=False)
    outcome_fields: tuple[str, ...] = field(init=False)  # uitkomst.* paths it concludes
    outcome_names: tuple[str, ...] = field(init=False)  # the same without the `uitkomst.` prefix
    own_paths: tuple[str, ...] = field(init=False)  # facts its own condition tests, sorted
    effective_paths: frozenset[str] = field(init=False)  # also the facts of the rules overriding it
    awaited: tuple[str, ...] = ()  # case facts its own condition, as written, requires known (`bekend`)
    #: `effective` without the presumptions: an unknown fact leaves it open (`engine.partial`)
    unpresumed: c.Node = c.Const(False)
    presence_paths: frozenset[str] = field(init=False)  # facts it tests for being known or not
    #: its condition (`effective`) tests a concluded fact: only such a rule can be open while it
    #: needs no unknown case fact, waiting on other rules alone (`engine.evaluator._resolve_outcomes`)
    tests_concluded: bool = field(init=False)
    test: c.Predicate = field(init=False, repr=False, compare=False)  # `effective` as a function, kept
    #: `own` and `effective` are one condition (no rule overrides it): an evaluation of either
    #: answers both (`engine.evaluator._why_not` takes `engine.partial.OpenAnalysis`'s)
    own_is_effective: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", self.loaded.id)
        if self.afweging is None and self.motivering is None:
            object.__setattr__(self, "afweging", self.loaded.regel.dan.professionele_afweging)
            object.__setattr__(self, "motivering", self.loaded.regel.motivering)
        object.__setattr__(self, "own_paths", tuple(sorted(c.paths(self.own))))
        object.__setattr__(self, "effective_paths", frozenset(c.paths(self.effective)))
        object.__setattr__(self, "presence_paths", frozenset(c.presence_tests(self.unpresumed)))
        object.__setattr__(self, "tests_concluded", any(p not in CASE_FACTS for p in self.effective_paths))
        object.__setattr__(self, "test", c.predicate(self.effective))
        object.__setattr__(self, "own_is_effective", _one_condition(self.own, self.effective))
        object.__setattr__(
            self, "outcome_fields", tuple(p for p in self.derives if p.startswith(OUTCOME + ".")) + tuple(self.adds)
        )
        object.__setattr__(self, "outcome_names", tuple(f.split(".", 1)[1] for f in self.outcome_fields))


def _one_condition(own: c.Node, effective: c.Node) -> bool:
    """Whether `effective` is `own` itself, or a conjunction of the very same items (what
    `c.all_of` makes of a rule's own conjunction when no rule overrides it)."""
    if own is effective:
        return True
    return (
        isinstance(own, c.All)
        and isinstance(effective, c.All)
        and len(own.items) == len(effective.items)
        and all(a is b for a, b in zip(own.items, effective.items, strict=True))
    )


@dataclass(frozen=True)
class CompiledPresumption:
    """A presumption in force: while `path` is unknown the conditions take `node` to hold."""

    path: str
    node: c.Cmp  # the presumption as a comparison on the fact, parameters folded in
    value: Any  # as the assessment shows it: the value, or {"maximaal": 1500}
    reden: str
    bron: Bron
    question: str
    safety: bool  # about safety: always shown, always asked first
    alternatives: tuple[Any, ...]  # the other values that some condition in force tells apart
    file: str
    line: int


#: The outcome field whose facts are "about safety" (see `safety_facts`).
SAFETY_OUTCOME = f"{OUTCOME}.onmiddellijk_handelen"


@dataclass
class CompiledRuleSet:
    """Everything needed to evaluate a case in one municipality, for one period of rules in force."""

    gemeente: str | None
    versie: str
    parameters: dict[str, Any]
    rules: list[CompiledRule]
    vocabulary: dict[str, FactType]
    durable: DurableRuleset | None
    parameterstand: Parameterstand  # the parameter values in force and how they were found
    commit: str | None = None  # where the rule files come from (`RuleBase.commit`)
    used_paths: frozenset[str] = frozenset()  # facts some condition tests; the rest stays out of durable-rules
    helper_paths: dict[int, str] = field(default_factory=dict)  # durable index -> flag of a split-off condition
    by_durable_index: dict[int, CompiledRule] = field(default_factory=dict)
    concluders: dict[str, list[CompiledRule]] = field(default_factory=dict)
    named_exclusions: dict[str, Bron] = field(default_factory=dict)  # name -> its ordinance (municipal file)
    presumptions: dict[str, CompiledPresumption] = field(default_factory=dict)  # by fact
    dependents: dict[str, tuple[CompiledRule, ...]] = field(default_factory=dict)  # fact -> rules testing it
    safety_facts: frozenset[str] = frozenset()
    #: concluded fact -> the concluded facts it depends on, directly or through other rules
    upstream: dict[str, frozenset[str]] = field(default_factory=dict)
    #: the rules in an order where every rule comes after the rules concluding what it tests
    order: tuple[CompiledRule, ...] = ()
    register: Bronnenregister = field(default_factory=Bronnenregister)  # the source register, for rendering
    #: what the presumption checks look up (`engine.presumption_plan`), built there on first use
    #: (an `engine.presumption_plan.Plan`: not named here, since that module builds on this one and
    #: the layout admits no import circle, not even one for type checking only)
    presumption_plan: Any = field(default=None, repr=False, compare=False)
    _rendered: dict[tuple[dt.date | None, int], tuple[Bron, Bronvermelding]] = field(default_factory=dict, repr=False)
    #: shared explanation entries, kept by the evaluator (`engine.evaluator._not_applied`)
    entry_memo: dict[tuple[Any, ...], Any] = field(default_factory=dict, repr=False)
    #: explanation entries by the values of the facts a rule's own condition tests, kept by the
    #: evaluator (`engine.evaluator._remembered`)
    explained_memo: dict[tuple[Any, ...], Any] = field(default_factory=dict, repr=False)

    def bronvermelding(self, bron: Bron, peildatum: dt.date | None = None) -> Bronvermelding:
        """A source as people read it, its law links dated at the peildatum (`render_bron`, cached:
        an assessment shows the sources of every rule it names). Keyed by the object, not its
        value: hashing a source costs more than rendering it once."""
        key = (peildatum, id(bron))
        found = self._rendered.get(key)
        if found is None or found[0] is not bron:
            if len(self._rendered) >= 20_000:
                self._rendered.clear()
            found = self._rendered[key] = (bron, render_bron(bron, self.register, peildatum))
        return found[1]


def _value(value: Any, params: dict[str, Any]) -> Any:
    if isinstance(value, ParameterVerwijzing):
        return params[value.parameter]
    return value


def build_node(cond: Conditie, params: dict[str, Any], vocab: dict[str, FactType]) -> c.Node:
    """The logic tree of one YAML condition, with parameters resolved."""
    if cond.alle is not None:
        return c.All(tuple(build_node(i, params, vocab) for i in cond.alle))
    if cond.een_van is not None:
        return c.AnyOf(tuple(build_node(i, params, vocab) for i in cond.een_van))
    if cond.niet is not None:
        return c.Not(build_node(cond.niet, params, vocab))
    op_name = cond.operator
    op = _OPS[op_name]
    value = _value(cond.operand(op_name), params)
    path = cond.feit or ""
    if path.startswith(PARAMETER + "."):
        actual = params[path.split(".", 1)[1]]
        return c.Const(bool(c.evaluate(c.Cmp("p", op, value), {"p": actual})))
    if op in ("in", "nin"):
        value = tuple(value)
    return c.Cmp(path, op, value, vocab[path].kind == "list", bool(cond.zonder_vermoeden))


def _conclusions(loaded: LoadedRule) -> tuple[dict[str, Any], dict[str, tuple[str, ...]]]:
    derives = {f"{DERIVED}.{k}": v for k, v in loaded.regel.dan.afleiden.items()}
    adds: dict[str, tuple[str, ...]] = {}
    for name, value, _ in flatten_outcome(loaded.regel.dan.uitkomst):
        path = f"{OUTCOME}.{name}"
        if name in LIST_OUTCOMES:
            adds[path] = tuple(value if isinstance(value, list) else [value])
        else:
            derives[path] = value
    return derives, adds


def declined(
    loaded: LoadedRule, entry: NietGevolgdVoorstel, register: Bronnenregister
) -> tuple[ProfessioneleAfweging, str]:
    """What a proposal this municipality does not follow becomes: a weighing point naming the
    proposal and its source, and a sentence for the motivation (the rule concludes nothing)."""
    bron = loaded.regel.bron
    own = f" (besluit: {citeer(entry.bron, register)})" if entry.bron else ""
    afweging = ProfessioneleAfweging(
        onderwerp=f"Voorstel niet gevolgd door de gemeente: {loaded.regel.titel}",
        te_wegen=[
            f"het voorstel van de werkgroep ({citeer(bron, register)}) zou de hulp hier uitsluiten",
            f"reden van de gemeente{own}: {entry.reden}",
            "of de hulp in dit geval nodig en passend is; draagkracht en draaglast van het gezin",
        ],
    )
    sentence = (
        f"{loaded.regel.titel}: volgens het voorstel van de landelijke werkgroep (geen wet) geldt hier een "
        f"uitsluiting, maar deze gemeente volgt dat voorstel niet ({entry.reden.rstrip('.')}); "
        "de professional weegt of de hulp nodig en passend is."
    )
    return afweging, sentence


def version_of(
    rules: list[LoadedRule], params: dict[str, Any], presumptions: dict[str, LoadedVermoeden] | None = None
) -> str:
    """Content hash of the rules, parameter values and presumptions in force."""
    content: dict[str, Any] = {
        "regels": [r.regel.model_dump(mode="json", by_alias=True) for r in rules],
        "parameters": params,
    }
    if presumptions:  # absent from the hash when there are none, so older versions keep their hash
        content["vermoedens"] = {p: v.vermoeden.model_dump(mode="json") for p, v in sorted(presumptions.items())}
    payload = json.dumps(
        content,
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def compile_ruleset(base: RuleBase, peildatum: dt.date, gemeente: str | None) -> CompiledRuleSet:
    if gemeente is not None and gemeente not in base.gemeenten:
        known = ", ".join(sorted(base.gemeenten)) or "geen"
        raise SelectionError(f"onbekende gemeente '{gemeente}' (bekend: {known})")
    selected = [r for r in base.rules if r.regel.valid_on(peildatum)]
    if not selected:
        raise SelectionError(f"geen regels geldig op peildatum {peildatum.isoformat()}")
    stand = base.parameters_on(gemeente, peildatum)
    if stand.zonder_waarde:
        raise SelectionError(
            f"geen waarde op peildatum {peildatum.isoformat()} voor parameter(s): {', '.join(stand.zonder_waarde)}"
        )
    params = stand.values
    declines = (
        {n.regel: n for n in base.gemeenten[gemeente].bestand.niet_gevolgde_voorstellen} if gemeente is not None else {}
    )
    vocab = full_vocabulary(base.rules)
    by_id = {r.id: r for r in selected}
    presumed = {path: _presumption_node(loaded, params, vocab) for path, loaded in base.presumptions(gemeente).items()}
    written = {r.id: c.normalize(build_node(r.regel.als, params, vocab)) for r in selected}
    own = {rid: c.presume(node, presumed) for rid, node in written.items()}
    overriders: dict[str, list[str]] = {rid: [] for rid in by_id}
    for r in selected:
        for target in r.regel.uitzondering_op:
            if target in overriders:
                overriders[target].append(r.id)

    effective: dict[str, c.Node] = {}
    unpresumed: dict[str, c.Node] = {}

    def effective_of(rule_id: str, conditions: dict[str, c.Node] = own, done: dict[str, c.Node] = effective) -> c.Node:
        if rule_id not in done:
            blocks = [c.negate(effective_of(o, conditions, done)) for o in overriders[rule_id]]
            done[rule_id] = c.all_of([conditions[rule_id], *blocks])
        return done[rule_id]

    compiled: list[CompiledRule] = []
    patterns = PatternSet()
    for r in selected:
        node = effective_of(r.id)
        index = None if node == c.Const(False) else patterns.add(node)
        derives, adds = _conclusions(r)
        awaited = tuple(sorted(p for p in c.known_tests(written[r.id]) if p not in presumed))
        entry = declines.get(r.id)
        # a declined proposal concludes nothing; its weighing and sentence take its place
        afweging, sentence = declined(r, entry, base.bronnen) if entry is not None else (None, None)
        compiled.append(
            CompiledRule(
                r,
                own[r.id],
                node,
                tuple(overriders[r.id]),
                {} if entry is not None else derives,
                {} if entry is not None else adds,
                index,
                afweging,
                sentence,
                awaited=awaited,
                unpresumed=effective_of(r.id, written, unpresumed),
            )
        )
    helper_paths = patterns.close()

    tested = {p for r in compiled for p in c.paths(r.effective)}
    tested |= {p for sub in patterns.helper_conditions for p in c.paths(sub)}
    leaves = frozenset(
        r.durable_index
        for r in compiled
        if r.durable_index is not None and not tested.intersection([*r.derives, *r.adds])
    )
    durable = ruleset_for(patterns.patterns, leaves=leaves) if patterns.patterns else None
    result = CompiledRuleSet(
        gemeente=gemeente,
        versie=version_of(selected, params, base.presumptions(gemeente)),
        parameters=params,
        parameterstand=stand,
        commit=base.commit,
        rules=compiled,
        vocabulary=vocab,
        durable=durable,
        used_paths=frozenset(p for rule in compiled for p in c.paths(rule.effective)),
        helper_paths=helper_paths,
        register=base.bronnen,
        named_exclusions=(
            {u.waarde: u.bron for u in base.gemeenten[gemeente].bestand.uitgesloten_hulpvormen}
            if gemeente is not None
            else {}
        ),
    )
    dependents: dict[str, list[CompiledRule]] = {}
    for rule in compiled:
        if rule.durable_index is not None:
            result.by_durable_index[rule.durable_index] = rule
        for path in list(rule.derives) + list(rule.adds):
            result.concluders.setdefault(path, []).append(rule)
        for path in rule.effective_paths:
            dependents.setdefault(path, []).append(rule)
    result.dependents = {p: tuple(rules) for p, rules in dependents.items()}
    result.safety_facts = safety_facts(compiled)
    result.upstream, result.order = dependency_order(compiled)
    insisted = {p for r in selected for p in c.presence_tests(written[r.id])}
    result.presumptions = {
        path: _compile_presumption(loaded, presumed[path], compiled, result.safety_facts, path in insisted)
        for path, loaded in sorted(base.presumptions(gemeente).items())
    }
    return result


class CycleError(SelectionError):
    """Concluded facts depend on each other in a circle: there is no order to derive them in."""


def dependency_order(rules: list[CompiledRule]) -> tuple[dict[str, frozenset[str]], tuple[CompiledRule, ...]]:
    """Which concluded facts each concluded fact depends on, and the rules in dependency order.

    A conflict on a fact leaves open only what depends on it; this is what makes the resolution
    order-independent (the durable path and the vectorised evaluator use the same relation).
    Validation keeps the rule base free of circles; one is refused here all the same.
    """
    concluded = {p for r in rules for p in (*r.derives, *r.adds)}
    direct: dict[str, set[str]] = {p: set() for p in concluded}
    for rule in rules:
        tested = {p for p in rule.effective_paths if p in concluded}
        for path in (*rule.derives, *rule.adds):
            direct[path] |= tested
    try:
        path_order = list(graphlib.TopologicalSorter(direct).static_order())
    except graphlib.CycleError as exc:
        raise CycleError(f"afgeleide feiten hangen in een kring van elkaar af: {exc.args[1]}") from exc
    upstream: dict[str, frozenset[str]] = {}
    for path in path_order:
        found = set(direct[path])
        for before in direct[path]:
            found |= upstream[before]
        upstream[path] = frozenset(found)
    rank = {p: i for i, p in enumerate(path_order)}

    def level(rule: CompiledRule) -> int:
        return max((rank[p] for p in rule.effective_paths if p in rank), default=-1)

    return upstream, tuple(sorted(rules, key=level))


def safety_facts(rules: list[CompiledRule]) -> frozenset[str]:
    """The yes/no case facts whose being true leads to immediate action: those a rule concluding
    `onmiddellijk_handelen: true` tests for `ja`. A presumption about one of them is "about safety"."""
    found: set[str] = set()

    def walk(node: c.Node) -> None:
        if isinstance(node, c.Cmp):
            positive = (node.op == "eq" and node.value is True) or (node.op == "neq" and node.value is False)
            if positive and node.path in CASE_FACTS and CASE_FACTS[node.path].kind == "bool":
                found.add(node.path)
        elif isinstance(node, (c.All, c.AnyOf)):
            for item in node.items:
                walk(item)

    for rule in rules:
        if rule.derives.get(SAFETY_OUTCOME) is True:
            walk(rule.own)
    return frozenset(found)


def _constants(rules: list[CompiledRule], path: str) -> list[Any]:
    """The values that the conditions in force compare `path` with."""
    found: list[Any] = []

    def walk(node: c.Node) -> None:
        if isinstance(node, c.Cmp):
            if node.path == path and node.op not in ("known", "unknown"):
                found.extend(node.value if isinstance(node.value, tuple) else [node.value])
        elif isinstance(node, (c.All, c.AnyOf)):
            for item in node.items:
                walk(item)

    for rule in rules:
        if path in rule.effective_paths:
            walk(rule.effective)
    return found


_BOUND_OPS = {"maximaal": "le", "kleiner_dan": "lt", "minimaal": "ge", "groter_dan": "gt", "niet_in": "nin"}


def _presumption_node(loaded: LoadedVermoeden, params: dict[str, Any], vocab: dict[str, FactType]) -> c.Cmp:
    v = loaded.vermoeden
    value = _value(v.operand, params)
    op = "eq" if v.vorm == "waarde" else _BOUND_OPS[v.vorm]
    if op == "nin":
        value = tuple(value)
    return c.Cmp(v.feit, op, value, vocab[v.feit].kind == "list")


def _alternatives(path: str, node: c.Cmp, rules: list[CompiledRule], insisted: bool = False) -> tuple[Any, ...]:
    """Values of a presumed fact to try, one on each side of every boundary a condition draws.

    Enough to tell whether any other value would change an outcome: conditions only compare a
    fact with constants, so between two adjacent constants every value behaves the same.
    `insisted`: a rule tells a known value from an unknown one, so for a bound the values inside
    it are tried too (knowing the costs are under the threshold can change the advice).
    """
    ft = CASE_FACTS[path]
    if node.op == "nin":  # the values it rules out are the ones to try
        return tuple(node.value)
    value = node.value if node.op == "eq" else None
    if ft.kind == "bool":
        return (not value,)
    if ft.kind == "enum":
        return tuple(v for v in ft.values if v != value)
    if ft.kind == "list":
        toggled = [sorted(set(value or ()) ^ {m}) for m in ft.values]
        return tuple(t for t in toggled)
    constants = _constants(rules, path)
    if ft.kind == "str":
        texts = [*dict.fromkeys(x for x in constants if isinstance(x, str)), "(een andere waarde)"]
        return tuple(o for o in texts if o != value)
    step = 1 if ft.kind == "int" else 0.01
    own = [node.value] if node.op != "eq" else []  # the presumption's own bound draws a boundary too
    bounds: list[float] = sorted(
        {x for x in [*constants, *own] if isinstance(x, (int, float)) and not isinstance(x, bool)}
    )
    # each boundary itself, and one value in every region between and beyond them
    numbers: list[float] = sorted({*bounds, *(x - step for x in bounds[:1]), *(x + step for x in bounds)})
    numbers = [o for o in numbers if o != value and (ft.kind != "int" or o >= 0)]
    options: list[Any] = list(numbers)
    if node.op != "eq":
        # a bound: what matters is a value outside it (inside, the comparisons it leaves open stay
        # open anyway); one value per region outside is enough
        outside = [o for o in numbers if insisted or c.evaluate(node, {path: o}) is False]
        regions: dict[tuple[bool, ...], Any] = {}
        for o in outside:
            regions.setdefault(tuple(bool(o >= b) for b in bounds) + tuple(bool(o == b) for b in bounds), o)
        options = list(regions.values())
    return tuple(options)


def _compile_presumption(
    loaded: LoadedVermoeden, node: c.Cmp, rules: list[CompiledRule], safety: frozenset[str], insisted: bool
) -> CompiledPresumption:
    """`insisted`: some rule tests whether the fact is known (`bekend`, `onbekend`), so confirming
    the presumed value can change an outcome too; the presumed value is then among the values to try."""
    v = loaded.vermoeden
    return CompiledPresumption(
        path=v.feit,
        node=node,
        value=node.value if v.vorm == "waarde" else {v.vorm: list(node.value) if v.vorm == "niet_in" else node.value},
        reden=(v.reden or "").strip(),
        bron=v.bron,
        question=CASE_FACTS[v.feit].question,
        safety=v.feit in safety,
        alternatives=((node.value,) if insisted and node.op == "eq" else ())
        + _alternatives(v.feit, node, rules, insisted),
        file=loaded.file,
        line=loaded.line,
    )


class RulesetCache:
    """Compiled rulesets by (rules in force, municipality, parameter values in force): each is
    built and registered once. A parameter value that changes mid-period (its own `perioden`)
    therefore gets its own ruleset from the day it changes."""

    def __init__(self, base: RuleBase) -> None:
        self.base = base
        self._lock = threading.Lock()
        self._by_key: dict[tuple[frozenset[int], str | None, tuple[str, tuple[str, ...]]], CompiledRuleSet] = {}
        self._by_day: dict[tuple[dt.date, str | None], CompiledRuleSet] = {}

    def get(self, peildatum: dt.date, gemeente: str | None) -> CompiledRuleSet:
        found = self._by_day.get((peildatum, gemeente))
        if found is not None:
            return found
        in_force = frozenset(i for i, r in enumerate(self.base.rules) if r.regel.valid_on(peildatum))
        # An unknown municipality has no values; compiling refuses it with its own message.
        known = gemeente is None or gemeente in self.base.gemeenten
        stand = self.base.parameters_on(gemeente, peildatum) if known else None
        values = (stand.versie, stand.landelijk_in_gat) if stand is not None else ("", ())
        key = (in_force, gemeente, values)
        with self._lock:
            found = self._by_key.get(key)
            if found is None:
                found = compile_ruleset(self.base, peildatum, gemeente)
                self._by_key[key] = found
            if len(self._by_day) >= 10_000:
                self._by_day.clear()
            self._by_day[(peildatum, gemeente)] = found
            return found
