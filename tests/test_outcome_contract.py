"""The outcome contract is declared once (`engine.facts.OUTCOME_FACTS`); the typed models follow it.

The assessment (`Beoordeling`), its referral record and a persona's expectation (`Verwachting`)
are pydantic models with static types for the API and for mypy, so they name the outcome fields
themselves; this test keeps them equal to the contract, field for field and value for value.
"""

from __future__ import annotations

import typing

from engine.assessment import Beoordeling, VerwijzingUitkomst
from engine.casefile import Verwachting
from engine.facts import OUTCOME_FACTS, UNDECIDED, UNDECIDED_OUTCOMES

TOP_LEVEL = list(dict.fromkeys(name.split(".", 1)[0] for name in OUTCOME_FACTS))
REFERRAL = [name.split(".", 1)[1] for name in OUTCOME_FACTS if name.startswith("verwijzing.")]


def test_the_assessment_opens_with_the_contract_fields_in_order() -> None:
    assert list(Beoordeling.model_fields)[: len(TOP_LEVEL)] == TOP_LEVEL
    assert list(VerwijzingUitkomst.model_fields) == REFERRAL


def test_an_expectation_can_state_every_contract_field() -> None:
    # ... and the professional judgements the family may count on (rule ids), like the assessment.
    assert list(Verwachting.model_fields) == [*TOP_LEVEL, "professionele_afweging"]
    assert list(Beoordeling.model_fields)[len(TOP_LEVEL)] == "professionele_afweging"


def test_undecided_routes_read_onbeslist_and_otherwise_the_contract_values() -> None:
    for name in UNDECIDED_OUTCOMES:
        allowed = typing.get_args(Beoordeling.model_fields[name].annotation)
        assert allowed == (*OUTCOME_FACTS[name].values, UNDECIDED)
