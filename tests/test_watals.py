"""`reikwijdte caseload` and `reikwijdte wat-als`: the synthetic caseload, reading real ones, the
comparison of two rule versions, acknowledgements for protected groups, the report."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from cli.main import app
from engine.batch.caseload import case_of_row, read_caseload
from engine.batch.synthetic import PROPORTIONS, synthetic_caseload

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
DAY = "2026-01-01"


def test_the_synthetic_caseload_is_reproducible_and_valid() -> None:
    a = synthetic_caseload(500, seed=4, gemeenten=["voorbeeldstad", None])
    assert a.equals(synthetic_caseload(500, seed=4, gemeenten=["voorbeeldstad", None]))
    assert not a.equals(synthetic_caseload(500, seed=5, gemeenten=["voorbeeldstad", None]))
    for row in a.head(50).iter_rows(named=True):
        case_of_row(row)  # every generated case is a valid case
    assert set(a["gemeente"].unique().to_list()) == {"voorbeeldstad", None}
    assert any(p.herkomst.startswith("bron:") for p in PROPORTIONS)
    assert all(p.herkomst.startswith(("bron:", "aanname")) for p in PROPORTIONS)


def test_the_caseload_names_its_sources_by_title_not_by_file(tmp_path: Path) -> None:
    """A proportion from the sources names its passage in the register; the command shows the
    document's title, never a file name."""
    from engine.loader import load_rulebase

    register = load_rulebase(ROOT / "rules").bronnen
    for p in PROPORTIONS:
        assert (p.passage is not None) == p.herkomst.startswith("bron:"), p.what
        if p.passage is not None:
            assert p.passage.document in register.documents
    result = runner.invoke(app, ["caseload", "--aantal", "20", "--uit", str(tmp_path / "c.parquet")])
    assert result.exit_code == 0, result.output
    assert "Hervormingsagenda Jeugd" in result.output and ".txt" not in result.output


def test_a_caseload_is_read_from_csv_and_json_lines(tmp_path: Path) -> None:
    csv = tmp_path / "c.csv"
    csv.write_text(
        "gemeente,hulpvraag.verwachte_kosten,situatie.veiligheidszorgen,situatie.onderwijsvraag,beschermde_groepen\n"
        "voorbeeldstad,1200.5,false,dyslexie|dyscalculie,veiligheid\n"
        ",,true,,\n"
    )
    loaded = read_caseload(csv)
    assert not loaded.problems
    assert loaded.frame["hulpvraag.verwachte_kosten"].to_list() == [1200.5, None]
    assert loaded.frame["situatie.onderwijsvraag"].to_list()[0] == ["dyslexie", "dyscalculie"]
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_text(
        json.dumps({"hulpvraag": {"soort": "cursus", "verwachte_kosten": 300}, "jeugdige": {"leeftijd": 9}}) + "\n"
    )
    nested = read_caseload(jsonl)
    assert not nested.problems
    assert nested.frame.row(0, named=True)["hulpvraag.soort"] == "cursus"
    assert nested.frame.row(0, named=True)["jeugdige.leeftijd"] == 9


def test_bad_rows_are_reported_with_row_and_field(tmp_path: Path) -> None:
    csv = tmp_path / "slecht.csv"
    csv.write_text(
        "jeugdige.leeftijd,hulpvraag.soort,situatie.veiligheidszorgen\n9,cursus,false\n91,cursus,false\n9,kursus,ja\n"
    )
    loaded = read_caseload(csv)
    assert [(p.row, p.field) for p in loaded.problems] == [
        (2, "jeugdige.leeftijd"),
        (3, "hulpvraag.soort"),
        (3, "situatie.veiligheidszorgen"),
    ]
    assert loaded.bad_rows == 2
    assert loaded.valid().height == 1
    result = runner.invoke(app, ["wat-als", "--caseload", str(csv), "--basis", str(ROOT / "rules")])
    assert result.exit_code == 2
    assert "rij 2: jeugdige.leeftijd: mag hoogstens 30" in result.output
    assert "niet gestart" in result.output


@pytest.fixture(scope="module")
def changed_rules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The rules with a lower cost threshold in voorbeeldstad (2500 -> 1200)."""
    root = tmp_path_factory.mktemp("wa") / "rules"
    shutil.copytree(ROOT / "rules", root)
    target = root / "gemeenten" / "voorbeeldstad.yaml"
    text = target.read_text()
    assert "kostendrempel: 2500" in text
    target.write_text(text.replace("kostendrempel: 2500", "kostendrempel: 1200"))
    return root


def test_wat_als_compares_reports_and_asks_for_acknowledgements(changed_rules: Path, tmp_path: Path) -> None:
    caseload = tmp_path / "caseload.parquet"
    made = runner.invoke(app, ["caseload", "--aantal", "3000", "--uit", str(caseload), "--zaad", "3"])
    assert made.exit_code == 0, made.output
    args = ["wat-als", "--caseload", str(caseload), "--basis", str(ROOT / "rules"), "--regels", str(changed_rules)]
    args += ["--peildatum", DAY, "--controle", "15", "--uit", str(tmp_path / "uit"), "--html", str(tmp_path / "r.html")]
    first = runner.invoke(app, args)
    changed = pl.read_parquet(tmp_path / "uit" / "gewijzigde_casussen.parquet")
    assert changed.height > 0
    assert set(changed["configuratie"].unique().to_list()) == {"voorbeeldstad"}
    said = " ".join(first.output.split())
    assert "Controle: 90 casussen ook met durable-rules beoordeeld (basis en huidig); alle velden gelijk" in said
    transitions = pl.read_csv(tmp_path / "uit" / "overgangen.csv")
    assert transitions.filter((pl.col("veld") == "toegang") & (pl.col("nieuw") == "beschikking")).height > 0
    page = (tmp_path / "r.html").read_text()
    assert "<svg" in page and "<script" not in page
    losing = changed.filter(pl.col("klasse") == "minder_toegang").explode("beschermde_groepen")
    losing = losing.filter(
        pl.col("beschermde_groepen").is_in(["levenslang_chronisch", "ernstig_acuut_ziek", "veiligheid", "gi_client"])
    )
    if losing.height == 0:
        assert first.exit_code == 0, first.output
        return
    assert first.exit_code == 1, first.output
    assert "ZONDER ERKENNING" in said
    pairs = set()
    for row in losing.iter_rows(named=True):
        rules = row["regels_niet_meer_toegepast"] + row["regels_nu_toegepast"]
        pairs.add((row["beschermde_groepen"], rules[0]))
    erkenningen = "erkenningen:\n" + "".join(
        f"  - groep: {g}\n    regel: {r}\n    gemeente: voorbeeldstad\n    datum: 2026-01-01\n"
        f"    reden: Een lagere kostendrempel is een bewuste keuze van de gemeenteraad voor deze groep.\n"
        for g, r in sorted(pairs)
    )
    (changed_rules / "99_erkenningen.yaml").write_text(erkenningen)
    try:
        second = runner.invoke(app, args)
        assert second.exit_code == 0, second.output
        assert "Erkend:" in " ".join(second.output.split())
        assert "geslaagd" in (tmp_path / "r.html").read_text()
    finally:
        (changed_rules / "99_erkenningen.yaml").unlink()


def test_an_unknown_municipality_in_the_caseload_stops_the_run(tmp_path: Path) -> None:
    csv = tmp_path / "c.csv"
    csv.write_text("gemeente,jeugdige.leeftijd\nnergenshuizen,9\n")
    result = runner.invoke(app, ["wat-als", "--caseload", str(csv), "--basis", str(ROOT / "rules"), "--peildatum", DAY])
    assert result.exit_code == 2
    assert "nergenshuizen" in result.output


def test_a_cross_check_difference_stops_the_run_naming_case_and_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--controle`: a batch result that durable-rules contradicts fails the run (exit 1)."""
    from engine.batch.evaluate import BatchEngine

    real = BatchEngine.evaluate

    def wrong(self: BatchEngine, frame: pl.DataFrame, peildatum: dt.date, gemeente: object = ...) -> pl.DataFrame:
        result = real(self, frame, peildatum, gemeente)  # type: ignore[arg-type]
        return result.with_columns(pl.lit("geen").alias("toegang"))

    monkeypatch.setattr(BatchEngine, "evaluate", wrong)
    csv = tmp_path / "c.csv"
    csv.write_text("gemeente,situatie.opgroei_opvoedvragen,hulpvraag.soort\nvoorbeeldstad,true,cursus\n")
    result = runner.invoke(
        app, ["wat-als", "--caseload", str(csv), "--basis", str(ROOT / "rules"), "--peildatum", DAY, "--controle", "5"]
    )
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert "CONTROLE MISLUKT: casus 1 (voorbeeldstad): toegang: durable-rules" in said


def test_transitions_are_shown_in_words() -> None:
    """What a person reads names fields and values by their labels; the CSV keeps the codes."""
    from leefwereld.watals import in_woorden

    frame = pl.DataFrame(
        {
            "configuratie": ["voorbeeldstad", "voorbeeldstad"],
            "groep": ["alle", "alle"],
            "veld": ["toegang", "signalen"],
            "oud": ["vrij_toegankelijk", "—"],
            "nieuw": ["beschikking", "grijze_zone_onderwijs|geen_getrapte_zorg"],
            "aantal": pl.Series([3, 1], dtype=pl.UInt32),
        }
    )
    words = in_woorden(frame)
    assert words.row(0) == ("voorbeeldstad", "alle", "Toegang", "Vrij toegankelijk", "Beschikking nodig", 3)
    assert words.row(1)[2:5] == ("Aandachtspunten", "—", "Grijze zone met onderwijs, Geen getrapte zorg nodig")
    assert words.schema == frame.schema
