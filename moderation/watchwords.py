"""Watched words: loading the default list and matching any list against a text.

Matching lives here (not in `signals.py`) because the policy needs the action of
each hit (block/hold/flag/censor), while a `Signal` only carries a confidence.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from .model import Signal, WatchedAction, WatchedWord
from .normalize import Normalized, compile_phrase, normalize

# The policy reads these back: >= 0.9 rejects, >= 0.7 holds, below that allows.
ACTION_CONFIDENCE: dict[str, float] = {"block": 0.95, "hold": 0.8, "flag": 0.5, "censor": 0.5}
_ACTIONS = frozenset(ACTION_CONFIDENCE)
# "please don't kill yourself" is support, not harassment.
_NEGATION = re.compile(r"\b(dont|do not|never|not|shouldnt|wont)\W*$")


@lru_cache(maxsize=1)
def load_default_watched_words() -> tuple[WatchedWord, ...]:
    """The reviewed default list shipped in `moderation/data/watched_words.json`."""
    raw = json.loads(resources.files("moderation").joinpath("data/watched_words.json").read_text("utf-8"))
    words = []
    for entry in raw["words"]:
        if entry["action"] not in _ACTIONS:
            raise ValueError(f"unknown watched-word action {entry['action']!r}")
        words.append(WatchedWord(entry["word"], entry["action"], entry.get("label", "watched_word")))
    return tuple(words)


def _phrase_for(word: str) -> tuple[str, bool] | None:
    """Turn a watched word into the pattern language of `compile_phrase`."""
    text = normalize(word).text.strip()
    out = []
    for ch in text:
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        elif ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
        elif out and out[-1] not in " _":
            out.append("_")
    phrase = "".join(out).strip(" _")
    if not phrase:
        return None
    return phrase, " " not in phrase  # single words also match their plural


@lru_cache(maxsize=64)
def _compiled(watched: tuple[WatchedWord, ...]) -> tuple[tuple[WatchedWord, re.Pattern[str]], ...]:
    pairs = []
    for item in watched:
        found = _phrase_for(item.word)
        if found is not None:
            pairs.append((item, compile_phrase(*found)))
    return tuple(pairs)


def match_watched(
    text: str, watched: tuple[WatchedWord, ...], norm: Normalized | None = None
) -> list[tuple[WatchedAction, Signal]]:
    """Every watched-word hit as (effective action, abuse signal), in text order.

    A blocking or holding phrase right after a negation ("please don't kill
    yourself") is support, not harassment, and is skipped.
    """
    norm = norm or normalize(text)
    hits: list[tuple[WatchedAction, Signal]] = []
    for item, pattern in _compiled(tuple(watched)):
        for m in pattern.finditer(norm.text):
            if item.action in ("block", "hold") and _NEGATION.search(
                norm.text[max(0, m.start() - 20) : m.start()]
            ):
                continue
            span = norm.span(m.start(), m.end())
            signal = Signal(
                "abuse", item.label, span, text[span[0] : span[1]], ACTION_CONFIDENCE[item.action]
            )
            hits.append((item.action, signal))
    hits.sort(key=lambda h: h[1].span)
    return hits
