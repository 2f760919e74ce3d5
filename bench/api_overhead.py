"""What the API adds to an assessment, without the engine: this checkout against a base commit.

Usage (from the repository root):

    .venv/bin/python bench/api_overhead.py --base 558c792 [--requests 1500] [--rounds 6]

`bench/load_api.py` measures the whole service, and most of a request's CPU is the engine's,
which other work changes; and its load generator shares the machine's two cores with the
server. This script measures only what lies between the HTTP request and the engine and after
it: middleware, routing, authentication, validation, the hand-offs to threads, building and
serialising the record, and the group commit (SQLite on disk, `synchronous=FULL`).

Each side (this checkout, and the base checked out in a temporary git worktree) runs in a
worker process of its own with its own code (`reikwijdte serve`'s app, `web.app.create_site`,
rate limiting off, a temporary SQLite data directory). The engine's answers are computed once
before the timing and handed back from then on (the engine's `evaluate` is replaced on the
instance), so the engine costs (almost) nothing. The requests are sent as ASGI calls straight
into the app, `--concurrency` at a time, with no socket and no HTTP parser (uvicorn's part is the
same for both sides). The sides take turns round by round (the order swaps each round), so load
from elsewhere on the machine falls on both alike. Prints per side the median over the rounds of
wall time, process CPU time and the event loop thread's CPU time per request, and the ratios (the
rest of the process CPU is the other threads: the group writer with SQLite's writes, and the
threads the engine's answers are handed back in).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def worker(root: Path, data: Path) -> None:
    """Serve `<requests> <concurrency>` lines on stdin with one timed run each, answered as JSON."""
    sys.path.insert(0, str(root))
    import asyncio
    import logging
    import time

    from api import teams, tokens
    from api.app import freeze_startup_objects
    from api.settings import Settings, sqlite_url
    from web.app import create_site

    logging.disable(logging.WARNING)  # the request log line stays (it is part of the work); no warnings
    settings = Settings(data_dir=data, rules_dir=root / "rules", database_url=sqlite_url(data), rate_limit_per_minute=0)
    app = create_site(settings)
    services = app.state.services
    teams.create(services.db, "overhead-team", "voorbeeldstad")
    token, _ = tokens.create(services.db, "overhead", ["toegang"], "overhead-team")
    bodies = [json.dumps(case).encode() for case in json.loads(sys.stdin.readline())]

    known: dict[Any, Any] = {}
    evaluate = services.engine.evaluate

    def precomputed(casus: Any, gemeente: str | None, day: Any) -> Any:
        key = (casus.model_dump_json(), gemeente, day)
        if key not in known:
            known[key] = evaluate(casus, gemeente, day)
        return known[key]

    services.engine.evaluate = precomputed
    headers = [
        (b"host", b"bench"),
        (b"authorization", f"Bearer {token}".encode()),
        (b"content-type", b"application/json"),
    ]

    async def post(body: bytes) -> None:
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "POST",
            "scheme": "http",
            "path": "/v1/beoordelingen",
            "raw_path": b"/v1/beoordelingen",
            "query_string": b"",
            "root_path": "",
            "headers": [*headers, (b"content-length", str(len(body)).encode())],
            "client": ("127.0.0.1", 1),
            "server": ("127.0.0.1", 80),
        }
        delivered = False

        async def receive() -> dict[str, Any]:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            await asyncio.sleep(3600)  # no disconnect while the answer is being sent
            raise AssertionError("unreachable")

        status = []

        async def send(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                status.append(message["status"])

        await app(scope, receive, send)
        if status != [201]:
            raise SystemExit(f"answered {status}")

    async def run(total: int, concurrency: int) -> dict[str, float]:
        sent = 0

        async def client() -> None:
            nonlocal sent
            while sent < total:
                body = bodies[sent % len(bodies)]
                sent += 1
                await post(body)

        started, cpu, loop_cpu = time.perf_counter(), time.process_time(), time.thread_time()
        await asyncio.gather(*(client() for _ in range(concurrency)))
        return {
            "wall_ms": (time.perf_counter() - started) / total * 1000,
            "cpu_ms": (time.process_time() - cpu) / total * 1000,
            "loop_cpu_ms": (time.thread_time() - loop_cpu) / total * 1000,
        }

    async def serve() -> None:
        for body in bodies:  # the engine's answers, computed once, before any timing
            await post(body)
        freeze_startup_objects()
        print(json.dumps({"api": str(Path(sys.modules["api"].__file__ or "").parent)}), flush=True)
        for line in sys.stdin:
            total, concurrency = (int(x) for x in line.split())
            print(json.dumps(await run(total, concurrency)), flush=True)

    asyncio.run(serve())
    services.store.close()


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from bench import side_workers

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1500, help="requests per round and side")
    parser.add_argument("--concurrency", type=int, default=32)
    side_workers.add_side_arguments(parser, rounds=6)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.data)
        return 0

    from bench.load_api import case_variants

    def report(number: int, side: str, answer: dict[str, float]) -> None:
        print(f"round {number}, {side}: {answer}", flush=True)

    commit, results = side_workers.compare(
        __file__, args.base, json.dumps(case_variants(64)), args.rounds, f"{args.requests} {args.concurrency}", report
    )
    print(f"{args.rounds} rounds of {args.requests} requests per side, {args.concurrency} at a time")
    for key, name in (("wall_ms", "wall time"), ("cpu_ms", "process CPU"), ("loop_cpu_ms", "event loop thread CPU")):
        base = statistics.median(r[key] for r in results["base"])
        this = statistics.median(r[key] for r in results["this"])
        print(f"{name} per request: base {commit} {base:.3f} ms, this checkout {this:.3f} ms, ratio {this / base:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
