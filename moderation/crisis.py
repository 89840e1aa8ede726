"""Crisis detection engine: suicidal ideation, self-harm, and concern for someone else.

The rules are data (`moderation/crisis_rules/`, one typed module per family of
signs, each rule with a stable id, a tier and its own examples); this module
only runs them. Per message it:

1. normalizes once (case, accents, homoglyphs, leetspeak, spaced letters, emoji
   kept) and finds which anchor words are present; a rule runs only when every
   word it requires is there, and only in short windows around them, so a long
   message costs about a millisecond;
2. judges every match in its sentence (`crisis_context`): vetoes ("cut him
   off"), negation, past or recovery, reported speech, helping and prevention,
   media and quotation, language advice and jokes turn a hit into "topic"; a
   third-person subject turns it into concern for someone else; a time word or
   a decision ("tonight", "I've decided") raises distress to imminent;
3. keeps one hit per overlapping region, and lets several distinct signs add
   up: a goodbye or final arrangement together with any other sign is imminent;
4. when no rule found a current sign, asks the scorer (`crisis_score`, classes of
   words weighed by a small fitted model) for a second opinion, which can only add
   a distress signal (`score.indirect`): help shown, never a hold.

Phrases aimed at others ("kill yourself") are abuse (`signals.detect_abuse`),
never matched here. Recall matters more than precision, but talk *about*
suicide must not push help at someone who is not in crisis.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from . import crisis_context as ctx
from . import crisis_score
from .crisis_rules import ALL_RULES, CONCERN, SELF_HARM, SUICIDAL, Rule
from .model import TIER_RANK, CrisisTier, Signal
from .normalize import (
    Normalized,
    anchor_spans,
    compile_phrase,
    normalize,
    phrase_anchors,
    phrase_requirements,
)

__all__ = ["CONCERN", "RULES", "SELF_HARM", "SUICIDAL", "Hit", "detect_crisis", "explain"]

CONFIDENCE: dict[str, float] = {"imminent": 0.9, "distress": 0.7, "weak": 0.5, "topic": 0.3}
_WINDOW = 80  # characters searched either side of an anchor (matches reach < 50 from theirs)


@dataclass(frozen=True)
class Compiled:
    """A rule ready to run: its regexes and the anchor words its matches need."""

    rule: Rule
    pattern: re.Pattern[str]
    anchors: frozenset[str] | None  # word beginnings one of which every match contains
    requires: tuple[frozenset[str], ...]  # one such set per required word: all must be present
    veto_before: re.Pattern[str] | None
    veto_after: re.Pattern[str] | None
    soften_after: re.Pattern[str] | None


def _opt(source: str | None) -> re.Pattern[str] | None:
    return re.compile(source) if source else None


def _compile(rule: Rule) -> Compiled:
    if rule.raw:
        pattern = re.compile(rule.pattern)
        return Compiled(rule, pattern, None, (), _opt(rule.veto_before), _opt(rule.veto_after), None)
    return Compiled(
        rule,
        compile_phrase(rule.pattern),
        phrase_anchors(rule.pattern),
        phrase_requirements(rule.pattern),
        _opt(rule.veto_before),
        _opt(rule.veto_after),
        _opt(rule.soften_after),
    )


RULES: tuple[Compiled, ...] = tuple(_compile(rule) for rule in ALL_RULES)
ANCHORS: frozenset[str] = frozenset().union(
    *(c.anchors for c in RULES if c.anchors), *(r for c in RULES for r in c.requires)
)
# Each anchor is a bit; a rule's required words are masks over them (a cheap "all present?").
BIT = {anchor: 1 << i for i, anchor in enumerate(sorted(ANCHORS))}
_MASKS = [
    [sum(BIT[a] for a in required) for required in (c.anchors, *c.requires)] if c.anchors is not None else []
    for c in RULES
]


@dataclass(frozen=True)
class Hit:
    """One judged match, in normalized-text offsets."""

    start: int
    end: int
    label: str
    tier: CrisisTier
    rule: int  # index into RULES
    plain: bool  # first person (or concern), current: not explained away by context
    why: str | None = None  # the context that made it topic ("past", "media", ...)
    timed: bool = False  # a time word apart from the match ("Sunday, when the house is empty") is near

    @property
    def rule_id(self) -> str:
        return RULES[self.rule].rule.id


def _vetoed(veto_after: re.Pattern[str], raw_after: str) -> bool:
    veto = veto_after.search(raw_after)
    # A veto word after a comma belongs to the next clause, except for the few vetoes
    # written to look further ("^[^.!?..."), such as "giving away my stuff, decluttering".
    return veto is not None and ("," not in veto.group() or veto_after.pattern.startswith("^[^"))


# Rule families a move, a trip or a new job can explain ("won't be here next season, moving to Canada").
_POSSESSIVE = frozenset({"my", "mine"})
_DEPARTING = ("goodbye.", "wish.wont_", "cue.")


def _judge(index: int, norm: Normalized, start: int, end: int) -> Hit | None:
    c = RULES[index]
    text = norm.text
    rule = c.rule
    before, after = ctx.clause(text, start, end)
    if c.veto_before and c.veto_before.search(before):
        return None
    if c.veto_after and _vetoed(c.veto_after, text[end : end + 60]):
        return None
    match_words = set(ctx.WORD.findall(text[start:end]))
    # A phrase with no "I" in it ("been thinking about suicide") takes the subject before it: "he's been ...".
    anyone = rule.anyone or not match_words & (ctx.FIRST_PERSON | _POSSESSIVE)
    label = CONCERN if anyone and rule.label != CONCERN and ctx.someone_else(before) else rule.label
    speaker = ctx.quoted_speech(norm.original, norm.starts[start]) if norm.original else None
    if speaker == "other" and label != CONCERN:
        label = CONCERN  # my friend texted "i don't think i'll be around much longer": their words, not mine
    if rule.tier == "topic":
        return Hit(start, end, label, "topic", index, False, "topic")
    timed = bool(ctx.TIME.search(text[max(0, start - 100) : end + 100]))  # "The train passes at 11:40."
    clause = _Clause(text, start, end, before, after)
    why = _topic_reason(c, clause, timed)
    if why is None:
        why = _not_the_writer(rule, clause, label, speaker)
    if why is not None:
        if (rule.weak or rule.cue) and why in ("negated", "past"):
            return None  # "I'm not a burden": a negated weak sign is no sign
        return Hit(start, end, label, "topic", index, False, why)
    tier: CrisisTier = rule.tier
    if tier == "distress" and (
        timed or (label == SUICIDAL and ctx.DECIDED.search(f"{before} {text[start:end]}"))
    ):
        tier = "imminent"  # "I can't do this anymore. Tonight." is a plan
    apart = bool(ctx.TIME.search(text[max(0, start - 100) : start]) or ctx.TIME.search(text[end : end + 100]))
    return Hit(start, end, label, tier, index, True, timed=apart)


@dataclass(frozen=True, slots=True)
class _Clause:
    """A match at text[start:end] with the rest of its clause before and after it."""

    text: str
    start: int
    end: int
    before: str
    after: str


def _topic_reason(c: Compiled, m: _Clause, timed: bool) -> str | None:
    """Why the match is talk about the topic rather than the writer's crisis (softened, a joke,
    a question, negated, in the past), or None; the rule's keep_negated / keep_past apply."""
    text, start, end, before, after = m.text, m.start, m.end, m.before, m.after
    rule = c.rule
    why = "soft" if c.soften_after and c.soften_after.search(text[end : end + 60]) else None
    joke_ok = (rule.tier != "imminent" or ctx.obvious_joke(text[max(0, start - 120) : end + 60])) and not timed \
        and not rule.serious
    whole = ctx.sentence(text, start, end)
    next_text = text[end + len(after) : end + len(after) + 160]
    why = why or ctx.topic_reason(before, text[start:end], after, whole, joke_ok, next_text)
    if why is None and ctx.recounted(whole, text):
        why = "past"
    if why == "negated" and rule.keep_negated:
        why = None
    if why == "past" and ctx.STILL.search(before):
        why = None  # "it's been 2 years since the breakup and I still want to die"
    if why == "past" and rule.keep_past and not ctx.LONG_AGO.search(whole):
        why = None  # "after my second attempt": recent, not recovered
    return why


def _not_the_writer(rule: Rule, m: _Clause, label: str, speaker: str | None) -> str | None:
    """Why the match is someone else's words or someone else's crisis, or None."""
    text, start, end, before = m.text, m.start, m.end, m.before
    match_words = set(ctx.WORD.findall(text[start:end]))
    if ctx.REPORTED_YOU.search(before[-80:]):
        return "quoted"  # "you said tonight the urge to cut is loud": the other person's words, restated
    if not match_words & (ctx.FIRST_PERSON | _POSSESSIVE) and ctx.ROLE.search(text[:80]):
        return "helping"  # "GP here. If a patient tells me they're thinking of ending their life..."
    if not match_words & (ctx.FIRST_PERSON | ctx.THIRD_PERSON) and "my" not in match_words \
            and ctx.addressed(before):
        return "addressed"  # "if you were to commit suicide": a reply to someone else, not the writer
    if ctx.quoted(text, start) or speaker == "you":
        return "quoted"  # "> i can't go on" or "OP, you said 'i can't go on'": the other person's words
    if rule.self_only and not ctx.about_the_writer(before, ctx.sentence(text, start, end)):
        return "about"
    if label == CONCERN and rule.tier != "imminent" and ctx.ASKING_FOR_THEM.search(
            text[max(0, start - 600) : end + 600]):
        return "helping"  # "he told me he's been having suicidal thoughts; should I tell his parents?"
    if rule.final or rule.id.startswith(_DEPARTING):
        around = text[max(0, start - 200) : end + 200]
        if ctx.DEPARTURE.search(around) and not ctx.NOT_A_TRIP.search(around):
            return "departure"  # "my last message here, we're moving to the Discord"
    return None


def _windows(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merged stretches of `text` around the given word spans, each ending at a word end."""
    windows: list[list[int]] = []
    for start, end in sorted(spans):
        lo, hi = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    for window in windows:
        while window[1] < len(text) and text[window[1]].isalnum():
            window[1] += 1  # `endpos` in the middle of a word would fake a word boundary
    return [(lo, hi) for lo, hi in windows]


def matches(
    index: int, text: str, where: dict[str, list[tuple[int, int]]], present: int
) -> list[re.Match[str]]:
    """Rule `index`'s matches, searched only around the words it needs: a match holds
    one of its anchors and is far shorter than _WINDOW, so nothing is lost."""
    c = RULES[index]
    if c.anchors is None:
        return list(c.pattern.finditer(text))
    if any(not (mask & present) for mask in _MASKS[index]):
        return []  # a word every match needs is missing
    spans = [span for anchor in c.anchors if anchor in where for span in where[anchor]]
    return [m for lo, hi in _windows(text, spans) for m in c.pattern.finditer(text, lo, hi)]


def present_anchors(text: str) -> tuple[dict[str, list[tuple[int, int]]], int]:
    """Where each anchor occurs in a normalized text, and the bit set of those present."""
    where = anchor_spans(text, ANCHORS)
    present = 0
    for anchor in where:
        present |= BIT[anchor]
    return where, present


def explain(norm: Normalized) -> list[Hit]:
    """Every judged hit of every rule, before overlaps are resolved (for tests and tools)."""
    where, present = present_anchors(norm.text)
    hits: list[Hit] = []
    for index in range(len(RULES)):
        for m in matches(index, norm.text, where, present):
            hit = _judge(index, norm, m.start(), m.end())
            if hit is not None:
                hits.append(hit)
    return hits


def _resolve(hits: list[Hit]) -> list[Hit]:
    """Keep one hit per overlapping region: concern beats the bare word ("my friend is
    suicidal"), then the most urgent tier, then the longest phrase."""
    ranked = sorted(
        hits,
        key=lambda h: (
            h.label != CONCERN or not h.plain,
            -TIER_RANK[h.tier],
            RULES[h.rule].rule.cue,
            h.start - h.end,
        ),
    )
    kept: list[Hit] = []  # sorted by start, never overlapping
    starts: list[int] = []
    for hit in ranked:
        i = bisect.bisect_left(starts, hit.start)
        if (i == 0 or kept[i - 1].end <= hit.start) and (i == len(kept) or hit.end <= kept[i].start):
            kept.insert(i, hit)
            starts.insert(i, hit.start)
    return kept


def _accumulate(hits: list[Hit]) -> list[Hit]:
    """Distinct signs add up ("I made a will. This is the end for me."): a goodbye or a
    final arrangement with any other sign is imminent; cues alone never count."""
    plain = [h for h in hits if h.plain]
    distinct = {h.rule for h in plain}
    cues = [h for h in plain if RULES[h.rule].rule.cue]
    if len(distinct) >= 2 and any(RULES[h.rule].rule.final or RULES[h.rule].rule.cue for h in plain):
        top = max(plain, key=lambda h: (not RULES[h.rule].rule.cue, TIER_RANK[h.tier]))
        only_cues = len(cues) == len(plain)
        tier: CrisisTier = "distress" if only_cues and not any(RULES[h.rule].rule.final for h in cues) else "imminent"
        raised = Hit(top.start, top.end, top.label, tier, top.rule, True)
        return [raised if h is top else h for h in hits if h is top or not RULES[h.rule].rule.cue]
    if len(cues) == 1 and len(plain) == 1 and cues[0].timed and RULES[cues[0].rule].rule.final:
        # "I've planned it all out. Sunday, when the house is empty.": a final arrangement and a time.
        cue = cues[0]
        return [Hit(cue.start, cue.end, cue.label, "imminent", cue.rule, True)] + [
            h for h in hits if not RULES[h.rule].rule.cue]
    return [h for h in hits if not RULES[h.rule].rule.cue]


def _confidence(hit: Hit) -> float:
    if hit.tier == "distress" and RULES[hit.rule].rule.weak:
        return CONFIDENCE["weak"]
    return CONFIDENCE[hit.tier]


def resolved(judged: list[Hit]) -> list[Hit]:
    """The hits that stand once overlaps are resolved and signs add up."""
    return _accumulate(_resolve(judged))


def topic_reasons(hits: list[Hit]) -> set[str]:
    """Why the rules' hits were explained away ("past", "helping", "media", ...)."""
    return {hit.why for hit in hits if hit.why}


def _scored(text: str, norm: Normalized, judged: list[Hit]) -> Signal | None:
    """The scorer's second opinion, asked only when no rule found a current crisis sign."""
    active = crisis_score.features(norm.text, topic_reasons(judged))
    p = crisis_score.probability(active)
    if p < crisis_score.DISTRESS_AT:
        return None
    harm_only = "harm" in active and not active & {"death", "gone", "means"}
    span = norm.span(*crisis_score.focus(norm.text))
    return Signal("crisis", SELF_HARM if harm_only else SUICIDAL, span, text[span[0] : span[1]],
                  CONFIDENCE["weak"], "distress", crisis_score.RULE_ID)


def detect_crisis(text: str, norm: Normalized | None = None) -> list[Signal]:
    """Crisis signals in `text`, in order, each with its tier and rule id. Topic-tier
    signals mark talk about suicide or self-harm that is not a crisis."""
    norm = norm or normalize(text)
    judged = explain(norm)
    signals = []
    for hit in resolved(judged):
        span = norm.span(hit.start, hit.end)
        signals.append(
            Signal(
                "crisis", hit.label, span, text[span[0] : span[1]], _confidence(hit), hit.tier, hit.rule_id
            )
        )
    if not any(s.tier in ("imminent", "distress") for s in signals):
        scored = _scored(text, norm, judged)
        if scored is not None:
            signals.append(scored)
            signals.sort(key=lambda s: s.span)
    return signals
