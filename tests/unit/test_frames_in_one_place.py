"""Every websocket frame and broker event is built by one constructor in
``server/realtime/frames.py``: no ``{"type": ...}`` dict literal anywhere else in server/.

A few dicts with a "type" key are not frames and are named here with the reason.
"""
from __future__ import annotations

import ast

from tests.support import ROOT

SERVER = ROOT / "server"
FRAMES = SERVER / "realtime" / "frames.py"

# ASGI messages ({"type": "http.response.start"}, …) are the server's own plumbing.
ASGI_PREFIXES = ("http.", "websocket.", "lifespan.")
# (file, the "type" value's source): HTTP JSON and JSON Schema, not frames.
NOT_FRAMES = {
    ("server/views/api/openapi.py", "*"),  # JSON Schema: "type" is a JSON type name
    ("server/actions/targets.py", "target.kind"),  # a queue item's target in the mod API
    ("server/views/api/care.py", "target.kind"),  # the writer's content in GET /api/care/{id}
}


def type_literals() -> list[tuple[str, int, str]]:
    """(file, line, value source) of every dict literal with a "type" key outside frames.py."""
    found = []
    for path in sorted(SERVER.rglob("*.py")):
        if path == FRAMES:
            continue
        rel = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text("utf-8"), rel)):
            if not isinstance(node, ast.Dict):
                continue
            for key, value in zip(node.keys, node.values, strict=True):
                if not (isinstance(key, ast.Constant) and key.value == "type"):
                    continue
                if isinstance(value, ast.Constant) and str(value.value).startswith(ASGI_PREFIXES):
                    continue
                source = ast.unparse(value)
                if (rel, "*") in NOT_FRAMES or (rel, source) in NOT_FRAMES:
                    continue
                found.append((rel, node.lineno, source))
    return found


def test_no_frame_is_built_outside_frames_py() -> None:
    assert type_literals() == [], "build frames with a constructor in server/realtime/frames.py"


def test_the_check_sees_a_frame_literal(tmp_path, monkeypatch) -> None:
    """The scan finds what it is for (a literal frame in an action), so a pass means something."""
    fake = tmp_path / "server"
    (fake / "actions").mkdir(parents=True)
    (fake / "actions" / "x.py").write_text('EVENT = {"type": "alert", "queue_id": 1}\n'
                                           'ASGI = {"type": "http.response.body"}\n', "utf-8")
    monkeypatch.setattr(f"{__name__}.SERVER", fake)
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    assert type_literals() == [("server/actions/x.py", 1, "'alert'")]
