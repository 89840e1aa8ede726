"""uvicorn's HTTP protocol with a deadline for request headers (slowloris).

uvicorn's keep-alive timer only runs between requests, and not at all on a new
connection: a client that sends a header byte now and then is held forever.
Here each request's headers must be complete within ``header_timeout``
seconds of the connection opening or the previous response ending; otherwise
the connection is dropped. A stalled body is bounded by GuardMiddleware's size
limit and ``--limit-concurrency``.
"""
from __future__ import annotations

import asyncio
import functools
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol


@functools.cache
def configured_timeout() -> float:
    """``SECUREBASE_HEADER_TIMEOUT``, read once per worker (uvicorn imports this class by name)."""
    from server.settings import Settings

    return Settings.from_env().header_timeout


class HeaderTimeoutProtocol(HttpToolsProtocol):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.header_timeout = configured_timeout()
        self._header_timer: asyncio.TimerHandle | None = None

    def _arm_header_timer(self) -> None:
        if self._header_timer is None:
            self._header_timer = self.loop.call_later(self.header_timeout, self._headers_too_slow)

    def _disarm_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if not self.transport.is_closing():
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_header_timer()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._arm_header_timer()

    def on_headers_complete(self) -> None:
        self._disarm_header_timer()
        super().on_headers_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm_header_timer()  # the next request's headers are due too

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_header_timer()
        super().connection_lost(exc)

