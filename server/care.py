"""What the writer of crisis or held content sees about it: its state and the check-ins.

Read side only (writes are in ``server/actions/checkins.py``). The writer is
never left with a bare "waiting": every view of their post says where it stands —
waiting, a moderator is reading it, approved, or a moderator wrote to you.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from server.auth import Viewer
from server.models.moderation import CheckIn, QueueItem
from server.models.posts import Post
from server.serializers import iso, user_public

STATE_TEXT = {
    "held": "Your post is saved and waiting for a moderator. Only you and the moderators can see it for now.",
    "published": "Your post is up, behind a content note so others can choose when to read it. "
                 "A moderator will check in with you.",
    "reading": "A moderator is reading your post now.",
    "approved": "A moderator read your post and it is now visible to the room.",
    "removed": "A moderator took this down. You can still read it here, and the help below is still here for you.",
    "seen": "A moderator has seen your post.",
    "wrote": "A moderator wrote to you.",
}


@dataclass
class Care:
    item_id: int
    state: str
    text: str
    crisis: bool
    messages: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"item_id": self.item_id, "state": self.state, "text": self.text, "crisis": self.crisis,
                "messages": self.messages, "url": f"/care/{self.item_id}"}


def checkin_json(c: CheckIn) -> dict[str, Any]:
    return {"id": c.id, "from_staff": c.from_staff, "author": user_public(c.sender) if not c.from_staff else
            {"handle": "a moderator", "id": None, "role": "moderator"},
            "body_html": c.body_html, "created_at": iso(c.created_at)}


def state_of(item: QueueItem, target_status: str, messages: list[CheckIn]) -> str:
    if any(m.from_staff for m in messages):
        return "wrote"
    if target_status in ("removed", "deleted"):
        return "removed"
    if item.state == "open":
        if item.acked_at is not None:
            return "reading"
        return "held" if target_status == "held" else "published"
    if item.resolution in ("approve", "edit_approve"):
        return "approved"
    return "seen"


def build(item: QueueItem, target_status: str, messages: list[CheckIn]) -> Care:
    state = state_of(item, target_status, messages)
    return Care(item.id, state, STATE_TEXT[state], item.source == "crisis" or item.tier is not None,
                [checkin_json(m) for m in messages])


async def _latest_items(target_type: str, target_ids: list[int]) -> dict[int, QueueItem]:
    """The newest held-or-crisis queue item of each target (reports alone are not care)."""
    latest: dict[int, QueueItem] = {}
    if not target_ids:
        return latest
    rows = await QueueItem.filter(target_type=target_type, target_id__in=target_ids,
                                  source__in=("crisis", "held")).order_by("id")
    for item in rows:
        latest[item.target_id] = item
    return latest


async def _messages(item_ids: list[int]) -> dict[int, list[CheckIn]]:
    out: dict[int, list[CheckIn]] = {i: [] for i in item_ids}
    if item_ids:
        for c in await CheckIn.filter(item_id__in=item_ids).order_by("id").prefetch_related("sender"):
            out[c.item_id].append(c)
    return out


async def for_own_posts(viewer: Viewer, posts: list[Post]) -> dict[int, Care]:
    """Care state of the viewer's own posts on a page, by post id (two queries at most)."""
    if viewer.user is None:
        return {}
    own = [p for p in posts if p.author_id == viewer.user.id]
    items = await _latest_items("post", [p.id for p in own])
    messages = await _messages([i.id for i in items.values()])
    status = {p.id: p.status for p in own}
    return {pid: build(item, status[pid], messages[item.id]) for pid, item in items.items()}


async def for_item(item: QueueItem, target_status: str) -> Care:
    return build(item, target_status, (await _messages([item.id]))[item.id])
