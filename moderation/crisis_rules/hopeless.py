"""Hopelessness: distress, held only with a time or a plan.

Rule data only; the engine is `moderation.crisis`. See `moderation/crisis_rules/__init__.py`."""

from __future__ import annotations

from .base import Rule
from .vocab import CONTINUES, GO_ON_OBJECT

RULES: tuple[Rule, ...] = (
    Rule(
        "hope.no_reason_left",
        "distress",
        "no (reason|point|purpose) (left )?(to|in|for) (live|living|go on|going on|be alive|being alive|stay alive|"
        "staying alive|keep living|keep going|wake up|waking up|exist|existing|carry on|carrying on|be here|"
        "being here)",
        veto_after=r"^\W+(with|in|at|for|to)\b",
        examples=("There's no reason to live anymore",),
        not_examples=(),
    ),
    Rule(
        "hope.nothing_one_left",
        "distress",
        "(nothing|nobody|no one|noone) (left )?(to|for me to|worth) (live|living) for|"
        "(no|nothing|nothin) (left )?to live for|(have|got) nothing (left )?(to|worth) live for",
        examples=(
            "there's nothing left for me to live for",
            "I have nothing to live for anymore",
        ),
        not_examples=(),
    ),
    Rule(
        "hope.even_longer_see",
        "distress",
        "(dont|do not|cant|cannot|can not|dont even|no longer) see (a|any|the|much) (reason|point|purpose) (to|in|of|for)"
        " (keep going|keep living|living|live|go on|going on|carry on|carrying on|being alive|staying alive|be alive|"
        "stay alive|exist|existing|being here|life)",
        veto_after=r"^\W+(with|in|at|to|for|on|back)\b",
        examples=("I don't see any reason to keep going",),
        not_examples=(),
    ),
    Rule(
        "hope.no_see_any",
        "distress",
        "(no|dont see the|dont see any|dont see a|whats the|what is the|whats even the|what even is the|"
        "is there a|is there any|lost the|theres no|there is no|there s no) point (in|of|to) (living|life|being alive|"
        "going on|staying alive|existing|stay alive|live|be alive|keep going|keep living)",
        veto_after=r"^\W+(with|in|at|for|back|to)\b",
        examples=(
            "what's even the point of staying alive",
            "everyone keeps leaving so what's the point of living",
        ),
        not_examples=(),
    ),
    Rule(
        "hope.whats_even_no",
        "distress",
        "(whats the|what is the|whats even the|what even is the|theres no|there is no|there s no|i see no|dont see the|"
        "no|not much|never any) point (in|of|to) (anything|it all|any of (this|it)|trying|even trying|all of this|anymore|"
        "any more|everything)",
        weak=True,
        veto_after=r"^\W+(with|in|at|for|if|when|unless|to (text|message|call|see|be|go|date))\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "hope.see_point_anymore",
        "distress",
        "(dont|do not|cant|cannot) see (the|a|any) point (anymore|any more)",
        weak=True,
        veto_after=CONTINUES,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "hope.see_no_have",
        "distress",
        "((dont|do not|cant|cannot|can not) see|there is no|theres no|i have no|ive got no|no) (a |any )?future "
        "(for (myself|me)|ahead of me|at all|anymore|left)",
        weak=True,
        veto_after=r"^\W+(with|in (this|that|the|my|our)|for (us|him|her|them))\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "hope.being_here_up",
        "distress",
        "(being alive|living|existing|life|existence|being here|waking up) ~(hurts|is too painful|is too hard|is agony|"
        "is torture|is unbearable|feels unbearable|is hell|is a nightmare) ~(too much|so much|anymore|every day)?",
        weak=True,
        veto_after=r"^\W+(with|without|in|at|near|since)\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "hope.death_dead_existing",
        "distress",
        "(death|dying|being dead|not existing|not being alive|the void|nothingness) (sounds|seems|feels|looks|is|"
        "would be|would feel|must be) (so |really |kind of |pretty |quite |more )?(peaceful|nice|good|appealing|"
        "tempting|like a relief|inviting|better|easier|comforting|calming|like an escape)",
        veto_after=r"^\W+(in (the|that|this) (movie|book|show|song|game))\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "hope.life_alive_become",
        "distress",
        "(life|living|my life|existence|being alive|everything) (is|feels|seems|has become|s) (so |just |completely |"
        "totally |utterly )?(pointless|meaningless|hopeless|unbearable|not worth (it|living))",
        weak=True,
        examples=("life is pointless and I want out",),
        not_examples=(),
    ),
    Rule(
        "hope.life_isnt_never",
        "distress",
        "(life|living|my life) (isnt|is not|aint|not|is never|s not|will never be|wont ever be) worth (living|it)",
        veto_after=r"^\W+(without (him|her|them|you))\b",
        examples=("life isn't worth living anymore",),
        not_examples=(),
    ),
    Rule(
        "hope.cant_go_going",
        "distress",
        "(cant|cannot|can not|unable to) (go on|keep going|carry on|keep living|keep doing this|do life|"
        "live like this|exist like this)",
        veto_after=GO_ON_OBJECT + r"|^\W+(\w+ )?(with|in|at|on) (these|this|my|the|our) (hours|job|schedule|commute|rent|"
        r"flat|house|noise|neighbours|neighbors|budget|money|room)\b",
        veto_before=r"\b(at work|my job|the job|this job|landlord|rent)\b[^.!?]*$",
        examples=(
            "I can't keep living like this",
            "I'm so done. I can't do life anymore",
        ),
        not_examples=(),
    ),
    Rule(
        "hope.cant_take_with",
        "distress",
        "(cant|cannot|can not) (take|do|handle|bear|stand|cope with) (it|this|life|any of this|this life|"
        "the pain|living|existing|being alive|this pain|it all|much more) (anymore|any more|much longer)",
        weak=True,
        veto_after=r"^\W+(with (him|her|them|you)|at work|in this (job|relationship))\b|"
        r"^[^.!?\n]{0,12}\b(im|i am|i m) (quitting|leaving|out of|done with|stepping down from) (the|this|my)\b",
        examples=("I can't take it anymore, this week has been so hard",),
        not_examples=(),
    ),
    Rule(
        "hope.cant_keep_live",
        "distress",
        "(cant|cannot|can not) (keep )?(live|living|exist|existing|go on living) like this",
        veto_after=r"^\W+(with|in|at|on) (these|this|my|the|our) (hours|job|schedule|commute|rent|flat|house|noise|"
        r"neighbours|neighbors|budget|money|room)\b",
        veto_before=r"\b(at work|my job|the job|this job|landlord|rent)\b[^.!?]*$",
        examples=("I can't keep living like this, every day hurts",),
        not_examples=("Something has to change at work, I can't keep living like this with these hours.",),
    ),
    Rule(
        "hope.tired_with_from",
        "distress",
        "(tired of|sick of|done with|exhausted from|exhausted by|exhausted with|weary of|hate) (being alive|"
        "living|existing|life|this life|being here)",
        veto_after=r"^\W+(in|with|at|here|like|near|on|under|paycheck|alone|without|so|through|out of|"
        r"by|for|as|a|around|every|together|there|apart|up|to|far)\b",
        examples=(
            "I'm so tired of being alive",
            "I'm done with life",
        ),
        not_examples=("I'm tired of living in fear of abandonment",),
    ),
    Rule(
        "hope.done_with_everything",
        "distress",
        "(done|finished) with (everything|it all|all of it|this world|everyone and everything)|done (trying|fighting)",
        weak=True,
        veto_after=r"^\W+(with|to|for|in|at|on|so|by|and (going|now|ready)|to (make|please|get|be))\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "hope.give_up_life",
        "distress",
        "(give|giving|gave|given) up on (life|living|existing|staying alive|being alive|this life|"
        "everything|it all)",
        veto_after=r"^\W+(with (him|her|them|dating|love)|in (dating|love|relationships)|for)\b",
        examples=(
            "I'm ready to give up on life",
            "I've given up on living",
        ),
        not_examples=(),
    ),
    Rule(
        "hope.want_out_get",
        "distress",
        "(want|wanna|need) (out|to get out|a way out) (of )?(this|my|of this|of my)? ?life",
        veto_after=r"^\W+(with|style|situation)\b",
        examples=("I want out of this life",),
        not_examples=(),
    ),
    Rule(
        "hope.want_all_pain",
        "distress",
        "(want|wanna|need) (it|it all|everything|this|the pain|the hurt|the suffering|my life|life|all of it|"
        "all of this) to (end|stop|be over|finish|go away)( forever| permanently| for good)?",
        veto_after=r"^\W+(so|before|and then|by|soon|after|already|first)\b",
        examples=(
            "I want everything to be over",
            "I just want the pain to end permanently",
        ),
        not_examples=(),
    ),
    Rule(
        "hope.need_permanent_escape",
        "distress",
        "(i|just|really) need (a|some) (permanent|final) (escape|rest|sleep|way out)",
        examples=(),
        not_examples=(),
    ),
)
