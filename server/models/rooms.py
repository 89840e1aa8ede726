"""Topic rooms and their stored event stream (the source of truth for live clients)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from server.models.chat import ChatMessage


class Room(Model):
    id = fields.IntField(primary_key=True)
    slug = fields.CharField(max_length=64, unique=True)
    name = fields.CharField(max_length=80)
    description = fields.TextField(default="")
    guidelines = fields.TextField(default="")
    guidelines_html = fields.TextField(default="")
    kind = fields.CharField(max_length=16, default="healing")  # attachment | healing
    position = fields.IntField(default=100)
    archived = fields.BooleanField(default=False)
    premoderate_new = fields.BooleanField(default=False)
    report_threshold = fields.IntField(default=3)
    crisis_hold = fields.CharField(max_length=16, default="imminent")  # imminent | all (distress too)
    event_seq = fields.BigIntField(default=0)  # last room-monotonic event id handed out
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "rooms"
        ordering = ("position", "id")


class RoomEvent(Model):
    """One event in a room's live stream, stored before it is published.

    ``seq`` is strictly increasing per room and is the id clients resume from.
    Message events point at their ChatMessage so replays always show the
    message as it is now (removed, anonymized), never a stale copy.
    """

    id = fields.BigIntField(primary_key=True)
    room: fields.ForeignKeyRelation[Room] = fields.ForeignKeyField(
        "models.Room", related_name="events", on_delete=fields.CASCADE)
    room_id: int
    seq = fields.BigIntField()
    kind = fields.CharField(max_length=16)  # message | removed | session
    message: fields.ForeignKeyNullableRelation[ChatMessage] = fields.ForeignKeyField(
        "models.ChatMessage", related_name="events", null=True, on_delete=fields.CASCADE)
    message_id: int | None
    data: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "room_events"
        unique_together = (("room", "seq"),)
