"""Hostile and broken input, found by trying it: every case is refused quickly with exit 2, the
file and line, and a Dutch message; never a traceback, never "geldig", never a hang."""

from __future__ import annotations

import os
import textwrap
import threading
import time
from pathlib import Path

import pytest
from click.testing import Result
from test_validation import PARAMS, RULE
from typer.testing import CliRunner

from api.rules_check import check_upload
from cli.main import app
from engine.yaml_source import MAX_DEPTH, MAX_INT_DIGITS, MAX_NODES

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
SAMPLE = ROOT / "personas" / "gezin-jansen-oudercursus.yaml"
runner = CliRunner()


def _bomb() -> str:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i, name in enumerate("bcdefghi"):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{'abcdefghi'[i]}"] * 10) + "]")
    return "\n".join(levels) + "\n"


def _rules(tmp_path: Path, extra: dict[str, str]) -> Path:
    root = tmp_path / "rules"
    root.mkdir(parents=True)
    (root / "p.yaml").write_text(PARAMS)
    (root / "r.yaml").write_text(RULE)
    for name, text in extra.items():
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).write_text(textwrap.dedent(text))
    return root


def _invoke(args: list[str], seconds: float = 20) -> Result:
    """Run the CLI in a thread, so a hang (a FIFO opened for reading) fails the test instead of the run."""
    box: list[Result] = []
    worker = threading.Thread(target=lambda: box.append(runner.invoke(app, args)), daemon=True)
    started = time.monotonic()
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"reikwijdte {' '.join(args)} did not finish within {seconds} s"
    result = box[0]
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert time.monotonic() - started < seconds
    return result


BAD_RULE_FILES = {
    "alias bomb": ("bom.yaml", _bomb(), 2, f"groter dan {MAX_NODES} elementen"),
    "deep nesting": ("diep.yaml", "regels: " + "[" * 10_000 + "]" * 10_000 + "\n", 1, "te diep genest"),
    "deep block nesting": (
        "diep.yaml",
        # 1,000 levels (one space each; 10,000 would make a 50 MB file) is past Python's recursion limit.
        "".join(" " * i + "a:\n" for i in range(1_000)) + " " * 1_000 + "a: 1\n",
        MAX_DEPTH,
        "te diep genest",
    ),
    "5000-digit integer": ("getal.yaml", "beschrijving: x\nwaarde: " + "7" * 5000 + "\n", 2, "5000 cijfers"),
    "impossible date": (
        "datum.yaml",
        RULE.replace("R-1", "R-2").replace("geldig_vanaf: 2015-01-01", "geldig_vanaf: 2025-13-01"),
        7,
        "'2025-13-01' is geen bestaande datum",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_RULE_FILES))
def test_validate_refuses_hostile_rule_files(tmp_path: Path, case: str) -> None:
    name, text, line, message = BAD_RULE_FILES[case]
    result = _invoke(["validate", str(_rules(tmp_path, {name: text}))], seconds=15)
    assert result.exit_code == 2, result.output
    [shown] = result.output.splitlines()
    assert shown.startswith(f"rules/{name}:{line}: -: ") and message in shown, shown
    assert "geldig" not in result.output


def test_long_integers_are_bounded_below_pythons_own_limit(tmp_path: Path) -> None:
    fits = _rules(tmp_path / "ok", {"getal.yaml": f"beschrijving: '{'9' * MAX_INT_DIGITS}'\n"})
    assert _invoke(["validate", str(fits)]).exit_code == 0


def test_the_api_validation_route_uses_the_same_loader() -> None:
    result = check_upload(RULES, "99_bom.yaml", _bomb().encode())
    assert not result.geldig
    assert [(f.bestand, f.regelnummer) for f in result.fouten] == [("rules/99_bom.yaml", 2)]
    assert "aliassen" in result.fouten[0].melding
    result = check_upload(RULES, "99_datum.yaml", b"erkenningen: []\nbeschrijving: 2025-13-01\n")
    assert [(f.regelnummer, f.melding) for f in result.fouten] == [
        (2, "'2025-13-01' is geen bestaande datum (JJJJ-MM-DD)")
    ]


def test_symlink_loop_and_fifo_are_reported_not_skipped(tmp_path: Path) -> None:
    root = _rules(tmp_path, {})
    (root / "lus.yaml").symlink_to(root / "lus.yaml")
    (root / "weg.yaml").symlink_to(root / "bestaat-niet.yaml")
    os.mkfifo(root / "pijp.yaml")
    result = _invoke(["validate", str(root)], seconds=15)
    assert result.exit_code == 2, result.output
    lines = result.output.splitlines()
    assert "rules/lus.yaml:1: -: symbolische koppeling die in een kring naar zichzelf verwijst; niet gelezen" in lines
    assert "rules/weg.yaml:1: -: symbolische koppeling naar een bestand dat niet bestaat" in lines
    assert "rules/pijp.yaml:1: -: is een pipe (FIFO), geen gewoon bestand; niet gelezen" in lines
    assert "geldig" not in result.output


def test_fifo_case_file_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "casus.yaml"
    os.mkfifo(fifo)
    result = _invoke(["evaluate", str(fifo)], seconds=10)
    assert result.exit_code == 2
    assert f"{fifo}:1: is een pipe (FIFO), geen gewoon bestand; niet gelezen" in result.output


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("peildatum: 2025-13-01\ncasus: {}\n", 1, "'2025-13-01' is geen bestaande datum (JJJJ-MM-DD)"),
        (_bomb(), 2, "aliassen"),
        ("jeugdige: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n", 1, "te diep genest"),
        ("jeugdige:\n  leeftijd: " + "1" * 5000 + "\n", 2, "getal met 5000 cijfers is te lang"),
    ],
    ids=["impossible-date", "alias-bomb", "deep", "long-integer"],
)
def test_evaluate_refuses_hostile_case_files(tmp_path: Path, text: str, line: int, message: str) -> None:
    case = tmp_path / "casus.yaml"
    case.write_text(text)
    result = _invoke(["evaluate", str(case)], seconds=15)
    assert result.exit_code == 2, result.output
    assert f"{case}:{line}: " in result.output and message in result.output, result.output


def test_personas_reports_a_persona_with_an_impossible_date(tmp_path: Path) -> None:
    personas = tmp_path / "personas"
    personas.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    (personas / "goed.yaml").write_text(text, encoding="utf-8")
    (personas / "kapot.yaml").write_text("peildatum: 2025-02-30\n" + text, encoding="utf-8")
    (personas / "lus.yaml").symlink_to(personas / "lus.yaml")
    result = _invoke(["personas", str(personas)], seconds=120)
    assert result.exit_code == 2, result.output
    assert f"{personas / 'kapot.yaml'}:1: '2025-02-30' is geen bestaande datum" in result.output
    assert f"{personas / 'lus.yaml'}:1: symbolische koppeling" in result.output


def test_validate_reports_every_error_in_one_run_without_follow_on_noise(tmp_path: Path) -> None:
    broken = (
        RULE.replace("R-1", "R-KAPOT")
        .replace("titel:", "titl:")
        .replace("uitkomst: {toegang: beschikking}", "afleiden: {drempel_overschreden: true}")
    )
    other = (
        RULE.replace("R-1", "R-ANDER")
        .replace("situatie.veiligheidszorgen", "situatie.veiligheid")
        .replace("feit: hulpvraag.verwachte_kosten", "feit: afgeleid.drempel_overschreden")
        .replace("groter_dan: {parameter: kostendrempel}", "is: true")
        + "    uitzondering_op: [R-KAPOT]\n"
    )
    root = _rules(
        tmp_path,
        {
            "a.yaml": broken,
            "b.yaml": other,
            "gemeenten/testdorp.yaml": "gemeente: {code: testdorp, naam: Testdorp}\nparameters: {kostendrempel: veel}\n",
        },
    )
    (root / "p.yaml").write_text(PARAMS.replace("standaard: 1500", "standaard: duizend"))
    result = _invoke(["validate", str(root)])
    assert result.exit_code == 2, result.output
    assert result.output.splitlines() == [
        "rules/a.yaml:2: R-KAPOT: regels.0.titel: verplichte sleutel 'titel' ontbreekt",
        "rules/a.yaml:3: R-KAPOT: regels.0.titl: onbekende sleutel 'titl' — bedoelde je 'titel'?",
        "rules/b.yaml:12: R-ANDER: onbekend feit 'situatie.veiligheid' — bedoelde je 'situatie.veiligheidszorgen'?",
        "rules/gemeenten/testdorp.yaml:2: -: parameter 'kostendrempel' is een getal; 'veel' is dat niet",
        "rules/p.yaml:5: -: standaard: parameter 'kostendrempel' is een getal; 'duizend' is dat niet",
    ]


def test_near_misses_get_a_suggestion(tmp_path: Path) -> None:
    root = _rules(tmp_path, {})
    (root / "r.yaml").write_text(
        RULE.replace("toegang: beschikking", "toegang: beschikkng").replace("status: voorstel", "status: voorstell")
    )
    (root / "p.yaml").write_text(PARAMS.replace("status: voorstel", "status: voorstell"))
    result = _invoke(["validate", str(root)])
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert any(
        line.startswith("rules/r.yaml:15: R-1: 'toegang' is een van ")
        and line.endswith("'beschikkng' past daar niet — bedoelde je 'beschikking'?")
        for line in lines
    ), lines
    assert any(
        line.startswith(
            "rules/p.yaml:6: -: parameters.kostendrempel.bron.status: 'voorstell' is geen toegestane waarde"
        )
        and line.endswith("— bedoelde je 'voorstel'?")
        for line in lines
    ), lines


def test_a_persona_file_with_a_near_miss_enum_value(tmp_path: Path) -> None:
    case = tmp_path / "persona.yaml"
    case.write_text(
        SAMPLE.read_text(encoding="utf-8").replace("  toegang: vrij_toegankelijk", "  toegang: vrij_toegankelik")
    )
    result = _invoke(["evaluate", str(case)])
    assert result.exit_code == 2, result.output
    assert f"{case}:29: verwacht.toegang: 'vrij_toegankelik' is geen toegestane waarde" in result.output
    assert "bedoelde je 'vrij_toegankelijk'?" in result.output, result.output


def test_a_parameter_that_fails_its_schema_is_reported_once(tmp_path: Path) -> None:
    root = _rules(tmp_path, {"gemeenten/testdorp.yaml": "gemeente: {code: testdorp, naam: Testdorp}\n"})
    (root / "p.yaml").write_text(PARAMS.replace("type: getal", "type: getall"))
    (root / "e.yaml").write_text(
        "erkenningen:\n  - {persona: p, regel: R-1, gemeente: testdorpp, reden: '"
        + "x" * 40
        + "', datum: 2025-01-01}\n"
    )
    result = _invoke(["validate", str(root)])
    assert result.exit_code == 2
    # The rule's `{parameter: kostendrempel}` refers to the broken parameter: no second error for it.
    assert result.output.splitlines() == [
        "rules/e.yaml:2: R-1: erkenning p: onbekende gemeente 'testdorpp' — bedoelde je 'testdorp'?",
        "rules/p.yaml:4: -: parameters.kostendrempel.type: 'getall' is geen toegestane waarde;"
        " kies uit getal, ja_nee, tekst, lijst — bedoelde je 'getal'?",
    ]
