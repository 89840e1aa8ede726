"""Wishing to be dead (wanting to be gone, and the burden and absence beliefs, are
`absence`).

Rule data only; the engine is `moderation.crisis`. See `moderation/crisis_rules/__init__.py`."""

from __future__ import annotations

from .base import Rule
from .vocab import (
    HYPERBOLE_AFTER,
    PREDICT,
    RELATIONSHIP_AFTER,
    TO,
    VEHICLE,
    WANT,
)

RULES: tuple[Rule, ...] = (
    Rule(
        "wish.even_longer_want",
        "distress",
        "(dont|do not|dont even|no longer|never) (want to|wanna) (be alive|live|wake up|exist|be here|keep living|"
        "go on living|go on|keep going|carry on|continue living|keep existing)"
        "( anymore| any more)?",
        veto_after=r"^\W+(with|in|at|near|there|together|on|by|like that|early|before|for|until|til|till|so early)\b",
        examples=(
            "I don't want to exist anymore",
            "I don't want to be alive anymore",
        ),
        not_examples=(),
    ),
    Rule(
        "wish.want_like_be",
        "distress",
        "(want|wanna|wanted|would like|like) to (not|never) (be alive|live|wake up|exist|be here|"
        "have been born)",
        veto_after=r"^\W+(with|in|at|near|there|together|on|by|early|before|for|until|til|till)\b",
        examples=("I want to not be here anymore",),
        not_examples=(),
    ),
    Rule(
        "wish.wish_was_be",
        "distress",
        "(wish|wished|wishing|hope|hoping) (i|id|that i) ~(was|were|could be|would be|be) dead",
        veto_after=r"^\W+(tired|inside|wrong)\b",
        examples=("I wish I was dead",),
        not_examples=(),
    ),
    Rule(
        "wish.wish_d_had",
        "distress",
        "wish (i|id|i d) (had never been|never been|was never|wasnt|werent|had not been|hadnt been|were never)"
        " (born|alive)",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "wish.hope_that_ever",
        "distress",
        "(hope|hoping|pray|praying|wish|wishing) (that )?(i|id|to) ~(dont|never|wont|do not|will not|dont ever|"
        "didnt|would not|wouldnt) (wake|waking) up",
        veto_after=r"^\W+(early|before|until|till|at|on time|in time|late)\b",
        examples=(
            "some nights I pray I won't wake up",
            "I hope I don't wake up",
        ),
        not_examples=(),
    ),
    Rule(
        "wish.make_that_wake",
        "distress",
        "(make sure|so|so that) (i|im) (dont|never|wont|do not|will not) (wake|waking) up",
        veto_after=r"^\W+(early|before|until|till|at|on time|in time|late|tired|with)\b",
        examples=("I've got enough pills saved to make sure I don't wake up",),
        not_examples=(),
    ),
    Rule(
        "wish.hope_that_die",
        "distress",
        "(hope|hoping|pray|praying|wish|wishing) (that )?(i|id|to) ~(die|drop dead|stop breathing|get cancer|"
        "pass away|dont survive|do not survive|die in my sleep)",
        veto_after=HYPERBOLE_AFTER + r"|^\W+(old|happy|peacefully|surrounded|before (him|her|them|my))\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "wish.hope_that_get",
        "distress",
        "(hope|hoping|pray|praying|wish|wishing) (that )?(i|id|to) ~(get|gets|got|be|am) (hit|run over|killed|shot|"
        f"struck) ~by (a |an |the )?({VEHICLE}|bullet|drunk driver|plane)",
        examples=("I hope I get hit by a car on the way to work",),
        not_examples=(),
    ),
    Rule(
        "wish.wish_get_hit",
        "distress",
        "(wish|hope|pray) (i|to) (get|gets|be) (hit|struck|crushed) by (a|an) (meteor|asteroid|lightning)",
        weak=True,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "wish.and_never_wake",
        "distress",
        "(and|to|just|could|id) (never|not) (wake|waking) up",
        veto_after=r"^\W+(before|until|till|til|early|on time|in time|at|when|for|with|to|late|after|in)\b",
        examples=("I wish I could just fall asleep and never wake up",),
        not_examples=(),
    ),
    Rule(
        "wish.sleep_forever_good",
        "distress",
        "(sleep|sleeping|asleep) (forever|for good|for ever|and never wake up)|(go to sleep|fall asleep|sleep) "
        "and (stay asleep|never wake|not wake)|stay asleep (forever|for good|for ever)",
        veto_after=r"^\W+(and|then|til|till|until|or) (wake|woke|get|just wake|not|when)|^\W+(until|till|til)\b|"
        r"^\W+(on (\w+ )?(mornings?|weekends?|sundays?|saturdays?)|in the mornings?|when (my|the) alarm|hate alarms)\b",
        examples=(
            "I wish I could go to sleep and stay asleep",
            "I want to go to sleep forever",
        ),
        not_examples=(),
    ),
    Rule(
        "wish.easier_relief_for",
        "distress",
        "(easier|better|simpler|kinder|a relief|best) (for everyone )?(to|if i) ~(not exist|not be here|not be alive|"
        "die|be dead|disappear|not wake up|end it|end my life|stop existing|just stop)",
        veto_after=r"^\W+(for (a|the) (while|bit|week|day|weekend)|from (social|the|this|his|her)|on|at|in|with)\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "wish.what_only_if",
        "distress",
        "(what if|if only|maybe|imagine if) i ~(stopped|stop) (existing|living|breathing)|(what if|if only|"
        "maybe) i ~(died|disappeared|vanished|wasnt here|was gone|ended it|didnt wake up)",
        weak=True,
        veto_after=r"^\W+(for|from|at|on|in)\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "wish.care_if_m",
        "distress",
        "(care|cares|cared|caring|matter|matters|notice|notices) (if|whether) (i|im|i m) (live|living|die|dying|"
        "alive|dead|exist|existing|here or not|live or die)",
        veto_after=r"^\W+(of|from|at|in)\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "wish.worse_because",
        "distress",
        "(worse|harder|ruined|miserable) (because of|thanks to) me",
        weak=True,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "wish.better_off_with",
        "distress",
        "better off with (the|my) ~(life insurance|insurance|payout|insurance money|inheritance)",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "wish.nothing_left_for",
        "distress",
        "nothing (left )?(for me )?(here|in this world|to stay for|to hold on to|to keep me here)|nothing left "
        "for me( anymore)?",
        weak=True,
        veto_after=r"^\W+(in (this|that) (town|city|job|place|relationship))\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "wish.except_than_from",
        "distress",
        "(except|but|other than|apart from|besides|aside from) (dying|death|suicide|to die|ending it|killing myself|"
        "ending my life|to end it)",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "wish.why_am_even",
        "distress",
        "why (am i|am i even|do i|should i|do i even|do i still|am i still) (alive|still alive|exist|here|bother "
        "living|keep living|keep waking up|wake up|bother)",
        weak=True,
        veto_after=r"^\W+(with|at|in|for|so|on|doing|trying|texting)\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "wish.want_stop_feeling",
        "distress",
        f"{WANT} {TO}~(stop|not) (feeling|feel)( anything| at all)? ?(permanently|forever|for good|ever again)",
        weak=True,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "wish.cant_see_being",
        "distress",
        "(cant|cannot|can not|dont|do not) (see|picture|imagine) (myself|me) ~(being alive|alive|living|making it|"
        "surviving|still here|being here) ~(next|in|by|much longer|a year|another|past|until|till|to)",
        veto_after=r"^\W+(job|company|relationship|house|city|town|place)\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "wish.hope_that_plane",
        "distress",
        "(hope|hoping|hopes|pray|praying|wish|wishing) (that )?(the|my) (plane|car|bus|train|flight) "
        "(crashes|crash|goes down|hits)",
        weak=True,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "wish.how_much_longer",
        "distress",
        "how (much )?(longer|more) (i|im|i m) (can|could|am able to|going to be able to) ~(keep going|go on|do this|"
        "take (this|it)|hold on|survive|carry on|keep living|last|live like this|keep fighting)",
        weak=True,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "wish.predict_something_stupid",
        "distress",
        f"{PREDICT} (to )?(do (something|anything) (stupid|drastic|dangerous|i cant take back|permanent)|hurt "
        "(myself|himself|herself|themselves))",
        anyone=True,
        veto_after=r"^\W+(like|such as|and (text|call|message|buy|go|get|quit|dye|cut (my|his|her) hair))\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "wish.better_off_dead",
        "distress",
        "better off dead",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "wish.rather_be_exist",
        "distress",
        "(rather|prefer to|prefer) (be dead|die|not exist|not be alive|not wake up|not be here|not live) than "
        "(live|living|feel|feeling|go on|going on|keep|wake up|be alive|face|deal|spend|exist|existing|suffer|"
        "suffering|continue|carry on|be like this|be this)",
        examples=("I'd rather be dead than feel like this",),
        not_examples=(),
    ),
    Rule(
        "wish.waiting_death_life",
        "distress",
        "(waiting|wait) (to die|for death|for (it|my life|everything) to end|to not exist|for the end)",
        veto_after=r"^\W+of\b",
        examples=("I feel like I'm just waiting to die",),
        not_examples=(),
    ),
    Rule(
        "wish.longer_deserve_live",
        "distress",
        "(dont|do not|never|no longer) deserve to (live|be alive|exist|be here|wake up|breathe)",
        examples=("I don't deserve to live",),
        not_examples=(),
    ),
    Rule(
        "wish.thinking_about_dying",
        "distress",
        "(thinking|thought|thoughts|think|thinkin|fantasi*|dreaming|dream|dreams|obsessing|obsessed) (about|of) "
        "(dying|death|being dead|not being here|not existing|not waking up|my own death|my funeral|suicide)",
        # "my grandad died and I keep thinking about death": grief, not a wish
        veto_before=r"\b(died|passed away|passed|funeral|lost (my|our)|grief|grieving)\b",
        veto_after=r"^[^.!?\n]{0,30}\b(after (losing|the loss|the death|my (mum|mom|dad|parent|grand\w+) died|a loss)|since (losing|the loss|my \w+ died))\b",
        examples=(
            "I keep thinking about suicide",
            "I can't stop thinking about dying",
        ),
        not_examples=(),
    ),
    Rule(
        "wish.thinking_about_ending",
        "distress",
        "(thinking|thought|thoughts|think|thinkin|fantasi*|dreaming|dream|obsessing|urges|urge) (about|of) "
        "(ending|end) (it|it all|things|everything|my life|my own life|my suffering|the pain)",
        veto_after=RELATIONSHIP_AFTER,
        examples=("I keep having thoughts of ending it",),
        not_examples=(),
    ),
    Rule(
        "wish.death_dead_life",
        "distress",
        "(death|dying|suicide|being dead|ending it|ending my life|killing myself|not existing|not being here|"
        "not waking up) (is|seems|feels|looks|sounds) (like )?(the |my )?(only|best|easiest|last|one|real|right|"
        "better|perfect) (way out|option|answer|solution|choice|escape|exit|thing left|way|way to go)",
        examples=(
            "death seems like the only way out",
            "su1c1de feels like the only way out",
        ),
        not_examples=(),
    ),
    Rule(
        "wish.no_way_out",
        "distress",
        "no (way|other way) out ~(but|except|other than|apart from|besides|aside from|than) ~(dying|death|suicide|"
        "to die|ending it|killing myself|ending my life)",
        examples=("there's no way out of this except dying",),
        not_examples=(),
    ),
    Rule(
        "wish.dying_dead_existing",
        "distress",
        "(dying|death|being dead|not existing|not being here|not waking up|ending it|it all ending|ending my life)"
        " (would|will|could|might|d|is gonna|is going to) (be )?(a |such a |so much of a )?(relief|better|easier|"
        "peaceful|release|mercy|blessing|gift|so much better|nice|freeing|welcome|escape|rest)",
        examples=("I keep thinking that dying would be a relief",),
        not_examples=(),
    ),
)
