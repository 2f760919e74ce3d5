"""How long a stored assessment waits for its commit, at a steady rate: this checkout against a base.

Usage (from the repository root):

    .venv/bin/python bench/commit_latency.py --base main [--rate 150] [--seconds 20] [--rounds 3]
    .venv/bin/python bench/commit_latency.py --base main --database postgresql [--postgres-url URL]

The paced phase of `bench/load_api.py` measures a request from the client's side, where the
engine, the framework and the load generator add their own variation. This script measures only
the part the disk decides: the time from handing a row to the group writer (`Store.add_beoordeling`)
to hearing it is committed, on SQLite in WAL mode with `synchronous=FULL` (or, with `--database
postgresql`, in a new database per side on that server, dropped afterwards, also when the run is
interrupted), the same documents the
API stores (the 64 load cases of `bench/load_api.py`, assessed once up front). Rows are submitted on
a fixed schedule (`--rate` per second, as the paced phase does), each as its own task on an event
loop, as the server does; a row that is submitted late counts the lateness.

Each side (this checkout, and the base checked out in a temporary git worktree) runs in a worker
process of its own with its own code and a new database; the sides take turns round by round (the
order swaps each round). Prints per side and round the median, p99 and maximum wait, and the
median over the rounds of each with the ratios. The wait is mostly fsync, so other processes'
CPU load disturbs it less than the latency of a whole request, but the disk is shared too.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def worker(root: Path, data: Path) -> None:
    """Answer each `<rate> <seconds>` line on stdin with one paced run's waits, as JSON.

    The first line holds the cases and the database to use (None: SQLite in `data`)."""
    sys.path.insert(0, str(root))
    from api.settings import normalise_url, sqlite_url

    setup = json.loads(sys.stdin.readline())
    url = setup["database_url"]
    _measure(root, sqlite_url(data) if url is None else normalise_url(url), setup["cases"])


def _measure(root: Path, url: str, cases: list[Any]) -> None:
    import asyncio
    import datetime as dt
    import time

    from api import teams, tokens
    from api.database import make_engine, migrate
    from api.models import BeoordelingAanvraag
    from api.store import NieuweBeoordeling, Store
    from engine.evaluator import Engine
    from engine.loader import load_rulebase

    requests = [BeoordelingAanvraag.model_validate(v) for v in cases]
    assessor = Engine(load_rulebase(root / "rules"))
    documents: list[Any] = [
        assessor.evaluate(r.casus, r.gemeente, r.peildatum or dt.date(2025, 1, 1)).model_dump_json() for r in requests
    ]
    if NieuweBeoordeling.__dataclass_fields__["document"].type == "bytes":
        # Since the document goes to the database as UTF-8 (`api.utf8_text`); a base before that takes text.
        documents = [document.encode() for document in documents]
    engine = make_engine(url)
    migrate(engine)
    team = teams.create(engine, "latency-team", "voorbeeldstad")
    _, token = tokens.create(engine, "latency", ["toegang"], team.naam)
    store = Store(engine)

    def row(number: int) -> NieuweBeoordeling:
        return NieuweBeoordeling(
            id=str(uuid.uuid4()),
            token_id=token.id,
            aangemaakt_door="latency",
            aangemaakt_op=dt.datetime.now(dt.UTC),
            casus_kenmerk=None,
            gemeente=None,
            peildatum=dt.date(2025, 1, 1),
            regelset_versie="bench",
            document=documents[number % len(documents)],
            idempotentie_sleutel=None,
            verzoek_hash=None,
            team_id=team.id,
            reikwijdte="binnen",
            toegang="vrij_toegankelijk",
        )

    async def paced(rate: float, seconds: float) -> list[float]:
        waits: list[float] = []
        total = int(rate * seconds)
        started = time.perf_counter()

        async def one(number: int) -> None:
            scheduled = started + number / rate
            await asyncio.sleep(max(0.0, scheduled - time.perf_counter()))
            await store.add_beoordeling(row(number))
            waits.append((time.perf_counter() - scheduled) * 1000)

        await asyncio.gather(*(one(n) for n in range(total)))
        return waits

    async def serve() -> None:
        await paced(50, 1)  # the writer thread started and the tables warm, not measured
        print(json.dumps({"api": str(Path(sys.modules["api"].__file__ or "").parent)}), flush=True)
        for line in sys.stdin:
            rate, seconds = (float(x) for x in line.split())
            waits = sorted(await paced(rate, seconds))
            print(
                json.dumps(
                    {
                        "median_ms": statistics.median(waits),
                        "p99_ms": waits[min(len(waits) - 1, int(len(waits) * 0.99))],
                        "max_ms": waits[-1],
                        "rows": len(waits),
                    }
                ),
                flush=True,
            )

    asyncio.run(serve())
    store.close()
    engine.dispose()


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from bench import side_workers

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=150, help="rows per second")
    parser.add_argument("--seconds", type=float, default=20, help="length of each paced run")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument(
        "--postgres-url",
        help="a PostgreSQL server's maintenance database (default: the local server's `postgres`); each side "
        "gets a new database on it, dropped afterwards",
    )
    side_workers.add_side_arguments(parser, rounds=3)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.data)
        return 0

    from bench.load_api import (
        POSTGRES_ADMIN_URL,
        PostgresDatabases,
        SetupError,
        case_variants,
        interrupts_as_keyboard_interrupt,
    )

    stack = contextlib.ExitStack()
    urls: dict[str, str | None] = {"base": None, "this": None}
    if args.database == "postgresql":
        databases = PostgresDatabases(args.postgres_url or POSTGRES_ADMIN_URL)
        stack.callback(databases.close)
        try:
            databases.check()
        except SetupError as exc:
            stack.close()
            print(f"cannot run: {exc}", file=sys.stderr)
            return 2
        for side in urls:
            name, urls[side] = databases.create()
            stack.callback(databases.drop, name)
    cases = case_variants(64)

    def report(number: int, side: str, figures: dict[str, float]) -> None:
        print(
            f"round {number}, {side}: {figures['rows']:.0f} rows at {args.rate:g}/s, wait median "
            f"{figures['median_ms']:.2f} ms, p99 {figures['p99_ms']:.2f} ms, max {figures['max_ms']:.2f} ms",
            flush=True,
        )

    # The databases dropped again whatever happens: also on Ctrl-C, SIGTERM or SIGHUP.
    try:
        with stack, interrupts_as_keyboard_interrupt():
            commit, results = side_workers.compare(
                __file__,
                args.base,
                lambda side: json.dumps({"cases": cases, "database_url": urls[side]}),
                args.rounds,
                f"{args.rate} {args.seconds}",
                report,
            )
    except KeyboardInterrupt:
        print("\ninterrupted; workers stopped, temporary databases and worktree removed", file=sys.stderr)
        return 130
    print(f"{args.rounds} rounds of {args.seconds:g} s at {args.rate:g} rows per second per side, {args.database}")
    for key in ("median_ms", "p99_ms", "max_ms"):
        base = statistics.median(r[key] for r in results["base"])
        this = statistics.median(r[key] for r in results["this"])
        print(f"wait {key[:-3]}: base {commit} {base:.2f} ms, this checkout {this:.2f} ms, ratio {this / base:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
