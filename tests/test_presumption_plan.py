"""What a rule's condition can become when a group of presumed facts varies (`_reach`).

The presumption check skips a rule whose condition can only keep its answer whatever values the
group's facts take. That is only sound if the reach never misses a value some combination gives:
checked here against every combination of values (and unknown) of the free facts, for conditions
and partly known facts from the generators of `tests/test_condition_code.py`. The part without a
free fact is evaluated once (`_fixed`) and must answer exactly as its conjunction or disjunction.
"""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_condition_code import conditions, facts_strategy, reference

from engine import conditions as c
from engine.presumption_plan import _BITS, _fixed, _reach

#: Values each generated fact may take in a trial, unknown (`_ABSENT`) included.
_ABSENT = object()
_VALUES: dict[str, tuple[Any, ...]] = {
    "g.a": (_ABSENT, True, False),
    "g.n": (_ABSENT, -3, 0, 1, 2, 3),
    "g.s": (_ABSENT, "x", "y", "z"),
    "g.l": (_ABSENT, [], ["p"], ["q"], ["p", "q"]),
}


def _known(node: c.Node, facts: dict[str, Any]) -> bool | None | str:
    try:
        return reference(node, facts)[0]
    except TypeError:  # a number compared with a text: not a combination the rules can meet
        return "type"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(conditions, facts_strategy, st.sets(st.sampled_from(sorted(_VALUES)), min_size=1, max_size=2))
def test_the_reach_holds_every_value_a_combination_gives(node: c.Node, facts: dict[str, Any], free: set[str]) -> None:
    group = frozenset(free)
    rest = {k: v for k, v in facts.items() if k not in group}
    if _known(node, rest) == "type":
        return
    bits = _reach(node, group)(rest)
    for combination in itertools.product(*(_VALUES[p] for p in sorted(group))):
        trial = dict(rest)
        trial.update({p: v for p, v in zip(sorted(group), combination, strict=True) if v is not _ABSENT})
        value = _known(node, trial)
        if value == "type":
            continue
        assert bits & _BITS[value], (value, bits)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(conditions, min_size=1, max_size=4), st.booleans(), facts_strategy)
def test_the_part_without_a_free_fact_answers_as_its_combination(
    items: list[c.Node], disjunction: bool, facts: dict[str, Any]
) -> None:
    node = c.AnyOf(tuple(items)) if disjunction else c.All(tuple(items))
    value = _known(node, facts)
    if value == "type":
        return
    assert _fixed(items, disjunction)(facts) == _BITS[value]
