"""Who sees what: one table, asked by every read path.

The table maps (kind of content, its status, who is looking) to what is shown:

  FULL         the content as written (with its status notice, e.g. "held")
  PLACEHOLDER  it keeps its place, its words do not: "[deleted]", "This post was removed…"
  NOTHING      left out wherever it would appear; addressed directly it answers 404
  NOT_FOUND    its own page answers 404, exactly as if it never existed (threads)

Statuses are the rows' ``status`` column, plus AUTHOR_DELETED for a row whose author
deleted their account (``author_id`` is NULL: its text is blanked, whatever its status).
Such a row has no author to be, block or be blocked by, so its row is the same across
viewers (only the signed-out chat differs: the chat is for members).

Viewers, relative to the row's author (first match wins):

  SIGNED_OUT      no account. Whether they may read at all is the members-only gate
                  (``may_read``); the table says what they see once let in.
  ROOM_MODERATOR  a moderator. Moderators here moderate every room, so every moderator is
                  the room's moderator; the column stays separate so a per-room role needs
                  only a change in ``viewer_kind``.
  STAFF           an admin.
  AUTHOR          wrote it.
  BLOCKING        blocked its author.
  BLOCKED         was blocked by its author.
  MEMBER          any other signed-in member.

Staff come before blocks on purpose: moderators can't be blocked out of what they
moderate, and a moderator's own block does not hide content from their review.

Queries never spell statuses themselves: ``rows_q`` turns the table into a Tortoise ``Q``
for one viewer, so a list and a direct link can't disagree. Reply counts come from the same
``Q`` (``reply_counts``), so a count never includes what the viewer can't read.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from tortoise.expressions import Q
from tortoise.functions import Count

from server.auth import Viewer
from server.models.accounts import Block


class Kind(StrEnum):
    THREAD = "thread"
    POST = "post"
    MESSAGE = "message"  # live chat


class Status(StrEnum):
    VISIBLE = "visible"
    HELD = "held"  # waiting for a moderator
    HIDDEN = "hidden"  # hidden after reports, pending review
    REMOVED = "removed"  # by a moderator
    DELETED = "deleted"  # by its author
    AUTHOR_DELETED = "author_deleted"  # its author deleted their account


class ViewerKind(StrEnum):
    SIGNED_OUT = "signed_out"
    MEMBER = "member"
    AUTHOR = "author"
    BLOCKING = "blocking"
    BLOCKED = "blocked"
    ROOM_MODERATOR = "room_moderator"
    STAFF = "staff"


class Shown(StrEnum):
    FULL = "full"
    PLACEHOLDER = "placeholder"
    NOTHING = "nothing"
    NOT_FOUND = "not_found"


F, P, N, X = Shown.FULL, Shown.PLACEHOLDER, Shown.NOTHING, Shown.NOT_FOUND
S, V = Status, ViewerKind
COLUMNS = (V.SIGNED_OUT, V.MEMBER, V.AUTHOR, V.BLOCKING, V.BLOCKED, V.ROOM_MODERATOR, V.STAFF)


def _rows(rows: dict[Status, tuple[Shown, ...]]) -> dict[tuple[Status, ViewerKind], Shown]:
    return {(status, viewer): cell for status, cells in rows.items() for viewer, cell in zip(COLUMNS, cells, strict=True)}


TABLE: dict[Kind, dict[tuple[Status, ViewerKind], Shown]] = {
    # A removed or deleted thread keeps its page (other members' replies stay readable)
    # under a placeholder title: a title can name someone. Blocks hide threads both ways.
    Kind.THREAD: _rows({
        #                 out member author blocking blocked mod staff
        S.VISIBLE:        (F, F, F, X, X, F, F),
        S.HELD:           (X, X, F, X, X, F, F),
        S.HIDDEN:         (X, X, F, X, X, F, F),
        S.REMOVED:        (P, P, P, X, X, F, F),
        S.DELETED:        (P, P, P, X, X, F, F),
        S.AUTHOR_DELETED: (P, P, P, P, P, P, P),
    }),
    # Removed and deleted replies stay as placeholders so a thread reads in order; the
    # author reads their own removed text (and the reason). Only the blocker loses the
    # blocked member's posts: the blocked member isn't told, they can't open the blocker's
    # threads anyway.
    Kind.POST: _rows({
        S.VISIBLE:        (F, F, F, N, F, F, F),
        S.HELD:           (N, N, F, N, N, F, F),
        S.HIDDEN:         (N, N, F, N, N, F, F),
        S.REMOVED:        (P, P, F, N, P, F, F),
        S.DELETED:        (P, P, P, N, P, F, F),
        S.AUTHOR_DELETED: (P, P, P, P, P, P, P),
    }),
    # The live chat is for members only. A message taken down leaves the log (live clients
    # get a ``removed`` frame); moderators keep reading it.
    Kind.MESSAGE: _rows({
        S.VISIBLE:        (N, F, F, N, F, F, F),
        S.HELD:           (N, N, F, N, N, F, F),
        S.HIDDEN:         (N, N, F, N, N, F, F),
        S.REMOVED:        (N, N, N, N, N, F, F),
        S.DELETED:        (N, N, N, N, N, F, F),
        S.AUTHOR_DELETED: (N, N, N, N, N, N, N),
    }),
}
del F, P, N, X, S, V

# What a placeholder title says.
TITLE_PLACEHOLDER = {
    Status.REMOVED: "[removed by a moderator]",
    Status.DELETED: "[deleted]",
    Status.AUTHOR_DELETED: "[deleted]",
}


def cell(kind: Kind, status: Status, viewer: ViewerKind) -> Shown:
    """The pure table lookup."""
    return TABLE[kind][(status, viewer)]


def listed(kind: Kind, status: Status, viewer: ViewerKind) -> bool:
    """Whether the row appears in lists (a room's threads, a thread's replies, the chat log).

    Placeholder replies keep their place; placeholder threads are reached by link only,
    except that an author still finds their own removed thread (to read why)."""
    shown = cell(kind, status, viewer)
    if shown is Shown.FULL:
        return True
    if shown is not Shown.PLACEHOLDER:
        return False
    return kind is Kind.POST or (kind is Kind.THREAD and status is Status.REMOVED and viewer is ViewerKind.AUTHOR)


# ---------------------------------------------------------------- viewers


@dataclass
class Reader:
    """A viewer as the table sees them. Sockets keep one per connection (``blocked`` is
    refreshed when blocks change); HTTP requests build one with ``reader_for``."""

    user_id: int | None
    is_staff: bool = False
    blocked: set[int] = field(default_factory=set)  # whom they blocked
    blocked_by: set[int] = field(default_factory=set)  # who blocked them
    role: str | None = None


def as_reader(who: Viewer | Reader) -> Reader:
    """A Reader for a viewer, without their blocks: for rows already chosen by a query
    (``rows_q`` applied the blocks)."""
    if isinstance(who, Reader):
        return who
    user = who.user
    return Reader(user.id if user else None, who.is_staff, role=user.role if user else None)


async def reader_for(viewer: Viewer) -> Reader:
    """A Reader with the viewer's blocks both ways (one query per request: the answer is
    kept on the viewer, and ``forget_blocks`` drops it when the viewer's blocks change)."""
    reader = as_reader(viewer)
    me = reader.user_id
    if me is not None:
        pairs = viewer.memo.get("blocks")
        if pairs is None:
            pairs = await Block.filter(Q(blocker_id=me) | Q(blocked_id=me)).values_list("blocker_id", "blocked_id")
            viewer.memo["blocks"] = pairs
        reader.blocked = {b for a, b in pairs if a == me}
        reader.blocked_by = {a for a, b in pairs if b == me}
    return reader


def forget_blocks(viewer: Viewer) -> None:
    """Call after changing the viewer's blocks, so this request's later reads see the change."""
    viewer.memo.pop("blocks", None)


def _fixed_kind(reader: Reader) -> ViewerKind | None:
    """The viewer kind that does not depend on the author, if there is one."""
    if reader.user_id is None:
        return ViewerKind.SIGNED_OUT
    if reader.is_staff:
        return ViewerKind.ROOM_MODERATOR if reader.role == "moderator" else ViewerKind.STAFF
    return None


def viewer_kind(reader: Reader, author_id: int | None) -> ViewerKind:
    fixed = _fixed_kind(reader)
    if fixed is not None:
        return fixed
    if author_id is not None:
        if author_id == reader.user_id:
            return ViewerKind.AUTHOR
        if author_id in reader.blocked:
            return ViewerKind.BLOCKING
        if author_id in reader.blocked_by:
            return ViewerKind.BLOCKED
    return ViewerKind.MEMBER


def status_of(status: str | None, author_id: int | None) -> Status | None:
    """None for a status this table does not know: such rows are shown to nobody."""
    if author_id is None:
        return Status.AUTHOR_DELETED
    try:
        return Status(status or "")
    except ValueError:
        return None


# ---------------------------------------------------------------- per row


def decide(kind: Kind, status: str | None, author_id: int | None, who: Viewer | Reader) -> Shown:
    known = status_of(status, author_id)
    if known is None:
        return Shown.NOT_FOUND if kind is Kind.THREAD else Shown.NOTHING
    return cell(kind, known, viewer_kind(as_reader(who), author_id))


def show(kind: Kind, row: Any, who: Viewer | Reader) -> Shown:
    """What this viewer is shown of a thread, post or chat message row."""
    return decide(kind, row.status, row.author_id, who)


def title(thread: Any, who: Viewer | Reader) -> str:
    """A thread's title as this viewer reads it."""
    if show(Kind.THREAD, thread, who) is Shown.FULL:
        return str(thread.title)
    known = status_of(thread.status, thread.author_id)
    return TITLE_PLACEHOLDER.get(known, "[deleted]") if known else "[deleted]"


def may_report(kind: Kind, row: Any, who: Viewer | Reader) -> bool:
    """Reports go to what the viewer reads in full, blocks aside: someone who blocked an
    abuser can still report what they saw."""
    reader = as_reader(who)
    unblocked = Reader(reader.user_id, reader.is_staff, role=reader.role)
    return show(kind, row, unblocked) is Shown.FULL


async def blocked_between(a: int, b: int) -> bool:
    """Whether either of two members blocked the other."""
    return await Block.filter(Q(blocker_id=a, blocked_id=b) | Q(blocker_id=b, blocked_id=a)).exists()


async def notifies(kind: Kind, row: Any, recipient_id: int, *, thread: Any = None) -> bool:
    """Whether a member may be notified about this row (a reply to their thread, a mention, …).

    Only what an ordinary member reads in full, whatever the recipient's role (a moderator
    reads held content, a notification must not announce it), never their own, and never
    when either of the two blocked the other. With ``thread`` (a post's), also only when the
    recipient may open that thread (its writer may have blocked them, or they the writer)."""
    author_id = row.author_id
    if author_id is None or author_id == recipient_id:
        return False
    if not await notifies_about(kind, row, recipient_id, author_id):
        return False
    if thread is not None:
        if decide(Kind.THREAD, thread.status, thread.author_id, Reader(recipient_id)) is Shown.NOT_FOUND:
            return False
        if thread.author_id not in (None, recipient_id, author_id) and await blocked_between(recipient_id, thread.author_id):
            return False
    return True


async def notifies_about(kind: Kind, row: Any, recipient_id: int, actor_id: int) -> bool:
    """Whether ``recipient`` may be told that ``actor`` did something on this row (wrote it,
    reacted to it): the row is read in full by an ordinary member, and neither of the two
    blocked the other."""
    if actor_id == recipient_id:
        return False
    if decide(kind, row.status, row.author_id, Reader(recipient_id)) is not Shown.FULL:
        return False
    return not await blocked_between(recipient_id, actor_id)


REACTABLE = (Status.VISIBLE,)


def may_react(row: Any, who: Reader, thread: Any = None) -> bool:
    """Whether a signed-in member may react to a post or chat message: only content every
    member reads (never held, hidden, removed or deleted), in a thread they may open, and
    never across a block either way. ``who`` must carry their blocks (``reader_for``)."""
    if who.user_id is None or row.author_id is None:
        return False
    if status_of(row.status, row.author_id) not in REACTABLE:
        return False
    if thread is not None and decide(Kind.THREAD, thread.status, thread.author_id, who) is Shown.NOT_FOUND:
        return False
    author = row.author_id
    return author == who.user_id or (author not in who.blocked and author not in who.blocked_by)


def sees_reactors(row: Any, who: Viewer | Reader) -> bool:
    """Who reacted is for the writer only (others see counts)."""
    reader = as_reader(who)
    return reader.user_id is not None and row.author_id == reader.user_id


def editable(row: Any) -> bool:
    """Whether its author may still change it: not once removed or deleted."""
    return status_of(row.status, row.author_id) not in (Status.REMOVED, Status.DELETED, Status.AUTHOR_DELETED, None)


# ---------------------------------------------------------------- queries

_NONE = Q(id__isnull=True)  # matches no row


def _q(key: str, value: Any) -> Q:
    kwargs: dict[str, Any] = {key: value}
    return Q(**kwargs)


def rows_q(kind: Kind, who: Reader, *, full_only: bool = False, prefix: str = "") -> Q:
    """Rows this viewer may list (or, ``full_only``, read in full), as one ``Q``.

    ``prefix`` applies it across a relation, e.g. ``"thread__"`` for a post's thread.
    """
    def accept(status: Status, viewer: ViewerKind) -> bool:
        return cell(kind, status, viewer) is Shown.FULL if full_only else listed(kind, status, viewer)

    def by_status(viewer: ViewerKind) -> Q | None:
        statuses = [s.value for s in Status if s is not Status.AUTHOR_DELETED and accept(s, viewer)]
        return _q(f"{prefix}status__in", statuses) if statuses else None

    author = f"{prefix}author_id"
    parts: list[Q] = []
    fixed = _fixed_kind(who)
    groups: list[tuple[ViewerKind, Q]]
    if fixed is not None:
        groups = [(fixed, _q(f"{author}__isnull", False))]
    else:
        me = who.user_id
        assert me is not None
        blocking = set(who.blocked) - {me}
        blocked = set(who.blocked_by) - blocking - {me}
        groups = [(ViewerKind.AUTHOR, _q(author, me))]
        if blocking:
            groups.append((ViewerKind.BLOCKING, _q(f"{author}__in", sorted(blocking))))
        if blocked:
            groups.append((ViewerKind.BLOCKED, _q(f"{author}__in", sorted(blocked))))
        member = _q(f"{author}__isnull", False) & ~_q(f"{author}__in", sorted({me} | blocking | blocked))
        groups.append((ViewerKind.MEMBER, member))
    for viewer, who_q in groups:
        statuses = by_status(viewer)
        if statuses is not None:
            parts.append(who_q & statuses)
    # A deleted account's rows: the viewer kind is fixed, or that of any member.
    if accept(Status.AUTHOR_DELETED, fixed or ViewerKind.MEMBER):
        parts.append(_q(f"{author}__isnull", True))
    if not parts:
        return _NONE
    out = parts[0]
    for part in parts[1:]:
        out = out | part
    return out


async def reply_counts(who: Reader, thread_ids: Iterable[int]) -> dict[int, int]:
    """Replies each thread has that this viewer reads in full. The one source of reply
    counts: every page, list and API answer shows these."""
    from server.models.posts import Post

    ids = sorted(set(thread_ids))
    if not ids:
        return {}
    rows = await Post.filter(thread_id__in=ids, is_first=False).filter(rows_q(Kind.POST, who, full_only=True)) \
        .annotate(n=Count("id")).group_by("thread_id").values_list("thread_id", "n")
    return {int(tid): int(n) for tid, n in rows}


async def with_reply_counts(who: Reader, threads: list[Any]) -> list[Any]:
    """Set ``reply_count`` on loaded threads from ``reply_counts``: a plain attribute for
    display, not a column (migration 0006 dropped the stored counter)."""
    counts = await reply_counts(who, [t.id for t in threads])
    for t in threads:
        t.reply_count = counts.get(t.id, 0)
    return threads


# ---------------------------------------------------------------- live frames


def live_shown(payload: Mapping[str, Any], who: Reader) -> Shown:
    """What a socket's viewer gets of a broadcast payload (see ``server.realtime.frames``)."""
    kind = payload.get("type")
    author_id = payload.get("_author_id")
    if kind == "message":
        return decide(Kind.MESSAGE, payload.get("status"), author_id, who)
    if kind == "reactions":  # counts on a message: for those who read the message
        return decide(Kind.MESSAGE, payload.get("_status"), author_id, who)
    if kind == "removed":
        # A message nobody else saw (held) is taken down privately: author and staff only.
        mine = author_id is not None and author_id == who.user_id
        if payload.get("_audience") == "private" and not (mine or who.is_staff):
            return Shown.NOTHING
        return Shown.FULL
    return Shown.FULL


def uniform(payload: Mapping[str, Any]) -> bool:
    """True when every signed-in viewer who gets the payload gets the same frame, so it
    can be encoded once: a message shown in full to all but those blocking its author."""
    if payload.get("type") == "message":
        known = status_of(payload.get("status"), payload.get("_author_id"))
        if known is None:
            return False
        cells = {cell(Kind.MESSAGE, known, v) for v in ViewerKind
                 if v not in (ViewerKind.SIGNED_OUT, ViewerKind.BLOCKING)}
        return cells == {Shown.FULL}
    return payload.get("type") != "removed"


def reason_shown(payload: Mapping[str, Any], who: Reader) -> bool:
    """A take-down's reason (live ``removed`` frame) is for the author and moderators."""
    return sees_reason(payload.get("_author_id"), who)


def sees_reason(author_id: int | None, who: Viewer | Reader) -> bool:
    """Why a moderator took something down is for its author and the moderators."""
    reader = as_reader(who)
    return reader.is_staff or (author_id is not None and author_id == reader.user_id)


# ---------------------------------------------------------------- members-only gate


def may_read(who: Viewer | Reader, public_read: bool) -> bool:
    """Whether a viewer may read what members wrote at all (``SECUREBASE_PUBLIC_READ``)."""
    return as_reader(who).user_id is not None or public_read


def may_read_history(who: Viewer | Reader) -> bool:
    """Profiles' post history is for members only, whatever the public-read setting."""
    return as_reader(who).user_id is not None


def activity_q(who: Reader) -> Q:
    """Posts that count as news for this viewer (new-since-visit counts on home, unread markers
    on a room page): what they read in full, in threads they read in full, and not their own,
    so a held, removed or blocked member's post never shows as a count or a marker."""
    mine = _q("author_id", who.user_id) if who.user_id is not None else _NONE
    return history_q(who) & ~mine


def unanswered_q(who: Reader) -> Q:
    """Threads this viewer reads in full that have no reply they can read: "waiting for a first
    reply". A reply waiting for review does not count as an answer (nobody sees it yet)."""
    from tortoise.expressions import Subquery

    from server.models.posts import Post

    answered = Post.filter(is_first=False).filter(rows_q(Kind.POST, who, full_only=True)).values("thread_id")
    return rows_q(Kind.THREAD, who, full_only=True) & ~Q(id__in=Subquery(answered))


def history_q(who: Reader) -> Q:
    """A profile's post history: posts this viewer reads in full, in threads they read in full."""
    return rows_q(Kind.POST, who, full_only=True) & rows_q(Kind.THREAD, who, full_only=True, prefix="thread__")

