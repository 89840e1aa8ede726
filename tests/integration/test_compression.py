"""Gzip on large read-only answers, never on pages (BREACH: see server/compression.py)."""
from __future__ import annotations

import pytest

from tests.support import Site, register

# Checked on the wire, as a browser receives it.
pytestmark = pytest.mark.real_server


def test_thread_api_is_gzipped_and_pages_are_not(server: Site) -> None:
    member = register(server)
    with server.client() as c:
        room = c.get("/api/rooms").json()["rooms"][0]["slug"]
        body = "I keep rereading their last message and building stories around it. " * 30
        r = c.post(f"/api/rooms/{room}/threads", headers=member["headers"],
                   json={"title": "Rereading messages", "body": body})
        assert r.status_code == 201, r.text
        tid = r.json()["id"]
        api = c.get(f"/api/threads/{tid}", headers={"Accept-Encoding": "gzip"})
        assert api.status_code == 200
        assert api.headers.get("content-encoding") == "gzip"
        assert "building stories around it" in api.json()["thread"]["first_post"]["body"]  # httpx inflated it
        assert api.headers.get("cache-control")  # the security headers still reach compressed answers
        page = c.get(f"/threads/{tid}", headers={"Accept-Encoding": "gzip"})
        assert page.status_code == 200
        assert "content-encoding" not in page.headers
        css = c.get("/static/css/site.css", headers={"Accept-Encoding": "gzip"})
        assert css.status_code == 200 and len(css.content) >= 1024
        assert css.headers.get("content-encoding") == "gzip"
        small = c.get("/healthz", headers={"Accept-Encoding": "gzip"})
        assert "content-encoding" not in small.headers
