"""Handle autocomplete for the composer: who an ``@`` could mean.

Members of the room first (those who wrote there, newest first), then other members, by
handle. Never members on either side of a block with the asker, never deleted, banned or
the asker themselves. Handles only.
"""
from __future__ import annotations

import re

from tortoise.expressions import Q

from server import access
from server.auth import Viewer
from server.db import column
from server.models.accounts import User
from server.models.chat import ChatMessage
from server.models.posts import Post
from server.models.rooms import Room

MAX_SUGGESTIONS = 8
ROOM_WRITERS_SCANNED = 500  # recent writers in the room looked at
PREFIX = re.compile(r"[A-Za-z0-9_-]{1,32}")


def clean_prefix(raw: object) -> str | None:
    """The typed start of a handle (after the ``@``), or None when it can't be one."""
    if not isinstance(raw, str):
        return None
    raw = raw.removeprefix("@")
    return raw.lower() if PREFIX.fullmatch(raw) else None


async def suggest(viewer: Viewer, prefix: str, room: Room | None) -> list[str]:
    reader = await access.reader_for(viewer)
    me = reader.user_id
    apart = reader.blocked | reader.blocked_by | ({me} if me is not None else set())
    out: list[str] = []
    if room is not None:
        writer_ids: list[int] = []
        # Writers of what the asker reads in full there (``server.access`` decides).
        for query in (ChatMessage.filter(room_id=room.id).filter(access.rows_q(access.Kind.MESSAGE, reader, full_only=True)),
                      Post.filter(thread__room_id=room.id).filter(access.rows_q(access.Kind.POST, reader, full_only=True))):
            rows = await column(query.filter(author_id__isnull=False).order_by("-id").limit(ROOM_WRITERS_SCANNED),
                                "author_id")
            writer_ids.extend(int(i) for i in rows)
        ordered = [i for i in dict.fromkeys(writer_ids) if i not in apart]
        if ordered:
            users = {u.id: u for u in await User.filter(_member_q(prefix), id__in=ordered)}
            out = [users[i].handle for i in ordered if i in users][:MAX_SUGGESTIONS]
    if len(out) < MAX_SUGGESTIONS:
        rest = await column(User.filter(_member_q(prefix)).exclude(id__in=sorted(apart) or [-1])
                            .order_by("handle_lower").limit(MAX_SUGGESTIONS * 2), "handle")
        out += [h for h in rest if h not in out][:MAX_SUGGESTIONS - len(out)]
    return out


def _member_q(prefix: str) -> Q:
    return Q(handle_lower__startswith=prefix, deleted=False, banned=False)
