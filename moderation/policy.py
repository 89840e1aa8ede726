"""Policy: signals plus what we know about the author → one `Decision`.

Deterministic on purpose: the same text and context always give the same
decision, so members can be told why and moderators can predict the queue.
The order of severity is reject > hold > allow_with_help > allow, with one
override that matters more than any other: text showing a crisis is never
rejected. Someone in crisis who also swore or pasted links is held for a
moderator and shown help, never turned away.

Crisis tiers (see `model.CrisisTier`):

- imminent (a plan, means, a time, a goodbye, an act under way): held for priority
  review, help shown, priority 100;
- distress (a wish to be dead, suicidal thoughts, current self-harm): published behind
  a content note with help shown and a moderator check-in queued by the server
  ("allow_with_help"), held instead in rooms with `crisis_hold="all"`; priority 90;
- topic (talk about suicide that is not a crisis): nothing pushed; the writer is only
  offered a content note (`Decision.content_note`).
"""

from __future__ import annotations

import bisect
import re

from .model import TIER_RANK, Action, CrisisTier, Decision, ReviewContext, Signal, WatchedAction
from .normalize import normalize
from .signals import detect_crisis, detect_personal_data, detect_spam
from .watchwords import load_default_watched_words, match_watched

SPAM_REJECT_CONFIDENCE = 0.95
CENSOR_MARK = "■■■"
PRIORITY = {"crisis": 100, "abuse": 50, "personal_data": 20, "spam": 10}
CRISIS_PRIORITY: dict[str, int] = {"imminent": 100, "distress": 90, "topic": 0}
_SEVERITY: dict[Action, int] = {"allow": 0, "allow_with_help": 1, "hold": 2, "reject": 3}
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")

_HELP = "You are not alone — the help shown here is free, and you can reach it right now."
_NOTE = (
    "Your post is up behind a content note so others can choose when to read it, and a moderator may "
    "check in with you."
)
REASONS = {
    "imminent:suicidal_ideation": "Your message sounds like you may be in danger right now. It is kept safe, "
    f"not deleted, and a moderator will look at it soon. {_HELP}",
    "imminent:self_harm": "Your message sounds like you may be hurting yourself right now. It is kept safe, "
    f"not deleted, and a moderator will look at it soon. {_HELP}",
    "imminent:concern_for_other": "Your message says someone may be in danger. It is kept safe and a "
    "moderator will look at it soon. If they are in immediate danger, call your local emergency number; "
    "more help for them, and for you, is below.",
    "distress:suicidal_ideation": f"Your message mentions thoughts of suicide or of not wanting to live. {_NOTE} {_HELP}",
    "distress:self_harm": f"Your message mentions self-harm. {_NOTE} {_HELP}",
    "distress:concern_for_other": f"Your message says you are worried about someone's safety. {_NOTE} "
    "If they are in immediate danger, call your local emergency number; help for them, and for you, is below.",
    "held_room": "Your message mentions suicide or self-harm and is being checked before it appears: it is "
    f"kept safe, not deleted, and a moderator will look at it soon. {_HELP}",
    "block": "Your message contains language that isn't allowed here: slurs and harassment.",
    "hold_word": "Your message contains words a moderator checks before they appear. "
    "It will be looked at soon.",
    "censor": "Some words in your message were hidden with ■■■.",
    "personal_data": "Your message seems to include personal details (a phone number, email or address). "
    "A moderator will check them before it is shown, so nobody is identified by accident.",
    "spam_hold": "Your message looks like it might be spam (many links or repeated text). A moderator "
    "will check it before it appears.",
    "spam_reject": "Your message looks like spam (a flood of links or repeated text), so it wasn't posted.",
    "new_account_link": "Links from brand-new accounts are checked by a moderator before they appear.",
    "premoderation": "New members' first posts in this room are checked by a moderator before they appear.",
}


_DISTRESS = tuple(v for k, v in REASONS.items() if k.startswith("distress:"))


def _strip_unstorable(text: str) -> str:
    """NUL and lone surrogates cannot be stored (PostgreSQL, UTF-8); drop them first."""
    return _UNSTORABLE.sub("", text)


def _censor(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace each (merged) span with the censor mark, right to left so offsets hold."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        text = text[:start] + CENSOR_MARK + text[end:]
    return text


CONTENT_NOTES = {
    "suicidal_ideation": "suicidal feelings",
    "self_harm": "self-harm",
    "concern_for_other": "worry about someone's safety",
}


def crisis_tier(crisis: list[Signal]) -> CrisisTier | None:
    """The most urgent tier among the crisis signals (None: no crisis language)."""
    return max((s.tier for s in crisis if s.tier), key=TIER_RANK.__getitem__, default=None)


def content_note(crisis: list[Signal], tier: CrisisTier | None) -> str | None:
    """The topic a content note names: the signals of the top tier decide it."""
    if tier is None:
        return None
    labels = {s.label for s in crisis if s.tier == tier}
    if tier == "topic":
        return "self-harm" if labels == {"self_harm"} else "suicide"
    for label in ("suicidal_ideation", "self_harm", "concern_for_other"):
        if label in labels:
            return CONTENT_NOTES[label]
    return CONTENT_NOTES["suicidal_ideation"]


def _crisis_outcome(crisis: list[Signal], ctx: ReviewContext) -> list[tuple[Action, str]]:
    out: list[tuple[Action, str]] = []
    for s in crisis:
        if s.tier == "imminent":
            out.append(("hold", REASONS.get(f"imminent:{s.label}", REASONS["imminent:suicidal_ideation"])))
        elif s.tier == "distress" and ctx.crisis_hold == "all":
            out.append(("hold", REASONS["held_room"]))
        elif s.tier == "distress":
            reason = REASONS.get(f"distress:{s.label}", REASONS["distress:suicidal_ideation"])
            out.append(("allow_with_help", reason))
    if any(a == "hold" for a, _ in out):  # one sentence about the hold is enough; a held post is not "up"
        out = [(a, r) for a, r in out if a == "hold"]
    return list(dict.fromkeys(out))


def _word_outcome(hits: list[tuple[WatchedAction, Signal]], staff: bool) -> list[tuple[Action, str]]:
    actions = {action for action, _ in hits}
    out: list[tuple[Action, str]] = []
    if "block" in actions and not staff:
        out.append(("reject", REASONS["block"]))
    if "hold" in actions and not staff:
        out.append(("hold", REASONS["hold_word"]))
    if "censor" in actions:
        out.append(("allow", REASONS["censor"]))
    return out


def _spam_outcome(spam: list[Signal]) -> list[tuple[Action, str]]:
    if any(s.confidence >= SPAM_REJECT_CONFIDENCE for s in spam):
        return [("reject", REASONS["spam_reject"])]
    out: list[tuple[Action, str]] = []
    if any(s.label != "new_account_link" for s in spam):
        out.append(("hold", REASONS["spam_hold"]))
    if any(s.label == "new_account_link" for s in spam):
        out.append(("hold", REASONS["new_account_link"]))
    return out


def _premoderated(ctx: ReviewContext) -> bool:
    return (
        ctx.room_premoderate_new and ctx.first_post_in_room and ctx.approved_posts == 0 and not ctx.is_staff
    )


def review(text: str, context: ReviewContext | None = None) -> Decision:
    """Review a post or chat message before it is stored.

    Spans in the returned signals index `text` after NUL and lone surrogates are
    removed (a no-op for anything a browser sends). Never raises on any str.
    """
    ctx = context or ReviewContext()
    text = _strip_unstorable(text)
    norm = normalize(text)
    watched = load_default_watched_words() if ctx.watched_words is None else ctx.watched_words
    hits = match_watched(text, watched, norm)
    crisis = detect_crisis(text, norm)
    tier = crisis_tier(crisis)
    urgent = tier in ("imminent", "distress")
    if urgent and any(s.label == "harassment" for _, s in hits):
        hits = _own_crisis_words_dropped(text, hits, crisis)
    personal = detect_personal_data(text)
    spam = detect_spam(text, ctx)

    outcomes = _crisis_outcome(crisis, ctx) + _word_outcome(hits, ctx.is_staff)
    if personal and not ctx.is_staff:
        outcomes.append(("hold", REASONS["personal_data"]))
    if spam and not ctx.is_staff:
        outcomes += _spam_outcome(spam)
    if _premoderated(ctx):
        outcomes.append(("hold", REASONS["premoderation"]))

    action: Action = max((a for a, _ in outcomes), key=_SEVERITY.__getitem__, default="allow")
    if urgent and action == "reject":
        action = "hold"  # never turn away someone in crisis
    if action == "hold":  # held for another reason: the post is not "up behind a note"
        held = REASONS["held_room"]
        outcomes = [(a, held if r.startswith(_DISTRESS) else r) for a, r in outcomes]
    signals = tuple(sorted([s for _, s in hits] + crisis + personal + spam, key=lambda s: (s.span, s.kind)))
    return Decision(
        action=action,
        signals=signals,
        reasons=tuple(dict.fromkeys(reason for _, reason in outcomes)),
        show_help=urgent,
        priority=max((_priority(s) for s in signals), default=0),
        text=_censor(text, [s.span for a, s in hits if a == "censor"]),
        crisis_tier=tier,
        content_note=content_note(crisis, tier),
    )


_SENTENCE_END = re.compile(r"[.!?\n]")


def _own_crisis_words_dropped(
    text: str, hits: list[tuple[WatchedAction, Signal]], crisis: list[Signal]
) -> list[tuple[WatchedAction, Signal]]:
    """ "my head keeps screaming kill yourself": a harassment phrase in the same sentence as,
    and after the start of, the writer's own urgent crisis sign is their crisis, not abuse."""
    ends = [m.start() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    starts = sorted(s.span[0] for s in crisis if s.tier in ("imminent", "distress"))

    def inside(span: tuple[int, int]) -> bool:
        i = bisect.bisect_right(starts, span[0])  # the nearest urgent sign starting at or before it
        if i == 0:
            return False
        sentence_end = ends[bisect.bisect_left(ends, starts[i - 1])]
        return span[1] <= sentence_end

    return [(a, s) for a, s in hits if s.label != "harassment" or not inside(s.span)]


def _priority(signal: Signal) -> int:
    if signal.kind == "crisis":
        return CRISIS_PRIORITY[signal.tier or "topic"]
    return PRIORITY[signal.kind]
