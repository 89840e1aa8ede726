"""Reports, the review queue, sanctions, notifications, watched words and the audit log."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from server.models.accounts import User
    from server.models.rooms import Room

REPORT_REASONS = ("harassment", "crisis_concern", "spam", "personal_info", "off_topic", "other")
SANCTIONS = ("warn", "mute", "suspend", "ban")


class Report(Model):
    id = fields.IntField(primary_key=True)
    reporter: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="reports_made", null=True, on_delete=fields.SET_NULL)
    reporter_id: int | None
    target_type = fields.CharField(max_length=16)  # post | message
    target_id = fields.IntField()
    reason = fields.CharField(max_length=32)
    note = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    # When the reporter was told a moderator reviewed it (once, whatever the decision).
    outcome_notified_at = fields.DatetimeField(null=True)

    class Meta:
        table = "reports"
        unique_together = (("reporter", "target_type", "target_id"),)
        # Counting an item's reporters looks reports up by target, not by reporter first.
        indexes = (("target_type", "target_id"),)


class QueueItem(Model):
    """Something a moderator must look at: held, reported or crisis content."""

    id = fields.IntField(primary_key=True)
    target_type = fields.CharField(max_length=16)
    target_id = fields.IntField()
    room: fields.ForeignKeyNullableRelation[Room] = fields.ForeignKeyField(
        "models.Room", related_name="queue_items", null=True, on_delete=fields.SET_NULL)
    room_id: int | None
    author: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="queue_items", null=True, on_delete=fields.SET_NULL)
    author_id: int | None
    source = fields.CharField(max_length=16)  # held | reported | crisis
    priority = fields.IntField(default=0)
    signals: fields.JSONField[list[dict[str, Any]]] = fields.JSONField(default=list)
    reasons: fields.JSONField[list[str]] = fields.JSONField(default=list)
    state = fields.CharField(max_length=16, default="open")  # open | resolved
    resolution = fields.CharField(max_length=32, null=True)
    resolved_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="queue_resolved", null=True, on_delete=fields.SET_NULL)
    resolved_by_id: int | None
    resolved_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    # Crisis care: the tier moderation found, who said "I'm on it" and when, and the stored
    # escalation deadline (imminent items only). ``escalated_at`` is set by the one process
    # whose conditional update wins, so an item escalates once across workers and hosts.
    tier = fields.CharField(max_length=16, null=True)  # imminent | distress | None
    acked_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="queue_acked", null=True, on_delete=fields.SET_NULL)
    acked_by_id: int | None
    acked_at = fields.DatetimeField(null=True)
    escalate_at = fields.DatetimeField(null=True, db_index=True)
    escalated_at = fields.DatetimeField(null=True)

    class Meta:
        table = "queue_items"


class CheckIn(Model):
    """A private message on a crisis item: a moderator's check-in, or the writer's answer.

    The conversation stays on the queue item; only the writer and staff can read it.
    """

    id = fields.IntField(primary_key=True)
    item: fields.ForeignKeyRelation[QueueItem] = fields.ForeignKeyField(
        "models.QueueItem", related_name="checkins", on_delete=fields.CASCADE)
    item_id: int
    writer: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="checkins_received", on_delete=fields.CASCADE)
    writer_id: int
    sender: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="checkins_sent", null=True, on_delete=fields.SET_NULL)
    sender_id: int | None
    from_staff = fields.BooleanField(default=True)
    body = fields.TextField()
    body_html = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "checkins"


class Sanction(Model):
    """A warn, mute (per room), suspension or ban in force until ``expires_at`` (null: no end)."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sanctions", on_delete=fields.CASCADE)
    user_id: int
    kind = fields.CharField(max_length=16)
    room: fields.ForeignKeyNullableRelation[Room] = fields.ForeignKeyField(
        "models.Room", related_name="sanctions", null=True, on_delete=fields.CASCADE)
    room_id: int | None
    reason = fields.TextField(default="")
    expires_at = fields.DatetimeField(null=True)
    lifted_at = fields.DatetimeField(null=True)
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sanctions_given", null=True, on_delete=fields.SET_NULL)
    created_by_id: int | None
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "sanctions"


class Notification(Model):
    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="notifications", on_delete=fields.CASCADE)
    user_id: int
    kind = fields.CharField(max_length=32)
    text = fields.TextField()
    link = fields.CharField(max_length=255, default="")
    read_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "notifications"


class WatchedWordEntry(Model):
    id = fields.IntField(primary_key=True)
    word = fields.CharField(max_length=100, unique=True)
    action = fields.CharField(max_length=16)  # block | hold | flag | censor
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "watched_words"


class AuditLog(Model):
    """Who did what to which target, why and when. Never edited or deleted."""

    id = fields.IntField(primary_key=True)
    actor: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="audit_entries", null=True, on_delete=fields.SET_NULL)
    actor_id: int | None
    actor_handle = fields.CharField(max_length=32, default="")
    action = fields.CharField(max_length=32)
    target_type = fields.CharField(max_length=16)
    target_id = fields.IntField(null=True)
    reason = fields.TextField(default="")
    details: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)

    class Meta:
        table = "audit_log"
