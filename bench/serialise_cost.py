"""What writing an assessment as JSON costs, and what it would cost from plain data.

Usage (from the repository root):

    .venv/bin/python bench/serialise_cost.py [--rounds 7]

The API answers and stores `model_dump_json()` of the record (`api.usecases`), most of it the
engine's `Beoordeling` with its explanation. This script evaluates the load test's 64 cases
(`bench/load_api.py`) once and then times, per assessment (median of the rounds):
- `model_dump_json()` of the `Beoordeling`, as the API does;
- `model_dump()`, the step to plain data (what an engine that returns models would have to add);
- `pydantic_core.to_json` and, when installed, `orjson.dumps` of that plain data, checking
  that both give exactly the bytes of `model_dump_json()`;
- `api.documents.model_json`, what the API writes since issue 19 (the engine's shared entries
  written once, the pieces joined by orjson), with the same check.
So it tells what a faster JSON encoder would gain if the engine's result were plain data, and
what the pieces gain without it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load_api import case_variants  # noqa: E402 - after the checkout is on the path


def per_item_ms(function: Callable[[Any], object], items: list[Any], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        for item in items:
            function(item)
        times.append((time.perf_counter() - started) / len(items) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()

    import pydantic_core

    from api.documents import model_json
    from api.models import BeoordelingAanvraag
    from engine.evaluator import Engine
    from engine.loader import load_rulebase

    engine = Engine(load_rulebase(ROOT / "rules"))
    requests = [BeoordelingAanvraag.model_validate(case) for case in case_variants(64)]
    models = [engine.evaluate(r.casus, r.gemeente, r.peildatum or dt.date.today()) for r in requests]
    plain = [model.model_dump() for model in models]
    expected = [model.model_dump_json().encode() for model in models]
    print(f"{len(models)} assessments, {statistics.fmean(len(e) for e in expected) / 1000:.1f} KB of JSON on average")
    print(f"model_dump_json():           {per_item_ms(lambda m: m.model_dump_json(), models, args.rounds):.3f} ms")
    print(f"model_dump() (plain data):   {per_item_ms(lambda m: m.model_dump(), models, args.rounds):.3f} ms")
    same = all(model_json(m) == e for m, e in zip(models, expected, strict=True))
    print(f"api.documents.model_json():  {per_item_ms(model_json, models, args.rounds):.3f} ms, same bytes: {same}")
    same = all(pydantic_core.to_json(p) == e for p, e in zip(plain, expected, strict=True))
    timed = per_item_ms(pydantic_core.to_json, plain, args.rounds)
    print(f"pydantic_core.to_json(plain): {timed:.3f} ms, same bytes: {same}")
    try:
        import orjson
    except ImportError:
        print("orjson is not installed: not measured")
        return 0
    same = all(orjson.dumps(p) == e for p, e in zip(plain, expected, strict=True))
    print(f"orjson.dumps(plain):         {per_item_ms(orjson.dumps, plain, args.rounds):.3f} ms, same bytes: {same}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
