"""Reportable content (posts and chat messages) behind one small interface.

Reports and moderator decisions act on "targets" without caring which kind:
load, check who may see it, change its status, replace its text.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from server import access
from server.auth import Viewer, utcnow
from server.errors import Invalid, NotFound
from server.events import EventBuffer
from server.models.accounts import User
from server.models.chat import ChatMessage
from server.models.posts import Post, PostRevision, Thread
from server.models.rooms import Room

TARGET_TYPES = ("post", "message")


@dataclass
class Target:
    kind: str  # post | message
    row: Post | ChatMessage
    room: Room
    author: User | None

    @property
    def id(self) -> int:
        return self.row.id

    @property
    def status(self) -> str:
        return self.row.status

    def is_by(self, user: User | None) -> bool:
        return user is not None and self.author is not None and self.author.id == user.id

    def url(self) -> str:
        if isinstance(self.row, Post):
            return f"/threads/{self.row.thread_id}#post-{self.row.id}"
        return f"/rooms/{self.room.slug}#chat"

    def label(self) -> str:
        return f"{'post' if self.kind == 'post' else 'chat message'} in {self.room.name}"


def check_target_type(value: object) -> str:
    if value not in TARGET_TYPES:
        raise Invalid("target_type must be 'post' or 'message'.", code="invalid_target_type", field="target_type")
    return str(value)


async def load_target(kind: str, target_id: int) -> Target | None:
    if kind == "post":
        post = await Post.get_or_none(id=target_id).prefetch_related("thread", "thread__room", "author")
        if post is None:
            return None
        return Target("post", post, post.thread.room, post.author)
    message = await ChatMessage.get_or_none(id=target_id).prefetch_related("room", "author")
    if message is None:
        return None
    return Target("message", message, message.room, message.author)


def can_see(viewer: Viewer, target: Target) -> bool:
    """Whether the viewer may report it (``server.access.may_report``)."""
    return access.may_report(access.Kind(target.kind), target.row, viewer)


async def access_reportable(viewer: Viewer, kind: str, target_id: int) -> Target:
    """A target the viewer can see; hidden and missing ones look the same (404)."""
    target = await load_target(kind, target_id)
    if target is None or not can_see(viewer, target):
        raise NotFound("We couldn't find that.")
    return target


async def set_status(target: Target, status: str, reason: str | None, events: EventBuffer) -> None:
    """Change a target's status with its side effects. Call inside a transaction."""
    if isinstance(target.row, ChatMessage):
        from server.actions.chat import set_message_status

        await set_message_status(target.row, status, reason, events)
        return
    post: Post = target.row
    old = post.status
    post.status, post.status_reason = status, reason
    await post.save(update_fields=["status", "status_reason"])
    thread: Thread = post.thread
    if post.is_first:
        thread.status = status
        await thread.save(update_fields=["status"])
    elif old != "visible" and status == "visible":  # an approved reply is new activity
        await Thread.filter(id=thread.id).update(last_activity_at=utcnow())


async def replace_text(target: Target, body: str) -> None:
    """Moderator edit (e.g. censor personal data). Posts keep the old text as a revision."""
    from server.actions.mentions import render

    html = await render(body)
    if isinstance(target.row, Post):
        await PostRevision.create(post=target.row, body=target.row.body)
        target.row.edited_at = utcnow()
    target.row.body, target.row.body_html = body, html
    await target.row.save()


async def replace_title(target: Target, title: str) -> None:
    """Moderator edit of a thread's title, through its first post. Call inside a transaction."""
    if not isinstance(target.row, Post) or not target.row.is_first:
        raise Invalid("Only a thread's first post has a title.", code="unknown_field", field="title")
    thread: Thread = target.row.thread
    thread.title = title
    await thread.save(update_fields=["title"])


def preview(target: Target) -> dict[str, Any]:
    return {"type": target.kind, "id": target.id, "status": target.status, "body": target.row.body,
            "body_html": target.row.body_html, "url": target.url(), "room": target.room.slug,
            "author": target.author.handle if target.author and not target.author.deleted else None}
