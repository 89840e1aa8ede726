"""The JSON frames of the live chat, built in one place, and who may see each.

Server → client frames (one example each in the docs):

  hello     sent once on connect: who you are, the room, the last event id
  message   a chat message (``id`` = room event id, ``message_id`` = ChatMessage id)
  removed   a moderator (or the author) took a message down: clients remove it
  session   a live session's state (scheduled, started, updated, ended, cancelled)
  presence  who is here (handles only)
  synced    a resume/backfill finished; live frames follow
  help      private crisis resources for the writer of a message
  error     {code, message}: a send was refused, or a frame could not be read

Payloads published on the broker may carry internal keys starting with ``_``
(the author's id, who may see it); ``for_viewer`` strips them per socket.
"""
from __future__ import annotations

import json
from typing import Any

from server import access
from server.models.accounts import User
from server.models.chat import ChatMessage
from server.models.live import LiveSession
from server.serializers import iso


def dumps(frame: dict[str, Any]) -> str:
    return json.dumps(frame, ensure_ascii=False, separators=(",", ":"))


def author_json(user: User | None) -> dict[str, Any]:
    if user is None or user.deleted:
        return {"handle": "former member", "role": "member"}
    return {"handle": user.handle, "role": user.role}


def message_payload(msg: ChatMessage, room_slug: str, event_seq: int, author: User | None) -> dict[str, Any]:
    """A message as broadcast: the full frame plus internal fields for filtering."""
    return {
        "type": "message", "id": event_seq, "seq": msg.seq, "message_id": msg.id, "room": room_slug,
        "author": author_json(author), "body": msg.body, "body_html": msg.body_html,
        "created_at": iso(msg.created_at), "client_id": msg.client_id, "status": msg.status,
        "session_id": msg.session_id, "content_note": msg.content_note, "_author_id": msg.author_id,
    }


def removed_payload(event_seq: int, room_slug: str, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` is the stored RoomEvent data of a ``removed`` event."""
    return {
        "type": "removed", "id": event_seq, "room": room_slug,
        # message_id is the message's room seq (its first ``message`` frame's id);
        # message_db_id is the ChatMessage id used by the reports API.
        "message_id": data.get("message_seq"), "message_db_id": data.get("message_db_id"),
        "status": data.get("status"), "reason": data.get("reason"),
        "_author_id": data.get("author_id"), "_audience": data.get("audience", "all"),
    }


def session_json(s: LiveSession, facilitator: User | None, rsvp_count: int | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": s.id, "title": s.title, "description_html": s.description_html,
        "facilitator": author_json(facilitator) if facilitator else None,
        "starts_at": iso(s.starts_at), "ends_at": iso(s.ends_at), "state": s.state,
        "slow_mode_seconds": s.slow_mode_seconds, "locked": s.locked,
        "pinned_prompt": s.pinned_prompt, "pinned_prompt_html": s.pinned_prompt_html,
        "started_at": iso(s.started_at), "ended_at": iso(s.ended_at),
    }
    if rsvp_count is not None:
        out["rsvp_count"] = rsvp_count
    return out


def session_payload(event_seq: int | None, room_slug: str, change: str, session: dict[str, Any]) -> dict[str, Any]:
    """``event_seq`` None: a snapshot of the current state sent on (re)sync, not a stored event."""
    return {"type": "session", "id": event_seq, "room": room_slug, "change": change, "session": session}


def presence_frame(room_slug: str, handles: list[str], limit: int = 200) -> dict[str, Any]:
    ordered = sorted(handles, key=str.lower)
    return {"type": "presence", "room": room_slug, "count": len(ordered), "handles": ordered[:limit]}


def error_frame(code: str, message: str, client_id: str | None = None, **extra: Any) -> dict[str, Any]:
    frame: dict[str, Any] = {"type": "error", "code": code, "message": message}
    if client_id is not None:
        frame["client_id"] = client_id
    frame.update(extra)
    return frame


def help_frame(help_data: dict[str, Any], reasons: list[str], client_id: str | None) -> dict[str, Any]:
    return {"type": "help", "help": help_data, "reasons": reasons, "client_id": client_id}


# What a socket's viewer may see: their id, staff or not, whom they blocked (server.access).
ViewerView = access.Reader


def _public(payload: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in payload.items() if not k.startswith("_")}


def for_viewer(payload: dict[str, Any], view: ViewerView) -> dict[str, Any] | None:
    """The frame this viewer gets for a payload, or None when they may not see it (``server.access``)."""
    if access.live_shown(payload, view) is not access.Shown.FULL:
        return None
    frame = _public(payload)
    if payload.get("type") == "removed" and not access.reason_shown(payload, view):
        frame["reason"] = None
    return frame


class Outgoing:
    """One payload on its way to many sockets; the common public text is encoded once."""

    __slots__ = ("payload", "seq", "_public_text", "_uniform")

    def __init__(self, payload: dict[str, Any]) -> None:
        self.payload = payload
        seq = payload.get("id")
        self.seq: int | None = seq if isinstance(seq, int) and not isinstance(seq, bool) else None
        self._public_text: str | None = None
        self._uniform = access.uniform(payload)  # every allowed viewer gets the same frame

    def text_for(self, view: ViewerView) -> str | None:
        p = self.payload
        if access.live_shown(p, view) is not access.Shown.FULL:
            return None
        if self._uniform:
            if self._public_text is None:
                self._public_text = dumps(_public(p))
            return self._public_text
        frame = for_viewer(p, view)
        return dumps(frame) if frame is not None else None
