"""Wanting to be gone, not being here next week, and the burden and absence beliefs
("they'd be better off without me", "nobody would notice").

Rule data only; the engine is `moderation.crisis`. See `moderation/crisis_rules/__init__.py`."""

from __future__ import annotations

from .base import Rule
from .vocab import ABSENCE_VETO, ABSENT, CONTINUES, SITUATIONAL

RULES: tuple[Rule, ...] = (
    Rule(
        "wish.want_could_disappear",
        "distress",
        "(want|wanna|wish i could|going|need|just want) (to )?(disappear|vanish) (forever|for good|"
        "permanently|for ever|off the face of the earth|and never come back|and not come back)",
        weak=True,
        examples=("I just want to vanish for good",),
        not_examples=(),
    ),
    Rule(
        "cue.not_come_back",
        "distress",
        "(and )?(not|never) (come|coming) back",
        cue=True,
        veto_after=CONTINUES + r"|^\W+(to|from|here)\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "wish.want_was_were",
        "distress",
        "(want|wanna|wish i was|wish i were|just want|need) (to be )?gone",
        veto_after=r"^\W+(for|from|all|by|before|until|till|at|on|this|next|when|to|away|out|already|now)\b",
        examples=("I want to be gone",),
        not_examples=(),
    ),
    Rule(
        "wish.wont_think_be",
        "distress",
        "(wont|will not|dont think ill|doubt ill|might not) be (here|around|alive) (next|tomorrow|much longer|for long|"
        "anymore|by|for much longer|to see)",
        veto_after=r"^\W+(week|weekend|month|year|time|day)?\W*(because|cause|cuz|im|i m|i am|as|since|for|due|on|"
        r"at|so|ill be|i will be|going|travelling|traveling|away|out of|in)\b",
        examples=("I don't think I'll be here next week",),
        not_examples=(),
    ),
    Rule(
        "wish.will_ll_here",
        "distress",
        "(dont think|doubt) (ill|i will|i ll) (be (here|around|alive)|make it|survive)",
        veto_after=r"^\W+(to|in|on|at|for|through the (day|week|meeting|shift)|with|without|till|until|past)\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "burden.better_off_less",
        "distress",
        "(better|happier|easier|fine|okay|ok|good|relieved|lighter|freer|free|better off|happier off|"
        f"less stressed|less burdened|a better place|be better) ~{ABSENT}",
        veto_after=ABSENCE_VETO,
        examples=(
            "my family would be so much happier without me around",
            "everybody's life would be easier if I just wasn't here",
        ),
        not_examples=(),
    ),
    Rule(
        "burden.nobody_one_body",
        "distress",
        "(nobody|no one|noone|no body|not a single person|not one person|nobody else|no one else|none of them|"
        "anyone|anybody|who|no one here|nobody here) ~(notice|noticed|care|cared|"
        f"miss me|mind|be sad|cry|come to my funeral|remember me|even know|know) ~{ABSENT}",
        veto_after=ABSENCE_VETO,
        examples=(
            "no one would even miss me if I vanished",
            "nobody would even notice if I died",
        ),
        not_examples=(),
    ),
    Rule(
        "burden.wont_never_t",
        "distress",
        "(wont|wouldnt|would not|will not|would never|will never|dont|doesnt|never|wouldn t) ~(notice|care|miss me|"
        f"mind|be sad|cry|come to my funeral|remember me) ~{ABSENT}",
        veto_after=ABSENCE_VETO,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "burden.nobody_one_would",
        "distress",
        "(nobody|no one|noone) (would|will|d|is going to|gonna) (even )?(miss me|notice im gone|"
        "come to my funeral|care if im gone)",
        veto_after=r"^\W+(at|in|on|from|during|while)\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "burden.everyone_world_family",
        "distress",
        "((everyone|everybody|the world|they|my family|people|you|he|she) (would|will|d|ll)|theyd|youd|"
        "hed|shed|everyoned|theyll|youll) (all )?be better off",
        weak=True,
        veto_after=CONTINUES,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "burden.am_m_feel",
        "distress",
        "(im|i am|i m|i feel like|feel like|i feel|being|just|only|always|nothing but|such) ~(a|an|such a|"
        "nothing but a|just a) (burden|waste of space|waste of oxygen|waste of air|drain on everyone)",
        weak=True,
        veto_after=SITUATIONAL,
        examples=("I'm nothing but a burden and they'd be relieved if I was gone",),
        not_examples=(),
    ),
    Rule(
        "burden.burden_everyone_family",
        "distress",
        "(a|such a|just a) burden (to|on|for) (everyone|everybody|my family|them|you all|people)",
        weak=True,
        veto_after=SITUATIONAL,
        examples=("I'm such a burden to everyone",),
        not_examples=(),
    ),
)
