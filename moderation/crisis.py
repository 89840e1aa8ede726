"""Crisis detection: suicidal ideation, self-harm, and concern for someone else.

Recall matters more than precision here: a missed crisis is a person left alone,
a false one is a moderator reading a post early. Ambiguous or negated phrasings
therefore still produce a (low-confidence) signal, which makes the author see
help resources without holding their post. Phrases directed at others ("kill
yourself") are abuse, handled in `signals.detect_abuse`, never matched here.

Two tiers, read by `policy.py`:

- HIGH (confidence >= 0.6: the post is held for priority review, help is shown):
  intent, plan, method, means, timing, goodbyes, a wish to be dead, and the
  burden/absence beliefs ("everyone would be better off without me").
- LOW (0.3-0.55: published, help shown): hopelessness, exhaustion, wanting to
  disappear, and anything negated ("I would never...") or in the past ("I used
  to...", "3 years clean").

Rules are not a list of sentences. They are composed from small vocabularies
(who, intent, act, means, quantity, time, absence) written in the pattern
language of `normalize.compile_phrase`, so "I'm gonna", "planning to", "keep
thinking about" combine with "jump off the bridge", "take every pill in the
house" or "drive my car into a tree", with a few filler words allowed between.
Context then adjusts each hit: a negation or a past/recovery marker lowers it, a
time word ("tonight") raises it, a benign object vetoes it ("overdosing on
coffee", "cut him off", "a rope for the climbing gym"), a third-person subject
turns it into concern for someone else, and several distinct weaker warning
signs in one message (a will, "this is the end", giving things away) add up.
Some signs are only cues (CUE: "before I go", "I'm sorry for everything"): they
never make a signal on their own, only together with another sign.

Speed: there are ~200 rules and a chat message may be 4,000 characters. Each
rule knows the words a match must contain (`normalize.phrase_requirements`); a
rule runs only when all of them are in the message, and then only in short
windows around them, so a long message costs a few milliseconds.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .model import Signal
from .normalize import (
    Normalized,
    anchor_spans,
    compile_phrase,
    normalize,
    phrase_anchors,
    phrase_requirements,
)

SUICIDAL = "suicidal_ideation"
SELF_HARM = "self_harm"
CONCERN = "concern_for_other"

HIGH = 0.6  # the policy's hold threshold (policy.CRISIS_HOLD_CONFIDENCE)
NEGATED_CONFIDENCE = 0.35
PAST_CONFIDENCE = 0.4
TIME_BOOST = 0.15  # "tonight", "right now" added to a weaker sign
MAX_CONFIDENCE = 0.95
CUE = 0.25  # a weak sign ("before I go", "I'm sorry for everything"): never reported alone
REPORTED = 0.3  # the lowest confidence that becomes a signal

# ---------------------------------------------------------------- vocabularies
# Pattern language (see `compile_phrase`): space = separator, `~` = up to three
# filler words (never a negation), `*` = any ending, `#` = a number, `?` = optional.

# Who. Normalization has already turned "I'm" into "im", "I'll" into "ill".
_I = "(i|im|ive|id|ill|i am|i have|i will|i would|i m|i ve|i ll|i d)"
_OTHERS = (
    "(he|she|they|friend|sister|brother|mom|mum|dad|partner|son|daughter|wife|husband|girlfriend|"
    "boyfriend|cousin|roommate|flatmate|kid|child|someone|somebody|bestie|ex)"
)
_THEMSELF = "(himself|herself|themselves|themself|(his|her|their) (own )?life)"

# Wanting, planning, deciding, being about to, dwelling on.
_INTENT = (
    "(want|wants|wanted|wanting|wanna|going|gonna|gunna|plan|plans|planned|planning|intend*|need|"
    "needs|needed|gotta|about|ready|decided|deciding|determined|tempted|try|trying|tried|will|ill|"
    "might|urge|urges|threatened|threatening|threatens|threaten|thinking about|thinking of|"
    "thought about|thought of|think about|considering|contemplating|fantasi*|picturing|imagining|"
    "dreaming about|dream about|dream of|prepared|preparing|made up my mind|close to|so close to|this close to|"
    "on the verge of|one step away from)"
)
# The part of intent that is a wish or a plan; "going to", "will" and "might" also predict.
_WANT = (
    "(want|wants|wanted|wanting|wanna|plan|plans|planned|planning|intend*|need|needs|needed|ready|decided|"
    "deciding|determined|tempted|urge|urges|thinking about|thinking of|considering|contemplating|fantasi*|"
    "dreaming about|dream about|dream of|prepared|preparing|made up my mind|just want|really want|deserve|"
    "wish|wishing|wish i could|wish i was able|close to|so close to|this close to|on the verge of)"
)
_PREDICT = "(going|gonna|gunna|will|ill|might|about|am going|m going)"
_TO = "(to |on |of |about )?"

# Self-directed killing verbs ("kill myself") and the softer self-harm ones.
_KILL_VERB = (
    "(kill|kills|killing|killed|hang|hangs|hanging|hung|shoot|shooting|shot|poison|poisoning|"
    "poisoned|drown|drowning|drowned|suffocate|suffocating|suffocated|strangle|strangling|"
    "electrocute|electrocuting|gas|gassing|unalive|unaliving|unalived|off|offing|end|ending|"
    "stab|stabbing|stabbed)"
)
_HARM_VERB = (
    "(cut|cuts|cutting|harm|harms|harming|harmed|burn|burns|burning|burned|burnt|slice|slicing|"
    "sliced|slash|slashing|slashed|carve|carving|carved|starve|starving|starved|mutilate|mutilating)"
)
# Verbs that are self-harm only with a reason or a wound ("hit myself until I bruised").
_HURT_VERB = "(hurt|hurts|hurting|cut|cutting|burn|burning|burned|harm|harming)"
_STRIKE_VERB = (
    "(hit|hits|hitting|punch|punching|punched|bang|banging|banged|scratch|scratching|scratched|bite|"
    "biting|bit|pinch|pinching|pinched|bruise|bruising|bruised|slap|slapping|slapped)"
)
_BODY = (
    "(arm|arms|wrist|wrists|forearm|forearms|thigh|thighs|leg|legs|skin|stomach|belly|hip|hips|"
    "body|ankle|ankles|chest|shoulder|shoulders|head|face|knuckles|side|sides)"
)
_WOUND = "(bleed|bleeds|bled|bleeding|blood|bruise|bruises|bruised|bruising|scar|scars|scarred|raw)"
_BELONGINGS = (
    "(cat|dog|cats|dogs|pets|pet|books|guitar|stuff|things|belongings|possessions|records|games|jewellery|"
    "jewelry|plants|car|bike|clothes|art|paintings|camera|laptop|furniture|collection|savings|money)"
)

# Means. Drug names are the usual overdose ones; "meds" covers the rest.
_PILLS = (
    "(pill|pills|tablet|tablets|meds|medication|medications|medicine|medicines|prescription|"
    "prescriptions|antidepressant*|sleeping pills|sleeping tablets|sleeping meds|painkiller*|pain killers|"
    "paracetamol|acetaminophen|tylenol|ibuprofen|advil|aspirin|codeine|oxy|oxys|oxycodone|"
    "oxycontin|opioid*|opiate*|xanax|valium|benzo|benzos|lithium|insulin|sertraline|zoloft|prozac|"
    "fluoxetine|citalopram|escitalopram|lexapro|quetiapine|seroquel|trazodone|amitriptyline|"
    "mirtazapine|lamotrigine|diazepam|lorazepam|clonazepam|gabapentin|pregabalin|tramadol|"
    "morphine|fentanyl|heroin|sleeping aids|melatonin|diphenhydramine|benadryl)"
)
_QUANTITY = (
    "(all|all of|every|every single|every one of|every last|each one of|the whole|a whole|the rest of|"
    "the entire|an entire|bottle of|bottles of|a bottle of|half a bottle of|a handful of|handful of|"
    "handfuls of|a bunch of|bunch of|loads of|a load of|too many|way too many|a box of|box of|a packet of|"
    "packet of|a pack of|pack of|a strip of|strips of|a months worth of|a month of|enough|dozens of|"
    "hundreds of|twenty|thirty|forty|fifty|sixty|a hundred|all the|the rest of the)"
)
_BIGNUM = "(1|2|3|4|5|6|7|8|9)#"  # two digits or more: "took 30", never "take 2 a day"
_INGEST = (
    "(take|takes|taking|took|taken|swallow|swallows|swallowing|swallowed|down|downing|downed|"
    "ate|eat|eating|chug|chugging|chugged|pop|popping|popped|overdose on|od on)"
)
_STOCKPILE = (
    "(saving|saved|save|stockpil*|hoard*|stash*|collecting|collected|storing|stored|squirrel*|"
    "building up|built up|gathering|gathered|amassing|amassed|hiding|hid|putting aside|put aside|"
    "setting aside|set aside|counted|counted out|counting|counting out|counted up|lined up|lining up)"
)
_GUN = "(gun|guns|pistol|handgun|revolver|rifle|shotgun|firearm|bullet|bullets|ammo|ammunition|exit bag|helium tank)"
_BLADE = "(razor|razors|razor blade|razor blades|blade|blades|box cutter)"
_DET = (
    "(a |an |the |some |my |more |enough |another |a new |a long |a strong |a thick |a length of |his |her |"
    "my dads |my moms |a second |a loaded )?"
)
_READY = (
    "(ready|lined up|laid out|set out|counted out|in my hand|in my hands|in hand|loaded|"
    "on my desk|on my bed|next to me|beside me|in front of me|on my lap|in my lap|all out|in my mouth|"
    "to my head|cocked)"
)
# Where people jump from, what they step in front of, what they drive into.
_HEIGHT = (
    "(bridge|building|roof|rooftop|balcony|cliff|cliffs|window|ledge|tower|car park|carpark|"
    "parking garage|parking lot|multi storey|multistorey|multi story|overpass|flyover|top floor|"
    "skyscraper|dam|viaduct|block of flats|apartment building|highest floor)"
)
_VEHICLE = "(train|trains|bus|buses|truck|trucks|lorry|lorries|car|cars|traffic|tube|subway|metro|tram)"
_WATER = "(river|sea|ocean|canal|waves)"
_CRASH_TARGET = f"(tree|wall|pole|lamppost|{_VEHICLE}|oncoming|bridge|barrier|cliff|ditch|lake|river|sea)"

# Being gone: the shape of burden and absence beliefs.
_ABSENT = (
    "(without me|if i ~(wasnt|werent|was not|were not) (here|around|alive|in it|in the picture|in their lives|"
    "in the world|in this world|born)|if i ~(was|were|am|m) (gone|dead|not here|not around|not alive|never born|"
    "out of the picture)|without (a|an|someone|somebody|people) ~like me|if i ~(died|disappeared|vanished|left this world|stopped existing|ended it|killed myself|"
    "didnt exist|never existed|was never born|wasnt born|did it|went away forever)|if im (gone|dead|not here)|"
    "(once|when|after) (im|i am|i was|i m) (gone|dead|not here)|with me (gone|dead|out of the way|out of the picture))"
)
# Words saying "this is happening soon" (never "this week", which is mostly venting).
_TIME = re.compile(
    r"\b(tonight|tonite|tomorrow|tmrw|tmr|right now|rn|this weekend|at midnight|"
    r"in (an|a few|two|a couple of|one) (hour|hours|minutes)|later tonight|tonights the night|"
    r"when (everyone|they|my parents|my family|my roommate|my wife|my husband|my partner)\w* "
    r"(is|are|s|re|goes|go|gets|get|leaves|leave)\b ?(asleep|out|gone|to sleep|to bed|home)?|"
    r"(on|this|next) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"before (morning|dawn|sunrise|my birthday|christmas|the weekend)|is the (day|night)|"
    r"the night i)\b"
)

# ---------------------------------------------------------------- context tests
_HYPERBOLE_AFTER = (
    r"^\W+(of|from|with) (embarrassment|shame|cringe|boredom|laught|laughing|jealousy|envy|"
    r"excitement|happiness|cuteness|anticipation|suspense)|^\W+laughing|"
    r"^\W+for\W+(a|an|this|that|these|those|some|one|it|him|her|them|you|his|her|my|your)\b(?!\W+(life|self))"
)
# "cut him off", "cutting back on sugar": a transitive use, not self-harm.
_HAS_OBJECT = (
    r"^ +(him|her|them|me|you|us|it|this|that|those|these|ties|back|down|off|out|up|through|corners|"
    r"costs|class|classes|school|carbs|sugar|caffeine|meat|dairy|gluten|alcohol|the|a|an|his|their|"
    r"our|your|some|every|everyone|everybody|people|contact|loose|across|short|someone|somebody|"
    r"toxic|friends|family|hair|bangs|fringe|paper|grass|wood|onions|my|dinner|food|bridges|calories|"
    r"candles|sage|bread|cake|pizza|fabric|coupons|ribbon)\b"
)
# "I've been cutting again" vs "I've been cutting hair": only adverbs may follow.
_NOT_INTRANSITIVE = (
    r"^ +(?!(so|again|tonight|today|tomorrow|now|right|rn|soon|badly|bad|really|more|deeper|"
    r"and|but|or|because|cause|cuz|coz|when|whenever|if|i|lol|too|already|anymore|lately|recently|"
    r"honestly|though|tho|all|myself|since|for|every|each|in secret|in high school|in school|"
    r"in college|in my room|in the bathroom|a lot|alot|at night|at all|again|still|tbh|idk|"
    r"ngl|even|just|is|was|has|had|have|got|gets|keeps|won|wont|will|would|are|were|last)\b)[a-z]"
)
_ACCIDENT_AFTER = (
    r"^\W+(\w+ )?(on (a|the|some|my|an)\b|by accident|accidentally|while|shaving|cooking|chopping|fell|falling|"
    r"tripped|slipped|in the sun|sunburn|at the beach|ironing|baking|gardening|"
    r"cutting (the|some|an|a)|opening|at (work|the gym|school|the kitchen)|in the kitchen|"
    r"with (the|a|an|my) (iron|kettle|pan|oven|stove|hair straighteners|curling iron|kitchen knife|"
    r"bread knife|scissors|paper))"
)
_BENIGN_PURPOSE = (
    r"^[^.!?;\n]{0,40}?\b(climbing|camping|hiking|sailing|boat|gym|workout|crossfit|dog|garden|yoga|"
    r"tug of war|skipping|jump rope|hunting|range|target practice|protection|self defen[cs]e|work|"
    r"school|cooking|kitchen|shaving|shave|crafts?|art|swing|hammock|tent|moving|boxes|laundry|"
    r"washing line|clothesline|bbq|barbecue|grill)\b"
)
_HABIT_AFTER = (
    r"^\W+(\w+ )?(every|each|in the morning|at breakfast|with (food|breakfast|dinner|lunch|water)|"
    r"on time|as prescribed|like (im|i am|i was|i m) supposed|consistently|regularly|daily|for the week|"
    r"for my (migraine|headache|anxiety|depression|adhd|pain|period|cold))"
)
_NOT_DRUGS_AFTER = (
    r"^\W+on\W+(?!((my|his|her|their|the|some|all|these|those|a|an|sleeping|his)\W+)*"
    r"(pills|pill|meds|tablets|medication|drugs|heroin|fentanyl|opioids|painkillers|paracetamol|"
    r"tylenol|insulin|xanax|benzos|sleeping|antidepressants)\b)"
)
_RELATIONSHIP_AFTER = r"^\W+(with|between|w)\b|^\W+(for us|on (him|her|them|us))\b"
# "I wrote him a goodbye letter I'll never send" is a closure exercise, not a note.
_TO_SOMEONE_BEFORE = r"\b(him|her|them|my ex|to my ex|for my ex)( a| an| my| one last)?\W*$"
_TO_SOMEONE_AFTER = (
    r"^\W+(to|for) (him|her|them|my ex|my abuser|the relationship|our relationship|my younger self|"
    r"my inner child|my past self|my old self|my future self|the old me|his|her|the ex)\b"
)
_UNSENT = r"^\W+(?:\w+\W+){0,4}(i (will|ll) never send|never sent|wont send|not going to send|never send|unsent|to burn)"
_DECLUTTER = (
    r"^[^.!?\n]{0,50}(declutter|charity|donat|thrift|goodwill|moving|move|salvation army|op shop|"
    r"marie kondo|spring clean|downsiz|minimalis)"
)
# "better off without me" is a warning sign; "better without me texting him" is not.
_ABSENCE_VETO = (
    r"^\W+(?!(being|existing|living|breathing|in|around|here|alive)\b)[a-z]+ing\b|"
    r"^\W+(for (a|the|one|this|that|two|few|now|once)|while|this|next|during|until|till|him|her|them|so much|"
    r"at (the|work|school|a|his|her)|on (the|my|this|a|his|her|holiday|vacation)|from (social|the|this|my|his|her))\b"
)
_CONTINUES = r"^ +[a-z]"  # the phrase goes on in the same clause ("before I go to bed")
_WE_BEFORE = r"\b(we|were|we re|we are|us|mutual|both)\b"  # "we're ending things": a shared decision
_FEELING = (
    "(anxious|overwhelmed|upset|angry|mad|sad|stressed|triggered|panicking|panicky|spiralling|spiraling|low|"
    "numb|frustrated|lonely|rejected|abandoned|ashamed|depressed|bad|awful|empty|the anxiety|anxiety|a panic attack)"
)
# "can't go on dates", "can't keep going back to him": a phrasal verb with an object, not endurance.
_GO_ON_OBJECT = (
    r"^ +(?!(like|anymore|any more|any longer|without|living|much|alone|another|one more|knowing|feeling|being|"
    r"existing|if|when|and|but|i|im|so|tbh|honestly|lol|please|now|today|tonight|with (this|life|my life|it|the pain)|"
    r"this way|for much)\b)[a-z]"
)
# "a burden when I ask for reassurance": a feeling about one situation, not a belief about existing.
_SITUATIONAL = (
    r"^\W+(\w+ ){0,3}(when|whenever|if|because i|for (asking|needing|wanting|having|texting|sharing|venting|"
    r"being)|by (asking|needing|texting))\b"
)


@dataclass(frozen=True)
class _Rule:
    label: str
    pattern: re.Pattern[str]
    confidence: float
    anchors: frozenset[str] | None  # word beginnings one of which every match contains
    requires: tuple[frozenset[str], ...]  # one such set per required word: all must be present
    anyone: bool = False  # no subject in the phrase: a third-person subject makes it concern
    veto_before: re.Pattern[str] | None = None  # tested on the text just before the match
    veto_after: re.Pattern[str] | None = None  # tested on the text right after the match
    soften_after: re.Pattern[str] | None = None  # topic talk: "suicide prevention"


def _rule(label: str, phrase: str, confidence: float, anyone: bool = False, **kw: str) -> _Rule:
    compiled = {k: re.compile(v) for k, v in kw.items()}
    return _Rule(
        label,
        compile_phrase(phrase),
        confidence,
        phrase_anchors(phrase),
        phrase_requirements(phrase),
        anyone,
        **compiled,
    )


def _suicidal(phrase: str, confidence: float, **kw: str) -> _Rule:
    return _rule(SUICIDAL, phrase, confidence, **kw)


def _any(phrase: str, confidence: float, label: str = SUICIDAL, **kw: str) -> _Rule:
    """A phrase with no subject of its own: "my friend ... overdose" is concern."""
    return _rule(label, phrase, confidence, anyone=True, **kw)


_RULES: tuple[_Rule, ...] = (
    # ------------------------------------------------ the words themselves
    _suicidal(
        f"{_KILL_VERB} myself",
        0.9,
        veto_after=_HYPERBOLE_AFTER + r"|^\W+(at|over) (work|the gym|school|studying)|^\W+(out|off|short)\b",
    ),
    _suicidal("(end|ends|ending|ended|take|taking) (my (own )?life|it all)", 0.9),
    _suicidal("suicidal*", 0.85),
    _suicidal("(commit|committing|attempt|attempted|attempting|complete|completing) suicide", 0.9),
    _any(
        "suicide",
        0.7,
        veto_after=r"^\W+squad",
        soften_after=r"^\W+(prevention|awareness|hotline|helpline|lifeline|line|statistics|rates?|survivor|"
        r"survivors|loss|bereavement|research|training|course|number|month|week|day)",
    ),
    _suicidal("kms", 0.8, veto_before=r"\d\W*$"),
    _any("unalive*", 0.8),
    # ------------------------------------------------ intent + act (composed)
    _any(f"{_WANT} {_TO}~(go )?die", 0.85, veto_after=_HYPERBOLE_AFTER + r"|^\W+(old|happy|peacefully)\b"),
    # "I'm going to die" is usually a prediction ("...if he doesn't text back"); a time makes it a plan.
    _any(
        f"{_PREDICT} (to )?(go )?die",
        0.45,
        veto_after=_HYPERBOLE_AFTER
        + r"|^\W+(if|when|unless|without|waiting|before|after|in|at|on|of|from|alone|old)\b",
    ),
    _any(
        f"{_INTENT} {_TO}~(end|ending) (it all|my life|my own life|my suffering|all of it|this life|everything)",
        0.85,
        veto_after=_RELATIONSHIP_AFTER,
    ),
    _any(
        f"({_INTENT} {_TO}~|{_I} ~)(end|ending) (it|things)",
        0.45,
        veto_after=_RELATIONSHIP_AFTER,
        veto_before=_WE_BEFORE,
    ),
    _any(
        "(end|ending) (it|things|it all|everything) (tonight|today|now|right now|tomorrow|this weekend)",
        0.7,
        veto_after=_RELATIONSHIP_AFTER,
    ),
    _any(
        "(end|ending) (it|things) (for good|forever|for real|once and for all|permanently)",
        0.5,
        veto_after=_RELATIONSHIP_AFTER,
        veto_before=_WE_BEFORE,
    ),
    # "if he leaves me I'm ending it": the relationship is the condition, so "it" is a life.
    _any(
        "(leaves|leave|left|dumps|dumped|dump|breaks up with|broke up with|ghosts|blocks|cheats on|cheated on)"
        f" me ~{_I} ~(ending|end|do) it",
        0.7,
    ),
    _any(
        f"{_INTENT} {_TO}~(jump*|leap*|throw myself|throwing myself|fling myself|hurl myself|step|stepping|"
        "let myself fall|fall|walk|walking|launch myself|roll|drop myself) "
        f"(off|from|of|in front of|under|out of|into|onto) ~({_HEIGHT}|{_VEHICLE}|{_WATER}|tracks|railway|"
        "the edge|the top|the tracks)",
        0.85,
    ),
    _any(f"{_INTENT} {_TO}(jump|leap) (tonight|tomorrow|today|right now|now|soon|this weekend)", 0.8),
    _any(f"{_INTENT} {_TO}(jump|jumping|leap|leaping)", 0.45, veto_after=_NOT_INTRANSITIVE),
    _any(
        "(thinking|thought|figured|figuring|worked|working|planned|planning|decided|know|knowing) (about |out )?"
        f"(how|where|when) ({_I}|to) ~(do it|end it|kill myself|die|go through with it)",
        0.5,
        veto_after=r"^\W+(with|to|for|if|in (the|my) (job|relationship|interview)|and (tell|text|ask))\b",
    ),
    _any(
        f"{_INTENT} {_TO}~(step*|walk*|run|running|lie|lay|lying|laying|throw myself|stand|standing) "
        f"(in front of|into|onto|under|on) ~({_VEHICLE}|{_WATER}|tracks|the tracks|railway|motorway|"
        "highway|oncoming)",
        0.85,
    ),
    _any(
        f"{_INTENT} {_TO}~(drive|driving|drove|crash|crashing|steer|steering|swerve|swerving|wrap) "
        f"~(into|off|onto|in front of|around) ~{_CRASH_TARGET}",
        0.8,
    ),
    _any(
        "(crash|crashing|wreck|wrecking|drive|driving) ~(my|the|his|her) (car|bike|motorbike) ~on purpose",
        0.8,
    ),
    _any(f"{_INTENT} {_TO}~(overdose|overdosing|od|take an overdose)", 0.85, veto_after=_NOT_DRUGS_AFTER),
    _any(
        f"{_INTENT} {_TO}~(starve|starving) (myself|me) to death|(stop|stopped|stopping|quit) (eating|drinking)"
        f" ~(until|till|til) {_I} (die|dead|pass out|starve)",
        0.85,
    ),
    _any(
        f"{_WANT} {_TO}~(not|never) (wake|waking) up",
        0.8,
        veto_after=r"^\W+(early|before|until|till|til|at|on time|in time|late|for)\b",
    ),
    _any(f"{_WANT} {_TO}~(stop|cease) (to )?(exist|existing|breathing|living)", 0.7),
    _any(
        f"{_WANT} {_TO}~(not|never) (exist|be alive|be here anymore|be born|have been born)",
        0.7,
        veto_after=r"^\W+(in|at|with|near|around|for|when)\b",
    ),
    _any(f"{_WANT} {_TO}~(be|being) (dead|gone forever|gone for good|six feet under)", 0.85),
    _suicidal(
        f"({_I}|im going to|im gonna|i m going to) (will |going to |gonna )?be (dead|gone) (by|before|tomorrow|"
        "tonight|soon|in (a|an|the|two|a few)|next week|this time)",
        0.7,
        veto_after=r"^\W+(\w+ ){0,3}(anyway|lol|haha|if (he|she|i have|this)|of|from|at work|tired)\b",
    ),
    _suicidal("(its|it s|it is|this is) (better|best|easier) this way", CUE, veto_after=_CONTINUES),
    _suicidal(f"{_INTENT} {_TO}~(slit|slash|cut|open|slice) (my )?(wrist|wrists|throat|veins|vein)", 0.9),
    # ------------------------------------------------ method or means, no intent word needed
    _suicidal(
        "(slit|slitting|slash|slashing|slashed|slice|slicing|sliced) (my )?(wrist|wrists|throat|veins)", 0.9
    ),
    _suicidal("(cut|cutting) (my )?(wrists|throat|veins)", 0.85, veto_after=_ACCIDENT_AFTER),
    _suicidal(
        "(put|putting|hold|holding|held|pressed|pressing) (a|the|my|my dads|his|dads) (gun|pistol|barrel|"
        "knife|blade|razor) (to|in|against|into) my (head|mouth|temple|chin|throat|wrist|wrists|neck|chest)",
        0.9,
    ),
    _suicidal(
        "(knife|blade|razor|gun|pistol|barrel|scissors|shard|glass) (is |are )?(pressed )?(to|against|on|at|into|"
        "across) my (wrist|wrists|throat|neck|head|temple|mouth|chest|veins)",
        0.85,
        veto_before=r"shav",
        veto_after=r"^[^.!?\n]{0,30}shav",
    ),
    _suicidal(
        "(blow|blowing) my (brains|head) (out|off)|(bullet|shot) (in|into|through) my (head|brain|skull)", 0.9
    ),
    _suicidal(
        "(rope|noose|belt|ligature|cord) (around|round|on) my neck|(tied|tie|tying|hung|hang|hanging|attached|fixed|"
        "secured) (the|a|my) (rope|noose|belt|cord|ligature|sheet|sheets) (to|on|from|around|over|off) ~(beam|"
        "ceiling|rafter|rafters|banister|bannister|door|doorframe|tree|branch|hook|railing|rail|pipe|neck|loft|"
        "attic|stairs)",
        0.85,
        veto_after=_BENIGN_PURPOSE,
    ),
    _any(
        "(noose|(rope|ropes|noose) (is |are )?~(ready|tied|set up|hung up|in place))",
        0.8,
        veto_after=_BENIGN_PURPOSE,
    ),
    _any(
        f"(bought|buy|buying|ordered|order|ordering|got|getting|picked up|purchased|purchasing|borrowed|stole|"
        f"found|have|has) {_DET}(rope|ropes|noose)",
        0.6,
        veto_after=_BENIGN_PURPOSE
        + r"|^\W+(light|lights|lighting|swing|toy|toys|ladder|bracelet|basket|baskets|"
        r"course|bridge|access|sandals|chain|handles|lead)\b",
    ),
    _any(
        f"(bought|buy|buying|ordered|order|ordering|got|getting|picked up|purchased|purchasing|borrowed|stole|"
        f"stealing|took) {_DET}{_GUN}",
        0.65,
        veto_after=_BENIGN_PURPOSE,
    ),
    _any(f"({_GUN}|{_BLADE}|rope|ropes) (is |are )?~{_READY}", 0.75, veto_after=r"^\W+for\b"),
    # A bath and a blade together are a method, unless someone is shaving.
    _any(
        f"(bath|bathtub|tub) ~~{_BLADE}|{_BLADE} ~~(bath|bathtub|tub)",
        0.7,
        veto_before=r"shav|\bleg",
        veto_after=r"^[^.!?\n]{0,40}shav",
    ),
    _any(
        "(get|getting|got|take|taking|took|pull|pulling|pulled|grab|grabbing|grabbed|bring|bringing|brought)"
        f" (the|my|a|some) ~{_BLADE} out",
        0.75,
    ),
    _any(
        f"{_INGEST} ~({_QUANTITY}|{_BIGNUM}) (of )?(my |the |these |those |his |her |their |our |all |all the )?{_PILLS}",
        0.85,
        veto_after=_HABIT_AFTER + "|" + _BENIGN_PURPOSE,
    ),
    _any(
        f"{_INGEST} ~(everything|all the pills|every pill|all the meds|all the tablets) in (the|my|our) ~"
        "(cabinet|cupboard|house|drawer|bathroom|first aid kit|flat|apartment|box|bag|stash)",
        0.8,
    ),
    _any(
        f"{_INGEST} (the|a) (whole|entire) (box|bottle|packet|pack|strip|blister pack|lot|stash)",
        0.6,
        veto_after=r"^\W+(of (chocolates|cookies|biscuits|wine|cereal|pizza|crisps|chips|candy|sweets|tea))\b",
    ),
    _any(
        f"{_INGEST} (all of it|it all)",
        0.45,
        veto_after=r"^\W+(in|on|back|with|for|from|out|apart|seriously|personally|off|to heart|so|as|too)\b",
    ),
    _any(
        f"{_STOCKPILE} (up )?(my |the |all my |some of my |some |extra |enough |a few of my |his |her |their )?"
        f"{_PILLS}",
        0.8,
        veto_after=r"^\W+(money|cash|receipt|receipts|coupon|card|bottles|for (a|my|the) "
        r"(trip|holiday|vacation|move))\b",
    ),
    _any(
        f"{_PILLS} ~(saved|saved up|stashed|stockpiled|hoarded|hidden|put aside|set aside|lined up|laid out|"
        "counted out|in my hand|in my hands|in front of me|next to me)",
        0.8,
        veto_after=r"^\W+for\b",
    ),
    _any(
        f"(stash|stockpile|hoard|supply|collection|pile|stack) of (my |the |all my |old |spare )?{_PILLS}",
        0.75,
        veto_after=r"^\W+(for (the|a|my) (trip|holiday|vacation|week|month|travel)|at (the|work))\b",
    ),
    _any(
        f"(enough|plenty of) ~{_PILLS} (to|saved|stored|stashed)",
        0.75,
        veto_after=r"^\W+(last|get|see|cover|keep|help|manage|sleep)\b",
    ),
    _any("(lethal|fatal|deadly) (dose|doses|amount|quantity)", 0.8),
    _any(
        f"(bought|buy|buying|ordered|order|got|picked up|stocked up on|collected) ~({_QUANTITY}|{_BIGNUM}|#|two|three|"
        f"four|five|several|a few|multiple|extra) ~(boxes|packs|packets|bottles|box|pack|packet|bottle)? ?(of )?"
        f"(my |the )?{_PILLS} ~(from different|so (they|no one|nobody)|without (anyone|telling))",
        0.7,
    ),
    _any(
        "(so|so that) ~(no one|nobody|noone|they|my family|people|anyone) ~(wouldnt|wont|cant|couldnt|doesnt|dont|"
        "will not|would not|can not|cannot) (find|stop|save|interrupt|see) me",
        0.45,
        veto_after=r"^\W+(at|in|on|with|texting|crying|looking)\b",
    ),
    _any(
        "(dont|do not|please dont|no need to|dont bother) (try|trying|look|looking|come looking) (to find|for) me",
        0.45,
    ),
    _any(
        "how (many|much) ~(to|would it take to|does it take to|it takes to|will it take to|would|to take to|"
        "you need to|i need to) (die|kill (me|myself|you|a person|someone)|be (lethal|fatal)|od|overdose|not wake up)",
        0.8,
    ),
    _any(
        "(painless|quick|quickest|easy|easiest|best|fastest|peaceful|surest|effective|reliable|sure) (way|ways|"
        "method|methods) (to|of) (die|dying|kill myself|killing myself|end it|end my life|ending my life|"
        "commit suicide|overdose|od)",
        0.8,
    ),
    _any(
        "(how|ways) (to|do i|do you|can i|could i|would i|should i) (kill myself|end my life|commit suicide|"
        "die painlessly|overdose|hang myself|od)",
        0.8,
    ),
    _any("(overdose|overdosing|overdosed)", 0.7, veto_after=_NOT_DRUGS_AFTER),
    _any("(took|taken|swallowed|have taken|ive taken) (an|a) (overdose|od)", 0.85),
    # Somewhere high, now. LOW alone ("I'm on the bridge" is also a commute); a time word makes it HIGH.
    _suicidal(
        f"{_I} ~(on|up on|at|at the top of|on top of|on the edge of|at the edge of) (the |a |this )?"
        f"({_HEIGHT}|ledge|edge|tracks|train tracks|railway|railway line|platform edge)",
        0.5,
        veto_after=r"^[^.!?\n]{0,30}\b(be there|omw|on my way|see you|almost there|nearly there|in \d+ ?(min|mins|"
        r"minutes)|stuck in traffic)\b|^\W+(with|near|for|to|watching|waiting for (my|a|the|him|her|them)|downtown|in town|"
        r"having|drinking|eating|reading|enjoying|fixing|repairing|cleaning|painting|working|be there|omw|"
        r"on my way|see you|almost there|nearly there|in \d+|traffic|stuck|of (my|his|her|your|our|the) seat|"
        r"terrace|garden|bar|party|deck|pool|patio|restaurant|cafe|club|walk|path|crossing|station|bbq|barbecue)\b",
    ),
    _suicidal(
        "(picture|picturing|imagine|imagining|visualize|visualise|visualizing|visualising|see|seeing) (myself|me)"
        " ~(hanging|hung|dead|jumping|falling|drowning|bleeding out|in a coffin|in my coffin|at my (own )?funeral|"
        "overdosing|lifeless|in the ground|gone)",
        0.75,
    ),
    _suicidal(
        "(hanging|hung) (myself )?(from|off) ~(stairs|banister|bannister|ceiling|beam|rafter|rafters|door|"
        "doorframe|closet|loft|attic|noose|rope)",
        0.75,
        veto_after=r"^\W+(lights|decorations|pictures|photos|plants|posters|fairy)\b",
    ),
    # ------------------------------------------------ goodbyes and final arrangements
    _any(
        "(goodbye|farewell|suicide) (note|notes)",
        0.85,
        veto_before=_TO_SOMEONE_BEFORE,
        veto_after=_TO_SOMEONE_AFTER + "|" + _UNSENT,
    ),
    _any(
        "(goodbye|farewell|suicide) (letter|letters|message|messages|post|video|videos|text|texts|email|emails)",
        0.8,
        veto_before=_TO_SOMEONE_BEFORE,
        veto_after=_TO_SOMEONE_AFTER + "|" + _UNSENT,
    ),
    _any(
        "(wrote|write|writes|writing|written|left|leave|leaving|recorded|recording|record|made|making|drafted|"
        "drafting|finished|prepared|preparing|typed|typing) ~(note|notes|letter|letters|message|messages|video|"
        "videos) ~(goodbye|to say goodbye|saying goodbye|say goodbye|so (they|she|he|you|everyone) (know|knows|"
        "understand|understands|will understand|wont blame|dont blame)|for after|for when|after im gone|"
        "when im gone|once im gone|for them to find|to find after)",
        0.8,
        veto_after=r"^\W+to\W+(?!(everyone|everybody|my (family|kids|children|parents|mum|mom|dad|sister|brother|"
        r"friends|wife|husband|partner|loved ones)|them|you all|all of you|people|the world)\b)|^\W+(?:\w+\W+){0,3}"
        r"(i (will|ll) never send|never sent|wont send|not going to send|to never send|unsent)",
    ),
    _any(
        "(writing|wrote|written|finished|finishing|left|leaving|leave|leaving) my (note|notes|letter|letters|last letter|"
        "final letter|final note|last note|last words)",
        0.5,
        veto_before=_TO_SOMEONE_BEFORE,
        veto_after=_TO_SOMEONE_AFTER
        + "|"
        + _UNSENT
        + r"|^\W+(for|about|at|on|in (class|the|my (bag|car)))\b",
    ),
    _any(
        "(letters|notes|a letter|a note) (for|to) ~(each of )?(my )?"
        "(kids|children|family|parents|mum|mom|dad|sister|brother|wife|husband|partner|friends|everyone|loved ones)",
        0.45,
        veto_before=r"^(?!.*\b(wrote|write|writes|writing|written|left|leave|leaving|recorded|typed)\b)",
        veto_after=r"^\W+(for (christmas|birthdays|their birthday|the holidays)|about|from camp|at camp)\b",
    ),
    _any(
        "(my |this is my |that s my |thats my )?(last|final) (message|post|words|text) (here|ever|to you all|"
        "to everyone|on this|on here|before i go)",
        0.45,
        veto_after=r"^\W+(about|on|regarding|for (a|the) (while|bit|week|month|tonight|today)|until|till|for now)\b",
    ),
    _any(
        "thank you (all |guys |everyone )?(for everything|for trying|for all you did|for being there)",
        CUE,
        veto_after=_CONTINUES,
    ),
    _suicidal(
        "goodbye",
        CUE,
        veto_before=r"[a-z]\W*$|\b(say|said|saying|says|to|a|the|our|my|his|her|"
        r"wave|waved|kiss|hug)\W*$",
        veto_after=_CONTINUES,
    ),
    _any(
        "(by the time|when|once|if) (you|anyone|someone|they|somebody|people|you all) (read|reads|see|sees|find|finds"
        "|get|gets) (this|my note|my message|me) ~(ill|i will|i ll|i|im|i m|i am) ~(be gone|be dead|wont be here|"
        "wont be alive|will be gone|gone|dead|not be here|be at peace)",
        0.85,
    ),
    _any(
        "(left|leaving|leave|wrote|writing|sent|sending) (a |me a |us a |her a |him a )?(note|message|text|letter) "
        "(saying|that said|that says|says|said) ~(sorry for everything|goodbye|i love you all|forgive me|im sorry|"
        "she was sorry|he was sorry|its not your fault|it s not your fault|take care of)",
        0.6,
        veto_before=_TO_SOMEONE_BEFORE,
    ),
    _any(
        "(note|notes|letter|letters) ~(explaining|to explain|that explains) (why|everything)"
        " ~(i|im) (did|do|had to do|have to do|am doing|m doing|did it|decided|chose|couldnt)",
        0.65,
    ),
    _any(
        "(said|saying|say|saying all|said all) (all )?(my|his|her|their) goodbyes|(said|saying|say) goodbye to "
        "(everyone|everybody|all of you|you all|the world|this world|my loved ones|everyone i love|the people i love)",
        0.7,
        veto_after=r"^\W+(to (the|my|our|his|her) (old|home|city|town|house|flat|apartment|job|school|hometown|"
        r"team|colleagues|coworkers|class)|before (moving|leaving|i (move|left|leave|fly))|and (moved|left|drove|"
        r"flew|got)|at (the|my|our) (airport|station|party|leaving))",
    ),
    _any(
        "(said|saying|say) goodbye to (people|my family|my friends|my kids|my parents|my mum|my mom|my dad|my pets|"
        "my cat|my dog|her family|his family|her friends|his friends|their family|their friends)",
        0.45,
        veto_after=r"^\W+(at|before|and (left|drove|flew|got)|as|on the|outside|after (the|our|my) (party|visit|trip))",
    ),
    _any(
        "(goodbye|farewell) (everyone|everybody|all|world|cruel world|forever|for good|for ever|guys|friends|"
        "all of you|my friends|this world|my loves)",
        0.6,
        veto_before=_TO_SOMEONE_BEFORE,
        veto_after=r"^[^.!?\n]{0,40}\b(for the night|for now|see you|talk (soon|tomorrow|later)|logging off|log off|"
        r"off to bed|going to bed|good ?night|gnight|until (tomorrow|next)|next (week|time)|tomorrow|be back)\b|"
        r"^\W+(see you|talk (soon|tomorrow|later)|for now|for (the|a|this) (night|day|week|while|bit|month)|"
        r"until|till|ill be back|back (soon|later|tomorrow|next)|have a|off to|logging|gotta|[a-z]+ (my|our) (ex|"
        r"relationship|situationship))",
    ),
    _any(
        "this is (my )?(goodbye|farewell)", 0.5, veto_after=r"^\W+to (him|her|them|you|my ex|the|this|our)\b"
    ),
    _suicidal("this is the end (for me|of me|of the road for me)", 0.45),
    _any("(im |i am |i m )?(so |truly |really )?sorry for everything", CUE, veto_after=_CONTINUES),
    _suicidal(
        "(giving|gave|give|given|gifting|gifted) away (all|most|nearly all|almost all)( of)? my ~(stuff|things|"
        "belongings|possessions|clothes|books|pets|plants|cat|dog|cats|dogs|records|games|jewellery|jewelry|art|"
        "furniture)|(giving|gave|give|given|gifting|gifted) away everything (i own|i have)",
        0.7,
        veto_after=_DECLUTTER,
    ),
    _any(
        "(giving|gave|give|given|gifting|gifted) away (his|her|their) (own |favourite |favorite |prized )?"
        "(stuff|things|belongings|possessions)",
        0.45,
        veto_after=_DECLUTTER,
    ),
    _any(
        f"(giving|gave|give|given|gifting|gifted) away (my|his|her|their) ~{_BELONGINGS}|(giving|gave|give|given|"
        f"gifting|gifted) (my|his|her|their) ~{_BELONGINGS} (away|to)",
        CUE,
        veto_after=_DECLUTTER,
    ),
    _any(
        "(giving|gave|give|given|gifting|gifted) (his|her|their) (own |favourite |favorite |prized )?"
        "(stuff|things|belongings|possessions) away",
        0.45,
        veto_after=_DECLUTTER,
    ),
    _suicidal(
        "(wont|will not|wouldnt|not going to|no longer) need (them|it|this|these|those|any of (it|this|them)|anything|"
        "my stuff|my things) ~(anymore|any more|where im going|after this|soon)",
        0.5,
        veto_after=r"^\W+(because|cause|since|as|now that|after|when|once|for)\b",
    ),
    _suicidal(
        "(wont|will not|not going to) need (them|it|any of (it|this|them)|my stuff|my things)",
        CUE,
        veto_after=_CONTINUES,
    ),
    _suicidal(
        "(getting|get|got|put|putting|have|sorted|sorting|sort|setting|set) (all )?(my )?(affairs|things|life)"
        " (in order|straight)",
        0.5,
        veto_after=r"^\W+(for|before (the|my|our|i (move|start|leave for)|moving|starting)|so (i|that i) can)\b",
    ),
    _suicidal(
        "(made|making|wrote|writing|updated|updating|finished|finishing|drew up|drawing up) (a|my) will", 0.3
    ),
    _suicidal(
        f"(who|someone to|somebody to|who will|who ll|wholl|to) (gets|get|take|takes|look after|care for|"
        f"have|inherit|inherits) my ~{_BELONGINGS}",
        0.45,
        veto_after=r"^\W+(while|when i (go|am away|travel)|for (the|a) (weekend|week|holiday|trip|month)|"
        r"during)\b",
    ),
    _any(
        "(wrote|written|finished|finish|left|sealed|addressed) the (letters|notes|note|goodbye)",
        0.45,
        veto_after=r"^\W+(for|to) (work|school|class|the (landlord|office|teacher|council))\b",
    ),
    _suicidal(
        "nothing (left )?(else )?(left )?to do (now|anymore|but wait|except wait)?",
        CUE,
        veto_after=_CONTINUES,
    ),
    # Speaking of oneself in the past tense to the people left behind.
    _suicidal(
        "(tell|let) (my|them|everyone|all) ~(i|that i) (loved|always loved|was sorry|never meant)", 0.6
    ),
    _suicidal(
        "please (tell|let) my (mom|mum|dad|family|kids|children|parents|sister|brother|wife|husband|partner|"
        "son|daughter) ~(i|that i) (love|m sorry|am sorry)",
        0.45,
        veto_after=r"^\W+(\w+ ){0,2}(when|tomorrow|later|at|on|before|if)\b",
    ),
    _suicidal("before (i|im|i m) (go|leave|die|am gone|gone|do it)", CUE, veto_after=_CONTINUES),
    _suicidal(
        "(a|my|the) plan and (a|the) (date|day|time|method|way|place)|(picked|chosen|set|chose|pick|"
        "choose|decided on|found) (a|the) (date|day|time|spot|place|method|way|bridge|building) (to|when|where|for) "
        "~(do it|end it|die|kill myself|jump|end my life|go through with it)",
        0.6,
        veto_after=r"^\W+(for|to (the|a|my|our|see|visit|meet|go)|with (him|her|them|my|the))\b",
    ),
    _any("(have|got|ive got|i ve got) everything (i need|ready|prepared|sorted)", CUE, veto_after=_CONTINUES),
    _suicidal(
        "(the |a |my )?(date|time|day|place|spot|location) (and )?(the |a |my )?(method|means|way ill do it)|"
        "(the |a |my )?(method|means) (and )?(the |a |my )?(date|time|day|place|spot)",
        0.6,
    ),
    _suicidal(
        "(planned|worked|figured|sorted|thought) (it all|everything|it) out", CUE, veto_after=_CONTINUES
    ),
    _suicidal(
        "(made|make) (up )?my mind( up)?",
        CUE,
        veto_after=_CONTINUES + r"|^\W+(about|to (break|leave|go|end))",
    ),
    _suicidal(
        "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow|today) is the (day|night)",
        CUE,
        veto_after=_CONTINUES,
    ),
    # ------------------------------------------------ wishing to be dead
    _suicidal(
        "(dont|do not|dont even|no longer|never) (want to|wanna) (be alive|live|wake up|exist|be here|keep living|"
        "go on living|go on|keep going|carry on|continue living|keep existing)"
        "( anymore| any more)?",
        0.85,
        veto_after=r"^\W+(with|in|at|near|there|together|on|by|like that|early|before|for|until|til|till|so early)\b",
    ),
    _suicidal(
        "(want|wanna|wanted|would like|like) to (not|never) (be alive|live|wake up|exist|be here|"
        "have been born)",
        0.8,
        veto_after=r"^\W+(with|in|at|near|there|together|on|by|early|before|for|until|til|till)\b",
    ),
    _suicidal(
        "(wish|wished|wishing|hope|hoping) (i|id|that i) ~(was|were|could be|would be|be) dead",
        0.85,
        veto_after=r"^\W+(tired|inside|wrong)\b",
    ),
    _suicidal(
        "wish (i|id|i d) (had never been|never been|was never|wasnt|werent|had not been|hadnt been|were never)"
        " (born|alive)",
        0.75,
    ),
    _suicidal(
        "(hope|hoping|pray|praying|wish|wishing) (that )?(i|id|to) ~(dont|never|wont|do not|will not|dont ever|"
        "didnt|would not|wouldnt) (wake|waking) up",
        0.85,
        veto_after=r"^\W+(early|before|until|till|at|on time|in time|late)\b",
    ),
    _suicidal(
        "(make sure|so|so that) (i|im) (dont|never|wont|do not|will not) (wake|waking) up",
        0.85,
        veto_after=r"^\W+(early|before|until|till|at|on time|in time|late|tired|with)\b",
    ),
    _suicidal(
        "(hope|hoping|pray|praying|wish|wishing) (that )?(i|id|to) ~(die|drop dead|stop breathing|get cancer|"
        "pass away|dont survive|do not survive|die in my sleep)",
        0.8,
        veto_after=_HYPERBOLE_AFTER + r"|^\W+(old|happy|peacefully|surrounded|before (him|her|them|my))\b",
    ),
    _suicidal(
        "(hope|hoping|pray|praying|wish|wishing) (that )?(i|id|to) ~(get|gets|got|be|am) (hit|run over|killed|shot|"
        f"struck) ~by (a |an |the )?({_VEHICLE}|bullet|drunk driver|plane)",
        0.65,
    ),
    _suicidal(
        "(wish|hope|pray) (i|to) (get|gets|be) (hit|struck|crushed) by (a|an) (meteor|asteroid|lightning)",
        0.4,
    ),
    _suicidal(
        "(and|to|just|could|id) (never|not) (wake|waking) up",
        0.8,
        veto_after=r"^\W+(before|until|till|til|early|on time|in time|at|when|for|with|to|late|after|in)\b",
    ),
    _suicidal(
        "(sleep|sleeping|asleep) (forever|for good|for ever|and never wake up)|(go to sleep|fall asleep|sleep) "
        "and (stay asleep|never wake|not wake)|stay asleep (forever|for good|for ever)",
        0.7,
        veto_after=r"^\W+(and|then|til|till|until|or) (wake|woke|get|just wake|not|when)|^\W+(until|till|til)\b",
    ),
    _suicidal(
        "(easier|better|simpler|kinder|a relief|best) (for everyone )?(to|if i) ~(not exist|not be here|not be alive|"
        "die|be dead|disappear|not wake up|end it|end my life|stop existing|just stop)",
        0.6,
        veto_after=r"^\W+(for (a|the) (while|bit|week|day|weekend)|from (social|the|this|his|her)|on|at|in|with)\b",
    ),
    _suicidal(
        "(what if|if only|maybe|imagine if) i ~(stopped|stop) (existing|living|breathing)|(what if|if only|"
        "maybe) i ~(died|disappeared|vanished|wasnt here|was gone|ended it|didnt wake up)",
        0.5,
        veto_after=r"^\W+(for|from|at|on|in)\b",
    ),
    _suicidal(
        "(care|cares|cared|caring|matter|matters|notice|notices) (if|whether) (i|im|i m) (live|living|die|dying|"
        "alive|dead|exist|existing|here or not|live or die)",
        0.6,
        veto_after=r"^\W+(of|from|at|in)\b",
    ),
    _suicidal("(worse|harder|ruined|miserable) (because of|thanks to) me", 0.4),
    _suicidal(
        "better off with (the|my) ~(life insurance|insurance|payout|insurance money|inheritance)", 0.75
    ),
    _suicidal(
        "nothing (left )?(for me )?(here|in this world|to stay for|to hold on to|to keep me here)|nothing left "
        "for me( anymore)?",
        0.45,
        veto_after=r"^\W+(in (this|that) (town|city|job|place|relationship))\b",
    ),
    _suicidal(
        "(except|but|other than|apart from|besides|aside from) (dying|death|suicide|to die|ending it|killing myself|"
        "ending my life|to end it)",
        0.6,
    ),
    _suicidal(
        "why (am i|am i even|do i|should i|do i even|do i still|am i still) (alive|still alive|exist|here|bother "
        "living|keep living|keep waking up|wake up|bother)",
        0.45,
        veto_after=r"^\W+(with|at|in|for|so|on|doing|trying|texting)\b",
    ),
    _suicidal(
        f"{_WANT} {_TO}~(stop|not) (feeling|feel)( anything| at all)? ?(permanently|forever|for good|ever again)",
        0.45,
    ),
    _suicidal(
        "(cant|cannot|can not|dont|do not) (see|picture|imagine) (myself|me) ~(being alive|alive|living|making it|"
        "surviving|still here|being here) ~(next|in|by|much longer|a year|another|past|until|till|to)",
        0.6,
        veto_after=r"^\W+(job|company|relationship|house|city|town|place)\b",
    ),
    _suicidal(
        "(hope|hoping|hopes|pray|praying|wish|wishing) (that )?(the|my) (plane|car|bus|train|flight) "
        "(crashes|crash|goes down|hits)",
        0.45,
    ),
    _suicidal(
        "how (much )?(longer|more) (i|im|i m) (can|could|am able to|going to be able to) ~(keep going|go on|do this|"
        "take (this|it)|hold on|survive|carry on|keep living|last|live like this|keep fighting)",
        0.45,
    ),
    _any(
        f"{_PREDICT} (to )?(do (something|anything) (stupid|drastic|dangerous|i cant take back|permanent)|hurt "
        "(myself|himself|herself|themselves))",
        0.6,
        veto_after=r"^\W+(like|such as|and (text|call|message|buy|go|get|quit|dye|cut (my|his|her) hair))\b",
    ),
    _suicidal("better off dead", 0.85),
    _suicidal(
        "(rather|prefer to|prefer) (be dead|die|not exist|not be alive|not wake up|not be here|not live) than "
        "(live|living|feel|feeling|go on|going on|keep|wake up|be alive|face|deal|spend|exist|existing|suffer|"
        "suffering|continue|carry on|be like this|be this)",
        0.65,
    ),
    _suicidal(
        "(waiting|wait) (to die|for death|for (it|my life|everything) to end|to not exist|for the end)",
        0.65,
        veto_after=r"^\W+of\b",
    ),
    _suicidal("(dont|do not|never|no longer) deserve to (live|be alive|exist|be here|wake up|breathe)", 0.7),
    _suicidal(
        "(thinking|thought|thoughts|think|thinkin|fantasi*|dreaming|dream|dreams|obsessing|obsessed) (about|of) "
        "(dying|death|being dead|not being here|not existing|not waking up|my own death|my funeral|suicide)",
        0.7,
    ),
    _suicidal(
        "(thinking|thought|thoughts|think|thinkin|fantasi*|dreaming|dream|obsessing|urges|urge) (about|of) "
        "(ending|end) (it|it all|things|everything|my life|my own life|my suffering|the pain)",
        0.6,
        veto_after=_RELATIONSHIP_AFTER,
    ),
    _suicidal(
        "(death|dying|suicide|being dead|ending it|ending my life|killing myself|not existing|not being here|"
        "not waking up) (is|seems|feels|looks|sounds) (like )?(the |my )?(only|best|easiest|last|one|real|right|"
        "better|perfect) (way out|option|answer|solution|choice|escape|exit|thing left|way|way to go)",
        0.8,
    ),
    _suicidal(
        "no (way|other way) out ~(but|except|other than|apart from|besides|aside from|than) ~(dying|death|suicide|"
        "to die|ending it|killing myself|ending my life)",
        0.8,
    ),
    _suicidal(
        "(dying|death|being dead|not existing|not being here|not waking up|ending it|it all ending|ending my life)"
        " (would|will|could|might|d|is gonna|is going to) (be )?(a |such a |so much of a )?(relief|better|easier|"
        "peaceful|release|mercy|blessing|gift|so much better|nice|freeing|welcome|escape|rest)",
        0.7,
    ),
    _suicidal(
        "(want|wanna|wish i could|going|need|just want) (to )?(disappear|vanish) (forever|for good|"
        "permanently|for ever|off the face of the earth|and never come back|and not come back)",
        0.5,
    ),
    _suicidal("(and )?(not|never) (come|coming) back", CUE, veto_after=_CONTINUES + r"|^\W+(to|from|here)\b"),
    _suicidal(
        "(want|wanna|wish i was|wish i were|just want|need) (to be )?gone",
        0.7,
        veto_after=r"^\W+(for|from|all|by|before|until|till|at|on|this|next|when|to|away|out|already|now)\b",
    ),
    _suicidal(
        "(wont|will not|dont think ill|doubt ill|might not) be (here|around|alive) (next|tomorrow|much longer|for long|"
        "anymore|by|for much longer|to see)",
        0.7,
        veto_after=r"^\W+(week|weekend|month|year|time|day)?\W*(because|cause|cuz|im|i m|i am|as|since|for|due|on|"
        r"at|so|ill be|i will be|going|travelling|traveling|away|out of|in)\b",
    ),
    _suicidal(
        "(dont think|doubt) (ill|i will|i ll) (be (here|around|alive)|make it|survive)",
        0.6,
        veto_after=r"^\W+(to|in|on|at|for|through the (day|week|meeting|shift)|with|without|till|until|past)\b",
    ),
    # ------------------------------------------------ burden and absence: warning signs, HIGH
    _suicidal(
        "(better|happier|easier|fine|okay|ok|good|relieved|lighter|freer|free|better off|happier off|"
        f"less stressed|less burdened|a better place|be better) ~{_ABSENT}",
        0.75,
        veto_after=_ABSENCE_VETO,
    ),
    _suicidal(
        "(nobody|no one|noone|no body|not a single person|not one person|nobody else|no one else|none of them|"
        "anyone|anybody|who|no one here|nobody here) ~(notice|noticed|care|cared|"
        f"miss me|mind|be sad|cry|come to my funeral|remember me|even know|know) ~{_ABSENT}",
        0.75,
        veto_after=_ABSENCE_VETO,
    ),
    _suicidal(
        "(wont|wouldnt|would not|will not|would never|will never|dont|doesnt|never|wouldn t) ~(notice|care|miss me|"
        f"mind|be sad|cry|come to my funeral|remember me) ~{_ABSENT}",
        0.75,
        veto_after=_ABSENCE_VETO,
    ),
    _suicidal(
        "(nobody|no one|noone) (would|will|d|is going to|gonna) (even )?(miss me|notice im gone|"
        "come to my funeral|care if im gone)",
        0.65,
        veto_after=r"^\W+(at|in|on|from|during|while)\b",
    ),
    _suicidal(
        "((everyone|everybody|the world|they|my family|people|you|he|she) (would|will|d|ll)|theyd|youd|"
        "hed|shed|everyoned|theyll|youll) (all )?be better off",
        0.45,
        veto_after=_CONTINUES,
    ),
    _suicidal(
        "(im|i am|i m|i feel like|feel like|i feel|being|just|only|always|nothing but|such) ~(a|an|such a|"
        "nothing but a|just a) (burden|waste of space|waste of oxygen|waste of air|drain on everyone)",
        0.45,
        veto_after=_SITUATIONAL,
    ),
    _suicidal(
        "(a|such a|just a) burden (to|on|for) (everyone|everybody|my family|them|you all|people)",
        0.45,
        veto_after=_SITUATIONAL,
    ),
    # ------------------------------------------------ hopelessness: LOW unless it names living itself
    _suicidal(
        "no (reason|point|purpose) (left )?(to|in|for) (live|living|go on|going on|be alive|being alive|stay alive|"
        "staying alive|keep living|keep going|wake up|waking up|exist|existing|carry on|carrying on|be here|"
        "being here)",
        0.85,
        veto_after=r"^\W+(with|in|at|for|to)\b",
    ),
    _suicidal(
        "(nothing|nobody|no one|noone) (left )?(to|for me to|worth) (live|living) for|"
        "(no|nothing|nothin) (left )?to live for|(have|got) nothing (left )?(to|worth) live for",
        0.8,
    ),
    _suicidal(
        "(dont|do not|cant|cannot|can not|dont even|no longer) see (a|any|the|much) (reason|point|purpose) (to|in|of|for)"
        " (keep going|keep living|living|live|go on|going on|carry on|carrying on|being alive|staying alive|be alive|"
        "stay alive|exist|existing|being here|life)",
        0.7,
        veto_after=r"^\W+(with|in|at|to|for|on|back)\b",
    ),
    _suicidal(
        "(no|dont see the|dont see any|dont see a|whats the|what is the|whats even the|what even is the|"
        "is there a|is there any|lost the|theres no|there is no|there s no) point (in|of|to) (living|life|being alive|"
        "going on|staying alive|existing|stay alive|live|be alive|keep going|keep living)",
        0.75,
        veto_after=r"^\W+(with|in|at|for|back|to)\b",
    ),
    _suicidal(
        "(whats the|what is the|whats even the|what even is the|theres no|there is no|there s no|i see no|dont see the|"
        "no|not much|never any) point (in|of|to) (anything|it all|any of (this|it)|trying|even trying|all of this|anymore|"
        "any more|everything)",
        0.45,
        veto_after=r"^\W+(with|in|at|for|if|when|unless|to (text|message|call|see|be|go|date))\b",
    ),
    _suicidal(
        "(dont|do not|cant|cannot) see (the|a|any) point (anymore|any more)", 0.45, veto_after=_CONTINUES
    ),
    _suicidal(
        "((dont|do not|cant|cannot|can not) see|there is no|theres no|i have no|ive got no|no) (a |any )?future "
        "(for (myself|me)|ahead of me|at all|anymore|left)",
        0.45,
        veto_after=r"^\W+(with|in (this|that|the|my|our)|for (us|him|her|them))\b",
    ),
    _suicidal(
        "(being alive|living|existing|life|existence|being here|waking up) ~(hurts|is too painful|is too hard|is agony|"
        "is torture|is unbearable|feels unbearable|is hell|is a nightmare) ~(too much|so much|anymore|every day)?",
        0.45,
        veto_after=r"^\W+(with|without|in|at|near|since)\b",
    ),
    _suicidal(
        "(death|dying|being dead|not existing|not being alive|the void|nothingness) (sounds|seems|feels|looks|is|"
        "would be|would feel|must be) (so |really |kind of |pretty |quite |more )?(peaceful|nice|good|appealing|"
        "tempting|like a relief|inviting|better|easier|comforting|calming|like an escape)",
        0.6,
        veto_after=r"^\W+(in (the|that|this) (movie|book|show|song|game))\b",
    ),
    _suicidal(
        "(life|living|my life|existence|being alive|everything) (is|feels|seems|has become|s) (so |just |completely |"
        "totally |utterly )?(pointless|meaningless|hopeless|unbearable|not worth (it|living))",
        0.45,
    ),
    _suicidal(
        "(life|living|my life) (isnt|is not|aint|not|is never|s not|will never be|wont ever be) worth (living|it)",
        0.8,
        veto_after=r"^\W+(without (him|her|them|you))\b",
    ),
    _suicidal(
        "(cant|cannot|can not|unable to) (go on|keep going|carry on|keep living|keep doing this|do life|"
        "live like this|exist like this)",
        0.65,
        veto_after=_GO_ON_OBJECT,
    ),
    _suicidal(
        "(cant|cannot|can not) (take|do|handle|bear|stand|cope with) (it|this|life|any of this|this life|"
        "the pain|living|existing|being alive|this pain|it all|much more) (anymore|any more|much longer)",
        0.5,
        veto_after=r"^\W+(with (him|her|them|you)|at work|in this (job|relationship))\b",
    ),
    _suicidal("(cant|cannot|can not) (keep )?(live|living|exist|existing|go on living) like this", 0.6),
    _suicidal(
        "(tired of|sick of|done with|exhausted from|exhausted by|exhausted with|weary of|hate) (being alive|"
        "living|existing|life|this life|being here)",
        0.65,
        veto_after=r"^\W+(in|with|at|here|like|near|on|under|paycheck|alone|without|so|through|out of|"
        r"by|for|as|a|around|every|together|there|apart|up|to|far)\b",
    ),
    _suicidal(
        "(done|finished) with (everything|it all|all of it|this world|everyone and everything)|done (trying|fighting)",
        0.45,
        veto_after=r"^\W+(with|to|for|in|at|on|so|by|and (going|now|ready)|to (make|please|get|be))\b",
    ),
    _suicidal(
        "(give|giving|gave|given) up on (life|living|existing|staying alive|being alive|this life|"
        "everything|it all)",
        0.6,
        veto_after=r"^\W+(with (him|her|them|dating|love)|in (dating|love|relationships)|for)\b",
    ),
    _suicidal(
        "(want|wanna|need) (out|to get out|a way out) (of )?(this|my|of this|of my)? ?life",
        0.6,
        veto_after=r"^\W+(with|style|situation)\b",
    ),
    _suicidal(
        "(want|wanna|need) (it|it all|everything|this|the pain|the hurt|the suffering|my life|life|all of it|"
        "all of this) to (end|stop|be over|finish|go away)( forever| permanently| for good)?",
        0.7,
        veto_after=r"^\W+(so|before|and then|by|soon|after|already|first)\b",
    ),
    _suicidal("(i|just|really) need (a|some) (permanent|final) (escape|rest|sleep|way out)", 0.7),
    # ------------------------------------------------ self-harm
    _rule(
        SELF_HARM,
        f"{_INTENT} {_TO}~(hurt|cut|harm|burn|starve|punish|scratch|hit|bruise|mutilate) myself",
        0.85,
    ),
    _rule(
        SELF_HARM,
        f"{_HARM_VERB} myself",
        0.85,
        veto_after=r"^\W+(on|while|shaving|cooking|by accident|accidentally|out|off|short|loose|free|with (the|a) "
        r"(iron|kettle|pan|oven|stove|knife|pot|tray))\b",
    ),
    _rule(SELF_HARM, "hurting myself", 0.55),
    _rule(
        SELF_HARM,
        f"{_HURT_VERB} (myself|my ~{_BODY}) ~(on purpose|deliberately|intentionally|to feel|to punish|"
        "as punishment|physically)",
        0.8,
    ),
    _rule(
        SELF_HARM,
        f"({_STRIKE_VERB}|{_HURT_VERB}) (myself|my ~{_BODY}|my head against ~(the|a) (wall|floor|door)) "
        f"~(when|whenever|every time|if|because) ~{_FEELING}",
        0.7,
    ),
    _rule(
        SELF_HARM,
        f"{_STRIKE_VERB} (myself|my ~{_BODY}) ~(on purpose|deliberately|intentionally|to feel|"
        "to punish|as punishment|so hard|again|every night|every day|until|till)",
        0.8,
        veto_after=r"^\W+(at|in) (the gym|work|training|practice)|^\W+(on|by) (accident|the)\b",
    ),
    _rule(SELF_HARM, f"(myself|my ~{_BODY}) ~(until|till|til|so hard|so much|enough) ~{_WOUND}", 0.75),
    _rule(
        SELF_HARM,
        f"{_STRIKE_VERB} (the|a) (wall|walls|door|mirror|window|floor) ~(until|till|so hard|on purpose|"
        "again|to feel)",
        0.45,
        veto_after=r"^\W+(in (the|a) (game|match))\b",
    ),
    _rule(
        SELF_HARM,
        "(hit|hits|hitting|punch|punches|punching|punched|slap|slapping|slapped|scratch|scratches|"
        "scratching|scratched|bite|bites|biting|claw|clawing|clawed) myself",
        0.55,
        veto_after=r"^\W+(\w+ )?(on|against|into|in the|with the|by accident|accidentally|while|awake|out of|"
        r"up|over)\b",
    ),
    _rule(
        SELF_HARM,
        "hurt myself",
        0.6,
        veto_after=r"^\W+(\w+ ){0,2}(at|in|on|while|playing|lifting|by|when|during|doing|trying|falling|running|"
        r"training|skiing|working|moving|exercising|emotionally|badly)\b",
    ),
    _any(
        f"my ~{_BODY} (is|are|s|re|was|were) ~(covered in|full of|all|littered with) (fresh |new |deep |)?(cuts|"
        "scratches|burns|scars|wounds|marks|slashes)",
        0.5,
        label=SELF_HARM,
        veto_after=r"^\W+from (my|the|a|our|his|her) (cat|dog|kitten|puppy|garden|bush|roses|hike|fall|job|work)\b",
    ),
    _any(
        f"{_WANT} {_TO}~(bleed|see (my own )?blood|feel the blade|feel pain|hurt|suffer)",
        0.5,
        label=SELF_HARM,
        veto_after=r"^\W+(him|her|them|you|for|as much|like)\b",
    ),
    _any(
        "(free|clean|sober|recovered) (from|of) (cutting|self harm|self_harm|sh|self harming|self_harming|burning)",
        0.6,
        label=SELF_HARM,
    ),
    _any(
        f"(cut|cuts|cutting|slice|slicing|sliced|carve|carving|carved|slash|slashing|slashed|burn|burned|burnt|"
        f"burning|stab|stabbed|stabbing) ~(into |on |in )?my ~{_BODY}",
        0.75,
        label=SELF_HARM,
        veto_after=_ACCIDENT_AFTER + r"|^\W+(hair|nails|fringe|bangs)\b",
    ),
    _any(
        f"(cutting|carving|burning|slashing|slicing) (his|her|their) ~{_BODY}",
        0.7,
        label=SELF_HARM,
        veto_after=_ACCIDENT_AFTER,
    ),
    _any(
        "(havent|have not|hasnt|has not|not) (cut|cutting|self harmed|self harming|sh|harmed (myself|himself|herself)|"
        "hurt myself|burned myself) (in|for|since)|(days|weeks|months|years) (clean|free|without) (from |of )?"
        "(cutting|sh|self harm|self_harm|self harming)",
        PAST_CONFIDENCE,
        label=SELF_HARM,
    ),
    _any(
        f"(cut|cutting|carved|carving|burned|burnt|scratched|scratching) ~(into|in|on) (my|his|her|their) ~{_BODY}",
        0.75,
        label=SELF_HARM,
        veto_after=_ACCIDENT_AFTER,
    ),
    _any(
        f"(scar|scars|scarring|cuts|wounds|burns) (on|all over|up and down) my ~{_BODY} ~(from|are|again|fresh|new)",
        0.4,
        label=SELF_HARM,
    ),
    _any(
        "(urge|urges|craving|cravings|itch|itching|tempted|temptation|relapse|relapsed|relapsing) (to )?~(cut|burn|"
        "sh|self harm|self_harm|scratch|carve)",
        0.75,
        label=SELF_HARM,
        veto_after=_HAS_OBJECT,
    ),
    _any(
        "(want|wanna|need|needing|going|gonna|about|wanting|wanted) to (cut|burn|sh|self harm|self_harm|carve)",
        0.7,
        label=SELF_HARM,
        veto_after=_NOT_INTRANSITIVE,
    ),
    _any(
        "(been|started|start|starting|keep|kept|still|back to|caught|went back to|go back to|resorted to|resort to) "
        "~(cutting|burning|self harming|self_harming|harming|sh|carving)|used to (cut|burn|self harm|self_harm|sh|"
        "carve)",
        0.75,
        label=SELF_HARM,
        veto_after=_NOT_INTRANSITIVE,
    ),
    _any(
        "(cutting|harming|burning|self harming|self_harming) (again|tonight|today|last night|every night|deeper)",
        0.65,
        label=SELF_HARM,
    ),
    _any("self_harm*", 0.85, label=SELF_HARM),
    _any(
        "(sh|self_harm|cutting) (urge|urges|relapse|relapsed|again|tonight|badly|wounds|scars)",
        0.8,
        label=SELF_HARM,
    ),
    _any(
        "(i|and|then|she|he|they) (cut|burned|burnt|carved|scratched) (again|today|tonight|last night|deeper|"
        "so deep|too deep|really deep)",
        0.75,
        label=SELF_HARM,
    ),
    _any(
        "(relapsed|relapse|relapsing) (on|with|into)? ?(sh|cutting|self harm|self_harm|self harming|burning)",
        0.75,
        label=SELF_HARM,
    ),
    _any(
        "(need|needed|want|wanted) to feel (pain|physical pain|the pain|something physical|the blade|blood)",
        0.45,
        label=SELF_HARM,
    ),
    # ------------------------------------------------ somebody else, by name
    _rule(
        CONCERN,
        f"(kill|killing|hurt|hurting|harm|harming|cut|cutting|hang|hanging|unalive|end|ending|take|taking|"
        f"starve|starving|drown|drowning|shoot|shooting) {_THEMSELF}",
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
    _rule(
        CONCERN,
        "(he|she|they) (wishes|wished|wish|says|said|keeps saying) (that )?(he|she|they) (was|were|could be|"
        "would be|is better off|d be better off|was better off) (dead|gone|never born)",
        0.75,
    ),
    _rule(
        CONCERN,
        "(everyone|everybody|the world|we|they|people|his family|her family|their family) ~(would|will|d) "
        "~be ~(better|happier|better off|fine|easier) ~(without (him|her|them)|if (he|she|they) (died|disappeared|"
        "was gone|were gone|wasnt here|werent here|wasnt around|werent around))",
        0.7,
        veto_before=r"^(?!.*\b(said|says|saying|thinks|think|told|tells|believes|feels|texted|wrote|posted|keeps)\b)",
    ),
)

_ANCHORS = frozenset().union(
    *(rule.anchors for rule in _RULES if rule.anchors), *(r for rule in _RULES for r in rule.requires)
)
# Each anchor is a bit; a rule's required words are masks over them (a cheap "all present?").
_BIT = {anchor: 1 << i for i, anchor in enumerate(sorted(_ANCHORS))}
_MASKS = {
    id(rule): [sum(_BIT[a] for a in required) for required in (rule.anchors, *rule.requires)]
    for rule in _RULES
    if rule.anchors is not None
}
_WINDOW = 80  # characters searched either side of an anchor (matches reach < 50 from theirs)

# ---------------------------------------------------------------- context
_SENTENCE_END = re.compile(r"[.!?;\n]|\bbut\b")
_SENTENCE_END_REVERSED = re.compile(r"[.!?;\n]|\btub\b")  # "but", read backwards
_WORD = re.compile(r"[a-z0-9]+")
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
    r"\b(used to|years ago|months ago|year ago|month ago|a while ago|long ago|last year|in the past|"
    r"been clean|clean for|clean from|days clean|weeks clean|months clean|years clean|recovered|"
    r"in recovery|recovering from|when i was (younger|a teen|a teenager|a kid|little|in school|\d+)|"
    r"as a (teen|teenager|kid|child)|in high school|back then|back in|stopped|survivor of|survived|"
    r"free from|free of|(days|weeks|months|years) free|old (self\W?harm\W+|sh\W+|cutting\W+)?scars?|"
    r"at (age )?\d\d\b(?! ?(am|pm|oclock))|(years|months) later|"
    r"(self\W?harm|sh|cutting)\W+scars)\b"
)
# "When he left I wanted to die" is a memory; "last night I wanted to die" is not.
_PAST_DESIRE = re.compile(r"\bwanted to (go )?(die|be dead|not (be here|exist|wake up)|disappear)\b")
_RECENT = re.compile(
    r"\b(last night|tonight|today|this morning|this evening|yesterday|earlier|just now|an hour ago|right now|"
    r"again|still|all day|all week|every day|everyday|so bad|so much)\b"
)
# Someone else's words about the writer: "he told me to kill myself" is abuse suffered, not intent.
_REPORTED_SPEECH = re.compile(
    r"\b(told|tells|telling|tell|said|says|saying|texted|messaged|commented|wrote|asked|asking)( me)? "
    r"(to|that i should|i should|i ought to|why i dont|why dont i|go)( just| go)?\W*$"
)
_FIRST_PERSON = frozenset("i im ive id ill me myself".split())
_THIRD_PERSON = frozenset(
    "he she they hes shes theyre theyve hed shed theyd hell shell theyll him them himself herself themselves "
    "friend friends sister brother mom mum dad mother father partner son daughter wife husband girlfriend "
    "boyfriend gf bf cousin roommate flatmate kid child someone somebody bestie ex niece nephew aunt uncle "
    "coworker colleague classmate student client grandma grandpa stepdad stepmom".split()
)


def _clause(norm: str, start: int, end: int) -> tuple[str, str]:
    """The same-sentence text before and after a match (negation never crosses a sentence)."""
    before = norm[max(0, start - 120) : start]
    cut = _SENTENCE_END_REVERSED.search(before[::-1])
    if cut:
        before = before[len(before) - cut.start() :]
    after = norm[end : end + 120]
    stop = _SENTENCE_END.search(after)
    return before, after[: stop.start()] if stop else after


def _someone_else(before: str) -> bool:
    """True when the nearest subject before the match is another person
    ("my friend said she's going to..."), not the writer."""
    for word in reversed(_WORD.findall(before)[-12:]):
        if word in _FIRST_PERSON:
            return False
        if word in _THIRD_PERSON:
            return True
    return False


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    label: str
    confidence: float
    rule: int
    plain: bool  # neither negated, past nor topic talk: may be raised by context


def _vetoed(veto_after: re.Pattern[str], raw_after: str) -> bool:
    veto = veto_after.search(raw_after)
    # A veto word after a comma belongs to the next clause, except for the few vetoes
    # written to look further ("^[^.!?..."), such as "giving away my stuff, decluttering".
    return bool(veto) and ("," not in veto.group() or veto_after.pattern.startswith("^[^"))


def _judge(
    rule: _Rule, text: str, start: int, end: int, before: str, after: str
) -> tuple[float, bool] | None:
    """The rule's confidence in context and whether it is plain (see `_Hit`), or
    None when the context says it is not a crisis."""
    if rule.veto_before and rule.veto_before.search(before):
        return None
    raw_after = text[end : end + 60]
    if rule.veto_after and _vetoed(rule.veto_after, raw_after):
        return None
    confidence = rule.confidence
    plain = True
    if rule.soften_after and rule.soften_after.search(raw_after):
        confidence, plain = min(confidence, PAST_CONFIDENCE), False
    words = _WORD.findall(before)
    if _NEGATION.search(" ".join(words[-6:])):
        if rule.confidence < HIGH:
            return None  # "I'm not a burden": a negated weak sign is no sign
        confidence, plain = min(confidence, NEGATED_CONFIDENCE), False
    if _PAST.search(" ".join((*words[-8:], text[start:end], after))):
        if rule.confidence < REPORTED:
            return None
        confidence, plain = min(confidence, PAST_CONFIDENCE), False
    if _PAST_DESIRE.search(" ".join(words[-3:]) + " " + text[start:end]) and not _RECENT.search(
        f"{before} {text[start:end]} {after}"
    ):
        confidence, plain = min(confidence, PAST_CONFIDENCE), False  # "back when I wanted to die"
    if _REPORTED_SPEECH.search(before):
        confidence, plain = min(confidence, PAST_CONFIDENCE), False  # "he told me to kill myself"
    if plain and confidence < HIGH and _TIME.search(f"{before} | {after}"):
        confidence = round(confidence + TIME_BOOST, 2)  # "I can't do this anymore. Tonight." is a plan
    return confidence, plain


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


def _matches(
    rule: _Rule, text: str, where: dict[str, list[tuple[int, int]]], present: int
) -> list[re.Match[str]]:
    """The rule's matches, searched only around the words it needs: a match holds one
    of its anchors and is far shorter than _WINDOW, so nothing is lost, and most of a
    long message is never searched by most rules."""
    if rule.anchors is None:
        return list(rule.pattern.finditer(text))
    if any(not (mask & present) for mask in _MASKS[id(rule)]):
        return []  # a word every match needs is missing
    spans = [span for anchor in rule.anchors if anchor in where for span in where[anchor]]
    return [m for lo, hi in _windows(text, spans) for m in rule.pattern.finditer(text, lo, hi)]


def _scan(norm: Normalized) -> list[_Hit]:
    where = anchor_spans(norm.text, _ANCHORS)
    present = 0
    for anchor in where:
        present |= _BIT[anchor]
    hits: list[_Hit] = []
    for index, rule in enumerate(_RULES):
        for m in _matches(rule, norm.text, where, present):
            if rule.veto_after and _vetoed(rule.veto_after, norm.text[m.end() : m.end() + 60]):
                continue
            before, after = _clause(norm.text, m.start(), m.end())
            judged = _judge(rule, norm.text, m.start(), m.end(), before, after)
            if judged is None:
                continue
            label = rule.label
            if rule.anyone and label != CONCERN and _someone_else(before):
                label = CONCERN
            hits.append(_Hit(m.start(), m.end(), label, judged[0], index, judged[1]))
    return hits


def _resolve(hits: list[_Hit]) -> list[_Hit]:
    """Keep one hit per overlapping region: concern for someone else beats the bare
    word ("my friend is suicidal"), then the surest (a strong signal is never hidden
    behind a weaker overlapping one), then the longest phrase."""
    ranked = sorted(hits, key=lambda h: (h.label != CONCERN, -h.confidence, -(h.end - h.start)))
    kept: list[_Hit] = []  # sorted by start, never overlapping
    starts: list[int] = []
    for hit in ranked:
        i = bisect.bisect_left(starts, hit.start)
        if (i == 0 or kept[i - 1].end <= hit.start) and (i == len(kept) or hit.end <= kept[i].start):
            kept.insert(i, hit)
            starts.insert(i, hit.start)
    return kept


def _accumulate(hits: list[_Hit]) -> list[_Hit]:
    """Several distinct warning signs in one message add up ("I made a will", "this
    is the end for me"): the strongest plain hit gets their combined confidence."""
    best: dict[int, float] = {}
    for hit in hits:
        if hit.plain:
            best[hit.rule] = max(best.get(hit.rule, 0.0), hit.confidence)
    if len(best) < 2:
        return hits
    missing = 1.0
    for confidence in best.values():
        missing *= 1.0 - confidence
    combined = min(MAX_CONFIDENCE, 1.0 - missing)
    top = max((h for h in hits if h.plain), key=lambda h: h.confidence)
    if combined <= top.confidence:
        return hits
    raised = _Hit(top.start, top.end, top.label, round(combined, 2), top.rule, top.plain)
    return [raised if h is top else h for h in hits]


def detect_crisis(text: str, norm: Normalized | None = None) -> list[Signal]:
    """Crisis signals in `text`, in order. Pass `norm` to reuse a normalization."""
    norm = norm or normalize(text)
    signals = []
    for hit in _accumulate(_resolve(_scan(norm))):
        if hit.confidence < REPORTED:
            continue  # a weak sign that nothing else in the message backs up
        span = norm.span(hit.start, hit.end)
        confidence = round(min(hit.confidence, MAX_CONFIDENCE), 2)
        signals.append(Signal("crisis", hit.label, span, text[span[0] : span[1]], confidence))
    return signals
