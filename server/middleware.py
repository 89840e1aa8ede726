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


def origin_allowed(origin: str | None, headers: Headers, scheme: str, site_url: str | None) -> bool:
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
        cookies = SimpleCookie()
        try:
            cookies.load(headers.get("cookie", ""))
        except Exception:  # noqa: BLE001 - a garbled cookie header is just no cookies
            pass
        csrf_cookie = cookies[CSRF_COOKIE].value if CSRF_COOKIE in cookies else None
        new_csrf = None
        if not csrf_cookie or len(csrf_cookie) > 128:
            new_csrf = secrets.token_urlsafe(32)
        scope["securebase.csrf"] = csrf_cookie if not new_csrf else new_csrf
        https = scope.get("scheme") == "https"

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                out = MutableHeaders(scope=message)
                for key, value in SECURITY_HEADERS.items():
                    if key not in out:
                        out[key] = value
                if new_csrf:
                    secure = "; Secure" if https else ""
                    out.append("set-cookie",
                               f"{CSRF_COOKIE}={new_csrf}; Path=/; HttpOnly; SameSite=Lax{secure}")
            await send(message)

        async def reject(status: int, code: str, text: str) -> None:
            status, body = _json_error(status, code, text)
            await send_wrapper({"type": "http.response.start", "status": status,
                                "headers": [(b"content-type", b"application/json"),
                                            (b"content-length", str(len(body)).encode())]})
            await send_wrapper({"type": "http.response.body", "body": body})

        length = headers.get("content-length")
        if length is not None:
            size = parse_int(length, maximum=2**63 - 1)
            if size is None:
                await reject(400, "bad_request", "The request's length header is not valid.")
                return
            if size > MAX_BODY:
                await reject(413, "too_large", "That request is too large (the limit is 1 MiB).")
                return

        method = scope["method"].upper()
        if method in SAFE_METHODS:
            await self.app(scope, receive, send_wrapper)
            return

        # Read the body (bounded) so the CSRF field can be checked, then replay it.
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > MAX_BODY:
                await reject(413, "too_large", "That request is too large (the limit is 1 MiB).")
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)

        is_api = scope.get("path", "").startswith("/api/")
        if is_api and body and not is_json_type(headers.get("content-type")):
            await reject(415, "unsupported_media_type",
                         "This endpoint takes a JSON body: send it with 'Content-Type: application/json'.")
            return

        is_bearer = headers.get("authorization", "").lower().startswith("bearer ")
        if not is_bearer:
            if not origin_allowed(headers.get("origin"), headers, scope.get("scheme", "http"), self.site_url):
                await reject(403, "bad_origin", "This request came from another site and was refused.")
                return
            # A JSON API call without a session cookie carries no ambient authority; anything else
            # (every form, whatever Content-Type it claims) must prove it came from our own page.
            if not (is_api and SESSION_COOKIE not in cookies):
                submitted = headers.get("x-csrf-token")
                if submitted is None and not is_api:
                    # Pages read their body as a form whatever it is labelled, so the token is read alike.
                    try:
                        submitted = parse_qs(body.decode("utf-8"), max_num_fields=200).get(
                            "csrf_token", [None])[0]
                    except (UnicodeDecodeError, ValueError):
                        submitted = None
                if not csrf_cookie or not submitted or not hmac.compare_digest(
                        submitted.encode("utf-8", "replace"), csrf_cookie.encode("utf-8", "replace")):
                    await reject(403, "csrf_failed",
                                 "Your form expired or came from another site. Please reload the page and try again.")
                    return

        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send_wrapper)
