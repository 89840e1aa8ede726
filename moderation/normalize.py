"""Normalization shared by every text detector.

People who want to slip past a filter write "k i l l", "su1c1de", "IDIOOOOT" or
"s.u.i.c.i.d.e"; people in distress type curly apostrophes and
"nooooo". Detectors search one normalized copy and this module maps every
normalized character back to the original text, so signals always point at
what the person actually typed.

Phrases are written in a tiny pattern language (see `compile_phrase`) instead of
raw regexes, so every literal automatically tolerates repeated letters and any
punctuation or spacing between words.
"""

# The look-alike table below is deliberately full of Cyrillic/Greek letters:
# ruff: noqa: RUF001

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Look-alike letters NFKC leaves alone (Cyrillic/Greek); enough for the usual evasions.
_HOMOGLYPHS = {
    "а": "a",
    "е": "e",
    "о": "o",
    "р": "p",
    "с": "c",
    "у": "y",
    "х": "x",
    "і": "i",
    "ѕ": "s",
    "ј": "j",
    "к": "k",
    "м": "m",
    "т": "t",
    "н": "h",
    "в": "b",
    "α": "a",
    "ε": "e",
    "ο": "o",
    "ι": "i",
    "κ": "k",
    "τ": "t",
    "ν": "v",
    "υ": "u",
}
_APOSTROPHES = frozenset("\u2018\u2019\u02bc\u2032\u0060\u00b4")
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
_SPACED = re.compile(r"(?<![a-z0-9])[a-z](?:[ .\-_*~|+]{1,3}[a-z](?![a-z0-9])){2,}")
_ASCII_LETTER = frozenset("abcdefghijklmnopqrstuvwxyz")

# A normalized character and the [start, end) of the original characters it came from.
_Char = tuple[str, int, int]


@dataclass(frozen=True)
class Normalized:
    """A normalized copy of `original` with an offset map back into it."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of `text` to the matching span of `original`."""
        if not self.text or end <= start:
            return (0, 0)
        return (self.starts[start], self.ends[end - 1])


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """Case-fold, NFKC and strip accents from one character; drop invisible ones."""
    category = unicodedata.category(ch)
    if category in ("Cf", "Cs", "Mn", "Me") or (category == "Cc" and ch not in "\n\t\r"):
        return ""  # zero-width joiners, soft hyphens and lone surrogates hide letters
    if ch in _APOSTROPHES:
        return "'"
    folded = unicodedata.normalize("NFKC", ch).lower()
    folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return "".join(_HOMOGLYPHS.get(c, c) for c in folded)


def _fold(text: str) -> list[_Char]:
    out: list[_Char] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        if len(folded) == 1:
            out.append((folded, i, i + 1))
        else:
            out.extend((c, i, i + 1) for c in folded)
    return out


def _is_token_char(ch: str) -> bool:
    return ch.isalnum() or ch in _LEET


def _unleet(chars: list[_Char]) -> list[_Char]:
    """Map leetspeak only inside tokens that hold a real letter: "su1c1de" becomes
    "suicide" but "5 kms" and "24/7" stay numbers."""
    out = list(chars)
    i = 0
    while i < len(out):
        if not _is_token_char(out[i][0]):
            i += 1
            continue
        j = i
        while j < len(out) and _is_token_char(out[j][0]):
            j += 1
        if any(c in _ASCII_LETTER for c, _, _ in out[i:j]):
            for k in range(i, j):
                c, s, e = out[k]
                # "!" ends sentences: only read it as "i" between two letters ("k!ll").
                if c == "!" and not (i < k < j - 1 and out[k - 1][0].isalpha() and out[k + 1][0].isalpha()):
                    continue
                out[k] = (_LEET.get(c, c), s, e)
        i = j
    return out


def _drop_inner_apostrophes(chars: list[_Char]) -> list[_Char]:
    """ "don't" → "dont", "I'm" → "im": phrase lists then need one spelling only."""
    keep: list[_Char] = []
    for k, item in enumerate(chars):
        if (
            item[0] == "'"
            and 0 < k < len(chars) - 1
            and chars[k - 1][0].isalpha()
            and chars[k + 1][0].isalpha()
        ):
            continue
        keep.append(item)
    return keep


def _join_spaced_letters(chars: list[_Char]) -> list[_Char]:
    """ "k i l l" / "s.u.i.c.i.d.e" → "kill" / "suicide" (runs of 3+ single letters)."""
    text = "".join(c for c, _, _ in chars)
    drop: set[int] = set()
    for m in _SPACED.finditer(text):
        drop.update(k for k in range(m.start(), m.end()) if not text[k].isalpha())
    return [item for k, item in enumerate(chars) if k not in drop] if drop else chars


def _squeeze(chars: list[_Char]) -> list[_Char]:
    """Squeeze 3+ repeats of a letter to 2 ("killlll" → "kill"); patterns accept any count."""
    out: list[_Char] = []
    for item in chars:
        if len(out) >= 2 and item[0].isalpha() and out[-1][0] == item[0] == out[-2][0]:
            continue
        out.append(item)
    return out


def normalize(text: str) -> Normalized:
    """Return the normalized form of `text` with offsets back into it. Never raises."""
    chars = _squeeze(_join_spaced_letters(_drop_inner_apostrophes(_unleet(_fold(text)))))
    return Normalized(
        original=text,
        text="".join(c for c, _, _ in chars),
        starts=tuple(s for _, s, _ in chars),
        ends=tuple(e for _, _, e in chars),
    )


_SEP = r"[\W_]+"
_OPTIONAL_SEP = r"[\W_]*"
_GAP = r"(?:[a-z0-9]+[\W_]+){0,3}"


def compile_phrase(source: str, plural: bool = False) -> re.Pattern[str]:
    """Compile a phrase written in the moderation pattern language.

    - letters/digits: literal, each letter tolerating repeats ("die" matches "diie");
      a doubled letter needs at least two ("ass" never matches "as")
    - space: one or more non-word characters; `_`: optional separator ("self_harm")
    - `( | )`: grouping and alternatives; `?`: the previous letter or group is optional
    - `*`: any further letters (inflection, "suicid*"); `~`: up to three extra words
    The whole phrase must start and end on word boundaries. Apostrophes are not
    written: normalization removes them ("dont", "im"). `plural` also accepts a
    strict "s"/"es" ending ("idiots"; never "assess" for "ass").
    """
    parts: list[str] = []
    i = 0
    while i < len(source):
        ch = source[i]
        if ch.isalnum():
            j = i
            while j < len(source) and source[j] == ch:
                j += 1
            n = j - i
            parts.append(re.escape(ch) + ("+" if n == 1 else f"{{{n},}}"))
            i = j
            continue
        if ch == "?":
            parts[-1] = parts[-1] + "?" if parts[-1] == ")" else f"(?:{parts[-1]})?"
        else:
            parts.append(
                {" ": _SEP, "_": _OPTIONAL_SEP, "(": "(?:", ")": ")", "|": "|", "*": "[a-z]*", "~": _GAP}[ch]
            )
        i += 1
    suffix = "(?:e?s)?" if plural else ""
    return re.compile(r"(?<![a-z0-9])(?:" + "".join(parts) + ")" + suffix + r"(?![a-z0-9])")
