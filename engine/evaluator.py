"""Evaluating a case: durable-rules derives, this layer explains.

durable-rules does the forward chaining; this module records which rules fired and what they
concluded, resolves the outcome fields (a conflict between two rules that neither overrides is
reported, never settled silently), and explains: every applied rule with its source and the
facts it used, why each outcome rule did not apply, and which unknown facts keep an outcome open.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine import conditions as c
from engine import labels
from engine.assessment import (
    Aanname,
    Afweging,
    Beoordeling,
    Conflict,
    LandelijkeWaarde,
    NietToegepasteRegel,
    Regelset,
    ToegepasteRegel,
    Toelichting,
    Uitsluitingsgrond,
    Vervolgvraag,
)
from engine.case import Casus
from engine.compiler import CompiledRule, CompiledRuleSet, RulesetCache
from engine.durable import RunResult, facts_to_wm, wm_updates
from engine.facts import (
    BUITEN_DOMEINEN,
    CASE_FACTS,
    LIST_OUTCOMES,
    OPEN_OUTCOMES,
    OUTCOME,
    OUTCOME_FACTS,
    UNDECIDED,
    UNDECIDED_OUTCOMES,
    case_to_facts,
)
from engine.footing import basis_of, in_words
from engine.loader import load_rulebase
from engine.motivation import build_motivation, fill_template, ground_in_words, show_parameter
from engine.partial import (
    OpenAnalysis,
    UsedPresumption,
    aangenomen,
    presumptions_that_matter,
    rank_questions,
)
from engine.provenance import ENGINE_VERSION
from engine.rule_model import REGELTAAL_VERSIE
from engine.rulebase import RuleBase

_VERWIJZING = "verwijzing."
_GRONDEN = f"{OUTCOME}.buiten_gronden"
_DOMEIN = f"{OUTCOME}.buiten_domein"
# The facts a municipal named exclusion is compared with: the kind of help (the fixed list), and
# the free-text name of rule versions before it (still loaded by the leefwereldtoets).
_NAMED_PATHS = ("hulpvraag.hulpvorm", "hulpvraag.naam")
#: At most this many shared "did not apply" entries per compiled ruleset (about 1.5 MB).
_ENTRY_MEMO_LIMIT = 2048
#: At most this many entries found by their facts' values per compiled ruleset (`_remembered`).
_EXPLAINED_MEMO_LIMIT = 4096
#: How `_why_not` starts the reason of a rule whose own condition holds, kept out by a rule
#: overriding it, or perhaps kept out: such a reason depends on the other rules.
_OVERRIDDEN_BY = "uitgezonderd door "
_PERHAPS_OVERRIDDEN_BY = "mogelijk uitgezonderd door "
#: A fact that is not in the facts (None may be a value).
_ABSENT = object()
#: `regel` of the engine's own weighing point when several grounds without precedence hold.
MEERDERE_GRONDEN = "buiten_gronden"
#: Each outcome field by its name and its dotted path, worked out once.
_OUTCOME_PATHS = tuple((name, f"{OUTCOME}.{name}") for name in OUTCOME_FACTS)
_ADDS_ONLY = object()  # a concluder that adds members to a list outcome and derives no value
_NO_NEEDS: frozenset[str] = frozenset()


@dataclass
class _Trace:
    """What happened during one run, recorded by the actions."""

    values: dict[str, Any] = field(default_factory=dict)  # every derived/outcome value set so far
    setters: dict[str, str] = field(default_factory=dict)
    conflicts: dict[str, dict[str, Any]] = field(default_factory=dict)
    blocked: frozenset[str] = frozenset()  # disputed facts: concluded values recorded, never written


@dataclass(frozen=True)
class Uitkomsten:
    """The outcome fields of one case (as the assessment shows them) and the rules that applied,
    without the explanation: what the batch path must reproduce, and what it is checked against."""

    velden: dict[str, Any]
    toegepast: frozenset[str]


class Engine:
    """Evaluates cases against one validated rule base (thread-safe)."""

    def __init__(self, base: RuleBase) -> None:
        self.base = base
        self.cache = RulesetCache(base)

    @classmethod
    def from_directory(cls, path: Path | str) -> Engine:
        return cls(load_rulebase(path))

    def ruleset(self, peildatum: dt.date, gemeente: str | None) -> CompiledRuleSet:
        return self.cache.get(peildatum, gemeente)

    def evaluate(self, casus: Casus, gemeente: str | None = None, peildatum: dt.date | None = None) -> Beoordeling:
        gemeente = gemeente if gemeente is not None else casus.gemeente
        day = peildatum or casus.peildatum or dt.date.today()
        ruleset = self.cache.get(day, gemeente)
        case_facts = case_to_facts(casus)
        # Unknown facts with a presumption: the compiled conditions already read them as presumed.
        presumed = [p for p in ruleset.presumptions if p not in case_facts]
        fired, trace = _derive(ruleset, case_facts)
        facts = dict(case_facts)
        facts.update(_concluded_facts(fired, trace))
        return _assess(ruleset, day, fired, facts, trace, presumed)

    def outcomes(self, casus: Casus, gemeente: str | None = None, peildatum: dt.date | None = None) -> Uitkomsten:
        """The outcome fields and the applied rules, derived by durable-rules without the explanation
        (no motivation, missing facts, presumptions or questions): the cheap check of the batch path."""
        gemeente = gemeente if gemeente is not None else casus.gemeente
        ruleset = self.cache.get(peildatum or casus.peildatum or dt.date.today(), gemeente)
        case_facts = case_to_facts(casus)
        fired, trace = _derive(ruleset, case_facts)
        facts = dict(case_facts)
        facts.update(_concluded_facts(fired, trace))
        analysis = OpenAnalysis(ruleset, facts, frozenset(trace.conflicts))
        outcome = _resolve_outcomes(ruleset, fired, facts, trace, analysis)
        return Uitkomsten(_outcome_fields(outcome, facts), frozenset(r.id for r in fired))


def _derive(ruleset: CompiledRuleSet, case_facts: dict[str, Any]) -> tuple[list[CompiledRule], _Trace]:
    """Forward chaining by durable-rules, with conflicts resolved independently of firing order.

    durable-rules keeps the first value concluded for a fact, so rules may fire on a value that a
    later rule disputes, and which rules fire then depends on the order. So a disputed fact is
    blocked and the case derived again: a blocked fact's concluded values are recorded but never
    written. Only conflicts that depend on no other conflict of the same run are blocked at a time
    (they are real whatever the order). A comparison on a blocked fact holds when it holds for every
    disputed value, fails when it fails for every one, and is unknown otherwise (`_under_dispute`);
    durable-rules cannot test that, so a rule it decides to apply is applied here: its conclusions
    go into the working memory the case is derived again from. The run ends when no new conflict
    and no such rule remains: the order-free result, the same as the vectorised evaluator's
    (`engine/batch`). A case without conflicts is derived once.
    """
    blocked: frozenset[str] = frozenset()
    forced: list[CompiledRule] = []
    replay: list[int] = []  # the previous run's firings that the next run starts with (`_shared_start`)
    while True:
        trace = _Trace(blocked=blocked)
        start: dict[str, Any] = {}
        for rule in forced:  # applied under the dispute: their conclusions are there from the start
            start.update(_record(trace, rule))
        if ruleset.durable is None:
            run = RunResult(facts={}, fired=[])
        else:
            tested = {p: v for p, v in case_facts.items() if p in ruleset.used_paths}
            wm = facts_to_wm(tested, ruleset.vocabulary)
            wm.update(wm_updates(start, {p: m for r in forced for p, m in r.adds.items()}))
            run = ruleset.durable.run(wm, functools.partial(_conclude, ruleset, trace), replay)
        # the rules applied under a dispute come last: they follow from the values disputed
        fired = [ruleset.by_durable_index[i] for i in run.fired if i in ruleset.by_durable_index] + forced
        new = {p for p in trace.conflicts if p not in blocked}
        first = {p for p in new if not ruleset.upstream.get(p, frozenset()).intersection(new)}
        if first:
            blocked |= first
            replay = [] if forced else _shared_start(ruleset, run.fired, first)
            forced = []  # decided again under the larger dispute
            continue
        more = _applied_under_dispute(ruleset, fired, case_facts, trace)
        if not more:
            return fired, trace
        forced = forced + more
        replay = []


def _shared_start(ruleset: CompiledRuleSet, fired: list[int], newly_blocked: set[str]) -> list[int]:
    """The firings (durable indices) of a run without rules applied under a dispute that the run
    after it, with `newly_blocked` blocked as well and again none applied under a dispute, starts
    with: those up to the first rule that concludes a newly blocked fact, that rule included.

    Both runs start from the same working memory, and before that rule every action writes what it
    wrote before (no fact it concludes is newly blocked, and the facts blocked before are blocked
    in both), so the working memory goes through the same states and the rules fire in the same
    order (durable-rules fires the matching rule with the lowest index first). So that rule fires
    next in both runs too; only what it writes differs: now it records the blocked value without
    writing it, and from there the runs part. The adapter replays these firings (their actions
    run again, recording into the new run's trace) and durable-rules goes on from there, instead
    of deriving the case from the start again.
    """
    by_index = ruleset.by_durable_index
    for position, index in enumerate(fired):
        rule = by_index.get(index)  # None: a split-off condition's helper, which concludes only its flag
        if rule is not None and not newly_blocked.isdisjoint(rule.derives):
            return fired[: position + 1]
    return []  # no rule that fired concludes one: derived from the start again


def _applied_under_dispute(
    ruleset: CompiledRuleSet, fired: list[CompiledRule], case_facts: dict[str, Any], trace: _Trace
) -> list[CompiledRule]:
    """Rules durable-rules did not fire that test a disputed fact and hold whatever its value."""
    if not trace.blocked:
        return []
    candidates = {p: list(trace.conflicts[p].values()) for p in trace.blocked if p in trace.conflicts}
    done = {r.id for r in fired}
    facts = dict(case_facts)
    facts.update(trace.values)
    added: dict[str, set[str]] = {}
    for rule in fired:
        for path, members in rule.adds.items():
            added.setdefault(path, set()).update(members)
    return [
        rule
        for rule in ruleset.order
        if rule.id not in done
        and rule.durable_index is not None
        and rule.effective_paths.intersection(candidates)
        and _under_dispute(rule.effective, facts, added, candidates) is True
    ]


def _under_dispute(
    node: c.Node, facts: dict[str, Any], added: dict[str, set[str]], candidates: dict[str, list[Any]]
) -> bool | None:
    """Three-valued evaluation as forward chaining sees it, with a disputed fact taken as any of its
    values: a comparison on it holds if it holds for each, fails if it fails for each."""
    if isinstance(node, c.Const):
        return node.value
    if isinstance(node, c.Not):
        inner = _under_dispute(node.item, facts, added, candidates)
        return None if inner is None else not inner
    if isinstance(node, (c.All, c.AnyOf)):
        values = [_under_dispute(i, facts, added, candidates) for i in node.items]
        decisive = isinstance(node, c.AnyOf)
        if decisive in values:
            return decisive
        return None if None in values else not decisive
    if node.path in candidates:
        results = {c.evaluate(node, {node.path: v}) for v in candidates[node.path]}
        return results.pop() if len(results) == 1 else None
    if node.path in added or (node.path not in CASE_FACTS and node.is_list):
        present = node.value in added.get(node.path, set())  # a list outcome: true once added, else unknown
        if node.op == "has":
            return True if present else None
        return False if present else None
    return c.evaluate(node, facts)


def _record(trace: _Trace, rule: CompiledRule) -> dict[str, Any]:
    """Record what `rule` concludes (conflicts noted); the values it writes to working memory."""
    values: dict[str, Any] = {}
    for path, value in rule.derives.items():
        if path in trace.blocked:
            trace.conflicts.setdefault(path, {})[rule.id] = value
            continue
        if path in trace.values:
            known = trace.values[path]
            if not (known == value and type(known) is type(value)):
                trace.conflicts.setdefault(path, {trace.setters[path]: known})[rule.id] = value
            continue
        trace.values[path] = value
        trace.setters[path] = rule.id
        values[path] = value
    return values


def _conclude(ruleset: CompiledRuleSet, trace: _Trace, index: int, wm: dict[str, Any]) -> dict[str, Any]:
    """The action of rule `index`: the facts it adds to working memory (conflicts recorded)."""
    helper_path = ruleset.helper_paths.get(index)
    if helper_path is not None:
        return wm_updates({helper_path: True})
    rule = ruleset.by_durable_index[index]
    return wm_updates(_record(trace, rule), rule.adds)


def _concluded_facts(fired: list[CompiledRule], trace: _Trace) -> dict[str, Any]:
    """Derived and outcome facts under their dotted names: the recorded values (first wins, as in
    working memory) and the members the fired rules added to list outcomes."""
    found: dict[str, Any] = dict(trace.values)
    added: dict[str, set[str]] = {}
    for rule in fired:
        for path, members in rule.adds.items():
            added.setdefault(path, set()).update(members)
    for path, present in added.items():
        found[path] = [m for m in OUTCOME_FACTS[path.split(".", 1)[1]].values if m in present]
    return found


def _possibly_disputed(
    ruleset: CompiledRuleSet, fired_ids: set[str], analysis: OpenAnalysis, trace: _Trace
) -> dict[str, list[CompiledRule]]:
    """Concluded facts that a rule not yet decided could still contradict, with those rules.

    A value is only decided when no other value can still be concluded for it: otherwise a later
    fact would turn it into a conflict (for example a second exclusion ground of the same rank).
    Such a value is left open like a disputed one, and the rules that may contradict it say
    which facts are still needed.
    """
    found: dict[str, list[CompiledRule]] = {}
    conflicts, concluders, rule_needs = trace.conflicts, ruleset.concluders, analysis.rule_needs
    for path, value in trace.values.items():
        if path in conflicts:
            continue
        for rule in concluders.get(path, ()):
            if rule.id in fired_ids:
                continue
            other = rule.derives.get(path, _ADDS_ONLY)
            if other is _ADDS_ONLY or (other == value and type(other) is type(value)) or rule_needs(rule) is None:
                continue  # a list it adds to, the same value, or decided
            found.setdefault(path, []).append(rule)
    return found


def _why_not(
    rule: CompiledRule, fired_ids: set[str], facts: dict[str, Any], evaluated: dict[str, c.OpenResult]
) -> tuple[str, list[str]]:
    """Why `rule` did not apply, and the unknown facts that keep it open. `evaluated`: the
    conditions `OpenAnalysis` evaluated on these facts (its `evaluated`), so that a rule whose own
    condition is its effective one is not evaluated again."""
    if rule.durable_index is None:
        return "niet van toepassing door de parameters (keuzes) van deze gemeente", []
    known = evaluated.get(rule.id) if rule.own_is_effective else None
    if known is None:
        # most such rules are false: explaining why finds that out in the same pass
        reasons = c.explain_if_false(rule.own, facts)
        if reasons is not None:
            return "voorwaarde niet vervuld: " + "; ".join(reasons), []
        own, own_unknown = c.evaluate_open(rule.own, facts)
    else:
        own, own_unknown = known
    if own is False:
        return "voorwaarde niet vervuld: " + "; ".join(c.why_known_false(rule.own, facts)), []
    if own is None:
        unknown = sorted(own_unknown)
        return "nog niet te beoordelen: " + ", ".join(labels.veld(u) for u in unknown) + " onbekend", unknown
    applying = [o for o in rule.overriders if o in fired_ids]
    if applying:
        return f"{_OVERRIDDEN_BY}{', '.join(applying)} (bijzondere regel gaat voor)", []
    unknown = sorted(c.unknown_facts(rule.effective, facts))
    named = ", ".join(labels.veld(u) for u in unknown)
    return _PERHAPS_OVERRIDDEN_BY + ", ".join(rule.overriders) + "; onbekend: " + named, unknown


def _tainted(fired: list[CompiledRule], disputed: set[str]) -> set[str]:
    """Rules that fired on a value left open, or on what such a rule concluded (whatever the
    firing order: followed until nothing more is reached).

    A value an open rule may still contradict stays in working memory, so rules that test it may
    have fired; their conclusions are as open as that value. (A disputed value is never written:
    `_derive`.)
    """
    tainted: set[str] = set()
    disputed = set(disputed)
    grew = True
    while grew:
        grew = False
        for rule in fired:
            if rule.id not in tainted and disputed.intersection(rule.effective_paths):
                tainted.add(rule.id)
                disputed |= set(rule.derives) | set(rule.adds)
                grew = True
    return tainted


def _grounds(
    ruleset: CompiledRuleSet, fired: list[CompiledRule], tainted: set[str], disputed: set[str], facts: dict[str, Any]
) -> list[Uitsluitingsgrond]:
    """Every established ground for `buiten`, in firing order, each with its footing.

    A ground is a member a rule adds to `buiten_gronden`, or a `buiten_domein` a rule sets
    directly (statutory precedence, age, no need for help) when that value is not disputed. A
    named exclusion from the municipal list stands on the municipality's ordinance.
    """
    found: list[Uitsluitingsgrond] = []
    for rule in fired:
        if rule.id in tainted:
            continue
        members = list(rule.adds.get(_GRONDEN, ()))
        direct = rule.derives.get(_DOMEIN)
        if direct is not None and _DOMEIN not in disputed and direct not in members:
            members.append(direct)
        bron = rule.loaded.regel.bron
        for path in _NAMED_PATHS:
            if path in rule.own_paths and facts.get(path) in ruleset.named_exclusions:
                bron = ruleset.named_exclusions[facts[path]]
        for member in members:
            found.append(
                Uitsluitingsgrond(
                    grond=member,
                    regel=rule.id,
                    basis=basis_of(bron),  # type: ignore[arg-type]
                    bron=ruleset.bronvermelding(bron).citaat,
                    uitleg=ground_in_words(member, in_words(bron, ruleset.gemeente, ruleset.register)),
                )
            )
    return found


def _not_applied(
    ruleset: CompiledRuleSet, day: dt.date, rule: CompiledRule, reason: str, unknown: list[str]
) -> NietToegepasteRegel:
    """The entry of a rule that did not apply. The same rule, reason and missing facts recur in
    case after case, so each entry is built once and shared (it is frozen), in a memo per compiled
    ruleset that is emptied when it reaches `_ENTRY_MEMO_LIMIT` entries, bounding its memory."""
    key = (day, rule.id, reason, *unknown)
    memo = ruleset.entry_memo
    found = memo.get(key)
    if found is None:
        if len(memo) >= _ENTRY_MEMO_LIMIT:
            memo.clear()
        # validated from a dict: pydantic's validator (native code) is faster than `model_construct`
        found = memo[key] = NietToegepasteRegel.model_validate(
            {
                "id": rule.id,
                "titel": rule.loaded.regel.titel,
                "bron": ruleset.bronvermelding(rule.loaded.regel.bron, day),
                "uitkomstvelden": rule.outcome_names,
                "reden": reason,
                "ontbrekend": unknown,
            }
        )
    return found


@dataclass
class _Outcome:
    """The outcome fields after resolution (contract name -> value, None while open), and why some stay open."""

    values: dict[str, Any]
    conflicts: list[Conflict]
    tainted: set[str]  # rules that fired on a disputed value
    gronden: list[Uitsluitingsgrond] = field(default_factory=list)  # every ground for `buiten`, with footing
    rivals: dict[str, list[CompiledRule]] = field(default_factory=dict)  # values an open rule may contradict
    weighing: list[Afweging] = field(default_factory=list)  # the engine's own: several grounds, no precedence


def _resolve_outcomes(
    ruleset: CompiledRuleSet,
    fired: list[CompiledRule],
    facts: dict[str, Any],
    trace: _Trace,
    analysis: OpenAnalysis,
) -> _Outcome:
    """Each outcome field's value: disputed values, values an open rule may still contradict, and
    what follows from them stay open."""
    values = {name: facts.get(path) for name, path in _OUTCOME_PATHS}
    conflicts = [
        Conflict(veld=path, waarden=dict(sorted(found.items()))) for path, found in sorted(trace.conflicts.items())
    ]
    fired_ids = {r.id for r in fired}
    rivals = _possibly_disputed(ruleset, fired_ids, analysis, trace)
    for path, rules in sorted(rivals.items()):
        waarden = {trace.setters[path]: trace.values[path], **{r.id: r.derives[path] for r in rules}}
        waiting = all(not analysis.rule_needs(r) for r in rules)  # they wait only on a disputed value
        oorzaak = (
            "volgt uit een betwist gegeven" if waiting else "nog niet uit te sluiten: ook een andere regel kan gelden"
        )
        conflicts.append(Conflict(veld=path, waarden=waarden, oorzaak=oorzaak))
    tainted = _tainted(fired, set(rivals))
    # rules built on a value left open, and rules that wait only on a disputed value (they can
    # never be decided until the rules are): what they would conclude is as open as the dispute.
    # A rule testing only case facts never waits on rules alone: open, it needs its unknown facts.
    # And without a disputed fact no rule waits on rules alone: an open rule that needs no case
    # fact is open through a derived fact that an open rule needing none may still conclude, and
    # so on down to a disputed fact (the derived facts have no cycle). So then none is asked
    # (`tests/test_open_analysis.py` checks it on every rule of generated cases).
    rule_needs = analysis.rule_needs
    hanging = [
        r
        for r in (ruleset.rules if trace.conflicts else ())
        if r.derives and r.tests_concluded and r.id not in fired_ids and rule_needs(r) == _NO_NEEDS
    ]
    for rule in [r for r in fired if r.id in tainted] + hanging:
        for path, value in rule.derives.items():
            if path not in trace.conflicts and path not in rivals:
                conflicts.append(Conflict(veld=path, waarden={rule.id: value}, oorzaak="volgt uit een betwist gegeven"))
    open_paths = set(trace.conflicts) | set(rivals) | {p for r in fired if r.id in tainted for p in r.derives}
    for path in open_paths:
        if path.startswith(OUTCOME + "."):
            values[path.split(".", 1)[1]] = None
    for name in LIST_OUTCOMES:
        path = f"{OUTCOME}.{name}"
        members = {m for r in fired if r.id not in tainted for m in r.adds.get(path, ())}
        values[name] = [m for m in OUTCOME_FACTS[name].values if m in members]
    gronden = _grounds(ruleset, fired, tainted, open_paths, facts)
    present = [d for d in BUITEN_DOMEINEN if any(g.grond == d for g in gronden)]
    values["buiten_gronden"] = present
    weighing: list[Afweging] = []
    if values["reikwijdte"] != "buiten":
        values["buiten_domein"] = None  # only meaningful when the help is outside the reach
    elif values["buiten_domein"] is None and _DOMEIN not in open_paths:
        # No rule with precedence (art. 1.2) set the domain: one established ground names it,
        # several are weighed by the professional. A ground not established (unknown) does not
        # count, as in the group rules (AW-GEEN, UIT-00-*); AW-00 asks to check the other laws.
        if len(present) == 1:
            values["buiten_domein"] = present[0]
        elif len(present) > 1:
            weighing.append(
                Afweging(
                    regel=MEERDERE_GRONDEN,
                    onderwerp="Meerdere gronden om de hulp buiten de Jeugdwet te laten, zonder wettelijke rangorde",
                    te_wegen=[g.uitleg.rstrip(".") for g in gronden]
                    + [
                        "welk domein de hulp het best biedt, samen met het gezin",
                        "draagkracht en draaglast van het gezin",
                    ],
                )
            )
    return _Outcome(values, conflicts, tainted, gronden, weighing=weighing, rivals=rivals)


def _open_fields(outcome: _Outcome, facts: dict[str, Any]) -> list[str]:
    """The outcome fields still open whose missing facts count: referral fields only when the case
    has a referral, and `buiten_domein` only when the help is outside the reach."""
    has_referral = _has_referral(facts)
    return [
        name
        for name in OPEN_OUTCOMES
        if outcome.values[name] is None
        and not (name.startswith(_VERWIJZING) and not has_referral)
        and not (name == "buiten_domein" and (outcome.values["reikwijdte"] != "buiten" or outcome.weighing))
    ]


def _missing_facts(
    analysis: OpenAnalysis, outcome: _Outcome, open_fields: list[str], used: list[UsedPresumption]
) -> tuple[set[str], list[frozenset[str]]]:
    """The unknown case facts that keep an open field open (also those a rule that may still
    contradict a value needs, and presumed facts that can still decide an open field), and the
    needs of those rules."""
    missing: set[str] = set()
    for name in open_fields:
        missing |= analysis.path_needs(f"{OUTCOME}.{name}")
    rival_needs = [n for rules in outcome.rivals.values() for r in rules if (n := analysis.rule_needs(r))]
    for needs in rival_needs:
        missing |= needs
    # a presumed fact that can still decide an open field (a rule insists on it being known, or the
    # presumption leaves the comparison open) keeps that field open like an unpresumed one
    missing |= {u.presumption.path for u in used if set(u.settles).intersection(open_fields)}
    return missing, rival_needs


def _assumptions(
    ruleset: CompiledRuleSet,
    day: dt.date,
    facts: dict[str, Any],
    fired: list[CompiledRule],
    presumed: list[str],
    analysis: OpenAnalysis,
) -> tuple[list[UsedPresumption], list[Aanname]]:
    """The presumptions another value of which changes or decides a field, and those the advice rests on."""
    fired_ids = {r.id for r in fired}
    used = presumptions_that_matter(ruleset, facts, fired_ids, presumed, analysis.evaluated) if presumed else []
    aannames = [
        Aanname(
            feit=u.presumption.path,
            waarde=u.presumption.value,
            reden=u.presumption.reden,
            bron=ruleset.bronvermelding(u.presumption.bron, day),
            vraag=u.presumption.question,
            uitkomstvelden=u.fields,
            veiligheid=u.presumption.safety,
            samen_met=u.together_with,
        )
        for u in used
        if u.mattered
    ]
    return used, aannames


def _next_questions(
    analysis: OpenAnalysis,
    open_fields: list[str],
    used: list[UsedPresumption],
    rival_needs: list[frozenset[str]],
    aannames: list[Aanname],
) -> list[Vervolgvraag]:
    """The ranked next questions (`engine.partial.rank_questions`)."""
    assumed = {a.feit for a in aannames}
    return [
        Vervolgvraag(
            feit=q.path,
            vraag=CASE_FACTS[q.path].question,
            kan_beslissen=sorted(q.fields),
            nodig_voor_elke_route=sorted(q.every_route),
            aanname=q.path in assumed,
        )
        for q in rank_questions(analysis, open_fields, used, rival_needs)
    ]


def _has_referral(facts: dict[str, Any]) -> bool:
    return "verwijzing.verwijzer" in facts


def _explain(
    ruleset: CompiledRuleSet, day: dt.date, fired: list[CompiledRule], facts: dict[str, Any], analysis: OpenAnalysis
) -> Toelichting:
    """Every applied rule with the facts it used and what it concluded, why each outcome rule did
    not apply, and where a gap in the municipality's dated values let the national value apply."""
    evaluated = analysis.evaluated
    fired_ids = {r.id for r in fired}
    toegepast = [_applied_entry(ruleset, day, r, facts) for r in fired]
    niet_toegepast = [
        _not_applied_entry(ruleset, day, rule, fired_ids, facts, evaluated)
        for rule in ruleset.rules
        if rule.outcome_fields and rule.id not in fired_ids
    ]
    return Toelichting(toegepast=toegepast, niet_toegepast=niet_toegepast, landelijke_waarden=_fallbacks(ruleset, day))


def _own_facts_key(kind: str, day: dt.date, rule: CompiledRule, facts: dict[str, Any]) -> tuple[Any, ...] | None:
    """What an entry of `rule` depends on: the day and each fact its own condition tests, with its
    type (so that 1, 1.0 and True stay apart) or absent; None when a value cannot be a key (a list)."""
    key: list[Any] = [kind, day, rule.id]
    for path in rule.own_paths:
        value = facts.get(path, _ABSENT)
        kind_of = type(value)
        if kind_of is list:
            value = tuple(value)
            if not all(type(item) is str for item in value):
                return None
        key.append(kind_of)
        key.append(value)
    return tuple(key)


def _remembered(ruleset: CompiledRuleSet, key: tuple[Any, ...] | None, make: Callable[[], Any]) -> Any:
    """`make()`, or what it made before for `key` in this compiled ruleset (a memo emptied when it
    reaches `_EXPLAINED_MEMO_LIMIT` entries, bounding its memory). `make` must return a frozen
    model or None: the same object goes to every assessment with the same key."""
    if key is None:
        return make()
    memo = ruleset.explained_memo
    found = memo.get(key, _ABSENT)
    if found is _ABSENT:
        if len(memo) >= _EXPLAINED_MEMO_LIMIT:
            memo.clear()
        found = memo[key] = make()
    return found


def _applied_entry(
    ruleset: CompiledRuleSet, day: dt.date, rule: CompiledRule, facts: dict[str, Any]
) -> ToegepasteRegel:
    """The entry of an applied rule: the facts its own condition used and what it concluded. The
    same rule on the same values recurs in case after case, so the entry is shared (frozen)."""

    def make() -> ToegepasteRegel:
        return ToegepasteRegel.model_validate(
            {
                "id": rule.id,
                "titel": rule.loaded.regel.titel,
                "bron": ruleset.bronvermelding(rule.loaded.regel.bron, day),
                "gebruikte_feiten": {p: facts[p] for p in rule.own_paths if p in facts},
                "conclusies": {**rule.derives, **{p: list(m) for p, m in rule.adds.items()}},
            }
        )

    entry: ToegepasteRegel = _remembered(ruleset, _own_facts_key("toegepast", day, rule, facts), make)
    return entry


def _not_applied_entry(
    ruleset: CompiledRuleSet,
    day: dt.date,
    rule: CompiledRule,
    fired_ids: set[str],
    facts: dict[str, Any],
    evaluated: dict[str, c.OpenResult],
) -> NietToegepasteRegel:
    """The entry of a rule that did not apply (`_why_not`, `_not_applied`). When its own condition
    is false or open, or the municipality's parameters rule it out, the entry depends only on the
    facts that condition tests, and is found by their values; only a rule whose own condition holds
    (kept out by a rule overriding it) depends on which other rules applied, and is worked out."""

    def make() -> NietToegepasteRegel | None:
        reason, unknown = _why_not(rule, fired_ids, facts, evaluated)
        if rule.durable_index is not None and reason.startswith((_OVERRIDDEN_BY, _PERHAPS_OVERRIDDEN_BY)):
            return None
        return _not_applied(ruleset, day, rule, reason, unknown)

    entry: NietToegepasteRegel | None = _remembered(ruleset, _own_facts_key("niet", day, rule, facts), make)
    if entry is None:
        entry = _not_applied(ruleset, day, rule, *_why_not(rule, fired_ids, facts, evaluated))
    return entry


def _weighings(fired: list[CompiledRule], outcome: _Outcome) -> list[Afweging]:
    """What a professional still has to weigh: from the applied rules that ask for it (or a declined
    proposal's weighing in its place), then the engine's own point when several grounds hold."""
    return [
        Afweging(regel=r.id, onderwerp=a.onderwerp, te_wegen=list(a.te_wegen))
        for r in fired
        if (a := r.afweging) is not None
    ] + outcome.weighing


def _outcome_fields(outcome: _Outcome, facts: dict[str, Any]) -> dict[str, Any]:
    """The assessment's outcome fields, derived from the outcome contract (`OUTCOME_FACTS`).

    An open route (`reikwijdte`, `toegang`) reads "onbeslist", an open yes/no reads no, and a
    grouped field (`verwijzing.*`) becomes one record, present only when the case has a referral.
    """
    fields: dict[str, Any] = {}
    for name, ft in OUTCOME_FACTS.items():
        value = outcome.values[name]
        group, _, sub = name.partition(".")
        if sub:
            if _has_referral(facts):
                fields.setdefault(group, {})[sub] = value
            else:
                fields[group] = None
        elif ft.kind == "list":
            fields[name] = list(value or [])
        elif ft.kind == "bool":
            fields[name] = bool(value)
        elif name in UNDECIDED_OUTCOMES:
            fields[name] = value or UNDECIDED
        else:
            fields[name] = value
    return fields


def _motivate(
    ruleset: CompiledRuleSet,
    day: dt.date,
    fired: list[CompiledRule],
    facts: dict[str, Any],
    fields: dict[str, Any],
    afwegingen: list[Afweging],
    ontbrekend: list[str],
    conflicts: list[Conflict],
    gronden: list[Uitsluitingsgrond],
    aannames: list[Aanname],
    landelijke_waarden: list[str],
) -> str:
    """The motivation text from the outcome fields and the rules that applied."""
    return build_motivation(
        reikwijdte=fields["reikwijdte"],
        buiten_domein=fields["buiten_domein"],
        gronden=[g.uitleg for g in gronden],
        toegang=fields["toegang"],
        onmiddellijk_handelen=fields["onmiddellijk_handelen"],
        reasons=[
            (
                fill_template((r.motivering or r.loaded.regel.titel).strip(), facts, ruleset.parameters),
                ruleset.bronvermelding(r.loaded.regel.bron).citaat,
            )
            for r in fired
            if r.outcome_fields or r.motivering or r.afweging
        ],
        afwegingen=[f"{a.onderwerp}: {', '.join(a.te_wegen)}" for a in afwegingen],
        ontbrekend=[labels.veld(p) for p in ontbrekend],
        aannames=[
            f"{labels.veld(a.feit)}: aangenomen {aangenomen(a.feit, a.waarde)}"
            + (f" (telt samen met {', '.join(labels.veld(f) for f in a.samen_met)})" if a.samen_met else "")
            + f". {a.reden.rstrip('.')}. (bron: {a.bron.citaat}; te bevestigen met de vraag: {a.vraag})"
            for a in aannames
        ],
        conflicten=[
            f"{labels.veld(k.veld)}: "
            + ", ".join(f"{rid} zegt {labels.waarde(k.veld, v)}" for rid, v in k.waarden.items())
            for k in conflicts
        ],
        landelijke_waarden=landelijke_waarden,
        peildatum=day,
        gemeente=ruleset.gemeente,
        verwijzing_status=(fields["verwijzing"] or {}).get("status"),
        heeft_verwijzing=fields["verwijzing"] is not None,
    )


def _assess(
    ruleset: CompiledRuleSet,
    day: dt.date,
    fired: list[CompiledRule],
    facts: dict[str, Any],
    trace: _Trace,
    presumed: list[str],
) -> Beoordeling:
    """The assessment in named steps: resolve the outcomes, find what is missing and what was
    assumed, rank the next questions, explain, motivate, build."""
    analysis = OpenAnalysis(ruleset, facts, frozenset(trace.conflicts))
    outcome = _resolve_outcomes(ruleset, fired, facts, trace, analysis)
    open_fields = _open_fields(outcome, facts)
    used, aannames = _assumptions(ruleset, day, facts, fired, presumed, analysis)
    missing, rival_needs = _missing_facts(analysis, outcome, open_fields, used)
    ontbrekend = sorted(missing)
    vervolgvragen = _next_questions(analysis, open_fields, used, rival_needs, aannames)
    toelichting = _explain(ruleset, day, fired, facts, analysis)
    afwegingen = _weighings(fired, outcome)
    fields = _outcome_fields(outcome, facts)
    motivering = _motivate(
        ruleset,
        day,
        fired,
        facts,
        fields,
        afwegingen,
        ontbrekend,
        outcome.conflicts,
        outcome.gronden,
        aannames,
        [w.uitleg for w in toelichting.landelijke_waarden],
    )
    return Beoordeling(
        **fields,
        buiten_gronden_basis=outcome.gronden,
        professionele_afweging=afwegingen,
        ontbrekende_gegevens=ontbrekend,
        aannames=aannames,
        vervolgvragen=vervolgvragen,
        conflicten=outcome.conflicts,
        toelichting=toelichting,
        motivering=motivering,
        regelset=receipt(ruleset, day),
    )


def receipt(ruleset: CompiledRuleSet, day: dt.date) -> Regelset:
    """The assessment's receipt: every field but the date is the compiled ruleset's, found once
    per rules load (the commit) or per compiled ruleset (the hashes), never per case."""
    return Regelset(
        versie=ruleset.versie,
        peildatum=day,
        gemeente=ruleset.gemeente,
        parameters_versie=ruleset.parameterstand.versie,
        motor_versie=ENGINE_VERSION,
        regeltaal_versie=REGELTAAL_VERSIE,
        commit=ruleset.commit,
    )


def _fallbacks(ruleset: CompiledRuleSet, day: dt.date) -> list[LandelijkeWaarde]:
    """The municipal parameters with a gap on `day`, where the national value applied."""
    where = ruleset.gemeente or "landelijk"
    return [
        LandelijkeWaarde(
            parameter=name,
            waarde=ruleset.parameters[name],
            uitleg=(
                f"Gemeente {where} geeft voor '{name}' waarden met een periode, maar geen die op "
                f"{day.isoformat()} geldt; daarom geldt de landelijke waarde ({show_parameter(ruleset.parameters[name])})."
            ),
        )
        for name in ruleset.parameterstand.landelijk_in_gat
    ]
