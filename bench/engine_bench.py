"""Engine benchmark and soak run: latency, throughput and memory over generated cases.

Usage (from the repository root):

    .venv/bin/python bench/engine_bench.py                 # 100,000 cases, full rule set
    .venv/bin/python bench/engine_bench.py --cases 20000 --json reports/bench.json

Every assessment must succeed (a failure stops the run with exit 1). The run also checks the
targets of this 2-core machine: median <= 2 ms, p99 <= 10 ms per assessment in-process, and
memory growth under 20 MB over the run; `--no-check` only reports.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import statistics
import sys
import time
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from engine.case_generator import random_cases
from engine.evaluator import Engine
from engine.loader import load_rulebase

ROOT = Path(__file__).resolve().parent.parent

TARGET_MEDIAN_MS = 2.0
TARGET_P99_MS = 10.0
TARGET_GROWTH_MB = 20.0


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def percentile(sorted_values: list[float], fraction: float) -> float:
    index = min(len(sorted_values) - 1, max(0, round(fraction * (len(sorted_values) - 1))))
    return sorted_values[index]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--warmup", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=2015)
    parser.add_argument("--rules", type=Path, default=ROOT / "rules")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--no-check", action="store_true", help="report only; do not fail on targets")
    args = parser.parse_args()

    base = load_rulebase(args.rules)
    engine = Engine(base)
    gemeenten: list[str | None] = [None, *sorted(base.gemeenten)]
    day = dt.date(2025, 1, 1)

    for i, casus in enumerate(random_cases(args.warmup, seed=args.seed + 1)):
        engine.evaluate(casus, gemeente=gemeenten[i % len(gemeenten)], peildatum=day)
    gc.collect()
    memory_before = rss_mb()

    latencies: list[float] = []
    evaluating = 0.0
    wall_start = time.perf_counter()
    columns = (TextColumn("beoordelingen"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=False, disable=not sys.stderr.isatty()) as progress:
        task = progress.add_task("bench", total=args.cases)
        for i, casus in enumerate(random_cases(args.cases, seed=args.seed)):
            start = time.perf_counter()
            engine.evaluate(casus, gemeente=gemeenten[i % len(gemeenten)], peildatum=day)
            elapsed = time.perf_counter() - start
            evaluating += elapsed
            latencies.append(elapsed * 1000)
            if i % 500 == 0:
                progress.update(task, completed=i + 1)
                if not sys.stderr.isatty() and i % 10_000 == 0:
                    print(f"  {i} / {args.cases}", file=sys.stderr, flush=True)
        progress.update(task, completed=args.cases)
    wall = time.perf_counter() - wall_start
    gc.collect()
    memory_after = rss_mb()

    latencies.sort()
    figures = {
        "cases": args.cases,
        "rules": len({r.id for r in base.rules}),
        "municipality_configurations": len(gemeenten),
        "median_ms": round(statistics.median(latencies), 3),
        "p99_ms": round(percentile(latencies, 0.99), 3),
        "max_ms": round(latencies[-1], 3),
        "throughput_per_s_evaluation_only": round(args.cases / evaluating, 1),
        "throughput_per_s_including_case_generation": round(args.cases / wall, 1),
        "memory_before_mb": round(memory_before, 1),
        "memory_after_mb": round(memory_after, 1),
        "memory_growth_mb": round(memory_after - memory_before, 1),
    }
    for key, value in figures.items():
        print(f"{key:45} {value}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2))

    failures = []
    if figures["median_ms"] > TARGET_MEDIAN_MS:
        failures.append(f"median {figures['median_ms']} ms > {TARGET_MEDIAN_MS} ms")
    if figures["p99_ms"] > TARGET_P99_MS:
        failures.append(f"p99 {figures['p99_ms']} ms > {TARGET_P99_MS} ms")
    if figures["memory_growth_mb"] >= TARGET_GROWTH_MB:
        failures.append(f"memory growth {figures['memory_growth_mb']} MB >= {TARGET_GROWTH_MB} MB")
    for failure in failures:
        print(f"TARGET MISSED: {failure}")
    if not failures:
        print("all targets met")
    return 1 if failures and not args.no_check else 0


if __name__ == "__main__":
    sys.exit(main())
