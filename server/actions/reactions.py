"""Support reactions on posts and chat messages: add, take back, count.

One of each kind per member per item (the table's unique pairs). Adding or taking back is
idempotent: a second ``PUT`` changes nothing and tells nobody. Reactions go only on content
every member reads, never across a block (``access.may_react``). On a chat message the new
counts are stored as a room event (``reaction``) and published, so everyone in the room sees
them change and a client that reconnects is brought up to date; the writer's notification is
batched per item and kind (``notifications.notify_reaction``).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from tortoise.exceptions import IntegrityError
from tortoise.functions import Count
from tortoise.transactions import in_transaction

from server import access
from server.actions.context import Services
from server.auth import Viewer, require_active
from server.errors import Forbidden, Invalid, NotFound
from server.events import Event, EventBuffer, room_channel
from server.models.chat import ChatMessage
from server.models.posts import Post, Thread
from server.models.reactions import REACTION_KINDS, Reaction
from server.models.rooms import Room, RoomEvent
from server.realtime import frames

# Buttons are pressed by hand: a member reacting faster than this is a script.
REACTION_RATE = "60/minute"
CANNOT_REACT = "Reactions can only go on posts and messages everyone here can read."


@dataclass
class Item:
    """A post or chat message a member may react to, with where it is."""

    row: Post | ChatMessage
    room: Room
    thread: Thread | None = None

    @property
    def kind(self) -> access.Kind:
        return access.Kind.POST if isinstance(self.row, Post) else access.Kind.MESSAGE


@dataclass
class State:
    """An item's reactions after a change: counts by kind, and this member's kinds."""

    reactions: dict[str, int] = field(default_factory=dict)
    my_reactions: list[str] = field(default_factory=list)


def check_kind(value: object) -> str:
    if not isinstance(value, str) or value not in REACTION_KINDS:
        raise Invalid("A reaction is one of: " + ", ".join(REACTION_KINDS) + ".", code="invalid_kind", field="kind")
    return value


async def check_rate(svc: Services, viewer: Viewer) -> None:
    """The rate limit, before any lookup."""
    user = require_active(viewer)
    await svc.limiter.check(REACTION_RATE, f"react:{user.id}",
                            message="You're reacting very quickly. Please wait a moment.")


async def access_item(viewer: Viewer, kind: access.Kind, item_id: int) -> Item:
    """A post or message the viewer may react to. What they can't read is missing (404);
    what they read but may not react to (held, their own held, across a block) is 403."""
    reader = await access.reader_for(viewer)
    if kind is access.Kind.POST:
        post = await Post.get_or_none(id=item_id).prefetch_related("thread", "thread__room")
        if post is None or access.show(access.Kind.POST, post, reader) is not access.Shown.FULL \
                or access.show(access.Kind.THREAD, post.thread, reader) is access.Shown.NOT_FOUND:
            raise NotFound("We couldn't find that post.")
        item = Item(post, post.thread.room, post.thread)
    else:
        message = await ChatMessage.get_or_none(id=item_id).prefetch_related("room")
        if message is None or access.show(access.Kind.MESSAGE, message, reader) is not access.Shown.FULL:
            raise NotFound("We couldn't find that message.")
        item = Item(message, message.room)
    if not access.may_react(item.row, reader, item.thread):
        raise Forbidden(CANNOT_REACT, code="cannot_react")
    return item


def _target(item: Item) -> dict[str, int]:
    return {"post_id": item.row.id} if isinstance(item.row, Post) else {"message_id": item.row.id}


async def counts(kind: access.Kind, item_id: int) -> dict[str, int]:
    return (await summaries(kind, [item_id], None)).get(item_id, ({}, []))[0]


async def summaries(kind: access.Kind, ids: Iterable[int], user_id: int | None) \
        -> dict[int, tuple[dict[str, int], list[str]]]:
    """For each item id: reaction counts by kind (in REACTION_KINDS order) and the kinds
    ``user_id`` left. Two queries for a whole page."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    column = "post_id" if kind is access.Kind.POST else "message_id"
    rows = await Reaction.filter(**{f"{column}__in": wanted}).annotate(n=Count("id")) \
        .group_by(column, "kind").values_list(column, "kind", "n")
    raw: dict[int, dict[str, int]] = {}
    for item_id, k, n in rows:
        raw.setdefault(int(item_id), {})[str(k)] = int(n)
    mine: dict[int, list[str]] = {}
    if user_id is not None:
        for item_id, k in await Reaction.filter(**{f"{column}__in": wanted}, user_id=user_id).values_list(column, "kind"):
            mine.setdefault(int(item_id), []).append(str(k))
    out: dict[int, tuple[dict[str, int], list[str]]] = {}
    for item_id in wanted:
        by_kind = raw.get(item_id, {})
        ordered = {k: by_kind[k] for k in REACTION_KINDS if by_kind.get(k)}
        out[item_id] = (ordered, [k for k in REACTION_KINDS if k in mine.get(item_id, [])])
    return out


async def with_reactions(posts: list[Post], viewer: Viewer) -> list[Post]:
    """Set each loaded post's reaction summary (counts, the viewer's kinds) for
    ``serializers.post``: a plain attribute, not a column. Only visible posts have any."""
    user_id = viewer.user.id if viewer.user else None
    summary = await summaries(access.Kind.POST, [p.id for p in posts if p.status == "visible"], user_id)
    for p in posts:
        p.reaction_summary = summary.get(p.id, ({}, []))
    return posts


async def _publish_counts(item: Item, events: EventBuffer) -> None:
    """Store the message's new counts as a room event and buffer its frame. Call inside the
    transaction, after the change: the room's seq lock orders concurrent reactions, so the
    last event carries the last counts."""
    from server.actions.chat import next_seq

    msg = item.row
    assert isinstance(msg, ChatMessage)
    seq = await next_seq(item.room.id)
    data = {"message_db_id": msg.id, "message_seq": msg.seq, "author_id": msg.author_id, "status": msg.status,
            "reactions": await counts(access.Kind.MESSAGE, msg.id)}
    await RoomEvent.create(room_id=item.room.id, seq=seq, kind="reaction", data=data, message_id=msg.id)
    events.add(Event(room_channel(item.room.slug), frames.reactions_payload(seq, item.room.slug, data)))


async def do_set_reaction(svc: Services, viewer: Viewer, item: Item, kind: str, on: bool) -> State:
    """Add (``on``) or take back one reaction. Idempotent: no change, no event, no notification."""
    from server.actions.mentions import where
    from server.actions.notifications import notify_reaction, recount_reaction

    user = require_active(viewer)
    events = EventBuffer()
    place = where(item.thread, item.room)
    try:
        async with in_transaction():
            mine = Reaction.filter(user_id=user.id, kind=kind, **_target(item))
            if on and not await mine.exists():
                await Reaction.create(user_id=user.id, kind=kind, post_id=_target(item).get("post_id"),
                                      message_id=_target(item).get("message_id"))
                changed = True
            elif not on:
                changed = await mine.delete() > 0
            else:
                changed = False
            if changed:
                if isinstance(item.row, ChatMessage):
                    await _publish_counts(item, events)
                if on:
                    await notify_reaction(item.row, kind, user, events, where=place, room=item.room)
                else:
                    await recount_reaction(item.row, kind, where=place, room=item.room)
    except IntegrityError:
        events = EventBuffer()  # the same reaction raced in from another request: it is there
    await events.flush(svc.broker)
    counted, kinds = (await summaries(item.kind, [item.row.id], user.id))[item.row.id]
    return State(counted, kinds)


async def reactors(viewer: Viewer, item: Item) -> dict[str, list[str]]:
    """Who reacted, by kind: for the writer only (``access.sees_reactors``); handles of
    members they blocked (or who blocked them) are left out."""
    if not access.sees_reactors(item.row, viewer):
        raise Forbidden("Only its writer can see who reacted.", code="not_author")
    reader = await access.reader_for(viewer)
    apart = reader.blocked | reader.blocked_by
    rows = await Reaction.filter(**_target(item)).order_by("id").prefetch_related("user")
    out: dict[str, list[str]] = {k: [] for k in REACTION_KINDS}
    for r in rows:
        if r.user_id not in apart and not r.user.deleted:
            out[r.kind].append(r.user.handle)
    return {k: v for k, v in out.items() if v}
