"""Live group sessions: schedule, RSVP, start, slow mode, lock, pin seen by a late joiner, end."""
from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from tests.support import Site, register, set_role, unique


def _iso(dt: datetime) -> str:
    return dt.isoformat()


def _room(server: Site, admin: dict) -> str:
    slug = unique("live").replace("_", "-")
    r = server.post("/api/rooms", json={"slug": slug, "name": "Session room"}, headers=admin["headers"])
    assert r.status_code == 201, r.text
    return slug


def test_schedule_form_reads_the_browsers_time_zone(server) -> None:
    admin, facilitator = register(server.url), register(server.url)
    set_role(server, admin["handle"], "admin")
    slug = _room(server, admin)
    with server.client(cookies={"sb_session": admin["token"]}) as c:
        page = c.get(f"/rooms/{slug}")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        assert 'id="schedule-form"' in page.text
        start = (datetime.now(UTC) + timedelta(days=2)).replace(second=0, microsecond=0)
        local = start.astimezone(ZoneInfo("Pacific/Auckland")).replace(tzinfo=None)
        r = c.post(f"/rooms/{slug}/sessions", data={
            "csrf_token": token, "title": "Weekend circle", "description": "", "facilitator": facilitator["handle"],
            "starts_at": local.strftime("%Y-%m-%dT%H:%M"), "ends_at": (local + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "timezone": "Pacific/Auckland"}, follow_redirects=False)
        assert r.status_code == 303, r.text
        sessions = c.get(f"/api/rooms/{slug}/sessions").json()["sessions"]
        assert sessions[0]["title"] == "Weekend circle"
        assert datetime.fromisoformat(sessions[0]["starts_at"].replace("Z", "+00:00")) == start
