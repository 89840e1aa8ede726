"""No visibility condition outside ``server/access.py``: queries ask the access table.

A status condition in a query (``status=``, ``status__in=``, ``thread__status=`` …) or a
``status__in``/``status__not_in`` spelled anywhere is how the rules drifted apart before.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

SERVER = Path(__file__).resolve().parents[2] / "server"
QUERY_CALLS = {"filter", "exclude", "get", "get_or_none", "Q", "first", "exists", "count"}
STATUS_KEY = re.compile(r"(^|__)status($|__)")
SPELLED = re.compile(r"status__(not_)?in\b|status__not\b")


def _sources() -> list[Path]:
    out = []
    for path in sorted(SERVER.rglob("*.py")):
        rel = path.relative_to(SERVER).as_posix()
        if rel.startswith(("access", "migrations/")):
            continue
        out.append(path)
    return out


def _status_conditions(source: str, label: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
        if name not in QUERY_CALLS:
            continue
        for kw in node.keywords:
            if kw.arg is not None and STATUS_KEY.search(kw.arg):
                found.append(f"{label}:{node.lineno}: {name}({kw.arg}=…)")
    return found


def _spelled(source: str, label: str) -> list[str]:
    return [f"{label}:{n}: {line.strip()}" for n, line in enumerate(source.splitlines(), 1) if SPELLED.search(line)]


def test_the_scan_finds_what_it_looks_for() -> None:
    sample = ('Post.filter(status="visible")\nq = Q(thread__status__in=["held"])\n'
              'Thread.filter(id=1).update(status="deleted")\nQueueItem.filter(state="open")\n')
    assert _status_conditions(sample, "s") == ["s:1: filter(status=…)", "s:2: Q(thread__status__in=…)"]
    assert _spelled(sample, "s") == ['s:2: q = Q(thread__status__in=["held"])']
    assert _spelled('x.exclude(status__not_in=("a",))', "s")


def test_no_query_outside_the_access_module_has_a_status_condition() -> None:
    found = [hit for path in _sources()
             for hit in _status_conditions(path.read_text(encoding="utf-8"), str(path.relative_to(SERVER.parent)))]
    assert not found, "ask server.access instead:\n" + "\n".join(found)


def test_no_status_in_spelled_outside_the_access_module() -> None:
    found = [hit for path in _sources()
             for hit in _spelled(path.read_text(encoding="utf-8"), str(path.relative_to(SERVER.parent)))]
    assert not found, "ask server.access instead:\n" + "\n".join(found)


def test_the_scan_covers_the_read_paths() -> None:
    names = {p.relative_to(SERVER).as_posix() for p in _sources()}
    assert {"reading.py", "realtime/stream.py", "actions/targets.py", "realtime/frames.py", "serializers.py",
            "members_only.py", "mod_reading.py", "views/pages_accounts.py"} <= names
    assert "access.py" not in names
