"""Final arrangements: belongings given away, affairs in order, a will, a plan and a
date, a mind made up, and the cues that only count together.

Rule data only; the engine is `moderation.crisis`. See `moderation/crisis_rules/__init__.py`."""

from __future__ import annotations

from .base import Rule
from .vocab import BELONGINGS, CONTINUES, DECLUTTER

RULES: tuple[Rule, ...] = (
    Rule(
        "goodbye.giving_away_all",
        "imminent",
        "(giving|gave|give|given|gifting|gifted) away (all|most|nearly all|almost all)( of)? my ~(stuff|things|"
        "belongings|possessions|clothes|books|pets|plants|cat|dog|cats|dogs|records|games|jewellery|jewelry|art|"
        "furniture)|(giving|gave|give|given|gifting|gifted) away everything (i own|i have)",
        final=True,
        veto_after=DECLUTTER,
        examples=("I've been giving away all my stuff this week",),
        not_examples=(),
    ),
    Rule(
        "goodbye.giving_away_his",
        "distress",
        "(giving|gave|give|given|gifting|gifted) away (his|her|their) (own |favourite |favorite |prized )?"
        "(stuff|things|belongings|possessions)",
        anyone=True,
        weak=True,
        final=True,
        veto_after=DECLUTTER,
        examples=("my roommate has been giving away her stuff and saying goodbye to people",),
        not_examples=(),
    ),
    Rule(
        "goodbye.giving_away_belongings",
        "distress",
        f"(giving|gave|give|given|gifting|gifted) away (my|his|her|their) ~{BELONGINGS}|(giving|gave|give|given|"
        f"gifting|gifted) (my|his|her|their) ~{BELONGINGS} (away|to)",
        anyone=True,
        cue=True,
        final=True,
        veto_after=DECLUTTER,
        examples=(),
        not_examples=("I'm giving away my old clothes to declutter",),
    ),
    Rule(
        "goodbye.giving_his_own",
        "distress",
        "(giving|gave|give|given|gifting|gifted) (his|her|their) (own |favourite |favorite |prized )?"
        "(stuff|things|belongings|possessions) away",
        anyone=True,
        weak=True,
        final=True,
        veto_after=DECLUTTER,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "goodbye.wont_going_longer",
        "distress",
        "(wont|will not|wouldnt|not going to|no longer) need (them|it|this|these|those|any of (it|this|them)|anything|"
        "my stuff|my things) ~(anymore|any more|where im going|after this|soon)",
        weak=True,
        final=True,
        veto_after=r"^\W+(because|cause|since|as|now that|after|when|once|for)\b",
        examples=("I gave my cat to my neighbour and my books to my sister, I won't need them anymore",),
        not_examples=(),
    ),
    Rule(
        "goodbye.wont_going_need",
        "distress",
        "(wont|will not|not going to) (be )?(need|needing) (them|it|this|these|any of (it|this|them)|my stuff|my things|"
        "anything)",
        cue=True,
        final=True,
        veto_after=CONTINUES,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "goodbye.getting_all_affairs",
        "distress",
        "(getting|get|got|put|putting|have|sorted|sorting|sort|setting|set) (all )?(my )?(affairs|things|life)"
        " (in order|straight)",
        weak=True,
        final=True,
        veto_after=r"^\W+(for|before (the|my|our|i (move|start|leave for)|moving|starting)|so (i|that i) can)\b",
        examples=("I'm getting my affairs in order before I go",),
        not_examples=(),
    ),
    Rule(
        "goodbye.made_up_will",
        "distress",
        "(made|making|wrote|writing|updated|updating|finished|finishing|drew up|drawing up) (a|my) will",
        weak=True,
        final=True,
        examples=("I made a will and deleted all my accounts, this is the end for me",),
        not_examples=(),
    ),
    Rule(
        "goodbye.who_will_ll",
        "distress",
        f"(who|someone to|somebody to|who will|who ll|wholl|to) (gets|get|take|takes|look after|care for|"
        f"have|inherit|inherits) my ~{BELONGINGS}",
        weak=True,
        final=True,
        veto_after=r"^\W+(while|when i (go|am away|travel)|for (the|a) (weekend|week|holiday|trip|month)|"
        r"during)\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "goodbye.wrote_letters",
        "distress",
        "(wrote|written|finished|finish|left|sealed|addressed) the (letters|notes|note|goodbye)",
        anyone=True,
        weak=True,
        final=True,
        veto_after=r"^\W+(for|to) (work|school|class|the (landlord|office|teacher|council))\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "goodbye.nothing_left_else",
        "distress",
        "nothing (left )?(else )?(left )?to do (now|anymore|but wait|except wait)?",
        cue=True,
        final=True,
        veto_after=CONTINUES,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "goodbye.tell_loved_sorry",
        "imminent",
        "(tell|let) (my|them|everyone|all) ~(i|that i) (loved|always loved|was sorry|never meant)",
        final=True,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "goodbye.please_tell_mom",
        "distress",
        "please (tell|let) my (mom|mum|dad|family|kids|children|parents|sister|brother|wife|husband|partner|"
        "son|daughter) ~(i|that i) (love|m sorry|am sorry)",
        weak=True,
        final=True,
        veto_after=r"^\W+(\w+ ){0,2}(when|tomorrow|later|at|on|before|if)\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "cue.before_i_go",
        "distress",
        "before (i|im|i m) (go|leave|die|am gone|gone|do it)",
        cue=True,
        final=True,
        veto_after=CONTINUES,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "goodbye.plan_and_date",
        "imminent",
        "(a|my|the) plan and (a|the) (date|day|time|method|way|place)|(picked|chosen|set|chose|pick|"
        "choose|decided on|found) (a|the) (date|day|time|spot|place|method|way|bridge|building) (to|when|where|for) "
        "~(do it|end it|die|kill myself|jump|end my life|go through with it)",
        final=True,
        veto_after=r"^\W+(for|to (the|a|my|our|see|visit|meet|go)|with (him|her|them|my|the))\b",
        examples=(
            "I've got a plan and a date now",
            "I've chosen the spot where I'm going to do it",
        ),
        not_examples=(),
    ),
    Rule(
        "goodbye.have_got_ve",
        "distress",
        "(have|got|ive got|i ve got) everything (i need|ready|prepared|sorted)",
        anyone=True,
        cue=True,
        final=True,
        veto_after=CONTINUES,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "goodbye.date_and_method",
        "imminent",
        "(the |a |my )?(date|time|day|place|spot|location) (and )?(the |a |my )?(method|means|way ill do it)|"
        "(the |a |my )?(method|means) (and )?(the |a |my )?(date|time|day|place|spot)",
        final=True,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "goodbye.planned_out",
        "distress",
        "(planned|worked|figured|sorted|thought) (it all|everything|it) out",
        cue=True,
        final=True,
        veto_after=CONTINUES,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "goodbye.made_up_mind",
        "distress",
        "(made|make) (up )?my mind( up)?",
        cue=True,
        final=True,
        veto_after=CONTINUES + r"|^\W+(about|to (break|leave|go|end))",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "cue.is_the_day",
        "distress",
        "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow|today) is the (day|night)",
        cue=True,
        final=True,
        veto_after=CONTINUES,
        examples=(),
        not_examples=(),
    ),
)
