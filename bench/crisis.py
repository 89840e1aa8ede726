"""Crisis detector benchmark: recall, false alarms, hold precision and latency.

    python bench/crisis.py [--corpus PATH] [--out crisis-review.txt]

Reads three labelled sets:

- the crisis-dev corpus (`../shared/corpora/crisis-dev/crisis-dev.jsonl`, outside the repo; the
  posts are real people's words and are never copied into the project). When it is absent this
  says so and runs the own table only. Headline figures use the `reviewed: true` rows; the
  unreviewed C-SSRS rows carry noisy user-level labels and are shown for reference only; the
  GoEmotions rows (idioms with death words) are a false-alarm check.
- the project's own table, `tests/data/crisis_table.json` (sentences written for SecureBase);
- the blind probe sets, `tests/data/crisis_blind.json` (written by helper sessions that never saw
  the detector; their first runs are recorded there, the scorer is fitted on them since).

"by score" counts the messages whose help came from the crisis scorer (`score.indirect`) rather
than a rule.

"Help shown" is `Decision.show_help`; a "hold" is a crisis hold (`action == "hold"` with a crisis
tier). Every miss and false alarm is written to `--out` so each can be read and understood.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import moderation  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "crisis-dev" / "crisis-dev.jsonl"
TABLE = ROOT / "tests" / "data" / "crisis_table.json"
BLIND = ROOT / "tests" / "data" / "crisis_blind.json"


@dataclass
class Row:
    text: str
    crisis: bool | None  # None: no label (a false-alarm check set)
    group: str
    category: str = ""


@dataclass
class Tally:
    rows: int = 0
    crisis: int = 0
    caught: int = 0
    safe: int = 0
    alarms: int = 0
    holds: int = 0
    true_holds: int = 0
    tiers: Counter[str] = field(default_factory=Counter)


def load_corpus(path: Path) -> list[Row]:
    rows: list[Row] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if item.get("source") == "goemotions":
            rows.append(Row(item["text"], None, "goemotions"))
        elif item.get("reviewed"):
            rows.append(Row(item["text"], item["label"] == "crisis", "reviewed"))
        else:
            rows.append(Row(item["text"], None, "unreviewed"))
    return rows


def load_table(path: Path) -> list[Row]:
    if not path.exists():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Row(r["text"], r["tier"] in ("imminent", "distress"), "own", r["context"]) for r in data]


def load_blind(path: Path) -> list[Row]:
    """Probe sets written blind by helper sessions (the scorer is fitted on them since)."""
    if not path.exists():
        return []
    sets = json.loads(path.read_text(encoding="utf-8"))["sets"]
    return [Row(r["text"], r["label"] == "crisis", "blind", s["name"]) for s in sets for r in s["rows"]]


def run(rows: list[Row], out: list[str]) -> tuple[dict[str, Tally], list[float]]:
    tallies: dict[str, Tally] = {}
    latencies: list[float] = []
    for row in rows:
        start = time.perf_counter()
        decision = moderation.review(row.text)
        latencies.append((time.perf_counter() - start) * 1000)
        keys = [row.group] + ([f"{row.group}:{row.category}"] if row.category else [])
        for key in keys:
            t = tallies.setdefault(key, Tally())
            t.rows += 1
            t.tiers[decision.crisis_tier or "none"] += 1
            t.tiers["by score"] += any(s.rule == "score.indirect" for s in decision.signals)
            held = decision.action == "hold" and any(s.kind == "crisis" for s in decision.signals)
            t.holds += held
            if row.crisis:
                t.crisis += 1
                t.caught += decision.show_help
                t.true_holds += held
            else:
                t.safe += 1
                t.alarms += decision.show_help
        if row.crisis and not decision.show_help:
            out.append(f"MISS [{row.group}:{row.category}] tier={decision.crisis_tier}\n  {row.text}\n")
        elif row.crisis is False and decision.show_help:
            rules = ",".join(s.rule or s.label for s in decision.signals if s.kind == "crisis")
            out.append(f"FALSE ALARM [{row.group}:{row.category}] {decision.crisis_tier} {rules}\n  {row.text}\n")
        elif row.group == "goemotions" and decision.show_help:
            rules = ",".join(s.rule or s.label for s in decision.signals if s.kind == "crisis")
            out.append(f"GOEMOTIONS ALARM {decision.crisis_tier} {rules}\n  {row.text}\n")
    return tallies, latencies


def _pct(n: int, d: int) -> str:
    return f"{n / d:6.1%} ({n}/{d})" if d else "     - (0/0)"


def report(tallies: dict[str, Tally]) -> None:
    print(f"{'set':<28} {'rows':>5}  {'recall (help shown)':<20} {'false alarms':<20} {'hold precision':<20} tiers")
    for key in sorted(tallies, key=lambda k: (k.split(":")[0], k)):
        t = tallies[key]
        if key.startswith(("goemotions", "unreviewed")):
            recall, false = "", f"{_pct(t.alarms, t.rows)} help"
            precision = ""
        else:
            recall, false = _pct(t.caught, t.crisis), _pct(t.alarms, t.safe)
            precision = _pct(t.true_holds, t.holds)
        tiers = " ".join(f"{k}={v}" for k, v in sorted(t.tiers.items()))
        print(f"{key:<28} {t.rows:>5}  {recall:<20} {false:<20} {precision:<20} {tiers}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=Path("crisis-review.txt"))
    args = parser.parse_args()
    rows: list[Row] = []
    if args.corpus.exists():
        rows += load_corpus(args.corpus)
        print(f"crisis-dev corpus: {args.corpus} ({len(rows)} rows)")
    else:
        print(f"crisis-dev corpus NOT FOUND at {args.corpus}: running the own table only")
    table = load_table(TABLE)
    print(f"own table: {TABLE.relative_to(ROOT)} ({len(table)} rows)" if table else "own table: none yet")
    rows += table
    blind = load_blind(BLIND)
    print(f"blind probe sets: {BLIND.relative_to(ROOT)} ({len(blind)} rows)")
    rows += blind
    moderation.review("warm-up")
    out: list[str] = []
    tallies, latencies = run(rows, out)
    report(tallies)
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    print(
        f"latency per message: median {statistics.median(latencies):.3f} ms, p99 {p99:.3f} ms, "
        f"max {latencies[-1]:.1f} ms over {len(latencies)} messages (review() end to end)"
    )
    args.out.write_text("\n".join(out), encoding="utf-8")
    print(f"{len(out)} misses and false alarms written to {args.out}")


if __name__ == "__main__":
    main()
