"""The room stream's write side, called in-process as other actions call it:
append_room_event hands out gap-free ids under concurrency, and set_message_status
stores and buffers the frames that take a message down or bring it back."""
from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from tortoise.transactions import in_transaction

from server import db
from server.actions import chat
from server.actions.context import Services
from server.auth import Viewer, utcnow
from server.events import EventBuffer, InProcessBroker, room_channel
from server.models.accounts import User
from server.models.chat import ChatMessage
from server.models.rooms import Room, RoomEvent
from server.ratelimit import RateLimiter
from server.realtime import frames
from server.realtime.frames import ViewerView
from server.settings import Settings
from tests.support import unique


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def orm(tmp_path_factory: pytest.TempPathFactory, database_url: str | None) -> AsyncIterator[Services]:
    url = database_url or f"sqlite://{tmp_path_factory.mktemp('orm') / 'db.sqlite3'}"
    await db.migrate(url)
    await db.init(url)
    settings = Settings.from_env(data_dir=Path(tmp_path_factory.mktemp("orm-data")), database_url=url,
                                 chat_rate="1000/minute")
    try:
        yield Services(settings, InProcessBroker(), RateLimiter())
    finally:
        await db.close()


async def _member_and_room() -> tuple[User, Room]:
    handle = unique("st")
    # A member who agreed to the community guidelines (the welcome page): they may post.
    user = await User.create(handle=handle, handle_lower=handle.lower(), password_hash="x",
                             guidelines_agreed_at=utcnow())
    slug = unique("st").replace("_", "-")
    room = await Room.create(slug=slug, name="Status room")
    return user, room


def _capture(svc: Services, room: Room) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    svc.broker.subscribe(room_channel(room.slug), seen.append)
    return seen


async def test_concurrent_appends_get_contiguous_ids(orm: Services) -> None:
    _, room = await _member_and_room()

    async def append(i: int) -> int:
        async with in_transaction():
            return (await chat.append_room_event(room.id, "session", {"n": i})).seq

    seqs = await asyncio.gather(*(append(i) for i in range(20)))
    assert sorted(seqs) == list(range(1, 21))
    stored = await RoomEvent.filter(room_id=room.id).order_by("seq").values_list("seq", flat=True)
    assert list(stored) == list(range(1, 21))
    assert (await Room.get(id=room.id)).event_seq == 20


async def test_removing_a_visible_message_stores_and_buffers_a_removed_frame(orm: Services) -> None:
    user, room = await _member_and_room()
    seen = _capture(orm, room)
    sent = await chat.do_send(orm, Viewer(user), room, body="a message a moderator will take down")
    message = sent.message
    assert seen[-1]["type"] == "message" and seen[-1]["id"] == message.seq

    events = EventBuffer()
    async with in_transaction():
        await chat.set_message_status(message, "removed", "Names a third person.", events)
    assert seen[-1]["type"] == "message"  # nothing is published before commit
    await events.flush(orm.broker)
    removed = seen[-1]
    assert removed["type"] == "removed" and removed["id"] == message.seq + 1
    assert removed["message_id"] == message.seq and removed["message_db_id"] == message.id
    assert (await ChatMessage.get(id=message.id)).status == "removed"
    event = await RoomEvent.get(room_id=room.id, seq=removed["id"])
    assert event.kind == "removed" and event.message_id == message.id
    # The reason is for the author and moderators only.
    assert frames.for_viewer(removed, ViewerView(user.id))["reason"] == "Names a third person."
    assert frames.for_viewer(removed, ViewerView(user.id + 1000))["reason"] is None
    assert frames.for_viewer(removed, ViewerView(user.id + 1000, is_staff=True))["reason"]


async def test_approving_a_held_message_makes_it_appear_live(orm: Services) -> None:
    user, room = await _member_and_room()
    seen = _capture(orm, room)
    sent = await chat.do_send(orm, Viewer(user), room, body="I want to kill myself tonight")
    held = sent.message
    assert held.status == "held" and sent.decision is not None and sent.decision.show_help
    other = ViewerView(user.id + 1000)
    assert frames.for_viewer(seen[-1], other) is None
    assert frames.for_viewer(seen[-1], ViewerView(user.id))["status"] == "held"

    events = EventBuffer()
    async with in_transaction():
        await chat.set_message_status(held, "visible", None, events)
    await events.flush(orm.broker)
    approved = seen[-1]
    assert approved["type"] == "message" and approved["status"] == "visible"
    assert approved["id"] > held.seq and approved["message_id"] == held.id and approved["seq"] == held.seq
    assert frames.for_viewer(approved, other) is not None

    # Taking down a message nobody else saw tells only its author and staff.
    sent = await chat.do_send(orm, Viewer(user), room, body="I am ending my life tonight, the rope is ready")
    assert sent.message.status == "held"
    events = EventBuffer()
    async with in_transaction():
        await chat.set_message_status(sent.message, "removed", "Moved to a private conversation.", events)
    await events.flush(orm.broker)
    assert seen[-1]["type"] == "removed"
    assert frames.for_viewer(seen[-1], other) is None
    assert frames.for_viewer(seen[-1], ViewerView(user.id)) is not None
