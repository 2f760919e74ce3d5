"""Shared fixtures and the Dutch step definitions for every `.feature` file.

The steps build a case from a table of facts (`feit | waarde`), evaluate it with the real rules,
and check the assessment. Every rule that fires in a scenario is recorded, and at the end of a
run that executed the scenarios the rule coverage is reported; a rule never exercised fails the
run (a rule without a scenario is a rule nobody checked). In the same way every outcome value
the scenarios reach is recorded, and an outcome value no scenario reaches fails the run too
(see `tests/outcome_coverage.py`; report in `reports/outcome-coverage.json`).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import shutil
from pathlib import Path
from typing import Any

import outcome_coverage
import pytest
from outcome_coverage import expected_values, missing_values, reached_values
from pytest_bdd import given, parsers, then, when

from engine.assessment import Beoordeling
from engine.case import Casus
from engine.casefile import load_case_file
from engine.evaluator import Engine
from engine.facts import CASE_FACTS
from engine.loader import load_rulebase
from engine.rulebase import RuleBase

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"

_FIRED: set[str] = set()
_SCENARIOS_RUN: list[str] = []
_REACHED = outcome_coverage.REACHED  # shared with tests/test_outcome_coverage.py


@functools.cache
def shipped_rules() -> RuleBase:
    """The checkout's rules, loaded and validated once per run (every loader is a second or so)."""
    return load_rulebase(RULES)


@pytest.fixture(scope="session")
def shipped_engine() -> Engine:
    """One engine on the shipped rules for every test that only evaluates (evaluation changes nothing)."""
    return Engine(shipped_rules())


@pytest.fixture(scope="session")
def engine(shipped_engine: Engine) -> Engine:
    """The engine the scenarios evaluate with: the shipped rules (a test module may define its own)."""
    return shipped_engine


# --- coverage ---------------------------------------------------------------------------------


def pytest_bdd_after_scenario(request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
    _SCENARIOS_RUN.append(scenario.name)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not _SCENARIOS_RUN or session.config.getoption("keyword") or session.config.getoption("markexpr"):
        return
    all_ids = sorted({r.id for r in shipped_rules().rules})
    missing = [rid for rid in all_ids if rid not in _FIRED]
    report = {
        "regels": len(all_ids),
        "geraakt": len(all_ids) - len(missing),
        "scenarios": len(_SCENARIOS_RUN),
        "nooit_geraakt": missing,
    }
    out = ROOT / "reports"
    out.mkdir(exist_ok=True)
    (out / "rule-coverage.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_sep("=", "regeldekking (rule coverage)")
        reporter.write_line(
            f"{report['geraakt']} van {report['regels']} regels geraakt in {report['scenarios']} scenario's"
        )
        for rid in missing:
            reporter.write_line(f"NOOIT GERAAKT: {rid}", red=True)
    unreached = missing_values(_REACHED)
    outcome_report = {
        "waarden": len(expected_values()),
        "bereikt": len(expected_values()) - len(unreached),
        "nooit_bereikt": [f"{name}={value}" for name, value in unreached],
    }
    (out / "outcome-coverage.json").write_text(json.dumps(outcome_report, indent=2, ensure_ascii=False))
    if reporter is not None:
        reporter.write_sep("=", "uitkomstdekking (outcome coverage)")
        reporter.write_line(f"{outcome_report['bereikt']} van {outcome_report['waarden']} uitkomstwaarden bereikt")
        for name, value in unreached:
            reporter.write_line(f"NOOIT BEREIKT: {name}={value}", red=True)
    if (missing or unreached) and session.exitstatus == 0:
        session.exitstatus = 1


# --- steps ------------------------------------------------------------------------------------


def parse_value(path: str, raw: str) -> Any:
    """A table cell as the fact's type: ja/nee, numbers, enum text, or a comma list."""
    raw = raw.strip()
    kind = CASE_FACTS[path].kind
    if kind == "bool":
        if raw not in ("ja", "nee"):
            raise ValueError(f"{path}: schrijf ja of nee, niet '{raw}'")
        return raw == "ja"
    if kind == "int":
        return int(raw)
    if kind == "float":
        return float(raw)
    if kind == "list":
        return [part.strip() for part in raw.split(",") if part.strip()]
    return raw


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    node = data
    *parents, leaf = path.split(".")
    for part in parents:
        node = node.setdefault(part, {})
    node[leaf] = value


@pytest.fixture
def context() -> dict[str, Any]:
    return {"casus": {}, "gemeente": None, "peildatum": dt.date(2025, 1, 1)}


@given("een casus met:")
def casus_met(context: dict[str, Any], datatable: list[list[str]]) -> None:
    header, *rows = datatable
    assert [h.strip() for h in header] == ["feit", "waarde"], "de tabel heeft de kolommen feit | waarde"
    for path, raw in rows:
        set_path(context["casus"], path.strip(), parse_value(path.strip(), raw))


@given(parsers.parse('de persona "{path}"'))
def persona(context: dict[str, Any], path: str) -> None:
    case = load_case_file(ROOT / path)
    context["casus"] = case.casus.model_dump(mode="json", exclude_none=True)
    context["gemeente"] = case.gemeente
    if case.peildatum:
        context["peildatum"] = case.peildatum


@given(parsers.parse('de gemeente "{code}"'))
def gemeente(context: dict[str, Any], code: str) -> None:
    context["gemeente"] = code


@given(parsers.parse('de peildatum "{day}"'))
def peildatum(context: dict[str, Any], day: str) -> None:
    context["peildatum"] = dt.date.fromisoformat(day)


_EXTRA_ENGINES: dict[tuple[str, str], Engine] = {}


@given(parsers.parse('de regels met dit gemeentebestand "{code}":'))
def regels_met_gemeentebestand(
    context: dict[str, Any], tmp_path_factory: pytest.TempPathFactory, code: str, docstring: str
) -> None:
    """The shipped rules plus one municipal file written in the scenario (loaded once per text),
    for a municipal choice the shipped municipalities do not make, such as a mid-year change."""
    key = (code, docstring)
    if key not in _EXTRA_ENGINES:
        root = tmp_path_factory.mktemp("regels") / "rules"
        shutil.copytree(RULES, root)
        (root / "gemeenten" / f"{code}.yaml").write_text(docstring + "\n", encoding="utf-8")
        _EXTRA_ENGINES[key] = Engine(load_rulebase(root))
    context["engine"] = _EXTRA_ENGINES[key]


@when("de casus wordt beoordeeld")
def beoordeel(context: dict[str, Any], engine: Engine) -> None:
    casus = Casus.model_validate(context["casus"])
    engine = context.get("engine", engine)
    result = engine.evaluate(casus, gemeente=context["gemeente"], peildatum=context["peildatum"])
    _FIRED.update(r.id for r in result.toelichting.toegepast)
    _REACHED.update(reached_values(result))
    context["beoordeling"] = result


def _b(context: dict[str, Any]) -> Beoordeling:
    return context["beoordeling"]


def _explain(b: Beoordeling) -> str:
    applied = ", ".join(r.id for r in b.toelichting.toegepast) or "geen"
    return f"toegepast: {applied}; ontbrekend: {b.ontbrekende_gegevens}; conflicten: {b.conflicten}"


@then(parsers.parse('is de reikwijdte "{value}"'))
def reikwijdte_is(context: dict[str, Any], value: str) -> None:
    b = _b(context)
    assert b.reikwijdte == value, _explain(b)


@then(parsers.parse('gaat het domein "{value}" voor'))
def domein_is(context: dict[str, Any], value: str) -> None:
    b = _b(context)
    assert b.buiten_domein == value, _explain(b)


@then(parsers.parse('is de toegang "{value}"'))
def toegang_is(context: dict[str, Any], value: str) -> None:
    b = _b(context)
    assert b.toegang == value, _explain(b)


@then(parsers.parse('is direct handelen "{value}"'))
def direct_handelen(context: dict[str, Any], value: str) -> None:
    b = _b(context)
    assert b.onmiddellijk_handelen is (value == "ja"), _explain(b)


@then(parsers.parse('is er een gedwongen kader "{value}"'))
def gedwongen_kader(context: dict[str, Any], value: str) -> None:
    b = _b(context)
    assert b.gedwongen_kader is (value == "ja"), _explain(b)


@then(parsers.parse('zijn de grondslagen "{values}"'))
def grondslagen_zijn(context: dict[str, Any], values: str) -> None:
    b = _b(context)
    expected = sorted(v.strip() for v in values.split(",") if v.strip())
    assert sorted(b.grondslagen) == expected, _explain(b)


@then(parsers.parse('bevatten de grondslagen "{value}"'))
def grondslagen_bevatten(context: dict[str, Any], value: str) -> None:
    b = _b(context)
    assert value in b.grondslagen, _explain(b)


@then(parsers.parse('bevatten de signalen "{value}"'))
def signalen_bevatten(context: dict[str, Any], value: str) -> None:
    b = _b(context)
    assert value in b.signalen, _explain(b)


@then(parsers.parse('bevatten de signalen niet "{value}"'))
def signalen_bevatten_niet(context: dict[str, Any], value: str) -> None:
    b = _b(context)
    assert value not in b.signalen, _explain(b)


@then(parsers.parse('is bij de verwijzing "{field}" "{value}"'))
def verwijzing_veld(context: dict[str, Any], field: str, value: str) -> None:
    b = _b(context)
    assert b.verwijzing is not None, "de casus heeft geen verwijzing"
    expected = {"ja": True, "nee": False, "onbekend": None}[value]
    assert getattr(b.verwijzing, field) is expected, _explain(b)


@then(parsers.parse('staat de verwijzing op "{status}"'))
def verwijzing_status(context: dict[str, Any], status: str) -> None:
    b = _b(context)
    assert b.verwijzing is not None, "de casus heeft geen verwijzing"
    assert b.verwijzing.status == status, _explain(b)


@then(parsers.parse('is regel "{rule_id}" toegepast'))
def regel_toegepast(context: dict[str, Any], rule_id: str) -> None:
    b = _b(context)
    assert rule_id in [r.id for r in b.toelichting.toegepast], _explain(b)


@then(parsers.parse('is regel "{rule_id}" niet toegepast'))
def regel_niet_toegepast(context: dict[str, Any], rule_id: str) -> None:
    b = _b(context)
    assert rule_id not in [r.id for r in b.toelichting.toegepast], _explain(b)


@then("ontbreken er geen gegevens")
def geen_ontbrekende(context: dict[str, Any]) -> None:
    b = _b(context)
    assert b.ontbrekende_gegevens == [], _explain(b)


@then(parsers.parse('ontbreekt het gegeven "{path}"'))
def ontbreekt(context: dict[str, Any], path: str) -> None:
    b = _b(context)
    assert path in b.ontbrekende_gegevens, _explain(b)


@then(parsers.parse('rust het advies op de aanname "{path}"'))
def aanname(context: dict[str, Any], path: str) -> None:
    b = _b(context)
    assert path in [a.feit for a in b.aannames], _explain(b)
    assert "Dit advies rust op aannames" in b.motivering


@then(parsers.parse('is er een vervolgvraag over "{path}"'))
def vervolgvraag(context: dict[str, Any], path: str) -> None:
    b = _b(context)
    assert path in [q.feit for q in b.vervolgvragen], _explain(b)


@then(parsers.parse('is de eerste vervolgvraag over "{path}"'))
def eerste_vraag(context: dict[str, Any], path: str) -> None:
    b = _b(context)
    assert b.vervolgvragen and b.vervolgvragen[0].feit == path, _explain(b)


@then(parsers.parse('moet de professional afwegen "{fragment}"'))
def afweging(context: dict[str, Any], fragment: str) -> None:
    b = _b(context)
    assert any(fragment in a.onderwerp for a in b.professionele_afweging), _explain(b)


@then(parsers.parse('is er een conflict over "{field}"'))
def conflict(context: dict[str, Any], field: str) -> None:
    b = _b(context)
    assert field in [c.veld for c in b.conflicten], _explain(b)


@then(parsers.parse('geldt de landelijke waarde {value} voor "{name}"'))
def landelijke_waarde(context: dict[str, Any], value: str, name: str) -> None:
    shown = {w.parameter: str(w.waarde) for w in _b(context).toelichting.landelijke_waarden}
    assert shown.get(name) == value, f"landelijke waarden in de toelichting: {shown}"


@then("geldt geen landelijke waarde in plaats van een gemeentelijke")
def geen_landelijke_waarde(context: dict[str, Any]) -> None:
    assert _b(context).toelichting.landelijke_waarden == []


@then("noemt de motivering bezwaar en beroep")
def motivering_bezwaar(context: dict[str, Any]) -> None:
    b = _b(context)
    assert "Bezwaar en beroep" in b.motivering, b.motivering


@then("noemt de motivering geen bezwaar en beroep")
def motivering_geen_bezwaar(context: dict[str, Any]) -> None:
    b = _b(context)
    assert "Bezwaar en beroep" not in b.motivering, b.motivering


@then(parsers.parse('noemt de motivering "{fragment}"'))
def motivering_noemt(context: dict[str, Any], fragment: str) -> None:
    b = _b(context)
    assert fragment in b.motivering, b.motivering


@then(parsers.parse('zijn de buiten-gronden "{values}"'))
def buiten_gronden_zijn(context: dict[str, Any], values: str) -> None:
    b = _b(context)
    expected = sorted(v.strip() for v in values.split(",") if v.strip())
    assert sorted(b.buiten_gronden) == expected, _explain(b)


@then(parsers.parse('berust de grond "{grond}" op "{basis}"'))
def grond_basis(context: dict[str, Any], grond: str, basis: str) -> None:
    b = _b(context)
    found = [g.basis for g in b.buiten_gronden_basis if g.grond == grond]
    assert found and all(x == basis for x in found), f"{b.buiten_gronden_basis}; {_explain(b)}"


@then("zijn er geen buiten-gronden")
def geen_buiten_gronden(context: dict[str, Any]) -> None:
    b = _b(context)
    assert b.buiten_gronden == [] and b.buiten_gronden_basis == [], _explain(b)


@then("blijft het voorgaande domein open")
def domein_open(context: dict[str, Any]) -> None:
    b = _b(context)
    assert b.buiten_domein is None, _explain(b)


@then("is er geen conflict")
def geen_conflict(context: dict[str, Any]) -> None:
    b = _b(context)
    assert b.conflicten == [], _explain(b)


@then(parsers.parse('staat regel "{rule_id}" eenmaal in de afwegingen, de toelichting en de motivering'))
def eenmaal(context: dict[str, Any], rule_id: str) -> None:
    b = _b(context)
    assert [a.regel for a in b.professionele_afweging].count(rule_id) == 1, _explain(b)
    assert [r.id for r in b.toelichting.toegepast].count(rule_id) == 1, _explain(b)
    weighing = next(a for a in b.professionele_afweging if a.regel == rule_id)
    assert b.motivering.count(f"- {weighing.onderwerp}:") == 1, b.motivering
