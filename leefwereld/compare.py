"""Leefwereldtoets: what a rule change does to the families in the persona library.

The working groups asked that every measure be tested against the lived world of families, and
warned that narrowing the reach may hurt families with a child with a lifelong or chronic
condition, or a severe acute illness, most (004_82bfb980c5993adb.txt r. 3513-3535). This module
compares two assessments of one persona (before and after a rule change) field by field, and their
professional judgements (`professionele_afweging`) rule by rule, and classifies every change as more
access, less access or a different route. A judgement that disappears counts as less access: the
safeguards the sources leave to a professional (LW-01 for chronically and acutely ill children,
r. 3521-3534) change no outcome field, so without this comparison they could vanish unnoticed. It is pure: it works on
`Beoordeling` objects and rule bases, so the same logic serves the CLI, CI and tests.

The classification is documented for policy makers in docs/leefwereldtoets.md; keep both in step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from engine.assessment import Beoordeling
from engine.casefile import PROTECTED_GROUPS, CaseFile, PersonaInfo
from engine.facts import OUTCOME_FACTS
from engine.labels import VERWIJZING_STATUS_KORT
from engine.rule_model import Conditie, ParameterVerwijzing
from engine.rulebase import LoadedErkenning, RuleBase


class Klasse(str, Enum):
    """How a change affects what a family can count on (ordered from harmless to harmful)."""

    gelijk = "gelijk"
    meer_toegang = "meer_toegang"
    andere_route = "andere_route"
    minder_toegang = "minder_toegang"

    @property
    def ernst(self) -> int:
        return _ERNST[self]


_ERNST = {Klasse.gelijk: 0, Klasse.meer_toegang: 1, Klasse.andere_route: 2, Klasse.minder_toegang: 3}

#: Dutch headings of the matrix columns, one per top-level outcome field (`verwijzing` groups its sub-fields).
_KOPPEN = {
    "reikwijdte": "Reikwijdte",
    "buiten_domein": "Gaat voor",
    "buiten_gronden": "Gronden buiten",
    "toegang": "Toegang",
    "onmiddellijk_handelen": "Direct handelen",
    "gedwongen_kader": "Gedwongen kader",
    "grondslagen": "Grondslagen",
    "signalen": "Signalen",
    "verwijzing": "Verwijzing",
}
#: The pseudo-field under which a changed professional judgement is reported.
AFWEGING = "professionele_afweging"

#: Matrix columns: (outcome field, Dutch heading), in the order of the outcome contract, then the
#: professional judgements.
KOLOMMEN: tuple[tuple[str, str], ...] = tuple(
    (kolom, _KOPPEN[kolom]) for kolom in dict.fromkeys(name.split(".", 1)[0] for name in OUTCOME_FACTS)
) + ((AFWEGING, "Afwegingen"),)
#: The referral's sub-fields, from the outcome contract.
VERWIJZING_VELDEN = tuple(name.split(".", 1)[1] for name in OUTCOME_FACTS if name.startswith("verwijzing."))

# Access order. Equal rank with a different value is a different route (vrij_toegankelijk and
# beschikking both give help; which one is a matter of route, not of access).
_RANG = {
    "reikwijdte": {"buiten": 0, "onbeslist": 1, "binnen": 2},
    "toegang": {"geen": 0, "onbeslist": 1, "vrij_toegankelijk": 2, "beschikking": 2},
}
# Yes/no fields where "yes" is better for the family, and where "yes" is a hurdle. An open
# referral field (None) lies between the two.
_JA_IS_BETER = {
    "onmiddellijk_handelen",
    "verwijzing.toegestaan",
    "verwijzing.gemeente_moet_betalen",
    "verwijzing.start_niet_blokkeren",
}
_JA_IS_DREMPEL = {"verwijzing.toestemming_vooraf", "verwijzing.gemeente_niet_verplicht"}
# Neither better nor worse in itself: reported as a different route.
_NEUTRAAL = {"gedwongen_kader", "verwijzing.toetsing_achteraf", "signalen"}

#: Where a referral stands (`verwijzing.status`, docs/assessment.md). None of these is a refusal:
#: a referral that waits for the municipality's approval, is checked afterwards, has no referral
#: question or goes through the municipal access team is a different route to the help. A change
#: of `toegestaan` or `toestemming_vooraf` that such a status explains is classed by the status, not
#: by the yes/no field; a real refusal (the municipality need not pay, `gemeente_moet_betalen`
#: false, or the start is blocked) stays a loss.
VERWIJZING_STATUSSEN = frozenset(
    {"toegestaan", "goedkeuring_vooraf_nodig", "goedkeuring_achteraf", "geen_verwijsvraag", "via_gemeentelijke_toegang"}
)
#: Referral sub-fields whose change a known status explains, with the values it explains them to
#: (None: open, pending the route the status names).
_DOOR_STATUS: dict[str, dict[str, tuple[Any, ...]]] = {
    "toegestaan": {
        "goedkeuring_vooraf_nodig": (None,),
        "goedkeuring_achteraf": (None,),
        "geen_verwijsvraag": (None,),
        # Not a statutory referrer: the request goes through the municipal access team (VW-02).
        "via_gemeentelijke_toegang": (None, False),
    },
    "toestemming_vooraf": {"goedkeuring_vooraf_nodig": (True,)},
    # Payment follows the approval: open (either way) while the approval is pending.
    "gemeente_moet_betalen": {"goedkeuring_vooraf_nodig": (None,), "goedkeuring_achteraf": (None,)},
    "gemeente_niet_verplicht": {"goedkeuring_vooraf_nodig": (None,), "goedkeuring_achteraf": (None,)},
}

_GEEN_VERWACHTING = object()


@dataclass(frozen=True)
class VeldWijziging:
    """One outcome field that differs between the base rules and the current rules."""

    veld: str  # e.g. "toegang" or "verwijzing.gemeente_moet_betalen"
    oud: Any
    nieuw: Any
    klasse: Klasse
    verwacht: Any = _GEEN_VERWACHTING  # the persona's expectation for this field, if it states one
    opmerking: str = ""

    @property
    def kolom(self) -> str:
        return self.veld.split(".", 1)[0]

    @property
    def heeft_verwachting(self) -> bool:
        return self.verwacht is not _GEEN_VERWACHTING

    @property
    def is_afweging(self) -> bool:
        return self.veld == AFWEGING

    @property
    def naar_verwachting(self) -> bool:
        """The new value is exactly what the persona's family may count on."""
        return self.heeft_verwachting and _same(self.nieuw, self.verwacht)


@dataclass(frozen=True)
class RegelVerschil:
    """A rule that explains a persona's change: no longer applied, newly applied, or changed."""

    id: str
    titel: str
    citaat: str
    hoe: str  # "niet meer toegepast" | "nu toegepast" | "regeltekst gewijzigd", plus what happened to its text
    reden: str = ""  # why it no longer applies, from the current assessment


@dataclass(frozen=True)
class Persona:
    """A persona as the leefwereldtoets uses it: its name (the file's stem) and its case file.

    The story, the groups and what the family may count on are the case file's own
    (`engine.casefile.PersonaInfo`); this record only adds the name and reads them off.
    """

    stem: str
    case: CaseFile
    info: PersonaInfo = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.case.persona is None:
            raise ValueError(f"{self.stem}: no 'persona' section")
        object.__setattr__(self, "info", self.case.persona)

    @property
    def naam(self) -> str:
        return self.info.naam

    @property
    def groepen(self) -> list[str]:
        return [str(g) for g in self.info.groepen]

    @property
    def waar_ze_op_mogen_rekenen(self) -> str:
        return " ".join(self.info.waar_ze_op_mogen_rekenen.split())

    @property
    def verwacht(self) -> dict[str, Any]:
        """The outcome fields the family may count on, as stated (nothing when the file states none)."""
        return self.case.verwacht.model_dump(exclude_none=True) if self.case.verwacht else {}

    @property
    def beschermd(self) -> bool:
        return bool(PROTECTED_GROUPS.intersection(self.groepen))


@dataclass
class PersonaVergelijking:
    """One persona in one municipality configuration: base outcome against current outcome."""

    persona: Persona
    gemeente: str | None  # None: national defaults
    basis_gemeente: str | None  # the base configuration compared with (None if it lacked this municipality)
    oud: Beoordeling
    nieuw: Beoordeling
    wijzigingen: list[VeldWijziging]
    regels: list[RegelVerschil]
    erkenning: LoadedErkenning | None = None
    bereikt_verwachting: bool = False  # the old outcome missed the expectation, the new one meets all of it

    @property
    def klasse(self) -> Klasse:
        return max((w.klasse for w in self.wijzigingen), key=lambda k: k.ernst, default=Klasse.gelijk)

    @property
    def verlies(self) -> list[VeldWijziging]:
        """Less-access changes that move away from what the family may count on.

        Outcome losses are excused when the change brings the persona exactly what it may count on:
        a rule set that finally gets a family right must not need an acknowledgement for it. A lost
        professional judgement is never excused that way: a persona's expectation names outcome
        fields only, so reaching it says nothing about the safeguard that disappeared.
        """
        return [
            w
            for w in self.wijzigingen
            if w.klasse is Klasse.minder_toegang
            and (w.is_afweging or (not self.bereikt_verwachting and not w.naar_verwachting))
        ]

    @property
    def verliest_afweging(self) -> bool:
        return any(w.is_afweging for w in self.verlies)

    @property
    def vraagt_erkenning(self) -> bool:
        return self.persona.beschermd and bool(self.verlies)

    @property
    def faalt(self) -> bool:
        return self.vraagt_erkenning and self.erkenning is None

    def kolomklasse(self, kolom: str) -> Klasse:
        found = [w.klasse for w in self.wijzigingen if w.kolom == kolom]
        return max(found, key=lambda k: k.ernst, default=Klasse.gelijk)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list) or isinstance(b, list):
        return sorted(a or []) == sorted(b or [])
    return a == b


def uitkomstvelden(b: Beoordeling) -> dict[str, Any]:
    """The compared outcome fields of an assessment (the outcome contract's), referral sub-fields flattened."""
    values: dict[str, Any] = {}
    for name, ft in OUTCOME_FACTS.items():
        group, _, sub = name.partition(".")
        if sub:
            record = getattr(b, group)
            if record is not None:
                values[name] = getattr(record, sub)
        else:
            value = getattr(b, name)
            values[name] = sorted(value) if ft.kind == "list" else value
    return values


def afwegingen(b: Beoordeling) -> dict[str, str]:
    """The professional judgements of an assessment: rule id -> onderwerp (one per rule)."""
    return {a.regel: " ".join(a.onderwerp.split()) for a in b.professionele_afweging}


def afweging_tekst(regel: str, onderwerp: str) -> str:
    return f"{onderwerp} ({regel})"


def vergelijk_afwegingen(oud: Beoordeling, nieuw: Beoordeling) -> list[VeldWijziging]:
    """Every professional judgement that disappeared, appeared or changed subject, classified.

    Judgements are matched by rule and by subject (onderwerp): a judgement that another rule now
    raises under the same subject, or that its rule raises under a new subject, is still there (a
    different route). One that neither its rule nor its subject carries any more is lost: less
    access, because what the sources leave to the professional is no longer put before one. A new
    judgement is a different route: the outcome fields say whether it brings more access.
    """
    before, after = afwegingen(oud), afwegingen(nieuw)
    subjects_before, subjects_after = set(before.values()), set(after.values())
    changes: list[VeldWijziging] = []
    for regel, onderwerp in sorted(before.items()):
        if regel in after:
            if after[regel] != onderwerp:
                changes.append(
                    VeldWijziging(
                        AFWEGING,
                        afweging_tekst(regel, onderwerp),
                        afweging_tekst(regel, after[regel]),
                        Klasse.andere_route,
                        opmerking="onderwerp gewijzigd",
                    )
                )
        elif onderwerp in subjects_after:
            by = sorted(r for r, o in after.items() if o == onderwerp and r not in before)
            if by:
                changes.append(
                    VeldWijziging(
                        AFWEGING,
                        afweging_tekst(regel, onderwerp),
                        afweging_tekst(by[0], onderwerp),
                        Klasse.andere_route,
                        opmerking="nu door een andere regel",
                    )
                )
        else:
            changes.append(
                VeldWijziging(
                    AFWEGING,
                    afweging_tekst(regel, onderwerp),
                    None,
                    Klasse.minder_toegang,
                    opmerking="afweging vervalt",
                )
            )
    for regel, onderwerp in sorted(after.items()):
        if regel not in before and onderwerp not in subjects_before:
            changes.append(
                VeldWijziging(
                    AFWEGING, None, afweging_tekst(regel, onderwerp), Klasse.andere_route, opmerking="nieuwe afweging"
                )
            )
    return changes


def _bool_rank(veld: str, value: bool | None) -> int:
    rank = {False: 0, None: 1, True: 2}[value]
    return 2 - rank if veld in _JA_IS_DREMPEL else rank


def klasse_van(veld: str, oud: Any, nieuw: Any) -> Klasse:
    """The class of one field's change, by the access order (see docs/leefwereldtoets.md)."""
    if _same(oud, nieuw):
        return Klasse.gelijk
    if veld in _RANG:
        order = _RANG[veld]
        a, b = order.get(oud, 1), order.get(nieuw, 1)
        return Klasse.andere_route if a == b else (Klasse.meer_toegang if b > a else Klasse.minder_toegang)
    if veld == "verwijzing.status":
        # Every status is a route, none a refusal; "not yet to say" (None) lies below a known route.
        if oud is None or nieuw is None:
            return Klasse.meer_toegang if oud is None else Klasse.minder_toegang
        return Klasse.andere_route
    if veld == "buiten_domein":
        if nieuw is None:
            return Klasse.meer_toegang
        return Klasse.minder_toegang if oud is None else Klasse.andere_route
    if veld == "grondslagen":
        return Klasse.minder_toegang if set(oud) - set(nieuw) else Klasse.meer_toegang
    if veld == "buiten_gronden":
        # A ground gone is a barrier gone; a ground added is information (whether it keeps the help
        # out is `reikwijdte`'s change, classified there).
        return Klasse.meer_toegang if set(nieuw or []) < set(oud or []) else Klasse.andere_route
    if veld in _NEUTRAAL:
        return Klasse.andere_route
    if veld in _JA_IS_BETER or veld in _JA_IS_DREMPEL:
        a, b = _bool_rank(veld, oud), _bool_rank(veld, nieuw)
        return Klasse.meer_toegang if b > a else Klasse.minder_toegang
    return Klasse.andere_route


def klasse_door_status(veld: str, nieuw: Any, status: str | None, klasse: Klasse) -> Klasse:
    """A referral loss that the new `verwijzing.status` explains as a route (pending approval, a
    check afterwards, no referral question, the municipal access team) is a different route."""
    if klasse is not Klasse.minder_toegang or status not in VERWIJZING_STATUSSEN or not veld.startswith("verwijzing."):
        return klasse
    explained = _DOOR_STATUS.get(veld.split(".", 1)[1], {}).get(status, ())
    return Klasse.andere_route if any(nieuw is v for v in explained) else klasse


def _verwachting(verwacht: dict[str, Any], veld: str) -> Any:
    if veld.startswith("verwijzing."):
        sub = veld.split(".", 1)[1]
        return (verwacht.get("verwijzing") or {}).get(sub, _GEEN_VERWACHTING)
    return verwacht.get(veld, _GEEN_VERWACHTING)


def afwijkingen(b: Beoordeling, verwacht: Mapping[str, Any]) -> list[tuple[str, Any, Any]]:
    """Does an assessment meet the expectation? (field, expected, actual) for every stated field it misses.

    The one definition of "meets the expectation", for the persona run and the leefwereldtoets:
    lists compare as sets, an expectation for the referral (`verwijzing`) is checked per
    sub-field it states, and the professional judgements it names (rule ids) must all be there
    (others may come on top).
    """
    values = uitkomstvelden(b)
    found: list[tuple[str, Any, Any]] = []
    for veld, want in verwacht.items():
        if veld == AFWEGING:
            # The judgements the family may count on must be there; others may come on top.
            got = afwegingen(b)
            if set(want) - set(got):
                found.append((veld, sorted(want), sorted(got)))
            continue
        stated = {f"{veld}.{sub}": v for sub, v in want.items()} if isinstance(want, dict) else {veld: want}
        for name, expected in stated.items():
            actual = values.get(name)
            if not _same(actual, expected):
                found.append((name, sorted(expected) if isinstance(expected, list) else expected, actual))
    return found


def vergelijk_velden(oud: Beoordeling, nieuw: Beoordeling, verwacht: dict[str, Any]) -> list[VeldWijziging]:
    """Every outcome field and professional judgement that changed, classified.

    A change of route that leaves the outcome the persona expects (say beschikking, for a family
    that needs lasting specialised help, becoming vrij_toegankelijk) takes away something the
    family may count on, so it counts as less access.
    """
    before, after = uitkomstvelden(oud), uitkomstvelden(nieuw)
    changes = []
    for veld in [*before, *(k for k in after if k not in before)]:
        a, b = before.get(veld), after.get(veld)
        klasse = klasse_van(veld, a, b)
        if klasse is Klasse.gelijk:
            continue
        status = after.get("verwijzing.status")
        opmerking = ""
        by_status = klasse_door_status(veld, b, status, klasse)
        if by_status is not klasse:
            klasse, opmerking = by_status, f"niet geweigerd: {VERWIJZING_STATUS_KORT[str(status)]}"
        expected = _verwachting(verwacht, veld)
        if expected is not _GEEN_VERWACHTING and _same(a, expected) and not _same(b, expected):
            if klasse is Klasse.andere_route:
                klasse = Klasse.minder_toegang
            opmerking = "; ".join(filter(None, (opmerking, "wijkt nu af van wat het gezin mag verwachten")))
        elif expected is not _GEEN_VERWACHTING and _same(b, expected):
            opmerking = "; ".join(filter(None, (opmerking, "komt nu overeen met wat het gezin mag verwachten")))
        changes.append(VeldWijziging(veld, a, b, klasse, expected, opmerking))
    return changes + vergelijk_afwegingen(oud, nieuw)


def gewijzigde_regels(oud: RuleBase, nieuw: RuleBase) -> dict[str, str]:
    """Rule id -> "nieuw" | "verwijderd" | "gewijzigd", for every rule whose text differs."""

    def versions(base: RuleBase) -> dict[str, list[Any]]:
        found: dict[str, list[Any]] = {}
        for r in base.rules:
            found.setdefault(r.id, []).append(r.regel.model_dump(mode="json", by_alias=True))
        return {k: sorted(v, key=lambda d: str(d.get("geldig_vanaf"))) for k, v in found.items()}

    a, b = versions(oud), versions(nieuw)
    result = {rid: "nieuw" for rid in b.keys() - a.keys()}
    result.update({rid: "verwijderd" for rid in a.keys() - b.keys()})
    result.update({rid: "gewijzigd" for rid in a.keys() & b.keys() if a[rid] != b[rid]})
    return dict(sorted(result.items()))


def gewijzigde_parameters(
    oud: RuleBase, nieuw: RuleBase, gemeente: str | None, peildata: Iterable[dt.date]
) -> dict[str, tuple[Any, Any]]:
    """Parameter name -> (base value, current value) for one configuration, where they differ on
    one of the personas' reference dates (the values in force there: a parameter may carry its own
    periods). A parameter whose change differs between those dates is listed once per date, as
    "naam (op JJJJ-MM-DD)"."""
    per_day: dict[str, dict[dt.date, tuple[Any, Any]]] = {}
    for day in sorted(set(peildata)):
        a = oud.parameter_values(gemeente if gemeente in oud.gemeenten else None, day)
        b = nieuw.parameter_values(gemeente if gemeente in nieuw.gemeenten else None, day)
        for k in a.keys() | b.keys():
            if a.get(k) != b.get(k):
                per_day.setdefault(k, {})[day] = (a.get(k), b.get(k))
    found: dict[str, tuple[Any, Any]] = {}
    for name, changes in sorted(per_day.items()):
        pairs = list(changes.values())
        if len(changes) == len(set(peildata)) and all(p == pairs[0] for p in pairs):
            found[name] = pairs[0]
        else:
            found.update({f"{name} (op {day.isoformat()})": pair for day, pair in changes.items()})
    return found


_TEKST = {"nieuw": " (nieuwe regel)", "gewijzigd": " (regeltekst gewijzigd)", "verwijderd": " (regel verwijderd)"}


def verantwoordelijke_regels(oud: Beoordeling, nieuw: Beoordeling, gewijzigd: Mapping[str, str]) -> list[RegelVerschil]:
    """The rules that explain a persona's change, each with its source.

    Rules applied before but not now, rules applied now but not before, and rules applied in
    either whose text changed between the two rule versions (`gewijzigd`: id -> nieuw |
    gewijzigd | verwijderd, from `gewijzigde_regels`).
    """
    changed = dict(gewijzigd)
    before = {r.id: r for r in oud.toelichting.toegepast}
    after = {r.id: r for r in nieuw.toelichting.toegepast}
    why_not = {r.id: r.reden for r in nieuw.toelichting.niet_toegepast}
    found: list[RegelVerschil] = []
    for rid, r in before.items():
        if rid not in after:
            reden = why_not.get(rid) or ("regel bestaat niet meer" if rid in changed else "is niet meer van toepassing")
            found.append(
                RegelVerschil(
                    rid, r.titel, r.bron.citaat, "niet meer toegepast" + _TEKST.get(changed.get(rid, ""), ""), reden
                )
            )
    for rid, r in after.items():
        if rid not in before:
            found.append(
                RegelVerschil(rid, r.titel, r.bron.citaat, "nu toegepast" + _TEKST.get(changed.get(rid, ""), ""))
            )
        elif rid in changed:
            found.append(RegelVerschil(rid, r.titel, r.bron.citaat, "regeltekst gewijzigd"))
    # The edited rules first: they are what the policy maker changed; the rest follows from them.
    return sorted(found, key=lambda x: x.id not in changed)


def zoek_erkenning(
    erkenningen: Iterable[LoadedErkenning], persona: str, gemeente: str | None, regels: Iterable[str]
) -> LoadedErkenning | None:
    """The acknowledgement that covers this persona, configuration and one of the responsible rules."""
    ids = set(regels)
    for loaded in erkenningen:
        e = loaded.erkenning
        if e.persona == persona and e.regel in ids and (e.gemeente is None or e.gemeente == gemeente):
            return loaded
    return None


def vergelijk_persona(
    persona: Persona,
    gemeente: str | None,
    basis_gemeente: str | None,
    oud: Beoordeling,
    nieuw: Beoordeling,
    gewijzigd: Mapping[str, str],
    erkenningen: Iterable[LoadedErkenning],
) -> PersonaVergelijking:
    """Compare one persona's two assessments and look up an acknowledgement where one is needed."""
    wijzigingen = vergelijk_velden(oud, nieuw, persona.verwacht)
    regels = verantwoordelijke_regels(oud, nieuw, gewijzigd) if wijzigingen else []
    result = PersonaVergelijking(persona, gemeente, basis_gemeente, oud, nieuw, wijzigingen, regels)
    if wijzigingen and persona.verwacht:
        result.bereikt_verwachting = not afwijkingen(nieuw, persona.verwacht) and bool(
            afwijkingen(oud, persona.verwacht)
        )
    if result.vraagt_erkenning:
        result.erkenning = zoek_erkenning(erkenningen, persona.stem, gemeente, [r.id for r in regels])
    return result


# -- national consistency -------------------------------------------------------------------------


@dataclass
class Eenheidsverschil:
    """A persona whose outcome in a municipality differs from the national defaults."""

    persona: Persona
    gemeente: str
    wijzigingen: list[VeldWijziging]
    regels: list[str]  # rules applied in one configuration but not the other
    verklaring: list[str] = field(default_factory=list)  # municipal parameters / non-national rules

    @property
    def verklaard(self) -> bool:
        return bool(self.verklaring)


def parameters_in(cond: Conditie) -> set[str]:
    """Parameters a condition reads, as a value (`{parameter: x}`) or as a fact (`parameter.x`)."""
    found: set[str] = set()
    for items in (cond.alle, cond.een_van):
        for item in items or []:
            found |= parameters_in(item)
    if cond.niet is not None:
        found |= parameters_in(cond.niet)
    if cond.feit is not None:
        if cond.feit.startswith("parameter."):
            found.add(cond.feit.split(".", 1)[1])
        operand = cond.operand(cond.operator)
        if isinstance(operand, ParameterVerwijzing):
            found.add(operand.parameter)
    return found


def landelijke_eenheid(
    persona: Persona, landelijk: Beoordeling, gemeente: str, lokaal: Beoordeling, base: RuleBase
) -> Eenheidsverschil | None:
    """Does a national rule give this persona another outcome here, and does a municipal choice explain it?

    A difference is explained when a rule that applies in one configuration but not the other
    reads a parameter this municipality sets to another value than the national default, or is
    marked `landelijk: false`, or when an applied rule is a proposal this municipality declines. Anything else means a rule meant to be national is not.
    """
    wijzigingen = vergelijk_velden(landelijk, lokaal, {})
    if not wijzigingen:
        return None
    national_ids = {r.id for r in landelijk.toelichting.toegepast}
    local_ids = {r.id for r in lokaal.toelichting.toegepast}
    differing = sorted(national_ids ^ local_ids)
    day = landelijk.regelset.peildatum
    defaults = base.parameter_values(None, day)
    values = base.parameter_values(gemeente, day)
    changed_params = {p for p in values if values[p] != defaults.get(p)}
    verklaring = []
    for rid in differing:
        for loaded in base.rule_versions(rid):
            if not loaded.regel.landelijk:
                verklaring.append(f"{rid} is geen landelijke regel (landelijk: false)")
            for p in sorted(parameters_in(loaded.regel.als) & changed_params):
                verklaring.append(f"{rid} leest parameter {p} (landelijk {defaults.get(p)!r}, hier {values[p]!r})")
    # A proposal the municipality declines in its own file (niet_gevolgde_voorstellen) is a local choice.
    declined = {n.regel for n in base.gemeenten[gemeente].bestand.niet_gevolgde_voorstellen}
    for rid in sorted((national_ids | local_ids) & declined):
        verklaring.append(f"{rid}: deze gemeente volgt dit voorstel niet (niet_gevolgde_voorstellen)")
    return Eenheidsverschil(persona, gemeente, wijzigingen, differing, sorted(set(verklaring)))
