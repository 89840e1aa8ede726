"""Threads and their posts. A thread's opening text is its first post."""
from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

# visible: shown to all; held: waiting for review (author + staff only);
# hidden: hidden after reports pending review; removed: by a moderator;
# deleted: by its author.
POST_STATUSES = ("visible", "held", "hidden", "removed", "deleted")


class Thread(Model):
    id = fields.IntField(primary_key=True)
    room = fields.ForeignKeyField("models.Room", related_name="threads", on_delete=fields.CASCADE)
    author = fields.ForeignKeyField("models.User", related_name="threads", null=True,
                                    on_delete=fields.SET_NULL)
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
    thread = fields.ForeignKeyField("models.Thread", related_name="posts", on_delete=fields.CASCADE)
    author = fields.ForeignKeyField("models.User", related_name="posts", null=True,
                                    on_delete=fields.SET_NULL)
    is_first = fields.BooleanField(default=False)
    body = fields.TextField()
    body_html = fields.TextField()
    status = fields.CharField(max_length=16, default="visible")
    status_reason = fields.TextField(null=True)
    content_note = fields.CharField(max_length=80, null=True)  # "self-harm": shown collapsed behind it
    created_at = fields.DatetimeField(auto_now_add=True)
    edited_at = fields.DatetimeField(null=True)

    class Meta:
        table = "posts"


class PostRevision(Model):
    """An earlier text of an edited post, kept for moderators."""

    id = fields.IntField(primary_key=True)
    post = fields.ForeignKeyField("models.Post", related_name="revisions", on_delete=fields.CASCADE)
    body = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "post_revisions"
