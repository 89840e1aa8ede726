"""Scheduled live group sessions with a facilitator."""
from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

SESSION_STATES = ("scheduled", "live", "ended", "cancelled")


class LiveSession(Model):
    id = fields.IntField(primary_key=True)
    room = fields.ForeignKeyField("models.Room", related_name="live_sessions", on_delete=fields.CASCADE)
    title = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    description_html = fields.TextField(default="")
    facilitator = fields.ForeignKeyField("models.User", related_name="facilitated", null=True,
                                         on_delete=fields.SET_NULL)
    created_by = fields.ForeignKeyField("models.User", related_name="sessions_created", null=True,
                                        on_delete=fields.SET_NULL)
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
    session = fields.ForeignKeyField("models.LiveSession", related_name="rsvps", on_delete=fields.CASCADE)
    user = fields.ForeignKeyField("models.User", related_name="rsvps", on_delete=fields.CASCADE)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "rsvps"
        unique_together = (("session", "user"),)
