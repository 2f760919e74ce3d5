"""A rule's motivation sentence with its `{...}` references filled in from the case.

`fill_template` splits a sentence at its references once and keeps the parts; what it returns must
be what a plain substitution gives, the first time and every time after.
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.motivation import fill_template, show_parameter

_REFERENCE = re.compile(r"\{([a-z_][a-z0-9_.]*)\}")


def _substituted(text: str, facts: dict[str, Any], parameters: dict[str, Any]) -> str:
    def replace(match: re.Match[str]) -> str:
        ref = match.group(1)
        value = parameters.get(ref.split(".", 1)[1]) if ref.startswith("parameter.") else facts.get(ref)
        return show_parameter(value)

    return _REFERENCE.sub(replace, text)


_pieces = st.lists(
    st.one_of(
        st.text(alphabet="ab {}.é_", max_size=6),
        st.sampled_from(["{jeugdige.leeftijd}", "{parameter.grens}", "{onbekend.feit}", "{A}", "{x.}"]),
    ),
    max_size=6,
)
_values = st.one_of(st.booleans(), st.integers(-3, 30), st.floats(0, 30, allow_nan=False), st.text(max_size=3))


@settings(max_examples=300, deadline=None)
@given(_pieces, st.dictionaries(st.just("jeugdige.leeftijd"), _values), st.dictionaries(st.just("grens"), _values))
def test_a_sentence_is_filled_in_as_a_plain_substitution_would(
    pieces: list[str], facts: dict[str, Any], parameters: dict[str, Any]
) -> None:
    text = "".join(pieces)
    expected = _substituted(text, facts, parameters)
    assert fill_template(text, facts, parameters) == expected
    assert fill_template(text, facts, parameters) == expected  # from the kept parts


def test_the_same_sentence_takes_each_case_its_own_values() -> None:
    text = "De jeugdige is {jeugdige.leeftijd} jaar; de grens is {parameter.grens}."
    assert fill_template(text, {"jeugdige.leeftijd": 12.0}, {"grens": 18}) == "De jeugdige is 12 jaar; de grens is 18."
    assert fill_template(text, {}, {"grens": True}) == "De jeugdige is (onbekend) jaar; de grens is ja."
