"""The parameter values in force for one municipality on one day: the one place that resolves them.

A parameter value may carry its own periods (`perioden`, each with `geldig_vanaf`/`geldig_tot`),
nationally and in a municipal file, so a threshold can change on 1 July without copying rules.
Everything that needs the values of a date (the compiler, the ruleset cache, the leefwereldtoets,
the what-if) asks this module, so all of them resolve a date the same way:

1. a municipal value: its period covering the day, or its plain (undated) value;
2. where the municipality has dated values but none covers the day (a gap), or sets nothing:
   the national value, which is its period covering the day, else its `standaard`;
3. the municipal lists that extend a national parameter (named exclusions, declined proposals).

A gap in a municipal value is recorded (`Parameterstand.landelijk_in_gat`) so the assessment can
say that the national value applied.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from engine.rule_model import GedateerdeWaarde, GemeenteBestand, Parameter, ParameterPeriode

#: A resolved value was not found (distinct from a value that is `None`).
_NONE = object()


def value_in_periods(perioden: Sequence[ParameterPeriode], day: dt.date) -> Any:
    """The value of the period covering `day`, or `_NONE` (periods do not overlap: validation)."""
    for periode in perioden:
        if periode.valid_on(day):
            return periode.waarde
    return _NONE


def national_value(spec: Parameter, day: dt.date) -> Any:
    """A national parameter's value on `day`: its period covering the day, else its standard
    (`_NONE` when it has neither, which validation refuses on days that rules are in force)."""
    found = value_in_periods(spec.perioden or (), day)
    if found is _NONE and spec.has_standaard:
        return spec.standaard
    return found


@dataclass(frozen=True)
class Parameterstand:
    """The parameter values in force for one configuration on one day, and how they were found."""

    peildatum: dt.date
    gemeente: str | None
    values: dict[str, Any]
    #: Parameters for which the municipality gives dated values, none of which covers the day:
    #: the national value applies.
    landelijk_in_gat: tuple[str, ...] = ()
    #: National parameters without any value on the day (no period, no standard).
    zonder_waarde: tuple[str, ...] = ()
    versie: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "versie", values_hash(self.values))


def values_hash(values: Mapping[str, Any]) -> str:
    """Content hash of parameter values (16 hex digits), the receipt's `parameters_versie`."""
    payload = json.dumps(values, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def parameters_in_force(
    parameters: Mapping[str, Parameter], gemeente: GemeenteBestand | None, day: dt.date
) -> Parameterstand:
    """The values on `day` for a municipality (`None`: the national configuration).

    The one resolution every caller uses; `RuleBase.parameters_on` calls it with the rule base's
    declarations and the municipality's file.
    """
    values: dict[str, Any] = {}
    missing: list[str] = []
    for name, spec in parameters.items():
        value = national_value(spec, day)
        if value is _NONE:
            missing.append(name)
        else:
            values[name] = value
    gaps: list[str] = []
    if gemeente is not None:
        for name, own in gemeente.parameters.items():
            if isinstance(own, GedateerdeWaarde):
                value = value_in_periods(own.perioden, day)
                if value is _NONE:
                    gaps.append(name)
                    continue
            else:
                value = own
            values[name] = value
            if name in missing:
                missing.remove(name)
        if gemeente.uitgesloten_hulpvormen and "uitgesloten_hulpvormen" in values:
            values["uitgesloten_hulpvormen"] = list(values["uitgesloten_hulpvormen"]) + [
                u.waarde for u in gemeente.uitgesloten_hulpvormen
            ]
        if "niet_gevolgde_voorstellen" in values:
            values["niet_gevolgde_voorstellen"] = [n.regel for n in gemeente.niet_gevolgde_voorstellen]
    return Parameterstand(
        peildatum=day,
        gemeente=gemeente.gemeente.code if gemeente is not None else None,
        values=values,
        landelijk_in_gat=tuple(sorted(g for g in gaps if g in values)),
        zonder_waarde=tuple(missing),
    )


def change_days(parameters: Iterable[Parameter], gemeenten: Iterable[GemeenteBestand]) -> set[dt.date]:
    """Every day on which some parameter value starts or stops holding (nationally or in a
    municipality): between two of them, and between the rules' own change days, the values
    in force are constant."""
    days: set[dt.date] = set()

    def add(perioden: Iterable[ParameterPeriode]) -> None:
        for p in perioden:
            days.add(p.geldig_vanaf)
            if p.geldig_tot is not None:
                days.add(p.geldig_tot + dt.timedelta(days=1))

    for spec in parameters:
        add(spec.perioden or ())
    for bestand in gemeenten:
        for own in bestand.parameters.values():
            if isinstance(own, GedateerdeWaarde):
                add(own.perioden)
    return days
