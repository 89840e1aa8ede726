"""Live chat messages."""
from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from server.models.accounts import User
    from server.models.live import LiveSession
    from server.models.rooms import Room


class ChatMessage(Model):
    id = fields.IntField(primary_key=True)
    room: fields.ForeignKeyRelation[Room] = fields.ForeignKeyField(
        "models.Room", related_name="messages", on_delete=fields.CASCADE)
    room_id: int
    seq = fields.BigIntField()  # the room event id of the message
    author: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="messages", null=True, on_delete=fields.SET_NULL)
    author_id: int | None
    session: fields.ForeignKeyNullableRelation[LiveSession] = fields.ForeignKeyField(
        "models.LiveSession", related_name="messages", null=True, on_delete=fields.SET_NULL)
    session_id: int | None
    client_id = fields.CharField(max_length=64, null=True)
    body = fields.TextField()
    body_html = fields.TextField()
    status = fields.CharField(max_length=16, default="visible")
    # Tortoise types every TextField as non-null; this one holds None until a moderator gives a reason.
    status_reason: fields.Field[str | None] = fields.TextField(null=True)  # type: ignore[assignment]
    content_note = fields.CharField(max_length=80, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "chat_messages"
        unique_together = (("room", "seq"), ("room", "author", "client_id"))
