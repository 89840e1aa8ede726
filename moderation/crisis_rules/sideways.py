"""Signs said sideways: a count that is "enough", a height looked up, swallowing under way,
a wish to stop being for good, a future already given up, a voice that says "kill yourself".

Rule data only; the engine is `moderation.crisis`. See `moderation/crisis_rules/__init__.py`.
Each family is written from the shape of the sentence, not from any one post: the verbs,
the objects and the time words vary, the structure stays.
"""

from __future__ import annotations

from .base import SELF_HARM, Rule
from .vocab import ME, PILLS, POISON

# Means and places people look at differently, hold, or stand at.
_MEANS_SEEN = (
    "(river|bridge|tracks|train|trains|pills|pill bottle|tablets|rope|knife|knives|blade|balcony|cliff|cliffs|sea|"
    "ledge|roof|car park|parking garage|gun|motorway|highway|drop)"
)

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

    Rule(
        "sideways.exhaust_in_garage",
        "imminent",
        r"\b(garage|car)\b[^.!?\n]{0,60}\b(engine|car|motor) (is )?(going|running|on|started|still running)\b|"
        r"\b(engine|car|motor) (is )?(going|running|on|started)\b[^.!?\n]{0,60}\b(garage|door shut|doors shut|windows up)\b",
        raw=True,
        examples=("I'm in the car in the garage with the engine going and the door down",),
        not_examples=("left the car running in the drive while I grabbed my coat",),
    ),
    Rule(
        "sideways.where_and_when",
        "imminent",
        f"{ME} ~(know|knows|decided|picked|chosen|chose|worked out|figured out) (exactly )?(where and when|when and where|"
        "the (place|spot) and (the )?(time|date|day)|the date and (the )?place)",
        examples=("I know where and when now, and I feel calm about it",),
        not_examples=(),
        veto_after=r"^\W+(to|for) (meet|the (party|wedding|meeting|interview|exam|match|gig))\b",
    ),
    Rule(
        "sideways.only_need_one",
        "imminent",
        "(ill|i will|i ll|i only|only) (only )?(need|be needing|be using) (one|the one|one of them|the first)( night| way)?|"
        "(one way|one_way) (ticket|trip) (and|but) (no|not|never)|(wont|will not|dont|do not) need (a|the) return( ticket| trip)?",
        final=True,
        examples=("booked the room for the weekend but I'll only need one night",),
        not_examples=("I'll only need one coffee today, thanks",),
        veto_after=r"^\W+(coffee|of (those|these)|bag|pen|page|more|for (now|work|this|the (trip|weekend)))\b",
    ),
    Rule(
        "sideways.passive_relief",
        "distress",
        "if i (died|passed away|didnt wake up|did not wake up|never woke up|went) (in my sleep |tonight |tomorrow |one night |"
        "in an accident )?(id|i would|i d) (be|feel) (relieved|ok|okay|fine|glad|happy|grateful|at peace)|"
        "(keep|kept|keeps) (hoping|wishing|praying) (something|someone|a car|a bus|an illness) (happens to|hits|takes|kills) me|"
        "wouldnt have to decide",
        examples=("if I died in my sleep I'd be relieved, honestly",
                  "I keep hoping something happens to me on the drive home"),
        not_examples=(),
    ),
    Rule(
        "sideways.hit_myself",
        "distress",
        "(hit|hitting|punch|punched|punching|bang|banged|banging|slap|slapped|slapping|smack|smacked) (myself|my head|"
        "my face) (in the (head|face) |against the (wall|door|floor) )?(until|till|til|so hard|over and over)|"
        "(hit|hitting|punch|punched|punching|slap|slapped|slapping) myself (in the (head|face) )?again",
        label=SELF_HARM,
        keep_past=True,
        examples=("I hit myself in the head until I saw stars",),
        not_examples=("I hit my head on the cupboard again, ouch",),
    ),
    Rule(
        "sideways.punched_till_bleeding",
        "distress",
        r"\b(punched|punching|punch|smashed|smashing|hit) (the|a) (mirror|wall|window|door)\b[^.!?\n]{0,40}"
        r"\b(bleeding|bled|bleeds|split|broke my)\b",
        raw=True,
        label=SELF_HARM,
        examples=("punched the mirror and now my hand's bleeding",),
        not_examples=("someone punched the wall in the flat next door",),
    ),
    Rule(
        "sideways.cut_again",
        "distress",
        r"(^|[.!?\n] *)(cut|burned|burnt|relapsed|sh d|shd) again\b(?! (the|my hair|his|her|their|it|some|a|an|in|on|out)\b)",
        raw=True,
        label=SELF_HARM,
        examples=("cut again. deeper this time.",),
        not_examples=("cut again the same way as last week for the fringe",),
    ),
    Rule(
        "sideways.means_seen_differently",
        "distress",
        f"(look|looking|looked|stare|staring|stared|hold|holding|held) at (the|my|that) ~{_MEANS_SEEN} (differently|"
        "a different way|in a new way|and (think|thinking|wonder|wondering)|and just look|for (ages|hours|a long time))|"
        f"(hold|holding|held) (the|my|a) ~{_MEANS_SEEN} (and )?(just )?(look|looking|stare|staring)",
        examples=("since she left I've been looking at the bridge differently",
                  "some nights I hold the pill bottle and just look at it"),
        not_examples=("I looked at the river and thought about how pretty it was in spring",),
        veto_after=r"^[^.!?\n]{0,30}\b(pretty|beautiful|lovely|photo|picture|paint|nature|view)\b",
    ),
    Rule(
        "sideways.standing_thinking",
        "distress",
        f"(stand|standing|stood|sit|sitting|sat|lean|leaning) (on|at|by|over) (the|my) ~{_MEANS_SEEN} (and )?~(think|thinking|"
        "wonder|wondering) (about )?(how|what it) (quiet|easy|peaceful|simple|quick|fast|would feel)",
        examples=("I stand at the balcony and think about how quiet it would be",),
        not_examples=(),
    ),
    Rule(
        "sideways.to_be_finished",
        "distress",
        "(longing|long|want|wanting|wish|need|desire|yearning|ready) (is )?to (just )?be (finished|done with (it all|everything|"
        "life|living|being alive)|over with|a memory)|(want|wanna|ready) (everything|it all|the world) to (go|fade|turn) "
        "(dark|black|quiet|silent)( and stay| forever| for good)?",
        examples=("the longing to be finished is so strong tonight", "I just want it all to go dark and stay that way"),
        not_examples=("I want to be finished with this essay by friday",),
        veto_after=r"^\W+(with|by|before|so|and go|in time|at)\b",
    ),
    Rule(
        "sideways.not_around_next",
        "distress",
        "(dont|do not|cant|can not|cannot) (see|picture|imagine) (myself|me) (being |still )?(around|here|alive|still here) "
        "(for|at|by|next|in|this|past)|(at peace|okay|ok|fine|comfortable) with (the idea|the thought) of (not being "
        "(around|here|alive)|dying|being gone|not waking up)|if (im|i am) still here next (year|month|week|christmas)",
        examples=("I can't picture myself being around for my next birthday",
                  "I'm oddly at peace with the idea of not being here next spring"),
        not_examples=("I can't see myself being around for the whole festival, too tired",),
        veto_after=r"^\W+(the whole|the entire|all of|the full)\b",
    ),
    Rule(
        "sideways.no_reason_to_stay",
        "distress",
        "(whats|what is|wheres|no|theres no|dont see the|see no) (the )?(point|reason) (of|in|to|for) (sticking|staying|hanging) "
        "around|why (should i )?(stick|stay|hang) around|(every|each) (option|road|path|way) ends with me (not being here|gone|dead)",
        examples=("what's the point of sticking around for another thirty years of this",),
        not_examples=("what's the point of staying around after the concert ends",),
        veto_after=r"^\W+(after|for the|at the|till the|until the)\b",
    ),
    Rule(
        "sideways.soon_wont_feel",
        "distress",
        f"(soon|after tonight|after this|tomorrow|by tomorrow|then) {ME} (wont|will not|will never|ll never|never) (have to )?"
        "(feel|hurt|suffer|deal with|face|carry) (this|it|any of (this|it)|anything|the pain|this pain|again)",
        weak=True,
        examples=("soon I won't have to feel any of this",),
        not_examples=(),
    ),
    Rule(
        "sideways.not_that_leaving",
        "distress",
        "(i )?(dont|do not|didnt) mean (a|the|this|my) (city|trip|chat|group|app|job|holiday|house|relationship|server|room)|"
        "(not|never) (just )?(finished|done) with (this|the|my) (relationship|job|chat|group|app) (just )?(finished|done)|"
        "(i want out|out of everything) not (the|my) (city|job|relationship|house)",
        examples=("the next leaving I'm thinking about isn't a move, and I don't mean a city",),
        not_examples=(),
    ),
    Rule(
        "sideways.never_been_born",
        "distress",
        "(wish|wishing|wished) (i )?(had |d |id )?never been born|trade places with (anyone|someone|people) who (died|is dead)",
        examples=("I keep wishing I'd never been born",),
        not_examples=(),
    ),
    Rule(
        "sideways.clearing_up_after",
        "imminent",
        "(less|nothing|not much) (left )?for (my|the) (parents|family|mum|mom|dad|kids|wife|husband|partner|sister|brother) "
        "to (deal with|sort|sort out|clear|go through) (after|later|when)|"
        "(they|nobody|no one|my family) (wont|will not|wont ever|wont have to) (need|have) to (deal with|sort|clear|go through) "
        "(it|my (stuff|things)) (later|after)",
        final=True,
        examples=("deleting my photos tonight so there's less for my parents to deal with after",),
        not_examples=(),
    ),
    Rule(
        "sideways.googling_ways",
        "distress",
        "(googling|googled|searching|searched|looking up|looked up|reading about|researching) ~(ways out|ways to (die|go|end it)|"
        "painless ways|how to (not wake up|end it|disappear for good)|exit (methods|options))",
        examples=("I've been googling ways out all week",),
        not_examples=(),
    ),
)
