"""Live chat messages."""
from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class ChatMessage(Model):
    id = fields.IntField(primary_key=True)
    room = fields.ForeignKeyField("models.Room", related_name="messages", on_delete=fields.CASCADE)
    seq = fields.BigIntField()  # the room event id of the message
    author = fields.ForeignKeyField("models.User", related_name="messages", null=True,
                                    on_delete=fields.SET_NULL)
    session = fields.ForeignKeyField("models.LiveSession", related_name="messages", null=True,
                                     on_delete=fields.SET_NULL)
    client_id = fields.CharField(max_length=64, null=True)
    body = fields.TextField()
    body_html = fields.TextField()
    status = fields.CharField(max_length=16, default="visible")
    status_reason = fields.TextField(null=True)
    content_note = fields.CharField(max_length=80, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "chat_messages"
        unique_together = (("room", "seq"), ("room", "author", "client_id"))
