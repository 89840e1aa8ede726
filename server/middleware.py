"""HTTP guards that apply to every request, in one place.

- Security headers (strict CSP: no inline script, no eval, no framing).
- Request bodies over 1 MiB are refused with 413 before they are read whole.
- CSRF: a double-submit token (cookie ``sb_csrf`` + form field or
  ``X-CSRF-Token`` header) on every unsafe request that is not bearer
  authenticated, plus an Origin check. Bearer requests are immune (browsers
  never attach them on their own) and need no token.
- What kind of endpoint it is decides, never the claimed ``Content-Type``:
  pages (forms) always need the token; ``/api/`` endpoints take only a real
  JSON body (415 otherwise), which a cross-site form cannot send, so they need
  the token only when a session cookie is present.
"""
from __future__ import annotations

import contextlib
import hmac
import json
import secrets
from http.cookies import SimpleCookie
from urllib.parse import parse_qs, urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.auth import CSRF_COOKIE, SESSION_COOKIE
from server.validation import parse_int

MAX_BODY = 1024 * 1024
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])

SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
    "cross-origin-opener-policy": "same-origin",
}


def _json_error(status: int, code: str, message: str) -> tuple[int, bytes]:
    return status, json.dumps({"error": {"code": code, "message": message}}).encode()


def is_json_type(content_type: str | None) -> bool:
    """``application/json``, optionally with a charset parameter, and nothing else."""
    media, *params = (content_type or "").split(";")
    if media.strip().lower() != "application/json":
        return False
    return all(p.strip().lower().startswith("charset=") for p in params if p.strip())


def origin_allowed(origin: str | None, headers: Headers, site_url: str | None) -> bool:
    """Is this Origin the site's own? (None means the client sent none.)"""
    if origin is None:
        return True
    if origin == "null":
        return False
    if site_url:
        return origin.rstrip("/") == site_url.rstrip("/")
    host = headers.get("host", "")
    parsed = urlsplit(origin)
    return parsed.netloc == host and parsed.scheme in ("http", "https")


class GuardMiddleware:
    def __init__(self, app: ASGIApp, site_url: str | None = None) -> None:
        self.app = app
        self.site_url = site_url

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        cookies = _cookies(headers)
        csrf_cookie = cookies[CSRF_COOKIE].value if CSRF_COOKIE in cookies else None
        new_csrf = None
        if not csrf_cookie or len(csrf_cookie) > 128:
            new_csrf = secrets.token_urlsafe(32)
        scope["securebase.csrf"] = new_csrf if new_csrf else csrf_cookie
        send_wrapper = _with_headers(send, new_csrf, secure=scope.get("scheme") == "https")

        refusal = _length_refusal(headers)
        if refusal is not None:
            await _send_refusal(send_wrapper, refusal)
            return

        method = scope["method"].upper()
        if method in SAFE_METHODS:
            await self.app(scope, receive, send_wrapper)
            return

        # Read the body (bounded) so the CSRF field can be checked, then replay it.
        body = await _read_body(receive)
        if body is None:
            return  # the client went away
        if not isinstance(body, bytes):
            await _send_refusal(send_wrapper, body)
            return
        refusal = self._unsafe_request_refusal(scope, headers, cookies, csrf_cookie, body)
        if refusal is not None:
            await _send_refusal(send_wrapper, refusal)
            return

        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send_wrapper)

    def _unsafe_request_refusal(self, scope: Scope, headers: Headers, cookies: SimpleCookie,
                                csrf_cookie: str | None, body: bytes) -> _Refusal | None:
        """Why a POST (PUT, DELETE, ...) must be refused: a non-JSON API body, another site's
        Origin or a missing or wrong CSRF token; None when it may go ahead."""
        is_api = scope.get("path", "").startswith("/api/")
        if is_api and body and not is_json_type(headers.get("content-type")):
            return (415, "unsupported_media_type",
                    "This endpoint takes a JSON body: send it with 'Content-Type: application/json'.")
        if headers.get("authorization", "").lower().startswith("bearer "):
            return None
        if not origin_allowed(headers.get("origin"), headers, self.site_url):
            return (403, "bad_origin", "This request came from another site and was refused.")
        # A JSON API call without a session cookie carries no ambient authority; anything else
        # (every form, whatever Content-Type it claims) must prove it came from our own page.
        if is_api and SESSION_COOKIE not in cookies:
            return None
        if not _csrf_token_matches(headers, body, is_api, csrf_cookie):
            return (403, "csrf_failed",
                    "Your form expired or came from another site. Please reload the page and try again.")
        return None


# (HTTP status, error code, message safe to show)
_Refusal = tuple[int, str, str]
_TOO_LARGE: _Refusal = (413, "too_large", "That request is too large (the limit is 1 MiB).")


def _with_headers(send: Send, new_csrf: str | None, secure: bool) -> Send:
    """`send`, adding the security headers to the response (and a fresh CSRF cookie if one is due)."""

    async def send_wrapper(message: Message) -> None:
        if message["type"] == "http.response.start":
            out = MutableHeaders(scope=message)
            for key, value in SECURITY_HEADERS.items():
                if key not in out:
                    out[key] = value
            if new_csrf:
                flag = "; Secure" if secure else ""
                out.append("set-cookie", f"{CSRF_COOKIE}={new_csrf}; Path=/; HttpOnly; SameSite=Lax{flag}")
        await send(message)

    return send_wrapper


async def _send_refusal(send: Send, refusal: _Refusal) -> None:
    status, body = _json_error(*refusal)
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def _cookies(headers: Headers) -> SimpleCookie:
    cookies = SimpleCookie()
    with contextlib.suppress(Exception):  # a garbled cookie header is just no cookies
        cookies.load(headers.get("cookie", ""))
    return cookies


def _length_refusal(headers: Headers) -> _Refusal | None:
    """A Content-Length that is not a number, or over the limit, is refused before any reading."""
    length = headers.get("content-length")
    if length is None:
        return None
    size = parse_int(length, maximum=2**63 - 1)
    if size is None:
        return (400, "bad_request", "The request's length header is not valid.")
    if size > MAX_BODY:
        return _TOO_LARGE
    return None


async def _read_body(receive: Receive) -> bytes | _Refusal | None:
    """The whole request body, or a refusal once it passes MAX_BODY, or None if the client left."""
    chunks: list[bytes] = []
    size = 0
    more = True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
            return _TOO_LARGE
        chunks.append(chunk)
        more = message.get("more_body", False)
    return b"".join(chunks)


def _csrf_token_matches(headers: Headers, body: bytes, is_api: bool, csrf_cookie: str | None) -> bool:
    submitted = headers.get("x-csrf-token")
    if submitted is None and not is_api:
        # Pages read their body as a form whatever it is labelled, so the token is read alike.
        try:
            submitted = parse_qs(body.decode("utf-8"), max_num_fields=200).get("csrf_token", [None])[0]
        except (UnicodeDecodeError, ValueError):
            submitted = None
    if not csrf_cookie or not submitted:
        return False
    return hmac.compare_digest(submitted.encode("utf-8", "replace"), csrf_cookie.encode("utf-8", "replace"))
