"""Where an assessment's time goes: durable-rules, the explanation's parts, the rest.

Usage (from the repository root):

    .venv/bin/python bench/engine_breakdown.py [--cases 4000]

Times the parts of `Engine.evaluate` over generated cases (the same generator and rule set as
`bench/engine_bench.py`) by wrapping them with a timer, and prints milliseconds per case, in CPU
time of the evaluating thread (`time.thread_time`), which other processes on a shared machine
disturb less than wall-clock time. The wrapping itself costs a little, so the parts add up to
slightly more than an unwrapped run.

Also counted over the timed cases: how many times durable-rules derived a case (more than once
per case: a conflict makes `_derive` block the disputed fact and derive again), and how many
condition functions were generated and compiled (`engine/condition_code.py`) while timing, that
is after the warm-up: each costs a `compile`, so a count that does not fall to zero is work done
per case rather than once per ruleset.

With `--load`, the cases are those the API's load test sends (the 64 `case_variants` of
`bench/load_api.py`, each with its own municipality and date, read as the API reads a request),
taken in turn until `--cases` assessments are timed:

    .venv/bin/python bench/engine_breakdown.py --load --cases 6400
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.cases import generated_cases, load_cases  # noqa: E402
from engine import condition_code, evaluator  # noqa: E402
from engine.durable import DurableRuleset  # noqa: E402
from engine.loader import load_rulebase  # noqa: E402

#: (where the function lives, its name, what the report calls it); the parts do not overlap
PARTS = (
    (DurableRuleset, "run", "durable-rules (asserts, retracts, firings)"),
    (evaluator, "_resolve_outcomes", "resolving the outcome fields (open rules, rivals)"),
    (evaluator, "_assumptions", "presumptions that mattered (aannames)"),
    (evaluator, "_missing_facts", "missing facts of open outcomes"),
    (evaluator, "_next_questions", "ranking the next questions (vervolgvragen)"),
    (evaluator, "_explain", "explanation: applied rules, why the others did not"),
    (evaluator, "_motivate", "motivation text"),
)


#: The functions of `engine.condition_code` that generate and compile a condition function.
COMPILERS = ("compile_predicate", "compile_opener", "compile_first_false")


def counted(function: Callable[..., Any], label: str, counts: dict[str, int]) -> Callable[..., Any]:
    """`function` with its calls counted in `counts[label]`."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        counts[label] += 1
        return function(*args, **kwargs)

    return wrapper


def timed(function: Callable[..., Any], label: str, totals: dict[str, float]) -> Callable[..., Any]:
    """`function` with its time added to `totals[label]`, counting only the outermost call."""
    depth = 0

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal depth
        depth += 1
        started = time.thread_time()
        try:
            return function(*args, **kwargs)
        finally:
            depth -= 1
            if depth == 0:
                totals[label] += time.thread_time() - started

    return wrapper


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=2015)
    parser.add_argument("--rules", type=Path, default=ROOT / "rules")
    parser.add_argument("--load", action="store_true", help="the API load test's cases (bench/load_api.py)")
    args = parser.parse_args()

    base = load_rulebase(args.rules)
    engine = evaluator.Engine(base)
    cases = load_cases(args.cases) if args.load else generated_cases(base.gemeenten, args.cases, args.seed)
    for casus, gemeente, day in cases[:1000]:  # compile every ruleset and warm up, untimed
        engine.evaluate(casus, gemeente, day)

    totals: dict[str, float] = defaultdict(float)
    for owner, name, label in PARTS:
        setattr(owner, name, timed(getattr(owner, name), label, totals))
    counts: dict[str, int] = defaultdict(int)
    for owner, name in ((DurableRuleset, "run"), *((condition_code, f) for f in COMPILERS)):
        setattr(owner, name, counted(getattr(owner, name), name, counts))
    started = time.thread_time()
    for casus, gemeente, day in cases:
        engine.evaluate(casus, gemeente, day)
    total = time.thread_time() - started

    per_case = {label: totals[label] / len(cases) * 1000 for _, _, label in PARTS}
    for label, ms in per_case.items():
        print(f"{label:55} {ms:6.3f} ms")
    print(
        f"{'everything else (facts, outcome, assessment model)':55} {total / len(cases) * 1000 - sum(per_case.values()):6.3f} ms"
    )
    print(f"{'total per case':55} {total / len(cases) * 1000:6.3f} ms")
    print(f"{'durable-rules derivations per case':55} {counts['run'] / len(cases):6.3f}")
    compiled = sum(counts[f] for f in COMPILERS)
    print(f"{'condition functions compiled while timing':55} {compiled:6d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
