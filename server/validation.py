"""Parsing and checking client input: sizes first, then types, then content."""
from __future__ import annotations

import json
import re
from collections.abc import Set
from typing import Any

from starlette.requests import Request

from server.errors import BadRequest, Invalid

MAX_TITLE = 200
MAX_BODY = 20_000
MAX_CHAT = 4_000


async def json_body(request: Request, allowed: Set[str], required: Set[str] = frozenset()) -> dict[str, Any]:
    """Parse a JSON object body; unknown fields and wrong shapes are a 4xx, never a 500."""
    raw = await request.body()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("The request body is not valid UTF-8.", code="invalid_utf8") from None
    try:
        data = json.loads(text) if text.strip() else {}
    except (ValueError, RecursionError):
        raise BadRequest("The request body is not valid JSON.", code="invalid_json") from None
    if not isinstance(data, dict):
        raise BadRequest("The request body must be a JSON object.", code="invalid_json")
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise Invalid(f"Unknown field: {unknown[0]}.", code="unknown_field", field=unknown[0])
    for name in sorted(required):
        if name not in data:
            raise Invalid(f"The field '{name}' is required.", code="missing_field", field=name)
    return data


def clean_text(value: object, field: str, *, max_len: int, required: bool = True,
               label: str | None = None) -> str:
    """A user-written string: type-checked, NUL-free, size-limited, trimmed."""
    label = label or field.capitalize()
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise Invalid(f"{label} must be text.", code="wrong_type", field=field)
    if "\x00" in value:
        raise Invalid(f"{label} contains a null character, which isn't allowed.", code="null_byte", field=field)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise Invalid(f"{label} contains characters that aren't valid text.", code="invalid_text",
                      field=field) from None
    value = value.replace("\r\n", "\n").strip()
    if len(value) > max_len:
        raise Invalid(f"{label} is too long: at most {max_len:,} characters.",
                      code="too_long", field=field)
    if required and not value:
        raise Invalid(f"{label} can't be empty.", code="empty", field=field)
    return value


def one_line(value: str) -> str:
    """Titles are one line: runs of white space (newlines too) become one space."""
    return " ".join(value.split())


MAX_CONTENT_NOTE = 60


def content_note(value: object) -> str | None:
    """A writer's content note ("self-harm", "CN: suicide"): one short line, or None.

    Shown as plain text (autoescaped) in "This post talks about …", never as HTML.
    """
    if value is None or value == "":
        return None
    text = one_line(clean_text(value, "content_note", max_len=200, required=False, label="Content note"))
    lowered = text.lower()
    for prefix in ("cn:", "cw:", "tw:", "content note:", "content warning:", "trigger warning:"):
        if lowered.startswith(prefix):
            text = text[len(prefix):].strip()
            break
    if len(text) > MAX_CONTENT_NOTE:
        raise Invalid(f"A content note is a few words: at most {MAX_CONTENT_NOTE} characters.",
                      code="too_long", field="content_note")
    return text or None


def optional_str(value: object, field: str, *, max_len: int) -> str | None:
    if value is None or value == "":
        return None
    return clean_text(value, field, max_len=max_len)


SLUG_RE = re.compile(r"[a-z0-9][a-z0-9-]{1,62}[a-z0-9]")  # always fullmatch: "$" would let "room\n" through


def is_slug(value: object) -> bool:
    """The one rule for room slugs, checked before any lookup."""
    return isinstance(value, str) and SLUG_RE.fullmatch(value) is not None


INT32_MAX = 2**31 - 1  # ids of IntField primary keys
INT64_MAX = 2**63 - 1  # BigIntField values (room event ids, chat seqs)
_DIGITS = re.compile(r"[0-9]{1,19}")  # ASCII only: "²" and "１２" pass str.isdigit() and then break int()


def parse_int(value: object, *, maximum: int = INT32_MAX, minimum: int = 0) -> int | None:
    """The one place numbers from clients are parsed: an int or ASCII digits, in range; else None.

    A JSON int is taken as is (booleans are not numbers); text must be plain
    ASCII digits with no sign, spaces or newline, short enough to parse cheaply,
    and the result must fit the database column (``maximum``).
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _DIGITS.fullmatch(value):
        number = int(value)
    else:
        return None
    return number if minimum <= number <= maximum else None


def int_param(value: object, field: str, *, maximum: int = INT32_MAX, minimum: int = 0) -> int:
    """Like parse_int, but a wrong value is a 422 naming the field."""
    number = parse_int(value, maximum=maximum, minimum=minimum)
    if number is None:
        raise Invalid(f"{field} must be a whole number from {minimum} to {maximum}.", code="wrong_type",
                      field=field)
    return number
