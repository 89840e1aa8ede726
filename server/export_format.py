"""The shape of "Download my data": a JSON document, and the same read as Markdown.

Built from ``server.actions.export.ExportRows`` only, so the two files never differ in
what they contain. Thread titles are read as a plain member reads them (``server.access``),
whatever the member's role: an export is not a moderator's view.
"""
from __future__ import annotations

from typing import Any

from server import access, notify_settings
from server.actions.export import ExportRows
from server.auth import utcnow
from server.models.reactions import Reaction
from server.models.rooms import Room
from server.serializers import iso

FORMAT = "securebase-export"
VERSION = 1


def _room(room: Room | None) -> dict[str, Any] | None:
    return {"slug": room.slug, "name": room.name} if room is not None else None


def _reaction(r: Reaction) -> dict[str, Any]:
    """A reaction names what it was on by id and room only: the item is someone else's words."""
    if r.post is not None:
        return {"kind": r.kind, "on": "post", "post_id": r.post.id, "thread_id": r.post.thread.id,
                "room": _room(r.post.thread.room), "created_at": iso(r.created_at)}
    msg = r.message
    return {"kind": r.kind, "on": "message", "message_id": msg.id if msg else None,
            "room": _room(msg.room) if msg else None, "created_at": iso(r.created_at)}


def export_json(rows: ExportRows) -> dict[str, Any]:
    user = rows.user
    plain = access.Reader(user.id, False, role="member")
    return {
        "format": FORMAT, "version": VERSION, "exported_at": iso(utcnow()),
        "account": {"handle": user.handle, "role": user.role, "created_at": iso(user.created_at),
                    "guidelines_agreed_at": iso(user.guidelines_agreed_at)},
        "settings": {"email": user.email, "bio": user.bio, "country": user.country,
                     "blocked_members": rows.blocked_handles, "recovery_codes_left": rows.recovery_codes_left},
        "threads": [{"id": t.id, "room": _room(t.room), "title": t.title, "status": t.status,
                     "created_at": iso(t.created_at)} for t in rows.threads],
        "posts": [{"id": p.id, "thread_id": p.thread_id,
                   "thread_title": access.title(p.thread, plain), "room": _room(p.thread.room),
                   "opening_post": p.is_first, "body": p.body, "content_note": p.content_note,
                   "status": p.status, "created_at": iso(p.created_at), "edited_at": iso(p.edited_at),
                   "earlier_versions": [{"body": r.body, "replaced_at": iso(r.created_at)}
                                        for r in rows.revisions.get(p.id, [])]} for p in rows.posts],
        "chat_messages": [{"id": m.id, "room": _room(m.room), "body": m.body, "content_note": m.content_note,
                           "status": m.status, "created_at": iso(m.created_at)} for m in rows.messages],
        "check_in_answers": [{"body": c.body, "created_at": iso(c.created_at)} for c in rows.checkin_answers],
        "reports_made": [{"target_type": r.target_type, "target_id": r.target_id, "reason": r.reason,
                          "note": r.note, "created_at": iso(r.created_at)} for r in rows.reports],
        "rsvps": [{"session_id": r.session.id, "title": r.session.title, "room": _room(r.session.room),
                   "starts_at": iso(r.session.starts_at), "ends_at": iso(r.session.ends_at),
                   "state": r.session.state, "rsvp_at": iso(r.created_at)} for r in rows.rsvps],
        "reactions": [_reaction(r) for r in rows.reactions],
        "notifications": [{"kind": n.kind, "text": n.text, "link": n.link, "read_at": iso(n.read_at),
                           "created_at": iso(n.created_at)} for n in rows.notifications],
        "notification_settings": notify_settings.as_json(rows.notification_settings),
        "rooms_followed": [{"room": _room(f.room), "followed_at": iso(f.created_at),
                            "last_visited_at": iso(f.last_visited_at)} for f in rows.follows],
        "threads_read": [{"thread_id": r.thread_id, "thread_title": access.title(r.thread, plain),
                          "read_at": iso(r.read_at)} for r in rows.thread_reads],
    }


def _quote(text: str) -> list[str]:
    return ["> " + line if line else ">" for line in (text or "").splitlines()] or [">"]


def _where(room: dict[str, Any] | None) -> str:
    return room["name"] if room else "a room that no longer exists"


def _section(title: str, items: list[Any], empty: str) -> list[str]:
    lines = ["", f"## {title}", ""]
    if not items:
        lines.append(empty)
    return lines


def _notification_settings(prefs: dict[str, Any]) -> list[str]:
    quiet = prefs["quiet_hours"]
    lines = ["", "## Notification settings", ""]
    lines += [f"- {prefs['labels'][group]}: {'on' if on else 'off'}" for group, on in prefs["kinds"].items()]
    lines.append(f"- Quiet hours: {quiet['start']}–{quiet['end']}" if quiet else "- Quiet hours: none")
    lines.append(f"- Time zone: {prefs['time_zone']}")
    return lines


def export_markdown(data: dict[str, Any]) -> str:
    """The export as a document a person can read (same content as the JSON)."""
    account, settings = data["account"], data["settings"]
    out = [f"# Everything SecureBase holds that {account['handle']} wrote or chose", "",
           f"Exported {data['exported_at']}. The JSON file has the same content for other programs.", "",
           f"- Handle: {account['handle']}", f"- Joined: {account['created_at']}",
           f"- Agreed to the community guidelines: {account['guidelines_agreed_at'] or '(not yet)'}",
           f"- Email: {settings['email'] or '(none)'}", f"- Country for help lines: {settings['country'] or '(none)'}",
           f"- Recovery codes left: {settings['recovery_codes_left']}",
           f"- Members you blocked: {', '.join(settings['blocked_members']) or '(none)'}", "", "About you:", ""]
    out += _quote(settings["bio"] or "(empty)")
    out += _section("Threads you started", data["threads"], "None.")
    for t in data["threads"]:
        out.append(f"- {t['title']} — in {_where(t['room'])}, {t['created_at']} ({t['status']})")
    out += _section("Posts you wrote", data["posts"], "None.")
    for p in data["posts"]:
        out += [f"### In “{p['thread_title']}” ({_where(p['room'])}), {p['created_at']}", "",
                f"Status: {p['status']}" + (f"; content note: {p['content_note']}" if p["content_note"] else ""), ""]
        out += [*_quote(p["body"]), ""]
        for earlier in p["earlier_versions"]:
            out += [f"Earlier version (replaced {earlier['replaced_at']}):", "", *_quote(earlier["body"]), ""]
    out += _section("Chat messages you sent", data["chat_messages"], "None.")
    for m in data["chat_messages"]:
        out += [f"### {_where(m['room'])}, {m['created_at']} ({m['status']})", "", *_quote(m["body"]), ""]
    out += _section("Your answers to moderators' check-ins", data["check_in_answers"], "None.")
    for c in data["check_in_answers"]:
        out += [f"### {c['created_at']}", "", *_quote(c["body"]), ""]
    out += _section("Reports you made", data["reports_made"], "None.")
    for r in data["reports_made"]:
        note = f": {r['note']}" if r["note"] else ""
        out.append(f"- {r['created_at']}: a {r['target_type']} ({r['target_id']}), reason {r['reason']}{note}")
    out += _section("Live sessions you said you'd join", data["rsvps"], "None.")
    for s in data["rsvps"]:
        out.append(f"- {s['title']} — {_where(s['room'])}, {s['starts_at']} ({s['state']})")
    out += _section("Reactions you left", data["reactions"], "None.")
    for r in data["reactions"]:
        on = f"post {r['post_id']}" if r["on"] == "post" else f"chat message {r['message_id']}"
        out.append(f"- {r['created_at']}: {r['kind']} on a {on} in {_where(r['room'])}")
    out += _section("Notifications", data["notifications"], "None.")
    for n in data["notifications"]:
        out.append(f"- {n['created_at']}: {n['text']}" + (" (read)" if n["read_at"] else ""))
    out += _notification_settings(data["notification_settings"])
    out += _section("Rooms you follow", data["rooms_followed"], "None.")
    for f in data["rooms_followed"]:
        out.append(f"- {_where(f['room'])}, since {f['followed_at']}; last visit {f['last_visited_at'] or '(none)'}")
    out += _section("Threads you opened (when you last read them)", data["threads_read"], "None.")
    for r in data["threads_read"]:
        out.append(f"- “{r['thread_title']}”, {r['read_at']}")
    return "\n".join(out) + "\n"
