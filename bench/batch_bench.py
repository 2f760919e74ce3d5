"""Benchmarks of the batch path (issue 18): per case against durable-rules, and a whole caseload.

Usage (from the repository root):

    .venv/bin/python bench/batch_bench.py per-casus --aantal 10000
    .venv/bin/python bench/batch_bench.py schaal --aantal 1000000 --configuraties 1
    .venv/bin/python bench/batch_bench.py schaal --aantal 1000000 --configuraties 4

`per-casus`: the same generated cases (engine/case_generator.py, partly known, national
configuration) evaluated by the batch evaluator and by durable-rules without explanation
(`Engine.outcomes`), interleaved in `--rondes` rounds in one process; reports the best round of
each as CPU time per case and the ratio, and checks that both give the same outcome fields.

`schaal`: a synthetic caseload (engine/batch/synthetic.py) through the what-if
(`leefwereld.watals.voer_uit`): base rules `rules/`, current rules the same with voorbeeldstad's
cost threshold lowered, so there is something to compare. `--configuraties 1`: every case in
voorbeeldstad; `4`: cases without a municipality, so each is evaluated in all four
configurations. Reports wall and CPU time per phase and the peak resident memory of the process
(run one size per process, so the peak is that size's own).
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DAY = dt.date(2026, 1, 1)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _machine() -> str:
    import os

    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def per_case(count: int, rounds: int) -> None:
    from engine.batch.caseload import frame_from_cases
    from engine.batch.evaluate import BatchEngine, flat_outcome, outcome_of_row
    from engine.case_generator import random_case
    from engine.evaluator import Engine
    from engine.loader import load_rulebase

    base = load_rulebase(ROOT / "rules")
    engine, batch = Engine(base), BatchEngine(base)
    rng = random.Random(2015)
    fractions = (1.0, 0.8, 0.6, 0.4, 0.2, 0.0)
    cases = [random_case(rng, fractions[i % len(fractions)]) for i in range(count)]
    frame = frame_from_cases(cases)
    engine.outcomes(cases[0], None, DAY)  # compile and register once, outside the timing
    batch.evaluate(frame.head(10), DAY, None)
    best_batch = best_durable = float("inf")
    for round_ in range(rounds):
        order = ("batch", "durable") if round_ % 2 == 0 else ("durable", "batch")
        for which in order:
            start = _cpu()
            if which == "batch":
                results = batch.evaluate(frame, DAY, None)
                best_batch = min(best_batch, _cpu() - start)
            else:
                durable = [engine.outcomes(c, None, DAY) for c in cases]
                best_durable = min(best_durable, _cpu() - start)
    rows = results.to_dicts()
    differ = sum(1 for d, r in zip(durable, rows, strict=True) if flat_outcome(d.velden) != outcome_of_row(r))
    print(f"machine: {_machine()}")
    print(f"{count} cases, national configuration, {rounds} interleaved rounds, best round of each (CPU time)")
    print(f"batch:   {best_batch:.3f} s  = {best_batch / count * 1e6:.1f} µs per case")
    print(f"durable: {best_durable:.3f} s  = {best_durable / count * 1e6:.1f} µs per case (without explanation)")
    print(f"ratio:   {best_durable / best_batch:.0f}x; cases whose outcome fields differ: {differ}")


def scale(count: int, configurations: int, controle: int) -> None:
    from engine.batch.synthetic import synthetic_caseload
    from engine.loader import load_rulebase
    from leefwereld.watals import voer_uit

    with tempfile.TemporaryDirectory() as tmp:
        current = Path(tmp) / "rules"
        shutil.copytree(ROOT / "rules", current)
        target = current / "gemeenten" / "voorbeeldstad.yaml"
        target.write_text(target.read_text().replace("kostendrempel: 2500", "kostendrempel: 1200"))
        old_base, new_base = load_rulebase(ROOT / "rules"), load_rulebase(current)
    codes: list[str | None] = ["voorbeeldstad"] if configurations == 1 else [None]
    start, cpu = time.perf_counter(), _cpu()
    caseload = synthetic_caseload(count, 2015, codes)
    made, made_cpu = time.perf_counter() - start, _cpu() - cpu
    phases: dict[str, tuple[float, float]] = {}
    marks = {"t": time.perf_counter(), "c": _cpu()}

    def progress(step: str, done: int, total: int) -> None:
        if done == total:
            now, now_cpu = time.perf_counter(), _cpu()
            phases[step] = (now - marks["t"], now_cpu - marks["c"])
            marks["t"], marks["c"] = now, now_cpu
        elif done == 0:
            marks["t"], marks["c"] = time.perf_counter(), _cpu()

    start, cpu = time.perf_counter(), _cpu()
    result = voer_uit(old_base, new_base, "rules", caseload, None, DAY, controle, progress=progress)
    wall, used = time.perf_counter() - start, _cpu() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    print(f"machine: {_machine()}")
    print(f"{count} cases x {configurations} configuration(s) = {result.beoordelingen} assessments per rule version")
    print(f"synthetic caseload: {made:.2f} s wall, {made_cpu:.2f} s CPU (not part of the run)")
    for step, (w, c) in phases.items():
        print(f"  {step}: {w:.2f} s wall, {c:.2f} s CPU")
    print(
        f"what-if (base + current, compare, summary, controle {controle} per configuration): {wall:.2f} s wall, {used:.2f} s CPU"
    )
    print(f"changed: {result.gewijzigd.height}; controle differences: {len(result.controle)}")
    print(f"peak resident memory of the process: {peak:.2f} GB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="mode", required=True)
    a = sub.add_parser("per-casus")
    a.add_argument("--aantal", type=int, default=10_000)
    a.add_argument("--rondes", type=int, default=2)
    b = sub.add_parser("schaal")
    b.add_argument("--aantal", type=int, default=100_000)
    b.add_argument("--configuraties", type=int, choices=(1, 4), default=1)
    b.add_argument("--controle", type=int, default=200)
    args = parser.parse_args()
    if args.mode == "per-casus":
        per_case(args.aantal, args.rondes)
    else:
        scale(args.aantal, args.configuraties, args.controle)


if __name__ == "__main__":
    main()
