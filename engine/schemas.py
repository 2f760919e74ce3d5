"""JSON Schema of the files people edit, generated from the pydantic models, with Dutch descriptions.

Policy makers edit rule files, municipal files and the source register; professionals write case
and persona files. Each file names its schema on its first line
(`# yaml-language-server: $schema=../schemas/regels.schema.json`), so an editor completes keys and
marks errors while typing. The schemas are generated from the same models that check the files
(`reikwijdte schema`), never written by hand; `tests/test_schemas.py` checks that the files in
`schemas/` are what this module generates and that every YAML file in the repository passes them.

The models' docstrings are written for developers, in English; a schema is read by the people
who edit the files, so every definition gets its Dutch description here, and a field without a
description of its own gets one from `VELDEN` (case facts: the question that asks for them).
One shape that pydantic cannot see is added: `bron` may be one passage or a list of passages.
What only the whole rule base can tell (a fact's name, a parameter's allowed values) stays with
`reikwijdte validate`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from engine.bronnen import BronnenBestand
from engine.case import Casus
from engine.casefile import CaseFile
from engine.facts import CASE_FACTS, OUTCOME_FACTS
from engine.rule_model import GemeenteBestand, RegelBestand

SCHEMA_DIR = "schemas"
"""The repository folder that holds the generated schemas."""

DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: kind -> (model, file name, what the schema is for)
SOORTEN: dict[str, tuple[type[BaseModel], str]] = {
    "regels": (RegelBestand, "regels.schema.json"),
    "gemeente": (GemeenteBestand, "gemeente.schema.json"),
    "casus": (Casus, "casus.schema.json"),
    "persona": (CaseFile, "persona.schema.json"),
    "bronnen": (BronnenBestand, "bronnen.schema.json"),
}

#: Dutch description of every definition (and of each file as a whole).
BESCHRIJVINGEN: dict[str, str] = {
    "RegelBestand": "Een landelijk regelbestand (rules/*.yaml): regels, parameters, erkenningen en vermoedens.",
    "GemeenteBestand": "Een gemeentelijk bestand (rules/gemeenten/<code>.yaml): parameters, uitsluitingen bij "
    "naam, niet gevolgde voorstellen en vermoedens van één gemeente.",
    "BronnenBestand": "Het bronnenregister (rules/bronnen.yaml): elk document en elke wet waarop de regels steunen.",
    "CaseFile": "Een personabestand: het verhaal van een gezin, de casus en de uitkomst die het gezin zou moeten "
    "krijgen. Een gewoon casusbestand heeft alleen de casus.",
    "Casus": "Eén casus zoals een toegangsteam die beschrijft; elk gegeven mag onbekend zijn (weglaten).",
    "Regel": "Eén regel: voorwaarde (als), conclusie (dan), bron en geldigheid.",
    "Bron": "Waar de regel op steunt: één passage, of een lijst van passages waarvan de eerste de hoofdpassage is.",
    "BronPassage": "Eén geciteerde passage: het document (id uit rules/bronnen.yaml), de regelnummers en het artikel.",
    "Conditie": "Een voorwaarde: precies één van 'alle', 'een_van', 'niet', of 'feit' met één operator.",
    "Conclusie": "Wat de regel concludeert: afgeleide feiten, uitkomstvelden en/of een professionele afweging.",
    "ProfessioneleAfweging": "Een punt dat de regelmachine nooit beslist: de professional weegt het.",
    "Parameter": "Een parameter met een landelijke standaardwaarde, die een gemeente mag instellen als hij "
    "gemeentelijk is.",
    "ParameterVerwijzing": "Een waarde die uit een parameter komt.",
    "ParameterPeriode": "Eén gedateerde waarde van een parameter: geldt van geldig_vanaf tot en met geldig_tot.",
    "GedateerdeWaarde": "Een gemeentelijke waarde die op een datum verandert: perioden met elk een waarde; "
    "op een dag die geen periode dekt, geldt de landelijke waarde.",
    "Erkenning": "Een beredeneerde erkenning dat een regelwijziging een persona minder toegang geeft.",
    "Vermoeden": "Een vermoeden: zolang het feit onbekend is, gaat het advies uit van deze waarde (of grens), "
    "met reden en bron.",
    "GemeenteInfo": "De gemeente van dit bestand.",
    "UitgeslotenHulpvorm": "Een hulpvorm die de verordening van de gemeente bij naam uitsluit.",
    "NietGevolgdVoorstel": "Een voorstel van de werkgroep dat de gemeente niet volgt, met de reden.",
    "BronDocument": "Een brondocument: titel, uitgever en datum zoals in de tekst gelezen, openbare vindplaats en "
    "het lokale tekstbestand.",
    "DocumentDeel": "Een deel van een gebundelde tekst, met zijn regelnummers.",
    "Wet": "Een wet die de regels citeren, met haar BWB-id.",
    "PersonaInfo": "Het gezin: naam, verhaal, waar het op mag rekenen en de groepen die het vertegenwoordigt.",
    "Verwachting": "De uitkomst die het gezin zou moeten krijgen; alleen de genoemde velden worden vergeleken.",
    "VerwijzingUitkomst": "Waar een verwijzing staat en wat dat betekent.",
    "Groep": "Groepen die een persona vertegenwoordigt; de eerste vier beschermt de leefwereldtoets.",
    "Jeugdige": "Gegevens over de jeugdige.",
    "Situatie": "De situatie van de jeugdige en het gezin.",
    "Hulpvraag": "De gevraagde hulp.",
    "AndereWetten": "Rechten op zorg of voorzieningen uit andere wetten en verzekeringen.",
    "ZorgDoorOuders": "Zorg die de ouders zelf geven (gebruikelijke zorg).",
    "Verwijzing": "De verwijzing naar de hulp, als die er is.",
    "Maatregel": "Een maatregel van de rechter of het OM, als die er is.",
    "Hulpsoort": "Soorten hulp die de bronnen onderscheiden.",
    "Hulpvorm": "Soorten hulp die een wet of verordening bij naam kan uitsluiten; de professional kiest de soort.",
    "Onderwijsvraag": "De grensgevallen met onderwijs.",
    "OorzaakBijOuders": "Problemen van de ouders in andere domeinen.",
    "Verwijzer": "Wettelijke verwijzers (Jeugdwet art. 2.6 en 2.7).",
    "RedenNietGecontracteerd": "De zeven aanvaarde redenen voor niet-gecontracteerde hulp.",
}

#: Dutch descriptions of fields whose model gives none: (definition, field) -> text.
VELDEN: dict[tuple[str, str], str] = {
    ("RegelBestand", "beschrijving"): "Waar dit bestand over gaat.",
    ("RegelBestand", "parameters"): "Parameters met hun landelijke standaardwaarde, op naam.",
    ("RegelBestand", "regels"): "De regels van dit bestand.",
    ("RegelBestand", "erkenningen"): "Erkenningen dat een wijziging een persona bewust minder toegang geeft.",
    ("RegelBestand", "vermoedens"): "Vermoedens: waarden waarvan het advies uitgaat zolang een feit onbekend is.",
    ("Regel", "id"): "Vaste id van de regel: letters, cijfers, - _ .",
    ("Regel", "titel"): "Korte titel in gewone taal.",
    ("Regel", "bron"): "De bron: één passage of een lijst van passages.",
    ("Regel", "geldig_vanaf"): "Eerste dag waarop de regel geldt (JJJJ-MM-DD).",
    ("Regel", "geldig_tot"): "Laatste dag waarop de regel geldt (JJJJ-MM-DD); leeg: zonder einde.",
    ("Regel", "als"): "De voorwaarde.",
    ("Regel", "dan"): "De conclusie.",
    ("Regel", "uitzondering_op"): "Regels waarop deze regel een uitzondering is (lex specialis).",
    ("Regel", "landelijk"): "Een landelijke regel (standaard ja).",
    ("Bron", "opmerking"): "Opmerking bij de passage, bijv. het bezwaar van de werkgroep.",
    ("BronPassage", "opmerking"): "Opmerking bij de passage, bijv. het bezwaar van de werkgroep.",
    ("Conditie", "alle"): "Alle voorwaarden gelden.",
    ("Conditie", "een_van"): "Minstens één van de voorwaarden geldt.",
    ("Conditie", "niet"): "De voorwaarde geldt niet.",
    ("Conditie", "feit"): "Het feit dat vergeleken wordt, bijv. hulpvraag.verwachte_kosten.",
    ("Conditie", "is"): "Het feit heeft deze waarde.",
    ("Conditie", "is_niet"): "Het feit heeft deze waarde niet.",
    ("Conditie", "groter_dan"): "Het feit is groter dan dit getal.",
    ("Conditie", "kleiner_dan"): "Het feit is kleiner dan dit getal.",
    ("Conditie", "minimaal"): "Het feit is minstens dit getal.",
    ("Conditie", "maximaal"): "Het feit is hoogstens dit getal.",
    ("Conditie", "in"): "Het feit heeft een van deze waarden.",
    ("Conditie", "niet_in"): "Het feit heeft geen van deze waarden.",
    ("Conditie", "bevat"): "De lijst (het feit) bevat deze waarde.",
    ("Conditie", "bekend"): "Het feit is in de casus bekend.",
    ("Conditie", "onbekend"): "Het feit is in de casus onbekend.",
    ("Conclusie", "afleiden"): "Afgeleide feiten, die andere regels testen als afgeleid.<naam>.",
    ("Conclusie", "uitkomst"): "Uitkomstvelden, zie docs/rule-language.md.",
    ("Conclusie", "professionele_afweging"): "Een punt dat de professional weegt.",
    ("ProfessioneleAfweging", "onderwerp"): "Waarover de professional beslist.",
    ("ProfessioneleAfweging", "te_wegen"): "Wat de professional meeweegt.",
    ("Parameter", "omschrijving"): "Wat de parameter regelt.",
    ("Parameter", "type"): "Soort waarde: getal, ja_nee, tekst of lijst.",
    ("Parameter", "standaard"): "De landelijke standaardwaarde.",
    ("Parameter", "bron"): "Waar de parameter op steunt.",
    ("Parameter", "gemeentelijk"): "Mag een gemeente hem instellen? (standaard ja)",
    ("ParameterVerwijzing", "parameter"): "Naam van de parameter.",
    ("ParameterPeriode", "geldig_vanaf"): "Eerste dag van de periode (JJJJ-MM-DD).",
    ("ParameterPeriode", "geldig_tot"): "Laatste dag van de periode (JJJJ-MM-DD); leeg: zonder einde.",
    ("GedateerdeWaarde", "perioden"): "De perioden, elk met een waarde; ze overlappen niet.",
    ("Parameter", "perioden"): "Gedateerde waarden, elk met geldig_vanaf (en geldig_tot).",
    ("Erkenning", "datum"): "Datum van de erkenning (JJJJ-MM-DD).",
    ("Vermoeden", "bron"): "Waar het vermoeden op steunt.",
    ("Vermoeden", "maximaal"): "Het feit is hoogstens dit getal.",
    ("Vermoeden", "kleiner_dan"): "Het feit is kleiner dan dit getal.",
    ("Vermoeden", "minimaal"): "Het feit is minstens dit getal.",
    ("Vermoeden", "groter_dan"): "Het feit is groter dan dit getal.",
    ("GemeenteBestand", "gemeente"): "Code en naam van de gemeente; het bestand heet <code>.yaml.",
    ("GemeenteBestand", "parameters"): "Waarden van gemeentelijke parameters, op naam.",
    ("GemeenteBestand", "uitgesloten_hulpvormen"): "Hulpvormen die de verordening bij naam uitsluit.",
    ("GemeenteBestand", "niet_gevolgde_voorstellen"): "Voorstellen van de werkgroep die de gemeente niet volgt.",
    ("GemeenteBestand", "vermoedens"): "Vermoedens die de gemeente toevoegt of anders stelt.",
    ("GemeenteInfo", "code"): "Code van de gemeente (kleine letters), gelijk aan de bestandsnaam.",
    ("GemeenteInfo", "naam"): "Naam van de gemeente.",
    ("UitgeslotenHulpvorm", "bron"): "De verordening die de hulpvorm uitsluit.",
    ("BronnenBestand", "beschrijving"): "Waar het register over gaat en hoe het gelezen is.",
    ("BronnenBestand", "documenten"): "De brondocumenten.",
    ("BronnenBestand", "wetten"): "De wetten die de regels citeren.",
    ("Wet", "id"): "Vaste id van de wet in dit register.",
    ("Wet", "toelichting"): "Toelichting, bijv. waarom de tekst niet gecontroleerd is.",
    ("CaseFile", "persona"): "Het gezin achter de casus.",
    ("CaseFile", "peildatum"): "Datum waarop de regels gelden (JJJJ-MM-DD).",
    ("CaseFile", "casus"): "De casus.",
    ("CaseFile", "verwacht"): "De uitkomst die het gezin zou moeten krijgen.",
    ("PersonaInfo", "naam"): "Naam van de persona.",
    ("PersonaInfo", "waar_ze_op_mogen_rekenen"): "Waar het gezin op mag rekenen, in hun eigen woorden.",
    ("PersonaInfo", "groepen"): "De groepen die de persona vertegenwoordigt.",
    ("Casus", "jeugdige"): "Gegevens over de jeugdige.",
    ("Casus", "situatie"): "De situatie van de jeugdige en het gezin.",
    ("Casus", "hulpvraag"): "De gevraagde hulp.",
    ("Casus", "andere_wetten"): "Rechten uit andere wetten en verzekeringen.",
    ("Casus", "zorg_door_ouders"): "Zorg die de ouders zelf geven.",
    ("Casus", "verwijzing"): "De verwijzing, als die er is.",
    ("Casus", "maatregel"): "Een maatregel van de rechter of het OM, als die er is.",
    ("Verwachting", "verwijzing"): "Waar de verwijzing zou moeten staan.",
    ("VerwijzingUitkomst", "toegestaan"): "De verwijzing is toegestaan.",
    ("VerwijzingUitkomst", "toestemming_vooraf"): "De gemeente moet vooraf toestemming geven.",
    ("VerwijzingUitkomst", "toetsing_achteraf"): "De gemeente toetst achteraf.",
    ("VerwijzingUitkomst", "gemeente_moet_betalen"): "De gemeente moet de hulp betalen.",
    ("VerwijzingUitkomst", "gemeente_niet_verplicht"): "De gemeente is niet verplicht de hulp te betalen.",
    ("VerwijzingUitkomst", "start_niet_blokkeren"): "De start van de hulp mag niet worden tegengehouden.",
}

#: The case sections whose fields are case facts (`<section>.<field>`).
_SECTIONS = {
    "Jeugdige": "jeugdige",
    "Situatie": "situatie",
    "Hulpvraag": "hulpvraag",
    "AndereWetten": "andere_wetten",
    "ZorgDoorOuders": "zorg_door_ouders",
    "Verwijzing": "verwijzing",
    "Maatregel": "maatregel",
}


class SchemaGap(Exception):
    """A definition or field has no Dutch description: add it to `BESCHRIJVINGEN` or `VELDEN`."""


def _field_text(definition: str, name: str) -> str | None:
    section = _SECTIONS.get(definition)
    if section is not None and f"{section}.{name}" in CASE_FACTS:
        fact = CASE_FACTS[f"{section}.{name}"]
        return fact.description or fact.question or None
    if definition == "Verwachting" and name in OUTCOME_FACTS:
        return OUTCOME_FACTS[name].description or None
    return VELDEN.get((definition, name))


def _dutch(definition: str, schema: dict[str, Any]) -> None:
    if definition not in BESCHRIJVINGEN:
        raise SchemaGap(f"geen Nederlandse beschrijving voor '{definition}' (engine/schemas.py, BESCHRIJVINGEN)")
    schema["description"] = BESCHRIJVINGEN[definition]
    for name, prop in schema.get("properties", {}).items():
        prop.pop("title", None)
        if "description" not in prop:
            text = _field_text(definition, name)
            if text is None:
                raise SchemaGap(f"geen Nederlandse beschrijving voor '{definition}.{name}' (engine/schemas.py, VELDEN)")
            prop["description"] = text


def _bron_as_list(defs: dict[str, Any]) -> None:
    """`bron` is one passage (a mapping) or a list of passages, the first the main one
    (`Bron._from_list`); pydantic's schema only knows the mapping."""
    if "Bron" in defs:
        mapping = defs["Bron"]
        defs["Bron"] = {
            "description": mapping.pop("description"),
            "anyOf": [
                mapping,
                {"type": "array", "items": {"$ref": "#/$defs/BronPassage"}, "minItems": 1},
            ],
        }


def schema_for(soort: str) -> dict[str, Any]:
    """The JSON Schema of one kind of file (`SOORTEN`), with Dutch descriptions."""
    model, file_name = SOORTEN[soort]
    schema = model.model_json_schema(by_alias=True)
    defs: dict[str, Any] = schema.pop("$defs", {})
    for name, definition in defs.items():
        definition.pop("title", None)
        _dutch(name, definition)
    _dutch(model.__name__, schema)
    _bron_as_list(defs)
    schema.pop("title", None)
    result: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": f"https://reikwijdte.invalid/{SCHEMA_DIR}/{file_name}",
        "title": f"reikwijdte: {soort}",
        **schema,
    }
    if defs:
        result["$defs"] = dict(sorted(defs.items()))
    return result


def schema_text(soort: str) -> str:
    """The schema as it is written to `schemas/` (stable, so the repository's copy can be compared)."""
    return json.dumps(schema_for(soort), ensure_ascii=False, indent=2) + "\n"


def write_schemas(directory: Path, soorten: list[str] | None = None) -> list[Path]:
    """Write the schemas of `soorten` (all when None) into `directory`; the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for soort in soorten or list(SOORTEN):
        path = directory / SOORTEN[soort][1]
        path.write_text(schema_text(soort), encoding="utf-8")
        written.append(path)
    return written


def schema_file_for(path: Path, repository: Path) -> str | None:
    """The schema a YAML file of the repository names (kind), by where it lies; None for others."""
    relative = path.resolve().relative_to(repository.resolve()).parts
    if relative[:2] == ("rules", "gemeenten") and len(relative) == 3:
        return "gemeente"
    if relative == ("rules", "bronnen.yaml"):
        return "bronnen"
    if relative[0] == "rules" and len(relative) == 2:
        return "regels"
    if relative[0] == "personas" and len(relative) == 2:
        return "persona"
    return None


def modeline(path: Path, repository: Path) -> str | None:
    """The first line a YAML file of the repository carries: `# yaml-language-server: $schema=...`."""
    soort = schema_file_for(path, repository)
    if soort is None:
        return None
    depth = len(path.resolve().relative_to(repository.resolve()).parts) - 1
    return f"# yaml-language-server: $schema={'../' * depth}{SCHEMA_DIR}/{SOORTEN[soort][1]}"
