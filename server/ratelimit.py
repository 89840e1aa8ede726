"""Rate limits (the `limits` library), checked before any database lookup.

In-process memory by default; shared through Redis when REDIS_URL is set so
that several processes count together. If Redis is unreachable the limiter
falls back to memory rather than refusing every request.
"""
from __future__ import annotations

import logging
import time

from limits import parse
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter

from server.errors import RateLimited

log = logging.getLogger("securebase.ratelimit")


class RateLimiter:
    def __init__(self, redis_url: str | None = None) -> None:
        self._memory = MovingWindowRateLimiter(MemoryStorage())
        self._shared: MovingWindowRateLimiter | None = None
        if redis_url:
            uri = "async+" + redis_url if not redis_url.startswith("async+") else redis_url
            storage: Storage = RedisStorage(uri, implementation="redispy", wrap_exceptions=True,
                                            socket_timeout=1, socket_connect_timeout=1)
            self._shared = MovingWindowRateLimiter(storage)

    async def _limiter_hit(self, limiter: MovingWindowRateLimiter, rate: str, key: str) -> tuple[bool, int]:
        item = parse(rate)
        if await limiter.hit(item, "securebase", key):
            return True, 0
        stats = await limiter.get_window_stats(item, "securebase", key)
        return False, max(1, int(stats.reset_time - time.time()) + 1)

    async def check(self, rate: str, *keys: str, message: str | None = None) -> None:
        """Count one hit against every key; raise RateLimited if any is over its rate."""
        for key in keys:
            limiter = self._shared or self._memory
            try:
                ok, retry = await self._limiter_hit(limiter, rate, key)
            except Exception:  # noqa: BLE001 - storage down: count locally instead
                log.warning("shared rate-limit storage failed; counting in memory", exc_info=True)
                ok, retry = await self._limiter_hit(self._memory, rate, key)
            if not ok:
                raise RateLimited(retry, message)

    async def _window_exhausted(self, limiter: MovingWindowRateLimiter, rate: str, key: str) -> int:
        item = parse(rate)
        if await limiter.test(item, "securebase", key):
            return 0
        stats = await limiter.get_window_stats(item, "securebase", key)
        return max(1, int(stats.reset_time - time.time()) + 1)

    async def guard(self, rate: str, *keys: str, message: str | None = None) -> None:
        """Raise RateLimited if any key has used up its rate, without counting a hit."""
        for key in keys:
            try:
                retry = await self._window_exhausted(self._shared or self._memory, rate, key)
            except Exception:  # noqa: BLE001
                log.warning("shared rate-limit storage failed; counting in memory", exc_info=True)
                retry = await self._window_exhausted(self._memory, rate, key)
            if retry:
                raise RateLimited(retry, message)

    async def record(self, rate: str, *keys: str) -> None:
        """Count one hit against every key (e.g. a failed login), never raising."""
        for key in keys:
            try:
                await (self._shared or self._memory).hit(parse(rate), "securebase", key)
            except Exception:  # noqa: BLE001
                log.warning("shared rate-limit storage failed; counting in memory", exc_info=True)
                await self._memory.hit(parse(rate), "securebase", key)

    async def clear(self, rate: str, key: str) -> None:
        for limiter in (self._memory, self._shared):
            if limiter is None:
                continue
            try:
                await limiter.clear(parse(rate), "securebase", key)
            except Exception:  # noqa: BLE001
                log.warning("rate-limit clear failed", exc_info=True)
