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

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeAlias

from .spelling import _HOMOGLYPHS, _respell, _Work

_APOSTROPHES = frozenset("\u2018\u2019\u02bc\u2032\u0060\u00b4")
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
_SPACED = re.compile(r"(?<![a-z0-9])[a-z](?:[ .\-_*~|+]{1,3}[a-z](?![a-z0-9])){2,}")
_ASCII_LETTER = frozenset("abcdefghijklmnopqrstuvwxyz")

_ASCII_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LEET_CHAR = re.compile(r"[013457@$!]")
_APOSTROPHE = re.compile("'")
_RUN3 = re.compile(r"(.)\1\1+", re.S)


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


def _fold(text: str) -> _Work:
    if text.isascii() and not _ASCII_CONTROL.search(text):
        # The common case, one character for one: lowercase is the whole fold.
        return text.lower().replace("`", "'"), list(range(len(text))), list(range(1, len(text) + 1))
    chars: list[str] = []
    starts: list[int] = []
    for i, ch in enumerate(text):
        for c in _fold_char(ch):
            chars.append(c)
            starts.append(i)
    return "".join(chars), starts, [s + 1 for s in starts]


def _is_token_char(ch: str) -> bool:
    return ch.isalnum() or ch in _LEET


def _unleet(text: str) -> str:
    """Map leetspeak only inside tokens that hold a real letter: "su1c1de" becomes
    "suicide" but "5 kms" and "24/7" stay numbers. One character for one."""
    if not _LEET_CHAR.search(text):
        return text
    out = list(text)
    done = 0
    for m in _LEET_CHAR.finditer(text):
        if m.start() < done:
            continue  # already handled with its token
        i = j = m.start()
        while i > 0 and _is_token_char(out[i - 1]):
            i -= 1
        while j < len(out) and _is_token_char(out[j]):
            j += 1
        done = j
        if not any(c in _ASCII_LETTER for c in out[i:j]):
            continue
        for k in range(i, j):
            c = out[k]
            # "!" ends sentences: only read it as "i" between two letters ("k!ll").
            if c == "!" and not (i < k < j - 1 and out[k - 1].isalpha() and out[k + 1].isalpha()):
                continue
            out[k] = _LEET.get(c, c)
    return "".join(out)


def _inner_apostrophes(text: str) -> list[int]:
    """ "don't" → "dont", "I'm" → "im": phrase lists then need one spelling only."""
    return [
        k
        for k in (m.start() for m in _APOSTROPHE.finditer(text))
        if 0 < k < len(text) - 1 and text[k - 1].isalpha() and text[k + 1].isalpha()
    ]


def _spaced_letter_gaps(text: str) -> list[int]:
    """ "k i l l" / "s.u.i.c.i.d.e" → "kill" / "suicide" (runs of 3+ single letters)."""
    return [k for m in _SPACED.finditer(text) for k in range(m.start(), m.end()) if not text[k].isalpha()]


def _repeats(text: str) -> list[int]:
    """Squeeze 3+ repeats of a letter to 2 ("killlll" → "kill"); patterns accept any count."""
    return [k for m in _RUN3.finditer(text) if m.group(1).isalpha() for k in range(m.start() + 2, m.end())]


def _delete(work: _Work, drop: list[int]) -> _Work:
    """`work` without the characters at the (sorted) positions in `drop`."""
    if not drop:
        return work
    text, starts, ends = work
    pieces: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    prev = 0
    for k in [*drop, len(text)]:
        if k > prev:
            pieces.append(text[prev:k])
            new_starts += starts[prev:k]
            new_ends += ends[prev:k]
        prev = k + 1
    return "".join(pieces), new_starts, new_ends


def normalize(text: str) -> Normalized:
    """Return the normalized form of `text` with offsets back into it. Never raises."""
    folded, starts, ends = _fold(text)
    work: _Work = (_unleet(folded), starts, ends)
    for step in (_inner_apostrophes, _spaced_letter_gaps, _repeats):
        work = _delete(work, step(work[0]))
    out, starts, ends = _respell(work)
    return Normalized(original=text, text=out, starts=tuple(starts), ends=tuple(ends))


_SEP = r"[\W_]+"
_OPTIONAL_SEP = r"[\W_]*"
# Extra words a `~` may skip: never a negation ("want to ~ die" must not read "want to
# never die") and never a new person ("I wish he would die" is not "I wish ... die").
_NOT_FILLER = (
    r"(?:not|never|no|dont|didnt|doesnt|wont|wouldnt|cant|cannot|shouldnt|havent|isnt|arent|"
    r"he|she|they|you|we|hes|shes|theyre|youre|hed|shed|theyd|youd|him|her|them|us|me)"
)
_GAP = rf"(?:(?!{_NOT_FILLER}[\W_])[a-z0-9]+[\W_]+){{0,3}}"
_NUMBER = r"[0-9]+"
# "(?<![a-z0-9])" as the first thing in a pattern stops `re` from skipping ahead to
# the characters a match can start with, which makes every pattern ~5x slower. So
# the boundary is checked right after the first letter wherever that is possible.
_BOUNDARY = r"(?<![a-z0-9])"
_BOUNDARY_AFTER_FIRST = r"(?<![a-z0-9].)"

# Parsed phrases: ("lit", letter, min_count) | ("raw", regex) | ("group", [seq, ...]) | ("opt", node)
# (mypy cannot narrow a union of tuples on their first item, so a node is a plain tuple.)
_Node: TypeAlias = tuple[Any, ...]
_RAW = {" ": _SEP, "_": _OPTIONAL_SEP, "*": "[a-z]*", "~": _GAP, "#": _NUMBER}


def _parse_phrase(source: str) -> list[_Node]:
    stack: list[list[list[_Node]]] = [[[]]]  # groups being read, each a list of alternatives
    i = 0
    while i < len(source):
        ch = source[i]
        seq = stack[-1][-1]
        if ch.isalnum():
            j = i
            while j < len(source) and source[j] == ch:
                j += 1
            seq.append(("lit", ch, j - i))
            i = j
            continue
        if ch == "(":
            stack.append([[]])
        elif ch == "|":
            stack[-1].append([])
        elif ch == ")":
            alternatives = stack.pop()
            stack[-1][-1].append(("group", alternatives))
        elif ch == "?":
            seq[-1] = ("opt", seq[-1])
        elif ch in _RAW:
            seq.append(("raw", _RAW[ch]))
        else:
            raise ValueError(f"{ch!r} is not part of the phrase language: {source!r}")
        i += 1
    if len(stack) != 1:
        raise ValueError(f"unbalanced parentheses in phrase {source!r}")
    alternatives = stack[0]
    return alternatives[0] if len(alternatives) == 1 else [("group", alternatives)]


def _factor(alternatives: list[list[_Node]]) -> list[list[_Node]]:
    """Merge neighbouring alternatives that start with the same letter into one
    ("want|wants|wanted" → "want(|s|ed)"), so `re` reads a long word list as a
    trie instead of trying every word. Only neighbours merge, so the order in
    which alternatives are tried, and therefore every match, stays the same."""
    out: list[list[_Node]] = []
    i = 0
    while i < len(alternatives):
        alt = alternatives[i]
        j = i + 1
        if alt and alt[0][0] == "lit":
            while j < len(alternatives) and alternatives[j][:1] == alt[:1]:
                j += 1
        if j - i == 1:
            out.append(alt)
        else:
            out.append([alt[0], ("group", _factor([a[1:] for a in alternatives[i:j]]))])
        i = j
    return out


def _emit_group(alternatives: list[list[_Node]], boundary: bool) -> str:
    factored = _factor(alternatives)
    if len(factored) == 1:
        return _emit_seq(factored[0], boundary)
    return "(?:" + "|".join(_emit_seq(alt, boundary) for alt in factored) + ")"


def _emit_node(node: _Node) -> str:
    kind = node[0]
    if kind == "lit":
        ch: str = node[1]
        n: int = node[2]
        return re.escape(ch) * n + re.escape(ch) + "*"
    if kind == "raw":
        regex: str = node[1]
        return regex
    if kind == "group":
        return "(?:" + _emit_group(node[1], False) + ")"
    inner = _emit_node(node[1])
    return inner + "?" if node[1][0] == "group" else f"(?:{inner})?"


def _emit_seq(seq: list[_Node], boundary: bool) -> str:
    """`seq` as a regex; with `boundary`, a match must not start inside a word."""
    if not boundary:
        return "".join(_emit_node(node) for node in seq)
    if seq and seq[0][0] == "lit":
        ch: str = seq[0][1]
        n: int = seq[0][2]
        first = re.escape(ch) + _BOUNDARY_AFTER_FIRST + re.escape(ch) * (n - 1) + re.escape(ch) + "*"
        return first + _emit_seq(seq[1:], False)
    if seq and seq[0][0] == "group" and all(seq[0][1]):
        return "(?:" + _emit_group(seq[0][1], True) + ")" + _emit_seq(seq[1:], False)
    return _BOUNDARY + _emit_seq(seq, False)


def compile_phrase(source: str, plural: bool = False) -> re.Pattern[str]:
    """Compile a phrase written in the moderation pattern language.

    - letters/digits: literal, each letter tolerating repeats ("die" matches "diie");
      a doubled letter needs at least two ("ass" never matches "as")
    - space: one or more non-word characters; `_`: optional separator ("self_harm")
    - `( | )`: grouping and alternatives; `?`: the previous letter or group is optional
    - `*`: any further letters (inflection, "suicid*"); `~`: up to three extra words,
      none of them a negation or a pronoun for someone else; `#`: a number ("took 30 pills")
    The whole phrase must start and end on word boundaries. Apostrophes are not
    written: normalization removes them ("dont", "im"). `plural` also accepts a
    strict "s"/"es" ending ("idiots"; never "assess" for "ass").
    """
    suffix = "(?:e?s)?" if plural else ""
    body = _emit_seq(_parse_phrase(source), True)
    return re.compile("(?:" + body + ")" + suffix + r"(?![a-z0-9])")


# ---------------------------------------------------------------- prefilter
# A text of a few thousand characters is searched by well over a hundred crisis
# patterns. Most of them cannot match because a word they need is absent, so
# each phrase also yields its "anchors": word beginnings of which every match
# contains at least one. A pattern only runs when the text has one of them.

ANCHOR_LENGTH = 6
_REPEATED = re.compile(r"([a-z0-9])\1+")
_TOKEN = re.compile(r"[a-z0-9]+")
# Words too common to make a useful anchor (letter runs already collapsed).
_COMMON = frozenset(
    "i im ive id il me my to a the and of in on it is be so just that this for with was at not but he "
    "she they you we al wil can get got have had do dont want go going gona wana fel like about out up "
    "what when if or no are am an as by from there now".split()
)


def _collapse(word: str) -> str:
    return _REPEATED.sub(r"\1", word)


def _after(seq: list[_Node], at_start: bool) -> bool:
    """Whether the end of `seq` is surely the start of a new word."""
    for node in seq:
        kind = node[0]
        if kind == "raw":
            at_start = node[1] == _SEP or (node[1] == _GAP and at_start)
        elif kind == "group":
            at_start = all(_after(alt, at_start) for alt in node[1])
        elif kind == "opt":
            at_start = at_start and _after([node[1]], at_start)
        else:
            at_start = False
    return at_start


def _cost(anchors: frozenset[str]) -> int:
    return sum(100 if a in _COMMON else 50 if len(a) <= 2 else 3 if len(a) == 3 else 1 for a in anchors)


def _anchor_sets(seq: list[_Node], at_start: bool) -> list[frozenset[str]]:
    """Every anchor set `seq` guarantees, one per word it requires."""
    found: list[frozenset[str]] = []
    for node in seq:
        if node[0] == "lit" and at_start:
            found.append(frozenset([_collapse(_literal_run(seq, node))[:ANCHOR_LENGTH]]))
        elif node[0] == "group":
            union = _union_unless_none([_anchors(alt, at_start) for alt in node[1]])
            if union is not None:
                found.append(union)
        at_start = _after([node], at_start)
    return found


def _union_unless_none(sets: list[frozenset[str] | None]) -> frozenset[str] | None:
    """The union of `sets`, or None when any of them is None (an alternative with no anchor)."""
    present = [s for s in sets if s is not None]
    return frozenset[str]().union(*present) if len(present) == len(sets) else None


def _literal_run(seq: list[_Node], first: _Node) -> str:
    i = next(k for k, node in enumerate(seq) if node is first)
    j = i
    while j < len(seq) and seq[j][0] == "lit":
        j += 1
    return "".join(n[1] for n in seq[i:j])


def _anchors(seq: list[_Node], at_start: bool) -> frozenset[str] | None:
    """The cheapest anchor set `seq` guarantees, or None when it guarantees none."""
    best: frozenset[str] | None = None
    i = 0
    while i < len(seq):
        node = seq[i]
        found: frozenset[str] | None = None
        if node[0] == "lit" and at_start:
            j = i
            while j < len(seq) and seq[j][0] == "lit":
                j += 1
            found = frozenset([_collapse("".join(n[1] for n in seq[i:j]))[:ANCHOR_LENGTH]])
        elif node[0] == "group":
            found = _union_unless_none([_anchors(alt, at_start) for alt in node[1]])
        if found is not None and (best is None or _cost(found) < _cost(best)):
            best = found
        at_start = _after([node], at_start)
        i += 1
    return best


def phrase_anchors(source: str) -> frozenset[str] | None:
    """Word beginnings (repeated letters collapsed, at most ANCHOR_LENGTH long) of
    which any match of `source` contains one; None when no such set is known."""
    return _anchors(_parse_phrase(source), True)


def phrase_requirements(source: str) -> tuple[frozenset[str], ...]:
    """One anchor set per word a match of `source` requires: a text lacking any one
    of them cannot match ("jump ... off ... bridge" needs a jump and a height)."""
    return tuple(_anchor_sets(_parse_phrase(source), True))


@lru_cache(maxsize=65536)
def _word_anchors(word: str, wanted: frozenset[str]) -> tuple[str, ...]:
    return tuple(word[:n] for n in range(1, min(len(word), ANCHOR_LENGTH) + 1) if word[:n] in wanted)


def anchor_spans(text: str, wanted: frozenset[str]) -> dict[str, list[tuple[int, int]]]:
    """Where in a normalized text each anchor in `wanted` occurs: anchor → the
    [start, end) of every word beginning with it (repeated letters collapsed)."""
    # Collapsing repeats never crosses a word, so the i-th collapsed word is the i-th word.
    words = _TOKEN.findall(_REPEATED.sub(r"\1", text))
    by_word: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        by_word.setdefault(word, []).append(i)
    found: dict[str, list[int]] = {}
    for word, indexes in by_word.items():
        for anchor in _word_anchors(word, wanted):
            found.setdefault(anchor, []).extend(indexes)
    if not found:
        return {}
    spans = [m.span() for m in _TOKEN.finditer(text)]
    return {anchor: [spans[i] for i in indexes] for anchor, indexes in found.items()}
