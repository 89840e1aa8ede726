"""Crisis care after detection, against a real server: the three tiers, content notes, the — the tests that need live chat over a websocket, so they run against a uvicorn subprocess (``real_server``)."""
from __future__ import annotations

import pytest

from tests.integration.test_chat_support import ChatClient
from tests.integration.test_crisis_care import DISTRESS, ROOM
from tests.support import register, unique

pytestmark = pytest.mark.real_server


async def test_chat_content_notes_and_distress(server, api) -> None:
    writer, reader = register(server.url), register(server.url)
    w = await ChatClient.open(server, writer)
    o = await ChatClient.open(server, reader)
    try:
        await w.send_json({"type": "send", "body": "Rough day at the clinic.", "content_note": "medical",
                           "client_id": unique("c")})
        frame = await o.expect("message", lambda f: f["author"]["handle"] == writer["handle"])
        assert frame["content_note"] == "medical" and frame["status"] == "visible"
        await w.send_json({"type": "send", "body": DISTRESS, "client_id": unique("c")})
        shown = await o.expect("message", lambda f: f["body"] == DISTRESS)
        assert shown["status"] == "visible" and shown["content_note"] == "suicidal feelings"
        help_frame = await w.expect("help")
        assert help_frame["help"]["emergency"] and help_frame["reasons"]
    finally:
        await w.close()
        await o.close()
    r = api.post(f"/api/rooms/{ROOM}/messages", headers=writer["headers"],
                 json={"body": "Another hard one.", "content_note": "grief"})
    assert r.status_code == 201 and r.json()["content_note"] == "grief"
    page = api.get(f"/rooms/{ROOM}", headers={**writer["headers"], "accept-language": "en-GB"}).text
    assert '<template id="chat-help-template">' in page and 'href="tel:116123"' in page and 'href="tel:' in page.split("chat-help-template")[1]
