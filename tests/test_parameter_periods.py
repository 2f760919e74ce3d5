"""Parameter values with their own periods (`perioden`), and the receipt of every assessment.

A threshold that changes on 1 July is written once, with dates; overlapping periods are refused
with file and line; a gap in a municipal value lets the national value apply and the assessment
says so; the ruleset cache and the receipt follow the values in force on the peildatum.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from rule_files import issues_of, write

from engine.assessment import Beoordeling
from engine.case import Casus
from engine.compiler import SelectionError
from engine.evaluator import Engine
from engine.loader import load_rulebase
from engine.parameters import parameters_in_force
from engine.provenance import ENGINE_VERSION, rules_commit
from engine.rule_model import REGELTAAL_VERSIE
from leefwereld.compare import gewijzigde_parameters

BRON = "bron: {document: 004_82bfb980c5993adb.txt, regels: 3103-3108, status: voorstel}"

PARAMS = f"""\
parameters:
  kostendrempel:
    omschrijving: drempel
    type: getal
    standaard: 1500
    {BRON}
"""

DATED_PARAMS = f"""\
parameters:
  kostendrempel:
    omschrijving: drempel
    type: getal
    perioden:
      - waarde: 1500
        geldig_vanaf: 2015-01-01
        geldig_tot: 2026-06-30
      - waarde: 1750
        geldig_vanaf: 2026-07-01
    {BRON}
"""

RULE = f"""\
regels:
  - id: R-1
    titel: Beschikking boven de drempel
    {BRON}
    geldig_vanaf: 2015-01-01
    als: {{feit: hulpvraag.verwachte_kosten, groter_dan: {{parameter: kostendrempel}}}}
    dan: {{uitkomst: {{toegang: beschikking}}}}
    motivering: Kosten boven de drempel van {{parameter.kostendrempel}} euro.
"""

MUNICIPAL = """\
gemeente: {code: zomerdorp, naam: Zomerdorp}
parameters:
  kostendrempel:
    perioden:
      - {waarde: 1000, geldig_vanaf: 2026-01-01, geldig_tot: 2026-06-30}
      - {waarde: 2000, geldig_vanaf: 2026-07-01}
"""


def assess(engine: Engine, kosten: float, day: str, gemeente: str | None = None) -> Beoordeling:
    casus = Casus.model_validate({"hulpvraag": {"verwachte_kosten": kosten}})
    return engine.evaluate(casus, gemeente=gemeente, peildatum=dt.date.fromisoformat(day))


def test_a_national_threshold_changes_mid_year(tmp_path: Path) -> None:
    engine = Engine(load_rulebase(write(tmp_path, {"p.yaml": DATED_PARAMS, "r.yaml": RULE})))
    before, after = assess(engine, 1600, "2026-06-30"), assess(engine, 1600, "2026-07-01")
    assert before.toegang == "beschikking" and "1500 euro" in before.motivering
    assert after.toegang == "onbeslist"
    assert before.regelset.parameters_versie != after.regelset.parameters_versie
    assert before.regelset.versie != after.regelset.versie


def test_the_ruleset_cache_follows_the_parameter_values_in_force(tmp_path: Path) -> None:
    engine = Engine(
        load_rulebase(write(tmp_path, {"p.yaml": PARAMS, "r.yaml": RULE, "gemeenten/zomerdorp.yaml": MUNICIPAL}))
    )
    january, june, july = (dt.date(2026, 1, 1), dt.date(2026, 6, 30), dt.date(2026, 7, 1))
    assert engine.ruleset(january, "zomerdorp") is engine.ruleset(june, "zomerdorp")
    assert engine.ruleset(june, "zomerdorp") is not engine.ruleset(july, "zomerdorp")
    assert engine.ruleset(july, "zomerdorp").parameters["kostendrempel"] == 2000
    # The rules in force are the same on all these days: only the parameter values tell them apart.
    assert engine.ruleset(june, None) is engine.ruleset(july, None)


def test_a_gap_in_a_municipal_value_lets_the_national_value_apply_and_says_so(tmp_path: Path) -> None:
    engine = Engine(
        load_rulebase(write(tmp_path, {"p.yaml": PARAMS, "r.yaml": RULE, "gemeenten/zomerdorp.yaml": MUNICIPAL}))
    )
    gap = assess(engine, 1200, "2025-12-31", "zomerdorp")
    assert gap.toegang == "onbeslist"  # 1200 is below the national 1500
    assert [(w.parameter, w.waarde) for w in gap.toelichting.landelijke_waarden] == [("kostendrempel", 1500)]
    assert "daarom geldt de landelijke waarde (1500)" in gap.motivering
    inside = assess(engine, 1200, "2026-01-01", "zomerdorp")
    assert inside.toegang == "beschikking"
    assert inside.toelichting.landelijke_waarden == []
    assert "landelijke_waarden" not in inside.toelichting.model_dump_json()


def test_the_resolution_is_one_function_for_any_caller(tmp_path: Path) -> None:
    base = load_rulebase(write(tmp_path, {"p.yaml": PARAMS, "r.yaml": RULE, "gemeenten/zomerdorp.yaml": MUNICIPAL}))
    specs = {n: p.spec for n, p in base.parameters.items()}
    stand = parameters_in_force(specs, base.gemeenten["zomerdorp"].bestand, dt.date(2026, 7, 1))
    assert stand.values == base.parameter_values("zomerdorp", dt.date(2026, 7, 1)) == {"kostendrempel": 2000}
    assert base.parameters_on("zomerdorp", dt.date(2025, 1, 1)).landelijk_in_gat == ("kostendrempel",)


def test_overlapping_national_periods_are_refused_with_file_and_line(tmp_path: Path) -> None:
    text = DATED_PARAMS.replace("geldig_tot: 2026-06-30", "geldig_tot: 2026-07-01")
    issues = issues_of(write(tmp_path, {"p.yaml": text, "r.yaml": RULE}))
    assert issues == [
        "rules/p.yaml:10: -: parameter 'kostendrempel': de periode vanaf 2026-07-01 overlapt met de periode "
        "in rules/p.yaml:6 (vanaf 2015-01-01, tot en met 2026-07-01); laat elke periode eindigen (geldig_tot) voor "
        "de volgende begint"
    ]


def test_overlapping_municipal_periods_are_refused_with_file_and_line(tmp_path: Path) -> None:
    text = MUNICIPAL.replace("geldig_tot: 2026-06-30}", "}")
    issues = issues_of(write(tmp_path, {"p.yaml": PARAMS, "r.yaml": RULE, "gemeenten/zomerdorp.yaml": text}))
    assert len(issues) == 1
    assert issues[0].startswith("rules/gemeenten/zomerdorp.yaml:6: -: parameter 'kostendrempel': de periode vanaf ")
    assert "in rules/gemeenten/zomerdorp.yaml:5 (vanaf 2026-01-01, zonder einddatum)" in issues[0]


def test_a_national_value_missing_while_rules_are_in_force_is_refused(tmp_path: Path) -> None:
    text = DATED_PARAMS.replace("geldig_vanaf: 2015-01-01", "geldig_vanaf: 2020-01-01")
    issues = issues_of(write(tmp_path, {"p.yaml": text, "r.yaml": RULE}))
    assert issues == [
        "rules/p.yaml:5: -: parameter 'kostendrempel' heeft geen waarde op 2015-01-01 (dan gelden er regels); "
        "geef een periode die die dag dekt, of een 'standaard' voor de dagen zonder periode"
    ]


def test_a_gap_between_national_periods_is_refused_at_its_first_day(tmp_path: Path) -> None:
    text = DATED_PARAMS.replace("geldig_tot: 2026-06-30", "geldig_tot: 2025-12-31")
    issues = issues_of(write(tmp_path, {"p.yaml": text, "r.yaml": RULE}))
    assert len(issues) == 1 and "heeft geen waarde op 2026-01-01 (dan gelden er regels)" in issues[0], issues


def test_a_standard_fills_the_days_no_period_covers(tmp_path: Path) -> None:
    text = DATED_PARAMS.replace("    perioden:\n", "    standaard: 1200\n    perioden:\n").replace(
        "geldig_vanaf: 2015-01-01", "geldig_vanaf: 2020-01-01"
    )
    engine = Engine(load_rulebase(write(tmp_path, {"p.yaml": text, "r.yaml": RULE})))
    assert engine.ruleset(dt.date(2019, 12, 31), None).parameters == {"kostendrempel": 1200}
    assert engine.ruleset(dt.date(2020, 1, 1), None).parameters == {"kostendrempel": 1500}


def test_a_dated_value_of_the_wrong_type_names_its_line(tmp_path: Path) -> None:
    text = MUNICIPAL.replace("waarde: 2000", "waarde: tweeduizend")
    issues = issues_of(write(tmp_path, {"p.yaml": PARAMS, "r.yaml": RULE, "gemeenten/zomerdorp.yaml": text}))
    assert issues == [
        "rules/gemeenten/zomerdorp.yaml:6: -: perioden: parameter 'kostendrempel' is een getal; "
        "'tweeduizend' is dat niet"
    ]


def test_a_misspelt_dated_value_is_a_schema_error_at_its_line(tmp_path: Path) -> None:
    text = MUNICIPAL.replace("perioden:", "periode:")
    issues = issues_of(write(tmp_path, {"p.yaml": PARAMS, "r.yaml": RULE, "gemeenten/zomerdorp.yaml": text}))
    assert (
        "rules/gemeenten/zomerdorp.yaml:4: -: parameters.kostendrempel.periode: onbekende sleutel 'periode' — bedoelde je 'perioden'?"
        in issues
    )


def test_a_parameter_without_standard_or_periods_is_refused(tmp_path: Path) -> None:
    text = PARAMS.replace("    standaard: 1500\n", "")
    issues = issues_of(write(tmp_path, {"p.yaml": text, "r.yaml": RULE}))
    assert len(issues) == 1 and "een parameter heeft een 'standaard' of 'perioden'" in issues[0], issues


def test_compiling_a_day_without_a_national_value_is_refused_clearly(tmp_path: Path) -> None:
    text = DATED_PARAMS.replace("geldig_vanaf: 2015-01-01", "geldig_vanaf: 2020-01-01")
    root = write(tmp_path, {"p.yaml": text, "r.yaml": RULE.replace("2015-01-01", "2020-01-01")})
    engine = Engine(load_rulebase(root))
    with pytest.raises(SelectionError, match="geen regels geldig op peildatum 2019-12-31"):
        engine.ruleset(dt.date(2019, 12, 31), None)


def test_the_receipt_names_engine_language_parameters_and_commit(tmp_path: Path) -> None:
    engine = Engine(load_rulebase(write(tmp_path, {"p.yaml": PARAMS, "r.yaml": RULE})))
    receipt = assess(engine, 1600, "2026-07-01").regelset
    assert receipt.motor_versie == ENGINE_VERSION != "onbekend"
    assert receipt.regeltaal_versie == REGELTAAL_VERSIE
    assert receipt.commit is None  # a directory outside git
    assert receipt.parameters_versie == engine.base.parameters_on(None, dt.date(2026, 7, 1)).versie


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_the_commit_is_named_only_when_the_rule_files_are_that_commits(tmp_path: Path) -> None:
    root = write(tmp_path, {"p.yaml": PARAMS, "r.yaml": RULE})
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "regels")
    sha = _git(tmp_path, "rev-parse", "HEAD")
    assert rules_commit(root) == sha
    assert load_rulebase(root).commit == sha
    (root / "r.yaml").write_text((root / "r.yaml").read_text() + "\n")
    assert rules_commit(root) is None  # changed since the commit
    _git(tmp_path, "checkout", "-q", "--", ".")
    (root / "nieuw.yaml").write_text("beschrijving: nog niet vastgelegd\n")
    assert rules_commit(root) is None  # a file the commit does not hold


def test_the_leefwereldtoets_reports_parameter_changes_on_each_reference_date(tmp_path: Path) -> None:
    oud = load_rulebase(write(tmp_path / "oud", {"p.yaml": PARAMS, "r.yaml": RULE}))
    nieuw = load_rulebase(write(tmp_path / "nieuw", {"p.yaml": DATED_PARAMS, "r.yaml": RULE}))
    june, july = dt.date(2026, 6, 30), dt.date(2026, 7, 1)
    assert gewijzigde_parameters(oud, nieuw, None, [june]) == {}
    assert gewijzigde_parameters(oud, nieuw, None, [july]) == {"kostendrempel": (1500, 1750)}
    assert gewijzigde_parameters(oud, nieuw, None, [june, july]) == {"kostendrempel (op 2026-07-01)": (1500, 1750)}
