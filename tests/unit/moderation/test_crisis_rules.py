"""Every crisis rule's own evidence, generated from the rule data (moderation/crisis_rules/).

For each rule: its `examples` must produce a hit of that rule at the rule's tier (a
cue counts when it is found at all: it only ever works together with another sign),
and its `not_examples` must not (no hit, or a topic one).
"""

from __future__ import annotations

import pytest

from moderation.crisis import RULES, detect_crisis, explain, matches, present_anchors
from moderation.crisis_rules import ALL_RULES
from moderation.model import TIER_RANK
from moderation.normalize import normalize

EXAMPLES = [(rule.id, text) for rule in ALL_RULES for text in rule.examples]
NOT_EXAMPLES = [(rule.id, text) for rule in ALL_RULES for text in rule.not_examples]
BY_ID = {rule.id: rule for rule in ALL_RULES}


def _tiers(rule_id: str, text: str) -> list[str]:
    return [h.tier for h in explain(normalize(text)) if h.rule_id == rule_id]


def test_rule_ids_are_unique_and_dotted() -> None:
    ids = [rule.id for rule in ALL_RULES]
    assert len(ids) == len(set(ids))
    assert all("." in i and i == i.lower() for i in ids)


@pytest.mark.parametrize(("rule_id", "text"), EXAMPLES, ids=[f"{i}:{t[:30]}" for i, t in EXAMPLES])
def test_rule_catches_its_examples(rule_id: str, text: str) -> None:
    rule = BY_ID[rule_id]
    tiers = _tiers(rule_id, text)
    # A time word or a decision may raise a distress rule's hit to imminent; never lower it.
    assert any(TIER_RANK[t] >= TIER_RANK[rule.tier] for t in tiers), (rule_id, text, tiers)


@pytest.mark.parametrize(("rule_id", "text"), NOT_EXAMPLES, ids=[f"{i}:{t[:30]}" for i, t in NOT_EXAMPLES])
def test_rule_leaves_its_not_examples(rule_id: str, text: str) -> None:
    if BY_ID[rule_id].cue:  # a cue is found alone but never reported alone
        assert not [s for s in detect_crisis(text) if s.rule == rule_id and s.tier != "topic"]
    else:
        assert set(_tiers(rule_id, text)) <= {"topic"}, (rule_id, text)


def test_prefilter_only_skips_text_a_rule_could_not_match() -> None:
    """Running a rule only around its anchor words finds exactly what a full scan finds."""
    texts = [normalize(t).text for _, t in EXAMPLES + NOT_EXAMPLES]
    texts.append(normalize(" ".join(t for _, t in EXAMPLES + NOT_EXAMPLES)).text)
    for text in texts:
        where, present = present_anchors(text)
        for index, compiled in enumerate(RULES):
            full = [m.span() for m in compiled.pattern.finditer(text)]
            assert [m.span() for m in matches(index, text, where, present)] == full, compiled.rule.id
