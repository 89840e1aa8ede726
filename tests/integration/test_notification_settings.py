"""Notification settings and the remaining kinds: a kind turned off makes none, quiet hours store
but do not push, crisis care always reaches the writer; a reporter is told a moderator reviewed
their report (no details); RSVP'd members are reminded 15 minutes before and when a session
starts, each once, even with two workers polling."""
from __future__ import annotations

import asyncio
import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from tests.integration.test_moderation import decide, new_thread, queue_item_for
from tests.integration.test_notifications import reply, unread, unread_count
from tests.integration.test_protocol import CheckedClient
from tests.support import LiveServer, register, set_role, unique

# Site sockets, reminder polls and two workers: a uvicorn subprocess, not the in-process site.
pytestmark = pytest.mark.real_server

ROOM = "boundaries-communication"
IMMINENT = "I have the pills counted out on my desk and I'm taking all of them tonight."
SETTINGS = "/api/me/notification-settings"


def put_settings(api: httpx.Client, member: dict, **body) -> httpx.Response:
    return api.put(SETTINGS, headers=member["headers"], json=body)


def quiet_around_now(zone_offset_hours: int = 0) -> dict[str, str]:
    """Quiet hours from an hour ago to an hour from now (in a zone ``zone_offset_hours`` from UTC)."""
    now = datetime.now(UTC) + timedelta(hours=zone_offset_hours)
    return {"start": (now - timedelta(hours=1)).strftime("%H:%M"), "end": (now + timedelta(hours=1)).strftime("%H:%M")}


def test_settings_default_change_and_refuse_bad_values(live_server, api) -> None:
    m = register(live_server.url)
    r = api.get(SETTINGS, headers=m["headers"])
    assert r.status_code == 200
    s = r.json()["settings"]
    assert s["kinds"] == {"reply": True, "mentions": True, "reactions": True, "sessions": True, "reports": True,
                          "decisions": True}
    assert s["quiet_hours"] is None and s["time_zone"] == "UTC" and "checkin" in s["always_on"]

    r = put_settings(api, m, kinds={"reply": False}, quiet_hours={"start": "22:30", "end": "07:00"},
                     time_zone="Europe/London")
    assert r.status_code == 200, r.text
    s = api.get(SETTINGS, headers=m["headers"]).json()["settings"]
    assert s["kinds"]["reply"] is False and s["kinds"]["sessions"] is True
    assert s["quiet_hours"] == {"start": "22:30", "end": "07:00"} and s["time_zone"] == "Europe/London"
    # Fields left out keep their value; null clears quiet hours.
    assert put_settings(api, m, quiet_hours=None).status_code == 200
    s = api.get(SETTINGS, headers=m["headers"]).json()["settings"]
    assert s["quiet_hours"] is None and s["kinds"]["reply"] is False and s["time_zone"] == "Europe/London"

    for body, code in (({"kinds": {"checkin": False}}, "always_on"), ({"kinds": {"nope": False}}, "unknown_kind"),
                       ({"kinds": {"reply": "no"}}, "wrong_type"), ({"kinds": []}, "wrong_type"),
                       ({"time_zone": "Mars/Olympus"}, "invalid_time_zone"), ({"time_zone": "x" * 500}, "invalid_time_zone"),
                       ({"quiet_hours": {"start": "25:00", "end": "07:00"}}, "invalid_time"),
                       ({"quiet_hours": {"start": "２２:００", "end": "07:00"}}, "invalid_time"),
                       ({"quiet_hours": {"start": "07:00", "end": "07:00"}}, "invalid_time"),
                       ({"quiet_hours": {"start": "07:00"}}, "wrong_type"), ({"colour": "red"}, "unknown_field")):
        r = put_settings(api, m, **body)
        assert r.status_code == 422, (body, r.text)
        assert r.json()["error"]["code"] == code and r.json()["error"]["message"].endswith("."), (body, r.text)
    # A refused change changed nothing.
    assert api.get(SETTINGS, headers=m["headers"]).json()["settings"]["time_zone"] == "Europe/London"
    assert api.get(SETTINGS).status_code == 401


def test_a_kind_turned_off_creates_no_notification(live_server, api) -> None:
    writer, other = register(live_server.url), register(live_server.url)
    t = new_thread(api, writer, room=ROOM)
    assert put_settings(api, writer, kinds={"reply": False}).status_code == 200
    reply(api, other, t["id"])
    assert unread_count(api, writer) == 0 and unread(api, writer) == []
    # On again: the next reply notifies (the one made while off never will).
    assert put_settings(api, writer, kinds={"reply": True}).status_code == 200
    reply(api, other, t["id"], "Back again.")
    assert [n["kind"] for n in unread(api, writer)] == ["reply"]


async def test_quiet_hours_store_and_count_but_do_not_push(live_server, api) -> None:
    writer, other = register(live_server.url), register(live_server.url)
    t = new_thread(api, writer, room=ROOM)
    # Quiet hours around now in the member's own zone (UTC+5 here: the gate reads local time).
    r = put_settings(api, writer, quiet_hours=quiet_around_now(5), time_zone="Asia/Karachi")
    assert r.status_code == 200, r.text
    site = await CheckedClient.site(live_server, writer)
    try:
        reply(api, other, t["id"])
        assert unread_count(api, writer) == 1  # stored and counted
        frames = await site.quiet(1.0)
        assert not [f for f in frames if f["type"] == "notification"]
        # The same hours read as UTC are not now (5 hours off): the next one is pushed live.
        assert put_settings(api, writer, time_zone="UTC", quiet_hours=quiet_around_now(-8)).status_code == 200
        reply(api, other, t["id"], "Another one.")
        frame = await site.expect("notification", lambda f: f["kind"] == "reply")
        assert unread_count(api, writer) == 2 and frame["link"].startswith(f"/threads/{t['id']}#post-")
    finally:
        await site.close()


async def test_crisis_care_reaches_the_writer_whatever_the_settings(live_server, api, mod) -> None:
    writer = register(live_server.url)
    assert put_settings(api, writer, kinds={g: False for g in ("reply", "mentions", "reactions", "sessions", "reports", "decisions")},
                        quiet_hours=quiet_around_now()).status_code == 200
    r = api.post(f"/api/rooms/{ROOM}/threads", headers=writer["headers"],
                 json={"title": unique("t"), "body": IMMINENT})
    assert r.status_code == 201 and r.json()["status"] == "held"
    item = queue_item_for(api, mod, "post", r.json()["post_id"])
    site = await CheckedClient.site(live_server, writer)
    try:
        assert decide(api, mod, item["id"], action="check_in", body="We're here. Are you safe right now?").status_code == 200
        frame = await site.expect("notification", lambda f: f["kind"] == "checkin")  # live, in quiet hours
    finally:
        await site.close()
    assert frame["link"] == f"/care/{item['id']}"
    assert [n["kind"] for n in unread(api, writer)] == ["checkin"]
    # A moderator decision is a kind that can be off: removing the post tells them nothing.
    assert decide(api, mod, item["id"], action="remove", reason="Kept private while we talk.").status_code == 200
    assert [n["kind"] for n in unread(api, writer)] == ["checkin"]


def test_report_outcome_tells_each_reporter_once_without_details(live_server, api, mod) -> None:
    writer, r1, r2 = (register(live_server.url) for _ in range(3))
    t = new_thread(api, writer, body="Something someone might report", room=ROOM)
    for who in (r1, r2):
        r = api.post("/api/reports", headers=who["headers"],
                     json={"target_type": "post", "target_id": t["post_id"], "reason": "harassment"})
        assert r.status_code == 201, r.text
    assert unread_count(api, r1) == 0  # nothing until a moderator decides
    item = queue_item_for(api, mod, "post", t["post_id"])
    assert decide(api, mod, item["id"], action="remove", reason="Named a workplace at Acme.").status_code == 200
    for who in (r1, r2):
        [note] = unread(api, who)
        assert note["kind"] == "report_reviewed"
        assert note["text"].startswith("A moderator reviewed what you reported")
        # No word of the decision, the reason or the content, and no link to it.
        for leak in ("remov", "Acme", "Something someone", "approv", "warn", t["title"]):
            assert leak.lower() not in note["text"].lower()
        assert note["link"] == "" and note["thread_id"] is None
        r = api.post("/api/notifications/read", headers=who["headers"], json={"ids": [note["id"]]})
        assert r.json()["marked"] == 1 and unread_count(api, who) == 0
    # The writer is told about the decision on their post (a different kind), not about reports.
    assert [n["kind"] for n in unread(api, writer)] == ["decision_remove"]

    # Approved on a fresh report later: only the new reporter hears, the first two were told once.
    t2 = new_thread(api, writer, body="A second post", room=ROOM)
    for who in (r1,):
        api.post("/api/reports", headers=who["headers"],
                 json={"target_type": "post", "target_id": t2["post_id"], "reason": "spam"})
    item2 = queue_item_for(api, mod, "post", t2["post_id"])
    assert decide(api, mod, item2["id"], action="approve").status_code == 200
    assert [n["kind"] for n in unread(api, r1)] == ["report_reviewed"] and unread(api, r2) == []
    # Turned off: none.
    assert put_settings(api, r2, kinds={"reports": False}).status_code == 200
    t3 = new_thread(api, writer, body="A third post", room=ROOM)
    api.post("/api/reports", headers=r2["headers"], json={"target_type": "post", "target_id": t3["post_id"],
                                                           "reason": "spam"})
    assert decide(api, mod, queue_item_for(api, mod, "post", t3["post_id"])["id"], action="approve").status_code == 200
    assert unread(api, r2) == []


# --- live session reminders ---------------------------------------------------------------------

def _session_room(server: LiveServer, admin: dict) -> str:
    slug = unique("rem").replace("_", "-")
    r = httpx.post(server.url + "/api/rooms", json={"slug": slug, "name": "Reminder room"}, headers=admin["headers"])
    assert r.status_code == 201, r.text
    return slug


def _schedule(api: httpx.Client, admin: dict, slug: str, facilitator: dict, minutes: float) -> int:
    start = datetime.now(UTC) + timedelta(minutes=minutes)
    r = api.post(f"/api/rooms/{slug}/sessions", headers=admin["headers"], json={
        "title": "Evening check-in", "description": "", "facilitator": facilitator["handle"],
        "starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=1)).isoformat()})
    assert r.status_code == 201, r.text
    return r.json()["session"]["id"]


def _kinds(api: httpx.Client, member: dict, kind: str) -> list[dict]:
    return [n for n in unread(api, member) if n["kind"] == kind]


def _wait(pred, seconds: float = 15.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if pred():
            return True
        time.sleep(0.3)
    return pred()


async def _reminders_once(server: LiveServer, live: bool = True) -> None:
    """``live``: also check the frames on a site socket (one worker, or workers sharing Redis: with
    the in-process broker a frame published by another worker never reaches this socket)."""
    url = server.url
    admin, facilitator = register(url), register(url)
    set_role(server, admin["handle"], "admin")
    members = [register(url) for _ in range(4)]
    api = httpx.Client(base_url=url, timeout=20)
    slug = _session_room(server, admin)
    later = _schedule(api, admin, slug, facilitator, 60)  # an hour away: no reminder yet
    soon = _schedule(api, admin, slug, facilitator, 10)
    site = await CheckedClient.site(server, members[0])  # before the RSVPs: the poll is quick
    try:
        for m in members:
            assert api.put(f"/api/sessions/{soon}/rsvp", headers=m["headers"]).status_code == 200
            assert api.put(f"/api/sessions/{later}/rsvp", headers=m["headers"]).status_code == 200
        if live:
            frame = await site.expect("notification", lambda f: f["kind"] == "session_soon", timeout=15)
            assert "Evening check-in" in frame["text"] and "starts in 10 minutes" in frame["text"]
            assert frame["link"] == f"/rooms/{slug}#session-{soon}"
        assert _wait(lambda: all(len(_kinds(api, m, "session_soon")) == 1 for m in members))
        await asyncio.sleep(3)  # several more polls by every worker: still one each
        assert [len(_kinds(api, m, "session_soon")) for m in members] == [1, 1, 1, 1]
        assert unread_count(api, members[1]) == 1
        [note] = _kinds(api, members[3], "session_soon")
        assert "starts in 10 minutes" in note["text"] and note["link"] == f"/rooms/{slug}#session-{soon}"

        # Starting now: the facilitator starts it; one "starting now" each, and no more.
        assert api.post(f"/api/sessions/{soon}/start", headers=facilitator["headers"]).status_code == 200
        if live:
            frame = await site.expect("notification", lambda f: f["kind"] == "session_started", timeout=15)
            assert "starting now" in frame["text"]
        assert _wait(lambda: all(len(_kinds(api, m, "session_started")) == 1 for m in members))
        await asyncio.sleep(2)
        assert [len(_kinds(api, m, "session_started")) for m in members] == [1, 1, 1, 1]
        r = api.post("/api/notifications/read", headers=members[2]["headers"], json={"all": True})
        assert r.json()["marked"] == 2 and unread_count(api, members[2]) == 0
    finally:
        await site.close()
    # The session an hour away reminded nobody.
    assert all(f"#session-{later}" not in n["link"] for m in members for n in unread(api, m))


async def test_session_reminders_are_sent_once(live_server) -> None:
    await _reminders_once(live_server)


async def test_session_reminders_are_sent_once_with_two_workers(tmp_path: Path, server_env: dict[str, str]) -> None:
    server = LiveServer(tmp_path / "two", env=dict(server_env), workers=2).start(timeout=90)
    try:
        await _reminders_once(server, live=bool(server_env.get("REDIS_URL")))
    finally:
        server.stop()


def test_reminders_respect_the_sessions_setting(live_server, api) -> None:
    admin, facilitator, member = (register(live_server.url) for _ in range(3))
    set_role(live_server, admin["handle"], "admin")
    slug = _session_room(live_server, admin)
    assert put_settings(api, member, kinds={"sessions": False}).status_code == 200
    sid = _schedule(api, admin, slug, facilitator, 5)
    assert api.put(f"/api/sessions/{sid}/rsvp", headers=member["headers"]).status_code == 200
    other = register(live_server.url)
    assert api.put(f"/api/sessions/{sid}/rsvp", headers=other["headers"]).status_code == 200
    assert _wait(lambda: len(_kinds(api, other, "session_soon")) == 1)  # the poll ran for both
    assert _kinds(api, member, "session_soon") == []


def test_the_settings_page_form(live_server, api) -> None:
    m = register(live_server.url)
    with httpx.Client(base_url=live_server.url, timeout=20, cookies={"sb_session": m["token"]}) as c:
        page = c.get("/settings/notifications")
        assert page.status_code == 200
        text = page.text
        for group in ("reply", "mentions", "reactions", "sessions", "reports", "decisions"):
            assert f'<label for="kind-{group}">' in text and re.search(f'id="kind-{group}"[^>]*checked', text)
        assert '<label for="quiet_start">' in text and '<label for="time_zone">' in text
        assert "can't be turned off" in text and "still kept for you and counted" in text
        assert '<option value="Europe/London">' in text
        assert 'href="/settings/notifications"' in c.get("/settings").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', text).group(1)
        # Only "sessions" ticked; quiet hours in London.
        r = c.post("/settings/notifications", data={"kind-sessions": "1", "quiet_start": "22:00", "quiet_end": "07:30",
                                                     "time_zone": "Europe/London", "csrf_token": token})
        assert r.status_code == 200 and "Saved." in r.text
        s = api.get(SETTINGS, headers=m["headers"]).json()["settings"]
        assert s["kinds"] == {"reply": False, "mentions": False, "reactions": False, "sessions": True,
                              "reports": False, "decisions": False}
        assert s["quiet_hours"] == {"start": "22:00", "end": "07:30"} and s["time_zone"] == "Europe/London"
        # A bad value is a sentence beside its field; nothing changes.
        r = c.post("/settings/notifications", data={"kind-reply": "1", "quiet_start": "22:00", "quiet_end": "",
                                                     "time_zone": "Europe/London", "csrf_token": token})
        assert r.status_code == 422 and 'id="end-error"' in r.text and "must be a time like 22:00" in r.text
        assert api.get(SETTINGS, headers=m["headers"]).json()["settings"]["kinds"]["reply"] is False
        # Empty times clear the quiet hours.
        r = c.post("/settings/notifications", data={"quiet_start": "", "quiet_end": "", "time_zone": "UTC",
                                                     "csrf_token": token})
        assert r.status_code == 200
        assert api.get(SETTINGS, headers=m["headers"]).json()["settings"]["quiet_hours"] is None
    assert httpx.get(live_server.url + "/settings/notifications", follow_redirects=False).status_code == 303
