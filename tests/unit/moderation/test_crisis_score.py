"""The crisis scorer: a second opinion that only adds distress, fitted on the project's own sentences."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

import moderation
from moderation import crisis_score
from moderation.crisis import detect_crisis
from moderation.crisis_lexicon import CONCEPTS, PAIRS
from moderation.crisis_score_weights import BIAS, WEIGHTS

ROOT = Path(__file__).parents[3]
BLIND = json.loads((ROOT / "tests" / "data" / "crisis_blind.json").read_text("utf-8"))
# What each blind set gives now (help shown on its crisis rows, false alarms on the others):
# a floor and a ceiling, so a change to the rules, the lexicon or the weights cannot quietly
# lose what it catches or add alarms. Their first runs, recorded in the file, were lower.
FLOORS = {
    "chat": (43, 4),
    "hard": (50, 11),
    "posts": (27, 4),
    "mixed": (65, 3),
    "mixed2": (69, 6),
    "youth": (66, 5),
    "depression": (60, 3),
    "lookalikes": (61, 12),
    "longposts": (41, 14),
    "attachment": (67, 5),
    "everyday": (44, 5),
    "situations": (68, 4),
    "brief": (85, 6),
    "veiled": (56, 6),
    "mixed3": (77, 4),
    "helpers": (39, 17),
    "plain": (81, 0),
    "longposts2": (51, 7),
    "goodbyes": (48, 1),
    "mixed4": (94, 14),
    "forum4": (74, 9),
    "mixed5": (88, 5),
    "replies5": (66, 7),
}


def _fit_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("fit_crisis_score", ROOT / "bench" / "fit_crisis_score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_weights_name_only_real_features() -> None:
    known = set(CONCEPTS) | {f"{a}*{b}" for a, b in PAIRS} | {"long", "you_heavy", "they_heavy"}
    for name in WEIGHTS:
        assert name in known or name.startswith("why:"), name


def test_weights_are_what_the_fitter_writes() -> None:
    """The generated module is up to date with the lexicon and the labelled sentences."""
    fit = _fit_module()
    samples = [(*fit.featurize(text), y) for text, y in fit.labelled()]
    bias, weights = fit.fit(samples)
    assert round(bias, 3) == BIAS
    assert weights == WEIGHTS


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_blind_set_floor(name: str) -> None:
    rows = next(s for s in BLIND["sets"] if s["name"] == name)["rows"]
    helped = sum(moderation.review(r["text"]).show_help for r in rows if r["label"] == "crisis")
    alarms = sum(moderation.review(r["text"]).show_help for r in rows if r["label"] != "crisis")
    floor, ceiling = FLOORS[name]
    assert helped >= floor, f"{name}: help shown on {helped} crisis rows, was {floor}"
    assert alarms <= ceiling, f"{name}: {alarms} false alarms, was {ceiling}"


def test_scorer_catches_what_no_rule_does() -> None:
    """On the blind sets, some crisis rows get help only from the scorer, and every such
    signal is distress with the scorer's rule id: it never holds."""
    by_score = 0
    for probe in BLIND["sets"]:
        for row in probe["rows"]:
            signals = detect_crisis(row["text"])
            scored = [s for s in signals if s.rule == crisis_score.RULE_ID]
            if not scored:
                continue
            assert [s.tier for s in scored] == ["distress"]
            assert not any(s.tier in ("imminent", "distress") for s in signals if s.rule != crisis_score.RULE_ID)
            decision = moderation.review(row["text"])
            assert decision.show_help and decision.action == "allow_with_help"
            by_score += row["label"] == "crisis"
    assert by_score >= 20


@pytest.mark.parametrize(
    "text",
    [
        "I want to disappear from social media for a while",
        "I took my meds this morning and went for a walk",
        "I don't want to live with my parents anymore",
        "im done with dating apps for good. deleting them all tonight",
    ],
)
def test_ordinary_sentences_score_low(text: str) -> None:
    assert not moderation.review(text).show_help


def test_focus_points_at_the_heaviest_sentence() -> None:
    text = "work was fine. the bridge is ten minutes away and i wont be around after tonight. anyway"
    start, end = crisis_score.focus(text)
    assert "bridge" in text[start:end]


def test_probability_is_bounded_and_monotone() -> None:
    assert 0.0 < crisis_score.probability(set()) < crisis_score.DISTRESS_AT
    heavy = {name for name, w in WEIGHTS.items() if w > 0}
    assert crisis_score.probability(heavy) > crisis_score.probability(set())
