"""The check which presumptions mattered (`aannames`) on its own: this checkout against a base commit.

Usage (from the repository root):

    .venv/bin/python bench/aannames_bench.py --base 0835ca1 [--cases 2000] [--rounds 6] [--load]

Evaluates generated cases (`engine/case_generator.py`, in every municipality configuration; with
`--load`, the API load test's 64 cases in turn: `bench/cases.py`) once
and keeps what `presumptions_that_matter` was given for each (the ruleset, the facts, the rules
that fired, the presumed facts). Then this checkout's `engine/partial.py` and the base commit's
(read with `git show`, loaded as a module of its own next to this checkout's `engine`, with the
base's `engine/presumption_plan.py` where it has one) check the same inputs in turns, round by
round, each call timed in CPU time of the thread. Before the
timing, every input is checked by both: the same presumptions, fields, settled fields and
`samen_met`, and the facts left as they were, in the same order (exit 1 otherwise).

What it measures is the part alone, without the rest of the assessment that
`bench/partial_bench.py` times; what it needs of the base is only that its `engine/partial.py`
(and `engine/presumption_plan.py`) run against this checkout's `engine.conditions` and
`engine.compiler`. The sides share the compiled rulesets: what one side keeps on a ruleset
(`presumption_plan`, with the functions it builds when a case first asks) is cleared, and built
again untimed on all the inputs, before the other side's turn.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.cases import generated_cases, load_cases  # noqa: E402
from engine import evaluator, partial  # noqa: E402
from engine.compiler import CompiledRuleSet  # noqa: E402
from engine.loader import load_rulebase  # noqa: E402

Call = tuple[CompiledRuleSet, dict[str, Any], set[str], list[str]]


def _module(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def load_base(rev: str, folder: Path) -> ModuleType:
    """The base commit's `engine/partial.py` as a module of its own, with the base's
    `engine/presumption_plan.py` where the base has one (else this checkout's)."""

    def show(path: str) -> str | None:
        found = subprocess.run(["git", "show", f"{rev}:{path}"], cwd=ROOT, capture_output=True, text=True)
        return found.stdout if found.returncode == 0 else None

    source = show("engine/partial.py")
    if source is None:
        raise SystemExit(f"{rev}: no engine/partial.py")
    plan_source = show("engine/presumption_plan.py")
    path = folder / "partial_base.py"
    path.write_text(source)
    if plan_source is None:
        return _module("partial_base", path)
    plan_path = folder / "presumption_plan_base.py"
    plan_path.write_text(plan_source)
    plan = _module("presumption_plan_base", plan_path)
    mine = sys.modules["engine.presumption_plan"]
    sys.modules["engine.presumption_plan"] = plan  # what the base's partial imports, while it loads
    try:
        return _module("partial_base", path)
    finally:
        sys.modules["engine.presumption_plan"] = mine


def captured_calls(cases: int, seed: int, load: bool = False) -> list[Call]:
    """What `presumptions_that_matter` is given for `cases` generated cases (with `load`, the
    API load test's cases: `bench.cases.load_cases`)."""
    base = load_rulebase(ROOT / "rules")
    engine = evaluator.Engine(base)
    jobs = load_cases(cases) if load else generated_cases(base.gemeenten, cases, seed)
    calls: list[Call] = []
    original = evaluator.presumptions_that_matter

    def keep(ruleset: CompiledRuleSet, facts: dict[str, Any], fired: set[str], presumed: Any, *rest: Any) -> Any:
        # `rest`: what the evaluator shares with the check (the conditions it evaluated already);
        # the timed calls go without, as the base's
        presumed = list(presumed)
        calls.append((ruleset, dict(facts), set(fired), presumed))
        return original(ruleset, facts, fired, presumed, *rest)

    evaluator.presumptions_that_matter = keep
    try:
        for casus, gemeente, day in jobs:
            engine.evaluate(casus, gemeente, day)
    finally:
        evaluator.presumptions_that_matter = original
    return calls


def clear_plans(calls: list[Call]) -> None:
    """Take off the rulesets what a side kept on them: the other side builds its own (each side's
    plan is of its own `engine/presumption_plan.py`)."""
    for ruleset in {id(r): r for r, *_ in calls}.values():
        if hasattr(ruleset, "presumption_plan"):
            ruleset.presumption_plan = None


def answers(module: ModuleType, calls: list[Call]) -> list[Any]:
    """Each call's answer as plain data, with the facts as the call left them (order included)."""
    clear_plans(calls)
    found = []
    for ruleset, facts, fired, presumed in calls:
        mine = dict(facts)
        used = module.presumptions_that_matter(ruleset, mine, set(fired), presumed)
        found.append(([(u.presumption.path, u.fields, u.settles, u.together_with) for u in used], list(mine.items())))
    return found


def timed(module: ModuleType, calls: list[Call]) -> list[float]:
    """CPU time of the thread per call, in ms, after clearing and rebuilding what rulesets keep."""
    answers(module, calls)  # untimed: what the module keeps per ruleset is built again, all of it
    times = []
    for ruleset, facts, fired, presumed in calls:
        started = time.thread_time()
        module.presumptions_that_matter(ruleset, facts, fired, presumed)
        times.append((time.thread_time() - started) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the commit whose engine/partial.py to compare with")
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--seed", type=int, default=2015)
    parser.add_argument("--load", action="store_true", help="the API load test's cases (bench/cases.py)")
    args = parser.parse_args()

    calls = captured_calls(args.cases, args.seed, args.load)
    with tempfile.TemporaryDirectory() as folder:
        base = load_base(args.base, Path(folder))
        if answers(base, calls) != answers(partial, calls):
            print("the answers differ from the base's", file=sys.stderr)
            return 1
        sides: dict[str, list[float]] = {"base": [], "this": []}
        for _ in range(args.rounds):
            sides["base"] += timed(base, calls)
            sides["this"] += timed(partial, calls)
    print(f"{len(calls)} calls per round, {args.rounds} rounds, the same answers on both sides")
    medians = {}
    for side, times in sides.items():
        medians[side] = statistics.median(times)
        name = f"base {args.base}" if side == "base" else "this checkout"
        print(f"{name}: median {medians[side]:.3f} ms, mean {statistics.fmean(times):.3f} ms per call")
    ratio = medians["this"] / medians["base"]
    print(f"this checkout / base: median {ratio:.2f} ({(ratio - 1) * 100:+.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
