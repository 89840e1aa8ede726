"""The project's own labelled crisis table (tests/data/crisis_table.json).

Over 300 sentences written for SecureBase (never copied from any dataset) across
every context the detector must read: plans and means, indirect goodbyes,
ideation, self-harm, concern for someone else, recovery, helping and prevention,
media, language advice, jokes, negation, typos and algospeak, and everyday
attachment pain. `tier` is the expected crisis tier: imminent and distress must
show help; topic and null must not.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import moderation

TABLE = json.loads((Path(__file__).resolve().parents[2] / "data" / "crisis_table.json").read_text())
CRISIS = [r for r in TABLE if r["tier"] in ("imminent", "distress")]
SAFE = [r for r in TABLE if r["tier"] not in ("imminent", "distress")]


def test_table_is_big_and_unique() -> None:
    texts = [r["text"] for r in TABLE]
    assert len(texts) >= 300 and len(set(texts)) == len(texts)


@pytest.mark.parametrize("row", CRISIS, ids=[r["text"][:50] for r in CRISIS])
def test_crisis_shows_help(row: dict[str, str]) -> None:
    assert moderation.review(row["text"]).show_help


@pytest.mark.parametrize("row", SAFE, ids=[r["text"][:50] for r in SAFE])
def test_not_crisis_pushes_no_help(row: dict[str, str]) -> None:
    decision = moderation.review(row["text"])
    assert not decision.show_help
    if row["tier"] == "topic":
        assert decision.crisis_tier == "topic" and decision.content_note in ("suicide", "self-harm")


def test_summary_and_tiers(capsys: pytest.CaptureFixture[str]) -> None:
    decisions = [(r, moderation.review(r["text"])) for r in TABLE]
    caught = sum(d.show_help for r, d in decisions if r in CRISIS)
    alarms = sum(d.show_help for r, d in decisions if r in SAFE)
    holds = [(r, d) for r, d in decisions if d.action == "hold" and d.crisis]
    true_holds = sum(r["tier"] in ("imminent", "distress") for r, _ in holds)
    imminent = [d for r, d in decisions if r["tier"] == "imminent"]
    held = sum(d.action == "hold" for d in imminent)
    distress = [d for r, d in decisions if r["tier"] == "distress"]
    published = sum(d.action == "allow_with_help" for d in distress)
    with capsys.disabled():
        print(
            f"\ncrisis table: help recall {caught}/{len(CRISIS)}, false alarms {alarms}/{len(SAFE)}, "
            f"hold precision {true_holds}/{len(holds)}, imminent held {held}/{len(imminent)}, "
            f"distress published with help {published}/{len(distress)}"
        )
    assert caught == len(CRISIS) and alarms == 0
    assert held >= 0.9 * len(imminent)
    assert published >= 0.8 * len(distress)  # the rest were raised to imminent by a time or a decision
