"""@mentions in member Markdown: found by the Markdown parser, so a handle in code, in a
link's text or inside an email address is never a mention.

``find_mentions(text)`` lists the handles a text mentions (lower case, in order, once each).
``render_markdown(text, mentions=...)`` (render.py) links those the caller says exist; the
caller owns the member directory, this library only parses.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from markdown_it.rules_inline import StateInline

# A handle as accounts allow it (server/passwords.py HANDLE_RE), not glued to a longer word.
_HANDLE = re.compile(r"[A-Za-z0-9_-]{3,32}(?![A-Za-z0-9_-])")
_WORDISH = re.compile(r"[A-Za-z0-9_.\-+@]")
PROFILE_PREFIX = "/u/"

# Keys in markdown-it's ``env``: handles to link (lower → as written on the account), and a
# list the parser fills with every candidate it met.
ENV_KNOWN = "sb_mentions"
ENV_FOUND = "sb_mentions_found"


def mention_rule(state: StateInline, silent: bool) -> bool:
    """markdown-it inline rule: ``@handle`` becomes a link when the handle is known."""
    pos = state.pos
    src = state.src
    if src[pos] != "@" or state.linkLevel > 0:
        return False
    if pos > 0 and _WORDISH.match(src[pos - 1]):
        return False  # an email address, or a word with an @ in it
    match = _HANDLE.match(src, pos + 1)
    if match is None:
        return False
    handle = match.group(0)
    lower = handle.lower()
    env: dict[str, Any] = state.env if isinstance(state.env, dict) else {}
    found = env.get(ENV_FOUND)
    if isinstance(found, list) and not silent:
        found.append(lower)
    known: Mapping[str, str] | None = env.get(ENV_KNOWN)
    if not known or lower not in known:
        return False
    if not silent:
        token = state.push("link_open", "a", 1)
        token.attrs = {"href": PROFILE_PREFIX + known[lower], "class": "mention"}
        text = state.push("text", "", 0)
        text.content = "@" + handle
        state.push("link_close", "a", -1)
    state.pos = match.end()
    return True


def unique(handles: list[str]) -> list[str]:
    return list(dict.fromkeys(handles))
