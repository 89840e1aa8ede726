"""Crisis detection: suicidal ideation, self-harm, and concern for someone else.

Recall matters more than precision here: a missed crisis is a person left alone,
a false one is a moderator reading a post early. Ambiguous or negated phrasings
therefore still produce a (low-confidence) signal, which makes the author see
help resources without holding their post. Phrases directed at others ("kill
yourself") are abuse, handled in `signals.detect_abuse`, never matched here.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .model import Signal
from .normalize import Normalized, compile_phrase, normalize

SUICIDAL = "suicidal_ideation"
SELF_HARM = "self_harm"
CONCERN = "concern_for_other"

NEGATED_CONFIDENCE = 0.35
PAST_CONFIDENCE = 0.4


@dataclass(frozen=True)
class _Rule:
    label: str
    pattern: re.Pattern[str]
    confidence: float
    veto_before: re.Pattern[str] | None = None  # tested on the text just before the match
    veto_after: re.Pattern[str] | None = None  # hyperbole: "die of embarrassment"
    soften_after: re.Pattern[str] | None = None  # topic talk: "suicide prevention"


def _rule(label: str, phrase: str, confidence: float, **kw: str) -> _Rule:
    compiled = {k: re.compile(v) for k, v in kw.items()}
    return _Rule(label, compile_phrase(phrase), confidence, **compiled)


_INTENT = (
    "(want|wanna|wanted|wanting|going|gonna|plan|planning|planned|need|needed|urge|urges|"
    "tempted|try|trying|tried|ready|about|decided|thinking about|thought about|thinking of|considering)"
)
_OTHERS = (
    "(he|she|they|friend|sister|brother|mom|mum|dad|partner|son|daughter|wife|husband|girlfriend|"
    "boyfriend|cousin|roommate|flatmate|kid|child|someone|somebody|bestie|ex)"
)
_THEMSELF = "(himself|herself|themselves|themself|(his|her|their) (own )?life)"
_HYPERBOLE_AFTER = r"^\W+(of|from|with) (embarrassment|shame|cringe|boredom|laught|laughing)|^\W+laughing"

_RULES: tuple[_Rule, ...] = (
    # The author, suicidal ideation.
    _rule(SUICIDAL, f"{_INTENT} (to )?~(kill|hang|shoot|poison|drown|unalive|off) myself", 0.9),
    _rule(
        SUICIDAL,
        "(kill|killing|hang|hanging|shoot|unalive|unaliving) myself",
        0.9,
        veto_after=_HYPERBOLE_AFTER + r"|^\W+(at|over) (work|the gym|school|studying)",
    ),
    _rule(SUICIDAL, "(end|ends|ending|take|taking) (my (own )?life|it all)", 0.9),
    _rule(SUICIDAL, "suicidal", 0.85),
    _rule(SUICIDAL, "(commit|committing|attempt|attempted|attempting) suicide", 0.9),
    _rule(
        SUICIDAL,
        "suicide",
        0.7,
        veto_after=r"^\W+squad",
        soften_after=r"^\W+(prevention|awareness|hotline|helpline|lifeline|line|statistics|rates?)",
    ),
    _rule(SUICIDAL, "kms", 0.8, veto_before=r"\d\W*$"),
    _rule(SUICIDAL, "unalive*", 0.8),
    _rule(
        SUICIDAL,
        "(want|wanna|ready|plan|planning|going|gonna|deserve) (to )?(go )?die",
        0.85,
        veto_after=_HYPERBOLE_AFTER,
    ),
    _rule(
        SUICIDAL,
        "(dont|do not|dont even|no longer) (want|wanna) to (be alive|live|wake up|exist|be here)"
        "( anymore| any more)?",
        0.85,
        veto_after=r"^\W+(with|in|at|near|there|together|on|by|like that)\b",
    ),
    _rule(SUICIDAL, "wish (i|id) (was|were|could be) dead", 0.85),
    _rule(SUICIDAL, "wish (i|id) (had never been|was never|wasnt|werent) born", 0.75),
    _rule(SUICIDAL, "(hope|wish) (i|id) (dont|never|do not) wake up", 0.85),
    _rule(SUICIDAL, "better off (dead|without me)", 0.85),
    _rule(
        SUICIDAL,
        "no (reason|point) (to|in) (live|living|go on|going on|be alive|being alive|stay alive)",
        0.85,
    ),
    _rule(SUICIDAL, "(cant|cannot|can not) (go on|keep going|carry on)", 0.65),
    _rule(SUICIDAL, "(cant|cannot|can not) (take|do) (it|this) (anymore|any more)", 0.5),
    _rule(
        SUICIDAL,
        "(take|taking|took|swallow|swallowing|swallowed) (all|all of|every one of|the rest of)"
        " (my|the|these|those) (pills|meds|medication|tablets)",
        0.9,
    ),
    _rule(SUICIDAL, "(overdose|overdosing|overdosed)", 0.7),
    _rule(SUICIDAL, "(want|wanna|need) (it|it all|everything|this|the pain) to (end|stop|be over)", 0.7),
    _rule(
        SUICIDAL,
        "(no|dont see the|dont see any|dont see a|whats the|what is the|is there a|lost the) point"
        " (in|of) (living|life|being alive|going on|staying alive)",
        0.75,
    ),
    _rule(SUICIDAL, "(end|ending) (it|things) (tonight|today|for good|forever|now)", 0.7),
    _rule(SUICIDAL, "(want|wanna|wish i could|going) (to )?disappear (forever|for good|permanently)", 0.65),
    _rule(
        SUICIDAL,
        f"{_INTENT} (to )?~(jump|jumping|throw myself|throwing myself) (off|from|in front of|under)",
        0.85,
    ),
    _rule(
        SUICIDAL,
        "(nobody|no one|noone) would (care|notice|miss me) if (i|im) (was|were|died|disappeared|gone|dead)",
        0.7,
    ),
    _rule(
        SUICIDAL,
        "(took|taken|swallowed|taking|take) (a bunch|a lot|loads|too many|a handful|lots|a bottle|a box)"
        " of (pills|meds|tablets|paracetamol|tylenol|sleeping pills)",
        0.85,
    ),
    _rule(SUICIDAL, "(and|to|just|could|id) never (wake|waking) up", 0.8),
    _rule(SUICIDAL, "(noose|(rope|pills|gun|razor|blade|blades) (is |are )?ready)", 0.8),
    _rule(
        SUICIDAL,
        "(writing|wrote|write|written|leaving|left|leave) (a|my) (goodbye|suicide|last) (note|letter)",
        0.9,
    ),
    _rule(SUICIDAL, "(goodbye|suicide) (note|letter)", 0.8),
    _rule(SUICIDAL, "slit (my )?(wrist|wrists)", 0.9),
    _rule(
        SUICIDAL, "(thinking|thought|thoughts|think) (about|of) (dying|death|being dead|not being here)", 0.7
    ),
    _rule(SUICIDAL, "(life|living|my life) (isnt|is not|aint|not|is never) worth (living|it)", 0.8),
    _rule(SUICIDAL, "(sleep|sleeping) forever", 0.7),
    _rule(SUICIDAL, "(want|wanna|wish i was|wish i were|just want) (to be )?gone", 0.7),
    _rule(SUICIDAL, "(bought|buy|buying|got|have) (a|the) (rope|noose)", 0.6),
    _rule(SUICIDAL, "to jump (tonight|tomorrow|today|off)", 0.75),
    _rule(
        SUICIDAL, "(wont|will not) be (here|around|alive) (next|tomorrow|much longer|for long|anymore)", 0.7
    ),
    _rule(SUICIDAL, "(dont think|doubt) (ill|i will) be (here|around|alive)", 0.7),
    _rule(
        SUICIDAL,
        "(hate|tired of|sick of|done with) (being alive|living|existing|life)",
        0.65,
        veto_after=r"^\W+(in|with|at|here|like|near|on|under|paycheck)\b",
    ),
    _rule(
        SUICIDAL,
        "(a|such a|just a) burden (to|on|for) (everyone|everybody|my family|them|you all|people)",
        0.45,
    ),
    # The author, self-harm.
    _rule(SELF_HARM, f"{_INTENT} (to )?~(hurt|cut|harm|burn|starve) myself", 0.85),
    _rule(
        SELF_HARM,
        "(cut|cutting|harm|harming|burn|burning) myself",
        0.85,
        veto_after=r"^\W+(on|while|shaving|cooking|by accident|accidentally)\b",
    ),
    _rule(SELF_HARM, "hurting myself", 0.55),
    _rule(SELF_HARM, "(hurt|hurting|harm|harming|cut|cutting) myself on purpose", 0.85),
    _rule(SELF_HARM, "(cutting|harming|burning) (again|tonight|today)", 0.65),
    _rule(SELF_HARM, "self_harm*", 0.85),
    _rule(SELF_HARM, "(sh|self_harm|cutting) (urge|urges|relapse)", 0.8),
    _rule(SELF_HARM, "(i|and|then) (cut|burned|burnt) (again|today|tonight|last night|deeper)", 0.75),
    _rule(SELF_HARM, "(relapsed|relapse|relapsing) (on|with|into)? (sh|cutting)", 0.75),
    # Somebody else.
    _rule(
        CONCERN,
        f"(kill|killing|hurt|hurting|harm|harming|cut|cutting|hang|hanging|unalive|end|ending|"
        f"take|taking) {_THEMSELF}",
        0.7,
    ),
    _rule(
        CONCERN,
        f"{_OTHERS}( (is|s|are|re|seems|seem|sounds|sound|has been|been|feels|feel|got))?"
        "( (so|really|very|feeling|getting))? suicidal",
        0.75,
    ),
    _rule(CONCERN, f"{_OTHERS} ~(wants|want|wanted|wanting|going|gonna|plans|planning) to die", 0.75),
    _rule(CONCERN, "(his|her|their) suicide (note|attempt|plan)", 0.75),
)

_SENTENCE_END = re.compile(r"[.!?;\n]|\bbut\b")
# A negation only counts when it governs the phrase: "I'm not going to hurt myself",
# "I would never ever kill myself". In "it's not fair, I want to die" the words in
# between ("fair i") are not glue, so the crisis keeps its full confidence.
_NEGATORS = (
    "not|never|no longer|dont|doesnt|didnt|wont|wouldnt|isnt|arent|wasnt|havent|hasnt|"
    "nothing to do with|stopped|quit"
)
_GLUE = (
    "i|im|ive|id|ill|am|was|be|been|ever|really|actually|even|going|gonna|to|want|wanna|planning|"
    "trying|that|at|all|honestly|seriously|like|thinking|about|of|feeling|any|more"
)
_NEGATION = re.compile(rf"\b({_NEGATORS})(?: (?:{_GLUE}))*$")
_PAST = re.compile(
    r"\b(used to|years ago|months ago|year ago|in the past|been clean|clean for|clean from|recovered|"
    r"in recovery|recovering from|when i was (younger|a teen|a teenager|a kid|little|in school)|back then|"
    r"stopped|survivor of|survived)\b"
)


def _clause(norm: str, start: int, end: int) -> tuple[str, str]:
    """The same-sentence text before and after a match (negation never crosses a sentence)."""
    before = norm[max(0, start - 120) : start]
    cut = list(_SENTENCE_END.finditer(before))
    if cut:
        before = before[cut[-1].end() :]
    after = norm[end : end + 120]
    stop = _SENTENCE_END.search(after)
    return before, after[: stop.start()] if stop else after


def _last_words(text: str, n: int) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text)[-n:])


def _confidence(rule: _Rule, before: str, after: str, raw_after: str) -> float | None:
    """The rule's confidence in context, or None when the context says it is not a crisis."""
    if rule.veto_before and rule.veto_before.search(before):
        return None
    if rule.veto_after and rule.veto_after.search(raw_after):
        return None
    confidence = rule.confidence
    if rule.soften_after and rule.soften_after.search(raw_after):
        confidence = min(confidence, PAST_CONFIDENCE)
    if _NEGATION.search(_last_words(before, 6)):
        confidence = min(confidence, NEGATED_CONFIDENCE)
    if _PAST.search(" ".join((_last_words(before, 8), after))):
        confidence = min(confidence, PAST_CONFIDENCE)
    return confidence


def _scan(norm: Normalized) -> list[tuple[int, int, str, float]]:
    hits: list[tuple[int, int, str, float]] = []
    for rule in _RULES:
        for m in rule.pattern.finditer(norm.text):
            before, after = _clause(norm.text, m.start(), m.end())
            raw_after = norm.text[m.end() : m.end() + 60]
            confidence = _confidence(rule, before, after, raw_after)
            if confidence is not None:
                hits.append((m.start(), m.end(), rule.label, confidence))
    return hits


def _resolve(hits: list[tuple[int, int, str, float]]) -> list[tuple[int, int, str, float]]:
    """Keep one hit per overlapping region: concern for someone else beats the bare
    word ("my friend is suicidal"), then the surest (a strong signal is never hidden
    behind a weaker overlapping one), then the longest phrase."""
    ranked = sorted(hits, key=lambda h: (h[2] != CONCERN, -h[3], -(h[1] - h[0])))
    kept: list[tuple[int, int, str, float]] = []  # sorted by start, never overlapping
    for hit in ranked:
        i = bisect.bisect_left(kept, hit)
        if (i == 0 or kept[i - 1][1] <= hit[0]) and (i == len(kept) or hit[1] <= kept[i][0]):
            kept.insert(i, hit)
    return kept


def detect_crisis(text: str, norm: Normalized | None = None) -> list[Signal]:
    """Crisis signals in `text`, in order. Pass `norm` to reuse a normalization."""
    norm = norm or normalize(text)
    signals = []
    for start, end, label, confidence in _resolve(_scan(norm)):
        span = norm.span(start, end)
        signals.append(Signal("crisis", label, span, text[span[0] : span[1]], confidence))
    return signals
