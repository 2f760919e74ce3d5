"""The one place that talks to durable-rules, and owns every one of its traps.

durable-rules (2.0.28, 2020) is the inference engine, but it is easy to misuse:
- an asserted fact that no rule matches is refused (`MessageNotHandledException` in its Python
  layer, result code 1 in its native engine); here that is the normal "no rule applies (any
  more)" result;
- sessions live until deleted and a ruleset holds at most 1,024 of them, but `delete_state`
  frees uninitialised memory in the native engine and crashes the process (seen here: "free():
  invalid pointer" in deleteStateNode, depending on memory layout); so sessions are never
  deleted: each ruleset has one session, used by one evaluation at a time under the lock, and
  emptied (every remaining fact retracted) in a `finally`, so nothing carries over;
- registering a ruleset name twice fails, and only when the name is first used; here a ruleset
  is registered once per definition (its name is the hash of its content) and reused;
- exceptions inside actions are swallowed into the session state by its Python layer; here
  actions are not run by that layer at all: the adapter runs each one itself, records the first
  exception and re-raises it as `ActionError` after cleanup;
- a pattern that only asks for absent fields (`$nex`) also matches the engine's internal session
  state fact; here every pattern also requires the working-memory marker field `_wm`
  (`WM_MARKER`);
- a pattern may hold at most 15 `$and`/`$or` nodes, or the ruleset is refused; conditions are
  split to fit (`MAX_COMBINATORS`, `engine/durable/patterns.py`);
- the native engine is not thread-safe; here every call into it holds one process-wide lock, and
  `durable.engine.Host` (which starts background dispatch threads) is not used at all.

The adapter drives durable-rules' native engine (`durable_rules_engine`, the C core under its
Python DSL) directly: `create_ruleset` with the JSON ruleset form, `assert_fact` /
`retract_fact`, and `start_action_for_state` / `complete_and_start_action` to take the matched
rules one by one. Its Python layer (`durable.engine.Ruleset`) would wrap every firing in a
closure, a promise and a session-state update that these rules never use, which cost a third of
the evaluation time.

Forward chaining uses one working-memory fact per session. When a rule fires, its action returns
the facts it derives; the adapter retracts the old working-memory fact and asserts a new one with
those facts and a marker that the rule has fired, so every rule fires at most once and the rules
that depend on the new facts can match. A rule whose `$or` has several matching branches is
queued once per branch by durable-rules; the adapter fires it once and drops the rest.

What crosses into the native engine is JSON text, and the Python side of that exchange used to
cost more than the native engine itself, so the adapter keeps it to the minimum:
- the working memory's text is built once per evaluation and then extended: a firing changes only
  the id and appends what it adds (`_split`, `_item`), and the text stays byte for byte
  `json.dumps` of the working memory; the retract reuses the text asserted;
- a matched rule's message is the asserted text verbatim (`{"r<index>":{"m":<text>}}`, and only
  ever of the fact asserted last, since a retract drops the queued actions of its fact): only the
  rule's name is read, and one string comparison checks the rest (`_matched_is`);
- a firing that changes no field a pattern tests (a rule declared a leaf, or one whose additions
  this time are untested or already there) is not asserted again: the queued rules are those a new
  assert would queue, in the same order; its additions ride along with the next assert;
- the session is emptied by retracting the one fact it may still hold (`_held`), and one cheap
  `get_facts` checks that nothing else is left (anything left is retracted: after an error the
  bookkeeping need not be trusted).
"""

from __future__ import annotations

import copy
import hashlib
import json
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from json.encoder import encode_basestring as _encode_str  # what json.dumps(..., ensure_ascii=False) uses
from typing import Any

import durable_rules_engine

#: The field every working-memory fact carries and every pattern requires (see the traps above).
WM_MARKER = "_wm"
#: The pattern of a condition that always holds: any working-memory fact.
TRUE_PATTERN: dict[str, Any] = {WM_MARKER: 1}

#: One lock for the native engine: all rulesets share its global state.
_ENGINE_LOCK = threading.RLock()
_REGISTRY: dict[str, DurableRuleset] = {}

#: `action(rule_index, working_memory) -> derived facts`; the working memory also holds the
#: adapter's own bookkeeping keys (`sid`, `id`, `_wm`, `_fired_*`) and must not be changed (nor
#: kept: it is the evaluation's own, updated in place as rules fire).
#: Working-memory keys are built by `engine/durable/memory.py`.
Action = Callable[[int, dict[str, Any]], dict[str, Any]]

# Result codes of the native engine's assert and retract calls.
_NOT_HANDLED = 1  # no rule matches the fact
_OBSERVED = 2  # the session already holds a fact with this id


def _dumps(fact: dict[str, Any]) -> str:
    return json.dumps(fact, ensure_ascii=False)  # as durable-rules' own layer serialises


_ABSENT = object()

#: `"key": ` of every key seen, as `json.dumps` writes it (keys are few: short keys and markers).
_KEY_TEXT: dict[str, str] = {}


def _item(key: str, value: Any) -> str:
    """`, "key": value`, exactly as `json.dumps(..., ensure_ascii=False)` writes a dict's item."""
    text = _KEY_TEXT.get(key)
    if text is None:
        text = _KEY_TEXT.setdefault(key, json.dumps(key, ensure_ascii=False) + ": ")
    if value is True:
        return f", {text}true"
    if value is False:
        return f", {text}false"
    kind = type(value)
    if kind is int:
        return f", {text}{int.__repr__(value)}"
    if kind is str:
        return f", {text}{_encode_str(value)}"
    return f", {text}{json.dumps(value, ensure_ascii=False)}"


#: How `_dumps` of a start working memory ends: its id's value (0) and the marker, added last.
_START_END = f"0{_item(WM_MARKER, 1)}}}"


def _split(wm: dict[str, Any]) -> tuple[str, str]:
    """`_dumps(wm)` around the value of its `id`: `head + str(wm["id"]) + tail + "}"`.

    A firing only changes the id and appends the keys it adds, so the next working memory's
    JSON is the same head, the new id and the tail with the added items: the text durable-rules
    receives stays byte for byte `_dumps` of the working memory without encoding it again.
    """
    keys = list(wm)
    at = keys.index("id")
    head = "".join(_item(k, wm[k]) for k in keys[:at])
    tail = "".join(_item(k, wm[k]) for k in keys[at + 1 :])
    return "{" + (head[2:] + ", " if head else "") + '"id": ', tail


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
    head: str  # the JSON text of `wm` up to its id's value (`_split`)
    tail: str  # and after it, without the closing brace
    text: str = ""  # the JSON text of `wm`: the working memory last asserted
    fired: list[int] = field(default_factory=list)
    done: set[int] = field(default_factory=set)  # the indices in `fired`, for the once-only check
    error: EngineError | None = None
    version: int = 0
    pending: dict[str, Any] = field(default_factory=dict)  # what leaf rules added, not yet asserted


def _marker(index: int) -> str:
    return f"_fired_{index}"


class DurableRuleset:
    """A compiled set of single-fact patterns, registered once in durable-rules."""

    def __init__(self, name: str, patterns: Sequence[dict[str, Any]], leaves: frozenset[int] = frozenset()) -> None:
        self.name = name
        self._leaves = leaves
        self._sid = "1"
        self._held: str | None = None  # the JSON text of the fact the session holds, if any
        definition: dict[str, Any] = {}
        self._index_of: dict[str, int] = {}
        self._markers = tuple(_marker(index) for index in range(len(patterns)))
        self._tested: frozenset[str] = frozenset(f for pattern in patterns for f in _fields(pattern))
        for index, pattern in enumerate(patterns):
            # `_wm` keeps patterns that only test for absent fields off durable-rules' own
            # session-state fact, which they would otherwise match.
            guarded = {"$and": [dict(TRUE_PATTERN), copy.deepcopy(pattern), {"$nex": {_marker(index): 1}}]}
            definition[f"r{index}"] = {"all": [{"m": guarded}]}
            self._index_of[f"r{index}"] = index
        try:
            self._handle = durable_rules_engine.create_ruleset(name, json.dumps(definition, ensure_ascii=False))
        except durable_rules_engine.error as exc:
            raise EngineError(f"durable-rules refused ruleset {name}: {exc}") from exc

    def _assert(self, text: str) -> int | None:
        """Assert a working memory (its JSON text): the session's state handle, or None when no
        rule matches it (then durable-rules does not keep it)."""
        code, state = durable_rules_engine.assert_fact(self._handle, text)
        if code == _NOT_HANDLED:
            return None
        self._held = text
        if code == _OBSERVED:
            raise EngineError(f"session {self._sid} was not fresh: a fact with this id was already observed")
        return int(state)

    def _fire(self, run: _Run, index: int) -> None:
        """Run rule `index`'s action on the working memory and chain what it derives."""
        try:
            wm, pending = run.wm, run.pending
            derived = run.action(index, wm)  # read-only for the action; it returns what it adds
            run.fired.append(index)
            run.done.add(index)
            pending.update(derived)
            pending[self._markers[index]] = 1
            if index in self._leaves or not self._changes_tested(wm, derived):
                # Nothing a pattern tests changed: the working memory asserted matches what it
                # matched, so the rules still queued are those a new assert would queue. Keep
                # the additions until the next assert (or the end).
                return
            run.version += 1
            tail, replaced = run.tail, False
            for key, value in pending.items():
                old = wm.get(key, _ABSENT)
                if old is _ABSENT:
                    tail += _item(key, value)
                elif old is not value:  # not the same flag set again: a value replaced in place
                    replaced = True
            wm.update(pending)
            wm["id"] = run.version
            run.head, run.tail = _split(wm) if replaced else (run.head, tail)
            run.pending = {}
            durable_rules_engine.retract_fact(self._handle, run.text)
            self._held = None
            run.text = f"{run.head}{run.version}{run.tail}}}"
            self._assert(run.text)  # None: no rule matches the new working memory, chaining is done
        except BaseException as exc:  # noqa: BLE001 - surfaced after cleanup, never swallowed
            run.error = ActionError(index, exc)

    def _changes_tested(self, wm: dict[str, Any], derived: dict[str, Any]) -> bool:
        """Whether `derived` gives a field some pattern tests a value it does not have yet."""
        tested = self._tested
        return any(key in tested and wm.get(key, _ABSENT) is not value for key, value in derived.items())

    def _take_actions(self, run: _Run, state: int) -> None:
        """Fire the matched rules one at a time until durable-rules has none left.

        After an action failed the rest are still taken (and not run), so the session's action
        queue is empty when the evaluation ends. durable-rules compiles an `$or` into one
        alternative per branch and queues one action per matching alternative; a leaf rule does
        not re-assert the working memory (which would drop the queued duplicates), so the same
        rule can arrive several times: it is taken off the queue but fired only once.

        A message is `{"r<index>":{"m":<the matched fact>}}`, the fact being the JSON text as
        asserted, byte for byte: durable-rules drops the queued actions of a retracted fact, so
        it is always the working memory asserted last. Only the rule's name is read from it; that
        the rest is that text is checked (one comparison, no decoding), and anything else stops
        the evaluation with an `EngineError`.
        """
        handle, index_of, done, fire = self._handle, self._index_of, run.done, self._fire
        started = durable_rules_engine.start_action_for_state(handle, state)
        message = started[1] if started else None
        while message:
            if run.error is None:
                end = message.find('"', 2)
                index = index_of.get(message[2:end], -1)
                if index in done:
                    pass  # another matching branch of the same rule
                elif index >= 0 and _matched_is(message, end + 7, run.text):
                    fire(run, index)
                else:
                    run.error = EngineError(f"durable-rules matched what was not asserted last: {message[:80]}")
            message = durable_rules_engine.complete_and_start_action(handle, state)

    def _empty_session(self) -> None:
        """Retract the fact the session holds, so the next evaluation starts clean, and make sure.

        The session holds at most the working memory asserted last (`_held`); that it holds
        nothing else is checked with one `get_facts` (about 3 µs when empty). Should it hold
        anything (an evaluation cut short where the bookkeeping could not follow), every fact it
        holds is retracted.
        """
        try:
            if self._held is not None:
                durable_rules_engine.retract_fact(self._handle, self._held)
                self._held = None
            stored = durable_rules_engine.get_facts(self._handle, self._sid)
            if stored == "[]":
                return
            for fact in json.loads(stored):
                durable_rules_engine.retract_fact(self._handle, _dumps(fact))
            remaining = json.loads(durable_rules_engine.get_facts(self._handle, self._sid))
        except durable_rules_engine.error as exc:
            raise EngineError(f"could not empty session {self._sid}: {exc}") from exc
        if remaining:
            raise EngineError(f"session {self._sid} kept {len(remaining)} fact(s) after retraction")

    def run(self, facts: dict[str, Any], action: Action, replay: Sequence[int] = ()) -> RunResult:
        """Evaluate one working memory in a fresh session; `action(i, wm)` returns derived facts.

        `replay` are rules the caller knows fire first on these facts, in this order: the start
        of an earlier run's firings on the same facts, with actions that return the same for them.
        Their actions run and they are marked fired before the first assert, so durable-rules
        starts where that run stood after them: with the rules firing lowest index first, the
        rest fires as in a run from the start (`tests/test_durable_adapter.py`). The adapter cannot
        check the claim; a wrong `replay` gives a wrong result.
        """
        with _ENGINE_LOCK:
            start = dict(facts)
            fired: list[int] = []
            try:
                for index in replay:
                    fired.append(index)
                    start.update(action(index, start))
                    start[self._markers[index]] = 1
            except Exception as exc:  # an action's failure, reported as `_fire` reports it
                raise ActionError(fired[-1], exc) from exc
            start.update({"sid": self._sid, "id": 0, WM_MARKER: 1})
            if "sid" in facts or "id" in facts or WM_MARKER in facts:
                head, tail = _split(start)
            else:  # the usual case: they come last, so the text ends with the id and the marker
                head, tail = _dumps(start)[: -len(_START_END)], _START_END[1:-1]
            run = _Run(action=action, wm=start, head=head, tail=tail, text=f"{head}0{tail}}}")
            run.fired.extend(fired)
            run.done.update(fired)
            try:
                state = self._assert(run.text)
                if state is not None:
                    self._take_actions(run, state)
            except durable_rules_engine.error as exc:
                raise EngineError(f"durable-rules failed in session {self._sid}: {exc}") from exc
            finally:
                self._empty_session()
        if run.error is not None:
            raise run.error
        wm = {k: v for k, v in {**run.wm, **run.pending}.items() if k not in ("sid", "id") and not k.startswith("_")}
        return RunResult(facts=wm, fired=run.fired)


def _fields(pattern: Any) -> Iterator[str]:
    """The working-memory fields a pattern tests: every key that is not an operator (`$...`)."""
    if isinstance(pattern, dict):
        for key, value in pattern.items():
            if not key.startswith("$"):
                yield key
            yield from _fields(value)
    elif isinstance(pattern, list):
        for item in pattern:
            yield from _fields(item)


def _matched_is(message: str, at: int, text: str) -> bool:
    """Whether `message` holds exactly `text` from `at` on, followed by the two closing braces."""
    return (
        len(message) == at + len(text) + 2
        and message.startswith('":{"m":', at - 7)
        and message.startswith(text, at)
        and message.endswith("}}")
    )


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
