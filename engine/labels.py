"""The Dutch words for every case field, enum value and outcome code: one place, used everywhere.

Staff and families never read `stoornis_beperking` or `vrij_toegankelijk`: the web pages, the
terminal output (`reikwijdte evaluate`) and the motivation name fields, values and outcomes with
the labels below. A test checks that every case field, every value of the case model's enums and
every outcome value has exactly one. The question an access worker asks for a field stays in
`engine.case.VRAGEN`; the sentences of the motivation in `engine.motivation`.
"""

from __future__ import annotations

from typing import Any

#: The parts of the case, as the intake form groups them.
GROEP: dict[str, str] = {
    "jeugdige": "De jeugdige",
    "situatie": "De situatie",
    "hulpvraag": "De hulpvraag",
    "andere_wetten": "Andere wetten",
    "zorg_door_ouders": "Zorg door de ouders",
    "verwijzing": "De verwijzing",
    "maatregel": "Maatregelen",
}

#: Each case field (dotted path) and the case's own data, in a few words.
VELD: dict[str, str] = {
    "kenmerk": "Eigen kenmerk",
    "gemeente": "Gemeente",
    "peildatum": "Peildatum",
    "jeugdige.leeftijd": "Leeftijd",
    "jeugdige.woonplaats_gemeente": "Woonplaatsgemeente",
    "jeugdige.woont_in_gemeente": "Woont in de gemeente",
    "jeugdige.jeugdhulp_voor_18_gestart": "Jeugdhulp gestart voor 18 jaar",
    "jeugdige.ontwikkelingsfase_vraagt_voortzetting": "Ontwikkelingsfase vraagt voortzetting na 18",
    "situatie.veiligheidszorgen": "Zorgen over de veiligheid",
    "situatie.bedreigt_veiligheid": "Brengt zichzelf of anderen in gevaar",
    "situatie.opgroei_opvoedvragen": "Vragen over opgroeien en opvoeden",
    "situatie.psychische_problemen": "Psychische problemen",
    "situatie.zorgen_ontwikkelingskansen": "Zorgen over ontwikkelingskansen",
    "situatie.stoornis_of_beperking": "Vastgestelde stoornis of beperking",
    "situatie.levenslang_of_chronisch": "Blijvend of chronisch",
    "situatie.ernstig_acuut_ziek": "Ernstig of acuut ziek",
    "situatie.sociale_omgeving_toereikend": "Omgeving kan de gevolgen opvangen",
    "situatie.participatie_zonder_hulp": "Doet zonder hulp mee",
    "situatie.eigen_mogelijkheden_toereikend": "Gezin en netwerk lossen het zelf op",
    "situatie.fase_problematiek": "Gewone opgroeivragen (fase)",
    "situatie.oorzaak_bij_ouders": "Problemen van de ouders",
    "situatie.problemen_vooral_door_ouders": "Problemen komen vooral door de ouders",
    "situatie.bedreiging_ontwikkelingsklimaat": "Ontwikkeling van het kind bedreigd",
    "situatie.onderwijsvraag": "Vraag over school",
    "situatie.scheiding_ouders": "Ouders (in) scheiding",
    "hulpvraag.soort": "Soort hulp",
    "hulpvraag.naam": "Naam bij de aanbieder",
    "hulpvraag.hulpvorm": "Hulpvorm (vaste lijst)",
    "hulpvraag.doel_gezond_veilig": "Doel: gezond en veilig opgroeien",
    "hulpvraag.doel_zelfstandigheid": "Doel: zelfstandig worden",
    "hulpvraag.doel_participatie": "Doel: zelfredzaam zijn en meedoen",
    "hulpvraag.gericht_op_jeugdige": "Gericht op kind of opvoeding",
    "hulpvraag.intensief": "Intensieve hulp",
    "hulpvraag.duur_weken": "Duur in weken",
    "hulpvraag.aantal_gesprekken": "Aantal gesprekken",
    "hulpvraag.verwachte_kosten": "Verwachte kosten (euro)",
    "hulpvraag.kwalificatie_eisen": "Eisen aan de hulpverlener",
    "hulpvraag.ingrijpend": "Ingrijpende hulp",
    "hulpvraag.specialistische_expertise": "Specialistische kennis nodig",
    "hulpvraag.door_breed_wijkteam": "Wijkteam kan het zelf bieden",
    "hulpvraag.op_school": "Hulp op school",
    "hulpvraag.bij_naam_uitgesloten": "Bij naam uitgesloten",
    "hulpvraag.effect_aangetoond_of_aannemelijk": "Werkt aantoonbaar of aannemelijk",
    "hulpvraag.onaanvaardbaar_risico": "Onaanvaardbaar risico",
    "hulpvraag.ingebed_in_hulptraject": "Deel van een hulptraject",
    "hulpvraag.doelen_toetsbaar": "Doelen toetsbaar",
    "hulpvraag.monitoring": "Resultaat wordt gevolgd",
    "hulpvraag.gebruikelijke_hulp_netwerk": "Gebruikelijke hulp van het netwerk",
    "hulpvraag.eerder_vrij_toegankelijk_geprobeerd": "Vrij toegankelijke hulp al geprobeerd",
    "hulpvraag.individueel_toegekend": "Toch individueel toegekend",
    "hulpvraag.reden_individuele_toekenning": "Reden van de individuele toekenning",
    "andere_wetten.recht_op_wlz": "Recht op Wlz-zorg",
    "andere_wetten.wlz_aangevraagd": "Wlz-indicatie aangevraagd",
    "andere_wetten.recht_op_zvw": "Recht op zorg uit de Zvw",
    "andere_wetten.zvw_verwijst_naar_jeugdwet": "Zvw verwijst naar de Jeugdwet",
    "andere_wetten.recht_op_bjj": "Recht op zorg uit de Bjj",
    "andere_wetten.ouder_ggz_recht_vastgesteld": "Ouder heeft recht op ggz (Zvw)",
    "andere_wetten.ouder_in_behandeling": "Ouder in behandeling",
    "andere_wetten.recht_op_wmo": "Te krijgen via de Wmo 2015",
    "andere_wetten.passend_onderwijs": "Hoort bij Passend onderwijs",
    "andere_wetten.aanvullende_verzekering": "Aanvullende verzekering",
    "andere_wetten.meerdere_oorzaken": "Meerdere oorzaken",
    "zorg_door_ouders.boven_gebruikelijke_zorg": "Meer dan gebruikelijke zorg",
    "zorg_door_ouders.permanent_toezicht": "Dag en nacht toezicht",
    "zorg_door_ouders.ernstig_meervoudig_beperkt": "Ernstig meervoudig beperkt (EMB)",
    "zorg_door_ouders.ouders_kunnen_nauwelijks_deelnemen": "Ouders kunnen nauwelijks meedoen",
    "verwijzing.verwijzer": "Verwijzer",
    "verwijzing.aanbieder_gecontracteerd": "Aanbieder gecontracteerd",
    "verwijzing.reden_niet_gecontracteerd": "Reden niet-gecontracteerde aanbieder",
    "verwijzing.strafrechtelijke_beslissing": "Strafrechtelijke beslissing",
    "verwijzing.protocol_gevolgd": "Protocol gevolgd (GI)",
    "verwijzing.gemeente_geconsulteerd": "Gemeente vooraf geraadpleegd",
    "maatregel.kinderbeschermingsmaatregel": "Kinderbeschermingsmaatregel",
    "maatregel.jeugdreclassering": "Jeugdreclassering",
}

#: The values of the case model's enums (`engine.case`), per field.
WAARDE: dict[str, dict[str, str]] = {
    "hulpvraag.soort": {
        "informatie_advies": "Informatie en advies",
        "cursus": "Cursus",
        "opvoedondersteuning_kort": "Korte opvoedondersteuning",
        "ambulante_hulp_kort": "Korte ambulante hulp",
        "ambulante_hulp": "Ambulante hulp",
        "ambulante_gezinsbehandeling": "Ambulante gezinsbehandeling",
        "behandeling": "Behandeling",
        "begeleiding": "Begeleiding",
        "respijtzorg": "Respijtzorg",
        "dagbehandeling": "Dagbehandeling",
        "pleegzorg": "Pleegzorg",
        "verblijf": "Verblijf",
        "gesloten_jeugdhulp": "Gesloten jeugdhulp",
        "jeugdbescherming": "Jeugdbescherming",
        "jeugdreclassering": "Jeugdreclassering",
        "volwassenen_ggz": "Ggz voor volwassenen",
        "bestaanszekerheid": "Bestaanszekerheid",
        "onderwijsondersteuning": "Onderwijsondersteuning",
        "survivaltocht_buitenland": "Survivaltocht in het buitenland",
        "overig": "Overig",
    },
    "hulpvraag.hulpvorm": {
        "huiswerkbegeleiding": "Huiswerkbegeleiding",
        "stagebegeleiding": "Stagebegeleiding",
        "dyslexiezorg": "Dyslexiezorg",
        "dyscalculiezorg": "Dyscalculiezorg",
        "hoogbegaafdheidsaanbod": "Aanbod voor hoogbegaafdheid",
        "educatieve_dagbesteding": "Educatieve dagbesteding",
        "paardencoaching": "Paardencoaching",
        "anders": "Anders",
    },
    "situatie.onderwijsvraag": {
        "dyslexie": "Dyslexie",
        "dyscalculie": "Dyscalculie",
        "hoogbegaafdheid": "Hoogbegaafdheid",
        "huiswerkbegeleiding": "Huiswerkbegeleiding",
        "stagebegeleiding": "Stagebegeleiding",
        "educatieve_dagbesteding": "Educatieve dagbesteding",
    },
    "situatie.oorzaak_bij_ouders": {
        "schulden": "Schulden",
        "huisvesting": "Huisvesting",
        "armoede": "Armoede",
        "volwassenen_ggz": "Psychische problemen (ggz)",
        "verslaving": "Verslaving",
        "werk": "Werk",
    },
    "verwijzing.verwijzer": {
        "huisarts": "Huisarts",
        "jeugdarts": "Jeugdarts",
        "medisch_specialist": "Medisch specialist",
        "gecertificeerde_instelling": "Gecertificeerde instelling (GI)",
        "lokaal_team": "Lokaal team",
        "ouders_zelf": "De ouders zelf",
        "anders": "Iemand anders",
    },
    "verwijzing.reden_niet_gecontracteerd": {
        "buiten_regio_woonplaatsbeginsel": "Buiten de regio (woonplaatsbeginsel)",
        "verhuizing": "Verhuizing",
        "wachtlijst": "Wachtlijst",
        "specifieke_expertise": "Specifieke expertise",
        "geografische_bereikbaarheid": "Bereikbaarheid",
        "voorkomen_ongepast_pgb": "Voorkomen van een ongepast pgb",
        "zorg_onderwijsarrangement": "Zorg-onderwijsarrangement",
        "andere_reden": "Andere reden",
    },
}

#: The outcome fields of an assessment (`engine.facts.OUTCOME_FACTS`) and their values.
UITKOMST_VELD: dict[str, str] = {
    "reikwijdte": "Reikwijdte",
    "buiten_domein": "Gaat voor",
    "buiten_gronden": "Gronden buiten de Jeugdwet",
    "toegang": "Toegang",
    "onmiddellijk_handelen": "Direct handelen",
    "gedwongen_kader": "Gedwongen kader",
    "grondslagen": "Grondslagen",
    "signalen": "Aandachtspunten",
    "verwijzing.status": "Verwijzing",
    "verwijzing.toegestaan": "Verwijzing toegestaan",
    "verwijzing.toestemming_vooraf": "Toestemming vooraf nodig",
    "verwijzing.toetsing_achteraf": "Gemeente toetst achteraf",
    "verwijzing.gemeente_moet_betalen": "Gemeente moet betalen",
    "verwijzing.gemeente_niet_verplicht": "Gemeente niet verplicht te betalen",
    "verwijzing.start_niet_blokkeren": "Goedkeuring houdt de start niet tegen",
}

_DOMEIN = {
    "gebruikelijke_zorg": "Gebruikelijke zorg",
    "wlz": "Wet langdurige zorg (Wlz)",
    "zvw": "Zorgverzekeringswet (Zvw)",
    "bjj": "Beginselenwet justitiële jeugdinrichtingen",
    "wmo": "Wmo 2015",
    "passend_onderwijs": "Passend onderwijs",
    "verzekering": "(Aanvullende) verzekering",
    "volwassenenhulp": "Hulp voor volwassenen",
    "uitgesloten_hulpvorm": "Uitgesloten hulpvorm",
    "geen_jeugdhulp_nodig": "Geen jeugdhulp nodig",
    "geen_jeugdwetdoel": "Geen doel van de Jeugdwet",
    "meerderjarig": "Meerderjarig, geen voortzetting",
    "andere_gemeente": "Andere gemeente (woonplaatsbeginsel)",
}

UITKOMST_WAARDE: dict[str, dict[str, str]] = {
    "reikwijdte": {
        "binnen": "Binnen de Jeugdwet",
        "buiten": "Buiten de Jeugdwet",
        "onbeslist": "Nog niet te zeggen",
    },
    "toegang": {
        "vrij_toegankelijk": "Vrij toegankelijk",
        "beschikking": "Beschikking nodig",
        "geen": "Geen toegang tot jeugdhulp",
        "onbeslist": "Nog niet te zeggen",
    },
    "buiten_domein": _DOMEIN,
    "buiten_gronden": _DOMEIN,
    "grondslagen": {
        "veiligheid": "Veiligheid",
        "stoornis_beperking": "Stoornis of beperking",
        "participatie": "Meedoen (participatie)",
        "ontwikkelingskansen": "Ontwikkelingskansen",
    },
    "signalen": {
        "grijze_zone_onderwijs": "Grijze zone met onderwijs",
        "combinatie_andere_domeinen": "Combinatie met andere domeinen",
        "individuele_toekenning_mogelijk": "Individuele toekenning mogelijk",
        "geen_getrapte_zorg": "Geen getrapte zorg nodig",
        "breed_wijkteam": "Breed wijkteam",
        "voortzetting_na_18": "Voortzetting na 18 jaar",
        "bestaanszekerheid_16_plus": "Bestaanszekerheid vanaf 16 jaar",
        "motivering_verwijzer_vereist": "Motivering van de verwijzer vereist",
        "vergelijkbare_jeugdwetvoorziening": "Vergelijkbare voorziening in de Jeugdwet",
        "lokale_keuze_onder_landelijke_standaard": "Gemeente stopt eerder dan de landelijke standaard",
    },
    "verwijzing.status": {  # also in tables and reports: VERWIJZING_STATUS_KORT
        "toegestaan": "toegestaan",
        "goedkeuring_vooraf_nodig": "goedkeuring van de gemeente vooraf nodig",
        "goedkeuring_achteraf": "hulp kan starten, de gemeente toetst achteraf",
        "geen_verwijsvraag": "geen verwijzing nodig (zelf aanmelden)",
        "via_gemeentelijke_toegang": "geen wettelijke verwijzer: via de gemeentelijke toegang",
    },
}

#: Each referral state in a few words, for tables and reports (the CLI and the leefwereldtoets).
VERWIJZING_STATUS_KORT = UITKOMST_WAARDE["verwijzing.status"]

#: What a ground for `buiten` rests on (`Uitsluitingsgrond.basis`).
BASIS: dict[str, str] = {
    "wet": "wet",
    "voorstel": "voorstel van de landelijke werkgroep",
    "gemeentelijk_beleid": "beleid van de gemeente",
}

#: The protected groups of the leefwereldtoets and the what-if (`engine.casefile.PROTECTED_GROUPS`).
BESCHERMDE_GROEP: dict[str, str] = {
    "levenslang_chronisch": "Kind met een blijvende of chronische aandoening",
    "ernstig_acuut_ziek": "Kind dat ernstig of acuut ziek is",
    "veiligheid": "Zorgen over de veiligheid",
    "gi_client": "Verwezen door een gecertificeerde instelling (GI)",
}

#: The professional's decision on an assessment.
BESLUIT: dict[str, str] = {"volgen": "Advies gevolgd", "afwijken": "Afgeweken van het advies"}

#: The answer "unknown", a real choice distinct from "nee".
ONBEKEND = "Weet ik nog niet"


#: How rules name the outcome fields and the facts derived by rules (`uitkomst.toegang`, `afgeleid.x`).
_OUTCOME_PREFIX = "uitkomst."
_DERIVED_PREFIX = "afgeleid."


def veld(path: str) -> str:
    """The label of a case field (`situatie.veiligheidszorgen`), an outcome field (`toegang` or
    `uitkomst.toegang`) or a derived fact (`afgeleid.wettelijke_verwijzer`: its name in words);
    a path of none of these kinds is returned as it is."""
    found = VELD.get(path) or UITKOMST_VELD.get(path) or UITKOMST_VELD.get(path.removeprefix(_OUTCOME_PREFIX))
    if found:
        return found
    if path.startswith(_DERIVED_PREFIX):
        return path.removeprefix(_DERIVED_PREFIX).replace("_", " ")
    return path


def groep(part: str) -> str:
    return GROEP[part]


def waarde(path: str, value: Any) -> str:
    """A case value in words: `ja`/`nee`, an enum value's label, a list joined, a number as written."""
    if value is None:
        return ONBEKEND.lower()
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return ", ".join(waarde(path, v) for v in value) or "geen"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    labels = WAARDE.get(path) or UITKOMST_WAARDE.get(path.removeprefix(_OUTCOME_PREFIX))
    if labels is not None and isinstance(value, str):
        return labels.get(value, value)
    return str(value)


def uitkomst(field: str, value: str) -> str:
    """An outcome value in words (`toegang`, `vrij_toegankelijk` -> `Vrij toegankelijk`)."""
    return UITKOMST_WAARDE[field].get(value, value.replace("_", " "))
