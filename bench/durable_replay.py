"""What durable-rules costs an explained assessment, alone: its runs replayed, in thread CPU time.

Usage (from the repository root):

    .venv/bin/python bench/durable_replay.py [--cases 2000] [--rounds 5] [--root DIR]

Assesses generated cases (the generator and rule set of `bench/engine_breakdown.py`, every
municipality configuration) once and records every call of `DurableRuleset.run` the evaluator
makes (`engine/evaluator.py`, `_derive`), with the action it passes. Then replays exactly those
runs, each with a fresh trace, and times them in CPU time of the thread (`time.thread_time`), which
the load of other processes on a shared machine disturbs far less than wall-clock time. Prints the
native calls per case, the minimum and median per case over the rounds, and a digest of what the
runs derived (the rules in firing order and the final working memory): two versions of the adapter
that print the same digest fired the same rules in the same order.

`--root DIR` times another checkout (its `engine/` and `rules/`), so that commits can be measured
in turn on the same machine: `git archive COMMIT | tar -x -C DIR` (and the shared sources beside it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import hashlib
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

#: The native calls counted per case.
NATIVE = ("assert_fact", "retract_fact", "start_action_for_state", "complete_and_start_action", "get_facts")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2015)
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args()
    sys.path.insert(0, str(args.root.resolve()))

    from engine import evaluator
    from engine.case_generator import random_cases
    from engine.durable import DurableRuleset, adapter
    from engine.loader import load_rulebase

    base = load_rulebase(args.root / "rules")
    engine = evaluator.Engine(base)
    gemeenten: list[str | None] = [None, *sorted(base.gemeenten)]
    day = dt.date(2025, 1, 1)

    runs: list[tuple[Any, dict[str, Any], Any, frozenset[str], tuple[Any, ...]]] = []
    original = DurableRuleset.run

    def recording(self: Any, facts: dict[str, Any], action: Any, *more: Any) -> Any:
        # `more`: the firings a run after a conflict replays, where the adapter takes them
        ruleset, trace = action.args
        runs.append((self, dict(facts), ruleset, frozenset(trace.blocked), tuple(list(m) for m in more)))
        return original(self, facts, action, *more)

    DurableRuleset.run = recording  # type: ignore[method-assign]
    try:
        for i, casus in enumerate(random_cases(args.cases, seed=args.seed)):
            engine.evaluate(casus, gemeenten[i % len(gemeenten)], day)
    finally:
        DurableRuleset.run = original  # type: ignore[method-assign]

    def replay() -> list[Any]:
        return [
            durable.run(
                facts, functools.partial(evaluator._conclude, ruleset, evaluator._Trace(blocked=blocked)), *more
            )
            for durable, facts, ruleset, blocked, more in runs
        ]

    calls: Counter[str] = Counter()
    native = adapter.durable_rules_engine

    class Counting:
        def __getattr__(self, name: str) -> Any:
            function = getattr(native, name)
            if name not in NATIVE:
                return function

            def counted(*call_args: Any) -> Any:
                calls[name] += 1
                return function(*call_args)

            return counted

    adapter.durable_rules_engine = Counting()  # type: ignore[assignment]
    try:
        results = replay()
    finally:
        adapter.durable_rules_engine = native
    digest = hashlib.sha256(repr([(r.fired, sorted(r.facts.items())) for r in results]).encode()).hexdigest()[:16]

    per_case = []
    for _ in range(args.rounds):
        started = time.thread_time()
        replay()
        per_case.append((time.thread_time() - started) / args.cases * 1e6)
    print(f"{len(runs)} runs for {args.cases} cases; native calls per case:")
    for name in NATIVE:
        print(f"  {name:28} {calls[name] / args.cases:6.2f}")
    print(f"durable-rules per case: min {min(per_case):.0f} µs, median {statistics.median(per_case):.0f} µs")
    print(f"digest of what the runs derived: {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
