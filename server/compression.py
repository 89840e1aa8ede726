"""Gzip for large read-only answers: static files and the public read API.

Pages are not compressed on purpose. A page holds the member's CSRF token and can reflect
what a visitor typed (a search box, a form sent back with its errors), and compressing a
secret beside attacker-chosen text over TLS leaks the secret byte by byte (BREACH). The
answers compressed here hold neither a token nor a secret: static assets and JSON reads
of threads, rooms and search results. Websocket upgrades are never touched.
"""
from __future__ import annotations

from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

COMPRESSED_PREFIXES = ("/static/", "/api/threads/", "/api/rooms", "/api/search")
MINIMUM_SIZE = 1024  # smaller bodies gain less than the bytes gzip's header and CPU cost


class CompressReadsMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.gzip = GZipMiddleware(app, minimum_size=MINIMUM_SIZE)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD") \
                and scope["path"].startswith(COMPRESSED_PREFIXES):
            await self.gzip(scope, receive, send)
        else:
            await self.app(scope, receive, send)
