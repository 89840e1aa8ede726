"""@mentions and quote-replies: linked in the rendered HTML, notify the member (kind mention /
quote) unless a block, a hidden item or the cap of 10 says otherwise; held content notifies
once approved. Handle suggestions for the composer; reply notifications link the right page."""
from __future__ import annotations

import httpx

from tests.integration.test_chat_support import ROOM as CHAT_ROOM
from tests.integration.test_moderation import decide, new_thread, queue_item_for
from tests.integration.test_notifications import reply, unread
from tests.integration.test_reactions import send_message
from tests.support import register, unique

ROOM = "boundaries-communication"
HELD = "Call me on +44 20 7946 0958 any time"  # personal data: held for a moderator


def notes(api: httpx.Client, member: dict, kind: str) -> list[dict]:
    return [n for n in unread(api, member) if n["kind"] == kind]


def test_mention_links_and_notifies(server, api) -> None:
    writer, named = register(server.url), register(server.url)
    t = new_thread(api, writer, room=ROOM)
    posted = reply(api, writer, t["id"], f"Thinking of you @{named['handle']} and @nobody_{unique()[:8]}. "
                                         f"`@{named['handle']}` in code stays code.")
    html = posted["body_html"]
    assert f'<a href="/u/{named["handle"]}" class="mention" rel="nofollow ugc noopener">@{named["handle"]}</a>' in html
    assert html.count('class="mention"') == 1  # the unknown handle and the code span stay text
    [note] = notes(api, named, "mention")
    assert writer["handle"] in note["text"] and "Thinking" not in note["text"]
    assert note["link"] == f"/threads/{t['id']}#post-{posted['id']}"
    # Editing keeps them told once.
    r = api.patch(f"/api/posts/{posted['id']}", headers=writer["headers"], json={"body": f"Edited, @{named['handle']}"})
    assert r.status_code == 200, r.text
    assert len(notes(api, named, "mention")) == 1
    # Mentioning yourself tells nobody.
    reply(api, writer, t["id"], f"note to self @{writer['handle']}")
    assert notes(api, writer, "mention") == []


def test_mention_in_chat_notifies(server, api) -> None:
    writer, named = register(server.url), register(server.url)
    sent = send_message(api, writer, f"hey @{named['handle']}, glad you're here")
    assert 'class="mention"' in sent["body_html"]
    [note] = notes(api, named, "mention")
    assert note["link"] == f"/rooms/{CHAT_ROOM}#msg-{sent['message_id']}" and "glad" not in note["text"]


def test_mentions_respect_blocks_and_the_cap(server, api) -> None:
    writer = register(server.url)
    blocker, blocked = register(server.url), register(server.url)
    assert api.post("/api/blocks", headers=blocker["headers"], json={"handle": writer["handle"]}).status_code == 201
    assert api.post("/api/blocks", headers=writer["headers"], json={"handle": blocked["handle"]}).status_code == 201
    t = new_thread(api, writer, body=f"Hello @{blocker['handle']} and @{blocked['handle']}", room=ROOM)
    assert notes(api, blocker, "mention") == [] and notes(api, blocked, "mention") == []

    many = [register(server.url) for _ in range(12)]
    body = " ".join(f"@{m['handle']}" for m in many)
    posted = reply(api, writer, t["id"], body)
    assert posted["body_html"].count('class="mention"') == 12  # all link
    told = [m for m in many if notes(api, m, "mention")]
    assert told == many[:10]  # the first ten notify


def test_held_mention_notifies_once_approved(server, api, mod) -> None:
    writer, named = register(server.url), register(server.url)
    t = new_thread(api, writer, room=ROOM)
    held = reply(api, writer, t["id"], f"@{named['handle']} {HELD}")
    assert held["status"] == "held"
    assert notes(api, named, "mention") == []
    assert decide(api, mod, queue_item_for(api, mod, "post", held["id"])["id"], action="approve").status_code == 200
    [note] = notes(api, named, "mention")
    assert "7946" not in note["text"] and note["link"].endswith(f"#post-{held['id']}")

    # Held, then removed: never.
    named2 = register(server.url)
    held2 = reply(api, writer, t["id"], f"@{named2['handle']} {HELD}")
    assert decide(api, mod, queue_item_for(api, mod, "post", held2["id"])["id"], action="remove",
                  reason="Personal data.").status_code == 200
    assert notes(api, named2, "mention") == []


def test_quote_reply_notifies_the_quoted_member_once(server, api) -> None:
    writer, quoted, quoter = (register(server.url) for _ in range(3))
    t = new_thread(api, writer, room=ROOM)
    reply(api, quoted, t["id"], "What helped me was writing it down.")
    body = f"> @{quoted['handle']} wrote:\n>\n> What helped me was writing it down.\n\nThank you, trying it."
    posted = reply(api, quoter, t["id"], body)
    [note] = notes(api, quoted, "quote")
    assert quoter["handle"] in note["text"] and "quoted you" in note["text"]
    assert note["link"].endswith(f"#post-{posted['id']}")
    assert notes(api, quoted, "mention") == []  # the quote's @handle is the same notification
    # The thread's writer, quoted in a reply to their thread, is told once (the reply).
    posted2 = reply(api, quoter, t["id"], f"> @{writer['handle']} wrote:\n>\n> Noticing my patterns")
    mine = [n for n in unread(api, writer) if n["link"].endswith(f"#post-{posted2['id']}")]
    assert [n["kind"] for n in mine] == ["reply"]


def test_reply_notification_links_to_its_page(server, api) -> None:
    writer = register(server.url)
    t = new_thread(api, writer, room=ROOM)
    repliers = [register(server.url) for _ in range(3)]  # the posting limit is per member
    ids = [reply(api, repliers[i % 3], t["id"], f"reply number {i}")["id"] for i in range(20)]
    # Twenty replies fill page one; the next reply is on page two.
    last = reply(api, register(server.url), t["id"], "The one past the first page.")
    [note] = [n for n in unread(api, writer) if n["link"].endswith(f"#post-{last['id']}")]
    assert "?cursor=" in note["link"] and note["thread_id"] == t["id"] and note["post_id"] == last["id"]
    page = api.get(note["link"].split("#")[0], headers=writer["headers"])
    assert page.status_code == 200 and f'id="post-{last["id"]}"' in page.text
    assert f'id="post-{ids[-1]}"' not in page.text
    # Replies on the first page still link to it plainly.
    [first] = [n for n in unread(api, writer) if n["link"].endswith(f"#post-{ids[-1]}")]
    assert first["link"] == f"/threads/{t['id']}#post-{ids[-1]}"
    assert f'id="post-{ids[-1]}"' in api.get(f"/threads/{t['id']}", headers=writer["headers"]).text


def test_suggest_orders_room_members_first_and_respects_blocks(server, api) -> None:
    stem = unique("sg")[:10].lower()
    asker = register(server.url, handle=f"{stem}_asker")
    outsider = register(server.url, handle=f"{stem}_aaa")  # first by name, never wrote in the room
    insider = register(server.url, handle=f"{stem}_zzz")
    blocker = register(server.url, handle=f"{stem}_blocker")
    blocked = register(server.url, handle=f"{stem}_blocked")
    new_thread(api, insider, room=ROOM)
    new_thread(api, blocker, room=ROOM)
    assert api.post("/api/blocks", headers=blocker["headers"], json={"handle": asker["handle"]}).status_code == 201
    assert api.post("/api/blocks", headers=asker["headers"], json={"handle": blocked["handle"]}).status_code == 201
    r = api.get("/api/members/suggest", params={"q": stem, "room": ROOM}, headers=asker["headers"])
    assert r.status_code == 200, r.text
    assert r.json() == {"handles": [insider["handle"], outsider["handle"]]}
    # Without a room, by handle; with @ typed, the same.
    r = api.get("/api/members/suggest", params={"q": "@" + stem}, headers=asker["headers"])
    assert r.json()["handles"] == [outsider["handle"], insider["handle"]]
    assert api.get("/api/members/suggest", params={"q": stem}).status_code == 401
    assert api.get("/api/members/suggest", params={"q": "<script>"}, headers=asker["headers"]).status_code == 400
    assert api.get("/api/members/suggest", params={"q": stem, "room": "no-such-room-x"},
                   headers=asker["headers"]).status_code == 404
