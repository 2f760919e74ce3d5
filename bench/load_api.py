"""Load test of the HTTP API: case submissions from 32 concurrent clients, on loopback only.

Starts `reikwijdte serve` itself on 127.0.0.1 (a free port, a temporary data directory with
SQLite, or a fresh temporary PostgreSQL database), creates a team and a `toegang` token in it,
sends the requests with aiohttp (`--client httpx`: with httpx, as before that option; async, one
keep-alive connection per client), then checks that every acknowledged assessment is in the
database and reads a sample of them back byte for byte,
checks that no case data reached the server log, reports throughput, median and p99 latency,
errors and CPU per request, and stops the server. Bounded by request count and by wall time per
phase. Rate limiting is off in the server it starts (`REIKWIJDTE_LIMIET_PER_MINUUT=0`).

Two phases by default, each --requests long:
- closed: every client sends its next case as soon as it has an answer (the capacity);
- paced: --rate requests per second in all on a fixed schedule (the latency at that load; a
  request that starts late counts its lateness, so falling behind shows in p99). Without --rate:
  220, or with --base half the base's closed-loop rate of the first round.

With `--base REV` the revision is checked out in a temporary git worktree and served from there
(its own code and rules, its own temporary database) next to this checkout; the phases run
against both servers in turn (base closed, this closed, base paced, this paced; the order of
the sides swaps each round), and the report gives both and the ratios the issue's targets are
stated in. Both servers first answer the same cases once, and their answers must be byte for
byte the same apart from what differs by nature (id, creation time, the rules' commit).

    .venv/bin/python bench/load_api.py [--requests 10000] [--phases closed,paced] [--rate 220]
    .venv/bin/python bench/load_api.py --base 558c792 --rounds 2 [--database postgresql]

Each phase also prints where the server's time went: the phases of a request as the server logs
them (`api/phases.py`: `ontvangen`, `wacht_motor`, `motor`, ..., `commit`, `vrijgeven`,
`antwoord`), each with its median, p99 and mean over the slowest 1% of the requests. A base that
does not log phases has none; with a base that does, the comparison also gives, for each phase
both log, the ratio of the medians of its paced median and p99 (`paced_phase_<name>_median_ms`;
no target: they show which part of a request a change moved).

Results are printed as they come (progress every --progress seconds, each phase when it ends);
an interrupted run (Ctrl-C, SIGTERM) stops its servers and removes its temporary directory,
databases and worktree before it exits (130).

Exit code 0 when there were no errors, everything acknowledged was stored and read back the
same, no case data was logged, and the targets were met: with --base, stored per second at
least 2x the base's and paced p99 at most half the base's (medians over the rounds); without,
the paced phase (or the closed one when run alone) met --min-rps and --max-p99-ms. 1 otherwise,
2 when the run could not be set up (PostgreSQL absent, an unknown revision, a server that did
not start).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import aiohttp
import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import worktree  # noqa: E402 - after the checkout is on the path

HOST = "127.0.0.1"  # loopback only, by design
POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
#: The targets of issue 19, as ratios to the base measured in the same run.
TARGET_THROUGHPUT_RATIO = 2.0
TARGET_P99_RATIO = 0.5
#: The paced phase's rate without --base (the load `docs/performance.md` states its p99 target at).
DEFAULT_RATE = 220.0

#: Run in each side's own checkout (its code first on the path): migrate its database, create
#: the team and token, and tell which code it imported (so a side cannot silently run the other's).
_SETUP_SNIPPET = """
import json, sys
from api import teams, tokens
from api.database import make_engine, migrate
import api, engine
db = make_engine(sys.argv[1])
try:
    migrate(db)
    teams.create(db, "loadtest-team", "voorbeeldstad")
    token, _ = tokens.create(db, "loadtest", ["toegang"], "loadtest-team")
finally:
    db.dispose()
print(json.dumps({"token": token, "api": api.__file__, "engine": engine.__file__}))
"""

#: Run in each side's own checkout: the engine alone on the cases (JSON on stdin), CPU ms per case.
_ENGINE_SNIPPET = """
import datetime as dt, json, sys, time
from api.models import BeoordelingAanvraag
from engine.evaluator import Engine
from engine.loader import load_rulebase
from engine.paths import default_dir
from pathlib import Path
rules = Path(sys.argv[1]) if sys.argv[1] else default_dir("rules", "REIKWIJDTE_REGELS")
engine = Engine(load_rulebase(rules))
requests = [BeoordelingAanvraag.model_validate(v) for v in json.load(sys.stdin)]
for r in requests:
    engine.evaluate(r.casus, r.gemeente, r.peildatum or dt.date.today())
rounds = int(sys.argv[2])
started = time.process_time()
for _ in range(rounds):
    for r in requests:
        engine.evaluate(r.casus, r.gemeente, r.peildatum or dt.date.today())
print(round((time.process_time() - started) / (rounds * len(requests)) * 1000, 2))
"""


class SetupError(RuntimeError):
    """The run could not be set up (exit 2)."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def make_token(data_dir: Path) -> str:
    """A `toegang` token in a fresh SQLite data directory of this checkout (for `read_audit_cost.py`)."""
    from api.settings import sqlite_url

    side = Side("this", "this checkout", ROOT, data_dir.parent)
    token: str = json.loads(run_in_side(side, _SETUP_SNIPPET, sqlite_url(data_dir)))["token"]
    return token


def case_variants(count: int, seed: int = 7) -> list[dict[str, object]]:
    """Cases that differ (costs, municipality, facts), so the rules take different paths."""
    rng = random.Random(seed)
    variants: list[dict[str, object]] = []
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


def comparison_cases() -> list[dict[str, object]]:
    """The load's cases and a few more with what a JSON encoder can get wrong: non-ASCII text,
    fractional amounts, dates from the case instead of the request, missing facts."""
    extra: list[dict[str, object]] = [
        {"casus": {"kenmerk": "Zoë-ĳ-€-✓-\u00a0-😀", "jeugdige": {"leeftijd": 9}}, "peildatum": "2025-01-01"},
        {
            "casus": {
                "kenmerk": 'aanhalings"teken\\en\ttab',
                "peildatum": "2024-07-01",
                "gemeente": "voorbeeldstad",
                "hulpvraag": {"soort": "behandeling", "verwachte_kosten": 1234.5},
            }
        },
        {"casus": {"hulpvraag": {"verwachte_kosten": 0.1}}, "gemeente": "voorbeeldstad", "peildatum": "2025-06-30"},
        {"casus": {}, "peildatum": "2025-01-01"},
    ]
    return [*case_variants(64, seed=11), *extra]


@dataclass
class Side:
    """One server under test: this checkout, or the base revision in its worktree."""

    name: str  # "base" or "this"
    label: str  # what the report calls it: the base's commit, or "this checkout"
    root: Path
    workdir: Path
    database_url: str | None = None  # None: SQLite in the side's data directory
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    token: str = ""
    engine_ms: float | None = None
    acknowledged: set[str] = field(default_factory=set)
    samples: dict[str, bytes] = field(default_factory=dict)
    results: list[dict[str, Any]] = field(default_factory=list)

    @property
    def data_dir(self) -> Path:
        return self.workdir / "data"

    @property
    def log_path(self) -> Path:
        return self.workdir / "server.log"

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def storage_url(self) -> str:
        """Where the side's server stores (for the checks after the load)."""
        from api.settings import SQLITE_FILE, normalise_url

        if self.database_url is not None:
            return normalise_url(self.database_url)
        return f"sqlite:///{(self.data_dir / SQLITE_FILE).resolve()}"

    def environment(self) -> dict[str, str]:
        """The server's and setup's environment: this side's code first, its own database."""
        env = dict(os.environ)
        for name in ("DATABASE_URL", "REIKWIJDTE_REGELS", "REIKWIJDTE_REDIS_URL"):
            env.pop(name, None)
        env["PYTHONPATH"] = str(self.root)
        env["REIKWIJDTE_DATA"] = str(self.data_dir)
        env["REIKWIJDTE_LIMIET_PER_MINUUT"] = "0"  # measure the service, not its rate limit
        if self.database_url is not None:
            env["DATABASE_URL"] = self.database_url
        return env


class PostgresDatabases:
    """Fresh databases on the PostgreSQL server of `admin_url`, dropped again at the end."""

    def __init__(self, admin_url: str) -> None:
        from sqlalchemy import create_engine

        from api.settings import normalise_url

        self.admin_url = admin_url
        self.admin = create_engine(
            normalise_url(admin_url), isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3}
        )

    def check(self) -> None:
        from sqlalchemy import text

        try:
            with self.admin.connect() as conn:
                conn.execute(text("SELECT 1"))
        except Exception as exc:  # any failure means: no PostgreSQL to measure
            raise SetupError(
                f"PostgreSQL is not reachable at {self.admin_url} ({type(exc).__name__}); "
                "start it (trust auth, user postgres) or pass --postgres-url"
            ) from exc

    def create(self) -> tuple[str, str]:
        """A new empty database: its name and the URL a server uses for it."""
        from sqlalchemy import text
        from sqlalchemy.engine import make_url

        name = f"reikwijdte_load_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)
        return name, url

    def drop(self, name: str) -> None:
        from sqlalchemy import text

        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def close(self) -> None:
        self.admin.dispose()


def run_in_side(side: Side, snippet: str, *args: str, stdin: str | None = None) -> str:
    """Run a Python snippet with the side's own code (cwd and path first); its stdout."""
    done = subprocess.run(
        [sys.executable, "-c", snippet, *args],
        cwd=side.root,
        env=side.environment(),
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SetupError(f"{side.label}: setup failed:\n{done.stderr.strip()[-2000:]}")
    return done.stdout.strip().splitlines()[-1]


def prepare(side: Side) -> None:
    """Migrate the side's database, create its token, and check it runs its own code."""
    url = side.database_url or side.storage_url()
    found = json.loads(run_in_side(side, _SETUP_SNIPPET, url))
    for module in ("api", "engine"):
        if not Path(found[module]).resolve().is_relative_to(side.root.resolve()):
            raise SetupError(f"{side.label} imported {module} from {found[module]}, not from {side.root}")
    side.token = found["token"]


def engine_ms_per_case(side: Side, rules: Path | None, rounds: int = 10) -> float:
    """The engine alone on the same cases, in the side's own code: the floor under the server's CPU."""
    return float(run_in_side(side, _ENGINE_SNIPPET, str(rules or ""), str(rounds), stdin=json.dumps(case_variants(64))))


def start_server(
    port: int,
    data_dir: Path,
    log_path: Path,
    rules: Path | None,
    workers: int,
    *,
    root: Path = ROOT,
    env: dict[str, str] | None = None,
) -> subprocess.Popen[bytes]:
    """`reikwijdte serve` from `root` on `port`, in a session of its own (a Ctrl-C reaches only this script)."""
    if env is None:
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
        return subprocess.Popen(
            command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM (uvicorn finishes what is running, the writer commits what is queued), then SIGKILL."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)  # worker processes left behind, if any


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


def wait_ready(base: str, process: subprocess.Popen[bytes], timeout: float = 90) -> None:
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


@dataclass
class Load:
    """What one phase sends: how many requests, from how many clients, at which rate (0: closed loop)."""

    total: int
    concurrency: int
    max_seconds: float
    rate: float = 0
    progress_seconds: float = 5
    sample_every: int = 50
    client: str = "aiohttp"


class LoadClient(Protocol):
    """One simulated user's connection: what the timed loop needs of an HTTP client library."""

    async def get(self, path: str) -> int: ...
    async def post(self, path: str, body: bytes) -> tuple[int, str, bytes]: ...
    async def aclose(self) -> None: ...


class AiohttpClient:
    """aiohttp, the default: its C parser costs the load generator about a third of httpx's CPU
    per request (`docs/performance.md`, "The load generator's own share"), CPU the server on the
    same two cores would otherwise lose, and its own queueing would add to the latency measured."""

    def __init__(self, base_url: str, headers: dict[str, str]) -> None:
        self._session = aiohttp.ClientSession(
            base_url=base_url,
            headers=headers,
            connector=aiohttp.TCPConnector(limit=1),
            timeout=aiohttp.ClientTimeout(total=30),
        )

    async def get(self, path: str) -> int:
        async with self._session.get(path) as response:
            await response.read()
            return response.status

    async def post(self, path: str, body: bytes) -> tuple[int, str, bytes]:
        async with self._session.post(path, data=body) as response:
            content = await response.read()
            return response.status, response.headers.get("location", ""), content

    async def aclose(self) -> None:
        await self._session.close()


class HttpxClient:
    """httpx, as every run before `--client` existed (`--client httpx`)."""

    def __init__(self, base_url: str, headers: dict[str, str]) -> None:
        limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
        self._client = httpx.AsyncClient(base_url=base_url, headers=headers, limits=limits, timeout=30)

    async def get(self, path: str) -> int:
        return (await self._client.get(path)).status_code

    async def post(self, path: str, body: bytes) -> tuple[int, str, bytes]:
        response = await self._client.post(path, content=body)
        return response.status_code, response.headers.get("location", ""), response.content

    async def aclose(self) -> None:
        await self._client.aclose()


async def run_load(side: Side, load: Load, label: str, bodies: list[bytes]) -> dict[str, Any]:
    """Closed loop (`rate` 0: each client sends its next request as soon as it has an answer) or
    paced (`rate` requests per second in all, on a fixed schedule; a request that starts late
    counts its lateness in its latency, so a server that falls behind cannot hide it).

    Prints progress every `progress_seconds`; records the id of every acknowledged assessment
    and keeps every `sample_every`-th answer to read back afterwards.
    """
    assert side.process is not None
    headers = {"Authorization": f"Bearer {side.token}", "Content-Type": "application/json"}
    latencies: list[float] = []
    errors: dict[str, int] = {}
    sent = 0
    rate = load.rate
    deadline = time.monotonic() + load.max_seconds
    # One client (one keep-alive connection) per simulated user: a single shared pool costs the
    # load generator more CPU per request, and this machine has only two cores.
    clients: list[LoadClient] = [
        (AiohttpClient if load.client == "aiohttp" else HttpxClient)(side.url, headers) for _ in range(load.concurrency)
    ]
    try:

        async def worker(client: LoadClient) -> None:
            nonlocal sent
            while sent < load.total and time.monotonic() < deadline:
                body = bodies[sent % len(bodies)]
                sent += 1
                if rate > 0:
                    scheduled = run_started + (sent - 1) / rate
                    await asyncio.sleep(max(0.0, scheduled - time.perf_counter()))
                    started = scheduled
                else:
                    started = time.perf_counter()
                status: int | str
                try:
                    status, location, content = await client.post("/v1/beoordelingen", body)
                except (TimeoutError, httpx.HTTPError, aiohttp.ClientError) as exc:
                    status, location, content = type(exc).__name__, "", b""
                latencies.append(time.perf_counter() - started)
                if status != 201:
                    errors[str(status)] = errors.get(str(status), 0) + 1
                    continue
                assessment_id = location.rsplit("/", 1)[1]
                side.acknowledged.add(assessment_id)
                if len(side.acknowledged) % load.sample_every == 0:
                    side.samples[assessment_id] = content

        async def progress() -> None:
            while True:
                await asyncio.sleep(load.progress_seconds)
                elapsed = time.perf_counter() - run_started
                done, failed = len(latencies), sum(errors.values())
                print(
                    f"  [{label}] {elapsed:5.1f} s: {done} requests done, "
                    f"{(done - failed) / elapsed:.1f} stored/s so far, errors {failed}",
                    flush=True,
                )

        # Open the connections first (not measured), then the measured run.
        await asyncio.gather(*(client.get("/healthz") for client in clients))
        log_start = side.log_path.stat().st_size if side.log_path.exists() else 0
        run_started = time.perf_counter()
        client_cpu = time.process_time()
        server_cpu = process_tree_cpu(side.process.pid)
        machine_busy = busy_cpu_seconds()
        reporter = asyncio.create_task(progress())
        try:
            await asyncio.gather(*(worker(client) for client in clients))
        finally:
            reporter.cancel()
        elapsed = time.perf_counter() - run_started
        client_cpu = time.process_time() - client_cpu
        server_cpu = process_tree_cpu(side.process.pid) - server_cpu
        machine_busy = busy_cpu_seconds() - machine_busy
    finally:
        for client in clients:
            await client.aclose()

    ordered = sorted(latencies) or [0.0]
    ok = len(latencies) - sum(errors.values())
    logged = server_requests(side.log_path, log_start)
    in_server = sorted(r.ms for r in logged)
    return {
        "side": side.label,
        "requests": len(latencies),
        "concurrency": load.concurrency,
        "mode": f"paced at {rate:g}/s" if rate > 0 else "closed loop",
        "client": load.client,
        "seconds": round(elapsed, 2),
        "stored_per_second": round(ok / elapsed, 1),
        "median_ms": round(statistics.median(ordered) * 1000, 1),
        "p99_ms": round(_p99(ordered) * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
        # The same requests as the server's request log times them (from the ASGI call to the
        # last byte handed to uvicorn): what of the latency is the server's own, and what is
        # waiting before it (the socket, the load generator's own scheduling).
        "server_median_ms": round(statistics.median(in_server), 1) if in_server else None,
        "server_p99_ms": round(_p99(in_server), 1) if in_server else None,
        # Each phase of a request in the server (`api/phases.py`): median, p99, and mean in the
        # slowest 1%; None for a side whose server does not log them.
        "server_phases": phase_figures(logged),
        "errors": sum(errors.values()),
        "errors_by_status": errors,
        "acknowledged": ok,
        "server_cpu_ms_per_request": round(server_cpu / max(1, len(latencies)) * 1000, 2),
        "client_cpu_ms_per_request": round(client_cpu / max(1, len(latencies)) * 1000, 2),
        # Cores kept busy by other processes during the phase (this machine is shared).
        "other_processes_cores": round(max(0.0, machine_busy - server_cpu - client_cpu) / elapsed, 2),
    }


#: A line of the server's request log for a stored assessment: the time the request took and,
#: where the server logs them, its phases (`fasen=name:ms,...`, `api/phases.py`).
_STORED_LINE = re.compile(rb"POST /v1/beoordelingen 201 ([0-9.]+)ms[^\n]*?(?: fasen=([a-z_]+:[0-9.,:a-z_]+))?(?:\n|$)")


@dataclass(frozen=True)
class ServerRequest:
    """One stored assessment as the server's request log has it: its milliseconds and its phases'."""

    ms: float
    phases: dict[str, float]


def server_requests(log_path: Path, start: int) -> list[ServerRequest]:
    """Every stored assessment the server logged after byte `start`, in the log's order."""
    if not log_path.exists():
        return []
    with open(log_path, "rb") as log:
        log.seek(start)
        text = log.read()
    requests = []
    for match in _STORED_LINE.finditer(text):
        phases: dict[str, float] = {}
        if match.group(2):
            for item in match.group(2).decode().split(","):
                name, _, ms = item.partition(":")
                phases[name] = float(ms)
        requests.append(ServerRequest(float(match.group(1)), phases))
    return requests


def _p99(ordered: list[float]) -> float:
    """The 99th percentile of `ordered` (sorted, not empty): the value below which 99% lie."""
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def phase_figures(requests: list[ServerRequest]) -> dict[str, dict[str, float]] | None:
    """Per phase: its median and p99, and its mean in the slowest 1% of the requests (by the
    server's own time): what the tail is made of. None when the server logs no phases."""
    timed = [r for r in requests if r.phases]
    if not timed:
        return None
    names = list(dict.fromkeys(name for r in timed for name in r.phases))
    slowest = sorted(timed, key=lambda r: r.ms)[int(len(timed) * 0.99) :] or timed[-1:]
    figures = {}
    for name in names:
        values = sorted(r.phases.get(name, 0.0) for r in timed)
        figures[name] = {
            "median_ms": round(statistics.median(values), 2),
            "p99_ms": round(_p99(values), 2),
            "slowest_1pct_mean_ms": round(statistics.fmean(r.phases.get(name, 0.0) for r in slowest), 2),
        }
    return figures


def _phase_summary(figures: dict[str, dict[str, float]]) -> str:
    return ", ".join(
        f"{name} {f['median_ms']}/{f['p99_ms']}/{f['slowest_1pct_mean_ms']}" for name, f in figures.items()
    )


def _summary(result: dict[str, Any]) -> str:
    return (
        f"{result['side']}: {result['requests']} requests, {result['concurrency']} clients, {result['mode']}: "
        f"{result['stored_per_second']} assessments/s stored, median {result['median_ms']} ms, "
        f"p99 {result['p99_ms']} ms, max {result['max_ms']} ms "
        f"(in the server: median {result['server_median_ms']} ms, p99 {result['server_p99_ms']} ms), "
        f"errors {result['errors']}, "
        f"server CPU {result['server_cpu_ms_per_request']} ms/request, "
        f"load generator ({result['client']}) CPU {result['client_cpu_ms_per_request']} ms/request, "
        f"other processes {result['other_processes_cores']} cores"
    )


async def _post_all(side: Side, bodies: list[bytes]) -> list[bytes]:
    """Each body posted once, one after the other; the answers (an error stops the run)."""
    headers = {"Authorization": f"Bearer {side.token}", "Content-Type": "application/json"}
    answers = []
    async with httpx.AsyncClient(base_url=side.url, headers=headers, timeout=30) as client:
        for body in bodies:
            response = await client.post("/v1/beoordelingen", content=body)
            if response.status_code != 201:
                raise SetupError(f"{side.label}: a warm-up request was answered {response.status_code}")
            side.acknowledged.add(response.headers["location"].rsplit("/", 1)[1])
            answers.append(response.content)
    return answers


def _natural_differences(answer: bytes) -> list[bytes]:
    """The values in an answer that differ between two servers by nature: the new id, the time
    of creation, and the commit the rules were read from (`docs/assessment.md`)."""
    document = json.loads(answer)
    values = [document["id"], document["aangemaakt_op"]]
    regelset = document.get("beoordeling", {}).get("regelset", {})
    if isinstance(regelset, dict) and regelset.get("commit"):
        values.append(regelset["commit"])
    return [json.dumps(v).encode() for v in values]


def same_answers(first: bytes, second: bytes) -> bool:
    """Byte for byte the same, once the values that differ by nature are blanked in both."""
    for value in _natural_differences(first):
        first = first.replace(value, b'"*"')
    for value in _natural_differences(second):
        second = second.replace(value, b'"*"')
    return first == second


def compare_answers(sides: list[Side]) -> int:
    """Post the comparison cases to every side; the number of answers that differ from the first side's."""
    bodies = [json.dumps(case).encode() for case in comparison_cases()]
    answers = {side.name: asyncio.run(_post_all(side, bodies)) for side in sides}
    reference = answers[sides[0].name]
    differing = 0
    for side in sides[1:]:
        for number, (mine, theirs) in enumerate(zip(answers[side.name], reference, strict=True)):
            if not same_answers(mine, theirs):
                differing += 1
                if differing <= 5:
                    print(f"  case {number}: {side.label} answers differently from {sides[0].label}", flush=True)
    return differing


def stored_ids(side: Side) -> set[str]:
    """The ids of every assessment in the side's database."""
    from sqlalchemy import create_engine, text

    db = create_engine(side.storage_url())
    try:
        with db.connect() as conn:
            return {str(row[0]) for row in conn.execute(text("SELECT id FROM beoordelingen"))}
    finally:
        db.dispose()


async def _read_back(side: Side) -> int:
    """Read the sampled assessments through the API; how many came back other than acknowledged."""
    headers = {"Authorization": f"Bearer {side.token}"}
    differing = 0
    async with httpx.AsyncClient(base_url=side.url, headers=headers, timeout=30) as client:
        for assessment_id, answer in side.samples.items():
            response = await client.get(f"/v1/beoordelingen/{assessment_id}")
            if response.status_code != 200 or response.content != answer:
                differing += 1
    return differing


def check_stored(side: Side) -> dict[str, Any]:
    """Every acknowledged assessment in the database; the sample read back byte for byte."""
    missing = len(side.acknowledged - stored_ids(side))
    differing = asyncio.run(_read_back(side))
    log_text = side.log_path.read_text(errors="replace")
    return {
        "side": side.label,
        "acknowledged": len(side.acknowledged),
        "missing_in_database": missing,
        "read_back": len(side.samples),
        "read_back_differing": differing,
        "server_log_lines": log_text.count("\n"),
        # Case facts never reach the log; the kenmerk is the one recognisable case value sent.
        "case_data_in_log": "LOAD-" in log_text,
    }


#: What the comparison with the base reports: name, phase, figure, target. Two have none: the
#: paced p99 as the server's own log times it (how much of the p99 is the server's), and the
#: server's own CPU time per request, the figure the other processes on a shared machine disturb
#: least.
COMPARED = (
    ("closed_stored_per_second", "closed", "stored_per_second", f">= {TARGET_THROUGHPUT_RATIO}"),
    ("paced_p99_ms", "paced", "p99_ms", f"<= {TARGET_P99_RATIO}"),
    ("paced_server_p99_ms", "paced", "server_p99_ms", "none"),
    ("closed_server_cpu_ms_per_request", "closed", "server_cpu_ms_per_request", "none"),
)


def compare_sides(base: Side, this: Side) -> dict[str, Any]:
    """Every round's figures per side, and the ratio of the medians (the targets are stated in those)."""

    def per_phase(side: Side, mode: str, key: str) -> list[float]:
        return [float(r[key]) for r in side.results if str(r["mode"]).startswith(mode) and r[key] is not None]

    comparison: dict[str, Any] = {}
    for name, mode, key, target in COMPARED:
        base_values, this_values = per_phase(base, mode, key), per_phase(this, mode, key)
        if base_values and this_values:
            comparison[name] = _compared(base_values, this_values, target)
    # The paced phases of a request in the server (`api/phases.py`) that both sides log: which
    # part of the request a change moved (no target).
    for name in _logged_by_both(base, this):
        for figure in ("median_ms", "p99_ms"):
            base_values = [r["server_phases"][name][figure] for r in _paced_with_phase(base, name)]
            this_values = [r["server_phases"][name][figure] for r in _paced_with_phase(this, name)]
            if base_values and this_values and statistics.median(base_values) > 0:
                comparison[f"paced_phase_{name}_{figure}"] = _compared(base_values, this_values, "none")
    return comparison


def _compared(base_values: list[float], this_values: list[float], target: str) -> dict[str, Any]:
    """One compared figure: every round's value per side and the ratio of their medians."""
    return {
        "base": base_values,
        "this": this_values,
        "ratio_of_medians": round(statistics.median(this_values) / statistics.median(base_values), 2),
        "target": target,
    }


def _paced_with_phase(side: Side, name: str) -> list[dict[str, Any]]:
    return [
        r
        for r in side.results
        if str(r["mode"]).startswith("paced") and r.get("server_phases") and name in r["server_phases"]
    ]


def _logged_by_both(base: Side, this: Side) -> list[str]:
    """The phases, in this side's order, that both sides' servers logged in a paced run."""
    names = [n for r in this.results if str(r["mode"]).startswith("paced") for n in r.get("server_phases") or {}]
    return [n for n in dict.fromkeys(names) if _paced_with_phase(base, n)]


def targets_met(comparison: dict[str, Any]) -> bool:
    throughput = comparison.get("closed_stored_per_second")
    latency = comparison.get("paced_p99_ms")
    return (throughput is None or throughput["ratio_of_medians"] >= TARGET_THROUGHPUT_RATIO) and (
        latency is None or latency["ratio_of_medians"] <= TARGET_P99_RATIO
    )


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown processor",
    )
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return f"{os.cpu_count()} cores, {model}, {platform.machine()}, Python {platform.python_version()}, load {load}"


@contextlib.contextmanager
def interrupts_as_keyboard_interrupt() -> Iterator[Callable[[], None]]:
    """SIGTERM and SIGHUP end the run like Ctrl-C does; yields a function that ignores all three
    (called once cleaning up has started, so a second Ctrl-C cannot leave a server or database behind)."""
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}

    def interrupt(_signum: int, _frame: object) -> None:
        # As Ctrl-C: inside `asyncio.run` that cancels the running phase cleanly, elsewhere it
        # raises KeyboardInterrupt.
        signal.raise_signal(signal.SIGINT)

    def ignore() -> None:
        for sig in previous:
            signal.signal(sig, signal.SIG_IGN)

    signal.signal(signal.SIGTERM, interrupt)
    signal.signal(signal.SIGHUP, interrupt)
    try:
        yield ignore
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10_000, help="requests per phase (and side, and round)")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--max-seconds", type=float, default=300, help="stop a phase's sending after this long")
    parser.add_argument(
        "--phases",
        default="closed,paced",
        help="closed: each client sends again as soon as answered (capacity); paced: --rate in all, on a schedule",
    )
    parser.add_argument(
        "--rate",
        type=float,
        default=None,
        help=f"requests per second in all in the paced phase (default: with --base half the base's first "
        f"closed-loop rate, else {DEFAULT_RATE:g})",
    )
    parser.add_argument("--rounds", type=int, default=1, help="times every phase runs (per side)")
    parser.add_argument("--base", default=None, help="also serve this revision (temporary worktree) and compare")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument(
        "--postgres-url",
        default=POSTGRES_ADMIN_URL,
        help="a PostgreSQL server's maintenance database; each server gets a new database on it, dropped afterwards",
    )
    parser.add_argument(
        "--warmup", type=int, default=200, help="requests per side before the first phase (not measured)"
    )
    parser.add_argument("--progress", type=float, default=5, help="seconds between progress lines")
    parser.add_argument("--min-rps", type=float, default=200, help="without --base: the throughput to reach")
    parser.add_argument("--max-p99-ms", type=float, default=100, help="without --base: the p99 to stay under")
    parser.add_argument("--workers", type=int, default=1, help="server processes (reikwijdte serve --workers)")
    parser.add_argument(
        "--client",
        choices=("aiohttp", "httpx"),
        default="aiohttp",
        help="the HTTP client of the timed load (httpx: as before this option; it costs about three times the CPU)",
    )
    parser.add_argument("--regels", type=Path, default=None, help="rules directory for every side (default: its own)")
    args = parser.parse_args()
    args.phase_list = [p.strip() for p in args.phases.split(",") if p.strip()]
    if not args.phase_list or any(p not in ("closed", "paced") for p in args.phase_list):
        parser.error("--phases takes closed, paced or closed,paced")
    if args.rounds < 1 or args.requests < 1:
        parser.error("--rounds and --requests must be at least 1")
    return args


def setup_sides(args: argparse.Namespace, stack: contextlib.ExitStack, workdir: Path) -> list[Side]:
    """The servers under test, started and ready, each with its own database and token.

    Every resource is registered on `stack` as soon as it exists, so closing the stack undoes
    exactly what was made (in reverse: servers stop before their databases are dropped).
    """
    sides = [Side("this", "this checkout", ROOT, workdir / "this")]
    if args.base is not None:
        base_root = workdir / "base-checkout"
        try:
            commit = stack.enter_context(worktree.checked_out(args.base, base_root))
        except worktree.WorktreeError as exc:
            raise SetupError(str(exc)) from exc
        sides.insert(0, Side("base", f"base {commit}", base_root, workdir / "base"))
        print(f"base {commit} checked out in {base_root}", flush=True)
    databases = None
    if args.database == "postgresql":
        databases = PostgresDatabases(args.postgres_url)
        stack.callback(databases.close)
        databases.check()
    for side in sides:
        side.workdir.mkdir(parents=True)
        if databases is not None:
            name, side.database_url = databases.create()
            stack.callback(databases.drop, name)
            print(f"{side.label}: PostgreSQL database {name}", flush=True)
        prepare(side)
        side.engine_ms = engine_ms_per_case(side, args.regels)
        side.port = free_port()
        side.process = start_server(
            side.port, side.data_dir, side.log_path, args.regels, args.workers, root=side.root, env=side.environment()
        )
        stack.callback(stop_server, side.process)
        try:
            wait_ready(side.url, side.process)
        except RuntimeError as exc:
            tail = side.log_path.read_text(errors="replace")[-2000:]
            raise SetupError(f"{side.label}: {exc}\n{tail}") from exc
        print(f"{side.label}: server ready on {side.url}; engine alone {side.engine_ms} ms CPU per case", flush=True)
    return sides


def run_rounds(args: argparse.Namespace, sides: list[Side]) -> None:
    """Every phase of every round against every side, the sides' order swapped each round."""
    bodies = [json.dumps(v).encode() for v in case_variants(64)]
    rate = args.rate
    for round_number in range(1, args.rounds + 1):
        order = sides if round_number % 2 == 1 else sides[::-1]
        for phase in args.phase_list:
            if phase == "paced" and rate is None:
                closed = [r for r in sides[0].results if r["mode"] == "closed loop"]
                if len(sides) == 2 and closed:
                    rate = round(float(closed[0]["stored_per_second"]) / 2)
                    print(f"paced phases at {rate:g} requests/s (half the closed-loop rate of {sides[0].label})")
                else:
                    rate = DEFAULT_RATE
            for side in order:
                label = f"round {round_number}/{args.rounds}, {side.label}, {phase}"
                print(f"{label} ...", flush=True)
                load = Load(
                    args.requests,
                    args.concurrency,
                    args.max_seconds,
                    rate if phase == "paced" else 0,
                    args.progress,
                    client=args.client,
                )
                result = asyncio.run(run_load(side, load, label, bodies))
                result["round"] = round_number
                side.results.append(result)
                print(f"  {_summary(result)}", flush=True)
                if result["server_phases"]:
                    print(
                        "  phases in the server, ms (median/p99/mean in the slowest 1%): "
                        + _phase_summary(result["server_phases"]),
                        flush=True,
                    )


def report(args: argparse.Namespace, sides: list[Side], checks: list[dict[str, Any]], differing: int | None) -> int:
    """The whole run as JSON and in lines; the exit code."""
    comparison = compare_sides(sides[0], sides[1]) if len(sides) == 2 else {}
    summary = {
        "database": args.database,
        "base": sides[0].label if len(sides) == 2 else None,
        "phases": [r for side in sides for r in side.results],
        "checks": checks,
        "answers_differing_from_base": differing,
        "comparison": comparison,
        "server_workers": args.workers,
        "engine_cpu_ms_per_case": {side.label: side.engine_ms for side in sides},
        "machine": machine(),
    }
    print(json.dumps(summary, indent=2))
    print()
    for side in sides:
        for result in side.results:
            print(f"round {result['round']}: {_summary(result)}")
            if result["server_phases"]:
                print(f"  phases (median/p99/slowest 1%): {_phase_summary(result['server_phases'])}")
    for check in checks:
        print(
            f"{check['side']}: {check['acknowledged'] - check['missing_in_database']} of {check['acknowledged']} "
            f"acknowledged in the database, {check['read_back'] - check['read_back_differing']} of "
            f"{check['read_back']} read back the same; case data in log: {check['case_data_in_log']}"
        )
    for name, entry in comparison.items():
        print(
            f"{name}: base {entry['base']}, this {entry['this']}: ratio of medians {entry['ratio_of_medians']} "
            f"(target {entry['target']})"
        )
    results = [r for side in sides for r in side.results]
    good = (
        all(r["errors"] == 0 for r in results)
        and all(c["missing_in_database"] == 0 and c["read_back_differing"] == 0 for c in checks)
        and not any(c["case_data_in_log"] for c in checks)
        and not differing
    )
    if comparison:
        met = targets_met(comparison)
        print(f"targets against {sides[0].label}: {'met' if met else 'NOT met'}")
        return 0 if good and met else 1
    judged = [r for r in results if str(r["mode"]).startswith("paced")] or results
    return (
        0
        if good
        and all(float(r["stored_per_second"]) >= args.min_rps for r in judged)
        and all(float(r["p99_ms"]) <= args.max_p99_ms for r in judged)
        else 1
    )


def main() -> int:
    args = parse_args()
    print(f"machine: {machine()}", flush=True)
    workdir = Path(tempfile.mkdtemp(prefix="reikwijdte-load-"))
    stack = contextlib.ExitStack()
    stack.callback(shutil.rmtree, workdir, ignore_errors=True)
    sides: list[Side] = []
    with interrupts_as_keyboard_interrupt() as ignore_interrupts:
        try:
            sides = setup_sides(args, stack, workdir)
            differing = None
            if len(sides) == 2:
                differing = compare_answers(sides)
                print(f"answers to {len(comparison_cases())} cases differing from the base: {differing}", flush=True)
            for side in sides:
                asyncio.run(_post_all(side, [json.dumps(v).encode() for v in case_variants(args.warmup, seed=3)]))
            run_rounds(args, sides)
            checks = [check_stored(side) for side in sides]
            return report(args, sides, checks, differing)
        except SetupError as exc:
            print(f"cannot run: {exc}", file=sys.stderr, flush=True)
            return 2
        except KeyboardInterrupt:
            print("\ninterrupted; the phases finished so far:", file=sys.stderr, flush=True)
            for side in sides:
                for result in side.results:
                    print(f"round {result['round']}: {_summary(result)}", file=sys.stderr, flush=True)
            return 130
        finally:
            ignore_interrupts()
            print("cleaning up: servers, temporary databases and files", file=sys.stderr, flush=True)
            stack.close()


if __name__ == "__main__":
    sys.exit(main())
