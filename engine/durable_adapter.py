"""The one place that talks to durable-rules, and owns every one of its traps.

durable-rules (2.0.28, 2020) is the inference engine, but it is easy to misuse:
- an asserted fact that no rule matches raises `MessageNotHandledException`; here that is the
  normal "no rule applies (any more)" result;
- sessions live until deleted and a ruleset holds at most 1,024 of them, but `delete_state`
  frees uninitialised memory in the native engine and crashes the process (seen here: "free():
  invalid pointer" in deleteStateNode, depending on memory layout); so sessions are never
  deleted: each ruleset has one session, used by one evaluation at a time under the lock, and
  emptied (every remaining fact retracted) in a `finally`, so nothing carries over;
- registering a ruleset name twice fails, and only when the name is first used; here a ruleset
  is registered once per definition (its name is the hash of its content) and reused;
- exceptions inside actions are swallowed into the session state; here every action runs inside
  a wrapper that records the first exception and re-raises it as `ActionError` after cleanup;
- a pattern that only asks for absent fields (`$nex`) also matches the engine's internal session
  state fact; here every pattern also requires the working-memory marker field `_wm`;
- the native engine is not thread-safe; here every call into it holds one process-wide lock, and
  `durable.engine.Host` (which starts background dispatch threads) is not used at all.

Forward chaining uses one working-memory fact per session. When a rule fires, its action returns
the facts it derives; the adapter retracts the old working-memory fact and asserts a new one with
those facts and a marker that the rule has fired, so every rule fires at most once and the rules
that depend on the new facts can match.
"""

from __future__ import annotations

import copy
import hashlib
import json
import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import durable_rules_engine
from durable.engine import MessageNotHandledException, MessageObservedException, Ruleset

#: One lock for the native engine: all rulesets share its global state.
_ENGINE_LOCK = threading.RLock()
_REGISTRY: dict[str, "DurableRuleset"] = {}

#: `action(rule_index, working_memory) -> derived facts`; the working memory also holds the
#: adapter's own bookkeeping keys (`sid`, `id`, `_wm`, `_fired_*`) and must not be changed.
Action = Callable[[int, dict[str, Any]], dict[str, Any]]


class EngineError(Exception):
    """durable-rules refused or failed on something the adapter gave it."""


class ActionError(EngineError):
    """An action raised; durable-rules would have swallowed it."""

    def __init__(self, rule_index: int, original: BaseException) -> None:
        super().__init__(f"action of rule #{rule_index} failed: {original!r}")
        self.rule_index = rule_index
        self.original = original


@dataclass
class RunResult:
    """What one session derived: the final working memory and the rules in firing order."""

    facts: dict[str, Any]
    fired: list[int]


@dataclass
class _Run:
    action: Action
    wm: dict[str, Any]
    fired: list[int] = field(default_factory=list)
    error: ActionError | None = None
    version: int = 0
    pending: dict[str, Any] = field(default_factory=dict)  # what leaf rules added, not yet asserted


def _marker(index: int) -> str:
    return f"_fired_{index}"


class _Host:
    """Stands in for `durable.engine.Host` without its background dispatch threads."""

    def get_action(self, action_name: str) -> None:
        raise EngineError(f"named actions are not used (asked for {action_name!r})")


class DurableRuleset:
    """A compiled set of single-fact patterns, registered once in durable-rules."""

    def __init__(self, name: str, patterns: Sequence[dict[str, Any]], leaves: frozenset[int] = frozenset()) -> None:
        self.name = name
        self._leaves = leaves
        self._run: _Run | None = None
        self._sid = "1"
        definition: dict[str, Any] = {}
        for index, pattern in enumerate(patterns):
            # `_wm` keeps patterns that only test for absent fields off durable-rules' own
            # session-state fact, which they would otherwise match.
            guarded = {"$and": [{"_wm": 1}, copy.deepcopy(pattern), {"$nex": {_marker(index): 1}}]}
            definition[f"r{index}"] = {"all": [{"m": guarded}], "run": self._make_action(index)}
        try:
            self._ruleset = Ruleset(name, _Host(), definition)
        except durable_rules_engine.error as exc:
            raise EngineError(f"durable-rules refused ruleset {name}: {exc}") from exc

    def _make_action(self, index: int) -> Callable[[Any], None]:
        def action(c: Any) -> None:
            self._fire(index, c)

        return action

    def _fire(self, index: int, c: Any) -> None:
        run = self._run
        if run is None or run.error is not None:
            return
        try:
            fact = c._m["m"]
            derived = run.action(index, fact)  # read-only for the action; it returns what it adds
            run.fired.append(index)
            run.pending.update(derived)
            run.pending[_marker(index)] = 1
            if index in self._leaves:
                return  # no rule tests what it adds: keep it until the next assert (or the end)
            run.version += 1
            new_fact = dict(fact)
            new_fact.update(run.pending)
            new_fact["id"] = run.version
            run.pending = {}
            run.wm = new_fact
            c.retract_fact(fact)
            try:
                c.assert_fact(new_fact)
            except MessageNotHandledException:
                pass  # no rule matches the new working memory: chaining is done
        except BaseException as exc:  # noqa: BLE001 - durable-rules would swallow it
            run.error = ActionError(index, exc)

    def _empty_session(self) -> None:
        """Retract whatever facts the session still holds, so the next evaluation starts clean."""
        try:
            stored = self._ruleset.get_facts(self._sid)
            for fact in stored:
                try:
                    self._ruleset.retract_fact(fact)
                except MessageNotHandledException:
                    pass
            remaining = self._ruleset.get_facts(self._sid) if stored else []
        except durable_rules_engine.error as exc:
            raise EngineError(f"could not empty session {self._sid}: {exc}") from exc
        if remaining:
            raise EngineError(f"session {self._sid} kept {len(remaining)} fact(s) after retraction")

    def run(self, facts: dict[str, Any], action: Action) -> RunResult:
        """Evaluate one working memory in a fresh session; `action(i, wm)` returns derived facts."""
        with _ENGINE_LOCK:
            sid = self._sid
            start = dict(facts)
            start.update({"sid": sid, "id": 0, "_wm": 1})
            run = _Run(action=action, wm=start)
            self._run = run
            outcome: dict[str, Any] = {}
            try:
                try:
                    handle = self._ruleset.assert_fact(start)
                except MessageNotHandledException:
                    handle = None  # no rule applies: a normal result
                except MessageObservedException as exc:
                    raise EngineError(f"session {sid} was not fresh: {exc.message}") from exc
                if handle:

                    def complete(error: Any, state: Any) -> None:
                        outcome["error"] = error
                        outcome["state"] = state

                    self._ruleset.do_actions(handle, complete)
            except durable_rules_engine.error as exc:
                raise EngineError(f"durable-rules failed in session {sid}: {exc}") from exc
            finally:
                self._run = None
                self._empty_session()
        if run.error is not None:
            raise run.error
        state = outcome.get("state") or {}
        if outcome.get("error") or (isinstance(state, dict) and "exception" in state):
            raise EngineError(f"durable-rules reported: {outcome.get('error') or state['exception']}")
        wm = {k: v for k, v in {**run.wm, **run.pending}.items() if k not in ("sid", "id") and not k.startswith("_")}
        return RunResult(facts=wm, fired=run.fired)


def ruleset_for(
    patterns: Sequence[dict[str, Any]], prefix: str = "reikwijdte", leaves: frozenset[int] = frozenset()
) -> DurableRuleset:
    """The registered ruleset for these patterns, created and registered at most once.

    `leaves` are the indices of rules whose additions no pattern tests: their firing does not
    re-assert the working memory (the additions ride along with the next assert), which saves a
    retract, an assert and two JSON round trips per such rule.
    """
    key = {"patterns": list(patterns), "leaves": sorted(leaves)}
    digest = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:24]
    name = f"{prefix}_{digest}"
    with _ENGINE_LOCK:
        existing = _REGISTRY.get(name)
        if existing is None:
            existing = DurableRuleset(name, patterns, leaves)
            _REGISTRY[name] = existing
        return existing


def registered_count() -> int:
    """How many rulesets this process registered (each name at most once)."""
    with _ENGINE_LOCK:
        return len(_REGISTRY)
