"""Staff power has limits; bios and room texts are screened; report cost does not grow (issue 11)."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.integration.test_moderation import decide, new_thread, queue_item_for
from tests.integration.test_pages import csrf_from
from tests.integration.test_reports import report, room_with_threshold
from tests.support import register, set_role

BAD_BIO = "I like hiking. Call me on 07700 900123. You should kill yourself, faggot."


def reported_item(api: httpx.Client, server, mod: dict, author: dict) -> dict:
    t = new_thread(api, author, "Some ordinary words about my week")
    assert report(api, register(server.url), t["post_id"], reason="spam").status_code == 201
    return queue_item_for(api, mod, "post", t["post_id"])


def test_only_admins_sanction_moderators(server, api, mod, admin) -> None:
    colleague = register(server.url)
    set_role(server, colleague["handle"], "moderator")
    item = reported_item(api, server, mod, colleague)
    for action in ("warn", "mute", "suspend", "ban"):
        r = decide(api, mod, item["id"], action=action, reason="Disagreement.", duration=3600)
        assert r.status_code == 403, r.text
        assert r.json()["error"]["code"] == "cannot_sanction_staff"
    # An admin may.
    assert decide(api, admin, item["id"], action="warn", reason="Please be kinder.").status_code == 200


def test_suspended_moderator_loses_staff_powers_at_once(server, api, mod, admin) -> None:
    suspended = register(server.url)
    set_role(server, suspended["handle"], "moderator")
    assert api.get("/api/mod/queue", headers=suspended["headers"]).status_code == 200
    item = reported_item(api, server, admin, suspended)
    assert decide(api, admin, item["id"], action="suspend", reason="Misused powers.", duration=3600) \
        .status_code == 200
    # Still signed in (a suspension is not a ban), but every staff route refuses.
    r = api.get("/api/mod/queue", headers=suspended["headers"])
    assert r.status_code == 403 and r.json()["error"]["code"] == "staff_suspended"
    victim = register(server.url)
    other = reported_item(api, server, mod, victim)
    r = decide(api, suspended, other["id"], action="ban", reason="Abuse of power.")
    assert r.status_code == 403
    assert api.get("/api/me", headers=victim["headers"]).status_code == 200  # not banned
    assert api.get("/mod", headers=suspended["headers"]).status_code == 403
    # The item is still open for a moderator in good standing.
    assert decide(api, mod, other["id"], action="approve").status_code == 200


def test_bios_are_screened_and_suspended_members_cannot_edit_them(server, api, mod, admin) -> None:
    member = register(server.url)
    r = api.patch("/api/me", headers=member["headers"], json={"bio": BAD_BIO})
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["code"] == "rejected" and error.get("field") == "bio"
    assert "slurs" in error["message"]
    assert api.get("/api/me", headers=member["headers"]).json()["user"]["bio"] == ""
    # A phone number alone would be held in a post; a bio can't wait, so it is refused.
    r = api.patch("/api/me", headers=member["headers"], json={"bio": "Text me: 07700 900123"})
    assert r.status_code == 422 and "personal details" in r.json()["error"]["message"]
    r = api.patch("/api/me", headers=member["headers"], json={"bio": "Healing slowly, one day at a time."})
    assert r.status_code == 200 and r.json()["user"]["bio"] == "Healing slowly, one day at a time."
    # Suspended: the bio is frozen (other settings still save).
    item = reported_item(api, server, mod, member)
    assert decide(api, mod, item["id"], action="suspend", reason="Harassment.", duration=3600).status_code == 200
    r = api.patch("/api/me", headers=member["headers"], json={"bio": "Something new"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "suspended"
    r = api.patch("/api/me", headers=member["headers"], json={"bio": "Healing slowly, one day at a time.",
                                                               "country": "GB"})
    assert r.status_code == 200


def test_bio_form_shows_the_refusal(server) -> None:
    member = register(server.url)
    with server.client(follow_redirects=False, timeout=20) as c:
        token = csrf_from(c.get("/signin").text)
        r = c.post("/signin", data={"handle": member["handle"], "password": member["password"],
                                    "csrf_token": token})
        assert r.status_code == 303
        token = csrf_from(c.get("/settings").text)
        r = c.post("/settings", data={"bio": BAD_BIO, "country": "", "email": "", "csrf_token": token})
        assert r.status_code == 422
        assert "be saved as written" in r.text and "07700" in r.text  # the form keeps what was typed


def test_room_texts_are_screened(server, api, admin) -> None:
    slug = room_with_threshold(api, admin, 3)
    ok = api.patch(f"/api/rooms/{slug}", headers=admin["headers"],
                   json={"description": "A quiet room for noticing patterns."})
    assert ok.status_code == 200, ok.text


def test_many_reports_on_one_item_keep_the_threshold(server, api, mod, admin) -> None:
    slug = room_with_threshold(api, admin, 50)
    author = register(server.url)
    t = new_thread(api, author, "An ordinary post", room=slug)
    with ThreadPoolExecutor(8) as pool:
        reporters = list(pool.map(lambda _: register(server.url), range(60)))
    hidden = [report(api, who, t["post_id"]).json()["hidden"] for who in reporters[:49]]
    assert not any(hidden)
    assert api.get(f"/api/threads/{t['id']}").status_code == 200
    # The 50th distinct trusted reporter hides it.
    assert report(api, reporters[49], t["post_id"]).json()["hidden"] is True
    assert api.get(f"/api/threads/{t['id']}").status_code == 404
    # After approval, the fifty reports already weighed don't count again.
    item = queue_item_for(api, mod, "post", t["post_id"])
    assert decide(api, mod, item["id"], action="approve").status_code == 200
    later = [report(api, who, t["post_id"]).json()["hidden"] for who in reporters[50:]]
    assert not any(later)
    assert api.get(f"/api/threads/{t['id']}").status_code == 200
    # A member reports an item once, however many times they try.
    r = report(api, reporters[0], t["post_id"])
    assert r.status_code == 409 and r.json()["error"]["code"] == "already_reported"
