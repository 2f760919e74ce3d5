"""Evaluating a case: durable-rules derives, this layer explains.

durable-rules does the forward chaining; this module records which rules fired and what they
concluded, resolves the outcome fields (a conflict between two rules that neither overrides is
reported, never settled silently), and explains: every applied rule with its source and the
facts it used, why each outcome rule did not apply, and which unknown facts keep an outcome open.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine import conditions as c
from engine.assessment import (
    Aanname,
    Afweging,
    Beoordeling,
    Conflict,
    NietToegepasteRegel,
    Regelset,
    ToegepasteRegel,
    Toelichting,
    Vervolgvraag,
    VerwijzingUitkomst,
)
from engine.case import Casus
from engine.compiler import CompiledRule, CompiledRuleSet, RulesetCache
from engine.durable_adapter import RunResult
from engine.facts import (
    CASE_FACTS,
    LIST_OUTCOMES,
    OPEN_OUTCOMES,
    OUTCOME,
    OUTCOME_FACTS,
    SCALAR_OUTCOMES,
    case_to_facts,
    facts_to_wm,
    flag_key,
    wm_key,
)
from engine.loader import load_rulebase
from engine.motivation import build_motivation, fill_template
from engine.partial import OpenAnalysis, presumptions_that_matter, rank_questions, show_presumed
from engine.rulebase import RuleBase

_VERWIJZING = "verwijzing."


@dataclass
class _Trace:
    """What happened during one run, recorded by the actions."""

    values: dict[str, Any] = field(default_factory=dict)  # every derived/outcome value set so far
    setters: dict[str, str] = field(default_factory=dict)
    conflicts: dict[str, dict[str, Any]] = field(default_factory=dict)


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
        trace = _Trace()
        if ruleset.durable is None:
            run = RunResult(facts={}, fired=[])
        else:
            tested = {p: v for p, v in case_facts.items() if p in ruleset.used_paths}
            run = ruleset.durable.run(
                facts_to_wm(tested, ruleset.vocabulary), lambda i, wm: _conclude(ruleset, trace, i, wm)
            )
        fired = [ruleset.by_durable_index[i] for i in run.fired if i in ruleset.by_durable_index]
        facts = dict(case_facts)
        facts.update(_concluded_facts(fired, trace))
        return _assess(ruleset, day, fired, facts, trace, presumed)


def _conclude(ruleset: CompiledRuleSet, trace: _Trace, index: int, wm: dict[str, Any]) -> dict[str, Any]:
    """The action of rule `index`: the facts it adds to working memory (conflicts recorded)."""
    helper_path = ruleset.helper_paths.get(index)
    if helper_path is not None:
        return {wm_key(helper_path): True}
    rule = ruleset.by_durable_index[index]
    updates: dict[str, Any] = {}
    for path, value in rule.derives.items():
        if path in trace.values:
            known = trace.values[path]
            if not (known == value and type(known) is type(value)):
                trace.conflicts.setdefault(path, {trace.setters[path]: known})[rule.id] = value
            continue
        trace.values[path] = value
        trace.setters[path] = rule.id
        updates[wm_key(path)] = value
    for path, members in rule.adds.items():
        for member in members:
            updates[flag_key(path, member)] = True
    return updates


def _concluded_facts(fired: list[CompiledRule], trace: _Trace) -> dict[str, Any]:
    """Derived and outcome facts under their dotted names: the recorded values (first wins, as in
    working memory) and the members the fired rules added to list outcomes."""
    found: dict[str, Any] = dict(trace.values)
    added: dict[str, set[str]] = {}
    for rule in fired:
        for path, members in rule.adds.items():
            added.setdefault(path, set()).update(members)
    for path, members in added.items():
        found[path] = [m for m in OUTCOME_FACTS[path.split(".", 1)[1]].values if m in members]
    return found


def _why_not(rule: CompiledRule, fired_ids: set[str], facts: dict[str, Any]) -> tuple[str, list[str]]:
    if rule.durable_index is None:
        return "niet van toepassing door de parameters (keuzes) van deze gemeente", []
    own, own_unknown = c.evaluate_open(rule.own, facts)
    if own is False:
        return "voorwaarde niet vervuld: " + "; ".join(c.why_false(rule.own, facts)), []
    if own is None:
        unknown = sorted(own_unknown)
        return "nog niet te beoordelen: " + ", ".join(unknown) + " onbekend", unknown
    applying = [o for o in rule.overriders if o in fired_ids]
    if applying:
        return f"uitgezonderd door {', '.join(applying)} (bijzondere regel gaat voor)", []
    unknown = sorted(c.unknown_facts(rule.effective, facts))
    return "mogelijk uitgezonderd door " + ", ".join(rule.overriders) + "; onbekend: " + ", ".join(unknown), unknown


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
    for path, value in trace.values.items():
        if path in trace.conflicts:
            continue
        for rule in ruleset.concluders.get(path, ()):
            if rule.id in fired_ids or path not in rule.derives:
                continue
            other = rule.derives[path]
            if (other == value and type(other) is type(value)) or not analysis.rule_needs(rule):
                continue  # the same value, or decided, or waiting only on what can no longer be concluded
            found.setdefault(path, []).append(rule)
    return found


def _tainted(fired: list[CompiledRule], disputed: set[str]) -> set[str]:
    """Rules that fired on a disputed value, or on what such a rule concluded, in firing order.

    The first of two conflicting values stays in working memory, so rules that test it may have
    fired; their conclusions are as open as the dispute itself.
    """
    tainted: set[str] = set()
    disputed = set(disputed)
    for rule in fired:
        if disputed.intersection(rule.effective_paths):
            tainted.add(rule.id)
            disputed |= set(rule.derives) | set(rule.adds)
    return tainted


def _not_applied(rule: CompiledRule, reason: str, unknown: list[str]) -> NietToegepasteRegel:
    # Validated from a dict: pydantic's validator (native code) is faster than `model_construct`.
    return NietToegepasteRegel.model_validate(
        {
            "id": rule.id,
            "titel": rule.loaded.regel.titel,
            "bron": rule.bronvermelding,
            "uitkomstvelden": rule.outcome_names,
            "reden": reason,
            "ontbrekend": unknown,
        }
    )


def _assess(
    ruleset: CompiledRuleSet,
    day: dt.date,
    fired: list[CompiledRule],
    facts: dict[str, Any],
    trace: _Trace,
    presumed: list[str],
) -> Beoordeling:
    outcome = {name: facts.get(f"{OUTCOME}.{name}") for name in OUTCOME_FACTS}
    conflicts = [Conflict(veld=path, waarden=values) for path, values in sorted(trace.conflicts.items())]
    fired_ids = {r.id for r in fired}
    analysis = OpenAnalysis(ruleset, facts)
    possible = _possibly_disputed(ruleset, fired_ids, analysis, trace)
    for path, rivals in sorted(possible.items()):
        waarden = {trace.setters[path]: trace.values[path], **{r.id: r.derives[path] for r in rivals}}
        conflicts.append(
            Conflict(veld=path, waarden=waarden, oorzaak="nog niet uit te sluiten: ook een andere regel kan gelden")
        )
    tainted = _tainted(fired, set(trace.conflicts) | set(possible))
    for rule in fired:
        if rule.id in tainted:
            for path, value in rule.derives.items():
                if path not in trace.conflicts and path not in possible:
                    conflicts.append(
                        Conflict(veld=path, waarden={rule.id: value}, oorzaak="volgt uit een betwist gegeven")
                    )
    open_paths = set(trace.conflicts) | set(possible) | {p for r in fired if r.id in tainted for p in r.derives}
    for path in open_paths:
        if path.startswith(OUTCOME + "."):
            outcome[path.split(".", 1)[1]] = None
    if outcome["reikwijdte"] != "buiten":
        outcome["buiten_domein"] = None  # only meaningful when the help is outside the reach
    for name in LIST_OUTCOMES:
        path = f"{OUTCOME}.{name}"
        members = {m for r in fired if r.id not in tainted for m in r.adds.get(path, ())}
        outcome[name] = [m for m in OUTCOME_FACTS[name].values if m in members]

    has_referral = "verwijzing.verwijzer" in facts
    open_fields = [
        name
        for name in OPEN_OUTCOMES
        if outcome[name] is None
        and not (name.startswith(_VERWIJZING) and not has_referral)
        and not (name == "buiten_domein" and outcome["reikwijdte"] != "buiten")
    ]
    missing: set[str] = set()
    for name in open_fields:
        missing |= analysis.path_needs(f"{OUTCOME}.{name}")
    rival_needs = [n for rivals in possible.values() for r in rivals if (n := analysis.rule_needs(r))]
    for needs in rival_needs:
        missing |= needs
    used = presumptions_that_matter(ruleset, facts, fired_ids, presumed) if presumed else []
    # a presumed fact that can still decide an open field (a rule insists on it being known, or the
    # presumption leaves the comparison open) keeps that field open like an unpresumed one
    missing |= {u.presumption.path for u in used if set(u.settles).intersection(open_fields)}
    aannames = [
        Aanname(
            feit=u.presumption.path,
            waarde=u.presumption.value,
            reden=u.presumption.reden,
            bron=u.presumption.bron,
            vraag=u.presumption.question,
            uitkomstvelden=u.fields,
            veiligheid=u.presumption.safety,
        )
        for u in used
        if u.mattered
    ]
    assumed = {a.feit for a in aannames}
    vervolgvragen = [
        Vervolgvraag(
            feit=q.path,
            vraag=CASE_FACTS[q.path].question,
            kan_beslissen=sorted(q.fields),
            nodig_voor_elke_route=sorted(q.every_route),
            aanname=q.path in assumed,
        )
        for q in rank_questions(analysis, open_fields, used, rival_needs)
    ]
    toegepast = [
        ToegepasteRegel.model_validate(
            {
                "id": r.id,
                "titel": r.loaded.regel.titel,
                "bron": r.bronvermelding,
                "gebruikte_feiten": {p: facts[p] for p in r.own_paths if p in facts},
                "conclusies": {**r.derives, **{p: list(m) for p, m in r.adds.items()}},
            }
        )
        for r in fired
    ]
    niet_toegepast = [
        _not_applied(rule, *_why_not(rule, fired_ids, facts))
        for rule in ruleset.rules
        if rule.outcome_fields and rule.id not in fired_ids
    ]

    afwegingen = [
        Afweging(regel=r.id, onderwerp=a.onderwerp, te_wegen=list(a.te_wegen))
        for r in fired
        if (a := r.loaded.regel.dan.professionele_afweging) is not None
    ]
    reikwijdte = outcome["reikwijdte"] or "onbeslist"
    toegang = outcome["toegang"] or "onbeslist"
    verwijzing = None
    if has_referral:
        verwijzing = VerwijzingUitkomst(
            **{name[len(_VERWIJZING) :]: outcome[name] for name in SCALAR_OUTCOMES if name.startswith(_VERWIJZING)}
        )
    ontbrekend = sorted(missing)
    motivering = build_motivation(
        reikwijdte=reikwijdte,
        buiten_domein=outcome["buiten_domein"],
        toegang=toegang,
        onmiddellijk_handelen=bool(outcome["onmiddellijk_handelen"]),
        reasons=[
            (
                fill_template((r.loaded.regel.motivering or r.loaded.regel.titel).strip(), facts, ruleset.parameters),
                r.loaded.regel.bron.citation(),
            )
            for r in fired
            if r.outcome_fields or r.loaded.regel.motivering or r.loaded.regel.dan.professionele_afweging
        ],
        afwegingen=[f"{a.onderwerp}: {', '.join(a.te_wegen)}" for a in afwegingen],
        ontbrekend=[f"{p} ({CASE_FACTS[p].description})" if CASE_FACTS[p].description else p for p in ontbrekend],
        aannames=[
            f"{a.feit}: aangenomen {show_presumed(a.waarde)}. {a.reden.rstrip('.')}. "
            f"(bron: {a.bron.citaat}; te bevestigen met de vraag: {a.vraag})"
            for a in aannames
        ],
        conflicten=[f"{k.veld}: " + ", ".join(f"{rid} zegt {v}" for rid, v in k.waarden.items()) for k in conflicts],
        peildatum=day,
        gemeente=ruleset.gemeente,
        verwijzing_status=outcome["verwijzing.status"],
        heeft_verwijzing=has_referral,
    )
    return Beoordeling(
        reikwijdte=reikwijdte,
        buiten_domein=outcome["buiten_domein"],
        toegang=toegang,
        onmiddellijk_handelen=bool(outcome["onmiddellijk_handelen"]),
        gedwongen_kader=bool(outcome["gedwongen_kader"]),
        grondslagen=list(outcome["grondslagen"] or []),
        signalen=list(outcome["signalen"] or []),
        verwijzing=verwijzing,
        professionele_afweging=afwegingen,
        ontbrekende_gegevens=ontbrekend,
        aannames=aannames,
        vervolgvragen=vervolgvragen,
        conflicten=conflicts,
        toelichting=Toelichting(toegepast=toegepast, niet_toegepast=niet_toegepast),
        motivering=motivering,
        regelset=Regelset(versie=ruleset.versie, peildatum=day, gemeente=ruleset.gemeente),
    )
