"""Intent joined to an act: a decision, a method, a time.

Rule data only; the engine is `moderation.crisis`. See `moderation/crisis_rules/__init__.py`."""

from __future__ import annotations

from .base import Rule
from .vocab import (
    CONTINUES,
    CRASH_TARGET,
    HEIGHT,
    HYPERBOLE_AFTER,
    INTENT,
    ME,
    NOT_DRUGS_AFTER,
    NOT_INTRANSITIVE,
    PREDICT,
    RELATIONSHIP_AFTER,
    TO,
    VEHICLE,
    WANT,
    WATER,
    WE_BEFORE,
)

RULES: tuple[Rule, ...] = (
    Rule(
        "wish.die",
        "distress",
        # Fillers only after "to": "want capitalism to die" is about a thing, "want to just die" is not.
        f"({WANT} (to |of |about )|(wanna|gonna|wish i could|just wanna|really wanna|want) )~(go )?die",
        anyone=True,
        veto_before=r"\b(this|that|it|you|which|these|those) (makes|made|make|making) me\W+$",
        veto_after=HYPERBOLE_AFTER + r"|^\W+(old|happy)\b|^\W+peacefully (in my sleep )?(at|when|of old age|surrounded)\b|"
        r"^\W+with (my|dignity|honou?r|a smile|my boots)\b|^\W+as (a|an) (hero|legend|free)\b|"
        r"^\W+(my|her|his|their|your|the) (hair|beard|clothes|shirt|jeans|eyebrows)\b",
        examples=(
            "I'm ready to die, I've made peace with it",
            "I want to die so bad",
        ),
        not_examples=("i wanna die my hair purple this summer",),
    ),
    Rule(
        "wish.going_to_die",
        "distress",
        f"{PREDICT} (to )?(go )?die",
        anyone=True,
        weak=True,
        veto_before=r"\b(was|were|thought i was|they|whoever|everyone|anyone|people|or they|you)\W+(\w+\W+)?$|"
        r"\b(phone|phones|battery|laptop|computer|tablet|ipad|car|plant|plants|fish|headphones|airpods|charger)\W+"
        r"(s\W+|is\W+)?(\w+\W+)?$",
        veto_after=HYPERBOLE_AFTER
        + r"|^\W+(if|when|unless|without|waiting|before|after|in|at|on|of|from|alone|old)\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "plan.end_my_life",
        "distress",
        f"{INTENT} {TO}~(end|ending) (it all|my life|my own life|my suffering|all of it|this life|everything)",
        anyone=True,
        veto_after=RELATIONSHIP_AFTER,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "plan.end_it",
        "distress",
        f"({INTENT} {TO}~|{ME} ~)(end|ending) (it|things)",
        anyone=True,
        weak=True,
        veto_before=WE_BEFORE,
        veto_after=RELATIONSHIP_AFTER,
        examples=("I've decided tonight is the night I end it",),
        not_examples=("I'm going to end things with her tomorrow",),
    ),
    Rule(
        "plan.end_it_tonight",
        "imminent",
        "(end|ending) (it|things|it all|everything) (tonight|today|now|right now|tomorrow|this weekend)",
        anyone=True,
        veto_after=RELATIONSHIP_AFTER,
        examples=("my best friend texted me that she's going to end it tonight",),
        not_examples=(),
    ),
    Rule(
        "plan.end_it_for_good",
        "distress",
        "(end|ending) (it|things) (for good|forever|for real|once and for all|permanently)",
        anyone=True,
        weak=True,
        veto_before=WE_BEFORE,
        veto_after=RELATIONSHIP_AFTER,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "plan.end_it_if_left",
        "imminent",
        "(leaves|leave|left|dumps|dumped|dump|breaks up with|broke up with|ghosts|blocks|cheats on|cheated on)"
        f" me ~{ME} ~(ending|end|do) it",
        anyone=True,
        examples=("if he leaves me I'm ending it for real this time",),
        not_examples=(),
    ),
    Rule(
        "plan.method.jump",
        "imminent",
        f"{INTENT} {TO}~(jump*|leap*|throw myself|throwing myself|fling myself|hurl myself|step|stepping|"
        "let myself fall|fall|walk|walking|launch myself|roll|drop myself) "
        f"(off|from|of|in front of|under|out of|into|onto) ~({HEIGHT}|{VEHICLE}|{WATER}|tracks|railway|"
        "the edge|the top|the tracks)",
        anyone=True,
        examples=(
            "I'm going to step in front of a train tomorrow morning",
            "I'm gonna throw myself off the multi-storey car park tonight",
        ),
        not_examples=(),
    ),
    Rule(
        "plan.jump_soon",
        "imminent",
        f"{INTENT} {TO}(jump|leap) (tonight|tomorrow|today|right now|now|soon|this weekend)",
        anyone=True,
        examples=("I'm planning to jump tomorrow",),
        not_examples=(),
    ),
    Rule(
        "plan.jump_bare",
        "distress",
        f"{INTENT} {TO}(jump|jumping|leap|leaping)",
        anyone=True,
        weak=True,
        veto_after=NOT_INTRANSITIVE,
        examples=("I'm standing on the roof right now and I want to jump",),
        not_examples=(
            "I'm going to jump back into dating in the spring",
            "I'm going to jump off the deep end and tell him I love him",
        ),
    ),
    Rule(
        "plan.how_where_when",
        "imminent",
        "(thinking|thought|figured|figuring|worked|working|planned|planning|decided|know|knowing) (about |out )?"
        f"(exactly )?(how|where|when) ({ME}|to) ~(do it|end it|kill myself|die|go through with it)",
        anyone=True,
        weak=True,
        veto_after=r"^\W+(with|to|for|if|in (the|my) (job|relationship|interview)|and (tell|text|ask))\b",
        examples=("I know exactly how I'm going to do it and when.",),
        not_examples=(),
    ),
    Rule(
        "plan.method.traffic",
        "imminent",
        f"{INTENT} {TO}~(step*|walk*|run|running|lie|lay|lying|laying|throw myself|stand|standing) "
        f"(in front of|into|onto|under|on) ~({VEHICLE}|{WATER}|tracks|the tracks|railway|motorway|"
        "highway|oncoming)",
        anyone=True,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "plan.method.crash",
        "imminent",
        f"{INTENT} {TO}~(drive|driving|drove|crash|crashing|steer|steering|swerve|swerving|wrap) "
        f"~(into|off|onto|in front of|around) ~{CRASH_TARGET}",
        anyone=True,
        examples=("tomorrow I'm going to drive my car into a tree",),
        not_examples=(),
    ),
    Rule(
        "plan.method.crash_on_purpose",
        "imminent",
        "(crash|crashing|wreck|wrecking|drive|driving) ~(my|the|his|her) (car|bike|motorbike) ~on purpose",
        anyone=True,
        examples=("gonna crash my car on purpose on the way home",),
        not_examples=(),
    ),
    Rule(
        "plan.method.overdose",
        "imminent",
        f"{INTENT} {TO}~(overdose|overdosing|od|take an overdose)",
        anyone=True,
        veto_after=NOT_DRUGS_AFTER,
        examples=(
            "I'm planning on overdosing when my parents are asleep",
            "my ex threatened to overdose if I don't answer",
        ),
        not_examples=(),
    ),
    Rule(
        "plan.method.starve",
        "imminent",
        f"{INTENT} {TO}~(starve|starving) (myself|me) to death|(stop|stopped|stopping|quit) (eating|drinking)"
        f" ~(until|till|til) {ME} (die|dead|pass out|starve)",
        anyone=True,
        examples=("I'm going to stop eating and drinking until I die",),
        not_examples=(),
    ),
    Rule(
        "wish.not_wake_up",
        "distress",
        f"{WANT} {TO}~(not|never) (wake|waking) up",
        anyone=True,
        veto_after=r"^\W+(early|before|until|till|til|at|on time|in time|late|for)\b",
        examples=("part of me wants to just not wake up tomorrow",),
        not_examples=(),
    ),
    Rule(
        "wish.stop_existing",
        "distress",
        f"{WANT} {TO}~(stop|cease) (to )?(exist|existing|breathing|living)",
        anyone=True,
        examples=("I wish I could just stop existing",),
        not_examples=(),
    ),
    Rule(
        "wish.not_exist",
        "distress",
        f"{WANT} {TO}~(not|never) (exist|be alive|be here anymore|be born|have been born)",
        anyone=True,
        veto_after=r"^\W+(in|at|with|near|around|for|when)\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "wish.be_dead",
        "distress",
        f"{WANT} {TO}~(be|being) (dead|gone forever|gone for good|six feet under)",
        anyone=True,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "plan.dead_by",
        "imminent",
        f"({ME}|im going to|im gonna|i m going to) (will |going to |gonna )?be (dead|gone) (by|before|tomorrow|"
        "tonight|soon|in (a|an|the|two|a few)|next week|this time)",
        veto_after=r"^\W+(\w+ ){0,3}(anyway|lol|haha|if (he|she|i have|this)|of|from|at work|tired)\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "cue.better_this_way",
        "distress",
        "(its|it s|it is|this is) (better|best|easier) this way",
        cue=True,
        veto_after=CONTINUES,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "plan.method.wrists",
        "imminent",
        f"{INTENT} {TO}~(slit|slash|cut|open|slice) (my )?(wrist|wrists|throat|veins|vein)",
        examples=(
            "I'm going to slash my wrists tonight",
            "I want to slit my wrists",
        ),
        not_examples=(),
    ),
)
