"""The durable-rules adapter must own every trap of the library; these tests spring each one."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import engine.durable.adapter as adapter
from engine.durable import ActionError, EngineError, registered_count, ruleset_for


def _derive(table: dict[int, dict[str, Any]]):
    def action(index: int, wm: dict[str, Any]) -> dict[str, Any]:
        return dict(table.get(index, {}))

    return action


CHAIN = [
    {"$gt": {"leeftijd": 11}},  # 0: older child -> derive a
    {"a": True},  # 1: a -> derive b
    {"$and": [{"b": True}, {"soort": "cursus"}]},  # 2: b and cursus -> derive c
]
CHAIN_DERIVES = {0: {"a": True}, 1: {"b": True}, 2: {"c": "klaar"}}


def test_no_rule_applies_is_a_normal_result() -> None:
    rs = ruleset_for(CHAIN, prefix="t_norule")
    result = rs.run({"leeftijd": 3}, _derive(CHAIN_DERIVES))
    assert result.fired == []
    assert result.facts == {"leeftijd": 3}


def test_forward_chaining_derives_in_order() -> None:
    rs = ruleset_for(CHAIN, prefix="t_chain")
    result = rs.run({"leeftijd": 14, "soort": "cursus"}, _derive(CHAIN_DERIVES))
    assert result.fired == [0, 1, 2]
    assert result.facts["c"] == "klaar"


def test_chaining_stops_where_a_fact_is_missing() -> None:
    rs = ruleset_for(CHAIN, prefix="t_chain")
    result = rs.run({"leeftijd": 14}, _derive(CHAIN_DERIVES))
    assert result.fired == [0, 1]
    assert "c" not in result.facts


def test_each_rule_fires_once_even_when_it_still_matches() -> None:
    calls: list[int] = []
    rs = ruleset_for([{"x": 1}, {"y": 2}], prefix="t_once")

    def action(index: int, wm: dict[str, Any]) -> dict[str, Any]:
        calls.append(index)
        return {"y": 2} if index == 0 else {"z": 3}

    result = rs.run({"x": 1}, action)
    assert sorted(calls) == [0, 1]
    assert result.fired == [0, 1]


def test_exception_inside_action_surfaces_and_session_is_cleaned() -> None:
    rs = ruleset_for([{"x": 1}], prefix="t_raise")

    def broken(index: int, wm: dict[str, Any]) -> dict[str, Any]:
        raise KeyError("kapot")

    with pytest.raises(ActionError) as info:
        rs.run({"x": 1}, broken)
    assert isinstance(info.value.original, KeyError)
    # The ruleset keeps working for the next case.
    assert rs.run({"x": 1}, _derive({0: {"ok": True}})).facts["ok"] is True


def test_a_failure_with_more_rules_matched_leaves_nothing_queued() -> None:
    # Three rules match at once; the first to fire fails. The others are taken off durable-rules'
    # action queue without running, and the next evaluation starts from an empty session.
    patterns = [{"x": 1}, {"x": 1}, {"x": 1}]
    rs = ruleset_for(patterns, prefix="t_raise_queue")
    ran: list[int] = []

    def first_fails(index: int, wm: dict[str, Any]) -> dict[str, Any]:
        ran.append(index)
        raise RuntimeError("kapot")

    with pytest.raises(ActionError) as info:
        rs.run({"x": 1}, first_fails)
    assert ran == [info.value.rule_index]
    result = rs.run({"x": 1}, _derive({0: {"a": 1}, 1: {"b": 2}, 2: {"c": 3}}))
    assert sorted(result.fired) == [0, 1, 2]
    assert result.facts == {"x": 1, "a": 1, "b": 2, "c": 3}


def test_action_returning_garbage_surfaces() -> None:
    rs = ruleset_for([{"x": 1}], prefix="t_garbage")
    with pytest.raises(ActionError):
        rs.run({"x": 1}, lambda i, wm: None)  # type: ignore[arg-type,return-value]


def test_more_evaluations_than_durable_rules_holds_sessions() -> None:
    rs = ruleset_for(CHAIN, prefix="t_many")
    for n in range(3000):
        result = rs.run({"leeftijd": 10 + n % 5, "soort": "cursus"}, _derive(CHAIN_DERIVES))
        assert result.fired == ([0, 1, 2] if 10 + n % 5 > 11 else [])


def test_nothing_carries_over_between_evaluations() -> None:
    rs = ruleset_for([{"x": 1}, {"$and": [{"x": 2}, {"y": 1}]}], prefix="t_carry")
    derive = _derive({0: {"y": 1}})
    assert rs.run({"x": 1}, derive).fired == [0]
    # y=1 was derived in the previous evaluation; it must not be seen now.
    assert rs.run({"x": 2}, derive).fired == []
    assert rs.run({"x": 1}, derive).fired == [0]


def test_identical_facts_in_consecutive_evaluations_are_not_deduplicated() -> None:
    rs = ruleset_for([{"z": 9}], prefix="t_dupe")
    for _ in range(5):
        assert rs.run({"z": 9}, _derive({})).fired == [0]
        assert rs.run({"z": 8}, _derive({})).fired == []


def test_same_definition_is_registered_once() -> None:
    first = ruleset_for([{"q": 1}], prefix="t_reg")
    before = registered_count()
    second = ruleset_for([{"q": 1}], prefix="t_reg")
    assert first is second
    assert registered_count() == before
    third = ruleset_for([{"q": 2}], prefix="t_reg")
    assert third is not first


def test_invalid_pattern_is_refused_at_registration() -> None:
    with pytest.raises(EngineError):
        ruleset_for([{"$nonsense": {"x": 1}}], prefix="t_bad")


def test_value_types_as_the_rules_use_them() -> None:
    # durable-rules treats true == 1; the validator therefore refuses a number for a ja/nee fact
    # (tests/test_validation.py), so only same-typed comparisons ever reach the engine.
    rs = ruleset_for([{"flag": True}, {"n": 1}, {"s": "één"}], prefix="t_types")
    derive = _derive({})
    assert rs.run({"flag": False}, derive).fired == []
    assert rs.run({"flag": True}, derive).fired == [0]
    assert rs.run({"n": 1.0}, derive).fired == [1]
    assert rs.run({"s": "één"}, derive).fired == [2]


def test_neq_does_not_match_an_absent_field() -> None:
    rs = ruleset_for([{"$and": [{"$ex": {"k": 1}}, {"$neq": {"k": "a"}}]}], prefix="t_neq")
    derive = _derive({})
    assert rs.run({}, derive).fired == []
    assert rs.run({"k": "b"}, derive).fired == [0]
    assert rs.run({"k": "a"}, derive).fired == []


def test_threads_get_exactly_the_sequential_results() -> None:
    rs = ruleset_for(CHAIN, prefix="t_threads")
    cases = [{"leeftijd": age, "soort": soort} for age in range(0, 20) for soort in ("cursus", "verblijf")]
    expected = [rs.run(case, _derive(CHAIN_DERIVES)) for case in cases]
    barrier = threading.Barrier(8)

    def worker(_: int) -> list[Any]:
        barrier.wait()
        return [rs.run(case, _derive(CHAIN_DERIVES)) for case in cases * 5]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(worker, range(8)))
    for result in results:
        assert [(r.fired, r.facts) for r in result] == [(r.fired, r.facts) for r in expected * 5]


def test_absence_pattern_matches_only_the_working_memory() -> None:
    # Unguarded, `$nex` also matches durable-rules' own session-state fact and loops forever.
    seen: list[dict[str, Any]] = []
    rs = ruleset_for([{"$or": [{"$nex": {"k": 1}}, {"a": False}]}], prefix="t_absent")

    def action(index: int, wm: dict[str, Any]) -> dict[str, Any]:
        seen.append({k: v for k, v in wm.items() if k not in ("sid", "id") and not k.startswith("_")})
        return {}

    assert rs.run({"a": False}, action).fired == [0]
    assert seen == [{"a": False}]


def test_leaf_rules_fire_once_and_their_additions_are_kept() -> None:
    patterns = [{"x": 1}, {"x": 1}, {"a": True}, {"$and": [{"a": True}, {"x": 1}]}]
    derives = {0: {"a": True}, 1: {"leaf": "ja"}, 2: {"c": 3}, 3: {"leaf2": "ook"}}
    calls: list[int] = []

    def action(index: int, wm: dict[str, Any]) -> dict[str, Any]:
        calls.append(index)
        return derives[index]

    rs = ruleset_for(patterns, prefix="t_leaf", leaves=frozenset({1, 3}))
    result = rs.run({"x": 1}, action)
    assert sorted(calls) == [0, 1, 2, 3]
    assert sorted(result.fired) == [0, 1, 2, 3]
    assert result.facts == {"x": 1, "a": True, "leaf": "ja", "c": 3, "leaf2": "ook"}
    # Nothing carries over, and the same again gives the same.
    assert rs.run({"x": 2}, action).facts == {"x": 2}
    assert rs.run({"x": 1}, action).facts == result.facts


@pytest.mark.parametrize("leaves", [frozenset(), frozenset({0})])
def test_a_rule_fires_once_although_several_branches_of_its_or_match(leaves: frozenset[int]) -> None:
    # durable-rules queues one action per matching `$or` branch; the adapter promises one firing.
    # A leaf rule (no re-assert between the queued actions) showed it: AW-00 fired three times.
    rs = ruleset_for([{"$or": [{"a": 1}, {"b": 1}, {"c": 1}]}, {"d": 1}], prefix="t_or_once", leaves=leaves)
    calls: list[int] = []

    def action(index: int, wm: dict[str, Any]) -> dict[str, Any]:
        calls.append(index)
        return {}

    result = rs.run({"a": 1, "b": 1, "c": 1, "d": 1}, action)
    assert sorted(calls) == [0, 1]
    assert sorted(result.fired) == [0, 1]
    # The dropped duplicates leave nothing behind: the next run starts clean and fires again once.
    calls.clear()
    assert sorted(rs.run({"b": 1, "c": 1}, action).fired) == [0]
    assert calls == [0]


def _asserted_texts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The JSON texts the adapter asserts from now on (until the monkeypatch is undone)."""
    texts: list[str] = []
    real_assert = adapter.durable_rules_engine.assert_fact

    def recording(handle: int, text: str) -> Any:
        texts.append(text)
        return real_assert(handle, text)

    monkeypatch.setattr(adapter.durable_rules_engine, "assert_fact", recording)
    return texts


def test_the_text_asserted_is_the_working_memory_as_json(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each working memory's JSON is built from the last one (the same head, the new id, the tail
    # with what was added), not encoded anew: it must still be exactly `json.dumps` of it, with
    # text that needs escaping, numbers, a flag set again and a value replaced in place.
    texts = _asserted_texts(monkeypatch)
    patterns = [{"x": 1}, {"a": True}, {"s": 'één "quote"\n'}, {"r": 2.5}, {"f": False}]
    derives = {
        0: {"a": True, "s": 'één "quote"\n', "n": None, "l": [1, "twee"]},
        1: {"a": True, "r": 2.5, "big": 10**20},  # `a` set again: the same value
        2: {"f": False},
        3: {"x": 7, "f": True},  # replaced in place
        4: {},
    }
    rs = ruleset_for(patterns, prefix="t_text")
    for facts in ({"x": 1}, {"x": 1, "id": 9, "sid": "andere"}, {"_wm": 1, "x": 1, "ä": "ö"}):
        texts.clear()
        result = rs.run(facts, _derive(derives))
        assert result.fired == [0, 1, 2, 3]
        assert len(texts) == 5
        for text in texts:
            assert json.dumps(json.loads(text), ensure_ascii=False) == text
        final = json.loads(texts[-1])
        assert {k: v for k, v in final.items() if k not in ("sid", "id") and not k.startswith("_")} == result.facts
        assert result.facts["x"] == 7 and result.facts["f"] is True


def test_a_message_that_is_not_the_last_working_memory_stops_the_evaluation(monkeypatch: pytest.MonkeyPatch) -> None:
    # The adapter reads only the rule's name from durable-rules' message and checks that the rest
    # is the working memory it asserted last; anything else is an error, never a silent firing.
    rs = ruleset_for(CHAIN, prefix="t_guard")
    real_start = adapter.durable_rules_engine.start_action_for_state

    def altered(handle: int, state: int) -> Any:
        started = real_start(handle, state)
        return (started[0], started[1].replace('"leeftijd": 14', '"leeftijd": 15')) if started else started

    monkeypatch.setattr(adapter.durable_rules_engine, "start_action_for_state", altered)
    with pytest.raises(EngineError, match="not asserted last"):
        rs.run({"leeftijd": 14, "soort": "cursus"}, _derive(CHAIN_DERIVES))
    monkeypatch.undo()
    assert rs.run({"leeftijd": 14, "soort": "cursus"}, _derive(CHAIN_DERIVES)).fired == [0, 1, 2]


def test_the_session_is_emptied_even_when_the_bookkeeping_lost_a_fact(monkeypatch: pytest.MonkeyPatch) -> None:
    # The adapter retracts the fact it knows the session holds and then checks that the session
    # is empty; a fact it lost track of (here: forgotten on purpose) is found and retracted.
    rs = ruleset_for([{"x": 1}, {"$and": [{"x": 2}, {"y": 1}]}], prefix="t_lost", leaves=frozenset({0}))
    real_assert = adapter.DurableRuleset._assert

    def forgetting(self: adapter.DurableRuleset, text: str) -> int | None:
        state = real_assert(self, text)
        self._held = None
        return state

    monkeypatch.setattr(adapter.DurableRuleset, "_assert", forgetting)
    assert rs.run({"x": 1, "y": 1}, _derive({})).fired == [0]  # a leaf: the fact stays in the session
    monkeypatch.undo()
    assert adapter.durable_rules_engine.get_facts(rs._handle, "1") == "[]"
    assert rs.run({"x": 2}, _derive({})).fired == []


def test_a_firing_that_changes_nothing_tested_is_not_asserted_again(monkeypatch: pytest.MonkeyPatch) -> None:
    # Not declared a leaf, but what the rule adds is tested by no pattern (y), or is a tested flag
    # set again to the value it has (a): the working memory is not asserted again. A change that
    # a pattern tests is, also when it makes a queued rule stop matching (`$nex`).
    asserted = _asserted_texts(monkeypatch)
    patterns = [{"x": 1}, {"a": True}, {"$and": [{"a": True}, {"$nex": {"b": 1}}]}, {"b": 1}, {"x": 1}]
    derives = {0: {"y": 5}, 1: {"a": True, "b": 1}, 2: {"nooit": True}, 3: {"c": 2}, 4: {"z": 3}}
    rs = ruleset_for(patterns, prefix="t_unchanged")
    result = rs.run({"x": 1, "a": True}, _derive(derives))
    assert result.fired == [0, 1, 3, 4]  # 2 no longer matches once 1 set b
    assert result.facts == {"x": 1, "a": True, "y": 5, "b": 1, "c": 2, "z": 3}
    assert len(asserted) == 2  # the start, and after rule 1 changed b


# The firing order the adapter promises, stated without durable-rules: of the unfired rules that
# match the working memory with everything derived so far, the one with the lowest index fires
# next (durable-rules dispatches the lowest action index with a queued match, and the action index
# is the rule's position; a firing that changes nothing tested keeps the queue as it stands).
# These random rule sets check the order and what is derived.
_KEYS = ("a", "b", "c", "d")


def _pattern() -> st.SearchStrategy[dict[str, Any]]:
    leaf = st.one_of(
        st.builds(lambda k, v: {k: v}, st.sampled_from(_KEYS), st.integers(0, 2)),
        st.builds(lambda k, v: {"$gt": {k: v}}, st.sampled_from(_KEYS), st.integers(0, 1)),
        st.builds(lambda k: {"$nex": {k: 1}}, st.sampled_from(_KEYS)),
        st.builds(lambda k: {"$ex": {k: 1}}, st.sampled_from(_KEYS)),
    )
    return st.recursive(
        leaf,
        lambda inner: st.one_of(
            st.builds(lambda items: {"$and": items}, st.lists(inner, min_size=2, max_size=3)),
            st.builds(lambda items: {"$or": items}, st.lists(inner, min_size=2, max_size=3)),
        ),
        max_leaves=4,
    )


#: A random rule set (up to eight patterns), start facts, and what each rule's action adds.
_RULE_SETS = {
    "patterns": st.lists(_pattern(), min_size=1, max_size=8),
    "facts": st.dictionaries(st.sampled_from(_KEYS), st.integers(0, 2), max_size=3),
    "derives": st.dictionaries(
        st.integers(0, 7), st.dictionaries(st.sampled_from((*_KEYS, "uit")), st.integers(0, 2), max_size=2)
    ),
}


def _holds(pattern: dict[str, Any], wm: dict[str, Any]) -> bool:
    ((op, arg),) = pattern.items()
    if op == "$and":
        return all(_holds(p, wm) for p in arg)
    if op == "$or":
        return any(_holds(p, wm) for p in arg)
    if not op.startswith("$"):
        return op in wm and wm[op] == arg
    ((key, value),) = arg.items()
    if op == "$nex":
        return key not in wm
    if op == "$ex":
        return key in wm
    if op == "$gt":
        return key in wm and wm[key] > value
    raise ValueError(op)


def _lowest_index_first(patterns: list[dict[str, Any]], facts: dict[str, Any], derives: dict[int, dict[str, Any]]):
    wm, fired = dict(facts), []
    while True:
        ready = [i for i, p in enumerate(patterns) if i not in fired and _holds(p, wm)]
        if not ready:
            return fired, wm
        fired.append(ready[0])
        wm.update(derives.get(ready[0], {}))


@settings(max_examples=300, deadline=None)
@given(**_RULE_SETS)
def test_rules_fire_lowest_index_first_as_if_asserted_after_every_firing(
    patterns: list[dict[str, Any]], facts: dict[str, Any], derives: dict[int, dict[str, Any]]
) -> None:
    rs = ruleset_for(patterns, prefix="t_order")
    result = rs.run(facts, _derive(derives))
    fired, wm = _lowest_index_first(patterns, facts, derives)
    assert result.fired == fired
    assert result.facts == wm


@settings(max_examples=200, deadline=None)
@given(**_RULE_SETS)
def test_a_run_that_replays_the_start_of_an_earlier_one_goes_on_as_it_did(
    patterns: list[dict[str, Any]], facts: dict[str, Any], derives: dict[int, dict[str, Any]]
) -> None:
    # The evaluator derives a case again after a conflict, and replays the firings the two runs
    # share (`engine.evaluator._shared_start`) instead of asserting them again.
    rs = ruleset_for(patterns, prefix="t_replay")
    whole = rs.run(facts, _derive(derives))
    for shared in range(len(whole.fired) + 1):
        again = rs.run(facts, _derive(derives), replay=whole.fired[:shared])
        assert again.fired == whole.fired
        assert again.facts == whole.facts


def test_a_failing_action_in_a_replay_surfaces_and_leaves_the_session_clean() -> None:
    rs = ruleset_for(CHAIN, prefix="t_replay_raise")

    def broken(index: int, wm: dict[str, Any]) -> dict[str, Any]:
        raise KeyError("kapot")

    with pytest.raises(ActionError) as info:
        rs.run({"leeftijd": 14, "soort": "cursus"}, broken, replay=[0])
    assert info.value.rule_index == 0
    assert rs.run({"leeftijd": 14, "soort": "cursus"}, _derive(CHAIN_DERIVES)).fired == [0, 1, 2]
