"""Crisis care that never leaves anyone alone: alerts on every page, acknowledgement, escalation — the tests that need the site websocket, so they run against a uvicorn subprocess (``real_server``)."""
from __future__ import annotations

import asyncio
import json

import pytest
import websockets
from websockets.asyncio.client import connect

from tests.integration.test_crisis_alerts import ROOM, SiteSocket, ack, alert_for, post_imminent, staff
from tests.support import register

pytestmark = pytest.mark.real_server


async def test_site_socket_refuses_the_signed_out_and_other_origins(server) -> None:
    with pytest.raises(websockets.exceptions.ConnectionClosed) as closed:
        async with connect(f"{server.ws_url}/ws/site") as ws:
            await asyncio.wait_for(ws.recv(), 5)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4401
    with pytest.raises(websockets.exceptions.InvalidStatus):
        async with connect(f"{server.ws_url}/ws/site", origin="https://evil.example"):  # type: ignore[arg-type]
            pass


async def test_imminent_post_alerts_staff_on_the_site_socket_and_ack_reaches_everyone(server, mod, admin) -> None:
    member = register(server.url)
    mod_sock = await SiteSocket.open(server, mod)
    writer = register(server.url)
    writer_sock = await SiteSocket.open(server, writer)
    member_sock = await SiteSocket.open(server, member)
    try:
        assert mod_sock.hello["you"]["handle"] == mod["handle"] and isinstance(mod_sock.hello["open_crisis"], int)
        assert "open_crisis" not in writer_sock.hello and writer_sock.hello["staff"] is False
        await mod_sock.ws.send(json.dumps({"type": "ping"}))
        await mod_sock.expect("pong")

        post = post_imminent(server, writer)
        assert post["status"] == "held" and "help" in post
        alert = await alert_for(mod_sock, post)
        assert alert["crisis"] is True and alert["tier"] == "imminent" and alert["room"] == ROOM
        item_id = alert["queue_id"]
        count = server.get("/api/mod/crisis", headers=mod["headers"]).json()["open_crisis"]
        assert count >= 1

        # The first acknowledgement wins; everyone on staff hears it; the writer is told.
        r = ack(server, mod, item_id)
        assert r.status_code == 200, r.text
        assert r.json()["queue_id"] == item_id and r.json()["acked_by"] == mod["handle"] and r.json()["first"]
        frame = await mod_sock.expect("ack", lambda f: f["queue_id"] == item_id)
        assert frame["by"] == mod["handle"] and frame["at"].endswith("Z")
        care = await writer_sock.expect("care", lambda f: f["queue_id"] == item_id)
        assert care == {"type": "care", "queue_id": item_id, "state": "reading"}
        # Members never see staff alerts or someone else's care frame.
        assert not [f for f in await member_sock.quiet(0.5) if f["type"] in ("alert", "ack", "care")]

        second = staff(server)
        again = ack(server, second, item_id)
        assert again.status_code == 200 and again.json()["acked_by"] == mod["handle"]
        assert again.json()["first"] is False
        audit = server.get("/api/mod/audit", headers=admin["headers"],
                          params={"action": "ack"}).json()["entries"]
        assert [e for e in audit if e.get("details", {}).get("queue_item") == item_id
                or e.get("target_id") == post["post_id"]]
    finally:
        for s in (mod_sock, writer_sock, member_sock):
            await s.close()
