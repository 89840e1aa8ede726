"""Static files with fingerprinted URLs: cached for a year where the URL names the content.

Templates link assets with ``static_url("css/site.css")`` → ``/static/css/site.css?v=3f2a1c9e``,
the first characters of the file's SHA-256, computed once per process. A request carrying the
current fingerprint is answered ``Cache-Control: public, max-age=31536000, immutable``: a new
version of the file has a new URL, so browsers never ask again. Any other request (no ``v``,
an old one, a module imported by another, like ``./time.js``) gets ``no-cache``: the browser
keeps the copy and revalidates it with the ETag Starlette sets (a 304 with no body).
"""
from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs

from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

STATIC_DIR = Path(str(resources.files("frontend").joinpath("static")))
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


@cache
def fingerprint(path: str) -> str:
    """First 8 hex digits of the file's SHA-256 ('' for a path outside the static folder)."""
    target = (STATIC_DIR / path).resolve()
    if not target.is_relative_to(STATIC_DIR.resolve()) or not target.is_file():
        return ""
    return hashlib.sha256(target.read_bytes()).hexdigest()[:8]


def static_url(path: str) -> str:
    """The URL of a static asset, with its content's fingerprint (for templates)."""
    v = fingerprint(path)
    return f"/static/{path}?v={v}" if v else f"/static/{path}"


class FingerprintedStaticFiles(StaticFiles):
    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code in (200, 304):
            asked = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("v", [""])[0]
            current = fingerprint(path)
            response.headers["cache-control"] = IMMUTABLE if current and asked == current else REVALIDATE
        return response
