"""Spelling repair and look-alike letters for `moderation.normalize`.

`_HOMOGLYPHS` maps Cyrillic/Greek letters NFKC leaves alone to the Latin ones they
imitate; `_respell` replaces known misspellings of the words crisis detection
depends on, keeping the offset map back into the original text.
"""

# The look-alike table below is deliberately full of Cyrillic/Greek letters:
# ruff: noqa: RUF001

from __future__ import annotations

import re

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

# The working form of a text being normalized: its characters and, for each one,
# the [start, end) of the original characters it came from.
_Work = tuple[str, list[int], list[int]]


# Misspellings of the words crisis detection depends on, as people type them in a hurry,
# on a phone or in a second language ("i wil take al the pils tonite"). Whole words only,
# and never a spelling that is itself a common word ("overdoes", "ded" as a name).
_RESPELL = {
    "pils": "pills", "pilss": "pills", "tabelts": "tablets", "tablts": "tablets",
    "tabs": "tablets", "medecine": "medicine", "medicin": "medicine", "sleping": "sleeping",
    "brige": "bridge", "bridg": "bridge", "brigde": "bridge", "birdge": "bridge", "platfrom": "platform",
    "wil": "will", "al": "all", "tonite": "tonight", "tonigt": "tonight", "tonihgt": "tonight",
    "2nite": "tonight", "2night": "tonight", "tnight": "tonight", "tomorow": "tomorrow",
    "tommorow": "tomorrow", "tommorrow": "tomorrow", "tomorrw": "tomorrow", "2moro": "tomorrow",
    "kil": "kill", "myslef": "myself", "mysef": "myself", "myslf": "myself", "meself": "myself",
    "mself": "myself", "sucide": "suicide", "suicde": "suicide", "suiside": "suicide", "suicid": "suicide",
    "sucidal": "suicidal", "suicidel": "suicidal", "sucidial": "suicidal", "suicidial": "suicidal",
    "overdoze": "overdose", "overdos": "overdose", "dieing": "dying", "cuting": "cutting", "hurtin": "hurting",
    "killin": "killing", "jumpin": "jumping", "goin": "going", "gona": "gonna", "wnat": "want", "wamt": "want",
    "lyf": "life", "lif": "life", "anymor": "anymore", "anymroe": "anymore", "noone": "no one",
    # Split, misheard or voice-typed forms (several words, matched as one phrase).
    "sewer slide": "sewerslide", "sewer side": "sewerslide", "sue aside": "suicide", "sui side": "suicide",
    "soo side": "suicide", "un alive": "unalive", "kill my shelf": "kill myself", "to and my life": "to end my life",
    "no want live": "dont want to live", "no want to live": "dont want to live", "not want live": "dont want to live",
}
_RESPELL_RE = re.compile(r"(?<![a-z0-9])(" + "|".join(sorted(map(re.escape, _RESPELL), key=len, reverse=True))
                         + r")(?![a-z0-9])")


def _respell(work: _Work) -> _Work:
    """Replace known misspellings; each new letter maps to the whole misspelt word."""
    text, starts, ends = work
    if not _RESPELL_RE.search(text):
        return work
    pieces: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    prev = 0
    for m in _RESPELL_RE.finditer(text):
        pieces.append(text[prev : m.start()])
        new_starts += starts[prev : m.start()]
        new_ends += ends[prev : m.start()]
        word = _RESPELL[m.group()]
        pieces.append(word)
        new_starts += [starts[m.start()]] * len(word)
        new_ends += [ends[m.end() - 1]] * len(word)
        prev = m.end()
    pieces.append(text[prev:])
    new_starts += starts[prev:]
    new_ends += ends[prev:]
    return "".join(pieces), new_starts, new_ends
