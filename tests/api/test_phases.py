"""A stored assessment's log line says how long each phase of the request took, and only that."""

from __future__ import annotations

import importlib.util
import logging
import re
import sys
from pathlib import Path

import pytest
from api_support import Api, persona_request

from api.phases import Fasen

ROOT = Path(__file__).resolve().parents[2]
PHASES = [
    "ontvangen",
    "wacht_motor",
    "motor",
    "document",
    "wacht_schrijver",
    "commit",
    "vrijgeven",
    "antwoord",
]
_FASEN = re.compile(r" fasen=(\S+)")


def _phases(line: str) -> dict[str, float]:
    match = _FASEN.search(line)
    assert match, line
    return {name: float(ms) for name, ms in (item.split(":") for item in match.group(1).split(","))}


def test_the_phases_follow_each_other_and_add_up_to_the_request(
    sqlite_api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="reikwijdte")
    response = sqlite_api.client.post("/v1/beoordelingen", json=persona_request(), headers=sqlite_api.auth("toegang"))
    assert response.status_code == 201
    [line] = [r.getMessage() for r in caplog.records if r.name == "reikwijdte.api"]
    total = float(line.split()[3].removesuffix("ms"))
    phases = _phases(line)
    assert list(phases) == PHASES
    assert all(ms >= 0 for ms in phases.values())
    assert phases["motor"] > 0 and phases["commit"] > 0
    # Written to two decimals, the total to one: the phases cover the whole request.
    assert sum(phases.values()) == pytest.approx(total, abs=0.1 + 0.01 * len(phases))


def test_a_key_adds_its_lookup_and_a_replay_ends_there(sqlite_api: Api, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="reikwijdte")
    headers = {**sqlite_api.auth("toegang"), "Idempotency-Key": "fasen-1"}
    for expected in (201, 200):
        response = sqlite_api.client.post("/v1/beoordelingen", json=persona_request(), headers=headers)
        assert response.status_code == expected
    first, replay = (_phases(r.getMessage()) for r in caplog.records if r.name == "reikwijdte.api")
    assert list(first) == ["ontvangen", "sleutel", *PHASES[1:]]
    assert list(replay) == ["ontvangen", "sleutel", "antwoord"]


def test_marks_from_given_moments() -> None:
    fasen = Fasen(begin=10.0)
    fasen.mark("a", 10.002)
    fasen.mark("b", 10.0025)
    durations = fasen.durations(end=10.005)
    assert [name for name, _ in durations] == ["a", "b", "antwoord"]
    assert [ms for _, ms in durations] == pytest.approx([2.0, 0.5, 2.5])


def _load_api():
    spec = importlib.util.spec_from_file_location("load_api", ROOT / "bench" / "load_api.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["load_api"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_load_test_reads_the_phases_and_what_the_slowest_requests_spent(tmp_path: Path) -> None:
    load_api = _load_api()
    lines = [
        f"INFO reikwijdte.api POST /v1/beoordelingen 201 {2 + n}.0ms beoordeling=x{n} "
        f"fasen=motor:{1 + n}.00,commit:1.00,antwoord:0.00"
        for n in range(100)
    ]
    lines.insert(3, "INFO reikwijdte.api GET /v1/beoordelingen/{id} 200 1.0ms beoordeling=x1")
    lines.append("INFO reikwijdte.api POST /v1/beoordelingen 201 7.5ms beoordeling=old")  # a base: no phases
    log = tmp_path / "server.log"
    log.write_text("\n".join(lines))
    requests = load_api.server_requests(log, 0)
    assert len(requests) == 101
    assert requests[0].phases == {"motor": 1.0, "commit": 1.0, "antwoord": 0.0}
    assert requests[-1].phases == {}
    figures = load_api.phase_figures(requests)
    assert list(figures) == ["motor", "commit", "antwoord"]
    assert figures["motor"]["median_ms"] == 50.5
    assert figures["motor"]["p99_ms"] == 100.0
    assert figures["motor"]["slowest_1pct_mean_ms"] == 100.0  # the one slowest request: its engine
    assert figures["commit"] == {"median_ms": 1.0, "p99_ms": 1.0, "slowest_1pct_mean_ms": 1.0}
    assert load_api.phase_figures(requests[-1:]) is None


def test_the_comparison_with_a_base_gives_each_phase_both_sides_log(tmp_path: Path) -> None:
    load_api = _load_api()

    def result(mode: str, phases: dict[str, float] | None) -> dict:
        figures = None if phases is None else {n: {"median_ms": ms, "p99_ms": 2 * ms} for n, ms in phases.items()}
        return {
            "mode": mode,
            "stored_per_second": 100.0,
            "p99_ms": 10.0,
            "server_p99_ms": 9.0,
            "server_cpu_ms_per_request": 5.0,
            "server_phases": figures,
        }

    base = load_api.Side("base", "base", tmp_path, tmp_path)
    this = load_api.Side("this", "this checkout", tmp_path, tmp_path)
    base.results = [result("closed loop", None), result("paced at 46/s", {"motor": 3.0, "terug": 0.2, "commit": 2.0})]
    this.results = [result("closed loop", None), result("paced at 46/s", {"motor": 3.0, "commit": 1.5})]
    comparison = load_api.compare_sides(base, this)
    phases = sorted(name for name in comparison if name.startswith("paced_phase_"))
    assert phases == [
        "paced_phase_commit_median_ms",
        "paced_phase_commit_p99_ms",
        "paced_phase_motor_median_ms",
        "paced_phase_motor_p99_ms",
    ]  # `terug` only in the base: not compared
    assert comparison["paced_phase_commit_median_ms"]["ratio_of_medians"] == 0.75
    assert comparison["paced_phase_commit_median_ms"]["target"] == "none"
    assert load_api.targets_met(comparison) is False  # same throughput: the phases change no target
    no_phases = load_api.Side("old", "old", tmp_path, tmp_path)
    no_phases.results = [result("paced at 46/s", None)]
    assert not any(name.startswith("paced_phase_") for name in load_api.compare_sides(no_phases, this))
