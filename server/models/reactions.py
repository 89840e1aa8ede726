"""Support reactions: a small fixed set a member can leave on a post or a chat message."""
from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from server.models.accounts import User
    from server.models.chat import ChatMessage
    from server.models.posts import Post

# kind → (emoji, what the button says). The order is the order buttons are shown in.
REACTION_KINDS: dict[str, tuple[str, str]] = {
    "support": ("🫂", "sending support"),
    "me_too": ("🙋", "me too"),
    "thanks": ("🙏", "thank you"),
    "helped": ("💡", "this helped"),
}


class Reaction(Model):
    """One member's reaction of one kind on one post or one chat message (exactly one of the two).

    The unique pairs hold "one of each kind per member per item"; a NULL target never
    collides, so a post reaction and a message reaction never block each other."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="reactions", on_delete=fields.CASCADE)
    user_id: int
    kind = fields.CharField(max_length=16)
    post: fields.ForeignKeyNullableRelation[Post] = fields.ForeignKeyField(
        "models.Post", related_name="reactions", null=True, on_delete=fields.CASCADE)
    post_id: int | None
    message: fields.ForeignKeyNullableRelation[ChatMessage] = fields.ForeignKeyField(
        "models.ChatMessage", related_name="reactions", null=True, on_delete=fields.CASCADE)
    message_id: int | None
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "reactions"
        unique_together = (("user", "post", "kind"), ("user", "message", "kind"))
        # Counts are read per item (a thread page's posts, a chat page's messages).
        indexes = (("post_id", "kind"), ("message_id", "kind"))
