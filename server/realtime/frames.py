"""Every JSON frame of the live sockets, typed and built in one place, and who may see each.

Each frame is a ``TypedDict`` below with its fields documented, built by one constructor
(the name in brackets); nothing else in ``server/`` writes a ``{"type": ...}`` literal
(``tests/unit/test_frames_in_one_place.py`` greps). ``SERVER_FRAMES`` lists what a client
can receive, ``CLIENT_FRAMES`` what it may send, ``INTERNAL_FRAMES`` broker commands no
socket ever sees; the README's live chat protocol shows one example of each server frame
(``tests/unit/test_protocol_docs.py`` checks).

Room socket (``/ws/rooms/{slug}``), server → client:

  hello     [room_hello] once on connect: who you are, the room, its last event id, and
            ``resume_expected``: true until the stream has started (send ``resume``)
  message   [message_payload] a chat message (``id`` = room event id, ``message_id`` = ChatMessage id)
  removed   [removed_payload] a moderator (or the author) took a message down: clients remove it
  reactions [reactions_payload] a message's support reaction counts changed
  session   [session_payload] a live session's state (scheduled, started, updated, ended, cancelled)
  presence  [presence_frame] who is here (handles only)
  synced    [synced] a resume/backfill finished; live frames follow
  help      [help_frame] private crisis resources for the writer of a message
  error     [error_frame] {code, message}: a send was refused, or a frame could not be read
  pong      [pong] the answer to ``ping``

Site and mod sockets (``/ws/site``, ``/ws/mod``), server → client: ``hello``
[site_hello, mod_hello], ``pong``, ``error``, and what the member's own channel and (for
staff) the mod channel carry: ``notification``, ``care``, ``alert``, ``ack``, ``resolved``.

Payloads published on the broker may carry internal keys starting with ``_``
(the author's id, who may see it); ``for_viewer`` strips them per socket.
"""
# No ``from __future__ import annotations`` here: on Python 3.11 a TypedDict only sees
# ``NotRequired`` in annotations that are evaluated (the protocol tests read them).
import json
from collections.abc import Mapping
from types import EllipsisType
from typing import Any, Literal, NotRequired, TypedDict

from server import access
from server.models.accounts import User
from server.models.chat import ChatMessage
from server.models.live import LiveSession
from server.serializers import iso

# --- close codes: every code a SecureBase socket is closed with ----------------------------
# (1009, a frame over 64 KiB, is the websocket server's own: uvicorn's ws_max_size.)
CLOSE_NORMAL = 1000  # the socket's work is done (nothing went wrong)
CLOSE_POLICY_VIOLATION = 1008  # before accept: a cross-origin cookie handshake (seen as HTTP 403)
CLOSE_INTERNAL_ERROR = 1011  # a bug in the socket's reader or writer
CLOSE_RESTART = 1012  # the server is restarting: reconnect shortly
CLOSE_TOO_SLOW = 1013  # the socket fell too far behind (its send queue filled): reconnect and resume
CLOSE_POLICY = 4003  # the account is banned or suspended
CLOSE_TOO_MANY = 4008  # a member opened more sockets than allowed: their oldest is closed
CLOSE_SIGNED_OUT = 4401  # no session (never signed in, signed out, expired, account deleted)
CLOSE_NOT_STAFF = 4403  # /ws/mod for someone who isn't a moderator
CLOSE_NO_ROOM = 4404  # no room with that slug


def dumps(frame: Mapping[str, Any]) -> str:
    return json.dumps(frame, ensure_ascii=False, separators=(",", ":"))


# --- shapes inside frames ----------------------------------------------------------------------

class Author(TypedDict):
    """Who wrote something, as every viewer may see it."""

    handle: str  # "former member" once the account is deleted
    role: str  # member | facilitator | moderator | admin


class SessionInfo(TypedDict):
    """A live session's state (also the ``session`` of ``GET /api/sessions/{id}``)."""

    id: int
    title: str
    description_html: str  # sanitized HTML
    facilitator: Author | None
    starts_at: str | None  # ISO-8601 UTC
    ends_at: str | None
    state: str  # scheduled | live | ended | cancelled
    slow_mode_seconds: int  # 0: off
    locked: bool  # only the facilitator and staff may send
    pinned_prompt: str
    pinned_prompt_html: str
    started_at: str | None
    ended_at: str | None
    rsvp_count: NotRequired[int]


def author_json(user: User | None) -> Author:
    if user is None or user.deleted:
        return {"handle": "former member", "role": "member"}
    return {"handle": user.handle, "role": user.role}


def session_json(s: LiveSession, facilitator: User | None, rsvp_count: int | None = None) -> SessionInfo:
    out: SessionInfo = {
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


# --- the room socket ---------------------------------------------------------------------------

class RoomHello(TypedDict):
    """First frame on ``/ws/rooms/{slug}``. Nothing from the room follows until the stream starts:
    send ``resume`` (``after`` null for recent history, or the last id you saw), or a ``send``
    (live from now). ``resume_expected`` is false only when ``?after=`` in the URL started it."""

    type: Literal["hello"]
    room: str  # the room's slug
    you: Author
    last_id: int  # the room's newest event id now
    archived: bool  # read-only: sends are refused
    max_body: int  # longest body a send may carry, in characters
    resume_expected: bool  # true: this socket waits for your ``resume`` before streaming


class Message(TypedDict):
    """A chat message: new, approved, or replayed by a resume (always as it is now)."""

    type: Literal["message"]
    id: int  # the room event id (strictly increasing per room); resume after it
    seq: int  # the message's own room seq (its first ``message`` frame's id)
    message_id: int  # the ChatMessage id, used by the reports API
    room: str
    author: Author
    body: str  # the text as stored (censored words already replaced)
    body_html: str  # sanitized HTML to show
    created_at: str | None  # ISO-8601 UTC
    client_id: str | None  # the sender's own id for the message, echoed (retries are stored once)
    status: str  # visible | held (the author and staff see their held messages)
    session_id: int | None  # the live session it was sent in
    content_note: str | None  # shown before the body, which stays folded until opened
    reactions: dict[str, int]  # support reactions by kind (support, me_too, thanks, helped): count
    my_reactions: list[str]  # the kinds this viewer left (empty on live frames: see ``reactions``)


class MessagePayload(Message):
    """A ``message`` as published on the broker: the author's id decides who may see it."""

    _author_id: int | None


class Removed(TypedDict):
    """A message was taken down (by a moderator, or its author): clients remove it."""

    type: Literal["removed"]
    id: int  # room event id
    room: str
    message_id: int | None  # the removed message's room seq (its first ``message`` frame's id)
    message_db_id: int | None  # its ChatMessage id (the reports API's)
    status: str | None  # hidden | removed | deleted
    reason: str | None  # the moderator's reason: for the author and staff only, else null


class RemovedPayload(Removed):
    """A ``removed`` as published: a held message's take-down is private to author and staff."""

    _author_id: int | None
    _audience: str  # all | private


class Reactions(TypedDict):
    """A message's support reactions changed: the counts now. Sent to those who read the
    message; your own reactions are in the answer to your ``PUT``/``DELETE``."""

    type: Literal["reactions"]
    id: int  # room event id
    room: str
    message_id: int  # the ChatMessage id (as in ``message``)
    reactions: dict[str, int]  # kind: count (kinds with none are left out)


class ReactionsPayload(Reactions):
    """``reactions`` as published: the message's author and status decide who may see it."""

    _author_id: int | None
    _status: str


class Session(TypedDict):
    """A live session changed; with ``id`` null, the current state sent on (re)sync."""

    type: Literal["session"]
    id: int | None  # room event id; null for a snapshot
    room: str
    change: str  # scheduled | started | updated | ended | cancelled | snapshot
    session: SessionInfo


class Presence(TypedDict):
    """Who is in the room (without those you blocked)."""

    type: Literal["presence"]
    room: str
    count: int
    handles: list[str]  # sorted, at most 200


class Synced(TypedDict):
    """A resume finished: everything up to ``last_id`` was sent; live frames follow."""

    type: Literal["synced"]
    room: str
    last_id: int | None
    truncated: bool  # more than 1,000 events were missed: only the newest 1,000 were sent
    reset: bool  # the client's id was from the future (a restored database): start over


class Help(TypedDict):
    """Private to the writer of a message that showed a crisis: professional help near them."""

    type: Literal["help"]
    help: dict[str, Any]  # moderation.help_for(country): country, crisis_lines, emergency, …
    reasons: list[str]
    client_id: str | None  # the ``send`` this answers


class Error(TypedDict):
    """A frame was refused; the socket stays open."""

    type: Literal["error"]
    code: str  # e.g. slow_mode, rate_limited, rejected, invalid_json, unknown_type
    message: str  # safe to show the member
    client_id: NotRequired[str]  # the ``send`` refused
    retry_after: NotRequired[int]  # seconds (rate limits, slow mode)
    field: NotRequired[str]  # which field of the ``send`` was wrong


class Pong(TypedDict):
    """The answer to ``ping``."""

    type: Literal["pong"]


def room_hello(room_slug: str, user: User, *, last_id: int, archived: bool, max_body: int,
               resume_expected: bool) -> RoomHello:
    return {"type": "hello", "room": room_slug, "you": author_json(user), "last_id": last_id,
            "archived": archived, "max_body": max_body, "resume_expected": resume_expected}


def message_payload(msg: ChatMessage, room_slug: str, event_seq: int, author: User | None,
                    reactions: dict[str, int] | None = None, mine: list[str] | None = None) -> MessagePayload:
    """A message as broadcast: the full frame plus internal fields for filtering. A new or
    just-approved message has no reactions; replays fill them in (``stream``)."""
    return {
        "type": "message", "id": event_seq, "seq": msg.seq, "message_id": msg.id, "room": room_slug,
        "author": author_json(author), "body": msg.body, "body_html": msg.body_html,
        "created_at": iso(msg.created_at), "client_id": msg.client_id, "status": msg.status,
        "session_id": msg.session_id, "content_note": msg.content_note,
        "reactions": dict(reactions or {}), "my_reactions": list(mine or []), "_author_id": msg.author_id,
    }


def reactions_payload(event_seq: int, room_slug: str, data: dict[str, Any], *,
                      status: str | None = None) -> ReactionsPayload:
    """``data`` is the stored RoomEvent data of a ``reaction`` event; ``status`` the
    message's status now (a replay of a message since removed is for moderators only)."""
    return {
        "type": "reactions", "id": event_seq, "room": room_slug, "message_id": int(data.get("message_db_id") or 0),
        "reactions": dict(data.get("reactions") or {}),
        "_author_id": data.get("author_id"), "_status": status or str(data.get("status") or "visible"),
    }


def removed_payload(event_seq: int, room_slug: str, data: dict[str, Any]) -> RemovedPayload:
    """``data`` is the stored RoomEvent data of a ``removed`` event."""
    return {
        "type": "removed", "id": event_seq, "room": room_slug,
        "message_id": data.get("message_seq"), "message_db_id": data.get("message_db_id"),
        "status": data.get("status"), "reason": data.get("reason"),
        "_author_id": data.get("author_id"), "_audience": data.get("audience", "all"),
    }


def session_payload(event_seq: int | None, room_slug: str, change: str, session: SessionInfo) -> Session:
    """``event_seq`` None: a snapshot of the current state sent on (re)sync, not a stored event."""
    return {"type": "session", "id": event_seq, "room": room_slug, "change": change, "session": session}


def presence_frame(room_slug: str, handles: list[str], limit: int = 200) -> Presence:
    ordered = sorted(handles, key=str.lower)
    return {"type": "presence", "room": room_slug, "count": len(ordered), "handles": ordered[:limit]}


def synced(room_slug: str, last_id: int | None, *, truncated: bool, reset: bool) -> Synced:
    return {"type": "synced", "room": room_slug, "last_id": last_id, "truncated": truncated, "reset": reset}


def error_frame(code: str, message: str, client_id: str | None = None, *, retry_after: int | None = None,
                field: str | None = None) -> Error:
    frame: Error = {"type": "error", "code": code, "message": message}
    if client_id is not None:
        frame["client_id"] = client_id
    if retry_after is not None:
        frame["retry_after"] = retry_after
    if field is not None:
        frame["field"] = field
    return frame


def help_frame(help_data: dict[str, Any], reasons: list[str], client_id: str | None) -> Help:
    return {"type": "help", "help": help_data, "reasons": reasons, "client_id": client_id}


def pong() -> Pong:
    return {"type": "pong"}


# --- the site and mod sockets: a member's own channel, and the moderators' -------------------

class SiteHello(TypedDict):
    """First frame on ``/ws/site``: its frames come as they happen (there is nothing to resume)."""

    type: Literal["hello"]
    room: None
    you: Author
    staff: bool  # staff also get the mod channel's frames here
    open_crisis: NotRequired[int]  # staff only: open crisis items now


class ModHello(TypedDict):
    """First frame on ``/ws/mod`` (staff only)."""

    type: Literal["hello"]
    room: None
    you: Author


class Notification(TypedDict):
    """A new notification for this member (user channel), as listed at ``GET /api/notifications``."""

    type: Literal["notification"]
    id: int
    kind: str  # e.g. reply, decision_remove, checkin, checkin_answer, crisis_escalated
    text: str
    link: str  # a path on this site


class Care(TypedDict):
    """To the writer of crisis content (user channel): a moderator is reading it."""

    type: Literal["care"]
    queue_id: int
    state: str  # reading


class Alert(TypedDict):
    """Mod channel: a queue item needs a moderator (crisis first)."""

    type: Literal["alert"]
    queue_id: int
    source: str  # crisis | held | reported
    priority: int  # higher first
    target_type: str  # post | message
    target_id: int
    room: str | None  # the room's slug
    crisis: bool
    tier: NotRequired[str | None]  # imminent | distress | null (held, not a crisis); absent on reports
    answer: NotRequired[bool]  # the writer's answer to a check-in showed a crisis
    escalated: NotRequired[bool]  # an imminent item no one acknowledged in time
    age_seconds: NotRequired[int]  # with escalated: how long it has waited
    hidden: NotRequired[bool]  # reports only: the reports just hid the content


class Ack(TypedDict):
    """Mod channel: a moderator said "I'm on it" for a queue item."""

    type: Literal["ack"]
    queue_id: int
    by: str  # the moderator's handle
    at: str | None  # ISO-8601 UTC
    crisis: bool
    checked_in: NotRequired[bool]  # the acknowledgement was a check-in to the writer


class Resolved(TypedDict):
    """Mod channel: a queue item was decided; pages drop it from their queue."""

    type: Literal["resolved"]
    queue_id: int
    resolution: str  # the decision (approve, remove, warn, …, check_in)
    by: str  # the moderator's handle


def site_hello(user: User, *, staff: bool, open_crisis: int | None) -> SiteHello:
    frame: SiteHello = {"type": "hello", "room": None, "you": author_json(user), "staff": staff}
    if open_crisis is not None:
        frame["open_crisis"] = open_crisis
    return frame


def mod_hello(user: User) -> ModHello:
    return {"type": "hello", "room": None, "you": author_json(user)}


def notification(note_id: int, kind: str, text: str, link: str) -> Notification:
    return {"type": "notification", "id": note_id, "kind": kind, "text": text, "link": link}


def care(queue_id: int, state: str) -> Care:
    return {"type": "care", "queue_id": queue_id, "state": state}


def alert(queue_id: int, *, source: str, priority: int, target_type: str, target_id: int, room: str | None,
          crisis: bool, tier: str | EllipsisType | None = ..., answer: bool = False,
          escalated_after: int | None = None, hidden: bool | None = None) -> Alert:
    """``tier`` left out (``...``) on a report's alert; ``escalated_after``: the age of an escalated item."""
    frame: Alert = {"type": "alert", "queue_id": queue_id, "source": source, "priority": priority,
                    "target_type": target_type, "target_id": target_id, "room": room, "crisis": crisis}
    if not isinstance(tier, EllipsisType):
        frame["tier"] = tier
    if answer:
        frame["answer"] = True
    if escalated_after is not None:
        frame["escalated"], frame["age_seconds"] = True, escalated_after
    if hidden is not None:
        frame["hidden"] = hidden
    return frame


def ack(queue_id: int, by: str, at: str | None, *, crisis: bool, checked_in: bool = False) -> Ack:
    frame: Ack = {"type": "ack", "queue_id": queue_id, "by": by, "at": at, "crisis": crisis}
    if checked_in:
        frame["checked_in"] = True
    return frame


def resolved(queue_id: int, resolution: str, by: str) -> Resolved:
    return {"type": "resolved", "queue_id": queue_id, "resolution": resolution, "by": by}


# --- broker commands: handled by the hub, never sent to a socket -----------------------------

class Close(TypedDict):
    """User channel: close this member's sockets (ban, suspension, sign-out, deletion)."""

    type: Literal["close"]
    code: int  # a 4xxx close code above (anything else closes with 4003)
    reason: str  # the close frame's reason, shown by the page
    session_id: NotRequired[int]  # only that session's sockets (sign-out); else all of them


class Noop(TypedDict):
    """A stored room event with nothing to show (its message is gone): keeps ``id`` moving."""

    type: Literal["noop"]
    id: int
    room: str


class PresenceChanged(TypedDict):
    """Room channel, between processes: someone joined or left elsewhere; re-read presence."""

    type: Literal["_presence"]
    origin: str  # the publishing process (which ignores its own)


class Resync(TypedDict):
    """Delivered locally after the broker reconnects: read whatever was missed from the database."""

    type: Literal["_resync"]


def close_command(code: int, reason: str, session_id: int | None = None) -> Close:
    frame: Close = {"type": "close", "code": code, "reason": reason}
    if session_id is not None:
        frame["session_id"] = session_id
    return frame


def noop(event_seq: int, room_slug: str) -> Noop:
    return {"type": "noop", "id": event_seq, "room": room_slug}


def presence_changed(origin: str) -> PresenceChanged:
    return {"type": "_presence", "origin": origin}


def resync() -> Resync:
    return {"type": "_resync"}


# --- client → server -----------------------------------------------------------------------------

class ClientResume(TypedDict):
    """Room socket: start (or restart) the stream after an event id."""

    type: Literal["resume"]
    after: int | None  # the last id you saw; null: the recent history (50 messages)


class ClientSend(TypedDict):
    """Room socket: send a message (answered by its ``message`` frame, or an ``error``)."""

    type: Literal["send"]
    body: str  # up to ``max_body`` characters of markdown
    client_id: NotRequired[str]  # your id for it: a retry with the same one is stored once
    content_note: NotRequired[str]  # e.g. "self-harm": shown before the message


class ClientPing(TypedDict):
    """Any socket: answered by ``pong``."""

    type: Literal["ping"]


# Every frame type, by its ``type``; a type name can have one shape per socket (``hello``).
SERVER_FRAMES: dict[str, tuple[type, ...]] = {
    "hello": (RoomHello, SiteHello, ModHello), "message": (Message,), "removed": (Removed,),
    "reactions": (Reactions,),
    "session": (Session,), "presence": (Presence,), "synced": (Synced,), "help": (Help,),
    "error": (Error,), "pong": (Pong,), "notification": (Notification,), "care": (Care,),
    "alert": (Alert,), "ack": (Ack,), "resolved": (Resolved,),
}
CLIENT_FRAMES: dict[str, type] = {"resume": ClientResume, "send": ClientSend, "ping": ClientPing}
INTERNAL_FRAMES: dict[str, type] = {"close": Close, "noop": Noop, "_presence": PresenceChanged,
                                    "_resync": Resync}


# --- who sees what ---------------------------------------------------------------------------------

# What a socket's viewer may see: their id, staff or not, whom they blocked (server.access).
ViewerView = access.Reader


def _public(payload: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in payload.items() if not k.startswith("_")}


def for_viewer(payload: Mapping[str, Any], view: ViewerView) -> dict[str, Any] | None:
    """The frame this viewer gets for a payload, or None when they may not see it (``server.access``)."""
    if access.live_shown(payload, view) is not access.Shown.FULL:
        return None
    frame = _public(payload)
    if payload.get("type") == "removed" and not access.reason_shown(payload, view):
        frame["reason"] = None
    return frame


class Outgoing:
    """One payload on its way to many sockets; the common public text is encoded once."""

    __slots__ = ("_public_text", "_uniform", "payload", "seq")

    def __init__(self, payload: Mapping[str, Any]) -> None:
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
