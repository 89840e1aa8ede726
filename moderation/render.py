"""Markdown → safe HTML for posts and chat messages.

Three walls: markdown-it with raw HTML disabled (HTML typed by a member is shown
as text), then bleach with a small allowlist, then linkify, which marks every
link `rel="nofollow ugc noopener"`. A strict Content-Security-Policy in the
server is the fourth.

bleach has been unmaintained since June 2026: every bleach call in SecureBase
lives in this module so the sanitizer can be swapped in one place.
"""

from __future__ import annotations

import html
import logging
import re
import secrets
from collections.abc import Mapping, MutableMapping
from typing import Any

import bleach
from bleach.linkifier import Linker
from markdown_it import MarkdownIt

from .mentions import ENV_FOUND, ENV_KNOWN, mention_rule, unique

log = logging.getLogger("moderation.render")

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "em",
        "strong",
        "del",
        "s",
        "ul",
        "ol",
        "li",
        "blockquote",
        "code",
        "pre",
        "a",
        "hr",
    }
)
MENTION_CLASS = "mention"


def _allowed_attribute(tag: str, name: str, value: str) -> bool:
    """The allowlist of attributes; ``class`` only as a mention link's (its href is a profile)."""
    if tag != "a":
        return False
    if name in ("href", "title", "rel"):
        return True
    return name == "class" and value == MENTION_CLASS


ALLOWED_ATTRIBUTES = _allowed_attribute
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"
# What a linked handle may be: it goes into an href (PROFILE_PREFIX + handle).
_SAFE_HANDLE = re.compile(r"[A-Za-z0-9_-]{3,32}")

# NUL, lone surrogates and other C0/C1 controls (except tab and newlines) have no
# place in a message and trip up parsers and databases.
_UNSAFE_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable("strikethrough").disable("image")

    # Headings would let one member shout over a room: render them as bold paragraphs.
    def heading_open(*_: Any) -> str:
        return "<p><strong>"

    def heading_close(*_: Any) -> str:
        return "</strong></p>\n"

    md.add_render_rule("heading_open", heading_open)
    md.add_render_rule("heading_close", heading_close)
    md.inline.ruler.before("emphasis", "mention", mention_rule)
    return md


def _set_rel(
    attrs: MutableMapping[tuple[str | None, str], str], _new: bool = False, /
) -> MutableMapping[tuple[str | None, str], str]:
    """linkify callback: every link, typed or generated, gets the same rel."""
    attrs[(None, "rel")] = LINK_REL
    return attrs


_CODE = re.compile(r"(<code>)(.*?)(</code>)", re.S)
_MD = _markdown()
_LINKER = Linker(callbacks=[_set_rel], skip_tags={"pre", "code"}, parse_email=False)


def _linkify(cleaned: str) -> str:
    """Linkify outside code. bleach's Linker re-escapes text inside `skip_tags`
    ("&lt;" becomes "&amp;lt;"), so code contents are set aside under a random
    placeholder and put back verbatim (bleach already escaped them)."""
    nonce = secrets.token_hex(8)
    saved: list[str] = []

    def stash(m: re.Match[str]) -> str:
        saved.append(m.group(2))
        return f"{m.group(1)}sbcode{nonce}n{len(saved) - 1}{m.group(3)}"

    linked = str(_LINKER.linkify(_CODE.sub(stash, cleaned)))
    return re.sub(rf"sbcode{nonce}n(\d+)", lambda m: saved[int(m.group(1))], linked)


def clean_text(text: str) -> str:
    """Remove characters that can never be rendered or stored safely."""
    return _UNSAFE_CHARS.sub("", text)


def find_mentions(text: str) -> list[str]:
    """The handles ``text`` mentions (``@handle`` outside code and links), lower case, in
    order, once each. Whether they exist is the caller's to decide."""
    env: dict[str, Any] = {ENV_FOUND: []}
    try:
        _MD.parse(clean_text(text), env)
    except Exception as exc:
        log.warning("mention parse failed (%s, %d chars)", type(exc).__name__, len(text))
        return []
    return unique(env[ENV_FOUND])


def render_markdown(text: str, mentions: Mapping[str, str] | None = None) -> str:
    """Render member-written Markdown to HTML that is safe to insert into a page.

    ``mentions`` maps lower-case handles to the handle as its member spells it: those
    ``@handle``s become links to ``/u/<handle>``; any other ``@word`` stays plain text.

    Never raises: if anything in the pipeline fails, the text is escaped and
    wrapped in a paragraph (and a line is logged, without the text itself).
    """
    text = clean_text(text)
    env: dict[str, Any] = {ENV_KNOWN: {k.lower(): v for k, v in (mentions or {}).items()
                                       if _SAFE_HANDLE.fullmatch(v)}}
    try:
        cleaned = bleach.clean(
            _MD.render(text, env),
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            protocols=ALLOWED_PROTOCOLS,
            strip=True,
            strip_comments=True,
        )
        return _linkify(cleaned)
    except Exception as exc:
        log.warning(
            "markdown render failed (%s, %d chars); fell back to escaped text", type(exc).__name__, len(text)
        )
        return f"<p>{html.escape(text)}</p>"
