"""The case (casus): what an access team knows about a young person and the requested help.

Every fact is optional because an access team rarely knows everything at intake, and the
engine must treat an absent fact as *unknown*, never as *false*. Field names are Dutch because
professionals, families and policy makers read them (case files, API, rule files).
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True)

    @field_validator("*", mode="after")
    @classmethod
    def _encodable_text(cls, value: Any) -> Any:
        # durable-rules exchanges facts as UTF-8 JSON; a lone surrogate cannot be encoded.
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise ValueError("tekst bevat ongeldige tekens") from exc
        return value


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
    leeftijd: Optional[int] = Field(None, ge=0, le=30, description="Leeftijd in jaren.")
    woonplaats_gemeente: Optional[str] = Field(
        None, description="Gemeente waar de jeugdige woonplaats heeft (woonplaatsbeginsel)."
    )
    woont_in_gemeente: Optional[bool] = Field(
        None, description="De jeugdige heeft woonplaats in de beoordelende gemeente."
    )
    pleegkind: Optional[bool] = None
    jeugdhulp_voor_18_gestart: Optional[bool] = Field(
        None, description="De jeugdhulp liep al voordat de jeugdige 18 werd."
    )
    ontwikkelingsfase_vraagt_voortzetting: Optional[bool] = Field(
        None, description="De ontwikkelingsfase van de jongvolwassene vraagt om voortzetting."
    )


class Situatie(_Part):
    veiligheidszorgen: Optional[bool] = Field(
        None, description="Er zijn vastgestelde zorgen over de veiligheid van de jeugdige."
    )
    bedreigt_veiligheid: Optional[bool] = Field(
        None, description="De jeugdige brengt de eigen veiligheid of die van anderen in gevaar."
    )
    opgroei_opvoedvragen: Optional[bool] = Field(
        None, description="Er zijn vragen over opgroeien (ontwikkeling) en opvoeden."
    )
    psychische_problemen: Optional[bool] = None
    zorgen_ontwikkelingskansen: Optional[bool] = Field(
        None, description="Zorgen of de opvoedsituatie voldoende ontwikkelingskansen biedt."
    )
    stoornis_of_beperking: Optional[bool] = Field(
        None, description="Er is een vastgestelde stoornis of beperking."
    )
    levenslang_of_chronisch: Optional[bool] = None
    ernstig_acuut_ziek: Optional[bool] = None
    licht_verstandelijke_beperking: Optional[bool] = None
    sociale_omgeving_toereikend: Optional[bool] = Field(
        None, description="De sociale omgeving kan de gevolgen van de stoornis opvangen."
    )
    participatie_zonder_hulp: Optional[bool] = Field(
        None,
        description="De jeugdige kan zonder hulp deelnemen aan school, vrije tijd en sociale contacten.",
    )
    eigen_mogelijkheden_toereikend: Optional[bool] = Field(
        None,
        description="De eigen mogelijkheden en het probleemoplossend vermogen van gezin en netwerk volstaan.",
    )
    fase_problematiek: Optional[bool] = Field(
        None, description="Gewone, alledaagse opgroeivragen (fase-problematiek)."
    )
    oorzaak_bij_ouders: Optional[list[OorzaakBijOuders]] = Field(
        None, description="Problemen van de ouders in andere domeinen."
    )
    problemen_vooral_door_ouders: Optional[bool] = Field(
        None, description="De problemen van het kind komen vooral voort uit die van de ouders."
    )
    bedreiging_ontwikkelingsklimaat: Optional[bool] = Field(
        None, description="De problemen van de ouders bedreigen het ontwikkelingsklimaat van het kind."
    )
    onderwijsvraag: Optional[list[Onderwijsvraag]] = None
    scheiding_ouders: Optional[bool] = None


class Hulpvraag(_Part):
    soort: Optional[Hulpsoort] = None
    naam: Optional[str] = Field(None, description="Naam van de hulpvorm zoals de aanbieder die noemt.")
    doel_gezond_veilig: Optional[bool] = Field(None, description="Doel a: gezond en veilig opgroeien.")
    doel_zelfstandigheid: Optional[bool] = Field(None, description="Doel b: groeien naar zelfstandigheid.")
    doel_participatie: Optional[bool] = Field(
        None, description="Doel c: zelfredzaam zijn en maatschappelijk participeren."
    )
    gericht_op_jeugdige: Optional[bool] = Field(
        None, description="De hulp is gericht op de situatie van de jeugdige of de opvoeding."
    )
    intensief: Optional[bool] = None
    duur_weken: Optional[int] = Field(None, ge=0, le=1040)
    aantal_gesprekken: Optional[int] = Field(None, ge=0, le=1000)
    verwachte_kosten: Optional[float] = Field(
        None, ge=0, le=100_000_000, description="Verwachte kosten in euro (afgerond op centen)."
    )

    @field_validator("verwachte_kosten", mode="after")
    @classmethod
    def _cents(cls, value: Optional[float]) -> Optional[float]:
        # Whole cents: also keeps the JSON that durable-rules parses free of exponent notation.
        return None if value is None else round(value, 2)
    kwalificatie_eisen: Optional[bool] = Field(
        None, description="Er zijn voorwaarden gesteld aan de bevoegdheden van de professional."
    )
    ingrijpend: Optional[bool] = Field(
        None, description="De hulp grijpt in hoge mate in op het leven van kind of opvoeders."
    )
    specialistische_expertise: Optional[bool] = None
    door_breed_wijkteam: Optional[bool] = Field(
        None, description="Het (brede) wijkteam kan deze hulp zelf bieden."
    )
    bij_naam_uitgesloten: Optional[bool] = Field(
        None, description="De hulpvorm is in wet of regelgeving bij naam uitgesloten."
    )
    effect_aangetoond_of_aannemelijk: Optional[bool] = None
    onaanvaardbaar_risico: Optional[bool] = Field(
        None, description="Onaanvaardbaar risico op negatieve werking (bijv. traumatiserende uithuisplaatsing)."
    )
    ingebed_in_hulptraject: Optional[bool] = None
    doelen_toetsbaar: Optional[bool] = Field(
        None, description="Doelen zijn geformuleerd als beoogde verandering, niet alleen als activiteit."
    )
    monitoring: Optional[bool] = Field(None, description="De waardetoevoeging wordt gemonitord.")
    eerder_vrij_toegankelijk_geprobeerd: Optional[bool] = None
    individueel_toegekend: Optional[bool] = Field(
        None,
        description="De gemeente kent een uitgesloten hulpvorm in dit individuele geval toch toe.",
    )
    reden_individuele_toekenning: Optional[str] = Field(
        None,
        max_length=500,
        description="De vastgelegde reden waarom de gemeente de uitgesloten hulp toch toekent.",
    )


class AndereWetten(_Part):
    recht_op_wlz: Optional[bool] = None
    recht_op_zvw: Optional[bool] = None
    zvw_verwijst_naar_jeugdwet: Optional[bool] = Field(
        None, description="De Zvw verwijst zelf naar de Jeugdwet (circulariteit)."
    )
    recht_op_bjj: Optional[bool] = Field(None, description="Recht op zorg op grond van de Beginselenwet justitiële jeugdinrichtingen.")
    recht_op_wmo: Optional[bool] = None
    passend_onderwijs: Optional[bool] = Field(
        None, description="De ondersteuning hoort bij de zorgplicht Passend onderwijs."
    )
    aanvullende_verzekering: Optional[bool] = None
    meerdere_oorzaken: Optional[bool] = Field(
        None,
        description="De problematiek heeft meerdere oorzaken, waarvan een deel onder de Jeugdwet valt.",
    )


class ZorgDoorOuders(_Part):
    boven_gebruikelijke_zorg: Optional[bool] = Field(
        None, description="De zorg gaat uit boven wat gebruikelijk is voor een gezond kind van dezelfde leeftijd."
    )
    permanent_toezicht: Optional[bool] = None
    ernstig_meervoudig_beperkt: Optional[bool] = None
    ouders_kunnen_nauwelijks_deelnemen: Optional[bool] = Field(
        None, description="Ouders kunnen daardoor nauwelijks deelnemen aan werk of maatschappij."
    )


class Verwijzing(_Part):
    verwijzer: Optional[Verwijzer] = None
    aanbieder_gecontracteerd: Optional[bool] = None
    reden_niet_gecontracteerd: Optional[RedenNietGecontracteerd] = None
    strafrechtelijke_beslissing: Optional[bool] = None
    protocol_gevolgd: Optional[bool] = Field(
        None, description="De GI volgde het met de gemeente afgesproken protocol."
    )
    gemeente_geconsulteerd: Optional[bool] = None


class Maatregel(_Part):
    kinderbeschermingsmaatregel: Optional[bool] = None
    jeugdreclassering: Optional[bool] = None
    vrijwillig_kader: Optional[bool] = None


class Casus(_Part):
    """One case as an access team submits it."""

    kenmerk: Optional[str] = Field(None, max_length=100, description="Eigen kenmerk; geen persoonsgegevens.")
    gemeente: Optional[str] = Field(None, max_length=64, description="Code van de beoordelende gemeente.")
    peildatum: Optional[dt.date] = Field(None, description="Datum waarop de regels gelden.")
    jeugdige: Jeugdige = Field(default_factory=Jeugdige)
    situatie: Situatie = Field(default_factory=Situatie)
    hulpvraag: Hulpvraag = Field(default_factory=Hulpvraag)
    andere_wetten: AndereWetten = Field(default_factory=AndereWetten)
    zorg_door_ouders: ZorgDoorOuders = Field(default_factory=ZorgDoorOuders)
    verwijzing: Verwijzing = Field(default_factory=Verwijzing)
    maatregel: Maatregel = Field(default_factory=Maatregel)


#: Top-level fields that are metadata of the case rather than facts for the rules.
META_FIELDS = ("kenmerk", "gemeente", "peildatum")
