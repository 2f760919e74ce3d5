"""Rules read in words (engine/rule_text.py): no dotted fact path reaches a policy maker."""

from __future__ import annotations

import re

from engine import rule_text
from engine.evaluator import Engine
from engine.rule_model import Conditie

_DOTTED = re.compile(r"\b[a-z_]+\.[a-z_]+\b")


def test_every_shipped_condition_and_conclusion_reads_without_dotted_paths(shipped_engine: Engine) -> None:
    for loaded in shipped_engine.base.rules:
        regel = loaded.regel
        text = rule_text.voorwaarde(regel.als).als_tekst() + "\n" + "\n".join(rule_text.conclusie(regel.dan))
        if regel.motivering:
            text += "\n" + rule_text.motivering(regel.motivering)
        assert not _DOTTED.findall(text), f"{regel.id}: {_DOTTED.findall(text)}"


def test_a_parameter_is_named_with_its_national_value_and_outcomes_by_their_labels() -> None:
    cond = Conditie.model_validate(
        {
            "alle": [
                {"feit": "hulpvraag.verwachte_kosten", "groter_dan": {"parameter": "kostendrempel"}},
                {"feit": "uitkomst.toegang", "is": "vrij_toegankelijk"},
                {"niet": {"feit": "situatie.veiligheidszorgen", "is": True}},
                {"feit": "jeugdige.leeftijd", "onbekend": True},
            ]
        }
    )
    zin = rule_text.voorwaarde(cond, {"kostendrempel": 1500})
    assert zin.als_tekst() == "\n".join(
        [
            "- Al het volgende geldt:",
            "  - Verwachte kosten (euro) is meer dan de parameter kostendrempel (landelijk 1500)",
            "  - uitkomst 'Toegang' is Vrij toegankelijk",
            "  - Dit geldt niet:",
            "    - Zorgen over de veiligheid is ja",
            "  - Leeftijd is nog onbekend",
        ]
    )
    assert rule_text.feiten(zin) == {
        "hulpvraag.verwachte_kosten",
        "uitkomst.toegang",
        "situatie.veiligheidszorgen",
        "jeugdige.leeftijd",
    }
