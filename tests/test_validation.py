"""A policy maker's mistake must be refused whole, with the exact file, line and rule id."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from rule_files import issues_of, write
from typer.testing import CliRunner

from cli.main import app
from engine.bronnen import render_bron
from engine.loader import load_rulebase

PARAMS = """\
parameters:
  kostendrempel:
    omschrijving: drempel
    type: getal
    standaard: 1500
    bron: {document: 004.txt, regels: 3103-3108, status: voorstel}
"""

RULE = """\
regels:
  - id: R-1
    titel: Beschikking boven de drempel
    bron:
      document: 004_82bfb980c5993adb.txt
      regels: 3103-3108
    geldig_vanaf: 2015-01-01
    als:
      alle:
        - feit: hulpvraag.verwachte_kosten
          groter_dan: {parameter: kostendrempel}
        - feit: situatie.veiligheidszorgen
          is: false
    dan:
      uitkomst: {toegang: beschikking}
"""


def test_valid_set_loads(tmp_path: Path) -> None:
    base = load_rulebase(write(tmp_path, {"p.yaml": PARAMS, "r.yaml": RULE}))
    assert [r.id for r in base.rules] == ["R-1"]


def test_typo_in_key_names_file_line_and_rule(tmp_path: Path) -> None:
    root = write(tmp_path, {"p.yaml": PARAMS, "r.yaml": RULE.replace("groter_dan:", "groterdan:")})
    issues = issues_of(root)
    assert any(i.startswith("rules/r.yaml:11: R-1: ") and "groterdan" in i for i in issues), issues


def test_wrong_type_names_the_line(tmp_path: Path) -> None:
    root = write(
        tmp_path, {"p.yaml": PARAMS, "r.yaml": RULE.replace("geldig_vanaf: 2015-01-01", "geldig_vanaf: gisteren")}
    )
    issues = issues_of(root)
    assert any(i.startswith("rules/r.yaml:7: R-1: ") and "geldig_vanaf" in i for i in issues), issues


def test_number_for_a_yes_no_fact_is_refused(tmp_path: Path) -> None:
    root = write(tmp_path, {"p.yaml": PARAMS, "r.yaml": RULE.replace("is: false", "is: 0")})
    issues = issues_of(root)
    assert any(i.startswith("rules/r.yaml:13: R-1: ") and "situatie.veiligheidszorgen" in i for i in issues), issues


def test_dangling_exception_reference(tmp_path: Path) -> None:
    text = RULE + "    uitzondering_op: [R-BESTAAT-NIET]\n"
    issues = issues_of(write(tmp_path, {"p.yaml": PARAMS, "r.yaml": text}))
    assert any(i.startswith("rules/r.yaml:16: R-1: ") and "R-BESTAAT-NIET" in i for i in issues), issues


def test_unknown_fact_and_parameter(tmp_path: Path) -> None:
    text = RULE.replace("situatie.veiligheidszorgen", "situatie.veiligheid").replace(
        "parameter: kostendrempel", "parameter: drempel"
    )
    issues = issues_of(write(tmp_path, {"p.yaml": PARAMS, "r.yaml": text}))
    assert any(
        i.startswith("rules/r.yaml:12: R-1: ")
        and "onbekend feit 'situatie.veiligheid' — bedoelde je 'situatie.veiligheidszorgen'?" in i
        for i in issues
    ), issues
    assert any(
        i.startswith("rules/r.yaml:11: R-1: ") and "onbekende parameter 'drempel' — bedoelde je 'kostendrempel'?" in i
        for i in issues
    ), issues


def test_derived_fact_must_be_derived_somewhere(tmp_path: Path) -> None:
    text = RULE.replace("feit: situatie.veiligheidszorgen", "feit: afgeleid.niemand_leidt_dit_af")
    issues = issues_of(write(tmp_path, {"p.yaml": PARAMS, "r.yaml": text}))
    assert any("afgeleid.niemand_leidt_dit_af" in i and "geen regel leidt het af" in i for i in issues), issues


def test_missing_bron(tmp_path: Path) -> None:
    text = RULE.replace("    bron:\n      document: 004_82bfb980c5993adb.txt\n      regels: 3103-3108\n", "")
    issues = issues_of(write(tmp_path, {"p.yaml": PARAMS, "r.yaml": text}))
    assert any(i.startswith("rules/r.yaml:2: R-1: ") and "bron" in i for i in issues), issues


def test_overlapping_versions_of_one_id(tmp_path: Path) -> None:
    second = RULE.replace("regels:\n", "regels:\n", 1).split("regels:\n", 1)[1].replace("2015-01-01", "2020-01-01")
    issues = issues_of(write(tmp_path, {"p.yaml": PARAMS, "r.yaml": RULE + second}))
    assert any("R-1" in i and "overlapt" in i for i in issues), issues


def test_consecutive_versions_of_one_id_are_fine(tmp_path: Path) -> None:
    first = RULE.replace("geldig_vanaf: 2015-01-01", "geldig_vanaf: 2015-01-01\n    geldig_tot: 2019-12-31")
    second = (
        RULE.split("regels:\n", 1)[1].replace("2015-01-01", "2020-01-01").replace("beschikking}", "vrij_toegankelijk}")
    )
    base = load_rulebase(write(tmp_path, {"p.yaml": PARAMS, "r.yaml": first + second}))
    assert len(base.rule_versions("R-1")) == 2


def test_exception_cycle(tmp_path: Path) -> None:
    a = RULE + "    uitzondering_op: [R-2]\n"
    b = RULE.split("regels:\n", 1)[1].replace("R-1", "R-2") + "    uitzondering_op: [R-1]\n"
    issues = issues_of(write(tmp_path, {"p.yaml": PARAMS, "r.yaml": a + b}))
    assert any("kring" in i for i in issues), issues


def test_invalid_yaml_and_duplicate_keys(tmp_path: Path) -> None:
    issues = issues_of(write(tmp_path, {"p.yaml": PARAMS, "r.yaml": RULE.replace("    titel:", "    titel: [\n")}))
    # The broken line itself (the unclosed '['), not where the parser gave up.
    assert any(i.startswith("rules/r.yaml:3: ") and "geen geldige YAML" in i and "']'" in i for i in issues), issues
    dup = RULE.replace("    titel: Beschikking", "    titel: Eerste\n    titel: Beschikking")
    issues = issues_of(write(tmp_path / "b", {"p.yaml": PARAMS, "r.yaml": dup}))
    assert any(i.startswith("rules/r.yaml:4: ") and "sleutel 'titel' staat twee keer" in i for i in issues), issues


def test_one_error_refuses_all_files(tmp_path: Path) -> None:
    good = RULE.replace("R-1", "R-GOED")
    bad = RULE.replace("R-1", "R-FOUT").replace("toegang: beschikking", "toegang: misschien")
    issues = issues_of(write(tmp_path, {"p.yaml": PARAMS, "a.yaml": good, "b.yaml": bad}))
    assert len(issues) == 1 and "rules/b.yaml:15: R-FOUT: " in issues[0] and "toegang" in issues[0], issues


def test_municipal_file_only_sets_known_parameters(tmp_path: Path) -> None:
    gemeente = """\
    gemeente: {code: testdorp, naam: Testdorp}
    parameters:
      kostendrempel: "veel"
      onbekend: 3
    """
    issues = issues_of(write(tmp_path, {"p.yaml": PARAMS, "r.yaml": RULE, "gemeenten/testdorp.yaml": gemeente}))
    assert any(
        i.startswith("rules/gemeenten/testdorp.yaml:3: ") and "'kostendrempel' is een getal; 'veel'" in i
        for i in issues
    ), issues
    assert any(
        i.startswith("rules/gemeenten/testdorp.yaml:4: ") and "onbekende parameter 'onbekend'" in i for i in issues
    ), issues


def test_cli_validate_exit_codes_and_line_format(tmp_path: Path) -> None:
    runner = CliRunner()
    good = write(tmp_path / "g", {"p.yaml": PARAMS, "r.yaml": RULE})
    result = runner.invoke(app, ["validate", str(good)])
    assert result.exit_code == 0, result.output
    bad = write(tmp_path / "b", {"p.yaml": PARAMS, "r.yaml": RULE.replace("titel:", "titl:")})
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert "rules/r.yaml:3: R-1: regels.0.titl: onbekende sleutel 'titl' — bedoelde je 'titel'?" in lines, lines
    assert "rules/r.yaml:2: R-1: regels.0.titel: verplichte sleutel 'titel' ontbreekt" in lines, lines


def test_shipped_rules_are_valid() -> None:
    load_rulebase(Path(__file__).resolve().parent.parent / "rules")


def test_numeric_parameter_with_allowed_values(tmp_path: Path) -> None:
    params = PARAMS + textwrap.indent(
        textwrap.dedent("""\
        leeftijdsgrens:
          omschrijving: 18 of 21
          type: getal
          standaard: 18
          waarden: [18, 21]
          bron: {document: 002.txt, regels: 123-138, status: advies}
        """),
        "  ",
    )
    load_rulebase(write(tmp_path / "ok", {"p.yaml": params, "r.yaml": RULE}))
    gemeente = "gemeente: {code: testdorp, naam: Testdorp}\nparameters: {leeftijdsgrens: 19}\n"
    issues = issues_of(write(tmp_path / "bad", {"p.yaml": params, "r.yaml": RULE, "gemeenten/testdorp.yaml": gemeente}))
    assert any(
        i.startswith("rules/gemeenten/testdorp.yaml:2: ") and "kent alleen 18, 21; niet 19" in i for i in issues
    ), issues


def test_condition_too_large_for_durable_rules_still_loads_and_evaluates(tmp_path: Path) -> None:
    from engine.case import Casus
    from engine.evaluator import Engine

    item = "        - een_van: [{feit: situatie.opgroei_opvoedvragen, is: true}, {feit: situatie.psychische_problemen, is: true}]\n"
    big = RULE.replace("      alle:\n", "      alle:\n" + item * 16, 1)
    engine = Engine(load_rulebase(write(tmp_path, {"p.yaml": PARAMS, "r.yaml": big})))
    casus = Casus.model_validate(
        {
            "situatie": {"psychische_problemen": True, "veiligheidszorgen": False},
            "hulpvraag": {"verwachte_kosten": 2000},
        }
    )
    assert engine.evaluate(casus).toegang == "beschikking"
    casus = Casus.model_validate({"situatie": {"veiligheidszorgen": False}, "hulpvraag": {"verwachte_kosten": 2000}})
    assert engine.evaluate(casus).toegang == "onbeslist"


def test_a_rule_may_cite_several_passages(tmp_path: Path) -> None:
    several = RULE.replace(
        "    bron:\n      document: 004_82bfb980c5993adb.txt\n      regels: 3103-3108\n",
        "    bron:\n"
        "      - {document: 004_82bfb980c5993adb.txt, regels: 5811-5812, artikel: Jeugdwet art. 2.6}\n"
        "      - {document: 004_82bfb980c5993adb.txt, regels: 6442-6445, status: standpunt}\n",
    )
    base = load_rulebase(write(tmp_path, {"p.yaml": PARAMS, "r.yaml": several}))
    bron = base.rules[0].regel.bron
    assert [p.regels for p in bron.passages()] == ["5811-5812", "6442-6445"]
    # Without a register of its own the directory's documents are shown as written (engine.bronnen).
    assert render_bron(bron, base.bronnen).citaat == (
        "Jeugdwet art. 2.6 — 004_82bfb980c5993adb.txt, r. 5811-5812; 004_82bfb980c5993adb.txt, r. 6442-6445 (standpunt)"
    )


def test_a_bad_passage_in_a_list_names_its_line(tmp_path: Path) -> None:
    several = RULE.replace(
        "    bron:\n      document: 004_82bfb980c5993adb.txt\n      regels: 3103-3108\n",
        "    bron:\n"
        "      - {document: 004_82bfb980c5993adb.txt, regels: 5811-5812}\n"
        "      - {document: 004_82bfb980c5993adb.txt, regels: 6442-6445, status: mening}\n",
    )
    issues = issues_of(write(tmp_path, {"p.yaml": PARAMS, "r.yaml": several}))
    assert any(i.startswith("rules/r.yaml:") and "status" in i for i in issues), issues


DECLINE_PARAM = """\
parameters:
  niet_gevolgde_voorstellen:
    omschrijving: voorstellen die de gemeente niet volgt
    type: lijst
    standaard: []
    gemeentelijk: false
    bron: {document: 004.txt, regels: 3251-3253, status: voorstel}
"""

LAW_AND_PROPOSAL = """\
regels:
  - id: WET-1
    titel: Recht uit de Wlz gaat voor
    bron: {document: 004_82bfb980c5993adb.txt, regels: 3434-3438, artikel: Jeugdwet art. 1.2, status: wet}
    geldig_vanaf: 2015-01-01
    als: {feit: andere_wetten.recht_op_wlz, is: true}
    dan:
      uitkomst: {buiten_gronden: [wlz]}
  - id: VOORSTEL-1
    titel: Hulp uit de Wmo 2015 gaat voor
    bron: {document: 004_82bfb980c5993adb.txt, regels: 3161-3165, status: voorstel}
    geldig_vanaf: 2015-01-01
    als: {feit: andere_wetten.recht_op_wmo, is: true}
    dan:
      uitkomst: {buiten_gronden: [wmo]}
"""


def test_a_municipality_cannot_decline_a_statutory_rule(tmp_path: Path) -> None:
    gemeente = """\
    gemeente: {code: testdorp, naam: Testdorp}
    niet_gevolgde_voorstellen:
      - regel: VOORSTEL-1
        reden: de Wmo-toegang is hier te traag
      - regel: WET-1
        reden: wij willen de Wlz niet laten voorgaan
      - regel: BESTAAT-NIET
        reden: een vergissing in het id
    """
    files = {"p.yaml": DECLINE_PARAM, "r.yaml": LAW_AND_PROPOSAL, "gemeenten/testdorp.yaml": gemeente}
    issues = issues_of(write(tmp_path, files))
    assert len(issues) == 2, issues
    assert issues[0].startswith("rules/gemeenten/testdorp.yaml:5: WET-1: deze regel berust op de wet"), issues
    assert "(Jeugdwet art. 1.2)" in issues[0] and "alleen een voorstel niet volgen" in issues[0], issues
    assert issues[1].startswith("rules/gemeenten/testdorp.yaml:7: BESTAAT-NIET: onbekende regel"), issues


def test_a_declined_proposal_becomes_a_weighing_that_names_it(tmp_path: Path) -> None:
    from engine.case import Casus
    from engine.evaluator import Engine

    gemeente = """\
    gemeente: {code: testdorp, naam: Testdorp}
    niet_gevolgde_voorstellen:
      - regel: VOORSTEL-1
        reden: de Wmo-toegang is hier te traag
    """
    files = {"p.yaml": DECLINE_PARAM, "r.yaml": LAW_AND_PROPOSAL, "gemeenten/testdorp.yaml": gemeente}
    engine = Engine(load_rulebase(write(tmp_path, files)))
    casus = Casus.model_validate({"andere_wetten": {"recht_op_wmo": True}})
    national = engine.evaluate(casus)
    local = engine.evaluate(casus, gemeente="testdorp")
    assert national.buiten_gronden == ["wmo"] and national.professionele_afweging == []
    assert local.buiten_gronden == []
    (afweging,) = local.professionele_afweging
    assert afweging.regel == "VOORSTEL-1"
    assert "004_82bfb980c5993adb.txt, r. 3161-3165 (voorstel)" in " ".join(afweging.te_wegen)
    assert "de Wmo-toegang is hier te traag" in " ".join(afweging.te_wegen)
    assert "deze gemeente volgt dat voorstel niet" in local.motivering


NAMED_PARAM = """\
parameters:
  uitgesloten_hulpvormen:
    omschrijving: soorten hulp die de verordening bij naam uitsluit
    type: lijst
    standaard: []
    bron: {document: 004.txt, regels: 3167-3169, status: voorstel}
"""


def test_a_named_exclusion_is_a_kind_from_the_fixed_list(tmp_path: Path) -> None:
    gemeente = """\
    gemeente: {code: testdorp, naam: Testdorp}
    uitgesloten_hulpvormen:
      - hulpvorm: huiswerkbegeleiding
        bron: {document: Verordening Testdorp, regels: "4", status: beleid}
      - hulpvorm: huiswerkbegeleiding met plannen
        bron: {document: Verordening Testdorp, regels: "4", status: beleid}
      - naam: paardrijden
        bron: {document: Verordening Testdorp, regels: "5", status: beleid}
      - hulpvorm: anders
        bron: {document: Verordening Testdorp, regels: "6", status: beleid}
    """
    issues = issues_of(
        write(
            tmp_path,
            {"p.yaml": PARAMS + NAMED_PARAM.split("\n", 1)[1], "r.yaml": RULE, "gemeenten/testdorp.yaml": gemeente},
        )
    )
    assert len(issues) == 3, issues
    assert issues[0].startswith("rules/gemeenten/testdorp.yaml:5: "), issues
    assert "'huiswerkbegeleiding met plannen' staat niet in de vaste lijst" in issues[0], issues
    assert "kies uit: huiswerkbegeleiding, stagebegeleiding" in issues[0], issues
    assert issues[1].startswith("rules/gemeenten/testdorp.yaml:7: ") and "'paardrijden'" in issues[1], issues
    assert issues[2].startswith("rules/gemeenten/testdorp.yaml:9: ") and "'anders'" in issues[2], issues
    assert "anders" not in issues[0].split("kies uit:")[1], issues


@pytest.mark.parametrize(
    ("declined", "facts"),
    [
        (
            ["UIT-VOL-02"],
            {
                "situatie": {"oorzaak_bij_ouders": ["volwassenen_ggz"], "bedreiging_ontwikkelingsklimaat": False},
                "hulpvraag": {"soort": "volwassenen_ggz"},
                "andere_wetten": {"ouder_ggz_recht_vastgesteld": True, "ouder_in_behandeling": True},
            },
        ),
        (
            # Help for the parents' livelihood is also not aimed at the child (UIT-VOL-01): decline both.
            ["UIT-VOL-01", "UIT-VOL-03"],
            {
                "situatie": {
                    "oorzaak_bij_ouders": ["schulden", "huisvesting"],
                    "bedreiging_ontwikkelingsklimaat": False,
                },
                "hulpvraag": {"soort": "bestaanszekerheid", "gericht_op_jeugdige": False},
            },
        ),
    ],
)
def test_the_shipped_adult_help_proposals_can_be_declined(
    tmp_path: Path, declined: list[str], facts: dict[str, Any]
) -> None:
    """Issue 20 §1: every proposal-based exclusion can be declined, also those whose negation
    shares a clause (UIT-00-VOL); the ground then does not hold and the professional weighs."""
    import shutil

    from engine.case import Casus
    from engine.evaluator import Engine
    from engine.paths import REPO_ROOT

    rules = tmp_path / "rules"
    shutil.copytree(REPO_ROOT / "rules", rules)
    (rules / "gemeenten" / "testdorp.yaml").write_text(
        "gemeente: {code: testdorp, naam: Testdorp}\n"
        "niet_gevolgde_voorstellen:\n"
        + "".join(
            f"  - regel: {rule}\n    reden: Testdorp helpt ouders hierbij vanuit het jeugdteam\n" for rule in declined
        ),
        encoding="utf-8",
    )
    engine = Engine(load_rulebase(rules))
    known = {
        "jeugdige": {"leeftijd": 11, "woont_in_gemeente": True},
        "situatie": {
            "opgroei_opvoedvragen": True,
            "eigen_mogelijkheden_toereikend": False,
            "veiligheidszorgen": False,
            **facts["situatie"],
        },
    }
    casus = Casus.model_validate({**facts, **known})
    national = engine.evaluate(casus)
    local = engine.evaluate(casus, gemeente="testdorp")
    assert (national.reikwijdte, national.buiten_domein) == ("buiten", "volwassenenhulp")
    assert declined[-1] in {g.regel for g in national.buiten_gronden_basis}
    # The declined grounds do not hold, and the reach no longer waits for them.
    assert (local.reikwijdte, local.buiten_gronden) == ("binnen", [])
    assert set(declined) <= {a.regel for a in local.professionele_afweging}
    assert "deze gemeente volgt dat voorstel niet" in local.motivering
