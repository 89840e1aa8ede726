"""Room state changes: seeding on first start, admin create/edit/archive."""
from __future__ import annotations

import json
import logging
from importlib import resources
from typing import Any

from tortoise.transactions import in_transaction

import moderation
from server.actions import screening
from server.auth import Viewer, require_admin
from server.errors import Conflict, Invalid
from server.models.accounts import User
from server.models.moderation import AuditLog, WatchedWordEntry
from server.models.rooms import Room
from server.validation import clean_text, is_slug

log = logging.getLogger("securebase.rooms")


def seed_material() -> dict[str, Any]:
    material: dict[str, Any] = json.loads(resources.files("server.seed").joinpath("rooms.json").read_text("utf-8"))
    return material


async def seed_rooms(report_threshold: int = 3) -> int:
    """Create the seeded rooms that are missing (idempotent). Returns how many were made."""
    material = seed_material()
    made = 0
    for position, spec in enumerate(material["rooms"]):
        if await Room.filter(slug=spec["slug"]).exists():
            continue
        guidelines = spec["guidelines"] + "\n" + material["common_guidelines"]
        await Room.create(slug=spec["slug"], name=spec["name"], kind=spec["kind"],
                          description=spec["description"], guidelines=guidelines,
                          guidelines_html=moderation.render_markdown(guidelines), position=position * 10,
                          report_threshold=report_threshold)
        made += 1
    if made:
        log.info("seeded %d rooms", made)
    return made


async def seed_watched_words() -> None:
    """Copy the default watched words into the database once; admins edit them there."""
    if await WatchedWordEntry.all().exists():
        return
    for word in moderation.load_default_watched_words():
        await WatchedWordEntry.get_or_create(word=word.word, defaults={"action": word.action})


CRISIS_HOLD = ("imminent", "all")


def _room_fields(data: dict[str, Any], *, partial: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "name" in data or not partial:
        out["name"] = clean_text(data.get("name"), "name", max_len=80, label="Name")
    if "description" in data:
        out["description"] = clean_text(data["description"], "description", max_len=2000,
                                         required=False, label="Description")
    if "guidelines" in data:
        text = clean_text(data["guidelines"], "guidelines", max_len=10_000, required=False, label="Guidelines")
        out["guidelines"], out["guidelines_html"] = text, moderation.render_markdown(text)
    for flag in ("archived", "premoderate_new"):
        if flag in data:
            if not isinstance(data[flag], bool):
                raise Invalid(f"{flag} must be true or false.", code="wrong_type", field=flag)
            out[flag] = data[flag]
    if "report_threshold" in data:
        value = data["report_threshold"]
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 50:
            raise Invalid("report_threshold must be a number from 1 to 50.", code="wrong_type",
                          field="report_threshold")
        out["report_threshold"] = value
    if "crisis_hold" in data:
        if data["crisis_hold"] not in CRISIS_HOLD:
            raise Invalid('crisis_hold must be "imminent" (hold only posts with a plan or a time; publish '
                          'other distress behind a content note) or "all" (hold distress too).',
                          code="invalid_crisis_hold", field="crisis_hold")
        out["crisis_hold"] = data["crisis_hold"]
    return out


ROOM_TEXTS = {"name": "The room's name", "description": "The room's description",
              "guidelines": "The room's guidelines"}


async def _screen_room_texts(author: User, room: Room | None, fields: dict[str, Any]) -> None:
    """Room texts are shown to everyone, so they pass moderation.review like posts (and can't wait
    in the queue: what review would hold is refused)."""
    for key, label in ROOM_TEXTS.items():
        if fields.get(key):
            fields[key] = await screening.screen_field(author, room, fields[key], field=key, label=label)
    if "guidelines" in fields:
        fields["guidelines_html"] = moderation.render_markdown(fields["guidelines"])


async def do_create_room(viewer: Viewer, data: dict[str, Any], default_threshold: int = 3) -> Room:
    admin = require_admin(viewer)
    slug = data.get("slug")
    if not is_slug(slug):
        raise Invalid("Slugs are 3 to 64 lowercase letters, digits and dashes.", code="invalid_slug",
                      field="slug")
    fields = {"report_threshold": default_threshold, **_room_fields(data, partial=False)}
    await _screen_room_texts(admin, None, fields)
    async with in_transaction():
        if await Room.filter(slug=slug).exists():
            raise Conflict("A room with that slug exists already.", code="slug_taken", field="slug")
        room = await Room.create(slug=slug, kind="healing", position=1000, **fields)
        await AuditLog.create(actor=admin, actor_handle=admin.handle, action="room_create",
                              target_type="room", target_id=room.id, details={"slug": slug})
    return room


async def do_update_room(viewer: Viewer, room: Room, data: dict[str, Any]) -> Room:
    admin = require_admin(viewer)
    fields = _room_fields(data, partial=True)
    await _screen_room_texts(admin, room, fields)
    async with in_transaction():
        for key, value in fields.items():
            setattr(room, key, value)
        if fields:
            await room.save(update_fields=list(fields))
        action = "room_archive" if fields.get("archived") is True else "room_edit"
        await AuditLog.create(actor=admin, actor_handle=admin.handle, action=action, target_type="room",
                              target_id=room.id, details={"fields": sorted(fields)})
    return room
