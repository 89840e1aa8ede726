"""Tortoise models, one module per domain. Listed here for the ORM config."""
from __future__ import annotations

MODEL_MODULES = [
    "server.models.accounts",
    "server.models.rooms",
    "server.models.posts",
    "server.models.chat",
    "server.models.live",
    "server.models.moderation",
    "server.models.reactions",
    "server.models.membership",
]
