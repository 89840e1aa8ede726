"""Headers every answer carries that ``GuardMiddleware`` doesn't add.

- ``Cache-Control: no-store`` on every HTTP response outside ``/static/``
  (pages differ by viewer and hold what members wrote; API answers are
  personal), unless the endpoint chose its own.
- ``X-Robots-Tag: noindex, nofollow`` on member content (threads, rooms,
  profiles, the API, moderation and care pages): search engines keep out.
- Websocket handshakes: the security headers on the ``101``, and a refusal
  before accept (``websocket.close``) becomes a ``403`` carrying them too,
  where the server supports the denial-response extension (uvicorn does).

500s never reach middleware (Starlette answers them outermost); ``server_error``
in app.py adds the same headers itself via ``error_headers``.
"""
from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.members_only import is_member_content
from server.middleware import SECURITY_HEADERS

NO_STORE = "no-store"
CACHEABLE_PREFIXES = ("/static/",)


def error_headers() -> dict[str, str]:
    return {**SECURITY_HEADERS, "cache-control": NO_STORE}


def _raw(headers: dict[str, str]) -> list[tuple[bytes, bytes]]:
    return [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]


class ResponseHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            if scope.get("path", "").startswith(CACHEABLE_PREFIXES):
                await self.app(scope, receive, send)
                return

            noindex = is_member_content(scope.get("path", ""))

            async def send_http(message: Message) -> None:
                if message["type"] == "http.response.start":
                    headers = MutableHeaders(scope=message)
                    if "cache-control" not in headers:
                        headers["cache-control"] = NO_STORE
                    if noindex:
                        headers["x-robots-tag"] = "noindex, nofollow"
                await send(message)

            await self.app(scope, receive, send_http)
        elif scope["type"] == "websocket":
            await self.app(scope, receive, self._websocket_sender(scope, send))
        else:
            await self.app(scope, receive, send)

    @staticmethod
    def _websocket_sender(scope: Scope, send: Send) -> Send:
        can_deny = "websocket.http.response" in scope.get("extensions", {})
        state = {"open": False}

        async def send_ws(message: Message) -> None:
            kind = message["type"]
            if kind == "websocket.accept":
                state["open"] = True
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in _raw(SECURITY_HEADERS) if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            elif kind == "websocket.http.response.start":
                state["open"] = True
                headers = MutableHeaders(scope=message)
                for key, value in error_headers().items():
                    headers.setdefault(key, value)
            elif kind == "websocket.close" and not state["open"] and can_deny:
                state["open"] = True
                body = b"This connection was refused."
                await send({"type": "websocket.http.response.start", "status": 403,
                            "headers": [*_raw(error_headers()), (b"content-type", b"text/plain; charset=utf-8"),
                                        (b"content-length", str(len(body)).encode())]})
                await send({"type": "websocket.http.response.body", "body": body})
                return
            await send(message)

        return send_ws
