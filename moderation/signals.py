"""Detectors: text in, `Signal`s out. No decisions here; `policy.py` decides.

Every detector is pure and never raises on any str. Crisis detection lives in
`crisis.py` (it is the largest and most delicate) and is re-exported here.
"""

from __future__ import annotations

import re
from collections import Counter

from .crisis import detect_crisis
from .model import ReviewContext, Signal, SignalKind, WatchedWord
from .normalize import Normalized
from .watchwords import load_default_watched_words, match_watched

__all__ = ["detect_abuse", "detect_crisis", "detect_personal_data", "detect_spam", "find_links"]

# ---------------------------------------------------------------- abuse


def detect_abuse(
    text: str, watched: tuple[WatchedWord, ...] | None = None, norm: Normalized | None = None
) -> list[Signal]:
    """Watched-word hits as abuse signals (None → the default list)."""
    words = load_default_watched_words() if watched is None else watched
    return [signal for _, signal in match_watched(text, words, norm)]


# ---------------------------------------------------------------- spam

_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>()\[\]\"']+")
MANY_LINKS = 4
LINK_FLOOD = 10
REPEATED_LINES = 5
REPEATED_LINES_FLOOD = 12
REPEATED_WORDS = 8
REPEATED_WORDS_FLOOD = 25
# The policy reads these back: >= 0.95 rejects, otherwise spam holds.
SPAM_HOLD = 0.8
SPAM_REJECT = 0.97


def find_links(text: str) -> list[re.Match[str]]:
    """http(s):// and www. links; simple on purpose (spam heuristics, not parsing)."""
    return list(_URL.finditer(text))


def _signal(kind: SignalKind, label: str, text: str, start: int, end: int, confidence: float) -> Signal:
    return Signal(kind, label, (start, end), text[start:end], confidence)


def _repeated_lines(text: str) -> Signal | None:
    lines = [(m.start(), m.end(), m.group().strip().lower()) for m in re.finditer(r"[^\n]+", text)]
    counts = Counter(line for _, _, line in lines if len(line) >= 2)
    if not counts:
        return None
    line, count = counts.most_common(1)[0]
    if count < REPEATED_LINES:
        return None
    where = [(s, e) for s, e, ln in lines if ln == line]
    confidence = SPAM_REJECT if count >= REPEATED_LINES_FLOOD else SPAM_HOLD
    return _signal("spam", "repeated_text", text, where[0][0], where[-1][1], confidence)


def _repeated_words(text: str) -> Signal | None:
    best: tuple[int, int, int] | None = None  # (count, start, end)
    run_word, run_start, run_count, prev_end = "", 0, 0, 0
    for m in re.finditer(r"\w+", text):
        word = m.group().lower()
        if word == run_word:
            run_count += 1
        else:
            run_word, run_start, run_count = word, m.start(), 1
        prev_end = m.end()
        if best is None or run_count > best[0]:
            best = (run_count, run_start, prev_end)
    if best is None or best[0] < REPEATED_WORDS:
        return None
    confidence = SPAM_REJECT if best[0] >= REPEATED_WORDS_FLOOD else SPAM_HOLD
    return _signal("spam", "repeated_text", text, best[1], best[2], confidence)


def detect_spam(text: str, ctx: ReviewContext | None = None) -> list[Signal]:
    """Link floods, repeated text, and links from brand-new accounts."""
    ctx = ctx or ReviewContext()
    signals: list[Signal] = []
    links = find_links(text)
    if len(links) >= MANY_LINKS:
        confidence = SPAM_REJECT if len(links) >= LINK_FLOOD else SPAM_HOLD
        signals.append(_signal("spam", "many_links", text, links[0].start(), links[-1].end(), confidence))
    elif links and ctx.account_age_days < 1 and ctx.approved_posts == 0:
        signals.append(_signal("spam", "new_account_link", text, links[0].start(), links[0].end(), SPAM_HOLD))
    for found in (_repeated_lines(text), _repeated_words(text)):
        if found is not None:
            signals.append(found)
    return signals


# ---------------------------------------------------------------- personal data

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")
_PHONE = re.compile(r"(?<![\w+.,/-])(?:\+|00)?\(?\d[\d \t().-]{6,22}\d(?![\w-]|[.,]\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_STREET = re.compile(
    r"(?<![\w.])\d{1,5}[A-Za-z]?(?:[ \t]+(?:[A-Z][A-Za-z'-]*|\d+(?:st|nd|rd|th))){1,4}[ \t]+"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Place|Pl|Terrace|Close|"
    r"Crescent|Way|Gardens|Square|Sq|Parkway|Pkwy|Highway|Hwy|street|avenue|road|lane|drive)\b\.?"
)


def _looks_like_phone(candidate: str) -> bool:
    """Phone-shaped: 9-15 digits, with an international/trunk prefix or 2+ separators,
    and not just a list of years ("2019 2020 2021") or a decimal."""
    digits = re.sub(r"\D", "", candidate)
    if not 9 <= len(digits) <= 15:
        return False
    groups = re.findall(r"\d+", candidate)
    if all(len(g) == 4 and _YEAR.fullmatch(g) for g in groups):
        return False
    if candidate[0] in "+(0":
        return True
    if len(groups) == 1:
        return len(digits) == 10 and digits[0] in "23456789"  # US number typed without separators
    return len(groups) >= 3 and all(len(g) <= 5 for g in groups)


def detect_personal_data(text: str) -> list[Signal]:
    """Phone numbers, emails and street addresses: sharing them can out someone."""
    signals = [
        _signal("personal_data", "email", text, m.start(), m.end(), 0.9) for m in _EMAIL.finditer(text)
    ]
    for m in _PHONE.finditer(text):
        candidate = m.group().rstrip(" \t(.-")
        if _looks_like_phone(candidate):
            signals.append(
                _signal("personal_data", "phone", text, m.start(), m.start() + len(candidate), 0.8)
            )
    for m in _STREET.finditer(text):
        signals.append(_signal("personal_data", "street_address", text, m.start(), m.end(), 0.75))
    return sorted(signals, key=lambda s: s.span)
