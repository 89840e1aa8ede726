"""Blocks protect both ways: the blocked member can't reach the blocker, and the blocker doesn't see them — the tests that need a websocket (presence), so they run against a uvicorn subprocess (``real_server``)."""
from __future__ import annotations

import pytest

from tests.integration.test_blocks import block
from tests.integration.test_chat_support import ROOM as CHAT_ROOM
from tests.integration.test_chat_support import ChatClient
from tests.support import register

pytestmark = pytest.mark.real_server


async def test_blocker_does_not_see_the_blocked_member_in_presence(server, api) -> None:
    blocker, blocked, bystander = (register(server.url) for _ in range(3))
    block(api, blocker, blocked)
    b = await ChatClient.open(server, blocker, CHAT_ROOM)
    other = await ChatClient.open(server, bystander, CHAT_ROOM)
    x = await ChatClient.open(server, blocked, CHAT_ROOM)
    try:
        everyone = {blocker["handle"], blocked["handle"], bystander["handle"]}
        seen = await other.expect("presence", lambda f: everyone <= set(f["handles"]))
        assert seen["count"] >= 3
        await b.expect("presence", lambda f: bystander["handle"] in f["handles"])
        await b.quiet(1.0)  # presence frames settle after the last join
        frames = [f for f in b.seen if f.get("type") == "presence"]
        assert all(blocked["handle"] not in f["handles"] for f in frames)
        assert frames[-1]["count"] == len(frames[-1]["handles"])
        # The blocked member still sees the room as it is (blocking doesn't tell them).
        assert blocker["handle"] in (await x.expect("presence", lambda f: blocker["handle"] in f["handles"]))["handles"]
    finally:
        for c in (b, other, x):
            await c.ws.close()
