"""Check a JSON frame against its declared type in ``server/realtime/frames.py``.

Every field the type requires is present, every field has the declared JSON type
(an ``int`` is not a ``bool``; a nested ``TypedDict`` is checked the same way), and
there are no fields the type does not declare.
"""
from __future__ import annotations

import types
import typing
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints, is_typeddict

from server.realtime import frames


def problems(value: Any, tp: Any, where: str = "frame") -> list[str]:
    """What is wrong with ``value`` as a ``tp`` (empty when nothing)."""
    if tp is Any:
        return []
    if is_typeddict(tp):
        return _typeddict_problems(value, tp, where)
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        arms = [problems(value, arm, where) for arm in get_args(tp)]
        return [] if any(not a for a in arms) else [f"{where}: {value!r} is not {tp}"]
    if origin is Literal:
        return [] if value in get_args(tp) else [f"{where}: {value!r} is not one of {get_args(tp)}"]
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: {value!r} is not a list"]
        (item,) = get_args(tp)
        return [p for i, v in enumerate(value) for p in problems(v, item, f"{where}[{i}]")]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{where}: {value!r} is not an object"]
        _, item = get_args(tp)
        return [p for k, v in value.items() for p in problems(v, item, f"{where}.{k}")]
    if tp is type(None):
        return [] if value is None else [f"{where}: {value!r} is not null"]
    if tp is int:
        return [] if isinstance(value, int) and not isinstance(value, bool) else [f"{where}: {value!r} is not an int"]
    if tp in (str, bool):
        return [] if isinstance(value, tp) else [f"{where}: {value!r} is not a {tp.__name__}"]
    raise TypeError(f"{where}: the checker does not know {tp!r}")


def _typeddict_problems(value: Any, tp: Any, where: str) -> list[str]:
    if not isinstance(value, dict):
        return [f"{where}: {value!r} is not an object"]
    hints = get_type_hints(tp)
    required, optional = set(tp.__required_keys__), set(tp.__optional_keys__)
    out = [f"{where}: missing {k!r}" for k in sorted(required - set(value))]
    out += [f"{where}: unknown field {k!r}" for k in sorted(set(value) - required - optional)]
    for key in sorted(set(value) & (required | optional)):
        out += problems(value[key], hints[key], f"{where}.{key}")
    return out


def check(frame: dict[str, Any], table: typing.Mapping[str, Any] | None = None) -> str:
    """Assert ``frame`` matches one of the types declared for its ``type``; return that type name."""
    kinds = frames.SERVER_FRAMES if table is None else table
    kind = frame.get("type")
    assert kind in kinds, f"undeclared frame type {kind!r}: {frame}"
    candidates = kinds[kind] if isinstance(kinds[kind], tuple) else (kinds[kind],)
    found = [problems(frame, tp, kind) for tp in candidates]
    assert any(not p for p in found), f"{frame} matches no declared {kind} type: {found}"
    return kind
