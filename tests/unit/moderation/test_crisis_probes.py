"""Probe sentences written before the detector saw them (tests/data/crisis_probes.json).

Their first runs (recorded in the file) were the honest measure of generalisation;
now every row is a regression check: crisis rows show help, the others do not.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import moderation

DATA = json.loads((Path(__file__).parents[2] / "data" / "crisis_probes.json").read_text("utf-8"))
ROWS = [(row["label"], row["text"]) for probe in DATA["sets"] for row in probe["rows"]]


def test_probe_sets_are_balanced_and_recorded() -> None:
    for probe in DATA["sets"]:
        labels = [row["label"] for row in probe["rows"]]
        assert labels.count("crisis") == labels.count("ok") == 20
        assert probe["first_run"].startswith("help ")


@pytest.mark.parametrize(("label", "text"), ROWS, ids=[t[:40] for _, t in ROWS])
def test_probe(label: str, text: str) -> None:
    decision = moderation.review(text)
    assert decision.show_help is (label == "crisis"), (decision.crisis_tier, [s.rule for s in decision.signals])
