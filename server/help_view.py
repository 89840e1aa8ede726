"""The help panel's content, shaped once for every place it appears.

One component (``_help_panel.html``) serves the page after writing, the thread
page, the held page and the chat panel; they all read this shape, so the panel
never drifts between them. A person in crisis should be able to reach help with
one tap: every number becomes a ``tel:`` or ``sms:`` link, the country's own lines
come first, and only a few entries are shown before "more help".
"""
from __future__ import annotations

import re
from typing import Any

SHOWN = 4  # entries before "more help": a short list is easier to act on than a wall of text

_TEXT_KEYWORD = re.compile(r"(?i)^\s*text\s+(?P<word>[A-Za-z0-9]+)\s+to\s+(?P<number>[\d\s()+-]+?)\s*$")
_DIGITS = re.compile(r"^[\d\s()+-]+$")


def _dial(number: str) -> str:
    return "".join(ch for ch in number if ch in "0123456789+")  # ASCII only: "²" is a digit to isdigit()


def call_link(phone: str) -> dict[str, str]:
    """'988, then press 1' → tel:988 (the label keeps the instructions)."""
    first = phone.split(",")[0]
    return {"label": f"Call {phone}", "href": "tel:" + _dial(first), "kind": "call"}


def text_link(text: str) -> dict[str, str] | None:
    """'Text HOME to 741741' → sms:741741?body=HOME; '88247' → sms:88247. Labels never double 'Text'."""
    keyword = _TEXT_KEYWORD.match(text)
    if keyword:
        number = _dial(keyword["number"])
        return {"label": f"Text {keyword['word']} to {keyword['number'].strip()}",
                "href": f"sms:{number}?body={keyword['word']}", "kind": "text"}
    if _DIGITS.match(text):
        return {"label": f"Text {text.strip()}", "href": "sms:" + _dial(text), "kind": "text"}
    label = text if text.lower().startswith("text") else f"Text {text}"
    return {"label": label, "href": "", "kind": "text"}


def entry(line: dict[str, Any]) -> dict[str, Any]:
    ways: list[dict[str, str]] = []
    if line.get("phone"):
        ways.append(call_link(str(line["phone"])))
    if line.get("text"):
        link = text_link(str(line["text"]))
        if link:
            ways.append(link)
    if line.get("email"):
        ways.append({"label": f"Email {line['email']}", "href": f"mailto:{line['email']}", "kind": "email"})
    return {"name": line.get("name", ""), "description": line.get("description", ""),
            "hours": line.get("hours", ""), "region": line.get("region", ""),
            "web": line.get("web", ""), "ways": ways}


def help_view(help_data: dict[str, Any], shown: int = SHOWN) -> dict[str, Any]:
    """``moderation.help_for(...)`` → what the panel shows: emergency numbers, the first
    ``shown`` entries (the country's lines first, then international ones) and the rest."""
    emergency = help_data.get("emergency") or {}
    numbers = [call_link(str(n)) for n in emergency.get("numbers") or []]
    for link in numbers:
        link["label"] = link["label"].removeprefix("Call ")
    lines = [entry(line) for line in help_data.get("crisis_lines") or []]
    lines += [entry(line) for line in help_data.get("international") or []]
    return {"country": help_data.get("country"), "country_name": help_data.get("country_name") or "anywhere",
            "emergency_numbers": numbers, "emergency_note": emergency.get("note", ""),
            "shown": lines[:shown], "more": lines[shown:]}
