"""durable-rules in one home: nothing outside this package knows the library or its conventions.

- `adapter`: the one place that calls durable-rules, with every trap it sets (its docstring lists
  them): rulesets registered once, sessions emptied, actions run here, the `_wm` marker;
- `memory`: the working-memory key scheme (dotted fact paths to short keys, list flags), for the
  start of an evaluation and for what an action adds;
- `patterns`: conditions translated to durable-rules patterns, and split where they exceed its
  limit on combinators.
"""

from engine.durable.adapter import (
    Action,
    ActionError,
    DurableRuleset,
    EngineError,
    RunResult,
    registered_count,
    ruleset_for,
)
from engine.durable.memory import facts_to_wm, wm_updates
from engine.durable.patterns import PatternSet

__all__ = [
    "Action",
    "ActionError",
    "DurableRuleset",
    "EngineError",
    "PatternSet",
    "RunResult",
    "facts_to_wm",
    "registered_count",
    "ruleset_for",
    "wm_updates",
]
