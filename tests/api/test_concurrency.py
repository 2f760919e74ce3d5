"""A real server under concurrent load: answers stay per-case correct, and a crash loses nothing acknowledged.

The server runs as `reikwijdte serve` in a subprocess on 127.0.0.1 (a free port, a temporary
SQLite data directory). 32 clients send different cases at once; every answer must equal the
engine's own evaluation of that case (no answer may leak into another request), and every
acknowledged assessment must read back byte for byte. Then the server is killed with SIGKILL in
the middle of a burst and restarted: every assessment it had acknowledged is still there.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from api_support import ROOT, RULES, shared_engine

from api import tokens
from api.database import make_engine, migrate
from api.settings import sqlite_url
from engine.case import Casus

CLIENTS = 32
REQUESTS = 640


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    data: Path
    port: int
    toegang: str
    audit: str
    workers: int = 1
    process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env["REIKWIJDTE_LIMIET_PER_MINUUT"] = "0"  # a load test, not a test of the limit
        command = [
            sys.executable,
            "-c",
            "from cli.main import app; app()",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--data",
            str(self.data),
            "--regels",
            str(RULES),
        ]
        if self.workers > 1:
            command += ["--workers", str(self.workers)]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "the server exited during start"
            try:
                if httpx.get(f"{self.base}/readyz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise AssertionError("the server did not become ready")

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


def _running_server(tmp_path_factory: pytest.TempPathFactory, workers: int = 1) -> Iterator[Server]:
    data = tmp_path_factory.mktemp("server") / "data"
    db = make_engine(sqlite_url(data))
    migrate(db)
    toegang, _ = tokens.create(db, "wijkteam", ["toegang"], "standaard")
    audit, _ = tokens.create(db, "auditor", ["audit_landelijk"], "standaard")
    db.dispose()
    running = Server(data, _free_port(), toegang, audit, workers=workers)
    running.start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    yield from _running_server(tmp_path_factory)


@pytest.fixture(scope="module")
def two_worker_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    yield from _running_server(tmp_path_factory, workers=2)


def _cases(count: int) -> list[dict]:
    """Different cases, municipalities and dates, so the rules take different paths."""
    rng = random.Random(20250101)
    gemeenten = [None, *sorted(shared_engine().base.gemeenten)]
    cases = []
    for index in range(count):
        cases.append(
            {
                "casus": {
                    "kenmerk": f"C-{index}",
                    "jeugdige": {"leeftijd": rng.randint(0, 23), "woont_in_gemeente": rng.random() < 0.85},
                    "situatie": {
                        "opgroei_opvoedvragen": rng.random() < 0.7,
                        "psychische_problemen": rng.random() < 0.3,
                        "eigen_mogelijkheden_toereikend": rng.random() < 0.3,
                        "veiligheidszorgen": rng.random() < 0.15,
                    },
                    "hulpvraag": {
                        "soort": rng.choice(["cursus", "ambulante_hulp", "behandeling", "verblijf", "begeleiding"]),
                        "verwachte_kosten": rng.choice([150, 900, 1800, 2600, 12000]),
                        "kwalificatie_eisen": rng.random() < 0.5,
                        "ingrijpend": rng.random() < 0.3,
                    },
                },
                "gemeente": rng.choice(gemeenten),
                "peildatum": rng.choice(["2025-01-01", "2025-07-01"]),
            }
        )
    return cases


def _expected(body: dict) -> dict:
    beoordeling = shared_engine().evaluate(
        Casus.model_validate(body["casus"]),
        gemeente=body["gemeente"],
        peildatum=dt.date.fromisoformat(body["peildatum"]),
    )
    return beoordeling.model_dump(mode="json")


Result = tuple[int, "int | str", bytes]


async def _burst(server: Server, bodies: list[dict], clients: int, results: list[Result] | None = None) -> list[Result]:
    """Send every body once from `clients` concurrent clients: (index, status or error, body)."""
    results = [] if results is None else results
    queue = list(range(len(bodies)))
    headers = {"Authorization": f"Bearer {server.toegang}"}

    async def client_loop(client: httpx.AsyncClient) -> None:
        while queue:
            index = queue.pop()
            try:
                response = await client.post("/v1/beoordelingen", json=bodies[index], headers=headers)
                results.append((index, response.status_code, response.content))
            except httpx.HTTPError as exc:
                results.append((index, type(exc).__name__, b""))

    async with httpx.AsyncClient(base_url=server.base, timeout=30) as client:
        await asyncio.gather(*(client_loop(client) for _ in range(clients)))
    return results


@pytest.mark.parametrize("server_fixture", ["server", "two_worker_server"])
def test_the_server_does_not_name_its_software(server_fixture: str, request: pytest.FixtureRequest) -> None:
    server: Server = request.getfixturevalue(server_fixture)
    for response in (httpx.get(f"{server.base}/healthz"), httpx.get(f"{server.base}/v1/bestaat-niet")):
        assert "server" not in response.headers
        assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("server_fixture", ["server", "two_worker_server"])
def test_concurrent_requests_each_get_their_own_correct_answer(
    server_fixture: str, request: pytest.FixtureRequest
) -> None:
    server: Server = request.getfixturevalue(server_fixture)
    variants = _cases(48)
    expected = [_expected(body) for body in variants]
    assert len({json.dumps(e, sort_keys=True) for e in expected}) >= 10, "the cases should differ in outcome"
    bodies = [variants[i % len(variants)] for i in range(REQUESTS)]

    results = asyncio.run(_burst(server, bodies, CLIENTS))
    assert len(results) == REQUESTS
    failures = [(i, status) for i, status, _ in results if status != 201]
    assert failures == []
    ids = set()
    for index, _, content in results:
        record = json.loads(content)
        assert record["beoordeling"] == expected[index % len(variants)], f"request {index} got another case's answer"
        assert record["casus_kenmerk"] == bodies[index]["casus"]["kenmerk"]
        ids.add(record["id"])
    assert len(ids) == REQUESTS

    with httpx.Client(base_url=server.base, headers={"Authorization": f"Bearer {server.audit}"}) as client:
        for _, _, content in results:
            assessment_id = json.loads(content)["id"]
            assert client.get(f"/v1/beoordelingen/{assessment_id}").content == content


def test_a_crash_loses_nothing_that_was_acknowledged(server: Server) -> None:
    bodies = _cases(600)
    results: list[Result] = []

    async def burst_then_kill() -> None:
        burst = asyncio.create_task(_burst(server, bodies, 16, results))
        # Kill the server while requests are in flight, once some have been acknowledged.
        deadline = time.monotonic() + 60
        while sum(1 for r in results if r[1] == 201) < 50 and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        assert server.process is not None
        server.process.send_signal(signal.SIGKILL)
        await burst

    asyncio.run(burst_then_kill())
    assert server.process is not None
    server.process.wait(timeout=10)
    acknowledged = {json.loads(content)["id"]: content for _, status, content in results if status == 201}
    cut_off = [status for _, status, _ in results if status != 201]
    assert len(acknowledged) >= 50
    assert cut_off, "the kill should have cut requests off"
    assert all(isinstance(status, str) for status in cut_off), (
        "cut-off requests fail as connection errors, not as HTTP errors"
    )

    server.start()
    with httpx.Client(base_url=server.base, headers={"Authorization": f"Bearer {server.audit}"}) as client:
        for assessment_id, content in acknowledged.items():
            response = client.get(f"/v1/beoordelingen/{assessment_id}")
            assert response.status_code == 200, assessment_id
            assert response.content == content
