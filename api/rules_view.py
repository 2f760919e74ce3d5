"""The rules in force on a date for a municipality, as the API shows them (with sources).

Built from the same compiled ruleset the engine evaluates with, so what `/v1/regels` lists is
exactly what an assessment on that date and in that municipality would apply.
"""

from __future__ import annotations

import datetime as dt

from api.models import Periode, RegelDetail, RegelSamenvatting, RegelsOverzicht
from engine.compiler import CompiledRule, CompiledRuleSet
from engine.evaluator import Engine


class RuleNotFound(LookupError):
    """No rule with this id, or none of its versions is in force on the date."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _summary_fields(ruleset: CompiledRuleSet, rule: CompiledRule, peildatum: dt.date) -> dict[str, object]:
    regel = rule.loaded.regel
    return {
        "id": rule.id,
        "titel": regel.titel,
        "bron": ruleset.bronvermelding(regel.bron, peildatum),
        "geldig_vanaf": regel.geldig_vanaf,
        "geldig_tot": regel.geldig_tot,
        "bestand": rule.loaded.file,
        "regelnummer": rule.loaded.line,
        "uitzondering_op": list(regel.uitzondering_op),
        "uitgezonderd_door": list(rule.overriders),
        "uitkomstvelden": [f.split(".", 1)[1] for f in rule.outcome_fields],
        "van_toepassing": rule.durable_index is not None,
    }


def overview(engine: Engine, gemeente: str | None, peildatum: dt.date) -> RegelsOverzicht:
    """Every rule in force; raises `SelectionError` for an unknown municipality or empty date."""
    ruleset = engine.ruleset(peildatum, gemeente)
    return RegelsOverzicht(
        gemeente=gemeente,
        peildatum=peildatum,
        versie=ruleset.versie,
        parameters=dict(ruleset.parameters),
        regels=[RegelSamenvatting(**_summary_fields(ruleset, r, peildatum)) for r in ruleset.rules],  # type: ignore[arg-type]
    )


def detail(engine: Engine, rule_id: str, gemeente: str | None, peildatum: dt.date) -> RegelDetail:
    """One rule as in force on the date, with its condition, conclusion and all its periods."""
    versions = engine.base.rule_versions(rule_id)
    if not versions:
        raise RuleNotFound(f"Er is geen regel met id '{rule_id}'.")
    ruleset: CompiledRuleSet = engine.ruleset(peildatum, gemeente)
    found = next((r for r in ruleset.rules if r.id == rule_id), None)
    periods = sorted((v.regel.geldig_vanaf, v.regel.geldig_tot) for v in versions)
    if found is None:
        shown = "; ".join(f"{a.isoformat()} t/m {b.isoformat() if b else 'heden'}" for a, b in periods)
        raise RuleNotFound(f"Regel '{rule_id}' geldt niet op {peildatum.isoformat()} (geldig: {shown}).")
    regel = found.loaded.regel
    return RegelDetail(
        **_summary_fields(ruleset, found, peildatum),  # type: ignore[arg-type]
        als=regel.als.model_dump(mode="json", by_alias=True, exclude_none=True),
        dan=regel.dan.model_dump(mode="json", by_alias=True, exclude_none=True),
        motivering=regel.motivering,
        versies=[Periode(geldig_vanaf=a, geldig_tot=b) for a, b in periods],
    )
