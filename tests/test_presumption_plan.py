"""What the presumption plan works out once answers as its plain reading.

`engine.presumption_plan._reach` says which values (true, false, open) a rule's condition can still
take when a group of presumed facts varies; `engine.partial._joint_changes` tries combinations of
values only on rules it lets through. The parts whose values do not depend on the case are worked
out when it is built. Hypothesis generates conditions and partly known facts (the strategies of
`tests/test_condition_code.py`) and checks the answer against a plain recursive reading of the
same rule, and that it never misses a value some assignment of the free facts gives. Groups of
presumed facts are kept as numbers, a bit per fact: a group read back is the facts, sorted.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_condition_code import conditions, facts_strategy

from engine import conditions as c
from engine.evaluator import Engine
from engine.presumption_plan import FALSE, OPEN, TRUE, _reach, plan_of

_BITS = {True: TRUE, False: FALSE, None: OPEN}
_PATHS = ("g.a", "g.n", "g.s", "g.l")
#: Values each generated fact can take (`_ABSENT`: unknown), for trying every assignment.
_ABSENT = object()
_DOMAIN: dict[str, tuple[Any, ...]] = {
    "g.a": (_ABSENT, True, False),
    "g.n": (_ABSENT, -3, 0, 1, 2, 3, 1.5, True),
    "g.s": (_ABSENT, "x", "y", "z", True, 0),
    "g.l": (_ABSENT, [], ["p"], ["q"], ["p", "q"]),
}


def plain_reach(node: c.Node, free: frozenset[str], facts: dict[str, Any]) -> int:
    """The values `node` can take, read off the tree: a part without a free fact as it is, a
    comparison on a free fact anything, a combination by what its parts can take."""
    if free.isdisjoint(c.paths(node)):
        return _BITS[c.evaluate(node, facts)]
    if isinstance(node, c.Cmp):
        return TRUE | FALSE | OPEN
    if isinstance(node, c.Not):
        bits = plain_reach(node.item, free, facts)
        return (bits & OPEN) | (FALSE if bits & TRUE else 0) | (TRUE if bits & FALSE else 0)
    assert isinstance(node, (c.All, c.AnyOf))
    fixed = [i for i in node.items if free.isdisjoint(c.paths(i))]
    varying = [i for i in node.items if not free.isdisjoint(c.paths(i))]
    join = c.any_of if isinstance(node, c.AnyOf) else c.all_of
    parts = [plain_reach(i, free, facts) for i in ([join(fixed)] if fixed else []) + varying]
    decisive, other = (TRUE, FALSE) if isinstance(node, c.AnyOf) else (FALSE, TRUE)
    found = other if all(b & other for b in parts) else 0
    if any(b & decisive for b in parts):
        found |= decisive
    if all(b & (other | OPEN) for b in parts) and any(b & OPEN for b in parts):
        found |= OPEN
    return found


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(conditions, facts_strategy, st.sets(st.sampled_from(_PATHS), min_size=1, max_size=3))
def test_what_a_condition_can_become_is_its_plain_reading(
    node: c.Node, facts: dict[str, Any], free_paths: set[str]
) -> None:
    free = frozenset(free_paths)
    try:
        expected = plain_reach(node, free, facts)
    except TypeError:  # a number compared with a text: the engine raises too (validation prevents it)
        return
    bits = _reach(node, free)(facts)
    assert bits == expected
    # and it misses no value that an assignment of the free facts gives
    for values in itertools.product(*(_DOMAIN[p] for p in sorted(free))):
        assigned = {p: v for p, v in facts.items() if p not in free}
        assigned.update({p: v for p, v in zip(sorted(free), values, strict=True) if v is not _ABSENT})
        try:
            value = c.evaluate(node, assigned)
        except TypeError:
            continue
        assert bits & _BITS[value], (values, value)


def test_a_group_of_presumed_facts_read_back_is_those_facts_sorted(engine: Engine) -> None:
    plan = plan_of(engine.ruleset(dt.date(2025, 1, 1), None))
    presumed = sorted(plan.bits)
    assert len(set(plan.bits.values())) == len(presumed)
    for size in (1, 2, 3):
        for group in itertools.islice(itertools.combinations(presumed[::-1], size), 200):
            assert plan.group(plan.mask(group)) == tuple(sorted(group))
    for (_, tested, _), mask in zip(plan.joint, plan.joint_masks, strict=True):
        assert plan.group(mask) == tested
