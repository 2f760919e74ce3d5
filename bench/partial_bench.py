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
median and mean per assessment of each side and the ratio; exits 1 when this checkout is more
than `--limit` (default 20%) slower on the median.
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

ROOT = Path(__file__).resolve().parent.parent


def worker(root: Path) -> None:
    """Serve `<seed> <count>` requests on stdin: evaluate, answer the per-case times as JSON."""
    sys.path.insert(0, str(root))
    import datetime as dt

    from engine.case_generator import random_cases
    from engine.evaluator import Engine
    from engine.loader import load_rulebase

    engine = Engine(load_rulebase(root / "rules"))
    gemeenten: list[str | None] = [None, *sorted(engine.base.gemeenten)]
    day = dt.date(2025, 1, 1)
    for i, casus in enumerate(random_cases(500, seed=7)):  # warm-up: compile every municipality
        engine.evaluate(casus, gemeente=gemeenten[i % len(gemeenten)], peildatum=day)
    print(json.dumps({"engine": str(Path(sys.modules["engine"].__file__).parent)}), flush=True)
    for line in sys.stdin:
        seed, count = (int(x) for x in line.split())
        times = []
        for i, casus in enumerate(random_cases(count, seed=seed)):
            start = time.thread_time()
            engine.evaluate(casus, gemeente=gemeenten[i % len(gemeenten)], peildatum=day)
            times.append(time.thread_time() - start)
        print(json.dumps(times), flush=True)


def start(root: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, __file__, "--worker", str(root)],
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


def ask(process: subprocess.Popen[str], seed: int, count: int) -> list[float]:
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
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker)
        return 0

    commit = subprocess.run(
        ["git", "rev-parse", "--short", args.base], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="partial-bench-") as tmp:
        base_root = Path(tmp) / "base"
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(base_root), commit], cwd=ROOT, check=True, capture_output=True
        )
        try:
            sides = {"base": start(base_root), "this": start(ROOT)}
            times: dict[str, list[float]] = {"base": [], "this": []}
            for round_ in range(args.rounds):
                order = ["base", "this"] if round_ % 2 == 0 else ["this", "base"]
                for side in order:
                    times[side].extend(ask(sides[side], 2015 + round_, args.cases))
            for process in sides.values():
                assert process.stdin is not None
                process.stdin.close()
                process.wait()
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base_root)], cwd=ROOT, check=False)
    median = {side: statistics.median(t) * 1000 for side, t in times.items()}
    mean = {side: statistics.fmean(t) * 1000 for side, t in times.items()}
    ratio = median["this"] / median["base"] - 1
    print(f"cases per side: {len(times['this'])} ({args.rounds} rounds of {args.cases}, sides alternating)")
    print(f"base {commit}: median {median['base']:.3f} ms, mean {mean['base']:.3f} ms")
    print(f"this checkout: median {median['this']:.3f} ms, mean {mean['this']:.3f} ms")
    print(f"difference: median {ratio:+.1%}, mean {mean['this'] / mean['base'] - 1:+.1%}")
    return 1 if ratio > args.limit else 0


if __name__ == "__main__":
    raise SystemExit(main())
