"""Scheduled live group sessions with a facilitator."""
from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from server.models.accounts import User
    from server.models.rooms import Room

SESSION_STATES = ("scheduled", "live", "ended", "cancelled")


class LiveSession(Model):
    id = fields.IntField(primary_key=True)
    room: fields.ForeignKeyRelation[Room] = fields.ForeignKeyField(
        "models.Room", related_name="live_sessions", on_delete=fields.CASCADE)
    room_id: int
    title = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    description_html = fields.TextField(default="")
    facilitator: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="facilitated", null=True, on_delete=fields.SET_NULL)
    facilitator_id: int | None
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sessions_created", null=True, on_delete=fields.SET_NULL)
    created_by_id: int | None
    starts_at = fields.DatetimeField()
    ends_at = fields.DatetimeField()
    state = fields.CharField(max_length=16, default="scheduled")
    slow_mode_seconds = fields.IntField(default=0)
    locked = fields.BooleanField(default=False)
    pinned_prompt = fields.TextField(default="")
    pinned_prompt_html = fields.TextField(default="")
    started_at = fields.DatetimeField(null=True)
    ended_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "live_sessions"


class Rsvp(Model):
    id = fields.IntField(primary_key=True)
    session: fields.ForeignKeyRelation[LiveSession] = fields.ForeignKeyField(
        "models.LiveSession", related_name="rsvps", on_delete=fields.CASCADE)
    session_id: int
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="rsvps", on_delete=fields.CASCADE)
    user_id: int
    created_at = fields.DatetimeField(auto_now_add=True)
    # Set by the one worker whose conditional update wins, so each reminder goes out once.
    reminded_at = fields.DatetimeField(null=True)  # "starts in 15 minutes"
    started_notified_at = fields.DatetimeField(null=True)  # "starting now"

    class Meta:
        table = "rsvps"
        unique_together = (("session", "user"),)
