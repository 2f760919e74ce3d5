"""Load test of the HTTP API: case submissions from 32 concurrent clients, on loopback only.

Starts `reikwijdte serve` itself on 127.0.0.1 (a free port, a temporary data directory with
SQLite), creates a team and a `toegang` token in it, sends the requests with httpx (async, one keep-alive
connection per client), then checks that every acknowledged assessment is in the database and
that no case data reached the server log, reports throughput, median and p99 latency, errors and
CPU per request, and stops the server. Bounded by request count and by wall time per phase.

Two phases by default, each --requests long:
- closed: every client sends its next case as soon as it has an answer (the capacity);
- paced: --rate requests per second in all on a fixed schedule (the latency at that load; a
  request that starts late counts its lateness, so falling behind shows in p99).

    .venv/bin/python bench/load_api.py [--requests 10000] [--phases closed,paced] [--rate 220]

Exit code 0 when there were no errors, everything acknowledged was stored, no case data was
logged, and the paced phase (or the closed one when run alone) met --min-rps and --max-p99-ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HOST = "127.0.0.1"  # loopback only, by design


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def make_token(data_dir: Path) -> str:
    from api import teams, tokens
    from api.database import make_engine, migrate
    from api.settings import sqlite_url

    db = make_engine(sqlite_url(data_dir))
    try:
        migrate(db)
        teams.create(db, "loadtest-team", "voorbeeldstad")
        token, _ = tokens.create(db, "loadtest", ["toegang"], "loadtest-team")
    finally:
        db.dispose()
    return token


def stored_count(data_dir: Path) -> int:
    from sqlalchemy import func, select

    from api.database import make_engine
    from api.settings import sqlite_url
    from api.tables import beoordelingen

    db = make_engine(sqlite_url(data_dir))
    try:
        with db.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(beoordelingen)).scalar_one())
    finally:
        db.dispose()


def case_variants(count: int, seed: int = 7) -> list[dict[str, object]]:
    """Cases that differ (costs, municipality, facts), so the rules take different paths."""
    rng = random.Random(seed)
    variants = []
    for i in range(count):
        variants.append(
            {
                "casus": {
                    "kenmerk": f"LOAD-{i}",
                    "jeugdige": {"leeftijd": rng.randint(0, 22), "woont_in_gemeente": rng.random() < 0.9},
                    "situatie": {
                        "opgroei_opvoedvragen": rng.random() < 0.8,
                        "eigen_mogelijkheden_toereikend": rng.random() < 0.3,
                        "veiligheidszorgen": rng.random() < 0.1,
                    },
                    "hulpvraag": {
                        "soort": rng.choice(["cursus", "ambulante_hulp", "behandeling"]),
                        "verwachte_kosten": rng.choice([250, 1200, 2000, 3000, 9000]),
                        "kwalificatie_eisen": rng.random() < 0.5,
                        "ingrijpend": rng.random() < 0.3,
                    },
                },
                "gemeente": rng.choice([None, "voorbeeldstad"]),
                "peildatum": "2025-01-01",
            }
        )
    return variants


def engine_ms_per_case(rules: Path | None, rounds: int = 10) -> float:
    """The engine alone on the same cases, in this process: the floor under the server's CPU."""
    import datetime as dt

    from api.models import BeoordelingAanvraag
    from engine.evaluator import Engine
    from engine.loader import load_rulebase
    from engine.paths import default_dir

    engine = Engine(load_rulebase(rules or default_dir("rules", "REIKWIJDTE_REGELS")))
    requests = [BeoordelingAanvraag.model_validate(v) for v in case_variants(64)]
    for r in requests:  # compile each ruleset once, outside the timing
        engine.evaluate(r.casus, r.gemeente, r.peildatum or dt.date.today())
    started = time.process_time()
    for _ in range(rounds):
        for r in requests:
            engine.evaluate(r.casus, r.gemeente, r.peildatum or dt.date.today())
    return round((time.process_time() - started) / (rounds * len(requests)) * 1000, 2)


def start_server(
    port: int, data_dir: Path, log_path: Path, rules: Path | None, workers: int
) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env["REIKWIJDTE_DATA"] = str(data_dir)
    env["REIKWIJDTE_LIMIET_PER_MINUUT"] = "0"  # measure the service, not its rate limit
    command = [sys.executable, "-c", "from cli.main import app; app()", "serve", "--host", HOST, "--port", str(port)]
    if rules is not None:
        command += ["--regels", str(rules)]
    if workers != 1:
        command += ["--workers", str(workers)]
    with open(log_path, "wb") as log:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def process_tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by `pid` and its child processes (Linux /proc)."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except (OSError, IndexError, ValueError):
            continue
        pending.extend(int(c) for c in children)
    return total


def busy_cpu_seconds() -> float:
    """CPU seconds all processors spent busy since boot (Linux /proc/stat), for the share of others."""
    fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def wait_ready(base: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("server did not become ready")


async def run_load(
    base: str, token: str, total: int, concurrency: int, max_seconds: float, server_pid: int, rate: float = 0
) -> dict[str, object]:
    """Closed loop (`rate` 0: each client sends its next request as soon as it has an answer) or
    paced (`rate` requests per second in all, on a fixed schedule; a request that starts late
    counts its lateness in its latency, so a server that falls behind cannot hide it)."""
    bodies = [json.dumps(v).encode() for v in case_variants(64)]
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    latencies: list[float] = []
    errors: dict[str, int] = {}
    sent = 0
    deadline = time.monotonic() + max_seconds
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)

    # One client (one keep-alive connection) per simulated user: a single shared httpx pool costs
    # the load generator about twice the CPU per request, and this machine has only two cores.
    clients = [httpx.AsyncClient(base_url=base, headers=headers, limits=limits, timeout=30) for _ in range(concurrency)]
    try:

        async def worker(client: httpx.AsyncClient) -> None:
            nonlocal sent
            while sent < total and time.monotonic() < deadline:
                body = bodies[sent % len(bodies)]
                sent += 1
                if rate > 0:
                    scheduled = run_started + (sent - 1) / rate
                    await asyncio.sleep(max(0.0, scheduled - time.perf_counter()))
                    started = scheduled
                else:
                    started = time.perf_counter()
                try:
                    response = await client.post("/v1/beoordelingen", content=body)
                    status: object = response.status_code
                except httpx.HTTPError as exc:
                    status = type(exc).__name__
                latencies.append(time.perf_counter() - started)
                if status != 201:
                    errors[str(status)] = errors.get(str(status), 0) + 1

        # Open the connections first (not measured), then the measured run.
        await asyncio.gather(*(client.get("/healthz") for client in clients))
        run_started = started = time.perf_counter()
        client_cpu = time.process_time()
        server_cpu = process_tree_cpu(server_pid)
        machine_busy = busy_cpu_seconds()
        await asyncio.gather(*(worker(client) for client in clients))
        elapsed = time.perf_counter() - started
        client_cpu = time.process_time() - client_cpu
        server_cpu = process_tree_cpu(server_pid) - server_cpu
        machine_busy = busy_cpu_seconds() - machine_busy
    finally:
        for client in clients:
            await client.aclose()

    ordered = sorted(latencies)
    ok = len(latencies) - sum(errors.values())
    return {
        "requests": len(latencies),
        "concurrency": concurrency,
        "mode": f"paced at {rate:g}/s" if rate > 0 else "closed loop",
        "seconds": round(elapsed, 2),
        "stored_per_second": round(ok / elapsed, 1),
        "median_ms": round(statistics.median(ordered) * 1000, 1),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
        "errors": sum(errors.values()),
        "errors_by_status": errors,
        "acknowledged": ok,
        "server_cpu_ms_per_request": round(server_cpu / max(1, len(latencies)) * 1000, 2),
        "client_cpu_ms_per_request": round(client_cpu / max(1, len(latencies)) * 1000, 2),
        # Cores kept busy by other processes during the phase (this machine is shared).
        "other_processes_cores": round(max(0.0, machine_busy - server_cpu - client_cpu) / elapsed, 2),
    }


def _summary(result: dict[str, object]) -> str:
    return (
        f"{result['requests']} requests, {result['concurrency']} clients, {result['mode']}: "
        f"{result['stored_per_second']} assessments/s stored, median {result['median_ms']} ms, "
        f"p99 {result['p99_ms']} ms, errors {result['errors']}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10_000, help="requests per phase")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--max-seconds", type=float, default=300, help="stop a phase's sending after this long")
    parser.add_argument(
        "--phases",
        default="closed,paced",
        help="closed: each client sends again as soon as answered (capacity); paced: --rate in all, on a schedule",
    )
    parser.add_argument("--rate", type=float, default=220, help="requests per second in all in the paced phase")
    parser.add_argument("--min-rps", type=float, default=200)
    parser.add_argument("--max-p99-ms", type=float, default=100)
    parser.add_argument("--workers", type=int, default=1, help="server processes (reikwijdte serve --workers)")
    parser.add_argument("--regels", type=Path, default=None, help="rules directory (default: the server's default)")
    args = parser.parse_args()
    phases = [p.strip() for p in args.phases.split(",") if p.strip()]
    if not phases or any(p not in ("closed", "paced") for p in phases):
        parser.error("--phases takes closed, paced or closed,paced")

    workdir = Path(tempfile.mkdtemp(prefix="reikwijdte-load-"))
    data_dir = workdir / "data"
    log_path = workdir / "server.log"
    port = free_port()
    base = f"http://{HOST}:{port}"
    process = None
    results: list[dict[str, object]] = []
    try:
        engine_ms = engine_ms_per_case(args.regels)
        token = make_token(data_dir)
        process = start_server(port, data_dir, log_path, args.regels, args.workers)
        wait_ready(base, process)
        for phase in phases:
            rate = args.rate if phase == "paced" else 0
            results.append(
                asyncio.run(run_load(base, token, args.requests, args.concurrency, args.max_seconds, process.pid, rate))
            )
        stored = stored_count(data_dir)
        log_text = log_path.read_text(errors="replace")
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(workdir, ignore_errors=True)

    acknowledged = sum(int(r["acknowledged"]) for r in results)  # type: ignore[call-overload]
    report = {
        "phases": results,
        "acknowledged": acknowledged,
        "stored_in_database": stored,
        "server_log_lines": log_text.count("\n"),
        # Case facts never reach the log; the kenmerk is the one recognisable case value sent.
        "case_data_in_log": "LOAD-" in log_text,
        "server_workers": args.workers,
        "engine_cpu_ms_per_case": engine_ms,
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
    }
    print(json.dumps(report, indent=2))
    print()
    for result in results:
        print(_summary(result))
    print(f"in database: {stored} of {acknowledged} acknowledged; case data in log: {report['case_data_in_log']}")
    print(f"engine alone: {engine_ms} ms CPU per case")

    judged = [r for r in results if str(r["mode"]).startswith("paced")] or results
    good = (
        all(r["errors"] == 0 for r in results)
        and stored == acknowledged
        and not report["case_data_in_log"]
        and all(float(r["stored_per_second"]) >= args.min_rps for r in judged)  # type: ignore[arg-type]
        and all(float(r["p99_ms"]) <= args.max_p99_ms for r in judged)  # type: ignore[arg-type]
    )
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
