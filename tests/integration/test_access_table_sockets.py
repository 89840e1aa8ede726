"""Every cell of the access table against a real server: threads, posts and chat messages — the tests that need live chat frames over a websocket, so they run against a uvicorn subprocess (``real_server``)."""
from __future__ import annotations

import json

import httpx
import pytest

from server.access import Kind, Shown, Status, ViewerKind
from tests.integration.test_access_table import CHAT_ROOM, cells, headers, make_world
from tests.integration.test_chat_support import ChatClient
from tests.support import Site, unique
from tests.unit.test_access_table import CELLS

pytestmark = pytest.mark.real_server


@pytest.fixture(scope="module")
def world(server: Site) -> dict:
    """The same world as test_access_table's, on this module's real server."""
    return make_world(server)


@cells(Kind.MESSAGE)
async def test_message(world: dict, server: Site, api: httpx.Client, status: Status,
                       viewer: ViewerKind, shown: Shown) -> None:
    row = world["rows"][(Kind.MESSAGE, status)]
    h = headers(world, viewer)
    r = api.get(f"/api/rooms/{CHAT_ROOM}/messages", headers=h, params={"after": world["top"], "limit": 100})
    if viewer is ViewerKind.SIGNED_OUT:
        assert r.status_code == 401 and shown is Shown.NOTHING
        return
    assert r.status_code == 200, r.text
    found = [m for m in r.json()["messages"] if m["message_id"] == row["id"]]
    assert bool(found) is (shown is Shown.FULL)
    if found:
        assert found[0]["body"] == row["secret"]
    else:
        assert row["secret"] not in r.text
    # The websocket's backfill after an id and its newest-history replay say the same.
    for after in (world["top"], None):
        client = await ChatClient.open(server, world["viewers"][viewer], CHAT_ROOM, after=after)
        try:
            await client.quiet(0.3)
        finally:
            await client.ws.close()
        frames = [f for f in client.seen if f.get("type") == "message" and f.get("message_id") == row["id"]]
        assert bool(frames) is (shown is Shown.FULL), (after, frames)
        if shown is not Shown.FULL:
            assert row["secret"] not in json.dumps(client.seen)


async def test_live_frames_follow_the_table(world: dict, server: Site, api: httpx.Client) -> None:
    """A message said now, visible and then held, reaches exactly the viewers the table names."""
    author = world["viewers"][ViewerKind.AUTHOR]
    kinds = [v for v in world["viewers"] if v is not ViewerKind.SIGNED_OUT]
    clients = {v: await ChatClient.open(server, world["viewers"][v], CHAT_ROOM) for v in kinds}
    try:
        plain = unique("live")
        held = f"Call me on +44 20 7946 0958 {unique('live')}"
        for body in (plain, held):
            r = api.post(f"/api/rooms/{CHAT_ROOM}/messages", headers=author["headers"], json={"body": body})
            assert r.status_code == 201, r.text
        status = {plain: Status.VISIBLE, held: Status(r.json()["status"])}
        assert status[held] is Status.HELD
        for viewer, client in clients.items():
            await client.quiet(0.5)
            bodies = {f.get("body") for f in client.seen if f.get("type") == "message"}
            for body, st in status.items():
                expected = next(c[3] for c in CELLS if c[:3] == (Kind.MESSAGE, st, viewer))
                assert (body in bodies) is (expected is Shown.FULL), (viewer, st)
    finally:
        for client in clients.values():
            await client.ws.close()
