"""What a member chose and where they have been: rooms they follow (with their last visit),
threads they have read, and their notification settings."""
from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from server.models.accounts import User
    from server.models.posts import Thread
    from server.models.rooms import Room


class RoomFollow(Model):
    """A member follows a room: it comes first on their home page, with what is new since
    ``last_visited_at`` (null: not opened since following; counted from ``created_at``)."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="follows", on_delete=fields.CASCADE)
    user_id: int
    room: fields.ForeignKeyRelation[Room] = fields.ForeignKeyField(
        "models.Room", related_name="followers", on_delete=fields.CASCADE)
    room_id: int
    last_visited_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "room_follows"
        unique_together = (("user", "room"),)


class ThreadRead(Model):
    """When a member last opened a thread: the room page marks threads with activity since."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="thread_reads", on_delete=fields.CASCADE)
    user_id: int
    thread: fields.ForeignKeyRelation[Thread] = fields.ForeignKeyField(
        "models.Thread", related_name="reads", on_delete=fields.CASCADE)
    thread_id: int
    read_at = fields.DatetimeField()

    class Meta:
        table = "thread_reads"
        unique_together = (("user", "thread"),)


class NotificationSettings(Model):
    """A member's notification choices. No row: every kind on, no quiet hours, UTC.

    ``off`` lists the setting groups turned off (``server.notify_settings.GROUPS``); quiet hours
    are minutes after local midnight in ``time_zone`` (an IANA name), both null when unset.
    """

    id = fields.IntField(primary_key=True)
    user: fields.OneToOneRelation[User] = fields.OneToOneField(
        "models.User", related_name="notification_settings", on_delete=fields.CASCADE)
    user_id: int
    off: fields.JSONField[list[str]] = fields.JSONField(default=list)
    quiet_start = fields.IntField(null=True)
    quiet_end = fields.IntField(null=True)
    time_zone = fields.CharField(max_length=64, default="UTC")
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "notification_settings"
