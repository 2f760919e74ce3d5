"""The `reikwijdte` command as a user runs it: outputs and exit codes."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import yaml
from typer.testing import CliRunner

from cli.main import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "personas" / "gezin-jansen-oudercursus.yaml"
runner = CliRunner()


def test_evaluate_prints_a_readable_dutch_assessment() -> None:
    result = runner.invoke(app, ["evaluate", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert "Reikwijdte" in result.output and "Motivering" in result.output
    head = result.output.split("Toegepaste regels")[0]
    # The words of engine.labels, as the web pages show them; never the codes.
    assert "Binnen de Jeugdwet" in head and "Vrij toegankelijk" in head, head
    assert "vrij_toegankelijk" not in head, head


def test_evaluate_shows_the_referral_state_in_dutch_words(tmp_path: Path) -> None:
    case = tmp_path / "verwijzing.yaml"
    case.write_text(
        "jeugdige: {leeftijd: 12, woont_in_gemeente: true}\n"
        "situatie: {psychische_problemen: true, eigen_mogelijkheden_toereikend: false}\n"
        "verwijzing: {verwijzer: huisarts, aanbieder_gecontracteerd: false, reden_niet_gecontracteerd: andere_reden}\n"
    )
    result = runner.invoke(app, ["evaluate", str(case), "--gemeente", "rivierdal"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "goedkeuring van de gemeente vooraf nodig" in result.output
    assert "goedkeuring_vooraf_nodig" not in result.output.split("Motivering")[0]


def test_evaluate_shows_what_goes_first_in_dutch_words() -> None:
    persona = ROOT / "personas" / "paardencoaching-voorbeeldstad.yaml"
    result = runner.invoke(app, ["evaluate", str(persona)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    head = result.output.split("Toegepaste regels")[0]
    assert "Gaat voor" in head and "Deze hulpvorm is uitgesloten van jeugdhulp." in head, head
    assert "uitgesloten_hulpvorm" not in head, head


def test_every_domain_that_can_go_first_has_dutch_words() -> None:
    from engine.facts import BUITEN_DOMEINEN
    from engine.motivation import domein_in_words

    assert [d for d in BUITEN_DOMEINEN if domein_in_words(d) == d.replace("_", " ")] == []


def test_evaluate_json_has_the_dutch_contract() -> None:
    result = runner.invoke(app, ["evaluate", str(SAMPLE), "--json", "--peildatum", "2025-01-01"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for key in (
        "reikwijdte",
        "toegang",
        "grondslagen",
        "ontbrekende_gegevens",
        "toelichting",
        "motivering",
        "regelset",
    ):
        assert key in data
    assert data["regelset"]["peildatum"] == "2025-01-01"
    assert data["toelichting"]["toegepast"], "an assessment explains which rules applied"


def test_plain_case_file_in_json(tmp_path: Path) -> None:
    persona = yaml.safe_load(SAMPLE.read_text())
    case = tmp_path / "casus.json"
    case.write_text(json.dumps(persona["casus"]))
    result = runner.invoke(app, ["evaluate", str(case), "--json", "--peildatum", str(persona["peildatum"])])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["toegang"] == persona["verwacht"]["toegang"]


def test_bad_case_file_names_file_line_and_field(tmp_path: Path) -> None:
    case = tmp_path / "casus.yaml"
    case.write_text(
        textwrap.dedent("""\
        jeugdige:
          leeftijd: twaalf
        situatie:
          veiligheidzorgen: true
        """)
    )
    result = runner.invoke(app, ["evaluate", str(case)])
    assert result.exit_code == 2
    assert f"{case}:2: jeugdige.leeftijd:" in result.output
    assert (
        f"{case}:4: situatie.veiligheidzorgen: onbekende sleutel 'veiligheidzorgen' — bedoelde je 'veiligheidszorgen'?"
        in result.output
    )


def test_missing_and_unparsable_case_files(tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(tmp_path / "bestaat-niet.yaml")])
    assert result.exit_code == 2 and "bestaat-niet.yaml: bestand bestaat niet" in result.output
    broken = tmp_path / "kapot.yaml"
    broken.write_text("situatie: {veiligheidszorgen: [\n")
    result = runner.invoke(app, ["evaluate", str(broken)])
    assert (
        result.exit_code == 2
        and f"{broken}:1: geen geldige YAML: een '[' of '{{' op deze regel wordt nergens afgesloten" in result.output
    )


def test_unknown_municipality_and_bad_date() -> None:
    result = runner.invoke(app, ["evaluate", str(SAMPLE), "--gemeente", "atlantis"])
    assert result.exit_code == 2 and "onbekende gemeente 'atlantis'" in result.output
    result = runner.invoke(app, ["evaluate", str(SAMPLE), "--peildatum", "31-12-2025"])
    assert result.exit_code == 2 and "geen datum" in result.output


def test_personas_passes_on_the_library() -> None:
    result = runner.invoke(app, ["personas"])
    assert result.exit_code == 0, result.output
    assert "zoals verwacht" in result.output


def test_personas_fails_on_a_mismatch(tmp_path: Path) -> None:
    wrong = tmp_path / "verkeerd.yaml"
    text = SAMPLE.read_text().replace("toegang: vrij_toegankelijk", "toegang: beschikking")
    wrong.write_text(text)
    result = runner.invoke(app, ["personas", str(tmp_path)])
    assert result.exit_code == 1
    assert "VERSCHIL" in result.output


def test_evaluate_shows_the_assumptions_and_the_first_questions_in_words() -> None:
    """Issue 10: the terminal lists what the advice assumed (with reason, source and question) and
    the first five next questions, by the facts' labels, readable on an 80-column terminal."""
    persona = Path(__file__).resolve().parent.parent / "personas" / "kind-met-leukemie-gezin-ontwricht.yaml"
    result = runner.invoke(app, ["evaluate", str(persona)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.replace("│", " ").split())
    assert "Aannames: het advies gaat hiervan uit tot het bekend is" in text
    assert "• Recht op zorg uit de Bjj: aangenomen nee" in text
    assert "Vraag: Verblijft de jongere in een justitiële jeugdinrichting" in text
    assert "Eerst te vragen" in text
    assert "andere_wetten.recht_op_bjj" not in text
