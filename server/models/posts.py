"""Threads and their posts. A thread's opening text is its first post."""
from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from server.models.accounts import User
    from server.models.rooms import Room

# visible: shown to all; held: waiting for review (author + staff only);
# hidden: hidden after reports pending review; removed: by a moderator;
# deleted: by its author.
POST_STATUSES = ("visible", "held", "hidden", "removed", "deleted")


class Thread(Model):
    id = fields.IntField(primary_key=True)
    room: fields.ForeignKeyRelation[Room] = fields.ForeignKeyField(
        "models.Room", related_name="threads", on_delete=fields.CASCADE)
    room_id: int
    author: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="threads", null=True, on_delete=fields.SET_NULL)
    author_id: int | None
    title = fields.CharField(max_length=200)
    status = fields.CharField(max_length=16, default="visible")
    created_at = fields.DatetimeField(auto_now_add=True)
    last_activity_at = fields.DatetimeField(auto_now_add=True, db_index=True)

    # Not a column: the replies a given viewer may read, set per viewer by
    # access.with_reply_counts before display (a thread just created has none).
    reply_count: int = 0

    class Meta:
        table = "threads"


class Post(Model):
    id = fields.IntField(primary_key=True)
    thread: fields.ForeignKeyRelation[Thread] = fields.ForeignKeyField(
        "models.Thread", related_name="posts", on_delete=fields.CASCADE)
    thread_id: int
    author: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="posts", null=True, on_delete=fields.SET_NULL)
    author_id: int | None
    is_first = fields.BooleanField(default=False)
    body = fields.TextField()
    body_html = fields.TextField()
    status = fields.CharField(max_length=16, default="visible")
    # Tortoise types every TextField as non-null; this one holds None until a moderator gives a reason.
    status_reason: fields.Field[str | None] = fields.TextField(null=True)  # type: ignore[assignment]
    content_note = fields.CharField(max_length=80, null=True)  # "self-harm": shown collapsed behind it
    created_at = fields.DatetimeField(auto_now_add=True)
    edited_at = fields.DatetimeField(null=True)
    revisions: fields.ReverseRelation[PostRevision]

    class Meta:
        table = "posts"


class PostRevision(Model):
    """An earlier text of an edited post, kept for moderators."""

    id = fields.IntField(primary_key=True)
    post: fields.ForeignKeyRelation[Post] = fields.ForeignKeyField(
        "models.Post", related_name="revisions", on_delete=fields.CASCADE)
    post_id: int
    body = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "post_revisions"
