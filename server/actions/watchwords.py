"""Admins edit the watched words (Discourse-style: block, hold, flag or censor)."""
from __future__ import annotations

from tortoise.transactions import in_transaction

from server.actions.review import audit
from server.auth import Viewer, require_admin
from server.errors import Conflict, Invalid, NotFound
from server.models.moderation import WatchedWordEntry
from server.validation import clean_text

ACTIONS = ("block", "hold", "flag", "censor")


async def do_add_watched_word(viewer: Viewer, word: object, action: object) -> WatchedWordEntry:
    admin = require_admin(viewer)
    # Bound the length after lowercasing: "İ".lower() is two characters.
    text = " ".join(clean_text(word, "word", max_len=100, label="Word").lower().split())
    if len(text) > 100:
        raise Invalid("Word is too long: at most 100 characters.", code="too_long", field="word")
    if action not in ACTIONS:
        raise Invalid("action must be one of: " + ", ".join(ACTIONS) + ".", code="invalid_action", field="action")
    async with in_transaction():
        if await WatchedWordEntry.filter(word=text).exists():
            raise Conflict("That word is already watched.", code="duplicate_word", field="word")
        entry = await WatchedWordEntry.create(word=text, action=action)
        await audit(admin, "watched_word_add", "watched_word", entry.id, "", word=text, word_action=action)
    return entry


async def do_remove_watched_word(viewer: Viewer, entry_id: int) -> None:
    admin = require_admin(viewer)
    async with in_transaction():
        entry = await WatchedWordEntry.get_or_none(id=entry_id)
        if entry is None:
            raise NotFound("We couldn't find that watched word.")
        await audit(admin, "watched_word_remove", "watched_word", entry.id, "", word=entry.word)
        await entry.delete()
