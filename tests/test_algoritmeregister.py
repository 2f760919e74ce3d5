"""The Algoritmeregister entry: the standard's fields, what the project fills within the standard's
limits, and what only the municipality can fill left open and marked, never invented."""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path

from typer.testing import CliRunner

from cli.main import app
from engine.algoritmeregister import ALLEEN_GEMEENTE, VELDEN, entry
from engine.compiler import compile_ruleset
from engine.loader import load_rulebase
from engine.rulebase import RuleBase

ROOT = Path(__file__).resolve().parent.parent
DAY = dt.date(2025, 1, 1)
runner = CliRunner()

#: The keys of publication standard 1.0.0 as the register configures them
#: (MinBZK/Algoritmeregister, backend/app/schemas/config/v1_0_0.json), in its order.
STANDARD_KEYS = [
    "name", "description_short", "organization", "category", "status", "begin_date", "end_date",
    "contact_email", "website", "publication_category", "url", "goal", "proportionality",
    "human_intervention", "risks", "lawful_basis", "lawful_basis_grouping", "process_index_url",
    "impacttoetsen_grouping", "impacttoetsen", "source_data", "source_data_grouping",
    "methods_and_models", "provider", "publiccode", "lang", "standard_version", "source_id", "tags",
]  # fmt: skip
THEMES = {
    "Organisatie en bedrijfsvoering", "Cultuur en recreatie", "Economie", "Overheidsfinanciën", "Wonen",
    "Internationaal", "Migratie en integratie", "Natuur en milieu", "Onderwijs en wetenschap",
    "Openbare orde en veiligheid", "Recht", "Ruimte en infrastructuur", "Sociale zekerheid", "Verkeer", "Werk",
    "Zorg en gezondheid",
}  # fmt: skip


@functools.cache
def rules() -> RuleBase:
    return load_rulebase(ROOT / "rules")


def test_the_entry_has_exactly_the_fields_of_the_standard() -> None:
    data = entry(rules(), DAY)
    assert [v.sleutel for v in VELDEN] == STANDARD_KEYS
    assert list(data["velden"]) == STANDARD_KEYS


def test_what_the_project_fills_stays_within_the_standard() -> None:
    velden = entry(rules(), DAY, "voorbeeldstad")["velden"]
    for v in VELDEN:
        value = velden[v.sleutel]
        if isinstance(value, str) and v.max_lengte is not None:
            assert len(value) <= v.max_lengte, (v.sleutel, len(value))
    assert set(velden["category"]) <= THEMES
    assert (velden["lang"], velden["standard_version"]) == ("nld", "1.0.0")
    for item in velden["lawful_basis_grouping"]:
        assert len(item["title"]) < 100 and item["link"].startswith("https://wetten.overheid.nl/BWBR")


def test_fields_only_the_municipality_can_fill_are_left_open_and_marked() -> None:
    for gemeente in (None, "voorbeeldstad"):
        data = entry(rules(), DAY, gemeente)
        for key, why in ALLEEN_GEMEENTE.items():
            assert data["velden"][key] is None, key
            assert data["in_te_vullen_door_gemeente"][key] == why
        assert set(data["in_te_vullen_door_gemeente"]) == set(ALLEEN_GEMEENTE)
        assert data["velden"]["publiccode"] is None and "publiccode" in data["nog_niet_bekend"]


def test_legal_basis_version_and_links_come_from_the_rules() -> None:
    data = entry(rules(), DAY, "voorbeeldstad", repository_url="https://example.org/reikwijdte/blob/abc")
    assert {"title": "Jeugdwet", "link": "https://wetten.overheid.nl/BWBR0034925/2025-01-01"} in data["velden"][
        "lawful_basis_grouping"
    ]
    refs = [a["juriconnect"] for a in data["reikwijdte"]["wetsartikelen"]]
    assert "jci1.3:c:BWBR0034925&artikel=2.3&lid=1" in refs
    assert data["reikwijdte"]["regelset"]["versie"] == compile_ruleset(rules(), DAY, "voorbeeldstad").versie
    assert data["reikwijdte"]["regels"] == "https://example.org/reikwijdte/blob/abc/rules/"
    assert data["velden"]["publiccode"] == "https://example.org/reikwijdte/blob/abc"
    assert "nog_niet_bekend" in data and data["nog_niet_bekend"] == {}


def test_the_command_writes_markdown_and_json(tmp_path: Path) -> None:
    md, js = tmp_path / "ar.md", tmp_path / "ar.json"
    result = runner.invoke(
        app, ["algoritmeregister", "--peildatum", "2025-01-01", "--markdown", str(md), "--json", str(js)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(js.read_text(encoding="utf-8"))
    assert data["velden"]["name"]
    page = md.read_text(encoding="utf-8")
    assert "| Organisatie (verplicht) | *in te vullen door de gemeente*" in page
    assert "`jci1.3:c:BWBR0034925&artikel=2.3&lid=1`" in page
    assert runner.invoke(app, ["algoritmeregister", "--gemeente", "nergensdorp"]).exit_code == 2
