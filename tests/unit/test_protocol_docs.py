"""The README's live chat protocol section documents every frame, and its examples are true.

Each frame type a client can receive (``SERVER_FRAMES`` in server/realtime/frames.py), in
each of its shapes, has an example in the section; each frame a client may send is shown;
every example matches its declared type. Adding a frame without documenting it fails here.
"""
from __future__ import annotations

import json
import re

from server.realtime import frames
from tests.support import ROOT
from tests.support.frame_types import check, problems

README = (ROOT / "README.md").read_text("utf-8")
SECTION = README.split("\n## Live chat protocol\n", 1)[1].split("\n## ", 1)[0]


def examples() -> list[tuple[str, dict]]:
    """(direction, frame) of every JSON example in the section: "→" client to server, "←" (or
    unmarked, in a block of server frames) server to client, "?" an inline example."""
    out: list[tuple[str, dict]] = []
    for block in re.findall(r"```json\n(.*?)\n```", SECTION, re.S):
        for line in block.splitlines():
            direction = "→" if line.startswith("→") else "←"
            out.append((direction, json.loads(line.lstrip("←→ "))))
    for span in re.findall(r"`(\{\"type\".*?\})`", SECTION):
        out.append(("?", json.loads(span)))
    return out


def test_every_example_matches_its_declared_type() -> None:
    for direction, frame in examples():
        if direction == "→" or (direction == "?" and frame["type"] in frames.CLIENT_FRAMES):
            check(frame, frames.CLIENT_FRAMES)
        else:
            check(frame)


def test_every_server_frame_shape_has_an_example() -> None:
    shown = [frame for _, frame in examples()]
    for kind, shapes in frames.SERVER_FRAMES.items():
        for shape in shapes:
            assert any(f["type"] == kind and not problems(f, shape) for f in shown), \
                f"the README's live chat protocol shows no {kind} frame ({shape.__name__})"


def test_every_client_frame_is_shown() -> None:
    kinds = {frame["type"] for direction, frame in examples() if direction in "→?"}
    assert set(frames.CLIENT_FRAMES) <= kinds


def test_the_first_example_shows_how_a_stream_starts() -> None:
    """A fresh API client reads, first thing, that the socket waits for its ``resume``."""
    first = re.search(r"```json\n(.*?)\n```", SECTION, re.S)
    assert first is not None
    lines = first[1].splitlines()
    hello = json.loads(lines[0].lstrip("← "))
    assert hello["type"] == "hello" and hello["resume_expected"] is True
    assert lines[1].startswith("→") and json.loads(lines[1].lstrip("→ "))["type"] == "resume"
    assert "resume_expected" in SECTION.split("```json", 1)[0]


def test_every_close_code_is_documented() -> None:
    codes = {v for k, v in vars(frames).items() if k.startswith("CLOSE_")}
    for code in codes | {1009}:
        assert str(code) in SECTION, f"close code {code} is missing from the README"
