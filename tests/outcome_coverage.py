"""Outcome coverage: which outcome values the scenarios reach.

Every value an assessment can carry (each reikwijdte, buiten_domein and toegang value, each
grondslag and signaal, and every yes/no field true and false) must be reached by at least one
scenario; a value no scenario reaches is a value nobody checked. The values are read off the
outcome vocabulary in `engine.facts`, so a new signaal or domein is covered automatically.
"""

from __future__ import annotations

from collections.abc import Iterable

from engine.assessment import Beoordeling
from engine.facts import OUTCOME_FACTS

#: What the scenarios of this test run reached (filled by the `beoordeel` step in conftest).
REACHED: set[tuple[str, str]] = set()

#: Values of the assessment that are not outcome-field values but still must be reached.
_OPEN = {"reikwijdte": ("onbeslist",), "toegang": ("onbeslist",)}


def expected_values() -> set[tuple[str, str]]:
    """(field, value) for every value the outcome vocabulary allows."""
    found: set[tuple[str, str]] = set()
    for name, ft in OUTCOME_FACTS.items():
        if ft.kind == "bool":
            found |= {(name, "true"), (name, "false")}
        else:
            found |= {(name, v) for v in ft.values}
    for name, values in _OPEN.items():
        found |= {(name, v) for v in values}
    return found


def reached_values(b: Beoordeling) -> set[tuple[str, str]]:
    """(field, value) reached by one assessment.

    Yes/no fields count only when a rule concluded them: `onmiddellijk_handelen` and
    `gedwongen_kader` read as false in the assessment when nothing was concluded, and that
    default is not a value any rule reached.
    """
    found: set[tuple[str, str]] = {("reikwijdte", b.reikwijdte), ("toegang", b.toegang)}
    if b.buiten_domein is not None:
        found.add(("buiten_domein", b.buiten_domein))
    found |= {("grondslagen", g) for g in b.grondslagen}
    found |= {("buiten_gronden", g) for g in b.buiten_gronden}
    found |= {("signalen", s) for s in b.signalen}
    conflicted = {c.veld for c in b.conflicten}
    for rule in b.toelichting.toegepast:
        for path, value in rule.conclusies.items():
            if not path.startswith("uitkomst."):
                continue
            name = path.split(".", 1)[1]
            if isinstance(value, bool) and path not in conflicted:
                found.add((name, "true" if value else "false"))
    if b.verwijzing is not None:
        for name, value in b.verwijzing.model_dump().items():
            if isinstance(value, str):
                found.add((f"verwijzing.{name}", value))
            elif value is not None:
                found.add((f"verwijzing.{name}", "true" if value else "false"))
    return found


def missing_values(reached: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The allowed values no scenario reached, sorted."""
    return sorted(expected_values() - set(reached))
