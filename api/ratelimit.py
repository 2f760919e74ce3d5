"""A limit on requests per token: 429 with `Retry-After` when a token holder sends too many.

A fixed window per token: at most `limiet` requests in each `venster` seconds. Generous by
default (a team's client never notices it; a runaway script does), configurable, and off with a
limit of 0 (as `bench/load_api.py` needs).

Where the count lives matters:
- **in-process** (default): each server process counts on its own, so with `--workers N` (or
  several servers) a token may send up to N times the limit;
- **Redis** (`$REIKWIJDTE_REDIS_URL`): every process and server counts in the same place, so the
  limit holds for the whole service. When Redis does not answer, requests are let through (a
  limit is protection, not a reason to stop the access teams' work) and the failure is logged.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

log = logging.getLogger("reikwijdte.api")


@dataclass(frozen=True)
class Oordeel:
    """Whether a request may go on; if not, after how many seconds it may."""

    toegestaan: bool
    opnieuw_na: int = 0


class Limiter(Protocol):
    async def hit(self, key: str) -> Oordeel: ...

    def close(self) -> None: ...


class NoLimit:
    """Every request may go on (limit 0)."""

    async def hit(self, key: str) -> Oordeel:
        return Oordeel(True)

    def close(self) -> None:
        return None


class InProcessLimiter:
    """Fixed windows counted in this process's memory."""

    def __init__(self, limiet: int, venster: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.limiet = limiet
        self.venster = venster
        self._clock = clock
        self._counts: dict[str, tuple[int, int]] = {}
        self._lock = threading.Lock()

    async def hit(self, key: str) -> Oordeel:
        now = self._clock()
        window = int(now // self.venster)
        with self._lock:
            started, count = self._counts.get(key, (window, 0))
            if started != window:
                count = 0
                if len(self._counts) > 100_000:  # forget old windows of tokens no longer seen
                    self._counts = {k: v for k, v in self._counts.items() if v[0] == window}
            count += 1
            self._counts[key] = (window, count)
        if count <= self.limiet:
            return Oordeel(True)
        return Oordeel(False, max(1, math.ceil((window + 1) * self.venster - now)))

    def close(self) -> None:
        return None


class RedisLimiter:
    """Fixed windows counted in Redis (`INCR` on a key per token and window), shared by all processes."""

    def __init__(self, url: str, limiet: int, venster: float, prefix: str = "reikwijdte:limiet:") -> None:
        import redis.asyncio as redis

        self.limiet = limiet
        self.venster = venster
        self.prefix = prefix
        self._redis = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)

    async def hit(self, key: str) -> Oordeel:
        now = time.time()
        window = int(now // self.venster)
        name = f"{self.prefix}{key}:{window}"
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.incr(name)
                pipe.expire(name, math.ceil(self.venster) + 1)
                count, _ = await pipe.execute()
        except Exception as exc:  # noqa: BLE001 - Redis down: let the request through, say so in the log
            log.warning("limiet niet te controleren, Redis antwoordt niet: %s", type(exc).__name__)
            return Oordeel(True)
        if int(count) <= self.limiet:
            return Oordeel(True)
        return Oordeel(False, max(1, math.ceil((window + 1) * self.venster - now)))

    def close(self) -> None:
        return None


def make_limiter(limiet: int, venster: float, redis_url: str | None) -> Limiter:
    """The limiter the settings ask for: none (0), Redis when a URL is given, else in-process."""
    if limiet <= 0:
        return NoLimit()
    if redis_url:
        return RedisLimiter(redis_url, limiet, venster)
    return InProcessLimiter(limiet, venster)
