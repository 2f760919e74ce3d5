"""Soundness of the advice on a partly known case: what it decides, no later fact may change.

An outcome field the assessment decides must keep its value for every completion of the unknown
facts that have no presumption (presumed facts held at their presumed values), and a grondslag or
signaal it lists must stay listed. `violations` draws random completions of one case and reports
every change; `tests/test_soundness.py` runs it with hypothesis over generated partial cases in
every municipality configuration.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from engine.assessment import Beoordeling
from engine.case import Casus
from engine.case_generator import random_value
from engine.evaluator import Engine
from engine.facts import CASE_FACTS, LIST_OUTCOMES, OUTCOME, case_to_facts


def decided(b: Beoordeling) -> dict[str, Any]:
    """The scalar outcome fields the assessment decides, by name, and the list members it lists.

    A yes/no field counts as decided only when a rule concluded it (the assessment shows an open
    `onmiddellijk_handelen` as false), so the applied rules are read, minus disputed fields.
    """
    disputed = {k.veld for k in b.conflicten}
    found: dict[str, Any] = {}
    for rule in b.toelichting.toegepast:
        for path, value in rule.conclusies.items():
            if path.startswith(OUTCOME + ".") and path not in disputed:
                name = path.split(".", 1)[1]
                if name in LIST_OUTCOMES:
                    found.setdefault(name, set()).update(value)
                else:
                    found[name] = value
    if b.reikwijdte != "buiten":
        found.pop("buiten_domein", None)
    return found


def _value(rng: random.Random, path: str, names: list[str]) -> Any:
    """A random value of a case fact; text facts also take the names the parameters list."""
    ft = CASE_FACTS[path]
    if ft.kind == "str":
        return rng.choice(names)
    return random_value(rng, path, ft)


@dataclass
class Violation:
    field: str
    before: Any
    after: Any
    completion: dict[str, Any]

    def __str__(self) -> str:
        return f"{self.field}: {self.before!r} -> {self.after!r} with {self.completion}"


def _with(casus: Casus, extra: dict[str, Any]) -> Casus:
    data = casus.model_dump(mode="json", exclude_none=True)
    for path, value in extra.items():
        node = data
        *parents, leaf = path.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    return Casus.model_validate(data)


def _text_values(parameters: dict[str, Any]) -> list[str]:
    """Values to draw for a text fact: one nobody lists, and the names the parameters list."""
    return ["elders", *(v for p in parameters.values() if isinstance(p, list) for v in p if isinstance(v, str))]


def _changed(before: dict[str, Any], after: dict[str, Any], extra: dict[str, Any]) -> list[Violation]:
    """The decided fields of `before` that `after` changed (a listed member dropped counts)."""
    found: list[Violation] = []
    for name, value in before.items():
        later = after.get(name)
        if isinstance(value, set):
            if not value <= (later or set()):
                found.append(Violation(name, sorted(value), sorted(later or ()), extra))
        elif later != value or type(later) is not type(value):
            found.append(Violation(name, value, later, extra))
    return found


def violations(
    engine: Engine,
    casus: Casus,
    gemeente: str | None,
    day: dt.date,
    rng: random.Random,
    completions: int = 6,
) -> list[Violation]:
    """Changes to decided outcomes under `completions` random completions of the unknown facts."""
    ruleset = engine.ruleset(day, gemeente)
    before = decided(engine.evaluate(casus, gemeente=gemeente, peildatum=day))
    if not before:
        return []
    known = case_to_facts(casus)
    names = _text_values(ruleset.parameters)
    open_facts = [p for p in ruleset.used_paths if p in CASE_FACTS and p not in known and p not in ruleset.presumptions]
    found: list[Violation] = []
    for _ in range(completions):
        share = rng.choice((0.3, 0.7, 1.0))
        extra = {p: _value(rng, p, names) for p in sorted(open_facts) if rng.random() < share}
        after = decided(engine.evaluate(_with(casus, extra), gemeente=gemeente, peildatum=day))
        found += _changed(before, after, extra)
    return found


def unlisted_presumptions(
    engine: Engine,
    casus: Casus,
    gemeente: str | None,
    day: dt.date,
    rng: random.Random,
    completions: int = 4,
) -> list[Violation]:
    """Changes to decided outcomes when presumed facts get values, none of which the assessment
    lists as an assumption (`aannames`): the advice rested on a presumption without saying so.

    Random values for a random share of the presumed unknown facts, several at once, so that
    presumptions that matter only together are tried too.
    """
    ruleset = engine.ruleset(day, gemeente)
    assessment = engine.evaluate(casus, gemeente=gemeente, peildatum=day)
    before = decided(assessment)
    if not before:
        return []
    listed = {a.feit for a in assessment.aannames}
    known = case_to_facts(casus)
    names = _text_values(ruleset.parameters)
    presumed = sorted(p for p in ruleset.presumptions if p not in known)
    found: list[Violation] = []
    for _ in range(completions):
        share = rng.choice((0.2, 0.5, 1.0))
        extra = {p: _value(rng, p, names) for p in presumed if rng.random() < share}
        if listed.intersection(extra):
            continue  # a listed presumption changed: the advice said it rests on it
        after = decided(engine.evaluate(_with(casus, extra), gemeente=gemeente, peildatum=day))
        found += _changed(before, after, extra)
    return found
