"""A second opinion for the crisis rules: a small linear scorer over classes of words.

Phrase rules catch what they were written for and miss the next paraphrase
("won't be around after friday so don't bother saving me a seat"). This scorer
reads what a message is made of instead (`crisis_lexicon.CONCEPTS`: a self, a way
of not being here, a means, a time, a decision, a goodbye, an act under way, and
the marks of talk *about* suicide: helping, media, the past, jokes, ordinary
plans), which pairs of those meet within a sentence or the next, and which
context the rules already found (a hit explained as "past", "helping", ...). A
logistic model weighs them (`crisis_score_weights`, fitted by
`bench/fit_crisis_score.py` on the project's own labelled sentences only — never
on the crisis-dev corpus, which stays a held-out measure).

It only ever adds, and never holds: when the rules found no current crisis sign
and the score reaches `DISTRESS_AT`, one distress signal (rule id
`score.indirect`): help shown to the writer at once, the post published behind a
content note and queued for a moderator's check-in. Holding and staff alerts stay
with the rules, whose imminent signs are precise; a lexical score is not.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable

from .crisis_context import FIRST_PERSON, SECOND_PERSON
from .crisis_lexicon import COMPILED, PAIRS
from .crisis_score_weights import BIAS, WEIGHTS

RULE_ID = "score.indirect"  # the stable id its signals carry
DISTRESS_AT = 0.65
_SENTENCES = re.compile(r"[^.!?;\n]+")


_WORDS = re.compile(r"[a-z]+")
# Counted for "who is this about": the subject pronouns the rules' context reads, plus possessives.
_FIRST_PERSON = FIRST_PERSON | {"my", "mine"}
_THIRD_PERSON = frozenset("he hes him his she shes her hers they theyre them their".split())
_SECOND_PERSON = SECOND_PERSON | {"yours"}


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of a normalized text (chat lines without stops are one)."""
    return [(m.start(), m.end()) for m in _SENTENCES.finditer(text) if m.group().strip()]


def concepts_by_sentence(text: str, spans: list[tuple[int, int]]) -> list[frozenset[str]]:
    """Which concepts each sentence holds: one scan of the text per concept, each match
    placed in its sentence by its start (far cheaper than every concept on every sentence)."""
    starts = [start for start, _ in spans]
    found: list[set[str]] = [set() for _ in spans]
    for name, pattern in COMPILED.items():
        for m in pattern.finditer(text):
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0 and m.start() < spans[i][1]:
                found[i].add(name)
    return [frozenset(names) for names in found]


def features(text: str, whys: Iterable[str] = ()) -> set[str]:
    """The active features of a normalized text; `whys` are the rules' topic reasons."""
    spans = sentences(text)
    per = concepts_by_sentence(text, spans)
    active: set[str] = set()
    for i, here in enumerate(per):
        active |= here
        window = here | per[i + 1] if i + 1 < len(per) else here
        for a, b in PAIRS:
            if a in window and b in window:
                active.add(f"{a}*{b}")
    active |= {f"why:{why}" for why in whys}
    words = _WORDS.findall(text)
    second = sum(word in _SECOND_PERSON for word in words)
    if second >= 3 and second > sum(word in _FIRST_PERSON for word in words):
        active.add("you_heavy")  # a reply to someone else: "you" outnumbers "I"
    third = sum(word in _THIRD_PERSON for word in words)
    if third >= 4 and third >= sum(word in _FIRST_PERSON for word in words):
        active.add("they_heavy")  # a story about someone else: "she", "her", "him" as often as "I"
    if len(text) > 400:
        active.add("long")
    return active


def probability(active: set[str]) -> float:
    z = BIAS + sum(WEIGHTS.get(name, 0.0) for name in sorted(active))  # a fixed order: the same float every run
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def focus(text: str) -> tuple[int, int]:
    """The sentence a moderator should look at first: the one with the most crisis classes."""
    spans = sentences(text) or [(0, len(text))]
    per = concepts_by_sentence(text, spans)
    weight = {"death": 3, "gone": 3, "means": 2, "harm": 2, "final": 2, "burden": 1, "hopeless": 1, "act": 1}
    best = max(range(len(spans)), key=lambda i: sum(weight.get(c, 0) for c in per[i]))
    return spans[best]
