"""What the presumptions and the next-question ranking cost: this checkout against a base commit.

Usage (from the repository root):

    .venv/bin/python bench/partial_bench.py --base 4e90e27 [--cases 3000] [--rounds 6]

Checks the base commit out into a temporary git worktree and starts one worker process per side
(this checkout and the base), each with its own code and its own `rules/`. Both evaluate the same
generated cases (`engine/case_generator.py`, fact known with probability 0.6) in all
municipality configurations, the full explained assessment as `Engine.evaluate` returns it. The
sides take turns batch by batch, so a change in the machine's load hits both alike, and each
assessment is timed in CPU time of its thread (`time.thread_time`), which another process's load
on a shared machine disturbs far less than wall-clock time. Prints the
median, p99 and mean per assessment of each side, the lowest of its round medians, and the ratios
(also as a speed-up, base / this); exits 1 when this checkout is more than `--limit` (default 20%)
slower on the median, or, with `--target N`, when its median or p99 is not N times faster than
the base's; 2 when the base cannot be checked out.

How far durable-rules lets it go: with `--durable-deel`, each side's worker also times the part of
each assessment spent in `DurableRuleset.run` (the native engine and the adapter that drives it:
`engine/durable/adapter.py`), and the report prints this checkout's part, with its median and the
speed-up over the base that an assessment could reach at most while durable-rules derives each
case (everything else taking no time at all): the base's median over that part's median. It also
prints the speed-up of the rest: each case's time less its durable-rules part, on both sides (the
part holds the adapter too, which this work made faster as well). (The timer around the part adds
about a microsecond to each side.)

What one step adds, on this checkout alone:

    .venv/bin/python bench/partial_bench.py --zonder rangorde [--cases 3000] [--rounds 6]

The "base" side is then this checkout with that step switched off in its worker process:
`rangorde` the ranking of the next questions (`vervolgvragen` stays empty), `aannames` the check
which presumptions mattered (`aannames` stays empty). Both sides run the same code otherwise, so
the difference is what the step costs an explained assessment.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


#: Steps that `--zonder` can switch off, and how: the evaluator's step function replaced by one
#: that returns what the step returns when there is nothing to report.
STEPS = {
    "rangorde": ("_next_questions", lambda *args, **kwargs: []),
    "aannames": ("_assumptions", lambda *args, **kwargs: ([], [])),
}


def worker(root: Path, without: str | None = None, durable_part: bool = False) -> None:
    """Serve `<seed> <count>` requests on stdin: evaluate, answer the per-case times as JSON (with
    `durable_part`, [total, durable-rules part] per case)."""
    sys.path.insert(0, str(root))
    import datetime as dt

    from engine.case_generator import random_cases
    from engine.evaluator import Engine
    from engine.loader import load_rulebase

    if without is not None:
        import engine.evaluator

        name, replacement = STEPS[without]
        setattr(engine.evaluator, name, replacement)
    spent = [0.0]  # thread CPU time in `DurableRuleset.run` during the current case
    if durable_part:
        from engine.durable.adapter import DurableRuleset

        run = DurableRuleset.run

        def timed_run(self: Any, *args: Any, **kwargs: Any) -> Any:
            started = time.thread_time()
            try:
                return run(self, *args, **kwargs)
            finally:
                spent[0] += time.thread_time() - started

        DurableRuleset.run = timed_run  # type: ignore[method-assign]
    engine = Engine(load_rulebase(root / "rules"))
    gemeenten: list[str | None] = [None, *sorted(engine.base.gemeenten)]
    day = dt.date(2025, 1, 1)
    for i, casus in enumerate(random_cases(500, seed=7)):  # warm-up: compile every municipality
        engine.evaluate(casus, gemeente=gemeenten[i % len(gemeenten)], peildatum=day)
    print(json.dumps({"engine": str(Path(sys.modules["engine"].__file__).parent)}), flush=True)
    for line in sys.stdin:
        seed, count = (int(x) for x in line.split())
        times: list[Any] = []
        for i, casus in enumerate(random_cases(count, seed=seed)):
            spent[0] = 0.0
            start = time.thread_time()
            engine.evaluate(casus, gemeente=gemeenten[i % len(gemeenten)], peildatum=day)
            elapsed = time.thread_time() - start
            times.append([elapsed, spent[0]] if durable_part else elapsed)
        print(json.dumps(times), flush=True)


def start(root: Path, without: str | None = None, durable_part: bool = False) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--worker",
            str(root),
            *(["--zonder", without] if without else []),
            *(["--durable-deel"] if durable_part else []),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=root,
    )
    assert process.stdout is not None
    hello = json.loads(process.stdout.readline())
    if Path(hello["engine"]).resolve() != (root / "engine").resolve():
        raise SystemExit(f"worker for {root} imported the engine from {hello['engine']}")
    return process


def ask(process: subprocess.Popen[str], seed: int, count: int) -> list[Any]:
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(f"{seed} {count}\n")
    process.stdin.flush()
    return json.loads(process.stdout.readline())  # type: ignore[no-any-return]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="main", help="the commit to compare with")
    parser.add_argument("--cases", type=int, default=3000, help="cases per round and side")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--limit", type=float, default=0.20)
    parser.add_argument(
        "--target", type=float, default=None, help="exit 1 unless median and p99 are at least this many times faster"
    )
    parser.add_argument(
        "--zonder", choices=sorted(STEPS), help="compare with this checkout with the step switched off (no --base)"
    )
    parser.add_argument(
        "--durable-deel",
        action="store_true",
        help="also time durable-rules' part on both sides: the speed-up it leaves possible at most, and that of the rest",
    )
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.zonder, args.durable_deel)
        return 0
    if args.zonder:
        times = run_sides({"base": (ROOT, args.zonder), "this": (ROOT, None)}, args.rounds, args.cases)
        return report(times, f"this checkout without {args.zonder}", args.rounds, args.cases, args.limit, args.target)

    sys.path.insert(0, str(ROOT))  # here, not in the workers: each of those puts its own tree first
    from bench import worktree

    with tempfile.TemporaryDirectory(prefix="partial-bench-") as tmp:
        base_root = Path(tmp) / "base"
        try:
            with worktree.checked_out(args.base, base_root) as commit:
                times = run_sides(
                    {"base": (base_root, None), "this": (ROOT, None)}, args.rounds, args.cases, args.durable_deel
                )
        except worktree.WorktreeError as exc:
            print(f"partial_bench: {exc}", file=sys.stderr)
            return 2
    durable = None
    if args.durable_deel:
        durable = {side: [part for _, part in t] for side, t in times.items()}
        times = {side: [total for total, _ in t] for side, t in times.items()}
    return report(times, f"base {commit}", args.rounds, args.cases, args.limit, args.target, durable)


def run_sides(
    sides: dict[str, tuple[Path, str | None]], rounds: int, cases: int, durable_part: bool = False
) -> dict[str, list[Any]]:
    """Both workers evaluate the same cases, batch by batch in turns; per-case CPU times by side
    (as [total, durable-rules part] with `durable_part`)."""
    processes = {side: start(root, without, durable_part) for side, (root, without) in sides.items()}
    times: dict[str, list[Any]] = {side: [] for side in sides}
    for round_ in range(rounds):
        order = ["base", "this"] if round_ % 2 == 0 else ["this", "base"]
        for side in order:
            times[side].extend(ask(processes[side], 2015 + round_, cases))
    for process in processes.values():
        assert process.stdin is not None
        process.stdin.close()
        process.wait()
    return times


def _p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98] if len(values) >= 2 else values[0]


def report(
    times: dict[str, list[float]],
    base_name: str,
    rounds: int,
    cases: int,
    limit: float,
    target: float | None = None,
    durable: dict[str, list[float]] | None = None,
) -> int:
    """Print both sides' median, p99 and mean, the lowest round median, and the ratios (and with
    `durable`, each case's durable-rules part by side: this side's part and the speed-up it leaves
    possible, and the speed-up of the rest); 1 when this side is over `limit` slower on the median."""
    median = {side: statistics.median(t) * 1000 for side, t in times.items()}
    p99 = {side: _p99(t) * 1000 for side, t in times.items()}
    mean = {side: statistics.fmean(t) * 1000 for side, t in times.items()}
    best = {
        side: min(statistics.median(t[i : i + cases]) for i in range(0, len(t), cases)) * 1000
        for side, t in times.items()
    }
    ratio = median["this"] / median["base"] - 1
    print(f"cases per side: {len(times['this'])} ({rounds} rounds of {cases}, sides alternating)")
    for side, name in (("base", base_name), ("this", "this checkout")):
        print(
            f"{name}: median {median[side]:.3f} ms, p99 {p99[side]:.3f} ms, mean {mean[side]:.3f} ms, "
            f"lowest round median {best[side]:.3f} ms"
        )
    print(
        f"difference: median {ratio:+.1%}, p99 {p99['this'] / p99['base'] - 1:+.1%}, mean {mean['this'] / mean['base'] - 1:+.1%}"
    )
    print(
        f"speed-up (base / this): median {median['base'] / median['this']:.2f}x, p99 {p99['base'] / p99['this']:.2f}x, "
        f"lowest round median {best['base'] / best['this']:.2f}x"
    )
    if durable is not None:
        part, part_p99 = statistics.median(durable["this"]) * 1000, _p99(durable["this"]) * 1000
        print(
            f"durable-rules part of this checkout (DurableRuleset.run): median {part:.3f} ms, p99 {part_p99:.3f} ms; "
            f"at most possible while it derives each case: median {median['base'] / part:.2f}x, "
            f"p99 {p99['base'] / part_p99:.2f}x"
        )
        rest = {side: [total - d for total, d in zip(times[side], durable[side], strict=True)] for side in times}
        rest_median = {side: statistics.median(r) * 1000 for side, r in rest.items()}
        rest_p99 = {side: _p99(r) * 1000 for side, r in rest.items()}
        print(
            f"without durable-rules' part (each case's time less its part): base median {rest_median['base']:.3f} ms, "
            f"p99 {rest_p99['base']:.3f} ms; this checkout median {rest_median['this']:.3f} ms, "
            f"p99 {rest_p99['this']:.3f} ms; speed-up median {rest_median['base'] / rest_median['this']:.2f}x, "
            f"p99 {rest_p99['base'] / rest_p99['this']:.2f}x"
        )
    if target is not None:
        met = min(median["base"] / median["this"], p99["base"] / p99["this"]) >= target
        print(f"target {target:.1f}x on median and p99: {'met' if met else 'NOT met'}")
        if not met:
            return 1
    return 1 if ratio > limit else 0


if __name__ == "__main__":
    raise SystemExit(main())
