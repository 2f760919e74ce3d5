"""What PostgreSQL's compression of a stored assessment costs: pglz (its default) against lz4.

Usage (from the repository root; needs the PostgreSQL server `bench/load_api.py` uses):

    .venv/bin/python bench/pg_compression.py [--rows 640] [--rounds 3] [--postgres-url URL]

PostgreSQL compresses a long text before it stores it (TOAST), in the database server's process,
on the same cores as the API. This script evaluates the load test's 64 cases once, then inserts
their JSON documents (`--rows` rows, one transaction) into a scratch table whose text column uses
pglz, lz4, or no compression (`STORAGE EXTERNAL`), in turns, and prints per method the median
wall time per row (the client waits for the server's work) and the table's size per row. The
scratch table is dropped at the end. Migration 0005 chose lz4 for `beoordelingen.document` from
these figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load_api import POSTGRES_ADMIN_URL, case_variants  # noqa: E402 - after the checkout is on the path

TABLE = "reikwijdte_bench_compressie"
METHODS = {
    "pglz": f"CREATE TABLE {TABLE} (id integer, document text COMPRESSION pglz)",
    "lz4": f"CREATE TABLE {TABLE} (id integer, document text COMPRESSION lz4)",
    "none": f"CREATE TABLE {TABLE} (id integer, document text); ALTER TABLE {TABLE} ALTER COLUMN document SET STORAGE EXTERNAL",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=640)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--postgres-url", default=POSTGRES_ADMIN_URL)
    args = parser.parse_args()

    import psycopg

    from api.models import BeoordelingAanvraag
    from engine.evaluator import Engine
    from engine.loader import load_rulebase

    engine = Engine(load_rulebase(ROOT / "rules"))
    requests = [BeoordelingAanvraag.model_validate(case) for case in case_variants(64)]
    documents = [
        engine.evaluate(r.casus, r.gemeente, r.peildatum or dt.date.today()).model_dump_json() for r in requests
    ]
    rows = [(number, documents[number % len(documents)]) for number in range(args.rows)]
    print(
        f"{len(documents)} documents, {statistics.fmean(len(d.encode()) for d in documents) / 1000:.1f} KB on average"
    )
    times: dict[str, list[float]] = {method: [] for method in METHODS}
    sizes: dict[str, float] = {}
    with psycopg.connect(args.postgres_url, autocommit=True) as conn:
        try:
            for _ in range(args.rounds):
                for method, create in METHODS.items():
                    conn.execute(f"DROP TABLE IF EXISTS {TABLE}")
                    for statement in create.split("; "):
                        conn.execute(statement)
                    started = time.perf_counter()
                    with conn.transaction(), conn.cursor() as cursor:
                        cursor.executemany(f"INSERT INTO {TABLE} VALUES (%s, %s)", rows)
                    times[method].append((time.perf_counter() - started) / len(rows) * 1000)
                    size = conn.execute(f"SELECT pg_total_relation_size('{TABLE}')").fetchone()
                    sizes[method] = (size[0] if size else 0) / len(rows) / 1000
        finally:
            conn.execute(f"DROP TABLE IF EXISTS {TABLE}")
    for method in METHODS:
        print(f"{method:5s} {statistics.median(times[method]):.3f} ms per row, {sizes[method]:.1f} KB per row")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
