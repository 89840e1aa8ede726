"""Acts under way and means dwelt on: pills already taken with drink, "how easy it would
be", the drop from a balcony, how long it takes. Written from the shapes such posts
take, with everyday look-alikes as not_examples.
"""

from __future__ import annotations

from .base import Rule
from .vocab import HEIGHT, PILLS

RULES: tuple[Rule, ...] = (
    Rule(
        "under_way.how_easy",
        "distress",
        "((how|so|too|really) easy (it would be|itd be|it is|it will be)|(it would be|itd be|it is|its|it will be) "
        "(so|too|really|very) easy) (to )?~(end it|do it|let go|jump|die|cut|slip|fall|step off|drive off|end everything|"
        "never wake up|disappear)",
        veto_after=r"^\W+(of )?(the |my |this )?(grudge|anger|resentment|past|argument|habit)\b",
        examples=("It would be so easy to just let go of the railing.",),
        not_examples=("how easy it would be to just let go of the grudge",),
    ),
    Rule(
        "under_way.how_easy_with_means",
        "distress",
        r"\b(knife|knives|knife block|blade|razor|pills|tablets|rope|belt|balcony|bridge|ledge|railing|tracks|gun|"
        r"car keys|roof)\b[^.!?\n]{0,60}\bhow easy (it would be|it d be|itd be|it is)\b",
        raw=True,
        veto_after=r"^\W+(to (get|find|make|buy|cook|learn|lose))\b",
        examples=("I keep looking at the knife block and thinking how easy it would be.",),
        not_examples=("the bridge was closed, how easy it is to get lost here",),
    ),
    Rule(
        "under_way.drink_then_pills",
        "imminent",
        f"(drank|drinking|downed|finished) ~(vodka|alcohol|wine|booze|whisky|whiskey|bottle|beer) ~and ~(took|swallowed|"
        f"taken|taking|swallowing) ~{PILLS}",
        examples=("I drank a whole bottle of vodka and took my mum's pills, I feel weird",),
        not_examples=("I drank some wine and took a paracetamol before bed",),
        veto_after=r"^\W+(before bed|for (my|the) (headache|hangover))\b",
        veto_before=r"\b(some|a glass of|a little)\W+$",
    ),
    Rule(
        "under_way.took_and_feel",
        "imminent",
        f"(took|taken|swallowed|have taken|ive taken) ~(my |of my |the )?{PILLS} ~(and|now|i think) ~(i feel|feeling|feel|im|i am|getting) "
        "(weird|sick|dizzy|strange|sleepy|funny|drowsy|numb|floaty|cold|faint)",
        veto_before=r"\b(he|she|they|doctor|nurse)\W+$",
        examples=("took a bunch of my tablets and now i feel dizzy",),
        not_examples=(),
    ),
    Rule(
        "under_way.the_drop",
        "distress",
        f"(the drop|the fall|the jump|how far it is|how far down) (from|off|of|to the ground from) (my|the|this) "
        f"~({HEIGHT}|balcony|window|ledge|roof|edge|cliff)",
        weak=True,
        veto_after=r"^\W+(was|is) (amazing|fun|scary but fun|the best)\b|^[^.!?\n]{0,40}\b(bungee|zipline|ride|"
        r"rollercoaster|waterfall view|photo)\b",
        examples=("All I can think about is the drop from my balcony.",),
        not_examples=("the drop from the rollercoaster was the best",),
    ),
    Rule(
        "under_way.let_go_of_rail",
        "distress",
        "let go of the (railing|railings|rail|ledge|edge|handrail|wheel|steering wheel|barrier)",
        veto_before=r"\b(dont|do not|never|please|kids|child)\W+(\w+\W+){0,2}$",
        examples=("It would be so easy to just let go of the railing.",),
        not_examples=("please don't let go of the railing on the escalator",),
    ),
    Rule(
        "under_way.how_long_to_die",
        "distress",
        "(how long|how much|how many|how fast|how quickly) (does it|would it|it|will it) ~(take|takes) (to )?~(bleed out|die|"
        "drown|suffocate|hang|pass out and die|stop breathing|lose consciousness)",
        veto_after=r"^\W+(a |the |my )?(phone|battery|plant|plants|fish|rice|cells)\b",
        examples=("Can someone tell me how long it takes to bleed out",),
        not_examples=("how long does it take to drown a phone in rice lol",),
    ),
)
