"""Snippets with highlighted matches, safe to put in a page.

The backends mark matches with two private-use characters that are stripped from every
text before it is indexed, so a post can't fake a highlight. Everything else is escaped;
the only markup a snippet ever carries is ``<mark>``.
"""
from __future__ import annotations

import re

from markupsafe import Markup, escape

START, STOP = "\ue000", "\ue001"
_MARKERS = re.compile(f"([{START}{STOP}])")
_SPACE = re.compile(r"\s+")


def indexable_text(text: str | None) -> str:
    """Text as the index stores it: without the marker characters."""
    return (text or "").replace(START, " ").replace(STOP, " ")


def plain(snippet: str) -> str:
    return _SPACE.sub(" ", snippet.replace(START, "").replace(STOP, "")).strip()


def to_html(snippet: str) -> Markup:
    """Escape the snippet and turn the markers into balanced ``<mark>`` elements."""
    out: list[str] = []
    inside = False
    for part in _MARKERS.split(_SPACE.sub(" ", snippet).strip()):
        if part == START:
            if not inside:
                out.append("<mark>")
                inside = True
        elif part == STOP:
            if inside:
                out.append("</mark>")
                inside = False
        elif part:
            out.append(str(escape(part)))
    if inside:
        out.append("</mark>")
    return Markup("".join(out))
