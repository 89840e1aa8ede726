"""Crisis recall on a held-in table of paraphrases the detector was NOT written from.

The sentences below were written before the detector was reworked (composed
vocabularies instead of a phrase list), in the varied wording people actually
use in an attachment-healing forum and its chat. They measure generalisation,
so a failing row should be fixed by widening a vocabulary or a pattern shape in
`moderation/crisis.py`, never by adding the exact sentence as a phrase.

Measured on the old phrase-list detector, before the rework (this same table):
    crisis rows with any signal      26 / 115  (22.6%)
        plans/means/goodbyes          8 / 50   (all 8 HIGH: 16.0%)
        ideation                      9 / 40
        self-harm                     1 / 12
        someone else                  4 / 8
        past/negated                  4 / 5
    non-crisis false positives        2 / 70   (2.9%: "jump off the deep end", "overdosing on coffee")
After the rework every row is caught; see `test_summary` (pytest -s) for the figures.
This table is held-in (the rules were tuned while it was in view); fresh sentences
written after tuning are what measure the detector honestly.

Tiers: HIGH is a signal with confidence >= CRISIS_HOLD_CONFIDENCE (the post is
held for priority review and help is shown); LOW is any weaker crisis signal
(help is shown, the post is published).
"""

from __future__ import annotations

import pytest

from moderation import review
from moderation.crisis import RULES, matches, present_anchors
from moderation.normalize import normalize
from moderation.signals import detect_crisis

# Explicit intent, plan, means, method, timing or goodbye. ≥ 90% must be HIGH.
PLAN = [
    "I've decided tonight is the night I end it",
    "I'm gonna swallow every pill in the house",
    "I've worked out where I'm going to hang myself",
    "I have a bottle of vodka and all my antidepressants lined up on the table",
    "I've been saving up my sleeping pills for weeks",
    "I've been hoarding my prescription so I'll have enough",
    "tomorrow I'm going to drive my car into a tree",
    "I'm standing on the roof right now and I want to jump",
    "I bought a gun last week and I know what it's for",
    "just ordered a rope online, it arrives tomorrow",
    "I looked up how many paracetamol it takes to die",
    "I've been researching painless ways to die",
    "I'm going to step in front of a train tomorrow morning",
    "I'm gonna throw myself off the multi-storey car park tonight",
    "I gave my cat to my neighbour and my books to my sister, I won't need them anymore",
    "I've been giving away all my stuff this week",
    "I wrote a note for my mum explaining why I did it",
    "this is my goodbye post, thank you all for trying",
    "Goodbye everyone. I'm sorry for everything.",
    "I've said my goodbyes to everyone I love",
    "I've got the razor blades laid out on my desk",
    "I'm going to take every tablet in the medicine cabinet",
    "I've got a plan and a date now",
    "I'm ready to die, I've made peace with it",
    "I want to put a bullet in my head",
    "I'm going to jump from the balcony once my roommate leaves",
    "I'm going to drown myself in the lake",
    "I'm going to walk into the sea and not come back",
    "I'm sitting here with the pills in my hand",
    "Took 30 of my sertraline about an hour ago",
    "I just swallowed half a bottle of pills",
    "gonna crash my car on purpose on the way home",
    "I tied the rope to the beam in the garage",
    "writing letters to my kids so they understand after I'm gone",
    "I made a will and deleted all my accounts, this is the end for me",
    "I'm going to slash my wrists tonight",
    "tonight I'm taking all of it, the whole box",
    "I'm getting my affairs in order before I go",
    "if he leaves me I'm ending it for real this time",
    "I'm planning on overdosing when my parents are asleep",
    "I keep picturing myself hanging from the stairs",
    "I'm going to stop eating and drinking until I die",
    "I filled the bath and I have my dad's razor",
    "going to take the whole packet of paracetamol tonight",
    "I've got enough pills saved to make sure I don't wake up",
    "I'm on the bridge right now",
    "Saturday is the day. I've made my mind up.",
    "I'm going to shoot myself with my dad's rifle",
    "I'm gonna end my life before my birthday",
    "I've chosen the spot where I'm going to do it",
]

# Hopelessness, wish to be dead, burden, absence. Any tier; burden/absence should be HIGH.
IDEATION = [
    "my family would be so much happier without me around",
    "everybody's life would be easier if I just wasn't here",
    "no one would even miss me if I vanished",
    "I'm nothing but a burden and they'd be relieved if I was gone",
    "I don't see any reason to keep going",
    "there's nothing left for me to live for",
    "I have nothing to live for anymore",
    "what's even the point of staying alive",
    "I'm so tired of being alive",
    "I don't want to exist anymore",
    "I wish I could just stop existing",
    "I want everything to be over",
    "I can't keep living like this",
    "I'm done with life",
    "I just want the pain to end permanently",
    "death seems like the only way out",
    "I keep thinking that dying would be a relief",
    "I'd rather be dead than feel like this",
    "I'm ready to give up on life",
    "I've given up on living",
    "some nights I pray I won't wake up",
    "I hope I get hit by a car on the way to work",
    "the world would be better without me in it",
    "I just want to vanish for good",
    "I want to not be here anymore",
    "I'm so done. I can't do life anymore",
    "nobody would even notice if I died",
    "I'm sick of being alive",
    "life is pointless and I want out",
    "I want out of this life",
    "I feel like I'm just waiting to die",
    "I keep having thoughts of ending it",
    "part of me wants to just not wake up tomorrow",
    "my kids deserve a mum who isn't me, they'd be fine without me",
    "I don't deserve to live",
    "I wish I could go to sleep and stay asleep",
    "I've been having suicidal thoughts since the breakup",
    "everyone keeps leaving so what's the point of living",
    "I want to die so bad",
    "there's no way out of this except dying",
]

# Self-harm, current.
SELF_HARM = [
    "I relapsed last night and cut my arm",
    "I burned myself with a lighter again",
    "I keep scratching my arms until they bleed",
    "I hit myself until I bruised",
    "I want to cut so badly right now",
    "the urge to cut is overwhelming tonight",
    "I carved his name into my thigh",
    "I need to feel pain, I'm getting the blade out",
    "I started starving myself again to punish myself",
    "cut my thighs again last night",
    "I've been hurting myself again since he left",
    "I banged my head against the wall until it bled",
]

# Someone else in danger.
OTHER = [
    "my best friend texted me that she's going to end it tonight",
    "my boyfriend said he wants to die and he has pills",
    "my roommate has been giving away her stuff and saying goodbye to people",
    "my daughter told me she's been cutting",
    "my friend posted a goodbye message and isn't answering her phone",
    "my partner said everyone would be better off without him",
    "my brother has a gun and says he's done with life",
    "my ex threatened to overdose if I don't answer",
]

# Past, recovery, negated: a crisis signal must exist; it should be LOW (help shown, not held).
RECOVERY = [
    "I used to cut in high school but I've been clean for 4 years",
    "I had suicidal thoughts last year but therapy really helped",
    "Two years ago I overdosed; now I'm in recovery and doing okay",
    "I'm not going to kill myself, I promise, I just feel empty",
    "I used to self-harm years ago, now 3 years clean",
]

CRISIS = PLAN + IDEATION + SELF_HARM + OTHER + RECOVERY

# Everyday attachment-support talk, breakups, hyperbole. No crisis signal at all.
NON_CRISIS = [
    "I'm dying to see him this weekend",
    "This anxiety is killing me",
    "he ghosted me and I wanted to disappear into the floor",
    "I'm done with dating apps",
    "I cut him off completely and it feels amazing",
    "I'm so done with this situationship",
    "I can't do this long distance thing anymore",
    "I'm going to end things with her tomorrow",
    "She's killing me with these mixed signals",
    "my ex is dead to me",
    "I nearly died when he texted back after 3 months",
    "I'm going to jump back into dating in the spring",
    "I took my meds this morning and went for a walk",
    "my therapist gave me a journal to write letters to my inner child",
    "I gave away his hoodie and all the stuff he left at my place",
    "I want to disappear for a weekend and turn off my phone",
    "I want to crawl into a hole after that date",
    "I'm so tired of being the one who always texts first",
    "I'm tired of living in fear of abandonment",
    "I'm sick of feeling like this every time he goes quiet",
    "Going to the bridge tonight to watch the fireworks with friends",
    "I'm going to kill this presentation tomorrow",
    "my heart is broken and I don't know how to move on",
    "I feel like nobody would notice if I stopped texting first",
    "I just want to disappear from social media for a while",
    "I'm done chasing people who don't choose me",
    "I've been stockpiling self-help books lol",
    "I've been taking my meds consistently and it's helping",
    "I jumped at the chance to talk to him again",
    "I'm going to jump off the deep end and tell him I love him",
    "this breakup is going to be the death of me",
    "I could just die, he saw my old texts",
    "ugh kill me now, my ex is at the same party",
    "I want to hide under my blanket forever",
    "Setting boundaries with my mom is exhausting",
    "I finally blocked him everywhere",
    "He said goodbye at the airport and I cried for an hour",
    "I'm giving away my old clothes to declutter",
    "I'm ready to give up on him",
    "I'm ready to let go of this relationship",
    "I feel like I'm drowning in anxiety lately",
    "I'm not going anywhere, I'm here for you",
    "I'm overdosing on coffee today",
    "my battery is dead and I missed his call",
    "I'd rather die than text him first",
    "I bought a new rope for the climbing gym",
    "we said our goodbyes and I blocked his number",
    "I want him out of my life for good",
    "I'm going to end the call if she starts yelling again",
    "My attachment wounds make me want to run away from every relationship",
    "I keep pills for my migraines in my bag",
    "I'm going to take a break from the group for a week",
    "I spent tonight writing a letter to my younger self",
    "honestly I just want this week to be over",
    "she said she was done with me and I cried all night",
    "I hung out with my sister tonight and felt better",
    "The group helped me see I'm not a burden for having needs",
    "My anxious brain tells me everyone is better off without my texts",
    "I'm leaving the group chat, too much drama for me",
    "he jumped to conclusions again and I shut down",
    "The pain of rejection is real but I'm getting through it",
    "I've stopped checking his instagram every day",
    "This is my last post about him, I promise",
    "I'm so over this, I need a holiday",
    "the cheesecake at that place is to die for",
    "I'm dead, that meme is exactly my attachment style",
    "my therapist asked about my plan for the holidays",
    "The new season of that show killed me, so good",
    "I'm going to be gone all weekend at my cousin's wedding",
    "I feel like I'm disappearing in this relationship, he never asks about me",
]


def _best(text: str) -> float | None:
    """Strongest crisis confidence in `text`, or None when no crisis signal."""
    return max((s.confidence for s in detect_crisis(text)), default=None)


def _high(text: str) -> bool:
    """Imminent: the post is held for priority review (tiers replaced the confidence bands)."""
    return any(s.tier == "imminent" for s in detect_crisis(text))


def _help(text: str) -> bool:
    return any(s.tier in ("imminent", "distress") for s in detect_crisis(text))


def test_table_is_big_enough() -> None:
    assert len(CRISIS) >= 60 and len(NON_CRISIS) >= 40
    assert len(set(CRISIS)) == len(CRISIS) and len(set(NON_CRISIS)) == len(NON_CRISIS)
    assert not set(CRISIS) & set(NON_CRISIS)


@pytest.mark.parametrize("text", CRISIS, ids=[t[:40] for t in CRISIS])
def test_every_crisis_sentence_is_caught(text: str) -> None:
    assert _best(text) is not None


@pytest.mark.parametrize("text", RECOVERY, ids=[t[:40] for t in RECOVERY])
def test_past_and_negated_are_low(text: str) -> None:
    assert not _high(text)


def test_plans_means_and_goodbyes_are_high() -> None:
    missed = [t for t in PLAN if not _high(t)]
    assert len(missed) <= 0.1 * len(PLAN), missed


def test_burden_and_absence_are_high() -> None:
    burden = [
        "my family would be so much happier without me around",
        "everybody's life would be easier if I just wasn't here",
        "no one would even miss me if I vanished",
        "I'm nothing but a burden and they'd be relieved if I was gone",
        "the world would be better without me in it",
        "nobody would even notice if I died",
        "my kids deserve a mum who isn't me, they'd be fine without me",
    ]
    assert set(burden) <= set(IDEATION)
    # Tiers: burden beliefs are distress (help shown, published behind a note), no longer held.
    assert [t for t in burden if not _help(t)] == []


def test_false_positive_rate() -> None:
    flagged = [t for t in NON_CRISIS if _best(t) is not None]
    assert len(flagged) <= 0.05 * len(NON_CRISIS), flagged


def test_summary(capsys: pytest.CaptureFixture[str]) -> None:
    tp = sum(_best(t) is not None for t in CRISIS)
    fp = sum(_best(t) is not None for t in NON_CRISIS)
    high = sum(_high(t) for t in PLAN)
    lines = [
        f"\ncrisis recall table ({len(CRISIS)} crisis, {len(NON_CRISIS)} non-crisis)",
        f"  recall (any tier)      {tp / len(CRISIS):6.1%}  ({tp}/{len(CRISIS)})",
        f"  precision              {tp / (tp + fp) if tp + fp else 1.0:6.1%}  (fp={fp})",
        f"  false-positive rate    {fp / len(NON_CRISIS):6.1%}",
        f"  plans/means HIGH       {high / len(PLAN):6.1%}  ({high}/{len(PLAN)})",
    ]
    for name, rows in (("ideation", IDEATION), ("self-harm", SELF_HARM), ("other", OTHER)):
        caught = sum(_best(t) is not None for t in rows)
        lines.append(f"  {name:<22} {caught}/{len(rows)} caught, {sum(_high(t) for t in rows)} HIGH")
    with capsys.disabled():
        print("\n".join(lines))


# ------------------------------------------------------------------ mechanisms


def _labels(text: str) -> list[str]:
    return [s.label for s in detect_crisis(text)]


def test_rules_only_skip_text_they_could_not_match() -> None:
    """The prefilter (required words, windows around them) finds exactly what a
    full scan of every rule finds, on every sentence above and on one long text."""
    texts = [normalize(t).text for t in CRISIS + NON_CRISIS]
    texts.append(normalize(" ".join(CRISIS + NON_CRISIS)).text)
    for text in texts:
        where, present = present_anchors(text)
        for index, compiled in enumerate(RULES):
            full = [m.span() for m in compiled.pattern.finditer(text)]
            assert [m.span() for m in matches(index, text, where, present)] == full, compiled.rule.id


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("I'm going to jump off the bridge tonight", "hold"),
        ("I've been stockpiling my meds", "hold"),
        ("nobody would notice if I was gone", "allow_with_help"),  # distress (was: held)
        ("I just want to disappear forever", "allow_with_help"),
        ("I'm done with everything", "allow_with_help"),
        ("I used to self-harm years ago, now 3 years clean", "allow"),  # topic (was: help shown)
        ("I'm done with dating apps", "allow"),
        ("he ghosted me and I wanted to disappear into the floor", "allow"),
    ],
)
def test_tiers_reach_the_policy(text: str, action: str) -> None:
    assert review(text).action == action


def test_someone_else_as_subject_is_concern() -> None:
    assert _labels("my best friend texted me that she's going to end it tonight") == ["concern_for_other"]
    assert _labels("my ex threatened to overdose if I don't answer") == ["concern_for_other"]
    assert _labels("My ex leaving makes me want to die") == ["suicidal_ideation"]


def test_a_cue_alone_is_not_reported_but_adds_up() -> None:
    assert detect_crisis("I'm sorry for everything.") == []
    assert detect_crisis("I made a will.") != [] and not _high("I made a will.")
    assert not _high("This is the end for me.")
    assert _high("I made a will. This is the end for me.")
    assert _high("Goodbye everyone. I'm sorry for everything.")


def test_a_time_word_raises_a_weak_sign() -> None:
    assert not _high("I just want to disappear forever")
    assert _high("I just want to disappear forever tonight")
    assert detect_crisis("Tomorrow is the day!") == []  # the time word is the cue itself


def test_negation_and_reported_speech() -> None:
    assert detect_crisis("The group helped me see I'm not a burden") == []  # a negated weak sign is nothing
    # A negated strong one is topic talk now (tiers; was: a low-confidence signal showing help).
    assert [s.tier for s in detect_crisis("I would never kill myself")] == ["topic"]
    assert not _high("he told me to kill myself and I reported him")
    assert detect_crisis("I wish he would die") == []  # "~" fillers never hold another person


def test_hyperbole_and_benign_objects() -> None:
    for text in (
        "I'm overdosing on coffee today",
        "I bought a new rope for the climbing gym",
        "I want to cut him off",
        "I've been cutting back on sugar",
        "I'm going to end things with her tomorrow",
        "I want to die of embarrassment",
    ):
        assert detect_crisis(text) == [], text
