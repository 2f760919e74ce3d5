"""Rate limiting per token: 429 with Retry-After as problem+json; in-process or in Redis."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_support import Api, start_api

from api.ratelimit import InProcessLimiter, NoLimit, RedisLimiter, make_limiter
from api.settings import ENV_RATE_LIMIT, ENV_REDIS_URL, Settings, sqlite_url

REDIS_URL = os.environ.get("REIKWIJDTE_TEST_REDIS", "redis://127.0.0.1:6379/15")


def _redis_problem() -> str | None:
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception as exc:  # noqa: BLE001 - any failure means: not available here
        return f"Redis not reachable at {REDIS_URL} ({type(exc).__name__}); start it or set $REIKWIJDTE_TEST_REDIS"
    return None


@pytest.fixture
def limited_api(tmp_path: Path) -> Iterator[Api]:
    data = tmp_path / "data"
    yield from start_api(data, sqlite_url(data), rate_limit_per_minute=3)


def test_a_token_past_its_limit_gets_429_with_retry_after(limited_api: Api) -> None:
    client = limited_api.client
    for _ in range(3):
        assert client.get("/v1/regels", headers=limited_api.auth("beleid")).status_code == 200
    refused = client.get("/v1/regels", headers=limited_api.auth("beleid"))
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/problem+json"
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    problem = refused.json()
    assert problem["status"] == 429 and problem["title"] == "Te veel verzoeken"
    # Per token: another token still gets through; requests without a token are not counted as it.
    assert client.get("/v1/regels", headers=limited_api.auth("audit")).status_code == 200
    assert client.get("/v1/regels").status_code == 401


def test_the_limit_is_off_with_zero_and_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_RATE_LIMIT, "0")
    monkeypatch.delenv(ENV_REDIS_URL, raising=False)
    settings = Settings.from_env(data_dir=tmp_path)
    assert isinstance(make_limiter(settings.rate_limit_per_minute, 60, settings.redis_url), NoLimit)
    monkeypatch.setenv(ENV_RATE_LIMIT, "100")
    settings = Settings.from_env(data_dir=tmp_path)
    assert isinstance(make_limiter(settings.rate_limit_per_minute, 60, settings.redis_url), InProcessLimiter)
    monkeypatch.setenv(ENV_REDIS_URL, "redis://127.0.0.1:6379/0")
    settings = Settings.from_env(data_dir=tmp_path)
    assert isinstance(make_limiter(settings.rate_limit_per_minute, 60, settings.redis_url), RedisLimiter)
    monkeypatch.setenv(ENV_RATE_LIMIT, "-1")
    with pytest.raises(ValueError):
        Settings.from_env(data_dir=tmp_path)


def test_the_in_process_window_starts_again() -> None:
    now = [1000.0]
    limiter = InProcessLimiter(2, 60, clock=lambda: now[0])

    async def hits() -> list[bool]:
        return [(await limiter.hit("t")).toegestaan for _ in range(3)]

    assert asyncio.run(hits()) == [True, True, False]
    now[0] += 60
    assert asyncio.run(hits()) == [True, True, False]


def test_redis_counts_for_every_process() -> None:
    reason = _redis_problem()
    if reason:
        pytest.skip(reason)
    key = f"test-{uuid.uuid4()}"

    async def run() -> list[bool]:
        # Two limiters stand for two server processes: together they get the limit once.
        first, second = RedisLimiter(REDIS_URL, 3, 60), RedisLimiter(REDIS_URL, 3, 60)
        return [(await limiter.hit(key)).toegestaan for limiter in (first, second, first, second, first)]

    assert asyncio.run(run()) == [True, True, True, False, False]


def test_the_api_limits_through_redis(tmp_path: Path) -> None:
    reason = _redis_problem()
    if reason:
        pytest.skip(reason)
    data = tmp_path / "data"
    for api in start_api(data, sqlite_url(data), rate_limit_per_minute=2, redis_url=REDIS_URL):
        statuses = [api.client.get("/v1/regels", headers=api.auth("beleid")).status_code for _ in range(3)]
        assert statuses == [200, 200, 429]


def test_redis_down_lets_requests_through() -> None:
    limiter = RedisLimiter("redis://127.0.0.1:1/0", 1, 60)

    async def run() -> list[bool]:
        return [(await limiter.hit("t")).toegestaan for _ in range(3)]

    assert asyncio.run(run()) == [True, True, True]
