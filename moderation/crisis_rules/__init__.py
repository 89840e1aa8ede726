"""Crisis rules as typed Python data, one module per family of signs.

Why Python data modules rather than TOML: the vocabularies compose by f-string
("{INTENT} {TO}~(jump*|leap*) (off|from) ~{HEIGHT}"), which TOML could only do
with a templating layer of its own; mypy and ruff check every rule (a misspelt
field or vocabulary is an import error, not a silent no-match); and nothing is
parsed at import time beyond compiling the regexes. Each rule carries its own
`examples` and `not_examples`, so a rule and the evidence for it are reviewed
together, and tests/unit/moderation/test_crisis_rules.py runs them all.
"""

from __future__ import annotations

from . import (
    absence,
    act_pictured,
    at_hand,
    extra,
    final_arrangements,
    goodbyes,
    hopeless,
    in_sight,
    indirect,
    last_steps,
    means,
    others,
    plans,
    present_harm,
    quiet_signs,
    second_language,
    self_harm,
    sideways,
    under_way,
    wishes,
    words,
)
from .base import CONCERN, SELF_HARM, SUICIDAL, Rule

# Order matters: it breaks ties when overlapping hits are resolved. A module split
# in two keeps its place, the second part right after the first; present_harm and
# act_pictured (both split out of indirect) interleave as their rules always have.
ALL_RULES: tuple[Rule, ...] = (
    *words.RULES,
    *plans.RULES,
    *means.RULES,
    *goodbyes.RULES,
    *final_arrangements.RULES,
    *wishes.RULES,
    *absence.RULES,
    *hopeless.RULES,
    *self_harm.RULES,
    *others.RULES,
    *extra.RULES,
    *indirect.RULES,
    *present_harm.RULES,
    *act_pictured.RULES,
    *present_harm.LATER_RULES,
    *at_hand.RULES,
    *under_way.RULES,
    *quiet_signs.RULES,
    *last_steps.RULES,
    *in_sight.RULES,
    *second_language.RULES,
    *sideways.RULES,
)

__all__ = ["ALL_RULES", "CONCERN", "SELF_HARM", "SUICIDAL", "Rule"]
