"""The type every crisis rule is written in."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import CrisisTier

SUICIDAL = "suicidal_ideation"
SELF_HARM = "self_harm"
CONCERN = "concern_for_other"


@dataclass(frozen=True)
class Rule:
    """One crisis pattern and the evidence for it.

    `pattern` is in the phrase language of `normalize.compile_phrase`. `tier` is what a
    plain, first-person, current match means; context (negation, past, media, prevention,
    jokes) can only lower it to "topic", and a time word or a decision can raise a
    distress hit to imminent. `examples` must be caught by this rule at `tier`;
    `not_examples` must not be (no hit, or only a topic one). Both are run by
    tests/unit/moderation/test_crisis_rules.py.
    """

    id: str  # stable: moderators' dashboards and the server's logs refer to it
    tier: CrisisTier
    pattern: str
    label: str = SUICIDAL
    anyone: bool = False  # no subject in the phrase: a third-person subject makes it concern
    weak: bool = False  # a weaker sign: dropped when negated, raised by a time word
    cue: bool = False  # never reported alone ("before I go"); counts with another sign
    final: bool = False  # a goodbye or final arrangement: with any other sign, imminent
    self_only: bool = False  # crisis only when the sentence speaks of the writer alone ("suicide" the bare word)
    raw: bool = False  # `pattern` is a plain regex (emoji), run on every message: keep it cheap
    keep_negated: bool = False  # a "not" keeps the wish ("I don't have the guts to do it")
    keep_past: bool = False  # a past tense keeps it current ("after my two failed attempts")
    serious: bool = False  # never a joke, whatever else the text says ("when I am dead")
    veto_before: str | None = None  # regex on the clause before the match
    veto_after: str | None = None  # regex on the text right after the match
    soften_after: str | None = None  # regex after the match that makes it topic talk ("suicide prevention")
    examples: tuple[str, ...] = ()
    not_examples: tuple[str, ...] = ()
