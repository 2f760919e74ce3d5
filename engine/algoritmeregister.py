"""The entry a municipality would publish in the Algoritmeregister for this rule set.

Municipalities that use an algorithm for decisions about people are asked to publish it in the
government's Algoritmeregister. The fields follow the Algoritmeregister publication standard
1.0.0 (the field list of the handbook "Algoritmeregister Publicatiestandaard" 1.0.10, 29 November
2024, github.com/MinBZK/Algoritmeregister-Publicatiestandaard `ch02.md`; the JSON keys, lengths
and allowed values of the register's own configuration for standard 1.0.0,
github.com/MinBZK/Algoritmeregister `backend/app/schemas/config/v1_0_0.json`); see
`docs/algoritmeregister.md`.

The project fills what it knows from the rules themselves: name, purpose, legal basis with
Juriconnect references, the human in the loop, the data a case uses, how it works, the rule-set
version and where the rules and the leefwereldtoets are. What only the municipality can know
(its name in the register, contact, status and dates, publication category, impact assessments,
processing register, supplier) is left empty and marked "in te vullen door de gemeente", never
invented.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from engine.bronnen import juriconnect, parse_artikelen
from engine.compiler import compile_ruleset
from engine.facts import CASE_FACTS
from engine.rulebase import RuleBase

STANDAARD = "1.0.0"
BRON_STANDAARD = (
    "Algoritmeregister Publicatiestandaard 1.0.0 (handleiding 1.0.10, 29 november 2024): "
    "https://github.com/MinBZK/Algoritmeregister-Publicatiestandaard (ch02.md); JSON-sleutels, lengtes en "
    "toegestane waarden uit https://github.com/MinBZK/Algoritmeregister "
    "(backend/app/schemas/config/v1_0_0.json)"
)
GEMEENTE = "in te vullen door de gemeente"


@dataclass(frozen=True)
class Veld:
    """One field of the standard: JSON key, its Dutch name, section, limit, and the standard's help text."""

    sleutel: str
    naam: str
    sectie: str
    max_lengte: int | None
    verplicht: bool
    helptekst: str


#: The fields of publication standard 1.0.0, in the standard's order.
VELDEN: tuple[Veld, ...] = (
    Veld(
        "name", "Naam", "Algemene informatie", 100, True, "De naam die gebruikt wordt om het algoritme aan te duiden."
    ),
    Veld(
        "description_short",
        "Korte omschrijving",
        "Algemene informatie",
        350,
        True,
        "Een korte beschrijving van het algoritme.",
    ),
    Veld(
        "organization",
        "Organisatie",
        "Algemene informatie",
        100,
        True,
        "De volledige naam van de organisatie waar het algoritme ingezet wordt (TOOI-waardelijst).",
    ),
    Veld(
        "category",
        "Thema",
        "Algemene informatie",
        None,
        False,
        "Het beleidsterrein waarin het algoritme wordt ingezet.",
    ),
    Veld("status", "Status", "Algemene informatie", None, True, "In ontwikkeling, In gebruik of Buiten gebruik."),
    Veld(
        "begin_date",
        "Begindatum",
        "Algemene informatie",
        7,
        False,
        "Maand waarin het algoritme in gebruik is genomen (JJJJ-MM).",
    ),
    Veld(
        "end_date",
        "Einddatum",
        "Algemene informatie",
        7,
        False,
        "Maand waarin het algoritme buiten gebruik is genomen (JJJJ-MM).",
    ),
    Veld(
        "contact_email",
        "Contactgegevens",
        "Algemene informatie",
        500,
        True,
        "Het e-mailadres of de website voor contact over deze registratie.",
    ),
    Veld(
        "website",
        "Link naar publiekspagina",
        "Algemene informatie",
        500,
        False,
        "Een publiekspagina van de organisatie over de inzet van het algoritme.",
    ),
    Veld(
        "publication_category",
        "Publicatiecategorie",
        "Algemene informatie",
        None,
        True,
        "Hoog-risico AI-systeem, Impactvolle algoritmes of Overige algoritmes, volgens de handreiking.",
    ),
    Veld(
        "url",
        "Link naar bronregistratie",
        "Algemene informatie",
        500,
        False,
        "Waar dit algoritme eerder al is vastgelegd, machineleesbaar.",
    ),
    Veld(
        "goal",
        "Doel en impact",
        "Verantwoord gebruik",
        2500,
        False,
        "Het doel van het algoritme en hoe burgers ermee in aanraking komen.",
    ),
    Veld(
        "proportionality",
        "Afwegingen",
        "Verantwoord gebruik",
        2500,
        False,
        "Voor- en nadelen van de inzet, overwogen alternatieven, waarom het gerechtvaardigd is.",
    ),
    Veld(
        "human_intervention",
        "Menselijke tussenkomst",
        "Verantwoord gebruik",
        2500,
        False,
        "Hoe een mens de uitkomsten gebruikt, controleert en bijstelt.",
    ),
    Veld(
        "risks", "Risicobeheer", "Verantwoord gebruik", 2500, False, "Hoe met geïdentificeerde risico's wordt omgegaan."
    ),
    Veld(
        "lawful_basis",
        "Wettelijke basis",
        "Verantwoord gebruik",
        2500,
        False,
        "De wettelijke basis voor het proces waarin het algoritme ingezet wordt.",
    ),
    Veld(
        "lawful_basis_grouping",
        "Verwijzingen wettelijke basis",
        "Verantwoord gebruik",
        None,
        False,
        "De wettelijke basis met titel (<100 tekens) en link.",
    ),
    Veld(
        "process_index_url",
        "Link naar verwerkingsregister",
        "Verantwoord gebruik",
        500,
        False,
        "Het openbare deel van het verwerkingsregister.",
    ),
    Veld(
        "impacttoetsen_grouping",
        "Verwijzingen impacttoetsen",
        "Verantwoord gebruik",
        None,
        False,
        "Uitgevoerde impacttoetsen (zoals DPIA, IAMA) met link.",
    ),
    Veld(
        "impacttoetsen",
        "Toelichting op impacttoetsen",
        "Verantwoord gebruik",
        2500,
        False,
        "Waarom bepaalde impacttoetsen niet gedaan zijn.",
    ),
    Veld("source_data", "Gegevens", "Werking", 2500, False, "De gegevens die het algoritme gebruikt."),
    Veld(
        "source_data_grouping",
        "Verwijzingen gegevensbronnen",
        "Werking",
        None,
        False,
        "Gegevensbronnen met titel en link.",
    ),
    Veld(
        "methods_and_models",
        "Technische werking",
        "Werking",
        5000,
        False,
        "Hoe het algoritme werkt: invoer, werking en uitvoer; of het zelflerend is.",
    ),
    Veld("provider", "Leverancier", "Werking", 200, False, "De externe leverancier, of 'Intern ontwikkeld'."),
    Veld("publiccode", "Link naar broncode", "Werking", 500, False, "De openbare codepagina van het algoritme."),
    Veld("lang", "Taal", "Metadata", None, True, "De taal van de registratie (nld)."),
    Veld(
        "standard_version",
        "Versie publicatiestandaard",
        "Metadata",
        None,
        False,
        "De versie van de publicatiestandaard.",
    ),
    Veld(
        "source_id",
        "Bron-ID",
        "Metadata",
        100,
        False,
        "De code van dit algoritme in het eigen register van de organisatie.",
    ),
    Veld("tags", "Zoektermen", "Metadata", 2500, False, "Trefwoorden, gescheiden door komma's."),
)

#: Why a field is left to the municipality (shown beside it).
ALLEEN_GEMEENTE: dict[str, str] = {
    "organization": "De registratie gaat over één organisatie; haar naam volgens de TOOI-waardelijst kent alleen de gemeente.",
    "status": "Of de gemeente het algoritme gebruikt, ontwikkelt of heeft beëindigd.",
    "begin_date": "Wanneer de gemeente het in gebruik nam.",
    "end_date": "Wanneer de gemeente het buiten gebruik nam.",
    "contact_email": "Waar inwoners met vragen terechtkunnen.",
    "website": "De eigen publiekspagina van de gemeente.",
    "publication_category": "De gemeente deelt het algoritme in volgens de handreiking bij de standaard.",
    "url": "Het eigen (decentrale) register van de gemeente, als dat er is.",
    "proportionality": "De afweging van voor- en nadelen en alternatieven is die van de gemeente.",
    "process_index_url": "Het verwerkingsregister van de gemeente.",
    "impacttoetsen_grouping": "De DPIA, IAMA of andere toets die de gemeente uitvoerde.",
    "impacttoetsen": "Waarom de gemeente een toets niet deed.",
    "source_data_grouping": "De gegevensbronnen (registraties) die de gemeente koppelt, als die er zijn.",
    "provider": "Of de gemeente het zelf ontwikkelde of van een leverancier betrekt.",
    "source_id": "De code in het eigen register van de gemeente.",
}


def _cited(base: RuleBase, day: dt.date, gemeente: str | None) -> tuple[dict[str, str], list[dict[str, str]]]:
    """The laws the rules in force cite (title -> dated wetten.overheid.nl link), and every cited
    article with its Juriconnect reference."""
    laws: dict[str, str] = {}
    articles: dict[str, dict[str, str]] = {}
    ruleset = compile_ruleset(base, day, gemeente)
    for rule in ruleset.rules:
        for p in rule.loaded.regel.bron.passages():
            if not p.artikel:
                continue
            for a in parse_artikelen(p.artikel)[0]:
                wet = base.bronnen.wet(a.wet)
                if wet is None:
                    continue
                laws[wet.namen[0]] = f"https://wetten.overheid.nl/{wet.bwb_id}/{day.isoformat()}"
                ref = juriconnect(wet.bwb_id, a.artikel, a.lid, a.onderdeel)
                label = f"{wet.namen[0]} art. {a.artikel}" + (f" lid {a.lid}" if a.lid else "")
                label += f" onder {a.onderdeel}" if a.onderdeel else ""
                articles.setdefault(ref, {"artikel": label, "juriconnect": ref, "bwb_id": wet.bwb_id})
    awb = base.bronnen.wet("Awb")
    if awb is not None:  # the motivation's notice on objection and appeal (art. 6:7, 6:8) and duty to motivate
        laws.setdefault(awb.namen[0], f"https://wetten.overheid.nl/{awb.bwb_id}/{day.isoformat()}")
    return laws, sorted(articles.values(), key=lambda a: a["juriconnect"])


def _data_used() -> str:
    by_section: dict[str, list[str]] = {}
    for path in CASE_FACTS:
        section, name = path.split(".", 1)
        by_section.setdefault(section, []).append(name.replace("_", " "))
    parts = [f"{section.replace('_', ' ')}: {', '.join(names)}" for section, names in by_section.items()]
    text = (
        "Alleen de gegevens over de casus die de professional van de toegang invult; er is geen koppeling met "
        "andere registraties (zoals de BRP). Elk gegeven mag onbekend blijven. Persoonsgegevens: de leeftijd van de "
        "jeugdige en gegevens over gezondheid en gezinssituatie (bijzondere persoonsgegevens). De gegevens per "
        "onderdeel: " + "; ".join(parts) + "."
    )
    if len(text) > 2500:
        text = text.split(" De gegevens per onderdeel:")[0] + " Onderdelen: " + ", ".join(by_section) + "."
    return text


def entry(
    base: RuleBase, peildatum: dt.date, gemeente: str | None = None, repository_url: str | None = None
) -> dict[str, Any]:
    """The register entry as a dict: `velden` (the standard's fields, None where the project cannot
    fill them), `in_te_vullen_door_gemeente` (the fields only the municipality can fill, with why),
    `nog_niet_bekend` (the others left open), and `reikwijdte` (the rule-set version and links, for
    those who check the entry)."""
    ruleset = compile_ruleset(base, peildatum, gemeente)
    laws, articles = _cited(base, peildatum, gemeente)
    n_rules = len(ruleset.rules)
    link = (lambda path: f"{repository_url.rstrip('/')}/{path}") if repository_url else (lambda path: path)
    where = "gemeente " + base.gemeenten[gemeente].bestand.gemeente.naam if gemeente else "de landelijke regels"
    velden: dict[str, Any] = {
        "name": "Advies over de reikwijdte van de Jeugdwet bij een hulpvraag",
        "description_short": (
            "Dit algoritme geeft de medewerker van de toegang een advies over een hulpvraag: valt de hulp onder de "
            "Jeugdwet, is ze vrij toegankelijk of is een beschikking nodig, gaat een andere wet voor en vraagt de "
            "veiligheid direct handelen. De medewerker beslist."
        ),
        "category": ["Zorg en gezondheid"],
        "goal": (
            "Doel: de gemeente beoordeelt elke hulpvraag met dezelfde regels, die elk hun bron in wet, beleid of "
            "voorstel noemen, en legt uit waarom. Impact: een gezin krijgt een besluit met een motivering in gewone "
            "taal, met de bronnen en de punten die de professional nog moet wegen. Het advies zegt wat onbekend is "
            "en op welke aannames het rust; het beslist nooit zelf over hulp."
        ),
        "human_intervention": (
            "Het algoritme adviseert; een professional van de toegang beslist en mag met een vastgelegde reden "
            "afwijken (het besluit wordt apart van het advies bewaard). Wat de bronnen aan de professional laten "
            "(draagkracht en draaglast, eigen mogelijkheden, maatwerk) beslist het algoritme nooit: het noemt die "
            "punten als professionele afweging. Ontbrekende gegevens en aannames worden getoond, met de vraag die "
            "ze beantwoordt; bij tegenstrijdige regels blijft de uitkomst open."
        ),
        "risks": (
            "Elke wijziging van de regels gaat door de leefwereldtoets: voor elk persona-gezin wordt de uitkomst "
            "vergeleken met de vorige versie, in elke gemeente; minder toegang of een verdwenen professionele "
            "afweging voor een kind met een chronische of acute ernstige ziekte, een veiligheidszorg of een "
            "GI-verwijzing faalt, tenzij in de regels beredeneerd erkend. Een regelset met één fout wordt geheel "
            "geweigerd; elke regel heeft een bron en een scenario dat haar raakt. Een voorstel leest nooit als wet: "
            "elke uitsluitingsgrond noemt of ze op wet, voorstel of gemeentelijk beleid berust. De gemeente vult "
            "haar eigen risicobeheer en monitoring aan."
        ),
        "lawful_basis": (
            "Het college beslist over jeugdhulp op grond van de Jeugdwet: de jeugdhulpplicht (art. 2.3), de "
            "voorliggende wetten Wlz, Zvw en Bjj (art. 1.2) en de verwijzing (art. 2.6, 2.7). Hulp die niet vrij "
            "toegankelijk is, vraagt een beschikking met bezwaar en beroep (Algemene wet bestuursrecht). De "
            "regels steunen ook op voorstellen van de landelijke werkgroep en op het beleid van de gemeente; elke "
            "regel noemt welke."
        ),
        "lawful_basis_grouping": [{"title": title, "link": url} for title, url in laws.items()],
        "source_data": _data_used(),
        "methods_and_models": (
            f"Een regelgebaseerd systeem, niet zelflerend. Beleidsmakers schrijven de regels in YAML-bestanden, elk "
            f"met zijn bron (document, regelnummers, wetsartikel); deze publicatie beschrijft {n_rules} regels die "
            f"op {peildatum.isoformat()} gelden voor {where} (regelset versie {ruleset.versie}). De regelmachine "
            "(durable-rules) past de regels toe met drie waarden: waar, onwaar en onbekend; een onbekend gegeven "
            "maakt een uitkomst nooit stilzwijgend onwaar. Invoer: de casus. Uitvoer: reikwijdte (binnen, buiten, "
            "onbeslist), toegang (vrij toegankelijk, beschikking), welke wet voorgaat, veiligheid, de verwijzing, "
            "de toegepaste en niet-toegepaste regels met bron, ontbrekende gegevens, aannames, vervolgvragen en "
            "een motivering. De regels en hun bronnen staan op " + link("rules/") + "."
        ),
        "publiccode": repository_url,
        "lang": "nld",
        "standard_version": STANDAARD,
        "tags": "Jeugdwet, jeugdhulp, reikwijdte, toegang, beschikking, vrij toegankelijke hulp, sociaal domein",
    }
    full = {v.sleutel: velden.get(v.sleutel) for v in VELDEN}
    unknown = {
        "publiccode": "de openbare vindplaats van de broncode is het project niet bekend (geef --repository-url)"
    }
    return {
        "publicatiestandaard": {"versie": STANDAARD, "bron": BRON_STANDAARD},
        "velden": full,
        "in_te_vullen_door_gemeente": {
            k: ALLEEN_GEMEENTE[k] for k, value in full.items() if value is None and k in ALLEEN_GEMEENTE
        },
        "nog_niet_bekend": {k: unknown[k] for k, value in full.items() if value is None and k in unknown},
        "reikwijdte": {
            "regelset": {"versie": ruleset.versie, "peildatum": peildatum.isoformat(), "gemeente": gemeente},
            "aantal_regels": n_rules,
            "regels": link("rules/"),
            "bronnenregister": link("rules/bronnen.yaml"),
            "leefwereldtoets": link("docs/leefwereldtoets.md"),
            "leefwereldtoets_rapport": "reports/leefwereldtoets.html (door CI per wijziging gemaakt)",
            "wetsartikelen": articles,
        },
    }


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _cell(value: Any) -> str:
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return "<br>".join(f"[{v['title']}]({v['link']})" for v in value)
        return ", ".join(str(v) for v in value)
    return str(value).replace("|", "\\|").replace("\n", " ")


def to_markdown(data: dict[str, Any]) -> str:
    """The entry as a Markdown page: per section of the standard a table, the municipality's fields marked."""
    velden, extra = data["velden"], data["reikwijdte"]
    open_fields, unknown = data["in_te_vullen_door_gemeente"], data["nog_niet_bekend"]
    lines = [
        f"# Algoritmeregister: {velden['name']}",
        "",
        f"Volgens de publicatiestandaard {data['publicatiestandaard']['versie']} van het Algoritmeregister "
        f"({data['publicatiestandaard']['bron']}). Velden met *{GEMEENTE}* kan alleen de gemeente invullen; "
        "het project heeft ze bewust leeg gelaten.",
        "",
    ]
    section = None
    for v in VELDEN:
        if v.sectie != section:
            section = v.sectie
            lines += ["", f"## {section}", "", "| veld | waarde |", "|---|---|"]
        value = velden[v.sleutel]
        if value is None:
            shown = (
                f"*{GEMEENTE}*: {open_fields[v.sleutel]}"
                if v.sleutel in open_fields
                else f"*nog niet bekend*: {unknown[v.sleutel]}"
            )
        else:
            shown = _cell(value)
        lines.append(f"| {v.naam}{' (verplicht)' if v.verplicht else ''} | {shown} |")
    regelset = extra["regelset"]
    lines += [
        "",
        "## Regelset en controle",
        "",
        f"- Regelset versie `{regelset['versie']}`, peildatum {regelset['peildatum']}, "
        f"{'gemeente ' + regelset['gemeente'] if regelset['gemeente'] else 'landelijke regels'}; "
        f"{extra['aantal_regels']} regels.",
        f"- Regels: {extra['regels']}; bronnenregister: {extra['bronnenregister']}.",
        f"- Leefwereldtoets: {extra['leefwereldtoets']}; rapport: {extra['leefwereldtoets_rapport']}.",
        "",
        "### Geciteerde wetsartikelen",
        "",
        "| artikel | Juriconnect |",
        "|---|---|",
        *(f"| {a['artikel']} | `{a['juriconnect']}` |" for a in extra["wetsartikelen"]),
    ]
    return "\n".join(lines) + "\n"
