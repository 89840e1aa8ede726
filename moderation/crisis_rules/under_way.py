"""Acts under way and means dwelt on: pills already taken with drink, "how easy it would
be", the drop from a balcony, how long it takes. Written from the shapes such posts
take, with everyday look-alikes as not_examples.
"""

from __future__ import annotations

from .base import Rule
from .vocab import GUN, HABIT_AFTER, HEIGHT, OTHERS, PILLS

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
    Rule(
        "under_way.plan_for_day",
        "distress",
        "(a|my|the) plan (for|on) (friday|saturday|sunday|monday|tuesday|wednesday|thursday|tonight|tomorrow|the weekend|"
        "this weekend|next week|my birthday)",
        cue=True,
        final=True,
        examples=("I have a plan for Friday when my roommate is away.",),
        not_examples=("I have a plan for Friday: pizza and a film",),
    ),
    Rule(
        "under_way.not_safe",
        "distress",
        "(cant|can not|cannot|dont think i can|not sure i can|wont) (promise|guarantee|say) (that )?(ill|i will|im going to|"
        "i can|i ll) (be|stay|keep myself) safe|(dont|do not) feel safe (with|from|around) myself|(im|i am|i m) not safe "
        "(tonight|right now|alone|to be alone|with myself|from myself)",
        keep_negated=True,
        examples=("I can't promise I'll be safe tonight.", "I don't feel safe with myself right now"),
        not_examples=(),
    ),
    Rule(
        "under_way.blade_on_skin",
        "imminent",
        "(holding|held|pressing|pressed|resting|rested|dragging) (the|a|my) (blade|razor|knife|scissors|glass|shard) "
        "(against|to|on|into|across) my (skin|wrist|wrists|arm|arms|throat|neck|thigh|thighs|body|stomach)",
        examples=("Been holding the blade against my skin for an hour.",),
        not_examples=(),
    ),
    Rule(
        "under_way.gun_in_house",
        "distress",
        f"(keeps|keep|has|have|theres|there is|got) (a|his|her|the) {GUN} (in|at|under) (the|my|our|his|her) (house|closet|"
        "drawer|safe|cabinet|garage|car|room|bedroom|wardrobe|nightstand)",
        cue=True,
        examples=("my dad keeps a gun in the closet and i know where the key is",),
        not_examples=(),
    ),
    Rule(
        "under_way.know_where_means",
        "distress",
        "(i|and i) know where (the key|the keys|the gun|the pills|he keeps (it|them)|she keeps (it|them)|they keep (it|them)|"
        "the rope|the knife|the meds)",
        cue=True,
        final=True,
        examples=("my dad keeps a gun in the closet and i know where the key is",),
        not_examples=(),
    ),
    Rule(
        "under_way.already_took",
        "imminent",
        f"(already|just) (took|taken|swallowed|have taken|ive taken|done|downed) (the|all the|my|all my|them|all of them|it)"
        f"( {PILLS})?",
        veto_after=HABIT_AFTER + r"|^\W+(this morning|today|with (breakfast|food)|for (my|the))\b|^ +(?!(pills|tablets|meds|"
        r"them|all|tonight|now|i|and|so|lot|lots|whole|bottle|box|packet)\b)[a-z]",
        veto_before=r"\b(he|she|they|you)\W+$",
        examples=("Already took the pills. Just wanted to say thanks for being kind to me.",),
        not_examples=("I already took my pills this morning", "I just took the dog out"),
    ),
    Rule(
        "under_way.wanted_to_say",
        "distress",
        "(just )?(wanted|want|needed) to say (thanks|thank you|goodbye|bye|sorry|i love you) (for|to|before|and|everyone|all|"
        "for everything)",
        cue=True,
        final=True,
        veto_after=r"^\W+(the|your|this|that) (help|advice|gift|card|tips|recommendation|reply|replies|chat|support|lift)\b",
        examples=("Already took the pills. Just wanted to say thanks for being kind to me.",),
        not_examples=("just wanted to say thanks for the advice yesterday",),
    ),
    Rule(
        "under_way.only_option",
        "distress",
        "(hanging|jumping|overdosing|dying|death|suicide|killing myself|ending it|ending my life|not being here) "
        "(seems|feels|is|looks) (like )?(the |my )?(only|best|last|one) (option|way|choice|answer|way out|solution)( left)?",
        examples=("Hanging seems like the only option left.",),
        not_examples=(),
    ),
    Rule(
        "under_way.other_goodbye",
        "distress",
        f"({OTHERS} ~(is|s|are|re|keeps|kept)? ?|shes |hes |theyre )(saying|said|says|texted|sent|posted|wrote) ~(goodbye|"
        "goodbyes|bye forever|"
        "her goodbyes|his goodbyes|their goodbyes|a goodbye)",
        anyone=True,
        cue=True,
        final=True,
        examples=("My girlfriend said she has pills and she's saying goodbye, I'm scared",),
        not_examples=(),
    ),
    Rule(
        "under_way.other_has_means",
        "distress",
        "(she|he|they|shes|hes|theyre) ~(has|have|got|is holding|holding|bought) (pills|a knife|a gun|a rope|the pills|"
        "a blade|razors|a bottle of pills)",
        anyone=True,
        cue=True,
        final=True,
        examples=("My girlfriend said she has pills and she's saying goodbye, I'm scared",),
        not_examples=(),
    ),
    Rule(
        "under_way.give_up_for_good",
        "distress",
        "(give|giving|gave) up (for good|forever|on life|on living|on everything|on being alive|on staying alive)",
        examples=("Everything hurts and I'm tired of fighting, I think I'm going to give up for good.",),
        not_examples=("I'm going to give up sugar for good",),
        veto_before=r"\b(sugar|smoking|coffee|alcohol|drinking|caffeine|meat|gluten)\W+$",
    ),
    Rule(
        "under_way.until_heart_stops",
        "distress",
        "(until|till|til) (my heart stops|i die|i pass out and die|i starve|im dead|i am dead|i stop breathing)",
        veto_before=r"\b(dance|laugh|party|love you|fight|work|sing|eat)\W+(\w+\W+){0,2}$",
        examples=("i havent eaten in days and i want to keep going until my heart stops",),
        not_examples=("I will love you until I die",),
    ),
)
