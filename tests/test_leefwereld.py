"""The leefwereldtoets on tiny rule sets built here, independent of the national rules.

Every test writes its own rules and personas in a temporary directory: the check must judge a
rule change by what it does to the families, whatever the national rules say today.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from engine.casefile import load_case_file
from engine.evaluator import Engine
from engine.loader import load_rulebase
from engine.rulebase import RuleSetError
from leefwereld.compare import Klasse, Persona, klasse_van, landelijke_eenheid, vergelijk_velden
from leefwereld.report import html_pagina, wijziging_tekst

runner = CliRunner()

BRON = "bron: {document: testbron.txt, regels: 10-12, artikel: Jeugdwet art. 2.3}"

REGELS = f"""
beschrijving: Testregels voor de leefwereldtoets.
parameters:
  kostendrempel:
    omschrijving: Kostendrempel voor een beschikking.
    type: getal
    standaard: 1500
    bron: {{document: testbron.txt, regels: "20"}}
regels:
  - id: R-BINNEN
    titel: Binnen bij een stoornis die het gezin niet zelf opvangt
    {BRON}
    geldig_vanaf: 2015-01-01
    als:
      alle:
        - {{feit: situatie.opgroei_opvoedvragen, is: true}}
        - {{feit: situatie.eigen_mogelijkheden_toereikend, is: false}}
    dan:
      uitkomst: {{reikwijdte: binnen}}
  - id: R-BESCHIKKING
    titel: Beschikking boven de kostendrempel
    bron: {{document: testbron.txt, regels: 30-31}}
    geldig_vanaf: 2015-01-01
    als:
      alle:
        - {{feit: uitkomst.reikwijdte, is: binnen}}
        - {{feit: hulpvraag.verwachte_kosten, groter_dan: {{parameter: kostendrempel}}}}
    dan:
      uitkomst: {{toegang: beschikking}}
  - id: R-VRIJ
    titel: Vrij toegankelijk tot de kostendrempel
    bron: {{document: testbron.txt, regels: 32-33}}
    geldig_vanaf: 2015-01-01
    als:
      alle:
        - {{feit: uitkomst.reikwijdte, is: binnen}}
        - {{feit: hulpvraag.verwachte_kosten, maximaal: {{parameter: kostendrempel}}}}
    dan:
      uitkomst: {{toegang: vrij_toegankelijk}}
"""

# A narrowing: chronic care counted as usual care, overriding the reach rule.
GEBRUIKELIJK = """
  - id: R-GEBRUIKELIJK
    titel: Zorg voor een chronisch ziek kind als gebruikelijke zorg
    bron: {document: smalbron.txt, regels: 40-44, status: voorstel}
    geldig_vanaf: 2015-01-01
    als: {feit: situatie.levenslang_of_chronisch, is: true}
    dan:
      uitkomst: {reikwijdte: buiten, buiten_domein: gebruikelijke_zorg, toegang: geen}
    uitzondering_op: [R-BINNEN]
"""

ERKENNING = """
erkenningen:
  - persona: chronisch-kind
    regel: R-GEBRUIKELIJK
    reden: >
      De Wlz neemt deze zorg per 2026 over; de gemeente zorgt voor een warme overdracht
      en overbrugt tot de Wlz-indicatie er is.
    datum: 2025-03-01
"""

PERSONA = """
persona:
  naam: {naam}
  verhaal: Een verhaal van het gezin, vanuit hun leefwereld verteld.
  waar_ze_op_mogen_rekenen: {rekenen}
  groepen: [{groepen}]
peildatum: 2025-01-01
casus:
  jeugdige: {{leeftijd: 8, woont_in_gemeente: true}}
  situatie:
    opgroei_opvoedvragen: true
    eigen_mogelijkheden_toereikend: false
    levenslang_of_chronisch: {chronisch}
  hulpvraag: {{verwachte_kosten: {kosten}}}
verwacht: {verwacht}
"""


def write_rules(root: Path, extra: str = "", erkenningen: str = "", gemeente: str | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "10_regels.yaml").write_text(REGELS + extra + erkenningen, encoding="utf-8")
    if gemeente:
        (root / "gemeenten").mkdir(exist_ok=True)
        (root / "gemeenten" / "ruimstad.yaml").write_text(gemeente, encoding="utf-8")
    return root


def write_personas(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "chronisch-kind.yaml").write_text(
        PERSONA.format(
            naam="Gezin Chronisch",
            rekenen="Langdurige begeleiding met een beschikking.",
            groepen="levenslang_chronisch",
            chronisch="true",
            kosten=3000,
            verwacht="{reikwijdte: binnen, toegang: beschikking}",
        ),
        encoding="utf-8",
    )
    (root / "alledaags.yaml").write_text(
        PERSONA.format(
            naam="Gezin Alledaags",
            rekenen="Een oudercursus zonder beschikking.",
            groepen="alledaagse_opvoedvragen",
            chronisch="false",
            kosten=300,
            verwacht="{reikwijdte: binnen, toegang: vrij_toegankelijk}",
        ),
        encoding="utf-8",
    )
    return root


def run(*args: str):
    return runner.invoke(app, ["leefwereldtoets", *args])


@pytest.fixture
def personas(tmp_path: Path) -> Path:
    return write_personas(tmp_path / "personas")


# -- the check on a rule change ---------------------------------------------------------------


def test_chronic_persona_losing_its_beschikking_fails_and_names_persona_rule_and_source(tmp_path, personas):
    base = write_rules(tmp_path / "basis" / "rules")
    now = write_rules(tmp_path / "nu" / "rules", extra=GEBRUIKELIJK)
    md = tmp_path / "rapport.md"
    result = run("--basis", str(base), "--regels", str(now), "--personas", str(personas), "--markdown", str(md))
    assert result.exit_code == 1, result.output
    report = md.read_text(encoding="utf-8")
    failing = report.split("### Falende wijzigingen", 1)[1].split("### Alle wijzigingen", 1)[0]
    assert "chronisch-kind" in failing
    assert "`R-GEBRUIKELIJK` nu toegepast (nieuwe regel)" in failing
    assert "smalbron.txt, r. 40-44" in failing
    assert "`R-BINNEN` niet meer toegepast" in failing and "testbron.txt, r. 10-12" in failing
    assert "toegang: beschikking → geen" in failing
    assert "alledaags" not in failing
    assert "FAALT" in result.output


def test_acknowledgement_makes_the_loss_pass_and_shows_in_every_report(tmp_path, personas):
    base = write_rules(tmp_path / "basis" / "rules")
    now = write_rules(tmp_path / "nu" / "rules", extra=GEBRUIKELIJK, erkenningen=ERKENNING)
    md, page = tmp_path / "r.md", tmp_path / "r.html"
    result = run(
        "--basis",
        str(base),
        "--regels",
        str(now),
        "--personas",
        str(personas),
        "--markdown",
        str(md),
        "--html",
        str(page),
    )
    assert result.exit_code == 0, result.output
    report = md.read_text(encoding="utf-8")
    assert "### Erkenningen" in report
    row = next(line for line in report.splitlines() if line.startswith("| `chronisch-kind`"))
    assert "`R-GEBRUIKELIJK`" in row and "warme overdracht" in row and "rules/10_regels.yaml:" in row
    assert "erkend in de regels" in report
    assert "warme overdracht" in page.read_text(encoding="utf-8")
    assert "erkenning" in result.output


def test_acknowledgement_for_another_rule_does_not_excuse(tmp_path, personas):
    other = ERKENNING.replace("regel: R-GEBRUIKELIJK", "regel: R-VRIJ")
    base = write_rules(tmp_path / "basis" / "rules")
    now = write_rules(tmp_path / "nu" / "rules", extra=GEBRUIKELIJK, erkenningen=other)
    result = run("--basis", str(base), "--regels", str(now), "--personas", str(personas))
    assert result.exit_code == 1, result.output


def test_more_access_passes(tmp_path, personas):
    base = write_rules(tmp_path / "basis" / "rules", extra=GEBRUIKELIJK)
    now = write_rules(tmp_path / "nu" / "rules")
    md = tmp_path / "r.md"
    result = run("--basis", str(base), "--regels", str(now), "--personas", str(personas), "--markdown", str(md))
    assert result.exit_code == 0, result.output
    report = md.read_text(encoding="utf-8")
    assert "1 gewijzigd (0 minder toegang, 0 andere route, 1 meer toegang)" in report
    assert "toegang: geen → beschikking" in report


def test_less_access_for_an_unprotected_persona_is_reported_but_passes(tmp_path, personas):
    base = write_rules(tmp_path / "basis" / "rules")
    # Only the everyday family loses: the rule now asks for costs above zero AND below 200.
    narrowed = REGELS.replace("maximaal: {parameter: kostendrempel}", "maximaal: 200")
    now = tmp_path / "nu" / "rules"
    now.mkdir(parents=True)
    (now / "10_regels.yaml").write_text(narrowed, encoding="utf-8")
    md = tmp_path / "r.md"
    result = run("--basis", str(base), "--regels", str(now), "--personas", str(personas), "--markdown", str(md))
    assert result.exit_code == 0, result.output
    assert "minder toegang (geen beschermde groep)" in md.read_text(encoding="utf-8")


def test_unchanged_rules_report_no_change(tmp_path, personas):
    base = write_rules(tmp_path / "basis" / "rules")
    now = write_rules(tmp_path / "nu" / "rules")
    result = run("--basis", str(base), "--regels", str(now), "--personas", str(personas))
    assert result.exit_code == 0
    assert "Geen enkele persona krijgt een andere uitkomst" in result.output


# -- could not run ----------------------------------------------------------------------------


def test_bad_base_exits_2(tmp_path, personas):
    now = write_rules(tmp_path / "nu" / "rules")
    result = run("--basis", str(tmp_path / "bestaat-niet"), "--regels", str(now), "--personas", str(personas))
    assert result.exit_code == 2
    assert "geen map" in result.output


def test_invalid_base_rules_exit_2_unless_allowed(tmp_path, personas):
    base = tmp_path / "basis" / "rules"
    base.mkdir(parents=True)
    (base / "10_regels.yaml").write_text("regels:\n  - id: KAPOT\n    titel: x\n", encoding="utf-8")
    now = write_rules(tmp_path / "nu" / "rules")
    assert run("--basis", str(base), "--regels", str(now), "--personas", str(personas)).exit_code == 2
    allowed = run("--basis", str(base), "--regels", str(now), "--personas", str(personas), "--ongeldige-basis-toestaan")
    assert allowed.exit_code == 0, allowed.output
    assert "Geen basis om mee te vergelijken" in allowed.output


def test_invalid_current_rules_exit_2(tmp_path, personas):
    base = write_rules(tmp_path / "basis" / "rules")
    now = write_rules(tmp_path / "nu" / "rules", erkenningen=ERKENNING)  # names a rule that does not exist
    result = run("--basis", str(base), "--regels", str(now), "--personas", str(personas))
    assert result.exit_code == 2
    assert re.search(r"10_regels\.yaml:\d+: R-GEBRUIKELIJK: erkenning chronisch-kind: onbekende regel", result.output)


# -- git revisions ----------------------------------------------------------------------------


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=t@example.org", "-c", "user.name=test", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def test_git_revision_as_base(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "README").write_text("eerste commit zonder regels\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "start")
    write_personas(repo / "personas")
    write_rules(repo / "rules")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "regels")
    (repo / "rules" / "10_regels.yaml").write_text(REGELS + GEBRUIKELIJK, encoding="utf-8")
    args = ["--regels", str(repo / "rules"), "--personas", str(repo / "personas")]

    changed = run("--basis", "HEAD", *args)
    assert changed.exit_code == 1, changed.output
    assert "HEAD (" in changed.output and "R-GEBRUIKELIJK" in changed.output

    no_rules_yet = run("--basis", "HEAD~1", *args)
    assert no_rules_yet.exit_code == 0, no_rules_yet.output
    assert "Geen basis om mee te vergelijken" in no_rules_yet.output

    bad = run("--basis", "HEAD~5", *args)
    assert bad.exit_code == 2
    assert "geen bekende git-revisie" in bad.output


# -- national consistency ---------------------------------------------------------------------

RUIMSTAD = "gemeente: {code: ruimstad, naam: Ruimstad}\nparameters:\n  kostendrempel: 5000\n"


def test_municipal_parameter_explains_a_difference(tmp_path, personas):
    rules = write_rules(tmp_path / "rules", gemeente=RUIMSTAD)
    md = tmp_path / "r.md"
    result = run("--basis", str(rules), "--regels", str(rules), "--personas", str(personas), "--markdown", str(md))
    assert result.exit_code == 0, result.output
    report = md.read_text(encoding="utf-8")
    section = report.split("### Landelijke eenheid", 1)[1]
    assert "`chronisch-kind` | ruimstad" in section
    assert "R-BESCHIKKING leest parameter kostendrempel (landelijk 1500, hier 5000)" in section


def _assess(rules: Path, persona: Path, gemeente: str | None = None):
    case = load_case_file(persona)
    return Engine(load_rulebase(rules)).evaluate(case.casus, gemeente=gemeente, peildatum=case.peildatum)


def test_national_consistency_flags_a_difference_no_parameter_explains(tmp_path, personas):
    # Ruimstad sets nothing, so a national rule must give the same outcome there. Feed the check an
    # outcome from a rule set where a national rule differs: it must call that unexplained.
    plain = write_rules(tmp_path / "rules", gemeente="gemeente: {code: ruimstad, naam: Ruimstad}\n")
    diverging = write_rules(tmp_path / "anders", extra=GEBRUIKELIJK)
    persona_file = personas / "chronisch-kind.yaml"
    info = Persona("chronisch-kind", load_case_file(persona_file))
    national = _assess(plain, persona_file)
    local = _assess(diverging, persona_file)
    verschil = landelijke_eenheid(info, national, "ruimstad", local, load_rulebase(plain))
    assert verschil is not None and not verschil.verklaard
    assert "R-BINNEN" in verschil.regels

    same = landelijke_eenheid(
        info, national, "ruimstad", _assess(plain, persona_file, "ruimstad"), load_rulebase(plain)
    )
    assert same is None


def test_rule_marked_not_national_explains_a_difference(tmp_path, personas):
    local_rule = GEBRUIKELIJK.replace(
        "    uitzondering_op: [R-BINNEN]\n", "    uitzondering_op: [R-BINNEN]\n    landelijk: false\n"
    )
    rules = write_rules(tmp_path / "rules", extra=local_rule, gemeente="gemeente: {code: ruimstad, naam: Ruimstad}\n")
    persona_file = personas / "chronisch-kind.yaml"
    info = Persona("chronisch-kind", load_case_file(persona_file))
    national = _assess(write_rules(tmp_path / "zonder"), persona_file)
    verschil = landelijke_eenheid(
        info, national, "ruimstad", _assess(rules, persona_file, "ruimstad"), load_rulebase(rules)
    )
    assert verschil is not None and verschil.verklaard
    assert "R-GEBRUIKELIJK is geen landelijke regel" in verschil.verklaring[0]


# -- classification ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("veld", "oud", "nieuw", "klasse"),
    [
        ("reikwijdte", "binnen", "buiten", Klasse.minder_toegang),
        ("reikwijdte", "binnen", "onbeslist", Klasse.minder_toegang),
        ("reikwijdte", "onbeslist", "binnen", Klasse.meer_toegang),
        ("toegang", "beschikking", "geen", Klasse.minder_toegang),
        ("toegang", "vrij_toegankelijk", "geen", Klasse.minder_toegang),
        ("toegang", "vrij_toegankelijk", "beschikking", Klasse.andere_route),
        ("toegang", "beschikking", "vrij_toegankelijk", Klasse.andere_route),
        ("buiten_domein", None, "wlz", Klasse.minder_toegang),
        ("buiten_domein", "wlz", "zvw", Klasse.andere_route),
        ("grondslagen", ["veiligheid"], [], Klasse.minder_toegang),
        ("grondslagen", ["veiligheid"], ["participatie"], Klasse.minder_toegang),
        ("grondslagen", [], ["veiligheid"], Klasse.meer_toegang),
        ("onmiddellijk_handelen", True, False, Klasse.minder_toegang),
        ("gedwongen_kader", False, True, Klasse.andere_route),
        ("signalen", ["grijze_zone_onderwijs"], [], Klasse.andere_route),
        ("verwijzing.gemeente_moet_betalen", True, False, Klasse.minder_toegang),
        ("verwijzing.gemeente_moet_betalen", True, None, Klasse.minder_toegang),
        ("verwijzing.toestemming_vooraf", False, True, Klasse.minder_toegang),
        ("verwijzing.toestemming_vooraf", True, False, Klasse.meer_toegang),
        ("verwijzing.gemeente_niet_verplicht", False, True, Klasse.minder_toegang),
        ("verwijzing.toegestaan", False, True, Klasse.meer_toegang),
        ("verwijzing.toetsing_achteraf", False, True, Klasse.andere_route),
        ("toegang", "beschikking", "beschikking", Klasse.gelijk),
    ],
)
def test_access_order(veld, oud, nieuw, klasse):
    assert klasse_van(veld, oud, nieuw) is klasse


def test_route_change_away_from_the_expectation_is_less_access(tmp_path, personas):
    persona_file = personas / "chronisch-kind.yaml"
    base = write_rules(tmp_path / "basis")
    higher = write_rules(tmp_path / "hoger", gemeente=RUIMSTAD)
    before = _assess(base, persona_file)
    after = _assess(higher, persona_file, "ruimstad")  # 3000 is under Ruimstad's threshold: vrij toegankelijk
    expected = load_case_file(persona_file).verwacht.model_dump(exclude_none=True)
    (change,) = vergelijk_velden(before, after, expected)
    assert (change.veld, change.oud, change.nieuw) == ("toegang", "beschikking", "vrij_toegankelijk")
    assert change.klasse is Klasse.minder_toegang
    (plain,) = vergelijk_velden(before, after, {})
    assert plain.klasse is Klasse.andere_route


def test_loss_that_reaches_the_expected_outcome_does_not_fail(tmp_path):
    # A family whose expected outcome is 'outside the reach' (another law goes first) is not harmed
    # when a rule change finally gives them that outcome.
    personas = tmp_path / "personas"
    personas.mkdir()
    (personas / "chronisch-kind.yaml").write_text(
        PERSONA.format(
            naam="Gezin Wlz",
            rekenen="Zorg uit een andere wet, met warme overdracht.",
            groepen="levenslang_chronisch",
            chronisch="true",
            kosten=3000,
            verwacht="{reikwijdte: buiten, buiten_domein: gebruikelijke_zorg, toegang: geen}",
        ),
        encoding="utf-8",
    )
    base = write_rules(tmp_path / "basis")
    now = write_rules(tmp_path / "nu", extra=GEBRUIKELIJK)
    md = tmp_path / "r.md"
    result = run("--basis", str(base), "--regels", str(now), "--personas", str(personas), "--markdown", str(md))
    assert result.exit_code == 0, result.output
    assert "maar nu precies wat het gezin mag verwachten" in md.read_text(encoding="utf-8")


def test_loss_on_a_field_the_persona_does_not_state_still_fails_once_expectations_were_met(tmp_path):
    # The family expects only 'binnen'; it already got that. Losing the beschikking is still a loss.
    personas = tmp_path / "personas"
    personas.mkdir()
    (personas / "chronisch-kind.yaml").write_text(
        PERSONA.format(
            naam="Gezin Chronisch",
            rekenen="Hulp binnen de Jeugdwet.",
            groepen="levenslang_chronisch",
            chronisch="true",
            kosten=3000,
            verwacht="{reikwijdte: binnen}",
        ),
        encoding="utf-8",
    )
    base = write_rules(tmp_path / "basis")
    now = tmp_path / "nu"
    now.mkdir()
    (now / "10_regels.yaml").write_text(
        REGELS.replace("groter_dan: {parameter: kostendrempel}", "groter_dan: 100000"), encoding="utf-8"
    )
    result = run("--basis", str(base), "--regels", str(now), "--personas", str(personas))
    assert result.exit_code == 1, result.output


# -- rule files and the HTML page -------------------------------------------------------------


def test_acknowledgement_needs_a_reasoned_text(tmp_path):
    short = "erkenningen:\n  - {persona: chronisch-kind, regel: R-GEBRUIKELIJK, reden: mag, datum: 2025-01-01}\n"
    rules = write_rules(tmp_path / "rules", extra=GEBRUIKELIJK, erkenningen=short)
    with pytest.raises(RuleSetError) as caught:
        load_rulebase(rules)
    line = (REGELS + GEBRUIKELIJK).count("\n") + 2
    assert any("erkenningen.0.reden" in i.message and i.line == line for i in caught.value.issues), caught.value


def test_loaded_rule_base_exposes_acknowledgements(tmp_path):
    rules = write_rules(tmp_path / "rules", extra=GEBRUIKELIJK, erkenningen=ERKENNING)
    (loaded,) = load_rulebase(rules).erkenningen
    assert loaded.erkenning.persona == "chronisch-kind" and loaded.erkenning.regel == "R-GEBRUIKELIJK"
    text = (rules / "10_regels.yaml").read_text(encoding="utf-8").splitlines()
    assert loaded.file == "rules/10_regels.yaml"
    assert text[loaded.line - 1].strip() == "- persona: chronisch-kind"


def test_html_report_is_self_contained_with_a_matrix(tmp_path, personas):
    base = write_rules(tmp_path / "basis" / "rules")
    now = write_rules(tmp_path / "nu" / "rules", extra=GEBRUIKELIJK, gemeente=RUIMSTAD)
    page = tmp_path / "r.html"
    result = run("--basis", str(base), "--regels", str(now), "--personas", str(personas), "--html", str(page))
    assert result.exit_code == 1
    text = page.read_text(encoding="utf-8")
    assert '<meta name="viewport"' in text and "<style>" in text
    assert not re.search(r"<(script|link|img)\b", text) and "http" not in text
    assert text.count('<table class="matrix">') == 2  # national defaults and Ruimstad
    assert 'class="k-minder_toegang"' in text and "beschikking → geen" in text
    assert "Ruimstad" in text or "ruimstad" in text


def test_html_escapes_persona_text(tmp_path):
    from leefwereld.run import Toetsresultaat

    result = Toetsresultaat(basis="<b>", regels="r", personas_map="p", huidig_versie="v")
    assert "<b>" not in html_pagina(result).split("<body>", 1)[1]


# -- professional judgements ------------------------------------------------------------------

# A safeguard that changes no outcome field: only a professional judgement for chronic children.
WAARBORG = """
  - id: R-WAARBORG
    titel: Extra waarborgen voor een chronisch ziek kind
    bron: {document: waarborgbron.txt, regels: 50-52, status: advies}
    geldig_vanaf: 2015-01-01
    als: {feit: situatie.levenslang_of_chronisch, is: true}
    dan:
      afleiden: {beschermde_groep: true}
      professionele_afweging:
        onderwerp: Extra waarborgen bij een chronisch ziek kind
        te_wegen: [risico op ontwrichting van het gezin]
"""

WAARBORG_ERKENNING = """
erkenningen:
  - persona: chronisch-kind
    regel: R-WAARBORG
    reden: >
      De waarborgen staan voortaan in het zorgplan dat de gemeente met elk gezin met een
      chronisch ziek kind opstelt; de afweging gebeurt daar.
    datum: 2025-03-01
"""


def test_a_judgement_that_disappears_for_a_protected_persona_fails_in_every_report(tmp_path, personas):
    base = write_rules(tmp_path / "basis" / "rules", extra=WAARBORG)
    now = write_rules(tmp_path / "nu" / "rules")
    md, page = tmp_path / "r.md", tmp_path / "r.html"
    result = run(
        "--basis",
        str(base),
        "--regels",
        str(now),
        "--personas",
        str(personas),
        "--markdown",
        str(md),
        "--html",
        str(page),
    )
    assert result.exit_code == 1, result.output
    terminal = " ".join(result.output.split())
    assert "professionele afweging vervalt" in terminal and "(R-WAARBORG)" in terminal
    assert "FAALT" in terminal
    report = md.read_text(encoding="utf-8")
    failing = report.split("### Falende wijzigingen", 1)[1].split("### Alle wijzigingen", 1)[0]
    assert "chronisch-kind" in failing and "alledaags" not in failing
    assert "▼ professionele afweging vervalt: Extra waarborgen bij een chronisch ziek kind (R-WAARBORG)" in failing
    assert "`R-WAARBORG` niet meer toegepast (regel verwijderd)" in failing
    assert "waarborgbron.txt, r. 50-52" in failing
    text = page.read_text(encoding="utf-8")
    assert '<th scope="col">Afwegingen</th>' in text
    assert 'class="k-minder_toegang" data-kolom="Afwegingen"' in text
    assert "professionele afweging vervalt: Extra waarborgen" in text


def test_a_judgement_loss_is_excused_only_by_an_acknowledgement(tmp_path, personas):
    base = write_rules(tmp_path / "basis" / "rules", extra=WAARBORG)
    retired = WAARBORG.replace("geldig_vanaf: 2015-01-01", "geldig_vanaf: 2015-01-01\n    geldig_tot: 2020-12-31")
    now = write_rules(tmp_path / "nu" / "rules", extra=retired, erkenningen=WAARBORG_ERKENNING)
    md = tmp_path / "r.md"
    result = run("--basis", str(base), "--regels", str(now), "--personas", str(personas), "--markdown", str(md))
    assert result.exit_code == 0, result.output
    report = md.read_text(encoding="utf-8")
    assert "erkend in de regels" in report and "zorgplan" in report


def test_a_judgement_loss_is_not_excused_by_reaching_the_expected_outcome(tmp_path):
    # The rules now give the family the outcome it expects, but drop the safeguard on the way.
    personas = tmp_path / "personas"
    personas.mkdir()
    (personas / "chronisch-kind.yaml").write_text(
        PERSONA.format(
            naam="Gezin Chronisch",
            rekenen="Hulp binnen de Jeugdwet met een beschikking.",
            groepen="levenslang_chronisch",
            chronisch="true",
            kosten=3000,
            verwacht="{reikwijdte: binnen, toegang: beschikking}",
        ),
        encoding="utf-8",
    )
    base = write_rules(tmp_path / "basis", extra=GEBRUIKELIJK + WAARBORG)
    now = write_rules(tmp_path / "nu")
    result = run("--basis", str(base), "--regels", str(now), "--personas", str(personas))
    assert result.exit_code == 1, result.output
    assert "R-WAARBORG" in result.output


def test_a_judgement_for_an_unprotected_persona_is_reported_but_passes(tmp_path, personas):
    everyday = WAARBORG.replace("levenslang_of_chronisch, is: true", "levenslang_of_chronisch, is: false")
    base = write_rules(tmp_path / "basis" / "rules", extra=everyday)
    now = write_rules(tmp_path / "nu" / "rules")
    md = tmp_path / "r.md"
    result = run("--basis", str(base), "--regels", str(now), "--personas", str(personas), "--markdown", str(md))
    assert result.exit_code == 0, result.output
    assert "minder toegang (geen beschermde groep)" in md.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("oud", "nieuw", "klassen"),
    [
        ({"A": "Waarborg"}, {}, [Klasse.minder_toegang]),
        ({"A": "Waarborg"}, {"A": "Waarborg"}, []),
        ({"A": "Waarborg"}, {"A": "Andere waarborg"}, [Klasse.andere_route]),  # same rule, new subject
        ({"A": "Waarborg"}, {"B": "Waarborg"}, [Klasse.andere_route]),  # same subject, another rule
        ({}, {"A": "Waarborg"}, [Klasse.andere_route]),
        ({"A": "Waarborg", "B": "Ander punt"}, {"A": "Waarborg"}, [Klasse.minder_toegang]),
    ],
)
def test_judgements_are_matched_by_rule_and_subject(tmp_path, personas, oud, nieuw, klassen):
    from engine.assessment import Afweging
    from leefwereld.compare import vergelijk_afwegingen

    plain = _assess(write_rules(tmp_path / "rules"), personas / "chronisch-kind.yaml")

    def with_judgements(judgements: dict[str, str]):
        return plain.model_copy(
            update={
                "professionele_afweging": [Afweging(regel=r, onderwerp=o, te_wegen=[]) for r, o in judgements.items()]
            }
        )

    assert [w.klasse for w in vergelijk_afwegingen(with_judgements(oud), with_judgements(nieuw))] == klassen


def _drop_rule(text: str, rule_id: str) -> str:
    """A rule file's text without one rule (from its `- id:` line to the next rule or the end)."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {rule_id}")
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].startswith("  - id:") or not lines[i].startswith(" ")),
        len(lines),
    )
    return "".join(lines[:start] + lines[end:])


def test_deleting_lw01_from_the_national_rules_fails_the_check(tmp_path):
    import shutil

    root = Path(__file__).resolve().parent.parent
    rules = shutil.copytree(root / "rules", tmp_path / "rules")
    target = rules / "10_jeugdhulpplicht.yaml"
    target.write_text(_drop_rule(target.read_text(encoding="utf-8"), "LW-01"), encoding="utf-8")
    personas = tmp_path / "personas"
    personas.mkdir()
    for name in ("kind-met-leukemie-gezin-ontwricht", "autisme-uitgeputte-ouders", "gezin-jansen-oudercursus"):
        shutil.copy(root / "personas" / f"{name}.yaml", personas)
    md = tmp_path / "r.md"
    result = run(
        "--basis", str(root / "rules"), "--regels", str(rules), "--personas", str(personas), "--markdown", str(md)
    )
    assert result.exit_code == 1, result.output
    failing = md.read_text(encoding="utf-8").split("### Falende wijzigingen", 1)[1].split("### Alle wijzigingen", 1)[0]
    assert "kind-met-leukemie-gezin-ontwricht" in failing and "autisme-uitgeputte-ouders" in failing
    assert "(LW-01)" in failing and "gezin-jansen-oudercursus" not in failing


def test_a_persona_can_name_the_judgements_its_family_may_count_on(tmp_path):
    from leefwereld.compare import afwijkingen

    persona_file = tmp_path / "chronisch-kind.yaml"
    persona_file.write_text(
        PERSONA.format(
            naam="Gezin Chronisch",
            rekenen="Hulp binnen de Jeugdwet, met extra waarborgen.",
            groepen="levenslang_chronisch",
            chronisch="true",
            kosten=3000,
            verwacht="{reikwijdte: binnen, professionele_afweging: [R-WAARBORG]}",
        ),
        encoding="utf-8",
    )
    case = load_case_file(persona_file)
    expected = case.verwacht.model_dump(exclude_none=True)
    with_safeguard = _assess(write_rules(tmp_path / "met", extra=WAARBORG), persona_file)
    without = _assess(write_rules(tmp_path / "zonder"), persona_file)
    assert afwijkingen(with_safeguard, expected) == []
    assert afwijkingen(without, expected) == [("professionele_afweging", ["R-WAARBORG"], [])]


def test_a_declined_proposal_explains_a_difference() -> None:
    # Heidedorp declines UIT-RES-01 in its own file: the other judgement there is a local choice.
    root = Path(__file__).resolve().parent.parent
    base = load_rulebase(root / "rules")
    persona_file = root / "personas" / "survivaltocht-buitenland.yaml"
    info = Persona("survivaltocht-buitenland", load_case_file(persona_file))
    national = _assess(root / "rules", persona_file)
    local = _assess(root / "rules", persona_file, "heidedorp")
    verschil = landelijke_eenheid(info, national, "heidedorp", local, base)
    assert verschil is not None and verschil.verklaard, verschil
    assert "UIT-RES-01: deze gemeente volgt dit voorstel niet (niet_gevolgde_voorstellen)" in verschil.verklaring


def _with_referral(plain, **fields):
    from engine.assessment import VerwijzingUitkomst

    return plain.model_copy(update={"verwijzing": VerwijzingUitkomst(**fields)})


def test_a_referral_pending_the_municipalitys_approval_is_a_different_route_not_a_loss(tmp_path, personas):
    # 004 r. 6353-6356: a deviation from contracted help goes to the municipality for approval; the
    # status says it is not refused (docs/assessment.md), so `toegestaan` going open is no loss.
    plain = _assess(write_rules(tmp_path / "rules"), personas / "chronisch-kind.yaml")
    oud = _with_referral(
        plain, status="toegestaan", toegestaan=True, gemeente_moet_betalen=True, gemeente_niet_verplicht=False
    )
    nieuw = _with_referral(plain, status="goedkeuring_vooraf_nodig", toestemming_vooraf=True, toetsing_achteraf=True)
    changes = {w.veld: w for w in vergelijk_velden(oud, nieuw, {})}
    assert set(changes) >= {
        "verwijzing.status",
        "verwijzing.toegestaan",
        "verwijzing.toestemming_vooraf",
        "verwijzing.gemeente_moet_betalen",
        "verwijzing.gemeente_niet_verplicht",
    }
    assert {w.klasse for w in changes.values()} == {Klasse.andere_route}, changes
    assert changes["verwijzing.toegestaan"].opmerking == "niet geweigerd: goedkeuring van de gemeente vooraf nodig"
    assert wijziging_tekst(changes["verwijzing.status"]) == (
        "stand van de verwijzing: toegestaan → goedkeuring van de gemeente vooraf nodig"
    )


def test_a_real_refusal_of_a_referral_stays_a_loss_whatever_the_status(tmp_path, personas):
    plain = _assess(write_rules(tmp_path / "rules"), personas / "chronisch-kind.yaml")
    oud = _with_referral(plain, status="toegestaan", toegestaan=True, gemeente_moet_betalen=True)
    nieuw = _with_referral(
        plain,
        status="goedkeuring_achteraf",
        gemeente_moet_betalen=False,
        gemeente_niet_verplicht=True,
        start_niet_blokkeren=False,
    )
    changes = {w.veld: w.klasse for w in vergelijk_velden(oud, nieuw, {})}
    assert changes["verwijzing.gemeente_moet_betalen"] is Klasse.minder_toegang
    assert changes["verwijzing.gemeente_niet_verplicht"] is Klasse.minder_toegang
    assert changes["verwijzing.start_niet_blokkeren"] is Klasse.minder_toegang
    assert changes["verwijzing.toegestaan"] is Klasse.andere_route  # open: checked afterwards, not refused
    # Without a status nothing explains the open referral: as before, a loss.
    zonder = _with_referral(plain, toegestaan=None)
    assert {w.veld: w.klasse for w in vergelijk_velden(oud, zonder, {})}[
        "verwijzing.toegestaan"
    ] is Klasse.minder_toegang


@pytest.mark.parametrize(
    ("oud", "nieuw", "klasse"),
    [
        ("toegestaan", "goedkeuring_vooraf_nodig", Klasse.andere_route),
        ("goedkeuring_achteraf", "geen_verwijsvraag", Klasse.andere_route),
        (None, "via_gemeentelijke_toegang", Klasse.meer_toegang),
        ("toegestaan", None, Klasse.minder_toegang),
    ],
)
def test_referral_status_order(oud, nieuw, klasse):
    assert klasse_van("verwijzing.status", oud, nieuw) is klasse


def test_the_html_matrix_shows_the_referral_status_in_words(tmp_path, personas):
    from leefwereld.report import _cel

    plain = _assess(write_rules(tmp_path / "rules"), personas / "chronisch-kind.yaml")
    nieuw = _with_referral(plain, status="geen_verwijsvraag")

    class _Same:
        wijzigingen: list = []
        nieuw = None

        def kolomklasse(self, kolom):
            return Klasse.gelijk

    same = _Same()
    same.nieuw = nieuw
    assert _cel(same, "verwijzing") == ("k-gelijk", "geen verwijzing nodig (zelf aanmelden)")  # type: ignore[arg-type]


def test_html_report_opens_with_a_chart_a_banner_with_the_losses_and_a_page_per_municipality(tmp_path, personas):
    """Issue 18: the summary chart at the top, the banner names how many families lose access (amber
    when the run passes all the same), and per municipality only what differs from national."""
    base = write_rules(tmp_path / "basis" / "rules")
    now = write_rules(tmp_path / "nu" / "rules", extra=GEBRUIKELIJK, erkenningen=ERKENNING, gemeente=RUIMSTAD)
    page, md = tmp_path / "r.html", tmp_path / "r.md"
    result = run(
        "--basis",
        str(base),
        "--regels",
        str(now),
        "--personas",
        str(personas),
        "--html",
        str(page),
        "--markdown",
        str(md),
    )
    assert result.exit_code == 0, result.output
    assert md.read_text(encoding="utf-8").startswith("## 🟠 Leefwereldtoets: geslaagd — 1 gezin krijgt minder toegang")
    text = page.read_text(encoding="utf-8")
    banner = re.search(r'<div class="verdict (\w+)">([^<]*)</div>', text)
    assert banner is not None
    assert banner.group(1) == "amber"
    assert banner.group(2).startswith("Geslaagd — 1 gezin krijgt minder toegang")
    assert text.index("<svg") < text.index('<table class="matrix">')  # the chart comes first
    assert "Per gemeente: alleen wat afwijkt van landelijk" in text and 'id="gemeente-ruimstad"' in text

    failing = write_rules(tmp_path / "fout" / "rules", extra=GEBRUIKELIJK)
    run("--basis", str(base), "--regels", str(failing), "--personas", str(personas), "--html", str(page))
    assert '<div class="verdict fout">Niet geslaagd — 1 gezin krijgt minder toegang' in page.read_text(encoding="utf-8")

    same = run("--basis", str(base), "--regels", str(base), "--personas", str(personas), "--html", str(page))
    assert same.exit_code == 0
    assert '<div class="verdict ok">Geslaagd — geen gezin krijgt minder toegang' in page.read_text(encoding="utf-8")
