"""The case (casus): what an access team knows about a young person and the requested help.

Every fact is optional because an access team rarely knows everything at intake, and the
engine must treat an absent fact as *unknown*, never as *false*. Field names are Dutch because
professionals, families and policy makers read them (case files, API, rule files).
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator

#: C0 and C1 control characters other than tab, line feed and carriage return. NUL cannot be
#: stored by PostgreSQL (SQLite would keep it), and none of them belongs in a case.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def text_problem(value: str) -> str | None:
    """Why `value` cannot be taken as text (in Dutch), or None when it can."""
    try:
        # durable-rules exchanges facts as UTF-8 JSON; a lone surrogate cannot be encoded.
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "tekst bevat ongeldige tekens"
    if _CONTROL.search(value):
        return "tekst bevat een stuurteken (zoals NUL)"
    return None


class CheckedText(BaseModel):
    """A model whose every text field is checked by `text_problem` (the case, and API requests)."""

    @field_validator("*", mode="after")
    @classmethod
    def _checked_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            problem = text_problem(value)
            if problem is not None:
                raise ValueError(problem)
        return value


class _Part(CheckedText):
    """A part of the case: unknown fields refused, text checked, booleans strict.

    Booleans are `StrictBool`: `"ja"`, `"yes"` or `1` for a yes/no fact is an error naming the
    field, never a silent `true` (pydantic's lax mode would take `"yes"` and `1`).
    """

    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class Hulpsoort(str, Enum):
    """Kinds of help the sources distinguish (Reikwijdte report 3055-3215, B12 6388-6405)."""

    informatie_advies = "informatie_advies"
    cursus = "cursus"
    opvoedondersteuning_kort = "opvoedondersteuning_kort"
    ambulante_hulp_kort = "ambulante_hulp_kort"
    ambulante_hulp = "ambulante_hulp"
    ambulante_gezinsbehandeling = "ambulante_gezinsbehandeling"
    behandeling = "behandeling"
    begeleiding = "begeleiding"
    respijtzorg = "respijtzorg"
    dagbehandeling = "dagbehandeling"
    pleegzorg = "pleegzorg"
    verblijf = "verblijf"
    gesloten_jeugdhulp = "gesloten_jeugdhulp"
    jeugdbescherming = "jeugdbescherming"
    jeugdreclassering = "jeugdreclassering"
    volwassenen_ggz = "volwassenen_ggz"
    bestaanszekerheid = "bestaanszekerheid"
    onderwijsondersteuning = "onderwijsondersteuning"
    survivaltocht_buitenland = "survivaltocht_buitenland"
    overig = "overig"


class Onderwijsvraag(str, Enum):
    """The education border cases (Reikwijdte report 2810-2866)."""

    dyslexie = "dyslexie"
    dyscalculie = "dyscalculie"
    hoogbegaafdheid = "hoogbegaafdheid"
    huiswerkbegeleiding = "huiswerkbegeleiding"
    stagebegeleiding = "stagebegeleiding"
    educatieve_dagbesteding = "educatieve_dagbesteding"


class Hulpvorm(str, Enum):
    """Named kinds of help that a law or a municipal ordinance may exclude by name (004 r. 3167-3169).

    The professional codes the kind; the provider's own name (`hulpvraag.naam`) stays free text and
    decides nothing, so "huiswerkbegeleiding met plannen" is still of the kind `huiswerkbegeleiding`.
    The education forms are those the report names (004 r. 2810-2814, referred to at 3169);
    `paardencoaching` is the example of Voorbeeldstad's ordinance, not from the sources. A
    municipality can exclude only values of this list (validation); `anders` cannot be excluded.
    """

    huiswerkbegeleiding = "huiswerkbegeleiding"
    stagebegeleiding = "stagebegeleiding"
    dyslexiezorg = "dyslexiezorg"
    dyscalculiezorg = "dyscalculiezorg"
    hoogbegaafdheidsaanbod = "hoogbegaafdheidsaanbod"
    educatieve_dagbesteding = "educatieve_dagbesteding"
    paardencoaching = "paardencoaching"
    anders = "anders"


NIET_UIT_TE_SLUITEN_HULPVORMEN = frozenset({Hulpvorm.anders.value})


class OorzaakBijOuders(str, Enum):
    """Problems of the parents in other domains (Reikwijdte report 3405-3420)."""

    schulden = "schulden"
    huisvesting = "huisvesting"
    armoede = "armoede"
    volwassenen_ggz = "volwassenen_ggz"
    verslaving = "verslaving"
    werk = "werk"


class Verwijzer(str, Enum):
    """Legal referrers (Jeugdwet art. 2.6/2.7; Toegang report 5809-5812, 5901-5909)."""

    huisarts = "huisarts"
    jeugdarts = "jeugdarts"
    medisch_specialist = "medisch_specialist"
    gecertificeerde_instelling = "gecertificeerde_instelling"
    lokaal_team = "lokaal_team"
    ouders_zelf = "ouders_zelf"
    anders = "anders"


class RedenNietGecontracteerd(str, Enum):
    """The seven accepted reasons for non-contracted help (measure B12, 6388-6405)."""

    buiten_regio_woonplaatsbeginsel = "buiten_regio_woonplaatsbeginsel"
    verhuizing = "verhuizing"
    wachtlijst = "wachtlijst"
    specifieke_expertise = "specifieke_expertise"
    geografische_bereikbaarheid = "geografische_bereikbaarheid"
    voorkomen_ongepast_pgb = "voorkomen_ongepast_pgb"
    zorg_onderwijsarrangement = "zorg_onderwijsarrangement"
    andere_reden = "andere_reden"


class Jeugdige(_Part):
    leeftijd: int | None = Field(None, ge=0, le=30, description="Leeftijd in jaren.")
    woonplaats_gemeente: str | None = Field(
        None, description="Gemeente waar de jeugdige woonplaats heeft (woonplaatsbeginsel)."
    )
    woont_in_gemeente: StrictBool | None = Field(
        None, description="De jeugdige heeft woonplaats in de beoordelende gemeente."
    )
    jeugdhulp_voor_18_gestart: StrictBool | None = Field(
        None, description="De jeugdhulp liep al voordat de jeugdige 18 werd."
    )
    ontwikkelingsfase_vraagt_voortzetting: StrictBool | None = Field(
        None, description="De ontwikkelingsfase van de jongvolwassene vraagt om voortzetting."
    )


class Situatie(_Part):
    veiligheidszorgen: StrictBool | None = Field(
        None, description="Er zijn vastgestelde zorgen over de veiligheid van de jeugdige."
    )
    bedreigt_veiligheid: StrictBool | None = Field(
        None, description="De jeugdige brengt de eigen veiligheid of die van anderen in gevaar."
    )
    opgroei_opvoedvragen: StrictBool | None = Field(
        None, description="Er zijn vragen over opgroeien (ontwikkeling) en opvoeden."
    )
    psychische_problemen: StrictBool | None = None
    zorgen_ontwikkelingskansen: StrictBool | None = Field(
        None, description="Zorgen of de opvoedsituatie voldoende ontwikkelingskansen biedt."
    )
    stoornis_of_beperking: StrictBool | None = Field(None, description="Er is een vastgestelde stoornis of beperking.")
    levenslang_of_chronisch: StrictBool | None = None
    ernstig_acuut_ziek: StrictBool | None = None
    sociale_omgeving_toereikend: StrictBool | None = Field(
        None, description="De sociale omgeving kan de gevolgen van de stoornis opvangen."
    )
    participatie_zonder_hulp: StrictBool | None = Field(
        None,
        description="De jeugdige kan zonder hulp deelnemen aan school, vrije tijd en sociale contacten.",
    )
    eigen_mogelijkheden_toereikend: StrictBool | None = Field(
        None,
        description="De eigen mogelijkheden en het probleemoplossend vermogen van gezin en netwerk volstaan.",
    )
    fase_problematiek: StrictBool | None = Field(
        None, description="Gewone, alledaagse opgroeivragen (fase-problematiek)."
    )
    oorzaak_bij_ouders: list[OorzaakBijOuders] | None = Field(
        None, description="Problemen van de ouders in andere domeinen."
    )
    problemen_vooral_door_ouders: StrictBool | None = Field(
        None, description="De problemen van het kind komen vooral voort uit die van de ouders."
    )
    bedreiging_ontwikkelingsklimaat: StrictBool | None = Field(
        None, description="De problemen van de ouders bedreigen het ontwikkelingsklimaat van het kind."
    )
    onderwijsvraag: list[Onderwijsvraag] | None = None
    scheiding_ouders: StrictBool | None = None


class Hulpvraag(_Part):
    soort: Hulpsoort | None = None
    naam: str | None = Field(
        None, description="Naam van de hulpvorm zoals de aanbieder die noemt (vrije tekst; beslist niets)."
    )
    hulpvorm: Hulpvorm | None = Field(
        None,
        description=(
            "Welke soort hulp uit de vaste lijst dit is, ongeacht hoe de aanbieder haar noemt; "
            "een verordening sluit soorten uit deze lijst bij naam uit (004 r. 3167-3169)."
        ),
    )
    doel_gezond_veilig: StrictBool | None = Field(None, description="Doel a: gezond en veilig opgroeien.")
    doel_zelfstandigheid: StrictBool | None = Field(None, description="Doel b: groeien naar zelfstandigheid.")
    doel_participatie: StrictBool | None = Field(
        None, description="Doel c: zelfredzaam zijn en maatschappelijk participeren."
    )
    gericht_op_jeugdige: StrictBool | None = Field(
        None, description="De hulp is gericht op de situatie van de jeugdige of de opvoeding."
    )
    intensief: StrictBool | None = None
    duur_weken: int | None = Field(None, ge=0, le=1040)
    aantal_gesprekken: int | None = Field(None, ge=0, le=1000)
    verwachte_kosten: float | None = Field(
        None, ge=0, le=100_000_000, description="Verwachte kosten in euro (afgerond op centen)."
    )

    @field_validator("verwachte_kosten", mode="after")
    @classmethod
    def _cents(cls, value: float | None) -> float | None:
        # Whole cents: also keeps the JSON that durable-rules parses free of exponent notation.
        return None if value is None else round(value, 2)

    kwalificatie_eisen: StrictBool | None = Field(
        None, description="Er zijn voorwaarden gesteld aan de bevoegdheden van de professional."
    )
    ingrijpend: StrictBool | None = Field(
        None, description="De hulp grijpt in hoge mate in op het leven van kind of opvoeders."
    )
    specialistische_expertise: StrictBool | None = None
    door_breed_wijkteam: StrictBool | None = Field(None, description="Het (brede) wijkteam kan deze hulp zelf bieden.")
    op_school: StrictBool | None = Field(
        None, description="De hulp wordt op school gegeven, door het zorgteam of een specialist van de school."
    )
    bij_naam_uitgesloten: StrictBool | None = Field(
        None, description="De hulpvorm is in wet of regelgeving bij naam uitgesloten."
    )
    effect_aangetoond_of_aannemelijk: StrictBool | None = None
    onaanvaardbaar_risico: StrictBool | None = Field(
        None, description="Onaanvaardbaar risico op negatieve werking (bijv. traumatiserende uithuisplaatsing)."
    )
    ingebed_in_hulptraject: StrictBool | None = None
    doelen_toetsbaar: StrictBool | None = Field(
        None, description="Doelen zijn geformuleerd als beoogde verandering, niet alleen als activiteit."
    )
    monitoring: StrictBool | None = Field(None, description="De waardetoevoeging wordt gemonitord.")
    gebruikelijke_hulp_netwerk: StrictBool | None = Field(
        None,
        description=(
            "De gevraagde hulp is wat ouders en andere personen in het netwerk gewoonlijk geven aan een "
            "kind van deze leeftijd (004 r. 3161-3162; de maat is een gezond kind van dezelfde leeftijd, r. 2977-2978)."
        ),
    )
    eerder_vrij_toegankelijk_geprobeerd: StrictBool | None = None
    individueel_toegekend: StrictBool | None = Field(
        None,
        description="De gemeente kent een uitgesloten hulpvorm in dit individuele geval toch toe.",
    )
    reden_individuele_toekenning: str | None = Field(
        None,
        max_length=500,
        description="De vastgelegde reden waarom de gemeente de uitgesloten hulp toch toekent.",
    )


class AndereWetten(_Part):
    recht_op_wlz: StrictBool | None = Field(
        None,
        description=(
            "Er bestaat (toegekend, niet alleen aangevraagd) recht op Wlz-zorg met betrekking tot de problematiek "
            "van deze hulpvraag (Jeugdwet art. 1.2; 004 r. 3434-3438). Aangevraagd: laat dit leeg en vul wlz_aangevraagd."
        ),
    )
    wlz_aangevraagd: StrictBool | None = Field(
        None,
        description="Een Wlz-indicatie is aangevraagd maar nog niet toegekend; dat is nog geen recht (004 r. 3436).",
    )
    recht_op_zvw: StrictBool | None = Field(
        None,
        description=(
            "Er bestaat recht op zorg uit de zorgverzekering (Zvw) met betrekking tot de problematiek van deze "
            "hulpvraag (Jeugdwet art. 1.2; 004 r. 3434-3438)."
        ),
    )
    zvw_verwijst_naar_jeugdwet: StrictBool | None = Field(
        None, description="De Zvw verwijst zelf naar de Jeugdwet (circulariteit)."
    )
    recht_op_bjj: StrictBool | None = Field(
        None,
        description=(
            "Er bestaat recht op zorg op grond van de Beginselenwet justitiële jeugdinrichtingen met betrekking "
            "tot de problematiek van deze hulpvraag (Jeugdwet art. 1.2)."
        ),
    )
    ouder_ggz_recht_vastgesteld: StrictBool | None = Field(
        None, description="Voor de ouder is vastgesteld dat er recht op ggz-zorg (Zvw) is (004 r. 3451-3456)."
    )
    ouder_in_behandeling: StrictBool | None = Field(
        None, description="De ouder is voor de ggz-problematiek onder behandeling (004 r. 3451-3456)."
    )
    recht_op_wmo: StrictBool | None = None
    passend_onderwijs: StrictBool | None = Field(
        None, description="De ondersteuning hoort bij de zorgplicht Passend onderwijs."
    )
    aanvullende_verzekering: StrictBool | None = None
    meerdere_oorzaken: StrictBool | None = Field(
        None,
        description="De problematiek heeft meerdere oorzaken, waarvan een deel onder de Jeugdwet valt.",
    )


class ZorgDoorOuders(_Part):
    boven_gebruikelijke_zorg: StrictBool | None = Field(
        None, description="De zorg gaat uit boven wat gebruikelijk is voor een gezond kind van dezelfde leeftijd."
    )
    permanent_toezicht: StrictBool | None = None
    ernstig_meervoudig_beperkt: StrictBool | None = None
    ouders_kunnen_nauwelijks_deelnemen: StrictBool | None = Field(
        None, description="Ouders kunnen daardoor nauwelijks deelnemen aan werk of maatschappij."
    )


class Verwijzing(_Part):
    verwijzer: Verwijzer | None = None
    aanbieder_gecontracteerd: StrictBool | None = None
    reden_niet_gecontracteerd: RedenNietGecontracteerd | None = None
    strafrechtelijke_beslissing: StrictBool | None = None
    protocol_gevolgd: StrictBool | None = Field(
        None, description="De GI volgde het met de gemeente afgesproken protocol."
    )
    gemeente_geconsulteerd: StrictBool | None = None


class Maatregel(_Part):
    kinderbeschermingsmaatregel: StrictBool | None = None
    jeugdreclassering: StrictBool | None = None


class Casus(_Part):
    """One case as an access team submits it."""

    kenmerk: str | None = Field(None, max_length=100, description="Eigen kenmerk; geen persoonsgegevens.")
    gemeente: str | None = Field(None, max_length=64, description="Code van de beoordelende gemeente.")
    peildatum: dt.date | None = Field(None, description="Datum waarop de regels gelden.")
    jeugdige: Jeugdige = Field(default_factory=Jeugdige)
    situatie: Situatie = Field(default_factory=Situatie)
    hulpvraag: Hulpvraag = Field(default_factory=Hulpvraag)
    andere_wetten: AndereWetten = Field(default_factory=AndereWetten)
    zorg_door_ouders: ZorgDoorOuders = Field(default_factory=ZorgDoorOuders)
    verwijzing: Verwijzing = Field(default_factory=Verwijzing)
    maatregel: Maatregel = Field(default_factory=Maatregel)


#: Top-level fields that are metadata of the case rather than facts for the rules.
META_FIELDS = ("kenmerk", "gemeente", "peildatum")


#: The question an access worker asks to learn each fact, in the words of an intake conversation.
#: `vervolgvragen` in the assessment shows them; every case field has one (a test checks), and
#: the case schema of the API carries them as `vraag`.
VRAGEN: dict[str, str] = {
    "jeugdige.leeftijd": "Hoe oud is de jeugdige (in jaren)?",
    "jeugdige.woonplaats_gemeente": "In welke gemeente woont de jeugdige volgens het woonplaatsbeginsel?",
    "jeugdige.woont_in_gemeente": "Woont de jeugdige in onze gemeente (woonplaatsbeginsel)?",
    "jeugdige.jeugdhulp_voor_18_gestart": "Kreeg de jongere deze jeugdhulp al voordat hij of zij 18 werd?",
    "jeugdige.ontwikkelingsfase_vraagt_voortzetting": "Heeft de jongvolwassene de hulp na 18 nog nodig, "
    "gezien waar hij of zij in de ontwikkeling staat?",
    "situatie.veiligheidszorgen": "Zijn er zorgen over de veiligheid van het kind (bijvoorbeeld geweld, "
    "verwaarlozing of mishandeling)?",
    "situatie.bedreigt_veiligheid": "Brengt de jeugdige zichzelf of anderen in gevaar?",
    "situatie.opgroei_opvoedvragen": "Zijn er vragen of zorgen over het opgroeien van het kind of over de opvoeding?",
    "situatie.psychische_problemen": "Heeft de jeugdige psychische problemen?",
    "situatie.zorgen_ontwikkelingskansen": "Zijn er zorgen of het kind thuis genoeg kansen krijgt om zich te "
    "ontwikkelen?",
    "situatie.stoornis_of_beperking": "Is er bij de jeugdige een stoornis of beperking vastgesteld?",
    "situatie.levenslang_of_chronisch": "Is de aandoening of beperking blijvend of chronisch?",
    "situatie.ernstig_acuut_ziek": "Is de jeugdige ernstig of acuut ziek?",
    "situatie.sociale_omgeving_toereikend": "Kunnen het gezin en de omgeving de gevolgen van de stoornis of "
    "beperking zelf opvangen?",
    "situatie.participatie_zonder_hulp": "Kan de jeugdige zonder hulp meedoen op school, in de vrije tijd en met "
    "vrienden?",
    "situatie.eigen_mogelijkheden_toereikend": "Kunnen het gezin en hun netwerk dit zelf oplossen, zonder jeugdhulp?",
    "situatie.fase_problematiek": "Gaat het om gewone, alledaagse opgroeivragen die bij deze leeftijd horen?",
    "situatie.oorzaak_bij_ouders": "Spelen er bij de ouders problemen zoals schulden, huisvesting, armoede, "
    "psychische problemen, verslaving of werk? Welke?",
    "situatie.problemen_vooral_door_ouders": "Komen de problemen van het kind vooral voort uit die van de ouders?",
    "situatie.bedreiging_ontwikkelingsklimaat": "Bedreigen de problemen van de ouders de ontwikkeling van het kind?",
    "situatie.onderwijsvraag": "Gaat de vraag over school, zoals dyslexie, dyscalculie, hoogbegaafdheid, "
    "huiswerkbegeleiding, stagebegeleiding of educatieve dagbesteding? Welke?",
    "situatie.scheiding_ouders": "Zijn de ouders gescheiden of in scheiding?",
    "hulpvraag.soort": "Welke soort hulp wordt gevraagd (bijvoorbeeld cursus, ambulante hulp, behandeling, "
    "begeleiding, pleegzorg of verblijf)?",
    "hulpvraag.naam": "Hoe heet de gevraagde hulpvorm bij de aanbieder?",
    "hulpvraag.hulpvorm": "Welke soort hulp is het uit de vaste lijst (bijvoorbeeld huiswerkbegeleiding, "
    "dyslexiezorg, paardencoaching of anders)?",
    "hulpvraag.doel_gezond_veilig": "Helpt de hulp het kind gezond en veilig op te groeien?",
    "hulpvraag.doel_zelfstandigheid": "Helpt de hulp het kind zelfstandiger te worden?",
    "hulpvraag.doel_participatie": "Helpt de hulp het kind zelfredzaam te zijn en mee te doen in de samenleving?",
    "hulpvraag.gericht_op_jeugdige": "Is de hulp gericht op het kind of op de opvoeding (en niet alleen op de "
    "ouders als volwassenen)?",
    "hulpvraag.intensief": "Is de gevraagde hulp intensief?",
    "hulpvraag.duur_weken": "Hoeveel weken gaat de hulp naar verwachting duren?",
    "hulpvraag.aantal_gesprekken": "Hoeveel gesprekken zijn naar verwachting nodig?",
    "hulpvraag.verwachte_kosten": "Wat kost de hulp naar verwachting (in euro)?",
    "hulpvraag.kwalificatie_eisen": "Moet de hulpverlener voor deze hulp een bepaalde opleiding of registratie hebben?",
    "hulpvraag.ingrijpend": "Grijpt de hulp diep in op het leven van het kind of de ouders?",
    "hulpvraag.specialistische_expertise": "Is er specialistische kennis nodig voor deze hulp?",
    "hulpvraag.gebruikelijke_hulp_netwerk": "Is dit hulp die ouders of mensen om het gezin heen gewoonlijk zelf "
    "geven aan een kind van deze leeftijd?",
    "hulpvraag.door_breed_wijkteam": "Kan het wijkteam deze hulp zelf bieden?",
    "hulpvraag.op_school": "Wordt de hulp op school gegeven, door het zorgteam of een specialist van de school?",
    "hulpvraag.bij_naam_uitgesloten": "Is deze hulpvorm in wet of regelgeving met name uitgesloten?",
    "hulpvraag.effect_aangetoond_of_aannemelijk": "Is aangetoond of aannemelijk dat deze hulp werkt?",
    "hulpvraag.onaanvaardbaar_risico": "Heeft de hulp een onaanvaardbaar risico op schade voor het kind?",
    "hulpvraag.ingebed_in_hulptraject": "Maakt deze activiteit deel uit van een breder hulptraject?",
    "hulpvraag.doelen_toetsbaar": "Zijn de doelen van de hulp beschreven als een verandering die je kunt "
    "nagaan (en niet alleen als activiteit)?",
    "hulpvraag.monitoring": "Wordt bijgehouden of de hulp iets oplevert?",
    "hulpvraag.eerder_vrij_toegankelijk_geprobeerd": "Is eerder al vrij toegankelijke hulp geprobeerd?",
    "hulpvraag.individueel_toegekend": "Heeft de gemeente besloten deze uitgesloten hulp in dit geval toch toe "
    "te kennen?",
    "hulpvraag.reden_individuele_toekenning": "Waarom kent de gemeente de uitgesloten hulp in dit geval toch toe?",
    "andere_wetten.recht_op_wlz": "Heeft het kind een Wlz-indicatie (recht op zorg uit de Wet langdurige zorg)?",
    "andere_wetten.recht_op_zvw": "Wordt deze zorg vergoed uit de zorgverzekering (Zorgverzekeringswet)?",
    "andere_wetten.zvw_verwijst_naar_jeugdwet": "Verwijst de zorgverzekering voor deze zorg zelf terug naar de "
    "Jeugdwet?",
    "andere_wetten.recht_op_bjj": "Verblijft de jongere in een justitiële jeugdinrichting en valt deze zorg daaronder?",
    "andere_wetten.recht_op_wmo": "Is deze hulp te krijgen via de Wmo 2015?",
    "andere_wetten.passend_onderwijs": "Hoort deze ondersteuning bij wat de school moet bieden (Passend onderwijs)?",
    "andere_wetten.aanvullende_verzekering": "Wordt deze hulp vergoed uit een aanvullende verzekering?",
    "andere_wetten.ouder_ggz_recht_vastgesteld": "Is voor de ouder vastgesteld dat er recht is op ggz-zorg uit de "
    "zorgverzekering?",
    "andere_wetten.ouder_in_behandeling": "Is de ouder voor de psychische problemen of verslaving in behandeling?",
    "andere_wetten.wlz_aangevraagd": "Is er een Wlz-indicatie aangevraagd die nog niet is toegekend?",
    "andere_wetten.meerdere_oorzaken": "Heeft het probleem meerdere oorzaken, waarvan een deel onder de Jeugdwet valt?",
    "zorg_door_ouders.boven_gebruikelijke_zorg": "Gaat de zorg die de ouders geven verder dan wat ouders van een "
    "gezond kind van dezelfde leeftijd doen?",
    "zorg_door_ouders.permanent_toezicht": "Heeft het kind dag en nacht toezicht nodig?",
    "zorg_door_ouders.ernstig_meervoudig_beperkt": "Is het kind ernstig meervoudig beperkt (EMB)?",
    "zorg_door_ouders.ouders_kunnen_nauwelijks_deelnemen": "Kunnen de ouders door de zorg voor hun kind "
    "nauwelijks werken of meedoen in de samenleving?",
    "verwijzing.verwijzer": "Wie heeft verwezen (huisarts, jeugdarts, medisch specialist, gecertificeerde "
    "instelling, lokaal team, de ouders zelf of iemand anders)?",
    "verwijzing.aanbieder_gecontracteerd": "Heeft de gemeente een contract met de aanbieder waarnaar verwezen is?",
    "verwijzing.reden_niet_gecontracteerd": "Waarom is verwezen naar een aanbieder zonder contract (bijvoorbeeld "
    "wachtlijst, verhuizing of specifieke expertise)?",
    "verwijzing.strafrechtelijke_beslissing": "Volgt de hulp uit een strafrechtelijke beslissing?",
    "verwijzing.protocol_gevolgd": "Heeft de gecertificeerde instelling het met de gemeente afgesproken "
    "protocol gevolgd?",
    "verwijzing.gemeente_geconsulteerd": "Heeft de verwijzer de gemeente vooraf geraadpleegd?",
    "maatregel.kinderbeschermingsmaatregel": "Is er een kinderbeschermingsmaatregel (zoals een "
    "ondertoezichtstelling of voogdij)?",
    "maatregel.jeugdreclassering": "Is er jeugdreclassering opgelegd?",
}


def _attach_questions() -> None:
    """Put each field's question in the case schema (`vraag`), so the API shows it too."""
    parts: dict[str, type[_Part]] = {
        "jeugdige": Jeugdige,
        "situatie": Situatie,
        "hulpvraag": Hulpvraag,
        "andere_wetten": AndereWetten,
        "zorg_door_ouders": ZorgDoorOuders,
        "verwijzing": Verwijzing,
        "maatregel": Maatregel,
    }
    for prefix, model in parts.items():
        for name, info in model.model_fields.items():
            question = VRAGEN.get(f"{prefix}.{name}")
            if question is not None:
                info.json_schema_extra = {"vraag": question}
        model.model_rebuild(force=True)
    Casus.model_rebuild(force=True)


_attach_questions()
