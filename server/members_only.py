"""Members-only reading: what members wrote is for signed-in members unless the site opts in.

``SECUREBASE_PUBLIC_READ`` (default off) decides whether signed-out visitors may read rooms'
threads and thread pages. The home page, the help directory and the room list with its
descriptions are always public; profiles' post history is for members only, whatever the
setting. Search engines are asked to keep out of member content (``robots.txt`` and
``X-Robots-Tag``).
"""
from __future__ import annotations

from urllib.parse import quote

from starlette.requests import HTTPConnection
from starlette.responses import PlainTextResponse, RedirectResponse

from server import access
from server.auth import Viewer
from server.errors import Unauthenticated

# Paths whose answers hold (or lead to) what members wrote: disallowed in robots.txt, noindex.
MEMBER_CONTENT_PREFIXES = ("/threads/", "/rooms/", "/u/", "/api/", "/mod", "/care/", "/posts/", "/ws/")
ROBOTS_DISALLOWED = ("/threads/", "/rooms/", "/u/", "/api/", "/mod", "/care/", "/posts/")


def may_read(conn: HTTPConnection, viewer: Viewer) -> bool:
    return access.may_read(viewer, conn.app.state.services.settings.public_read)


def require_reader(conn: HTTPConnection, viewer: Viewer) -> None:
    """API: a signed-out visitor gets 401 for member content unless public read is on."""
    if not may_read(conn, viewer):
        raise Unauthenticated("Please sign in to read what members wrote.")


def sign_in_redirect(conn: HTTPConnection) -> RedirectResponse:
    """Pages: send a signed-out visitor to sign in, and back here afterwards."""
    path = conn.url.path + (f"?{conn.url.query}" if conn.url.query else "")
    return RedirectResponse("/signin?next=" + quote(path, safe="/"), status_code=303)


def is_member_content(path: str) -> bool:
    return path.startswith(MEMBER_CONTENT_PREFIXES)


async def robots_txt(_conn: HTTPConnection) -> PlainTextResponse:
    lines = ["User-agent: *", *(f"Disallow: {p}" for p in ROBOTS_DISALLOWED), ""]
    return PlainTextResponse("\n".join(lines), headers={"cache-control": "public, max-age=3600"})
