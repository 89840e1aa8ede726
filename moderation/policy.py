"""Policy: signals plus what we know about the author → one `Decision`.

Deterministic on purpose: the same text and context always give the same
decision, so members can be told why and moderators can predict the queue.
The order of severity is reject > hold > allow_with_help > allow, with one
override that matters more than any other: text showing a crisis is never
rejected. Someone in crisis who also swore or pasted links is held for a
moderator and shown help, never turned away.
"""

from __future__ import annotations

import re

from .model import Action, Decision, ReviewContext, Signal, WatchedAction
from .normalize import normalize
from .signals import detect_crisis, detect_personal_data, detect_spam
from .watchwords import load_default_watched_words, match_watched

CRISIS_HOLD_CONFIDENCE = 0.6
SPAM_REJECT_CONFIDENCE = 0.95
CENSOR_MARK = "■■■"
PRIORITY = {"crisis": 100, "abuse": 50, "personal_data": 20, "spam": 10}
_SEVERITY: dict[Action, int] = {"allow": 0, "allow_with_help": 1, "hold": 2, "reject": 3}
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")

_HELP = "You are not alone — the help shown here is free, and you can reach it right now."
REASONS = {
    "suicidal_ideation": "Your message mentions thoughts of suicide. It is kept safe, not deleted, and a "
    f"moderator will look at it soon. {_HELP}",
    "self_harm": "Your message mentions self-harm. It is kept safe, not deleted, and a moderator will look "
    f"at it soon. {_HELP}",
    "concern_for_other": "Your message says someone may be in danger. It is kept safe and a moderator will "
    "look at it soon. If they are in immediate danger, call your local emergency number; more help "
    "for them, and for you, is below.",
    "crisis_low": "Your message touches on suicide or self-harm, so we show where to find support. If any "
    "of this is weighing on you now, free help is shown here. You are not alone.",
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


def _crisis_outcome(crisis: list[Signal]) -> list[tuple[Action, str]]:
    strong = [s for s in crisis if s.confidence >= CRISIS_HOLD_CONFIDENCE]
    if not strong:
        return [("allow_with_help", REASONS["crisis_low"])] if crisis else []
    labels = dict.fromkeys(s.label for s in strong)  # ordered, deduplicated
    return [("hold", REASONS.get(label, REASONS["suicidal_ideation"])) for label in labels]


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
    personal = detect_personal_data(text)
    spam = detect_spam(text, ctx)

    outcomes = _crisis_outcome(crisis) + _word_outcome(hits, ctx.is_staff)
    if personal and not ctx.is_staff:
        outcomes.append(("hold", REASONS["personal_data"]))
    if spam and not ctx.is_staff:
        outcomes += _spam_outcome(spam)
    if _premoderated(ctx):
        outcomes.append(("hold", REASONS["premoderation"]))

    action: Action = max((a for a, _ in outcomes), key=_SEVERITY.__getitem__, default="allow")
    if crisis and action == "reject":
        action = "hold"  # never turn away someone in crisis
    signals = tuple(sorted([s for _, s in hits] + crisis + personal + spam, key=lambda s: (s.span, s.kind)))
    return Decision(
        action=action,
        signals=signals,
        reasons=tuple(dict.fromkeys(reason for _, reason in outcomes)),
        show_help=bool(crisis),
        priority=max((PRIORITY[s.kind] for s in signals), default=0),
        text=_censor(text, [s.span for a, s in hits if a == "censor"]),
    )
