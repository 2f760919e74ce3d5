"""Every case field, enum value and outcome value has its one Dutch label (engine.labels)."""

from __future__ import annotations

from engine import labels
from engine.case import META_FIELDS, Casus
from engine.facts import CASE_FACTS, OUTCOME_FACTS, UNDECIDED, UNDECIDED_OUTCOMES


def test_every_case_field_and_part_has_a_label() -> None:
    assert set(labels.VELD) == set(CASE_FACTS) | set(META_FIELDS)
    parts = {name for name, info in Casus.model_fields.items() if name not in META_FIELDS}
    assert set(labels.GROEP) == parts


def test_every_enum_value_of_the_case_has_a_label() -> None:
    enums = {path: set(fact.values) for path, fact in CASE_FACTS.items() if fact.kind in ("enum", "list")}
    assert {path: set(values) for path, values in labels.WAARDE.items()} == enums


def test_every_outcome_field_and_value_has_a_label() -> None:
    assert set(labels.UITKOMST_VELD) == set(OUTCOME_FACTS)
    for field, fact in OUTCOME_FACTS.items():
        if fact.kind not in ("enum", "list"):
            continue
        expected = set(fact.values) | ({UNDECIDED} if field in UNDECIDED_OUTCOMES else set())
        assert expected <= set(labels.UITKOMST_WAARDE[field]), field


def test_labels_are_words_not_codes() -> None:
    every = [*labels.VELD.values(), *labels.UITKOMST_VELD.values()]
    every += [label for values in labels.WAARDE.values() for label in values.values()]
    every += [label for values in labels.UITKOMST_WAARDE.values() for label in values.values()]
    assert [label for label in every if "_" in label] == []
    assert labels.waarde("situatie.veiligheidszorgen", None) == "weet ik nog niet"
    assert labels.waarde("situatie.veiligheidszorgen", False) == "nee"
    assert labels.waarde("situatie.onderwijsvraag", ["dyslexie", "dyscalculie"]) == "Dyslexie, Dyscalculie"
    assert labels.uitkomst("toegang", "vrij_toegankelijk") == "Vrij toegankelijk"


def test_every_protected_group_has_a_label() -> None:
    from engine.casefile import PROTECTED_GROUPS

    assert set(labels.BESCHERMDE_GROEP) == PROTECTED_GROUPS
    assert [label for label in labels.BESCHERMDE_GROEP.values() if "_" in label] == []
