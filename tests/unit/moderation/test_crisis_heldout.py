"""A held-out crisis set: written by the lead before the detector was tuned, never shown to its authors.

It measured the detector honestly once (16/30 before, 27/30 after, 0/30 false alarms). From now
on it guards against regressions: recall may only go up, false alarms stay at zero.
"""
from __future__ import annotations

import json
from pathlib import Path

import moderation

DATA = json.loads((Path(__file__).resolve().parents[2] / "data" / "crisis_heldout.json").read_text())


def test_heldout_recall_floor_and_no_false_alarms() -> None:
    caught = [s for s in DATA["crisis"] if moderation.review(s).crisis]
    false_alarms = [s for s in DATA["safe"] if moderation.review(s).crisis]
    print(f"held-out crisis recall {len(caught)}/{len(DATA['crisis'])}, false alarms {len(false_alarms)}")
    assert len(caught) >= 27
    assert false_alarms == []
    # Whatever is caught also shows the writer help.
    assert all(moderation.review(s).show_help for s in caught)
