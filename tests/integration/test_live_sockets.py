"""Live group sessions: schedule, RSVP, start, slow mode, lock, pin seen by a late joiner, end — the tests that need live chat sockets, so they run against a uvicorn subprocess (``real_server``)."""
from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from tests.integration.test_chat_support import ChatClient
from tests.integration.test_live import _iso, _room
from tests.support import client_for, register, set_role

pytestmark = pytest.mark.real_server


async def test_live_session_from_schedule_to_end(server) -> None:
    url = server.url
    mod, facilitator, member, late = (register(url) for _ in range(4))
    set_role(server, mod["handle"], "admin")
    slug = _room(server, mod)
    api = client_for(url, timeout=20)
    start = datetime.now(UTC) + timedelta(minutes=5)
    plan = {"title": "Evening check-in", "description": "Bring *one* feeling.", "facilitator": facilitator["handle"],
            "starts_at": _iso(start.astimezone(datetime.now().astimezone().tzinfo)),
            "ends_at": (start + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S+00:00")}

    # Only moderators and admins schedule.
    r = api.post(f"/api/rooms/{slug}/sessions", json=plan, headers=member["headers"])
    assert r.status_code == 403
    r = api.post(f"/api/rooms/{slug}/sessions", json={**plan, "starts_at": "2026-05-01T18:00:00"},
                 headers=mod["headers"])
    assert r.status_code == 422 and r.json()["error"]["code"] == "missing_timezone"
    r = api.post(f"/api/rooms/{slug}/sessions", json=plan, headers=mod["headers"])
    assert r.status_code == 201, r.text
    session = r.json()["session"]
    sid = session["id"]
    assert session["state"] == "scheduled" and session["facilitator"]["handle"] == facilitator["handle"]
    assert datetime.fromisoformat(session["starts_at"].replace("Z", "+00:00")) == start
    assert "<em>one</em>" in session["description_html"]

    # Members RSVP; the room and home pages list it with a machine-readable time.
    r = api.put(f"/api/sessions/{sid}/rsvp", headers=member["headers"])
    assert r.status_code == 200 and r.json()["session"]["going"] is True
    assert r.json()["session"]["rsvp_count"] == 1
    for page in ("/", f"/rooms/{slug}"):
        html = api.get(page).text
        assert "Evening check-in" in html and re.search(r'<time datetime="[^"]+">', html)

    cm = await ChatClient.open(server, member, slug)
    cf = await ChatClient.open(server, facilitator, slug)
    try:
        # Only the facilitator (or staff) starts it.
        assert api.post(f"/api/sessions/{sid}/start", headers=member["headers"]).status_code == 403
        r = api.post(f"/api/sessions/{sid}/start", headers=facilitator["headers"])
        assert r.status_code == 200 and r.json()["session"]["state"] == "live"
        started = await cm.expect("session", lambda f: f["change"] == "started")
        assert started["session"]["id"] == sid and isinstance(started["id"], int)

        # Messages during the session are linked to it.
        await cm.say("checking in: tired but here", client_id="s-1")
        msg = await cm.expect("message", lambda f: f["client_id"] == "s-1")
        assert msg["session_id"] == sid

        # Slow mode: one message per N seconds for members; the facilitator is not held back.
        r = api.patch(f"/api/sessions/{sid}", json={"slow_mode_seconds": 30}, headers=facilitator["headers"])
        assert r.status_code == 200 and r.json()["session"]["slow_mode_seconds"] == 30
        await cm.expect("session", lambda f: f["session"]["slow_mode_seconds"] == 30)
        await cm.say("and one more thing", client_id="s-2")
        err = await cm.expect("error", lambda f: f.get("client_id") == "s-2")
        assert err["code"] == "slow_mode" and 1 <= err["retry_after"] <= 30
        for i in range(2):
            await cf.say(f"facilitator note {i}", client_id=f"f-{i}")
            await cf.expect("message", lambda f, i=i: f["client_id"] == f"f-{i}")

        # Lock: only facilitators speak.
        r = api.patch(f"/api/sessions/{sid}", json={"slow_mode_seconds": 0, "locked": True},
                      headers=facilitator["headers"])
        assert r.status_code == 200
        await cm.expect("session", lambda f: f["session"]["locked"] is True)
        await cm.say("can I add something?", client_id="s-3")
        assert (await cm.expect("error", lambda f: f.get("client_id") == "s-3"))["code"] == "session_locked"
        await cf.say("let's breathe together first", client_id="f-lock")
        await cm.expect("message", lambda f: f["client_id"] == "f-lock")

        # Pin a prompt; a member who joins late sees it at once.
        r = api.patch(f"/api/sessions/{sid}", json={"locked": False,
                                                    "pinned_prompt": "Name **five** things you can see."},
                      headers=facilitator["headers"])
        assert r.status_code == 200
        await cm.expect("session", lambda f: "five" in f["session"]["pinned_prompt_html"])
        cl = await ChatClient.open(server, late, slug)
        snapshot = next(f for f in cl.seen if f["type"] == "session")
        assert snapshot["session"]["state"] == "live" and snapshot["id"] is None
        assert "<strong>five</strong>" in snapshot["session"]["pinned_prompt_html"]
        assert snapshot["session"]["locked"] is False
        await cl.close()
        # A resuming client replays the stored session events too.
        replay = await ChatClient.open(server, member, slug, after=started["id"] - 1)
        changes = [f["change"] for f in replay.seen if f["type"] == "session" and f["id"] is not None]
        assert changes[0] == "started" and changes.count("updated") == 3
        await replay.close()

        # End: everyone sees it; the chat goes back to normal.
        assert api.post(f"/api/sessions/{sid}/end", headers=member["headers"]).status_code == 403
        r = api.post(f"/api/sessions/{sid}/end", headers=facilitator["headers"])
        assert r.status_code == 200 and r.json()["session"]["state"] == "ended"
        ended = await cm.expect("session", lambda f: f["change"] == "ended")
        assert ended["session"]["ended_at"]
        await cm.say("thank you everyone", client_id="s-4")
        after = await cm.expect("message", lambda f: f["client_id"] == "s-4")
        assert after["session_id"] is None
        assert api.post(f"/api/sessions/{sid}/start", headers=facilitator["headers"]).status_code == 409
        assert sid not in [s["id"] for s in api.get(f"/api/rooms/{slug}/sessions").json()["sessions"]]
    finally:
        await cm.close()
        await cf.close()
        api.close()
