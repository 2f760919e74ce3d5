"""The motivation (motivering) in plain Dutch, built only from the rules that applied.

A family must be able to follow why the advice is what it is, and the text must be usable in
a beschikking; so it states the outcome, then each applied rule's own sentence with its source,
what a professional still has to weigh, what is still unknown, and, where the route is a
beschikking, how to object and appeal.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from engine.conditions import show_value

_FIELD = re.compile(r"\{([a-z_][a-z0-9_.]*)\}")

BEZWAAR_EN_BEROEP = (
    "Bezwaar en beroep: bent u het niet eens met het besluit dat op deze beoordeling wordt gebaseerd? "
    "Dan kunt u binnen zes weken na de dag waarop het besluit aan u is bekendgemaakt bezwaar maken "
    "bij het college van burgemeester en wethouders (artikelen 6:7 en 6:8 Algemene wet bestuursrecht). "
    "Na de beslissing op uw bezwaar kunt u in beroep gaan bij de rechtbank."
)

_REIKWIJDTE = {
    "binnen": "De hulpvraag valt binnen de reikwijdte van de Jeugdwet.",
    "buiten": "De hulpvraag valt buiten de reikwijdte van de Jeugdwet.",
    "onbeslist": "Of de hulpvraag binnen de reikwijdte van de Jeugdwet valt, is nog niet te zeggen.",
}
_DOMEIN = {
    "gebruikelijke_zorg": "Het gaat om gebruikelijke zorg die ouders en hun netwerk zelf geven.",
    "wlz": "De hulp hoort bij de Wet langdurige zorg (Wlz).",
    "zvw": "De hulp hoort bij de Zorgverzekeringswet (Zvw).",
    "bjj": "De hulp hoort bij de Beginselenwet justitiële jeugdinrichtingen.",
    "wmo": "De hulp hoort bij de Wet maatschappelijke ondersteuning 2015 (Wmo).",
    "passend_onderwijs": "De ondersteuning hoort bij Passend onderwijs (de school).",
    "verzekering": "De hulp is te krijgen via een (aanvullende) verzekering.",
    "volwassenenhulp": "De hulp is gericht op de ouders als volwassenen en hoort bij een ander domein.",
    "uitgesloten_hulpvorm": "Deze hulpvorm is uitgesloten van jeugdhulp.",
    "geen_jeugdhulp_nodig": "Jeugdhulp is niet nodig: het gezin kan dit met eigen mogelijkheden oplossen.",
    "geen_jeugdwetdoel": "De gevraagde hulp dient geen van de doelen van de Jeugdwet (gezond en veilig opgroeien, "
    "groeien naar zelfstandigheid, zelfredzaam zijn en meedoen).",
    "andere_gemeente": "De jeugdige woont in een andere gemeente; die gemeente is verantwoordelijk voor de "
    "jeugdhulp (woonplaatsbeginsel, Jeugdwet art. 2.3 lid 1). Deze gemeente draagt de hulpvraag warm over.",
    "meerderjarig": "De jongere is meerderjarig en de jeugdhulp loopt niet door; hulp voor volwassenen "
    "(zoals Wmo 2015 of Zorgverzekeringswet) gaat voor.",
}
#: Each ground for `buiten` as the start of a sentence; its footing follows (see engine.footing).
_GROND = {
    "gebruikelijke_zorg": "De gevraagde hulp is wat ouders en hun netwerk gewoonlijk geven",
    "wlz": "Voor deze problematiek bestaat recht op zorg uit de Wet langdurige zorg",
    "zvw": "Voor deze problematiek bestaat recht op zorg uit de Zorgverzekeringswet",
    "bjj": "Voor deze problematiek bestaat recht op zorg uit de Beginselenwet justitiële jeugdinrichtingen",
    "wmo": "De ondersteuning is te krijgen via de Wmo 2015",
    "passend_onderwijs": "De ondersteuning hoort bij de zorgplicht Passend onderwijs van de school",
    "verzekering": "De hulp is te krijgen via een (aanvullende) verzekering",
    "volwassenenhulp": "De hulp is gericht op de ouders als volwassenen",
    "uitgesloten_hulpvorm": "Deze hulpvorm valt niet onder jeugdhulp",
    "geen_jeugdhulp_nodig": "Jeugdhulp is niet nodig",
    "geen_jeugdwetdoel": "De hulp dient geen van de doelen van de Jeugdwet",
    "meerderjarig": "De jongere is meerderjarig en de jeugdhulp loopt niet door",
}

_TOEGANG = {
    "vrij_toegankelijk": "De hulp is vrij toegankelijk: er is geen beschikking nodig.",
    "beschikking": "Voor deze hulp is een beschikking (individueel besluit) nodig.",
    "geen": "Er is geen toegang tot jeugdhulp voor deze hulpvraag.",
    "onbeslist": "De route naar de hulp (vrij toegankelijk of beschikking) is nog niet te bepalen.",
}

#: Each referral state in plain Dutch (`verwijzing.status`), for the family and the referrer.
VERWIJZING_UITLEG = {
    "toegestaan": "De verwijzing is toegestaan; er is geen aparte goedkeuring van de gemeente nodig.",
    "goedkeuring_vooraf_nodig": "De verwijzing wijkt af van het aanbod dat de gemeente heeft ingekocht. Deze gemeente "
    "beoordeelt zo'n afwijking vooraf: de hulp start zodra de gemeente heeft ingestemd. Dit is nog geen weigering; "
    "achteraf kijkt de gemeente bij de betaling altijd nog mee.",
    "goedkeuring_achteraf": "De verwijzing wijkt af van het aanbod dat de gemeente heeft ingekocht. Deze gemeente vraagt "
    "geen toestemming vooraf: de hulp kan starten, en de gemeente toetst de verwijzing achteraf, bij de betaling.",
    "geen_verwijsvraag": "Voor deze hulp is geen verwijzing nodig: u kunt zich zelf aanmelden.",
    "via_gemeentelijke_toegang": "Deze verwijzing komt niet van een wettelijke verwijzer (huisarts, jeugdarts, medisch "
    "specialist, gecertificeerde instelling of lokaal team). U kunt zich zelf melden bij de gemeentelijke toegang "
    "(het lokale team); die bekijkt samen met u welke hulp nodig is.",
}
VERWIJZING_OPEN = (
    "Waar de verwijzing staat (toegestaan, goedkeuring nodig of geen verwijzing nodig) is nog niet te zeggen."
)


def show_parameter(value: Any) -> str:
    """A fact's or parameter's value in a Dutch sentence: ja/nee, whole numbers without '.0', a
    list as its members separated by commas."""
    if value is None:
        return "(onbekend)"
    if isinstance(value, list):
        return ", ".join(show_value(v) for v in value)
    return show_value(value)


#: A rule's sentence split at its `{...}` references once (`_FIELD.split`: text, reference, text,
#: ...), since the same few sentences are filled in for case after case; at most `_TEMPLATE_LIMIT`.
_TEMPLATES: dict[str, list[str]] = {}
_TEMPLATE_LIMIT = 4096


def fill_template(text: str, facts: dict[str, Any], parameters: dict[str, Any]) -> str:
    """Replace `{pad}` by the fact's value (or `{parameter.naam}` by the parameter's)."""
    parts = _TEMPLATES.get(text)
    if parts is None:
        parts = _FIELD.split(text)
        if len(_TEMPLATES) >= _TEMPLATE_LIMIT:
            _TEMPLATES.clear()
        _TEMPLATES[text] = parts
    if len(parts) == 1:
        return text
    filled = parts[:]
    for at in range(1, len(parts), 2):
        ref = parts[at]
        value = parameters.get(ref.split(".", 1)[1]) if ref.startswith("parameter.") else facts.get(ref)
        filled[at] = show_parameter(value)
    return "".join(filled)


def domein_in_words(domein: str) -> str:
    """What `buiten_domein` means, as a sentence the family reads (the code only if no words exist)."""
    return _DOMEIN.get(domein, domein.replace("_", " "))


def ground_in_words(grond: str, footing: str) -> str:
    """One ground for `buiten` and its footing as one Dutch sentence."""
    return f"{_GROND.get(grond, grond)}, {footing}."


def build_motivation(
    *,
    reikwijdte: str,
    buiten_domein: str | None,
    gronden: Sequence[str],
    toegang: str,
    onmiddellijk_handelen: bool,
    reasons: Sequence[tuple[str, str]],
    afwegingen: Sequence[str],
    ontbrekend: Sequence[str],
    conflicten: Sequence[str],
    aannames: Sequence[str] = (),
    landelijke_waarden: Sequence[str] = (),
    peildatum: dt.date,
    gemeente: str | None,
    verwijzing_status: str | None = None,
    heeft_verwijzing: bool = False,
) -> str:
    """The motivation text; `reasons` are (sentence, source citation) of the applied rules,
    `gronden` every established ground for `buiten` with its footing, in words."""
    where = f"gemeente {gemeente}" if gemeente else "landelijke regels"
    parts = [f"Beoordeling volgens de regels geldig op {peildatum.isoformat()} ({where})."]
    if onmiddellijk_handelen:
        parts.append("Er zijn zorgen over de veiligheid: er moet direct gehandeld worden.")
    if reikwijdte == "buiten" and buiten_domein == "andere_gemeente":
        # The child is not outside the Jeugdwet, only outside this municipality's duty.
        parts.append("De hulpvraag valt niet onder de jeugdhulpplicht van deze gemeente.")
    else:
        parts.append(_REIKWIJDTE[reikwijdte])
    if reikwijdte == "buiten" and buiten_domein:
        parts.append(_DOMEIN.get(buiten_domein, buiten_domein))
    if reikwijdte != "buiten" or toegang != "geen":
        parts.append(_TOEGANG[toegang])
    if heeft_verwijzing:
        parts.append(VERWIJZING_UITLEG[verwijzing_status] if verwijzing_status else VERWIJZING_OPEN)
    text = " ".join(parts)
    if gronden:
        if reikwijdte == "buiten" and len(gronden) > 1 and not buiten_domein:
            head = (
                "Er zijn meerdere gronden om de hulp buiten de Jeugdwet te laten; geen wet bepaalt welke "
                "voorgaat, dus de professional weegt ze met u:"
            )
        elif reikwijdte == "buiten":
            head = "Grond(en) waarop de hulp buiten de Jeugdwet valt:"
        else:
            head = "Deze gronden gelden ook; ze staan de hulp nu niet in de weg, maar u moet ze kennen:"
        text += "\n\n" + head + "\n" + "\n".join(f"- {g}" for g in gronden)
    if reasons:
        text += "\n\nDit volgt uit:\n" + "\n".join(f"- {sentence} (bron: {source})" for sentence, source in reasons)
    if aannames:
        text += (
            "\n\nDit advies rust op aannames: deze feiten zijn nog onbekend, en het advies gaat uit van de "
            "waarde hieronder. Klopt een aanname niet, dan kan het advies anders uitvallen:\n"
            + "\n".join(f"- {a}" for a in aannames)
        )
    if landelijke_waarden:
        text += "\n\nLandelijke waarden in plaats van gemeentelijke:\n" + "\n".join(
            f"- {w}" for w in landelijke_waarden
        )
    if afwegingen:
        text += "\n\nDe professional moet nog afwegen:\n" + "\n".join(f"- {a}" for a in afwegingen)
    if ontbrekend:
        text += "\n\nNog onbekend, en nodig voor een uitkomst:\n" + "\n".join(f"- {o}" for o in ontbrekend)
    if conflicten:
        text += "\n\nDe regels spreken elkaar tegen over:\n" + "\n".join(f"- {c}" for c in conflicten)
    if toegang == "beschikking":
        text += "\n\n" + BEZWAAR_EN_BEROEP
    return text
