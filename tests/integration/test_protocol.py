"""The live chat protocol over real websockets: every frame a client receives matches its
declared type in server/realtime/frames.py (fields present with the right JSON types, no
unknown fields), through a whole conversation; and a fresh client is told how to start."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import websockets

from tests.integration.test_chat_support import ChatClient
from tests.support import LiveServer, register, set_role, unique
from tests.support.frame_types import check

pytestmark = pytest.mark.real_server  # websockets, several processes or the server's own output


class CheckedClient(ChatClient):
    """A ChatClient that checks each frame against its declared type as it arrives."""

    async def recv(self, timeout: float = 10.0) -> dict[str, Any]:
        frame = await super().recv(timeout)
        check(frame)
        return frame

    @classmethod
    async def site(cls, server: LiveServer, member: dict, path: str = "/ws/site") -> CheckedClient:
        ws = await websockets.connect(server.ws_url + path, additional_headers=member["headers"])
        client = cls(ws)
        await client.expect("hello")
        return client

    @classmethod
    async def room(cls, server: LiveServer, member: dict, slug: str, query: str = "") -> CheckedClient:
        url = f"{server.ws_url}/ws/rooms/{slug}{query}"
        return cls(await websockets.connect(url, additional_headers=member["headers"]))

    def kinds(self) -> list[str]:
        return [f["type"] for f in self.seen]


def is_subsequence(wanted: list[str], seen: list[str]) -> bool:
    it = iter(seen)
    return all(kind in it for kind in wanted)


@pytest.fixture(scope="module")
def room(live_server: LiveServer) -> str:
    admin = register(live_server.url)
    set_role(live_server, admin["handle"], "admin")
    slug = unique("proto").replace("_", "-")
    r = httpx.post(live_server.url + "/api/rooms", json={"slug": slug, "name": "Protocol room"},
                   headers=admin["headers"])
    assert r.status_code == 201, r.text
    return slug


async def test_a_whole_conversation_frame_by_frame(live_server, room, mod) -> None:
    writer, reporter = register(live_server.url), register(live_server.url)
    api = httpx.Client(base_url=live_server.url, timeout=20)
    staff = await CheckedClient.site(live_server, mod)
    own = await CheckedClient.site(live_server, writer)
    chat = await CheckedClient.room(live_server, writer, room)
    try:
        assert staff.seen[0]["staff"] is True and isinstance(staff.seen[0]["open_crisis"], int)
        assert own.seen[0] == {"type": "hello", "room": None, "you": {"handle": writer["handle"], "role": "member"},
                               "staff": False}
        hello = await chat.recv()
        assert hello["type"] == "hello" and hello["room"] == room and hello["resume_expected"] is True

        await chat.send_json({"type": "resume", "after": None})
        await chat.expect("synced")
        await chat.say("hello, protocol", client_id="p-1")
        message = await chat.expect("message", lambda f: f["client_id"] == "p-1")
        assert message["body"] == "hello, protocol" and message["content_note"] is None

        # Reported, then taken down by a moderator: removed (room), alert and resolved (staff),
        # a notification (the writer).
        r = api.post("/api/reports", headers=reporter["headers"],
                     json={"target_type": "message", "target_id": message["message_id"], "reason": "spam"})
        assert r.status_code == 201, r.text
        alert = await staff.expect("alert", lambda f: f["target_id"] == message["message_id"])
        assert alert["source"] == "reported" and "tier" not in alert and alert["hidden"] is False
        r = api.post(f"/api/mod/queue/{alert['queue_id']}/decide", headers=mod["headers"],
                     json={"action": "remove", "reason": "Protocol test."})
        assert r.status_code == 200, r.text
        removed = await chat.expect("removed")
        assert removed["message_id"] == message["id"] and removed["message_db_id"] == message["message_id"]
        resolved = await staff.expect("resolved", lambda f: f["queue_id"] == alert["queue_id"])
        assert resolved == {"type": "resolved", "queue_id": alert["queue_id"], "resolution": "remove",
                            "by": mod["handle"]}
        assert (await own.expect("notification"))["kind"] == "decision_remove"

        # A live session starts in the room.
        start = datetime.now(UTC) + timedelta(minutes=5)
        r = api.post(f"/api/rooms/{room}/sessions", headers=mod["headers"], json={
            "title": "Protocol hour", "description": "", "facilitator": mod["handle"],
            "starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=1)).isoformat()})
        assert r.status_code == 201, r.text
        sid = r.json()["session"]["id"]
        assert api.post(f"/api/sessions/{sid}/start", headers=mod["headers"]).status_code == 200
        started = await chat.expect("session", lambda f: f["change"] == "started")
        assert started["session"]["id"] == sid and started["session"]["state"] == "live"

        # Resuming from the first hello replays the same events, then synced.
        await chat.send_json({"type": "resume", "after": hello["last_id"]})
        synced = await chat.expect("synced", lambda f: f["last_id"] == started["id"])
        assert synced["truncated"] is False and synced["reset"] is False

        await chat.send_json({"type": "shout", "body": "?"})
        error = await chat.expect("error")
        assert error["code"] == "unknown_type" and error["message"]
        await chat.send_json({"type": "ping"})
        await chat.expect("pong")
        assert is_subsequence(["hello", "message", "removed", "session", "synced", "error", "pong"], chat.kinds())
        # the replay: the message as it is now (removed, so not shown), the removal, the session's events
        replay = chat.kinds()[chat.kinds().index("session"):]
        assert "removed" in replay[1:] and "session" in replay[1:]
    finally:
        api.close()
        for client in (chat, own, staff):
            await client.close()


async def test_a_fresh_client_is_told_to_resume(live_server, room, mod) -> None:
    """Connect and send nothing: hello says a resume is expected, and nothing from the room
    comes until one is sent; ``?after=`` in the URL starts the stream at once instead."""
    quiet_member, talker = register(live_server.url), register(live_server.url)
    quiet = await CheckedClient.room(live_server, quiet_member, room)
    other = await CheckedClient.open(live_server, talker, room)
    try:
        hello = await quiet.recv()
        assert hello["resume_expected"] is True
        await other.say("is anyone listening?", client_id="q-1")
        await other.expect("message", lambda f: f["client_id"] == "q-1")
        assert await quiet.quiet(0.5) == []
        await quiet.send_json({"type": "resume", "after": hello["last_id"]})
        assert (await quiet.expect("message"))["client_id"] == "q-1"
        await quiet.expect("synced")
    finally:
        await quiet.close()
        await other.close()

    started = await CheckedClient.room(live_server, quiet_member, room, f"?after={hello['last_id']}")
    try:
        hello = await started.recv()
        assert hello["resume_expected"] is False
        await started.expect("synced")
    finally:
        await started.close()

    staff = await CheckedClient.site(live_server, mod, "/ws/mod")
    try:
        assert staff.seen[0] == {"type": "hello", "room": None, "you": {"handle": mod["handle"], "role": "moderator"}}
        await staff.send_json({"type": "ping"})
        await staff.expect("pong")
    finally:
        await staff.close()
