"""The compiled durable-rules pattern must match exactly when the three-valued condition is true.

The explanation layer evaluates conditions in Python; the engine evaluates their durable-rules
form. If the two ever disagreed, an assessment would explain something other than what was
decided. Hypothesis generates random conditions and partly unknown facts and checks both.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine import conditions as c
from engine.durable import facts_to_wm, ruleset_for, wm_updates
from engine.durable import patterns as dp
from engine.facts import FactType

VOCAB = {
    "g.a": FactType("bool"),
    "g.n": FactType("int"),
    "g.s": FactType("enum", ("x", "y", "z")),
    "g.l": FactType("list", ("p", "q")),
}


def comparisons() -> st.SearchStrategy[c.Node]:
    bool_cmp = st.builds(lambda op, v: c.Cmp("g.a", op, v), st.sampled_from(["eq", "neq"]), st.booleans())
    num_cmp = st.builds(
        lambda op, v: c.Cmp("g.n", op, v),
        st.sampled_from(["eq", "neq", "gt", "lt", "ge", "le"]),
        st.integers(-2, 2),
    )
    enum_cmp = st.one_of(
        st.builds(lambda op, v: c.Cmp("g.s", op, v), st.sampled_from(["eq", "neq"]), st.sampled_from("xyz")),
        st.builds(
            lambda op, v: c.Cmp("g.s", op, tuple(v)),
            st.sampled_from(["in", "nin"]),
            st.lists(st.sampled_from("xyz"), min_size=1, max_size=2, unique=True),
        ),
    )
    list_cmp = st.builds(
        lambda op, v: c.Cmp("g.l", op, v, True), st.sampled_from(["has", "nhas"]), st.sampled_from("pq")
    )
    known = st.builds(
        lambda p, op: c.Cmp(p, op, None, p == "g.l"),
        st.sampled_from(sorted(VOCAB)),
        st.sampled_from(["known", "unknown"]),
    )
    return st.one_of(bool_cmp, num_cmp, enum_cmp, list_cmp, known)


conditions = st.recursive(
    comparisons(),
    lambda inner: st.one_of(
        st.builds(lambda xs: c.All(tuple(xs)), st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda xs: c.AnyOf(tuple(xs)), st.lists(inner, min_size=1, max_size=3)),
        st.builds(c.Not, inner),
    ),
    max_leaves=6,
)

facts_strategy = st.fixed_dictionaries(
    {},
    optional={
        "g.a": st.booleans(),
        "g.n": st.integers(-3, 3),
        "g.s": st.sampled_from("xyz"),
        "g.l": st.lists(st.sampled_from("pq"), unique=True, max_size=2),
    },
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(conditions, facts_strategy)
def test_durable_matches_exactly_when_condition_is_true(node: c.Node, facts: dict[str, Any]) -> None:
    expected = c.evaluate(node, facts)
    normal = c.normalize(node)
    assert c.evaluate(normal, facts) == expected, "negation normal form must keep the three-valued meaning"
    if normal == c.Const(False):
        assert expected is not True
        return
    rs = ruleset_for([dp.to_durable(normal)], prefix="t_prop")
    fired = rs.run(facts_to_wm(facts, VOCAB), lambda i, wm: {}).fired
    assert (fired == [0]) == (expected is True), c.describe(node)


def test_unknown_is_not_false() -> None:
    node = c.Cmp("g.a", "eq", False)
    assert c.evaluate(node, {}) is None
    assert c.evaluate(c.Not(node), {}) is None
    assert c.evaluate(c.AnyOf((node, c.Cmp("g.n", "gt", 1))), {"g.n": 2}) is True
    assert c.evaluate(c.All((node, c.Cmp("g.n", "gt", 1))), {"g.n": 0}) is False


def test_unknown_facts_names_only_what_keeps_it_open() -> None:
    node = c.All((c.Cmp("g.a", "eq", True), c.AnyOf((c.Cmp("g.n", "gt", 1), c.Cmp("g.s", "eq", "x")))))
    assert c.unknown_facts(node, {"g.a": True}) == {"g.n", "g.s"}
    assert c.unknown_facts(node, {"g.a": False}) == set()
    assert c.unknown_facts(node, {"g.a": True, "g.s": "x"}) == set()


def test_why_false_names_the_failing_comparison_and_the_case_value() -> None:
    node = c.All((c.Cmp("g.a", "eq", True), c.Cmp("g.n", "gt", 1500)))
    reasons = c.why_false(node, {"g.a": True, "g.n": 800})
    assert reasons == ["g.n is groter dan 1500 (in deze casus: 800)"]


big_conditions = st.recursive(
    comparisons(),
    lambda inner: st.one_of(
        st.builds(lambda xs: c.All(tuple(xs)), st.lists(inner, min_size=2, max_size=5)),
        st.builds(lambda xs: c.AnyOf(tuple(xs)), st.lists(inner, min_size=2, max_size=5)),
        st.builds(c.Not, inner),
    ),
    max_leaves=60,
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(big_conditions, facts_strategy)
def test_conditions_too_large_for_durable_are_split_without_changing_meaning(
    node: c.Node, facts: dict[str, Any]
) -> None:
    normal = c.normalize(node)
    if isinstance(normal, c.Const):
        return
    helpers: list[c.Node] = []

    def helper(sub: c.Node) -> c.Node:
        helpers.append(sub)
        return c.Cmp(f"_hulp.t{len(helpers) - 1}", "eq", True)

    main = dp.split_for_durable(normal, helper)
    patterns = [dp.to_durable(main)] + [dp.to_durable(h) for h in helpers]
    assert all(dp.combinators(n) <= dp.MAX_COMBINATORS for n in [main, *helpers])
    rs = ruleset_for(patterns, prefix="t_split")

    def action(index: int, wm: dict[str, Any]) -> dict[str, Any]:
        return {} if index == 0 else wm_updates({f"_hulp.t{index - 1}": True})

    fired = rs.run(facts_to_wm(facts, VOCAB), action).fired
    assert (0 in fired) == (c.evaluate(node, facts) is True)


def test_sixteen_alternatives_fit_after_splitting() -> None:
    node = c.All(tuple(c.AnyOf((c.Cmp("g.a", "eq", True), c.Cmp("g.n", "gt", k))) for k in range(16)))
    assert dp.combinators(node) > dp.MAX_COMBINATORS
    moved: list[c.Node] = []
    main = dp.split_for_durable(node, lambda sub: moved.append(sub) or c.Cmp(f"_hulp.{len(moved)}", "eq", True))
    assert dp.combinators(main) <= dp.MAX_COMBINATORS and moved
