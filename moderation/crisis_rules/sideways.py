"""Signs said sideways: a count that is "enough", a height looked up, swallowing under way,
a wish to stop being for good, a future already given up, a voice that says "kill yourself".

Rule data only; the engine is `moderation.crisis`. See `moderation/crisis_rules/__init__.py`.
Each family is written from the shape of the sentence, not from any one post: the verbs,
the objects and the time words vary, the structure stays.
"""

from __future__ import annotations

from .base import SELF_HARM, Rule
from .vocab import ME, PILLS, POISON

# "for good", "forever": what makes leaving or vanishing final.
_FOR_GOOD = "(for good|forever|for ever|permanently|once and for all)"
# Words after "enough" that give it an ordinary purpose ("enough for everyone", "enough to cover rent").
_ENOUGH_FOR = (
    r"^\W+(for (everyone|everybody|all|us|the|a|my|our|two|three|dinner|lunch|the week)|to (go round|go around|feed|share|"
    r"last|cover|pay|get|buy|make|see|reach|ride|fit|be (honest|fair))|room|space|money|time|of (that|this|him|her))\b"
)

RULES: tuple[Rule, ...] = (
    Rule(
        "sideways.swallowing_now",
        "imminent",
        f"(started|starting|im|i am|been|keep|kept|already|currently|now) swallowing ~(them|{PILLS}|more of them)|"
        f"(#|ten|twenty|thirty|forty|fifty) ~({PILLS}|of them) (in|down|gone) so far",
        serious=True,
        examples=("been swallowing them one at a time since midnight, not going to stop",
                  "twenty of them down so far and my hands are shaking"),
        not_examples=("I keep swallowing air when I run, any tips?", "ten chapters down so far, great book"),
        veto_after=r"^\W+(air|wrong|water|my pride|my words|gum)\b",
    ),
    Rule(
        "sideways.poison_taken",
        "imminent",
        f"(drank|drunk|swallowed|downed|had|took) (some|a bit|half|most|a cup|a glass|a mouthful|a capful|a few sips) "
        f"(of )?(the |that |some )?{POISON}|{POISON} ~(and )?(ive|i have|i ve|already) ~(drank|drunk|swallowed) "
        "(some|it|half|most)",
        keep_past=True,
        examples=("I'm on the bathroom floor, I drank some of the bleach an hour ago",
                  "mixed the weed killer into juice and I've already drunk half"),
        not_examples=("I had some bleach on my jeans from cleaning",),
        veto_after=r"^\W+(on|in|from|by accident|when i was|as a kid)\b",
    ),
    Rule(
        "sideways.intrusive_command",
        "distress",
        "(my )?(brain|head|mind|thoughts|voice|voices|inner voice|inner critic) (keeps|keep|is|are|wont stop|just keeps|"
        "kept|been|has been|have been) (saying|telling me|screaming|whispering|repeating|shouting|chanting) "
        "(to )?(kill (yourself|urself|myself|your self)|die|just die|end it|jump|go die|you should die)",
        examples=("my head keeps screaming kill yourself over and over and I can't shut it up",
                  "the voice has been telling me to end it since dinner"),
        not_examples=("my brain keeps saying eat the cake, help",),
    ),
    Rule(
        "sideways.will_to_live",
        "distress",
        f"{ME}? ~(losing|lost|lose|have no|havent got|got no|no longer have) (the|my|any|all|all my) will to (live|go on|keep going)",
        weak=True,
        examples=("four months alone and honestly I've lost my will to live, I mean it",),
        not_examples=("if I have to sit through one more budget meeting I'm losing the will to live",),
    ),
    Rule(
        "sideways.cue.enough",
        "distress",
        "(should be|thats|that s|thatll be|that will be|that would be|it ll be|itll be|theres|there s|there is|"
        "i have|ive got|i ve got|got) (more than |plenty |easily |definitely |just |finally )?enough|"
        "(tall|high|deep|strong|fast|cold|far down|high up) enough",
        cue=True,
        veto_after=_ENOUGH_FOR,
        examples=(),
        not_examples=("there's enough pizza for everyone",),
    ),
    Rule(
        "sideways.cue.counted",
        "distress",
        f"(counted|recounted|counting|counted out) (them|it|out|the {PILLS}|my {PILLS}|what i have|what ive got)"
        "( (twice|again|three times|over|one more time))?",
        cue=True,
        veto_after=r"^\W+(\w+\W+){0,3}(for the (refill|pharmacy|prescription|week|organi[sz]er)|to (refill|reorder|order))|"
        r"^\W+(the|my) (votes|days|sheep|calories|steps|money|change|cash)\b",
        examples=(),
        not_examples=("counted my pills for the refill, 12 left",),
    ),
    Rule(
        "sideways.cue.looked_up",
        "distress",
        "(looked up|look up|looking up|googled|googling|checked|measured|researched|searched) how (tall|high|deep|"
        "far down|cold|fast|long it takes|many it takes|much it takes)",
        cue=True,
        examples=(),
        not_examples=("googled how tall the Eiffel tower is for the quiz",),
    ),
    Rule(
        "sideways.rope_up",
        "imminent",
        "(the |my )?(rope|noose|belt|cord|ligature) (is|s|has been|was) (up|tied|hung|hanging|ready|set up|in place)|"
        "(tied|hung|put up|set up|fixed) the (rope|noose) (to|from|on|over|in)",
        examples=("the rope is up in the garage and I keep going back to look at it",),
        not_examples=("the rope is tied to the boat, we're ready to sail",),
        veto_after=r"^[^.!?\n]{0,60}\b(boat|tent|swing|climb|climbing|tree house|treehouse|hammock|washing|laundry|gym|"
        r"tyre|tire|tow|towing|load|trailer)\b",
        veto_before=r"\b(boat|tent|swing|climbing|hammock|washing line|clothesline|gym)\b",
    ),
    Rule(
        "sideways.gone_for_good",
        "distress",
        "(if i|i could|i wish i could|wish i could|i should|id|i would|i want to|want to|wanna|im going to|gonna) ~(just )?"
        "(quietly )?(disappeared|disappear|vanished|vanish|faded out|fade out|faded away|fade away|stopped existing|"
        "stop existing|stopped being (here|around|a problem|a burden)|stop being (here|around|a problem|a burden)|"
        "went away|go away|slipped away|slip away) " + _FOR_GOOD,
        examples=("it'd be easier for all of them if I just slipped away for good",
                  "I keep thinking I should stop being a burden permanently"),
        not_examples=("I want to disappear for a week to a cabin with no wifi",),
    ),
    Rule(
        "sideways.never_another_morning",
        "distress",
        "(wouldnt|would not|wont|will not|dont|do not|wouldn t) (mind|care) (if|when) i ~(never|didnt|did not|dont|"
        "do not|wont|couldnt) (saw|see|wake up|woke up|make it to|got to see|get to see|open my eyes to) (to )?"
        "(another|the next|tomorrow|the morning)( (morning|day|sunrise|birthday|christmas|summer|year|week))?",
        examples=("honestly wouldn't care if I never woke up to another morning",),
        not_examples=(),
    ),
    Rule(
        "sideways.future_given_up",
        "distress",
        "(stopped|stop|no point|dont see the point (in|of)|no reason to|not bothering|quit) (making|to make|in making)? "
        "(plans|any plans) (past|beyond|for after|after) (next|this|the end of|friday|the weekend|christmas|my birthday|#)|"
        "(dont|do not) think (ill|i will|i ll) (need|be needing) (them|it|any of (it|this|them)|a (coat|passport|future|"
        "pension))( (anymore|after that|where im going))?",
        examples=("haven't booked anything, I stopped making plans beyond this month. won't need them.",),
        not_examples=("I don't think I'll need it, the forecast says sun all week",),
        veto_after=r"^[^.!?\n]{0,40}\b((because|cause|cos) (of )?(work|my (job|schedule|shifts|rota))|forecast|weather|"
        r"sun|sunny|rain|warm|cold|snow|heating)\b",
        keep_past=True,  # "I stopped making plans" is now, not recovery
        veto_before=r"\b(forecast|weather|sunny|hot|warm)\b",
    ),
    Rule(
        "sideways.just_not_be",
        "distress",
        "(what it would (feel|be) like|how it would feel|i want|i wish i could|wish i could|id like|i just want|i wanna|"
        "want) (to )?(just |simply )?(not be|not exist|stop being)",
        veto_after=r"^ (?!(anymore|any more|here|around|alive|at all|for a while|for good|forever|a person|a thing)\b)[a-z]",
        examples=("some nights I just want to not exist. not sad, just done.",
                  "been wondering how it would feel to just not be"),
        not_examples=("I just want to not be tired for once", "I want to not be late again"),
    ),
    Rule(
        "sideways.log_off_life",
        "distress",
        "(log|logging|sign|signing|clock|clocking|opt|opting|unsubscribe|unsubscribing|check|checking|tap|tapping) "
        "(off|out|me out)? ?(from|of) (life|existence|being alive|this life|living)",
        examples=("some days I want to just unsubscribe from life",),
        not_examples=("logging off from life admin for the weekend",),
        veto_after=r"^\W+(admin|stuff|for (the|a) (weekend|week|day|bit|while))\b",
    ),
    Rule(
        "sideways.not_just_the_chat",
        "distress",
        "(leave|leaving|go|going|log off|logging off|disappear|quit|quitting)( too)?( for real)? (and )?(i mean )?"
        "not (just )?(the|this) (chat|group|app|server|site|forum|platform|room)",
        examples=("maybe I'm meant to leave too. not just the group.",),
        not_examples=(),
    ),
    Rule(
        "sideways.existing_problem",
        "distress",
        "(me|my) (existing|existence|being (alive|here|around)) (is|was|has always been) (the|a) (problem|mistake|burden)|"
        "(im|i am) the one who should (just )?(die|not be here|not exist|be gone|disappear)|"
        "(no|dont see the|dont see any|theres no|there is no) point (in |of )?(me )?(being alive|staying alive|existing|"
        "still being here)|dont see why i should keep (living|going|being here|existing)",
        examples=("my existence is the problem, everyone else would be fine",
                  "I can't see anyone who'd notice. there's no point in me being alive."),
        not_examples=("there's no point in me staying at this job",),
    ),
    Rule(
        "sideways.look_like_accident",
        "imminent",
        "(itll|it ll|it will|it would|itd|should|make it|so it|will) (look|seem|appear|pass) (like|as|for) an accident|"
        "(so|that way|then) (the )?(life )?insurance (pays|will pay|still pays|pays out)",
        veto_before=r"\b(him|her|them|his|boss|landlord|ex|husband|wife|neighbour|neighbor)\b[^.!?]*$",
        examples=("I know which bend on the road. it'll look like an accident so the kids get the insurance",),
        not_examples=("my boss keeps breaking the printer, one day I'll make it look like an accident",),
    ),
    Rule(
        "sideways.nails_until",
        "distress",
        "(dig|digging|dug|scratch|scratching|scratched|claw|clawing) (my )?(nails )?(into )?(my )?(skin|arms?|wrists?|"
        "thighs?|legs?|palms?|face) (until|till|til) (it|they|i) (bleeds?|bled|bleed|broke|break|hurt)",
        label=SELF_HARM,
        examples=("scratched my arms till they bled again after he left me on read",),
        not_examples=(),
    ),
)
