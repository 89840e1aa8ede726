"""Accounts: pseudonymous members, their sessions and blocks."""
from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

ROLES = ("member", "moderator", "admin")


class User(Model):
    id = fields.IntField(primary_key=True)
    handle = fields.CharField(max_length=32)
    handle_lower = fields.CharField(max_length=32, unique=True)
    email = fields.CharField(max_length=254, null=True)
    password_hash = fields.CharField(max_length=255)
    role = fields.CharField(max_length=16, default="member")
    bio = fields.TextField(default="")
    country = fields.CharField(max_length=8, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    approved_posts = fields.IntField(default=0)
    suspended_until = fields.DatetimeField(null=True)
    banned = fields.BooleanField(default=False)
    deleted = fields.BooleanField(default=False)
    # When the member agreed to the community guidelines (onboarding); null: not yet, and
    # they may not post until they do.
    guidelines_agreed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "users"

    @property
    def is_staff(self) -> bool:
        return self.role in ("moderator", "admin")

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


class Session(Model):
    """A server-side session. Only the SHA-256 of the token is stored."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sessions", on_delete=fields.CASCADE)
    user_id: int
    token_hash = fields.CharField(max_length=64, unique=True)
    kind = fields.CharField(max_length=8, default="cookie")  # cookie | bearer
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()

    class Meta:
        table = "sessions"


class Block(Model):
    """A member hides another member's posts and messages from themselves."""

    id = fields.IntField(primary_key=True)
    blocker: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="blocks_made", on_delete=fields.CASCADE)
    blocker_id: int
    blocked: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="blocked_by", on_delete=fields.CASCADE)
    blocked_id: int
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "blocks"
        unique_together = (("blocker", "blocked"),)


class RecoveryCode(Model):
    """A one-time code that resets a forgotten password. Only its argon2 hash is kept."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="recovery_codes", on_delete=fields.CASCADE)
    user_id: int
    code_hash = fields.CharField(max_length=255)
    used_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "recovery_codes"
