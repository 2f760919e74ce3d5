"""Presumptions (`vermoedens`), the assumptions they yield (`aannames`) and the next questions."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from engine.case import VRAGEN, Casus
from engine.evaluator import Engine
from engine.facts import CASE_FACTS
from engine.loader import load_rulebase
from engine.rulebase import RuleSetError

BRON = "bron: {document: 004_82bfb980c5993adb.txt, regels: 3103-3139}"
DAY = dt.date(2025, 1, 1)

RULES = f"""
regels:
  - id: WLZ
    titel: Wlz gaat voor
    {BRON}
    geldig_vanaf: 2015-01-01
    als: {{feit: andere_wetten.recht_op_wlz, is: true}}
    dan: {{uitkomst: {{reikwijdte: buiten, buiten_domein: wlz}}}}
  - id: BINNEN
    titel: Binnen bij opvoedvragen zonder Wlz
    {BRON}
    geldig_vanaf: 2015-01-01
    als:
      alle:
        - {{feit: situatie.opgroei_opvoedvragen, is: true}}
        - {{feit: andere_wetten.recht_op_wlz, is: false}}
    dan: {{uitkomst: {{reikwijdte: binnen}}}}
  - id: KORT
    titel: Kort is vrij toegankelijk
    {BRON}
    geldig_vanaf: 2015-01-01
    als:
      alle:
        - {{feit: uitkomst.reikwijdte, is: binnen}}
        - {{feit: hulpvraag.duur_weken, maximaal: 6}}
    dan: {{uitkomst: {{toegang: vrij_toegankelijk}}}}
  - id: LANG
    titel: Lang vraagt een beschikking
    {BRON}
    geldig_vanaf: 2015-01-01
    als:
      alle:
        - {{feit: uitkomst.reikwijdte, is: binnen}}
        - {{feit: hulpvraag.duur_weken, groter_dan: 6}}
    dan: {{uitkomst: {{toegang: beschikking}}}}
  - id: VEILIG
    titel: Veiligheid vraagt direct handelen
    {BRON}
    geldig_vanaf: 2015-01-01
    als: {{feit: situatie.veiligheidszorgen, is: true}}
    dan: {{uitkomst: {{onmiddellijk_handelen: true}}}}
  - id: NIET-VEILIG
    titel: Geen zorgen over veiligheid
    {BRON}
    geldig_vanaf: 2015-01-01
    als: {{feit: situatie.veiligheidszorgen, is: false}}
    dan: {{uitkomst: {{onmiddellijk_handelen: false}}}}
"""

VERMOEDENS = f"""
vermoedens:
  - feit: andere_wetten.recht_op_wlz
    waarde: false
    reden: Een uitsluitingsgrond telt pas als ze is vastgesteld.
    {BRON}
  - feit: hulpvraag.monitoring
    waarde: true
    reden: Aanbieders houden de voortgang bij, tenzij bekend is dat dat niet gebeurt.
    {BRON}
"""

GEMEENTE = """
gemeente: {code: kort, naam: Kort}
vermoedens:
  - feit: hulpvraag.duur_weken
    waarde: 4
    reden: In deze gemeente duurt ambulante hulp bijna altijd korter dan zes weken.
    bron: {document: Verordening jeugdhulp Kort, regels: "7", status: beleid}
"""


def write(root: Path, files: dict[str, str]) -> Path:
    (root / "gemeenten").mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / name).write_text(textwrap.dedent(text))
    return root


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    root = tmp_path_factory.mktemp("p") / "rules"
    write(root, {"r.yaml": RULES, "vermoedens.yaml": VERMOEDENS, "gemeenten/kort.yaml": GEMEENTE})
    return Engine(load_rulebase(root))


def case(**groups: dict) -> Casus:
    return Casus.model_validate(groups)


# --- the language --------------------------------------------------------------------------


def issues(tmp_path: Path, vermoedens: str, gemeente: str | None = None) -> list[str]:
    files = {"r.yaml": RULES, "vermoedens.yaml": vermoedens}
    if gemeente:
        files["gemeenten/kort.yaml"] = gemeente
    with pytest.raises(RuleSetError) as raised:
        load_rulebase(write(tmp_path / "rules", files))
    return [str(i) for i in raised.value.issues]


def test_unknown_fact_is_refused_with_file_and_line(tmp_path: Path) -> None:
    found = issues(tmp_path, VERMOEDENS.replace("hulpvraag.monitoring", "hulpvraag.monitor"))
    assert found == [
        "rules/vermoedens.yaml:7: vermoeden: onbekend feit 'hulpvraag.monitor' — bedoelde je 'hulpvraag.monitoring'?"
    ]


def test_a_derived_fact_cannot_be_presumed(tmp_path: Path) -> None:
    found = issues(tmp_path, VERMOEDENS.replace("hulpvraag.monitoring", "uitkomst.reikwijdte"))
    assert found == [
        "rules/vermoedens.yaml:7: vermoeden: een vermoeden gaat over een feit uit de casus, niet over "
        "'uitkomst.reikwijdte'"
    ]


def test_wrong_type_for_the_fact_is_refused(tmp_path: Path) -> None:
    found = issues(tmp_path, VERMOEDENS.replace("waarde: true", "waarde: 3"))
    assert found == [
        "rules/vermoedens.yaml:8: vermoeden: de waarde 3 past niet bij 'hulpvraag.monitoring', dat "
        "ja/nee (true/false) is"
    ]


def test_missing_reason_is_refused(tmp_path: Path) -> None:
    text = VERMOEDENS.replace(
        "    reden: Aanbieders houden de voortgang bij, tenzij bekend is dat dat niet gebeurt.\n", ""
    )
    found = issues(tmp_path, text)
    assert len(found) == 1 and found[0].startswith(
        "rules/vermoedens.yaml:7: vermoeden: het vermoeden voor 'hulpvraag.monitoring' heeft geen reden"
    )


def test_municipal_presumption_is_checked_too(tmp_path: Path) -> None:
    found = issues(tmp_path, VERMOEDENS, GEMEENTE.replace("waarde: 4", "waarde: vier"))
    assert found == [
        "rules/gemeenten/kort.yaml:5: vermoeden: de waarde 'vier' past niet bij 'hulpvraag.duur_weken', "
        "dat een geheel getal is"
    ]


def test_two_presumptions_for_one_fact_are_refused(tmp_path: Path) -> None:
    doubled = VERMOEDENS + VERMOEDENS.split("vermoedens:\n", 1)[1]
    found = issues(tmp_path, doubled)
    assert any(
        "er is al een vermoeden voor 'andere_wetten.recht_op_wlz' op rules/vermoedens.yaml:3" in f for f in found
    )


def test_presumptions_are_part_of_the_version(tmp_path: Path, engine: Engine) -> None:
    other = Engine(
        load_rulebase(
            write(
                tmp_path / "rules",
                {"r.yaml": RULES, "vermoedens.yaml": VERMOEDENS.replace("waarde: true", "waarde: false")},
            )
        )
    )
    assert other.ruleset(DAY, None).versie != engine.ruleset(DAY, None).versie
    assert engine.ruleset(DAY, "kort").versie != engine.ruleset(DAY, None).versie


def test_every_case_fact_has_a_question() -> None:
    assert set(VRAGEN) == set(CASE_FACTS)
    for path, question in VRAGEN.items():
        assert question.endswith("?") and len(question) > 15, path
        assert CASE_FACTS[path].question == question


# --- evaluation ----------------------------------------------------------------------------


def test_advice_proceeds_on_the_presumed_value_and_says_so(engine: Engine) -> None:
    b = engine.evaluate(case(situatie={"opgroei_opvoedvragen": True, "veiligheidszorgen": False}), peildatum=DAY)
    assert b.reikwijdte == "binnen"
    assert [(a.feit, a.waarde, a.uitkomstvelden) for a in b.aannames] == [
        ("andere_wetten.recht_op_wlz", False, ["reikwijdte"])
    ]
    assert b.aannames[0].vraag == VRAGEN["andere_wetten.recht_op_wlz"]
    assert b.aannames[0].bron.regels == "3103-3139"
    assert "Dit advies rust op aannames" in b.motivering
    assert "Een uitsluitingsgrond telt pas als ze is vastgesteld." in b.motivering
    # monitoring is presumed too, but no rule in force tells its values apart: not an assumption
    assert "hulpvraag.monitoring" not in {a.feit for a in b.aannames}


def test_a_presumption_that_changes_nothing_is_not_listed(engine: Engine) -> None:
    b = engine.evaluate(case(situatie={"opgroei_opvoedvragen": False, "veiligheidszorgen": False}), peildatum=DAY)
    # the reach stays open, so nothing rests on the Wlz presumption; but a Wlz right would decide
    # the reach, so it is still worth asking
    assert b.reikwijdte == "onbeslist" and b.aannames == []
    wlz = next(q for q in b.vervolgvragen if q.feit == "andere_wetten.recht_op_wlz")
    assert wlz.kan_beslissen == ["reikwijdte"] and not wlz.aanname
    b = engine.evaluate(
        case(andere_wetten={"recht_op_wlz": True}, situatie={"veiligheidszorgen": False}), peildatum=DAY
    )
    assert b.aannames == [] and b.reikwijdte == "buiten"


def test_a_known_fact_overrides_the_presumption(engine: Engine) -> None:
    b = engine.evaluate(case(andere_wetten={"recht_op_wlz": True}), peildatum=DAY)
    assert b.reikwijdte == "buiten" and "andere_wetten.recht_op_wlz" not in {a.feit for a in b.aannames}


def test_municipality_adds_a_presumption(engine: Engine) -> None:
    facts = case(situatie={"opgroei_opvoedvragen": True, "veiligheidszorgen": False})
    national = engine.evaluate(facts, peildatum=DAY)
    local = engine.evaluate(facts, gemeente="kort", peildatum=DAY)
    assert national.toegang == "onbeslist" and "hulpvraag.duur_weken" in national.ontbrekende_gegevens
    assert local.toegang == "vrij_toegankelijk"
    duur = next(a for a in local.aannames if a.feit == "hulpvraag.duur_weken")
    assert duur.waarde == 4 and duur.uitkomstvelden == ["toegang"] and duur.bron.status == "beleid"


def test_a_bound_presumption_settles_only_what_it_implies(tmp_path: Path) -> None:
    bound = GEMEENTE.replace("waarde: 4", "kleiner_dan: 7")
    engine = Engine(load_rulebase(write(tmp_path / "rules", {"r.yaml": RULES, "gemeenten/kort.yaml": bound})))
    b = engine.evaluate(
        case(
            situatie={"opgroei_opvoedvragen": True, "veiligheidszorgen": False}, andere_wetten={"recht_op_wlz": False}
        ),
        gemeente="kort",
        peildatum=DAY,
    )
    # "shorter than 7 weeks" does not settle "at most 6 weeks" (6.5 is neither): the field stays open
    assert b.toegang == "onbeslist" and "hulpvraag.duur_weken" in b.ontbrekende_gegevens
    settled = Engine(
        load_rulebase(
            write(
                tmp_path / "r2", {"r.yaml": RULES, "gemeenten/kort.yaml": GEMEENTE.replace("waarde: 4", "maximaal: 6")}
            )
        )
    ).evaluate(
        case(
            situatie={"opgroei_opvoedvragen": True, "veiligheidszorgen": False}, andere_wetten={"recht_op_wlz": False}
        ),
        gemeente="kort",
        peildatum=DAY,
    )
    assert settled.toegang == "vrij_toegankelijk"
    assert [(a.feit, a.waarde) for a in settled.aannames] == [("hulpvraag.duur_weken", {"maximaal": 6})]
    assert "aangenomen hoogstens 6" in settled.motivering


def test_a_bound_presumption_needs_a_number(tmp_path: Path) -> None:
    found = issues(tmp_path, VERMOEDENS.replace("waarde: true", "maximaal: 3"))
    assert found == [
        "rules/vermoedens.yaml:8: vermoeden: 'maximaal' past alleen bij een getal; 'hulpvraag.monitoring' is "
        "ja/nee (true/false)"
    ]


def test_a_safety_presumption_is_always_listed_and_asked_first(tmp_path: Path) -> None:
    safety = (
        VERMOEDENS
        + "  - feit: situatie.veiligheidszorgen\n"
        + "    waarde: false\n"
        + "    reden: Zonder signalen geen zorgen over de veiligheid (alleen voor deze test).\n"
        + f"    {BRON}\n"
    )
    engine = Engine(load_rulebase(write(tmp_path / "rules", {"r.yaml": RULES, "vermoedens.yaml": safety})))
    b = engine.evaluate(case(situatie={"opgroei_opvoedvragen": True}, hulpvraag={"duur_weken": 3}), peildatum=DAY)
    assert b.aannames[0].feit == "situatie.veiligheidszorgen" and b.aannames[0].veiligheid
    assert b.vervolgvragen[0].feit == "situatie.veiligheidszorgen" and b.vervolgvragen[0].aanname


# --- next questions ------------------------------------------------------------------------


def test_next_questions_rank_the_most_decisive_first(engine: Engine) -> None:
    b = engine.evaluate(case(), peildatum=DAY)
    order = [q.feit for q in b.vervolgvragen]
    # safety first; then what every route of an open field needs; a presumed fact that matters is asked too
    assert order[0] == "situatie.veiligheidszorgen"
    assert order.index("situatie.opgroei_opvoedvragen") < order.index("hulpvraag.duur_weken")
    assert "andere_wetten.recht_op_wlz" in order
    first = b.vervolgvragen[0]
    assert first.vraag == VRAGEN["situatie.veiligheidszorgen"] and first.kan_beslissen == ["onmiddellijk_handelen"]
    presumed = engine.ruleset(DAY, None).presumptions
    asked = {q.feit for q in b.vervolgvragen}
    # every missing fact is asked; a presumed fact is missing too when it can still decide an open field
    assert set(b.ontbrekende_gegevens) <= asked
    assert {f for f in asked if f not in presumed} <= set(b.ontbrekende_gegevens)
    assert "andere_wetten.recht_op_wlz" in b.ontbrekende_gegevens


def test_no_questions_when_everything_is_decided(engine: Engine) -> None:
    b = engine.evaluate(
        case(
            situatie={"opgroei_opvoedvragen": True, "veiligheidszorgen": False},
            hulpvraag={"duur_weken": 3},
            andere_wetten={"recht_op_wlz": False},
        ),
        peildatum=DAY,
    )
    assert (b.reikwijdte, b.toegang, b.vervolgvragen, b.aannames) == ("binnen", "vrij_toegankelijk", [], [])


def test_a_value_an_undecided_rule_could_contradict_stays_open(tmp_path: Path) -> None:
    """Sound advice: KORT could still conclude another toegang than LANG once the length is known
    in weeks, so a toegang that only LANG reached would not be decided yet."""
    rules = RULES + textwrap.indent(
        textwrap.dedent(f"""
        - id: DUUR-ONBEKEND-DUUR
          titel: Beschikking bij intensieve hulp
          {BRON}
          geldig_vanaf: 2015-01-01
          als:
            alle:
              - {{feit: uitkomst.reikwijdte, is: binnen}}
              - {{feit: hulpvraag.intensief, is: true}}
          dan: {{uitkomst: {{toegang: beschikking}}}}
        """),
        "  ",
    )
    engine = Engine(load_rulebase(write(tmp_path / "rules", {"r.yaml": rules})))
    facts = {"situatie": {"opgroei_opvoedvragen": True}, "andere_wetten": {"recht_op_wlz": False}}
    b = engine.evaluate(case(**facts, hulpvraag={"intensief": True}), peildatum=DAY)
    assert b.toegang == "onbeslist"
    assert "hulpvraag.duur_weken" in b.ontbrekende_gegevens
    assert any(k.veld == "uitkomst.toegang" and k.oorzaak for k in b.conflicten)
    decided = engine.evaluate(case(**facts, hulpvraag={"intensief": True, "duur_weken": 10}), peildatum=DAY)
    assert decided.toegang == "beschikking" and decided.conflicten == []


def test_zonder_vermoeden_keeps_a_comparison_open(tmp_path: Path) -> None:
    strict = RULES.replace(
        "- {feit: andere_wetten.recht_op_wlz, is: false}",
        "- {feit: andere_wetten.recht_op_wlz, is: false, zonder_vermoeden: true}",
    )
    engine = Engine(load_rulebase(write(tmp_path / "rules", {"r.yaml": strict, "vermoedens.yaml": VERMOEDENS})))
    b = engine.evaluate(case(situatie={"opgroei_opvoedvragen": True, "veiligheidszorgen": False}), peildatum=DAY)
    assert b.reikwijdte == "onbeslist" and "andere_wetten.recht_op_wlz" in b.ontbrekende_gegevens
    bad = strict.replace(
        "{feit: situatie.veiligheidszorgen, is: true}",
        "{feit: situatie.veiligheidszorgen, bekend: true, zonder_vermoeden: true}",
    )
    with pytest.raises(RuleSetError) as raised:
        load_rulebase(write(tmp_path / "bad", {"r.yaml": bad}))
    assert "zonder_vermoeden" in str(raised.value)


# --- presumptions that matter only together, or by leaving a field open ---------------------


def test_presumptions_that_change_a_field_only_together_are_both_listed(tmp_path: Path) -> None:
    """One fact at a time, neither presumption changes anything: SAMEN needs both facts to be
    true. Together they turn `binnen` into `buiten`, so the advice rests on both."""
    rules = RULES + textwrap.indent(
        textwrap.dedent(f"""
        - id: SAMEN
          titel: Buiten als Wlz en monitoring samen ontbreken
          {BRON}
          geldig_vanaf: 2015-01-01
          uitzondering_op: [BINNEN]
          als:
            alle:
              - {{feit: hulpvraag.onaanvaardbaar_risico, is: true}}
              - {{feit: hulpvraag.bij_naam_uitgesloten, is: true}}
          dan: {{uitkomst: {{reikwijdte: buiten, buiten_domein: wlz}}}}
        """),
        "  ",
    )
    vermoedens = VERMOEDENS + textwrap.indent(
        textwrap.dedent(f"""
        - feit: hulpvraag.onaanvaardbaar_risico
          waarde: false
          reden: Een risico telt als het is vastgesteld.
          {BRON}
        - feit: hulpvraag.bij_naam_uitgesloten
          waarde: false
          reden: Een uitsluiting telt als ze is vastgesteld.
          {BRON}
        """),
        "  ",
    )
    engine = Engine(load_rulebase(write(tmp_path / "rules", {"r.yaml": rules, "vermoedens.yaml": vermoedens})))
    b = engine.evaluate(
        case(situatie={"opgroei_opvoedvragen": True}, andere_wetten={"recht_op_wlz": False}), peildatum=DAY
    )
    assert b.reikwijdte == "binnen"
    listed = {a.feit: a for a in b.aannames}
    assert listed["hulpvraag.onaanvaardbaar_risico"].samen_met == ["hulpvraag.bij_naam_uitgesloten"]
    assert listed["hulpvraag.bij_naam_uitgesloten"].samen_met == ["hulpvraag.onaanvaardbaar_risico"]
    assert "reikwijdte" in listed["hulpvraag.onaanvaardbaar_risico"].uitkomstvelden
    assert "telt samen met Bij naam uitgesloten" in b.motivering  # the label (engine.labels), not the path


def test_a_presumption_whose_other_value_leaves_a_field_open_is_listed(tmp_path: Path) -> None:
    """With `recht_op_wlz: true` WLZ-OPEN waits on a fact nobody knows yet and could still
    contradict `binnen`: the field would be open, so the advice rests on the presumption."""
    rules = RULES.replace(
        "    als: {feit: andere_wetten.recht_op_wlz, is: true}\n    dan: {uitkomst: {reikwijdte: buiten, buiten_domein: wlz}}",
        "    als:\n      alle:\n        - {feit: andere_wetten.recht_op_wlz, is: true}\n"
        "        - {feit: andere_wetten.meerdere_oorzaken, is: false}\n"
        "    dan: {uitkomst: {reikwijdte: buiten, buiten_domein: wlz}}",
    ).replace("        - {feit: andere_wetten.recht_op_wlz, is: false}\n", "")
    assert "meerdere_oorzaken" in rules
    engine = Engine(load_rulebase(write(tmp_path / "rules", {"r.yaml": rules, "vermoedens.yaml": VERMOEDENS})))
    b = engine.evaluate(case(situatie={"opgroei_opvoedvragen": True}), peildatum=DAY)
    assert b.reikwijdte == "binnen"
    assert [a.feit for a in b.aannames] == ["andere_wetten.recht_op_wlz"]
    assert b.aannames[0].uitkomstvelden == ["reikwijdte"]


def test_knowing_a_value_inside_a_bound_can_matter(tmp_path: Path) -> None:
    """ONBEKEND-DUUR applies while the length is unknown; a known length of 4 weeks (inside the
    presumed "at most 6") ends it, so the presumption is listed although no rule tells values
    outside the bound apart."""
    rules = f"""
    regels:
      - id: BINNEN
        titel: Binnen bij opvoedvragen
        {BRON}
        geldig_vanaf: 2015-01-01
        als: {{feit: situatie.opgroei_opvoedvragen, is: true}}
        dan: {{uitkomst: {{reikwijdte: binnen}}}}
      - id: ONBEKEND-DUUR
        titel: Zolang de duur onbekend is, signaleren
        {BRON}
        geldig_vanaf: 2015-01-01
        als:
          alle:
            - {{feit: uitkomst.reikwijdte, is: binnen}}
            - {{feit: hulpvraag.duur_weken, onbekend: true}}
        dan: {{uitkomst: {{signalen: [individuele_toekenning_mogelijk]}}}}
    """
    bound = GEMEENTE.replace("waarde: 4", "maximaal: 6")
    engine = Engine(load_rulebase(write(tmp_path / "rules", {"r.yaml": rules, "gemeenten/kort.yaml": bound})))
    b = engine.evaluate(case(situatie={"opgroei_opvoedvragen": True}), gemeente="kort", peildatum=DAY)
    assert b.signalen == ["individuele_toekenning_mogelijk"]
    assert [(a.feit, a.uitkomstvelden) for a in b.aannames] == [("hulpvraag.duur_weken", ["signalen"])]
