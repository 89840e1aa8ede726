"""The access table, cell by cell: content status × viewer → what is shown.

The grids below are the rules as decided (issue 11), written independently of
``server/access.py`` so a change to the table has to change them too.
F full · P placeholder · N nothing (left out; 404 when addressed directly) · X 404.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from server import access
from server.access import Kind, Reader, Shown, Status, ViewerKind

CODES = {"F": Shown.FULL, "P": Shown.PLACEHOLDER, "N": Shown.NOTHING, "X": Shown.NOT_FOUND}
VIEWERS = ("signed_out", "member", "author", "blocking", "blocked", "room_moderator", "staff")

GRIDS = {
    #                      out mem aut bkg bkd mod stf
    Kind.THREAD: """
        visible             F   F   F   X   X   F   F
        held                X   X   F   X   X   F   F
        hidden              X   X   F   X   X   F   F
        removed             P   P   P   X   X   F   F
        deleted             P   P   P   X   X   F   F
        author_deleted      P   P   P   P   P   P   P
    """,
    Kind.POST: """
        visible             F   F   F   N   F   F   F
        held                N   N   F   N   N   F   F
        hidden              N   N   F   N   N   F   F
        removed             P   P   F   N   P   F   F
        deleted             P   P   P   N   P   F   F
        author_deleted      P   P   P   P   P   P   P
    """,
    Kind.MESSAGE: """
        visible             N   F   F   N   F   F   F
        held                N   N   F   N   N   F   F
        hidden              N   N   F   N   N   F   F
        removed             N   N   N   N   N   F   F
        deleted             N   N   N   N   N   F   F
        author_deleted      N   N   N   N   N   N   N
    """,
}


def _cells() -> list[tuple[Kind, Status, ViewerKind, Shown]]:
    out = []
    for kind, grid in GRIDS.items():
        for line in grid.strip().splitlines():
            status, *codes = line.split()
            for viewer, code in zip(VIEWERS, codes, strict=True):
                out.append((kind, Status(status), ViewerKind(viewer), CODES[code]))
    return out


CELLS = _cells()


def test_the_grids_cover_every_cell() -> None:
    assert len(CELLS) == len(Kind) * len(Status) * len(ViewerKind) == len({c[:3] for c in CELLS})


@pytest.mark.parametrize(("kind", "status", "viewer", "shown"), CELLS,
                         ids=[f"{k.value}-{s.value}-{v.value}" for k, s, v, _ in CELLS])
def test_cell(kind: Kind, status: Status, viewer: ViewerKind, shown: Shown) -> None:
    assert access.cell(kind, status, viewer) is shown


# -- the same cells through show(): real viewers and rows, classified by the module

AUTHOR, OTHER = 10, 20


@dataclass
class Row:
    status: str
    author_id: int | None
    title: str = "Jane Doe from Acme"


def reader(viewer: ViewerKind) -> Reader:
    return {
        ViewerKind.SIGNED_OUT: Reader(None),
        ViewerKind.MEMBER: Reader(OTHER),
        ViewerKind.AUTHOR: Reader(AUTHOR),
        ViewerKind.BLOCKING: Reader(OTHER, blocked={AUTHOR}),
        ViewerKind.BLOCKED: Reader(OTHER, blocked_by={AUTHOR}),
        ViewerKind.ROOM_MODERATOR: Reader(OTHER, is_staff=True, role="moderator"),
        ViewerKind.STAFF: Reader(OTHER, is_staff=True, role="admin"),
    }[viewer]


def row(status: Status) -> Row:
    if status is Status.AUTHOR_DELETED:
        return Row("deleted", None, "[deleted]")  # what deleting an account leaves
    return Row(status.value, AUTHOR)


@pytest.mark.parametrize(("kind", "status", "viewer", "shown"), CELLS,
                         ids=[f"{k.value}-{s.value}-{v.value}" for k, s, v, _ in CELLS])
def test_show(kind: Kind, status: Status, viewer: ViewerKind, shown: Shown) -> None:
    r = row(status)
    who = reader(viewer)
    if status is Status.AUTHOR_DELETED:
        # Nobody is the author of a deleted account's rows, nor blocks it: one answer per kind.
        assert access.show(kind, r, who) is shown
        assert {access.cell(kind, status, v) for v in ViewerKind if v is not ViewerKind.SIGNED_OUT} == {shown}
        return
    assert access.viewer_kind(who, AUTHOR) is viewer
    assert access.show(kind, r, who) is shown


def test_staff_come_before_blocks_and_authorship() -> None:
    mod = Reader(AUTHOR, is_staff=True, blocked={OTHER}, role="moderator")
    assert access.viewer_kind(mod, OTHER) is ViewerKind.ROOM_MODERATOR
    assert access.viewer_kind(mod, AUTHOR) is ViewerKind.ROOM_MODERATOR
    both = Reader(AUTHOR + 1, blocked={AUTHOR}, blocked_by={AUTHOR})
    assert access.viewer_kind(both, AUTHOR) is ViewerKind.BLOCKING


def test_unknown_statuses_are_shown_to_nobody() -> None:
    for viewer in ViewerKind:
        assert access.show(Kind.THREAD, Row("draft", AUTHOR), reader(viewer)) is Shown.NOT_FOUND
        assert access.show(Kind.POST, Row("draft", AUTHOR), reader(viewer)) is Shown.NOTHING


@pytest.mark.parametrize("viewer", list(ViewerKind))
def test_titles(viewer: ViewerKind) -> None:
    who = reader(viewer)
    for status, placeholder in ((Status.REMOVED, "[removed by a moderator]"), (Status.DELETED, "[deleted]"),
                                (Status.AUTHOR_DELETED, "[deleted]")):
        shown = access.title(row(status), who)
        full = access.show(Kind.THREAD, row(status), who) is Shown.FULL
        assert shown == ("Jane Doe from Acme" if full else placeholder)
    staff = viewer in (ViewerKind.ROOM_MODERATOR, ViewerKind.STAFF)
    assert (access.title(row(Status.REMOVED), who) == "Jane Doe from Acme") is staff


def test_lists() -> None:
    # Placeholder replies keep their place; placeholder threads are reached by link, except
    # that an author still finds their own removed thread.
    assert access.listed(Kind.POST, Status.DELETED, ViewerKind.MEMBER)
    assert not access.listed(Kind.THREAD, Status.DELETED, ViewerKind.MEMBER)
    assert not access.listed(Kind.THREAD, Status.REMOVED, ViewerKind.MEMBER)
    assert access.listed(Kind.THREAD, Status.REMOVED, ViewerKind.AUTHOR)
    assert not access.listed(Kind.THREAD, Status.DELETED, ViewerKind.AUTHOR)
    assert not access.listed(Kind.POST, Status.HELD, ViewerKind.MEMBER)
    for kind, status, viewer, shown in CELLS:
        if shown is Shown.FULL:
            assert access.listed(kind, status, viewer)
        if shown in (Shown.NOTHING, Shown.NOT_FOUND):
            assert not access.listed(kind, status, viewer)


def test_reports_ignore_the_reporters_own_blocks() -> None:
    blocker = Reader(OTHER, blocked={AUTHOR})
    assert access.show(Kind.POST, Row("visible", AUTHOR), blocker) is Shown.NOTHING
    assert access.may_report(Kind.POST, Row("visible", AUTHOR), blocker)
    assert not access.may_report(Kind.POST, Row("held", AUTHOR), blocker)
    assert access.may_report(Kind.POST, Row("removed", AUTHOR), Reader(AUTHOR))
    assert not access.may_report(Kind.POST, Row("deleted", AUTHOR), Reader(AUTHOR))


def _message(status: str, author: int | None = AUTHOR) -> dict:
    return {"type": "message", "status": status, "_author_id": author}


@pytest.mark.parametrize(("kind", "status", "viewer", "shown"), [c for c in CELLS if c[0] is Kind.MESSAGE],
                         ids=[f"{s.value}-{v.value}" for k, s, v, _ in CELLS if k is Kind.MESSAGE])
def test_live_message_frames_follow_the_table(kind: Kind, status: Status, viewer: ViewerKind, shown: Shown) -> None:
    payload = _message("deleted", None) if status is Status.AUTHOR_DELETED else _message(status.value)
    expected = shown
    assert access.live_shown(payload, reader(viewer)) is expected


def test_live_removed_frames() -> None:
    public = {"type": "removed", "_author_id": AUTHOR, "_audience": "all"}
    private = {**public, "_audience": "private"}
    assert access.live_shown(public, Reader(OTHER)) is Shown.FULL
    assert access.live_shown(private, Reader(OTHER)) is Shown.NOTHING
    assert access.live_shown(private, Reader(AUTHOR)) is Shown.FULL
    assert access.live_shown(private, Reader(OTHER, is_staff=True)) is Shown.FULL
    assert access.reason_shown(public, Reader(AUTHOR)) and not access.reason_shown(public, Reader(OTHER))
    assert access.uniform(_message("visible")) and not access.uniform(_message("held"))
    assert not access.uniform(public) and access.uniform({"type": "presence"})


def test_members_only_gate() -> None:
    assert not access.may_read(Reader(None), public_read=False)
    assert access.may_read(Reader(None), public_read=True)
    assert access.may_read(Reader(OTHER), public_read=False)
    assert not access.may_read_history(Reader(None)) and access.may_read_history(Reader(OTHER))
