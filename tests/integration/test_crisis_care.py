"""Crisis care after detection, against a real server: the three tiers, content notes, the
writer's help and post state, check-ins and their answers, approving with a content note,
and a room that holds distress too. (Alerts, acknowledgement and escalation:
test_crisis_alerts.py.)"""
from __future__ import annotations

import re

import httpx

from tests.integration.test_moderation import decide, new_thread, queue_item_for
from tests.integration.test_pages import csrf_from
from tests.support import register, unique

ROOM = "anxious-attachment"
IMMINENT = "I have the pills counted out on my desk and I'm taking all of them tonight."
DISTRESS = "Most nights I wish I could just not wake up. I'm so tired of being me."
TOPIC = "How do I ask a friend directly if they're thinking about suicide? I want to help her."


def post_thread(api: httpx.Client, member: dict, body: str, room: str = ROOM, **extra: str) -> httpx.Response:
    r = api.post(f"/api/rooms/{room}/threads", headers={**member["headers"], "accept-language": "en-US"},
                 json={"title": unique("t"), "body": body, **extra})
    assert r.status_code == 201, r.text
    return r


def open_items(api: httpx.Client, mod: dict, post_id: int) -> list[dict]:
    items = api.get("/api/mod/queue", headers=mod["headers"],
                    params={"target_type": "post", "target_id": post_id}).json()["items"]
    return [i for i in items if i["target"]["id"] == post_id]


def test_imminent_is_held_with_help_and_a_content_note(server, api, mod) -> None:
    writer = register(server.url)
    body = post_thread(api, writer, IMMINENT).json()
    assert body["status"] == "held" and body["help"]["country"] == "US"
    assert body["content_note"] == "suicidal feelings"
    item = queue_item_for(api, mod, "post", body["post_id"])
    assert item["tier"] == "imminent" and item["crisis"] and item["acked_by"] is None
    assert api.get(f"/api/threads/{body['id']}").status_code == 404  # held: nobody else reads it yet


def test_distress_is_published_behind_a_note_with_help_and_queued(server, api, mod) -> None:
    writer, peer = register(server.url), register(server.url)
    body = post_thread(api, writer, DISTRESS).json()
    assert body["status"] == "visible" and "help" in body and body["content_note"] == "suicidal feelings"
    assert any("Your post is up" in r or "content note" in r for r in body["reasons"])
    item = queue_item_for(api, mod, "post", body["post_id"])
    assert item["tier"] == "distress" and item["crisis"]
    # Peers can read it and answer: it is not hidden, only folded.
    seen = api.get(f"/api/threads/{body['id']}", headers=peer["headers"]).json()
    assert seen["thread"]["first_post"]["content_note"] == "suicidal feelings"
    page = api.get(f"/threads/{body['id']}", headers=peer["headers"]).text
    assert '<details class="cn">' in page and "This post talks about suicidal feelings — show" in page
    assert "Replying to someone who is struggling" in page and "Never share methods" in page
    assert "You don't have to go through this alone" not in page  # help is for the writer, privately
    # The writer sees the help component (tap to call and text) and where their post stands.
    own = api.get(f"/threads/{body['id']}", headers={**writer["headers"], "accept-language": "en-US"}).text
    assert "You don't have to go through this alone" in own
    assert 'href="tel:988"' in own and 'href="sms:741741?body=HOME"' in own
    assert "A moderator will check in with you." in own
    assert "Replying to someone who is struggling" not in own  # the guide is for peers


def test_topic_is_published_without_help_or_queue_and_offers_a_note(server, api, mod) -> None:
    writer = register(server.url)
    body = post_thread(api, writer, TOPIC).json()
    assert body["status"] == "visible" and "help" not in body and "content_note" not in body
    assert body["content_note_offer"] == "suicide"
    assert open_items(api, mod, body["post_id"]) == []
    # The page flow offers the note; taking it folds the post.
    with server.client(follow_redirects=False, timeout=20) as c:
        token = csrf_from(c.get("/signin").text)
        assert c.post("/signin", data={"handle": writer["handle"], "password": writer["password"],
                                       "csrf_token": token}).status_code == 303
        token = csrf_from(c.get(f"/rooms/{ROOM}").text)
        r = c.post(f"/rooms/{ROOM}/threads", data={"title": "Helping a friend", "body": TOPIC, "csrf_token": token})
        assert r.status_code == 201 and "Add a content note?" in r.text
        assert "You don't have to go through this alone" not in r.text
        post_id = re.search(r'action="/posts/(\d+)/content-note"', r.text).group(1)
        r = c.post(f"/posts/{post_id}/content-note", data={"content_note": "suicide", "csrf_token": token})
        assert r.status_code == 303
    thread_url = r.headers["location"].split("#")[0]
    assert "This post talks about suicide — show" in api.get(thread_url, headers=register(server.url)["headers"]).text


def test_member_content_notes(server, api) -> None:
    writer = register(server.url)
    body = post_thread(api, writer, "Today was about grief, mostly.", content_note="CN: grief").json()
    assert body["content_note"] == "grief" and body["status"] == "visible"
    r = api.post(f"/api/threads/{body['id']}/posts", headers=writer["headers"],
                 json={"body": "Thank you all.", "content_note": "x" * 61})
    assert r.status_code == 422 and r.json()["error"]["field"] == "content_note"
    r = api.post(f"/api/threads/{body['id']}/posts", headers=writer["headers"],
                 json={"body": "Still here.", "content_note": 5})
    assert r.status_code == 422
    # An edit may change the writer's own note; "" removes it.
    r = api.patch(f"/api/posts/{body['post_id']}", headers=writer["headers"],
                  json={"body": "Today was about grief.", "content_note": ""})
    assert r.status_code == 200 and "content_note" not in r.json()
    page = api.get(f"/threads/{body['id']}", headers=register(server.url)["headers"]).text
    assert "This post talks about" not in page


def test_check_in_on_distress_reaches_the_writer_who_can_answer(server, api, mod) -> None:
    writer, stranger = register(server.url), register(server.url)
    body = post_thread(api, writer, DISTRESS).json()
    item = queue_item_for(api, mod, "post", body["post_id"])
    templates = item["checkin_templates"]
    assert templates and writer["handle"] in templates[0]["text"]
    # "Check in" is offered first for crisis items, before any approve.
    page = api.get("/mod", headers=mod["headers"]).text
    card = page[page.index(f'id="item-{item["id"]}"'):]
    assert card.index("Send check-in") < card.index("Approve with a content note")
    assert decide(api, mod, item["id"], action="check_in").status_code == 422  # a message is needed
    r = decide(api, mod, item["id"], action="check_in", body="Hi, I read your post. How are you doing right now?")
    assert r.status_code == 200
    assert open_items(api, mod, body["post_id"]) == []  # published distress: the check-in was the decision
    notes = api.get("/api/notifications", headers=writer["headers"]).json()["notifications"]
    checkin = next(n for n in notes if n["kind"] == "checkin")
    assert "How are you doing right now?" in checkin["text"] and checkin["link"] == f"/care/{item['id']}"
    care = api.get(checkin["link"].replace("/care/", "/api/care/"), headers=writer["headers"]).json()["care"]
    assert care["state"] == "wrote" and care["messages"][0]["from_staff"] is True
    assert mod["handle"] not in str(care["messages"])  # the writer sees "a moderator", not who
    own = api.get(f"/threads/{body['id']}", headers=writer["headers"]).text
    assert "A moderator wrote to you." in own and "How are you doing right now?" in own
    assert f'action="/care/{item["id"]}/reply"' in own
    # Nobody else can read or join the conversation.
    assert api.get(f"/api/care/{item['id']}", headers=stranger["headers"]).status_code == 404
    assert api.post(f"/api/care/{item['id']}/messages", headers=stranger["headers"],
                    json={"body": "hi"}).status_code == 404
    assert "How are you doing right now?" not in api.get(f"/threads/{body['id']}", headers=stranger["headers"]).text
    # The writer answers; the moderator is told.
    r = api.post(f"/api/care/{item['id']}/messages", headers=writer["headers"],
                 json={"body": "A bit better now, thank you for asking."})
    assert r.status_code == 201 and r.json()["message"]["from_staff"] is False and "help" not in r.json()
    mod_notes = api.get("/api/notifications", headers=mod["headers"]).json()["notifications"]
    assert any(n["kind"] == "checkin_answer" and n["link"] == f"/care/{item['id']}" for n in mod_notes)
    staff_view = api.get(f"/api/care/{item['id']}", headers=mod["headers"]).json()["care"]
    assert [m["from_staff"] for m in staff_view["messages"]] == [True, False]
    care_page = api.get(f"/care/{item['id']}", headers=mod["headers"])
    assert care_page.status_code == 200 and "A bit better now" in care_page.text
    # Crisis words in an answer show help again.
    r = api.post(f"/api/care/{item['id']}/messages", headers=writer["headers"],
                 json={"body": "Actually no. I want to kill myself tonight."})
    assert r.status_code == 201 and "help" in r.json()


def test_check_in_on_held_keeps_it_open_and_approval_adds_a_note(server, api, mod) -> None:
    writer, peer = register(server.url), register(server.url)
    body = post_thread(api, writer, IMMINENT).json()
    item = queue_item_for(api, mod, "post", body["post_id"])
    assert decide(api, mod, item["id"], action="check_in", body="Are you safe right now?").status_code == 200
    r = api.post(f"/api/care/{item['id']}/messages", headers=writer["headers"], json={"body": "Not sure how I feel."})
    assert r.status_code == 201
    # The queue shows the conversation on the still-open item (it must render with the writer's answer).
    page = api.get("/mod", headers=mod["headers"])
    assert page.status_code == 200 and "Not sure how I feel." in page.text and "Are you safe right now?" in page.text
    again = queue_item_for(api, mod, "post", body["post_id"])
    assert again["id"] == item["id"] and again["acked_by"] == mod["handle"]  # still open, and someone is on it
    own = api.get(f"/threads/{body['id']}", headers=writer["headers"]).text
    assert "A moderator wrote to you." in own and "You don't have to go through this alone" in own
    # Edit out method details and approve: still shown behind a note, never raw.
    r = decide(api, mod, item["id"], action="edit_approve", body="I'm not safe tonight and I'm scared.",
               reason="Took out the method.")
    assert r.status_code == 200
    seen = api.get(f"/api/threads/{body['id']}", headers=peer["headers"]).json()["thread"]["first_post"]
    assert seen["status"] == "visible" and seen["content_note"] == "suicidal feelings"
    assert "pills" not in seen["body"]


def test_approving_a_reported_crisis_gets_a_note_the_moderator_chose(server, api, mod) -> None:
    writer, reporter = register(server.url), register(server.url)
    t = new_thread(api, writer, "Everything is grey lately and I'm not sure why.")
    r = api.post("/api/reports", headers=reporter["headers"],
                 json={"target_type": "post", "target_id": t["post_id"], "reason": "crisis_concern"})
    assert r.status_code == 201
    item = queue_item_for(api, mod, "post", t["post_id"])
    assert decide(api, mod, item["id"], action="approve", content_note="low mood").status_code == 200
    seen = api.get(f"/api/threads/{t['id']}", headers=reporter["headers"]).json()["thread"]["first_post"]
    assert seen["content_note"] == "low mood"


def test_a_room_can_hold_distress_too(server, api, admin, mod) -> None:
    slug = unique("hold").replace("_", "-")
    assert api.post("/api/rooms", headers=admin["headers"], json={"slug": slug, "name": "Careful room"}).status_code == 201
    r = api.patch(f"/api/rooms/{slug}", headers=admin["headers"], json={"crisis_hold": "sometimes"})
    assert r.status_code == 422 and r.json()["error"]["field"] == "crisis_hold"
    r = api.patch(f"/api/rooms/{slug}", headers=admin["headers"], json={"crisis_hold": "all"})
    assert r.status_code == 200 and r.json()["room"]["crisis_hold"] == "all"
    body = post_thread(api, register(server.url), DISTRESS, room=slug).json()
    assert body["status"] == "held" and "help" in body
    assert queue_item_for(api, mod, "post", body["post_id"])["tier"] == "distress"
    # Ordinary rooms publish it (the default).
    assert post_thread(api, register(server.url), DISTRESS).json()["status"] == "visible"


def test_check_in_keeps_the_first_acknowledgement(server, api, mod, admin) -> None:
    body = post_thread(api, register(server.url), IMMINENT).json()
    item = queue_item_for(api, mod, "post", body["post_id"])
    assert api.post(f"/api/mod/queue/{item['id']}/ack", headers=admin["headers"]).json()["first"] is True
    assert decide(api, mod, item["id"], action="check_in", body="I'm here if you want to talk.").status_code == 200
    assert queue_item_for(api, mod, "post", body["post_id"])["acked_by"] == admin["handle"]
