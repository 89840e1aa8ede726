"""The value types every moderation check speaks in.

They are frozen dataclasses so a `Decision` can be logged, compared in tests
and handed between the server's layers without anyone mutating it on the way.
The server is written against these exact field names: add fields only with
defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SignalKind = Literal["crisis", "abuse", "spam", "personal_data"]
WatchedAction = Literal["block", "hold", "flag", "censor"]
Action = Literal["allow", "allow_with_help", "hold", "reject"]
# Crisis tiers, most urgent first (see policy.py):
#   imminent: a plan, means at hand, a time, a goodbye, an act under way -> held, help, staff alerted
#   distress: a wish to be dead, suicidal thoughts, current self-harm -> published behind a content
#             note, help shown, queued for a moderator check-in (held where the room says crisis_hold=all)
#   topic:    talk about suicide or self-harm that is not a crisis -> published, no help pushed
CrisisTier = Literal["imminent", "distress", "topic"]
CrisisHold = Literal["imminent", "all"]
TIER_RANK: dict[str, int] = {"imminent": 3, "distress": 2, "topic": 1}


@dataclass(frozen=True)
class Signal:
    """One thing a detector noticed in a text.

    `span` and `match` refer to the ORIGINAL text (not the normalized copy the
    detectors search), so a moderator UI can highlight exactly what was typed.
    """

    kind: SignalKind
    label: str
    span: tuple[int, int]
    match: str
    confidence: float
    tier: CrisisTier | None = None  # crisis signals only
    rule: str | None = None  # the stable id of the rule that fired (crisis signals)


@dataclass(frozen=True)
class WatchedWord:
    """A word or phrase moderators watch for.

    Matching happens after normalization (case, leetspeak, spaced-out letters,
    repeated letters) and respects word boundaries, so "ass" never fires inside
    "class". `label` is the finer signal label (e.g. "slur"); room-specific words
    keep the generic default.
    """

    word: str
    action: WatchedAction
    label: str = "watched_word"


@dataclass(frozen=True)
class ReviewContext:
    """What the policy may know about the author and the room. Defaults describe
    an established member in an ordinary room."""

    account_age_days: float = 365.0
    approved_posts: int = 10
    is_staff: bool = False
    first_post_in_room: bool = False
    room_premoderate_new: bool = False
    watched_words: tuple[WatchedWord, ...] | None = None
    crisis_hold: CrisisHold = "imminent"  # the room's setting: hold only imminent, or distress too


@dataclass(frozen=True)
class Decision:
    """The one normalized result of `review()`.

    `text` is what the server stores (censored words already replaced);
    `reasons` are sentences safe to show the author; `show_help` means the
    author must see professional-help resources, whatever the action.
    """

    action: Action
    signals: tuple[Signal, ...]
    reasons: tuple[str, ...]
    show_help: bool
    priority: int
    text: str
    # The most urgent crisis tier found (None: no crisis language at all).
    crisis_tier: CrisisTier | None = None
    # The topic a content note names ("suicidal feelings", "self-harm"): set for imminent and
    # distress (the server applies it) and for topic (the writer is offered to add it).
    content_note: str | None = None

    @property
    def crisis(self) -> bool:
        """True when the text shows a crisis (imminent or distress): help is pushed, staff look."""
        return self.crisis_tier in ("imminent", "distress")
