"""Worker processes, one per side of a comparison, each running its own checkout's code.

A benchmark that compares this checkout with a base commit in one process would import one
side's modules for both. So each side runs the benchmark script itself in a worker process
(`script --worker ROOT --data DIR`) with that side's tree first on `PYTHONPATH`, reading one
line per timed run on stdin and answering each with one line of JSON. The worker's first answer
names the `api` package it imported, and a worker that imported the other side's is refused.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from bench import worktree

#: What a worker must not inherit: it would point the side at another database or rules.
_ENVIRONMENT_NOT_PASSED = ("DATABASE_URL", "REIKWIJDTE_REGELS", "REIKWIJDTE_DATA")


def add_side_arguments(parser: argparse.ArgumentParser, rounds: int) -> None:
    """`--base` and `--rounds` (`compare`), and the hidden options a script is started with as a
    worker (`start`)."""
    parser.add_argument("--base", default="main", help="the commit to compare with")
    parser.add_argument("--rounds", type=int, default=rounds)
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)


def start(script: str, root: Path, data: Path, first_line: str) -> subprocess.Popen[str]:
    """`script` as a worker for the checkout at `root`, given `first_line`; started once it answered."""
    env = dict(os.environ, PYTHONPATH=str(root))
    for name in _ENVIRONMENT_NOT_PASSED:
        env.pop(name, None)
    process = subprocess.Popen(
        [sys.executable, script, "--worker", str(root), "--data", str(data)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=root,
        env=env,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(first_line + "\n")
    process.stdin.flush()
    hello = json.loads(process.stdout.readline())
    if Path(hello["api"]).resolve() != (root / "api").resolve():
        raise SystemExit(f"worker for {root} imported the API from {hello['api']}")
    return process


def ask(process: subprocess.Popen[str], line: str) -> dict[str, Any]:
    """One timed run: `line` to the worker, its JSON answer back."""
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(line + "\n")
    process.stdin.flush()
    answer: dict[str, Any] = json.loads(process.stdout.readline())
    return answer


def stop(processes: Iterable[subprocess.Popen[str]]) -> None:
    """Close each worker's stdin (it finishes what it holds and ends); kill one that hangs."""
    for process in processes:
        assert process.stdin is not None
        process.stdin.close()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def turns(rounds: int) -> Iterator[tuple[int, tuple[str, str]]]:
    """Each round's number and the order of the sides in it: it swaps every round."""
    for round_ in range(rounds):
        yield round_ + 1, ("base", "this") if round_ % 2 == 0 else ("this", "base")


def compare(
    script: str,
    base: str,
    first_line: str | Callable[[str], str],
    rounds: int,
    line: str,
    report: Callable[[int, str, dict[str, Any]], None],
) -> tuple[str, dict[str, list[dict[str, Any]]]]:
    """This checkout against `base` (checked out in a temporary worktree), a worker per side with
    a new data directory each, given `first_line` (or `first_line(side)`, "base" or "this"),
    `rounds` rounds of `line`, taking turns; `report(round, side, answer)` after each run. Returns
    the base's commit and each side's answers, in order."""
    with tempfile.TemporaryDirectory(prefix="bench-sides-") as tmp:
        base_root = Path(tmp) / "base"
        with worktree.checked_out(base, base_root) as commit:
            processes: dict[str, subprocess.Popen[str]] = {}
            try:
                for side, root in (("base", base_root), ("this", worktree.ROOT)):
                    first = first_line(side) if callable(first_line) else first_line
                    processes[side] = start(script, root, Path(tmp) / side, first)
                results: dict[str, list[dict[str, Any]]] = {"base": [], "this": []}
                for number, order in turns(rounds):
                    for side in order:
                        results[side].append(ask(processes[side], line))
                        report(number, side, results[side][-1])
            finally:
                stop(processes.values())  # each finishes what it holds and ends
    return commit, results
