"""The source register: titles read from the texts, Juriconnect and dated links, and no file name
in anything a person reads (terminal, motivation, API JSON, leefwereldtoets reports)."""

from __future__ import annotations

import datetime as dt
import functools
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from engine.bronnen import juriconnect, parse_artikelen, render_bron, wetten_url
from engine.casefile import load_case_file
from engine.evaluator import Engine
from engine.loader import load_rulebase
from engine.rulebase import RuleBase, RuleSetError

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
SEEDS = ROOT.parent / "shared" / "seeds"
PERSONAS = ROOT / "personas"
FILE_NAME = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")
runner = CliRunner()


@functools.cache
def shipped_rules() -> RuleBase:
    return load_rulebase(RULES)


def _words(text: str) -> str:
    return " ".join(text.split())


def test_every_seed_text_has_one_entry_in_the_register() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} ontbreekt (CI zet ../shared naast de checkout)")
    register = shipped_rules().bronnen
    assert sorted(register.by_file) == sorted(p.name for p in SEEDS.glob("*.txt"))


def test_titles_and_parts_are_read_from_the_texts_not_invented() -> None:
    """A title in the register stands in its text (a part's title within its lines); a document
    whose text has no title carries a description instead, and says why under `toelichting`."""
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} ontbreekt")
    for doc in shipped_rules().bronnen.bestand.documenten:
        if doc.bestand is None:
            continue
        lines = (SEEDS / doc.bestand).read_text(encoding="utf-8").splitlines()
        if doc.titel is not None:
            assert _words(doc.titel) in _words("\n".join(lines[:40])), doc.id
        else:
            assert doc.omschrijving and doc.toelichting, doc.id
        for deel in doc.delen:
            lo, hi = (int(x) for x in deel.regels.split("-"))
            assert _words(deel.titel).rstrip("'") in _words("\n".join(lines[lo - 1 : lo + 40])), (doc.id, deel.titel)


def test_an_article_gets_its_juriconnect_reference_and_a_link_dated_at_the_peildatum() -> None:
    assert juriconnect("BWBR0034925", "2.3", "1") == "jci1.3:c:BWBR0034925&artikel=2.3&lid=1"
    assert wetten_url("jci1.3:c:BWBR0034925&artikel=2.3&lid=1", dt.date(2025, 1, 1)) == (
        "https://wetten.overheid.nl/jci1.3:c:BWBR0034925&artikel=2.3&lid=1&z=2025-01-01&g=2025-01-01"
    )
    found, problems = parse_artikelen("Jeugdwet art. 2.6 lid 1 onder c; art. 3.5")
    assert problems == []
    assert [(a.wet, a.artikel, a.lid, a.onderdeel) for a in found] == [
        ("Jeugdwet", "2.6", "1", "c"),
        ("Jeugdwet", "3.5", None, None),
    ]
    (several,), _ = parse_artikelen("Jeugdwet art. 2.3 lid 1 onder a, b en c")
    assert (several.lid, several.onderdeel) == ("1", None)  # the reference stays at the lid
    (awb,), _ = parse_artikelen("Awb art. 6:7")
    assert awb.artikel == "6:7"
    (quoted,), _ = parse_artikelen('Jeugdwet art. 2.3 lid 1 ("naar het oordeel van het college"; "voorzover")')
    assert quoted.lid == "1"
    assert parse_artikelen("de Jeugdwet")[1] == [
        "'de Jeugdwet' noemt geen artikel (schrijf bijv. 'Jeugdwet art. 2.3 lid 1')"
    ]


def test_every_cited_law_has_its_bwb_id_and_every_article_a_link() -> None:
    base = shipped_rules()
    laws = {w.namen[0]: w.bwb_id for w in base.bronnen.bestand.wetten}
    assert laws["Jeugdwet"] == "BWBR0034925"
    assert {"Wet langdurige zorg", "Zorgverzekeringswet", "Wet maatschappelijke ondersteuning 2015"} <= set(laws)
    assert {"Algemene wet bestuursrecht", "Beginselenwet justitiële jeugdinrichtingen"} <= set(laws)
    day = dt.date(2025, 1, 1)
    for loaded in base.rules:
        for p in loaded.regel.bron.passages():
            shown = render_bron(p, base.bronnen, day)
            for a in shown.wetsartikelen:
                if a.wet.startswith("Verordening"):
                    continue  # an article of the municipality's own ordinance: no BWB
                assert a.juriconnect and a.juriconnect.startswith(f"jci1.3:c:{laws[a.wet]}&artikel="), loaded.id
                assert a.url and a.url.endswith("&z=2025-01-01&g=2025-01-01")
                assert a.tekst_gecontroleerd is False  # the project has no law text to check against


@functools.cache
def _engine() -> Engine:
    return Engine(shipped_rules())


@pytest.mark.parametrize("persona", sorted(PERSONAS.glob("*.yaml")), ids=lambda p: p.stem)
def test_no_assessment_shows_a_file_name(persona: Path) -> None:
    shipped_engine = _engine()
    case = load_case_file(persona)
    for gemeente in (None, "voorbeeldstad"):
        b = shipped_engine.evaluate(case.casus, gemeente=gemeente or case.gemeente, peildatum=case.peildatum)
        shown = b.model_dump(mode="json")
        for r in [*shown["toelichting"]["toegepast"], *shown["toelichting"]["niet_toegepast"], *shown["aannames"]]:
            assert not FILE_NAME.search(r["bron"]["citaat"]) and not FILE_NAME.search(r["bron"]["titel"])
            assert r["bron"]["regels"] and r["bron"]["document"]  # the line range stays available
        for g in shown["buiten_gronden_basis"]:
            assert not FILE_NAME.search(g["bron"] + g["uitleg"])
        assert not FILE_NAME.search(b.motivering)


def test_the_terminal_shows_title_and_article() -> None:
    result = runner.invoke(app, ["evaluate", str(PERSONAS / "gezin-jansen-oudercursus.yaml")], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert not FILE_NAME.search(result.output)
    assert "Rapportage Werkgroep Reikwijdte en Preventie" in result.output
    assert "Jeugdwet art. 2.3 lid 1" in result.output


def _old_version(tmp_path: Path) -> Path:
    """The shipped rules as an earlier revision wrote them: file names in `document:`, no register."""
    old = tmp_path / "oud" / "rules"
    shutil.copytree(RULES, old)
    (old / "bronnen.yaml").unlink()
    for doc in shipped_rules().bronnen.bestand.documenten:
        if doc.bestand is None:
            continue
        for f in [*old.glob("*.yaml"), *old.glob("gemeenten/*.yaml")]:
            text = f.read_text(encoding="utf-8")
            f.write_text(text.replace(f"document: {doc.id}", f"document: {doc.bestand}"), encoding="utf-8")
    return old


def test_rule_files_with_file_names_still_load_and_read_the_same(tmp_path: Path) -> None:
    old = _old_version(tmp_path)
    current = shipped_rules()
    alone = load_rulebase(old)  # no register at all: shown as written, as before
    assert len(alone.rules) == len(current.rules)
    lent = load_rulebase(old, bronnen=current.bronnen)  # how the leefwereldtoets reads an earlier revision
    dump = [r.regel.model_dump(mode="json") for r in lent.rules]
    assert dump == [r.regel.model_dump(mode="json") for r in current.rules]  # same rules: no "regeltekst gewijzigd"
    # Old file names also load beside a register: they map to their document.
    shutil.copy(RULES / "bronnen.yaml", old / "bronnen.yaml")
    beside = load_rulebase(old)
    assert (
        render_bron(beside.rules[0].regel.bron, beside.bronnen).citaat
        == render_bron(current.rules[0].regel.bron, current.bronnen).citaat
    )


def test_the_leefwereldtoets_against_a_revision_without_register_passes(tmp_path: Path) -> None:
    old = _old_version(tmp_path)
    md = tmp_path / "toets.md"
    result = runner.invoke(app, ["leefwereldtoets", "--basis", str(old), "--regels", str(RULES), "--markdown", str(md)])
    assert result.exit_code == 0, result.output
    assert "0 gewijzigd" in result.output.replace("\n", " ")


def _with_rule(tmp_path: Path, bron: str) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    (rules / "99_test.yaml").write_text(
        "regels:\n"
        "  - id: TEST-BRON-01\n"
        "    titel: Een regel met een bron om te toetsen\n"
        f"    bron: {bron}\n"
        "    geldig_vanaf: 2015-01-01\n"
        "    als: {feit: jeugdige.leeftijd, groter_dan: 120}\n"
        "    dan: {afleiden: {test_bron: true}}\n",
        encoding="utf-8",
    )
    return rules


def test_an_unknown_document_is_an_error_with_file_line_and_a_suggestion(tmp_path: Path) -> None:
    rules = _with_rule(tmp_path, "{document: hervormingsagenda-jeugd-stukken-2021, regels: 1-2}")
    with pytest.raises(RuleSetError) as exc:
        load_rulebase(rules)
    (issue,) = exc.value.issues
    assert (issue.file, issue.line, issue.rule_id) == ("rules/99_test.yaml", 4, "TEST-BRON-01")
    assert "onbekend document 'hervormingsagenda-jeugd-stukken-2021'" in issue.message
    assert "bedoelde je 'hervormingsagenda-jeugd-stukken-2021-2022'?" in issue.message


def test_an_unknown_law_in_artikel_is_an_error(tmp_path: Path) -> None:
    rules = _with_rule(
        tmp_path, "{document: hervormingsagenda-jeugd-stukken-2021-2022, regels: 1-2, artikel: Jeugdwett art. 2.3}"
    )
    with pytest.raises(RuleSetError) as exc:
        load_rulebase(rules)
    (issue,) = exc.value.issues
    assert "onbekende wet 'Jeugdwett' — bedoelde je 'Jeugdwet'?" in issue.message


def test_the_leefwereldtoets_reports_show_titles_not_file_names(tmp_path: Path) -> None:
    now = tmp_path / "nu" / "rules"
    shutil.copytree(RULES, now)
    params = now / "parameters.yaml"
    text = params.read_text(encoding="utf-8")
    assert "    standaard: 1500\n" in text
    params.write_text(text.replace("    standaard: 1500\n", "    standaard: 100\n", 1), encoding="utf-8")
    md, html = tmp_path / "toets.md", tmp_path / "toets.html"
    result = runner.invoke(
        app,
        ["leefwereldtoets", "--basis", str(RULES), "--regels", str(now), "--markdown", str(md), "--html", str(html)],
    )
    assert result.exit_code in (0, 1), result.output
    for report in (md.read_text(encoding="utf-8"), html.read_text(encoding="utf-8")):
        assert "gezin-jansen-oudercursus" in report  # a family whose route changed, with the rules that did it
        assert "Rapportage Werkgroep Reikwijdte en Preventie" in report
        assert not FILE_NAME.search(report)
    assert not FILE_NAME.search(result.output)


def test_a_broken_register_is_reported_once_where_it_is(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    register = rules / "bronnen.yaml"
    text = register.read_text(encoding="utf-8")
    register.write_text(text.replace("    bwb_id: BWBR0034925", "    bwb_id: BWB0034925"), encoding="utf-8")
    with pytest.raises(RuleSetError) as exc:
        load_rulebase(rules)
    (issue,) = exc.value.issues  # not one more at every rule that cites the Jeugdwet
    assert issue.file == "rules/bronnen.yaml" and "BWB0034925" in issue.message
