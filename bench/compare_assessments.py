"""Prove that a change changed no output: the same generated cases, assessed by two versions of the code.

Usage (from the repository root):

    .venv/bin/python bench/compare_assessments.py --basis 4e90e27             # 2,000 cases
    .venv/bin/python bench/compare_assessments.py --basis main --aantal 10000
    .venv/bin/python bench/compare_assessments.py --basis HEAD --regels rules  # same rules both sides

Generates cases with `engine/case_generator.py` (seeded; in every case some facts are unknown,
from all known to none known), and has each case assessed in every municipality configuration
(national defaults and every municipality of either version's rules) by

- the checkout: this working tree, uncommitted changes included, and
- the basis: revision REV, checked out in a temporary `git worktree` (removed afterwards),

each in its own process with its own tree first on PYTHONPATH, so that the basis runs its own
code. Each side reads its own `rules/` unless `--regels DIR` names one rules directory for both
(use that when the rules changed too, to compare only the code). Every assessment is compared as
its JSON (`Beoordeling.model_dump_json()`), byte for byte; an assessment one side refuses (an
error) is compared by its error. The receipt's `regelset.commit` is left out (set to null on both
sides): the sides always read their rules from different checkouts, so it would differ everywhere;
the receipt's content hashes still compare what the rules say. Every assessment that differs is listed with the fields that
differ; `--uitvoer DIR` also writes both JSON documents of the first `--details` differences.

Exit codes: 0 no difference, 1 differences, 2 could not run (unknown revision, rules that do not
load, a side that crashed).

The worker side (`--worker JOB`) uses only what every version of the engine has had:
`engine.loader.load_rulebase`, `engine.evaluator.Engine`, `engine.case.Casus` (and, where a version
has them, the dated parameter values, whose change days join the reference dates).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

#: Fractions of known facts the cases cycle through: complete, mostly known, partly known, none.
KNOWN_FRACTIONS = (1.0, 0.8, 0.6, 0.4, 0.2, 0.0)

Run = tuple[int, str | None, str]  # (case index, gemeente or None for national, peildatum ISO)


# -- the worker: one version of the code, in its own process ---------------------------------------


def _worker(job_file: Path) -> int:
    """Assess the job's runs with whatever `engine` is first on sys.path; one line per run."""
    job = json.loads(job_file.read_text())
    import engine  # from the tree PYTHONPATH names
    from engine.case import Casus
    from engine.evaluator import Engine
    from engine.loader import load_rulebase

    tree = Path(job["tree"]).resolve()
    loaded_from = Path(engine.__file__).resolve()
    if tree not in loaded_from.parents:
        print(f"worker: engine loaded from {loaded_from}, not from {tree}", file=sys.stderr)
        return 2
    try:
        base = load_rulebase(job["regels"])
    except Exception as exc:  # noqa: BLE001 - every failure to load is reported, whatever its type in this version
        print(f"worker: rules in {job['regels']} do not load:\n{exc}", file=sys.stderr)
        return 2
    if job["mode"] == "plan":
        days = {r.regel.geldig_vanaf for r in base.rules}
        days |= {r.regel.geldig_tot + dt.timedelta(days=1) for r in base.rules if r.regel.geldig_tot}
        # Dated parameter values (`perioden`, rule language 1.1; absent in older versions).
        dated = [getattr(p.spec, "perioden", None) for p in base.parameters.values()]
        dated += [getattr(v, "perioden", None) for g in base.gemeenten.values() for v in g.bestand.parameters.values()]
        for periode in (x for perioden in dated if perioden for x in perioden):
            days.add(periode.geldig_vanaf)
            if periode.geldig_tot is not None:
                days.add(periode.geldig_tot + dt.timedelta(days=1))
        from engine.facts import CASE_FACTS

        # The case facts this version knows, with their values where they are an enumeration.
        facts = {path: list(ft.values) for path, ft in CASE_FACTS.items()}
        plan = {"gemeenten": sorted(base.gemeenten), "peildata": sorted(d.isoformat() for d in days), "feiten": facts}
        Path(job["output"]).write_text(json.dumps(plan))
        return 0
    runner = Engine(base)
    full = job["mode"] == "full"
    with open(job["output"], "w", encoding="utf-8") as out:
        for index, gemeente, peildatum in job["runs"]:
            try:
                casus = Casus.model_validate(job["cases"][index])
                beoordeling = runner.evaluate(casus, gemeente=gemeente, peildatum=dt.date.fromisoformat(peildatum))
                if getattr(beoordeling.regelset, "commit", None) is not None:
                    # The two sides always come from different checkouts: the commit says where
                    # the rules were read, not what they say (the content hashes do that).
                    receipt = beoordeling.regelset.model_copy(update={"commit": None})
                    beoordeling = beoordeling.model_copy(update={"regelset": receipt})
                document = beoordeling.model_dump_json()
            except Exception as exc:  # noqa: BLE001 - an error is an outcome too: both sides must give the same
                document = json.dumps({"fout": type(exc).__name__, "melding": str(exc)}, ensure_ascii=False)
            if full:
                out.write(document + "\n")
            else:
                out.write(hashlib.sha256(document.encode()).hexdigest() + "\n")
    return 0


# -- the comparison ----------------------------------------------------------------------------------


class CompareError(Exception):
    """The comparison could not run (exit 2)."""


@dataclass
class Side:
    label: str
    tree: Path
    regels: Path


def _run_workers(sides: tuple[Side, ...], work: Path, mode: str, cases: list[Any], runs: list[Run]) -> list[Path]:
    """Run one worker per side, side by side (each in its own process), and return their outputs."""
    started = []
    for side in sides:
        name = f"{side.label}-{mode}"
        job = work / f"{name}.job.json"
        output = work / f"{name}.out"
        spec = {"tree": str(side.tree), "regels": str(side.regels), "mode": mode, "output": str(output)}
        job.write_text(json.dumps({**spec, "cases": cases, "runs": runs}, ensure_ascii=False))
        env = dict(os.environ, PYTHONPATH=str(side.tree))
        process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--worker", str(job)],
            cwd=side.tree,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        started.append((side, process, output))
    failures = []
    for side, process, _ in started:
        _, stderr = process.communicate()
        if process.returncode != 0:
            failures.append(f"{side.label} ({side.tree}) failed:\n{stderr.strip()}")
    if failures:
        raise CompareError("\n".join(failures))
    return [output for _, _, output in started]


def generate_cases(count: int, seed: int, known: dict[str, list[str]] | None = None) -> list[dict[str, Any]]:
    """`count` cases as JSON data, the fraction of known facts cycling through KNOWN_FRACTIONS.

    With `known` (fact path -> its values, empty when not an enumeration: the facts both sides
    know) a generated fact or value outside it is left out, so that a case field one version
    added does not make every case a difference.
    """
    from engine.case_generator import random_case  # the checkout's generator

    rng = random.Random(seed)
    cases = []
    for i in range(count):
        data = random_case(rng, KNOWN_FRACTIONS[i % len(KNOWN_FRACTIONS)]).model_dump(mode="json", exclude_none=True)
        cases.append(data if known is None else _common(data, known))
    return cases


def _common(data: dict[str, Any], known: dict[str, list[str]], prefix: str = "") -> dict[str, Any]:
    kept: dict[str, Any] = {}
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            inner = _common(value, known, path + ".")
            if inner:
                kept[key] = inner
        elif path in known:
            allowed = known[path]
            if isinstance(value, list):
                kept[key] = [v for v in value if v in allowed] if allowed else value
            elif not allowed or value in allowed:
                kept[key] = value
    return kept


def plan_runs(count: int, gemeenten: list[str], peildata: list[str]) -> list[Run]:
    """Every case in every configuration; the reference dates taken in turn, case by case."""
    configs: list[str | None] = [None, *gemeenten]
    return [(i, g, peildata[i % len(peildata)]) for i in range(count) for g in configs]


def _shown(value: Any, start: int = 0) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return ("..." if start else "") + text[start : start + 70] + ("..." if len(text) > start + 70 else "")


def differing_fields(a: Any, b: Any, path: str = "") -> Iterator[str]:
    """Where two JSON values differ: dotted paths (lists by position), texts from their first difference."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*a, *(k for k in b if k not in a)]:
            if key not in a or key not in b:
                yield f"{path}{key} (only in {'basis' if key in a else 'checkout'})"
            else:
                yield from differing_fields(a[key], b[key], f"{path}{key}.")
    elif isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            yield from differing_fields(x, y, f"{path}{i}.")
        if len(a) != len(b):
            yield f"{path.rstrip('.')} (length {len(a)} != {len(b)})"
    elif isinstance(a, str) and isinstance(b, str) and a != b:
        first = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
        start = max(0, first - 20)
        yield f"{path.rstrip('.')}: basis {_shown(a, start)}  checkout {_shown(b, start)}"
    elif a != b or type(a) is not type(b):
        yield f"{path.rstrip('.')}: basis {_shown(a)}  checkout {_shown(b)}"


def _label(run: Run) -> str:
    index, gemeente, peildatum = run
    return f"case {index}, {gemeente or 'landelijk'}, {peildatum}"


def compare_sides(
    sides: tuple[Side, Side], work: Path, count: int, seed: int, details: int, uitvoer: Path | None
) -> list[Run]:
    """Assess the same generated cases on both sides, print the differences, and return them."""
    gemeenten: set[str] = set()
    peildata: set[str] = set()
    plans = [json.loads(output.read_text()) for output in _run_workers(sides, work, "plan", [], [])]
    for plan in plans:
        gemeenten.update(plan["gemeenten"])
        peildata.update(plan["peildata"])
    first, second = (plan["feiten"] for plan in plans)
    known = {path: [v for v in values if v in second[path]] for path, values in first.items() if path in second}
    only = sorted(set(first) ^ set(second))
    if only or any(set(first[p]) != set(second[p]) for p in known):
        print(f"case facts not known to both sides are left out of the cases: {', '.join(only) or 'some values'}")
    cases = generate_cases(count, seed, known)
    runs = plan_runs(count, sorted(gemeenten), sorted(peildata))
    print(
        f"{count} cases x {1 + len(gemeenten)} configurations (landelijk, {', '.join(sorted(gemeenten))}),"
        f" peildata {', '.join(sorted(peildata))}: {len(runs)} assessments per side"
    )
    digests = [out.read_text().splitlines() for out in _run_workers(sides, work, "digest", cases, runs)]
    if any(len(d) != len(runs) for d in digests):
        raise CompareError("a side did not assess every case")
    differing = [run for run, a, b in zip(runs, *digests, strict=True) if a != b]
    shown = differing[:details]
    if shown:
        documents = [out.read_text().splitlines() for out in _run_workers(sides, work, "full", cases, shown)]
        if uitvoer is not None:
            uitvoer.mkdir(parents=True, exist_ok=True)
        for k, (run, a, b) in enumerate(zip(shown, *documents, strict=True)):
            fields = list(differing_fields(json.loads(a), json.loads(b)))
            print(f"DIFFERS: {_label(run)}")
            for line in fields[:10]:
                print(f"    {line}")
            if len(fields) > 10:
                print(f"    ... and {len(fields) - 10} more")
            if uitvoer is not None:
                for label, text in (("basis", a), ("checkout", b)):
                    (uitvoer / f"{k:04d}-{label}.json").write_text(text + "\n")
                (uitvoer / f"{k:04d}-case.json").write_text(json.dumps(cases[run[0]], indent=2) + "\n")
    for run in differing[details:]:
        print(f"DIFFERS: {_label(run)}")
    if differing:
        print(f"{len(differing)} of {len(runs)} assessments differ")
    else:
        print(f"no difference: {len(runs)} assessments identical byte for byte")
    return differing


def compare(basis: str, count: int, seed: int, regels: Path | None, details: int, uitvoer: Path | None) -> int:
    """Compare the checkout with revision `basis` (checked out in a temporary worktree): the exit code."""
    started = time.perf_counter()
    sys.path.insert(0, str(ROOT))  # here only: a worker puts its own side's tree first
    from bench import worktree

    work = Path(tempfile.mkdtemp(prefix="compare-assessments-"))
    tree = work / "basis"
    try:
        with worktree.checked_out(basis, tree) as commit:
            print(f"basis {basis} ({commit}) against the checkout {ROOT}")
            print(f"rules: {'both ' + str(regels) if regels else 'each side its own rules/'}")
            sides = (
                Side("basis", tree, regels or tree / "rules"),
                Side("checkout", ROOT, regels or ROOT / "rules"),
            )
            differing = compare_sides(sides, work, count, seed, details, uitvoer)
        print(f"time: {time.perf_counter() - started:.0f} s")
        return 1 if differing else 0
    except (CompareError, worktree.WorktreeError) as exc:
        print(f"compare_assessments: {exc}", file=sys.stderr)
        return 2
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--basis", help="git revision to compare the checkout with")
    parser.add_argument("--aantal", type=int, default=2_000, help="number of generated cases (default 2,000)")
    parser.add_argument("--seed", type=int, default=2015)
    parser.add_argument("--regels", type=Path, help="one rules directory for both sides (default: each its own)")
    parser.add_argument("--details", type=int, default=50, help="differences shown field by field (default 50)")
    parser.add_argument("--uitvoer", type=Path, help="write both JSON documents of those differences here")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        return _worker(args.worker)
    if not args.basis:
        parser.error("--basis REV is required")
    regels = args.regels.resolve() if args.regels else None
    sys.path.insert(0, str(ROOT))  # the checkout's case generator, whatever the virtualenv installed
    return compare(args.basis, args.aantal, args.seed, regels, args.details, args.uitvoer)


if __name__ == "__main__":
    sys.exit(main())
