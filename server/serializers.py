"""Response shapes, built in one place. Templates and the JSON API share them."""
from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from server import access
from server.auth import Viewer
from server.models.accounts import User
from server.models.moderation import Notification
from server.models.posts import Post, PostRevision, Thread
from server.models.rooms import Room

REMOVED_TEXT = {
    "deleted": "This post was deleted by its author.",
    "removed": "This post was removed by a moderator.",
}


def iso(value: datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def user_public(user: User | None) -> dict[str, Any]:
    if user is None or user.deleted:
        return {"handle": "former member", "id": None, "role": "member"}
    return {"id": user.id, "handle": user.handle, "role": user.role}


def user_private(user: User) -> dict[str, Any]:
    return {**user_public(user), "email": user.email, "bio": user.bio, "country": user.country,
            "created_at": iso(user.created_at), "guidelines_agreed_at": iso(user.guidelines_agreed_at)}


def room(room: Room) -> dict[str, Any]:
    return {"slug": room.slug, "name": room.name, "description": room.description,
            "guidelines": room.guidelines, "guidelines_html": room.guidelines_html,
            "kind": room.kind, "archived": room.archived, "premoderate_new": room.premoderate_new,
            "report_threshold": room.report_threshold, "crisis_hold": room.crisis_hold}


def post(p: Post, viewer: Viewer) -> dict[str, Any]:
    """A post as this viewer may see it (``server.access``): its text only when shown in full.
    Call for posts a read path let through (blocks are applied by its query)."""
    own = viewer.user is not None and p.author_id == viewer.user.id
    show_text = access.show(access.Kind.POST, p, viewer) is access.Shown.FULL
    data: dict[str, Any] = {
        "id": p.id, "thread_id": p.thread_id, "author": user_public(p.author), "status": p.status,
        "body": p.body if show_text else None,
        "body_html": p.body_html if show_text else None,
        "created_at": iso(p.created_at), "edited_at": iso(p.edited_at),
        "is_first": p.is_first, "can_edit": own and access.editable(p),
    }
    # Counts and the viewer's own kinds, loaded by ``actions.reactions.with_reactions``;
    # content that isn't visible has none (reactions go only on what every member reads).
    counts, mine = getattr(p, "reaction_summary", None) or ({}, [])
    visible = p.status == "visible" and show_text
    data["reactions"] = dict(counts) if visible else {}
    data["my_reactions"] = list(mine) if visible else []
    data["can_react"] = visible and viewer.user is not None
    if p.content_note and show_text:
        data["content_note"] = p.content_note
    if p.status in REMOVED_TEXT:
        data["notice"] = REMOVED_TEXT[p.status]
    if p.status == "removed" and access.sees_reason(p.author_id, viewer):
        data["removed_reason"] = p.status_reason
    if p.status == "held":
        data["notice"] = "Waiting for a moderator to look at it. Only you and the moderators can see it."
    if p.status == "hidden":
        data["notice"] = "Hidden after reports, waiting for a moderator's review."
    return data


def revision(r: PostRevision) -> dict[str, Any]:
    return {"id": r.id, "body": r.body, "replaced_at": iso(r.created_at)}


def thread_title(t: Thread, viewer: Viewer) -> str:
    """A removed or deleted thread is called by a placeholder for everyone but staff: a title can name someone."""
    return access.title(t, viewer)


def thread_summary(t: Thread, viewer: Viewer) -> dict[str, Any]:
    return {"id": t.id, "title": thread_title(t, viewer), "author": user_public(t.author), "status": t.status,
            "reply_count": t.reply_count, "created_at": iso(t.created_at),
            "last_activity_at": iso(t.last_activity_at)}


def thread_with_first_post(t: Thread, first: Post, viewer: Viewer) -> dict[str, Any]:
    """The thread as the API returns it on creation: the thread fields plus its opening post's."""
    body = post(first, viewer)
    return {**thread_summary(t, viewer), "room": t.room.slug if hasattr(t.room, "slug") else None,
            "post_id": first.id, "body": body["body"], "body_html": body["body_html"],
            "edited_at": body["edited_at"], "first_post": body}


def decision_extras(decision: Any, status: str, request: Any, viewer: Viewer,
                    content_note: str | None = None) -> dict[str, Any]:
    """What a writer is told about moderation of what they just wrote: status, reasons, help,
    the content note the content carries, or (talk about suicide that is not a crisis) the
    note they may choose to add."""
    from server.actions.screening import help_for_user

    out: dict[str, Any] = {"status": status}
    if decision.reasons:
        out["reasons"] = list(decision.reasons)
    if decision.show_help:
        out["help"] = help_for_user(viewer.user, request.headers.get("accept-language"))
    if content_note:
        out["content_note"] = content_note
    elif decision.crisis_tier == "topic" and decision.content_note:
        out["content_note_offer"] = decision.content_note
    return out


NOTIFICATION_LINK = re.compile(r"^/threads/(\d+)(?:\?cursor=[A-Za-z0-9_-]+)?(?:#post-(\d+))?$")


def notification(n: Notification) -> dict[str, Any]:
    """A notification as listed, with the thread and post it leads to (for grouping)."""
    match = NOTIFICATION_LINK.match(n.link or "")
    return {"id": n.id, "kind": n.kind, "text": n.text, "link": n.link, "read": n.read_at is not None,
            "created_at": iso(n.created_at),
            "thread_id": int(match.group(1)) if match else None,
            "post_id": int(match.group(2)) if match and match.group(2) else None}


def notification_groups(rows: list[Notification], threads: dict[int, Thread],
                        viewer: Viewer) -> list[dict[str, Any]]:
    """Notifications grouped by the thread they lead to, the group with the newest first;
    those about no thread (chat, account) share a last group. ``threads`` maps the ids
    the notifications name to the loaded rows; titles are as this viewer reads them."""
    groups: dict[int | None, dict[str, Any]] = {}
    for n in rows:
        item = notification(n)
        tid = item["thread_id"] if item["thread_id"] in threads else None
        if tid not in groups:
            groups[tid] = {"thread_id": tid, "title": thread_title(threads[tid], viewer) if tid else None,
                           "link": f"/threads/{tid}" if tid else None, "notifications": [], "unread": 0}
        groups[tid]["notifications"].append(item)
        groups[tid]["unread"] += 0 if item["read"] else 1
    return sorted(groups.values(), key=lambda g: (g["thread_id"] is None, -g["notifications"][0]["id"]))
