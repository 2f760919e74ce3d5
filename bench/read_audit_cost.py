"""What the read audit costs: reads with it against the same reads without it, interleaved.

Every read of case data writes a row to `leesregistratie` (committed, on SQLite with
`synchronous=FULL`, before the data is returned). This script starts two servers on one
temporary SQLite data directory, on loopback: `reikwijdte serve` as shipped, and the same app
with `Store.registreer_lezing` replaced by a no-op (only in that bench process; the service has
no switch to turn the audit off). It stores a few assessments, then sends the same reads to both
servers alternately (one client, keep-alive, the order of the pair shuffled each round), so
machine noise falls on both alike, and reports the median and p90 latency per kind of read.

    .venv/bin/python bench/read_audit_cost.py [--rounds 300]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from load_api import HOST, ROOT, case_variants, free_port, make_token, start_server, wait_ready

_WITHOUT_AUDIT = """
import uvicorn
from api.store import Store
Store.registreer_lezing = lambda self, lezing: None  # the bench's control group only
from api.app import create_served_app
from cli.api_commands import log_config
uvicorn.run(create_served_app(), host={host!r}, port={port}, access_log=False, log_config=log_config())
"""


def start_without_audit(port: int, data_dir: Path, log_path: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env["REIKWIJDTE_DATA"] = str(data_dir)
    env["REIKWIJDTE_LIMIET_PER_MINUUT"] = "0"
    code = _WITHOUT_AUDIT.format(host=HOST, port=port)
    with open(log_path, "wb") as log:
        return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def _summary(samples: list[float]) -> str:
    ordered = sorted(samples)
    p90 = ordered[int(len(ordered) * 0.9) - 1]
    return f"median {statistics.median(ordered):6.2f} ms  p90 {p90:6.2f} ms  (n={len(ordered)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=300, help="reads per kind per server")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="reikwijdte-leesaudit-"))
    data = work / "data"
    processes: list[subprocess.Popen[bytes]] = []
    try:
        token = make_token(data)
        headers = {"Authorization": f"Bearer {token}"}
        bases = {}
        port = free_port()
        processes.append(start_server(port, data, work / "met.log", None, 1))
        bases["met leesregistratie"] = f"http://{HOST}:{port}"
        port = free_port()
        processes.append(start_without_audit(port, data, work / "zonder.log"))
        bases["zonder leesregistratie"] = f"http://{HOST}:{port}"
        for base, process in zip(bases.values(), processes, strict=True):
            wait_ready(base, process)
        first = next(iter(bases.values()))
        with httpx.Client(headers=headers, timeout=30) as client:
            ids = [
                client.post(f"{first}/v1/beoordelingen", json=case).raise_for_status().json()["id"]
                for case in case_variants(20)
            ]
            kinds = {
                "GET /v1/beoordelingen/{id}": lambda n: f"/v1/beoordelingen/{ids[n % len(ids)]}",
                "GET /v1/beoordelingen (20 per pagina)": lambda n: "/v1/beoordelingen?paginaGrootte=20",
            }
            samples: dict[tuple[str, str], list[float]] = {(k, s): [] for k in kinds for s in bases}
            rng = random.Random(13)
            for n in range(-10, args.rounds):  # the first 10 rounds warm up and are not counted
                for kind, path in kinds.items():
                    order = list(bases.items())
                    rng.shuffle(order)
                    for name, base in order:
                        started = time.perf_counter()
                        client.get(base + path(n)).raise_for_status()
                        if n >= 0:
                            samples[(kind, name)].append((time.perf_counter() - started) * 1000)
        for kind in kinds:
            print(kind)
            medians = {}
            for name in bases:
                medians[name] = statistics.median(samples[(kind, name)])
                print(f"  {name:24} {_summary(samples[(kind, name)])}")
            extra = medians["met leesregistratie"] - medians["zonder leesregistratie"]
            print(f"  kosten van de leesregistratie (mediaan): {extra:+.2f} ms per lezing")
        return 0
    finally:
        for process in processes:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
