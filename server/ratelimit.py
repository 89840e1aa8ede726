"""Rate limits (the `limits` library), checked before any database lookup.

In-process memory by default; shared through Redis when REDIS_URL is set so
that several processes count together. If Redis is unreachable the limiter
falls back to memory rather than refusing every request.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

from limits import RateLimitItem, parse
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter

from server.errors import RateLimited

log = logging.getLogger("securebase.ratelimit")
T = TypeVar("T")


class RateLimiter:
    def __init__(self, redis_url: str | None = None, prefix: str = "") -> None:
        self._memory = MovingWindowRateLimiter(MemoryStorage())
        self._shared: MovingWindowRateLimiter | None = None
        if redis_url:
            uri = "async+" + redis_url if not redis_url.startswith("async+") else redis_url
            # The site's prefix keeps two sites (or two test databases) on one Redis apart.
            storage: Storage = RedisStorage(uri, implementation="redispy", wrap_exceptions=True,
                                            key_prefix=f"{prefix}LIMITS",
                                            socket_timeout=1, socket_connect_timeout=1)
            self._shared = MovingWindowRateLimiter(storage)

    async def _run(self, op: Callable[[MovingWindowRateLimiter], Awaitable[T]]) -> T:
        """Run ``op`` on the shared limiter, or in memory when there is none or it fails."""
        if self._shared is not None:
            try:
                return await op(self._shared)
            except Exception:  # storage down: count locally instead
                log.warning("shared rate-limit storage failed; counting in memory", exc_info=True)
        return await op(self._memory)

    @staticmethod
    async def _retry_after(limiter: MovingWindowRateLimiter, item: RateLimitItem, key: str) -> int:
        stats = await limiter.get_window_stats(item, "securebase", key)
        return max(1, int(stats.reset_time - time.time()) + 1)

    async def check(self, rate: str, *keys: str, message: str | None = None) -> None:
        """Count one hit against every key; raise RateLimited if any is over its rate."""
        item = parse(rate)
        for key in keys:
            async def hit(limiter: MovingWindowRateLimiter, key: str = key) -> int:
                if await limiter.hit(item, "securebase", key):
                    return 0
                return await self._retry_after(limiter, item, key)
            retry = await self._run(hit)
            if retry:
                raise RateLimited(retry, message)

    async def guard(self, rate: str, *keys: str, message: str | None = None) -> None:
        """Raise RateLimited if any key has used up its rate, without counting a hit."""
        item = parse(rate)
        for key in keys:
            async def test(limiter: MovingWindowRateLimiter, key: str = key) -> int:
                if await limiter.test(item, "securebase", key):
                    return 0
                return await self._retry_after(limiter, item, key)
            retry = await self._run(test)
            if retry:
                raise RateLimited(retry, message)

    async def record(self, rate: str, *keys: str) -> None:
        """Count one hit against every key (e.g. a failed login), never raising."""
        item = parse(rate)
        for key in keys:
            await self._run(_hit(item, key))

    async def count(self, rate: str, key: str) -> int:
        """How many hits ``key`` has in the current window of ``rate`` (at most its limit)."""
        item = parse(rate)

        async def stats(limiter: MovingWindowRateLimiter) -> int:
            window = await limiter.get_window_stats(item, "securebase", key)
            return max(0, item.amount - window.remaining)
        return await self._run(stats)

    async def clear(self, rate: str, key: str) -> None:
        for limiter in (self._memory, self._shared):
            if limiter is None:
                continue
            try:
                await limiter.clear(parse(rate), "securebase", key)
            except Exception:
                log.warning("rate-limit clear failed", exc_info=True)


def _hit(item: RateLimitItem, key: str) -> Callable[[MovingWindowRateLimiter], Awaitable[bool]]:
    """An operation for ``RateLimiter._run`` that counts one hit of ``item`` against ``key``."""
    return lambda limiter: limiter.hit(item, "securebase", key)
