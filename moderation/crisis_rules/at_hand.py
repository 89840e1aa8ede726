"""Plans told as facts: the means in a bag or a locker, a purchase on its way, a
place the writer is already at, arrangements made. These rarely name suicide;
the shape (means + where + when) is the sign. A time word raises a distress hit
to imminent (crisis_context.TIME), so most rules here are distress on their own.
"""

from __future__ import annotations

from .base import Rule
from .vocab import BELONGINGS, DECLUTTER, HEIGHT, HYPERBOLE_AFTER, ME, PILLS, VEHICLE

_WHERE = (
    "(in|on|under|with|next to|beside|by|inside) (my|the|me) ?(bag|locker|drawer|desk|bed|pocket|car|room|"
    "bedside|nightstand|glovebox|boot|trunk|backpack|purse|hand|hands)?"
)
_LIGATURE = "(rope|noose|ligature|cord|belt|cable|extension cord|dog lead|scarf)"

RULES: tuple[Rule, ...] = (
    Rule(
        "at_hand.pills_where",
        "distress",
        f"{ME} ~(have|got|keep|kept|hid|hidden|put) (the|my|all my|all the|enough|a bottle of|a box of|two boxes of) "
        f"{PILLS} {_WHERE}",
        weak=True,
        veto_after=r"^[^.!?\n]{0,40}\b(migraine|headache|allergy|allergies|period|cramps|in case (of|i get|my)|prescribed|"
        r"doctor|every morning|every day|daily)\b",
        examples=("I will do it after my shift tonight, I have the pills in my locker.",
                  "I've got all my tablets in my bag tonight"),
        not_examples=("I have my pills in my bag in case of a migraine",),
    ),
    Rule(
        "at_hand.ligature_ready",
        "distress",
        f"(the|a|my) {_LIGATURE} (is|s|has been|was) ~(in|ready|tied|up|hanging|around|over|under|on)",
        weak=True,
        veto_after=r"^[^.!?\n]{0,40}\b(climbing|camping|boat|swing|gym|dog|walk|washing|laundry|garden|pants|"
        r"jeans|trousers|tent|hammock|moving|boxes|trailer)\b",
        examples=("The rope is in the boot of my car. I'm driving to the woods after dinner.",),
        not_examples=("The rope is in the shed for the boat",),
    ),
    Rule(
        "at_hand.ordered_means",
        "distress",
        "(ordered|bought|buying|order|purchased|got|getting|received) (some |a |the )?(helium|nitrogen|exit bag|"
        "charcoal|sodium nitrite|a bag and helium|helium and a bag|noose|rope for myself)",
        veto_after=r"^[^.!?\n]{0,40}\b(balloon|balloons|party|birthday|bbq|barbecue|grill|wedding|decorations)\b",
        examples=("Ordered helium and a bag online. It arrives tomorrow.",),
        not_examples=("I ordered helium for the birthday balloons",),
    ),
    Rule(
        "at_hand.save_meds",
        "imminent",
        f"(stopped|stop|quit|not|been skipping|skipping|skip) (taking )?(my|the) {PILLS} ~(so|to|and) ~(save|stockpile|"
        "hoard|collect|stash|keep|store|build) (them|it|up)",
        keep_negated=True,
        keep_past=True,
        examples=("I've stopped taking my meds so I can save them all up for one night.",),
        not_examples=("I stopped taking my meds and told my doctor",),
    ),
    Rule(
        "at_hand.counted_out",
        "imminent",
        f"(counted|counting|lined|lining|laid|laying|set|setting|poured|pouring) (out|up) ~{PILLS}|"
        f"(counted|counting) (out )?~{PILLS} ~(and|then) (lined|laid|set|put) (them )?(up|out)",
        examples=("I counted out sixty tablets and lined them up on the desk.",
                  "lining up the pills on my bed"),
        not_examples=("the pharmacist counted out my tablets for the week",),
        veto_before=r"\b(pharmacist|nurse|doctor|chemist|mum|mom|dad)\W+$",
        veto_after=r"^\W*(\w+\W+){0,2}?(organi[sz]er|dosette|pill box|blister|for the (week|month))\b",
    ),
    Rule(
        "at_hand.step_in_front",
        "distress",
        f"{ME} (step|stepping|walk|walking|jump|jumping|throw myself|lie down|lay down|lie|lay) (in front of|under|onto|on) "
        f"(the|a) (next |oncoming |fast |night )?({VEHICLE}|express|freight|tracks|rails|motorway|highway|#)",
        veto_after=r"^\W+(station|stop|shelter|app|timetable)\b",
        examples=("tomorrow morning I step in front of the 7:15 express",),
        not_examples=("I lie down on the sofa after the train home",),
    ),
    Rule(
        "at_hand.writing_from_height",
        "imminent",
        f"(writing|typing|posting|texting|sending) (this|you|these|my last) ~(from|on|at) (the|a|this) ~({HEIGHT}|ledge|"
        "edge|platform|tracks|train tracks|railway|cliff edge)",
        examples=("I'm writing this from the bridge. The water looks calm.",),
        not_examples=("I'm writing this from the top floor of the library, exams are brutal",),
        veto_after=r"^[^.!?\n]{0,40}\b(library|office|cafe|exam|exams|work|lecture|study|studying|view is)\b",
    ),
    Rule(
        "at_hand.everything_i_need",
        "distress",
        "(ive got|i have|i got|got|packed|have packed|ive packed|collected|gathered) (everything|all) (i need|i needed|"
        "ready)",
        cue=True,
        final=True,
        examples=("Tonight's the night, I've got everything I need in my bag.",),
        not_examples=("I've got everything I need for the trip",),
        veto_after=r"^\W+(for|to) (the|a|my|our) (trip|holiday|party|move|camping|exam|exams|recipe|cake)\b",
    ),
    Rule(
        "at_hand.the_night",
        "distress",
        "(tonights the night|tonight is the night|today is the day|todays the day|its time|it is time|the time has come)",
        cue=True,
        veto_after=r"^\W+(to|for|we|i|you|of)\b",
        examples=("I've put everything in order. It's time.",),
        not_examples=("It's time for dinner",),
    ),
    Rule(
        "at_hand.in_order",
        "distress",
        "(put|putting|got|get|getting|have|sorted) (everything|it all|my affairs|my things|my stuff|things) in order|"
        "(the|my) (bills|rent|debts|accounts) (are|is) (paid|sorted|settled)",
        cue=True,
        final=True,
        veto_after=r"^\W+(for|before) (the|my|our) (move|trip|holiday|wedding|baby|exam|exams|audit|taxes)\b",
        examples=("I've put everything in order. The bills are paid and the cat is with my neighbour. It's time.",),
        not_examples=("I got everything in order for the move",),
    ),
    Rule(
        "at_hand.giving_away_things",
        "distress",
        f"(giving|gave|give|started giving|been giving) away ~(some of |all of |most of )?(my|all my) "
        f"(things|stuff|belongings|possessions|{BELONGINGS})",
        weak=True,
        final=True,
        veto_after=DECLUTTER,
        examples=("I've started giving away some of my things.",),
        not_examples=("I'm giving away my old clothes to charity",),
    ),
    Rule(
        "at_hand.height_count",
        "distress",
        "(#|ten|twelve|fourteen|fifteen|twenty|thirty|forty|fifty|a hundred) (floors|storeys|stories|metres|meters|feet|ft) "
        "(up|down|high|drop|below|above the ground)?",
        cue=True,
        examples=("I'm standing on the balcony. 14 floors. I'm so tired.",),
        not_examples=("our office is 14 floors up",),
    ),
    Rule(
        "at_hand.looking_down",
        "distress",
        "(keep|keeps|kept|just|been|im|i am) (looking|staring|peering|leaning) (down|over the edge|over|at the water|"
        "at the tracks|at the drop|at the ground)",
        cue=True,
        examples=("I'm at the top of the car park and I keep looking down.",),
        not_examples=("I keep looking down at my phone",),
        veto_after=r"^\W+(at|on) (my|the|his|her) (phone|feet|shoes|screen|notes)\b",
    ),
    Rule(
        "at_hand.deciding",
        "distress",
        "(sitting|standing|waiting|just sitting|just standing) (here|there|in the car|on the edge) ~(deciding|trying to "
        "decide|working up|getting the courage|saying goodbye)",
        cue=True,
        examples=("I'm parked at the cliff top with the engine off, just sitting here deciding.",),
        not_examples=("sitting here deciding what to have for dinner",),
        veto_after=r"^\W+(what|which|whether to (order|buy|eat|watch|go out))\b",
    ),
    Rule(
        "at_hand.someone_to_know",
        "distress",
        "(just )?(wanted|want|needed|need) (someone|somebody|anyone|one person|you all|you guys) to (know|hear it|"
        "read this|know why)",
        cue=True,
        final=True,
        examples=("I'm walking to the bridge now. I just wanted someone to know.",),
        not_examples=("I got the job! I just wanted someone to know",),
        veto_after=r"^\W+(how (happy|proud|excited|good))\b",
    ),
    Rule(
        "at_hand.find_them_after",
        "distress",
        "(find|read|see|get|open) (them|it|this|the letters|the letter|my letter|my letters|the note|my note) "
        "(after|afterwards|when im gone|once im gone|in the morning)",
        cue=True,
        final=True,
        examples=("I've written letters to my kids and put them in the drawer, they'll find them after.",),
        not_examples=("I'll read it after lunch",),
        veto_after=r"^\W+(lunch|dinner|work|school|class|the meeting|the game)\b",
    ),
    Rule(
        "at_hand.with_a_blade",
        "distress",
        "(locked|shut|hiding|alone|sitting|standing) ~(in|on) (the|my|her|his) (bathroom|room|bedroom|car|garage|shed) "
        "(with|holding) (a|the|his|her|my) (knife|blade|razor|gun|rope|belt|pills|bottle of pills)",
        anyone=True,
        final=True,
        examples=("My girlfriend is locked in the bathroom with a knife and says she wants to die.",),
        not_examples=("I'm sitting in my room with a knife and fork eating dinner",),
        veto_after=r"^\W+(and fork|fork|cutting|chopping|peeling|eating)\b",
    ),
    Rule(
        "at_hand.my_last",
        "distress",
        "(will be|is going to be|is gonna be|would be|is|s) my (last|final)( (day|night|weekend|week|christmas|birthday|"
        "sunset|morning))?( (alive|on earth|here))?",
        veto_after=r"^ +(?!(alive|on earth|here|ever)\b)[a-z]|^\W+(at|of|in|with|before) (work|school|the job|uni|college|"
        r"this job|the company|the team|therapy)\b",
        examples=("After everything, I think this weekend will be my last.", "today is my last day alive"),
        not_examples=("this will be my last coffee today", "Friday is my last day at work"),
    ),
    Rule(
        "at_hand.know_where_when",
        "imminent",
        f"{ME} ~(know|decided|picked|chosen|worked out) (where|when|how) and (i )?(know |decided |picked )?(where|when|how)",
        examples=("I made a plan. I know where and I know when.",),
        not_examples=(),
    ),
    Rule(
        "at_hand.made_a_plan",
        "distress",
        f"{ME} ~(made|have|got|ve got|came up with|finished) a plan",
        cue=True,
        final=True,
        veto_after=r"^\W+(for|to|with|b|of action|of attack)\b",
        examples=("I made a plan. I know where and I know when.",),
        not_examples=("I made a plan for the weekend",),
    ),
    Rule(
        "at_hand.how_many_it_takes",
        "distress",
        "(looked up|googled|searched|researched|read up on|checked|worked out|calculated) (how many|how much)"
        f" ~(of my |my )?~({PILLS}|it) ~(it would take|it takes|would take|would kill|is lethal|is fatal|to die|to kill)",
        examples=("I looked up how many of my antidepressants it would take. I have enough.",),
        not_examples=("I googled how much paracetamol is safe for a headache",),
    ),
    Rule(
        "at_hand.to_look_down",
        "distress",
        "(to|and|just) (look|stare|peer|lean) (down|over the edge|over the side|at the water|at the drop)",
        cue=True,
        examples=("There's a motorway bridge near my flat and I keep walking there at night to look down.",),
        not_examples=("we climbed the tower to look down at the city",),
        veto_after=r"^\W+(at|on) (the|our|my) (city|view|lights|town|valley|crowd)\b",
    ),
    Rule(
        "at_hand.height_near_me",
        "distress",
        f"(a|the) (motorway |railway |rail |high |tall )?({HEIGHT}|cliff|cliffs) (near|by|next to|close to|behind) my "
        "(flat|house|home|place|work|school|building)",
        cue=True,
        examples=("There's a motorway bridge near my flat and I keep walking there at night to look down.",),
        not_examples=(),
    ),
    Rule(
        "at_hand.hope_i_crash",
        "distress",
        "(hoping|hope|wishing|wish|praying|pray) (that )?(i|id|ill|i will|i would) (crash|get hit|get run over|die|get "
        "killed|drown|fall off|never wake up|dont wake up|dont make it|dont survive|dont come back|stop breathing)",
        keep_negated=True,
        veto_after=HYPERBOLE_AFTER + r"|^\W+(before i get old|laughing|of (boredom|cringe)|late|early|on time|in time)\b",
        examples=("I keep driving too fast hoping I crash.", "every night I pray I don't wake up"),
        not_examples=("I hope I die laughing at this",),
    ),
    Rule(
        "at_hand.free_of_it_all",
        "distress",
        "(be|finally be|get|set myself|finally) free (of|from) (all of |all )?(this|it|everything|the pain|my pain|life|"
        "this life|this world|myself|me)( for good| forever| at last)?",
        keep_past=True,  # "free of" is also how recovery is told; here it is the plan
        veto_after=r"^\W+(job|school|exams|debt|him|her|them|my ex|work|stress|homework)\b",
        examples=("Tonight I'm finally going to be free of all of this, for good.",),
        not_examples=("I'll finally be free of this job on Friday",),
    ),
    Rule(
        "at_hand.painless_ways",
        "distress",
        "(painless|quick|quickest|easy|easiest|peaceful|best|surest|most effective|fastest) (ways?|methods?|method|means) "
        "(to|of) (go|die|end it|do it|kill myself|dying|going|check out|end things|end my life)",
        veto_after=r"^\W+(to sleep|to the|to bed|to work|home|viral|about it)\b",
        examples=("I've been researching painless ways to go.",),
        not_examples=("quickest way to go to the station from here?",),
    ),
    Rule(
        "at_hand.train_not_stopping",
        "distress",
        "(next|fast|express|freight|this|the|that) (train|trains) (isnt|is not|doesnt|does not|wont|that isnt|that doesnt|"
        "wont be) (stopping|stop)",
        final=True,
        veto_after=r"^[^.!?\n]{0,40}\b(late|delayed|annoying|ugh|wait|so i|rail replacement|again)\b",
        examples=("I'm at the station and the next train isn't stopping here.",),
        not_examples=("the next train isn't stopping here so I'll be late again",),
    ),
    Rule(
        "at_hand.kill_me",
        "distress",
        f"{ME} ~(want|wanna|going|will|think) (to )?kill me",
        examples=("sry my english bad. i want kill me, i have knife",),
        not_examples=(),
        veto_after=r"^\W+(if|when|lol|haha)\b",
    ),
    Rule(
        "at_hand.i_have_a_blade",
        "distress",
        "(i|im) (have|got|holding|hold|with) (a |the |my )?(knife|blade|razor|rope|noose|pills|gun)",
        cue=True,
        final=True,
        examples=("sry my english bad. i want kill me, i have knife",),
        not_examples=(),
    ),
    Rule(
        "at_hand.pet_to_someone",
        "distress",
        "(gave|giving|give|given|leaving|left) (my|away my) (cat|cats|dog|dogs|pet|pets|rabbit|bird|fish|hamster) to "
        "~(neighbour|neighbor|friend|sister|brother|mum|mom|parents|someone|auntie|aunt|nan)",
        cue=True,
        final=True,
        veto_after=r"^\W+(for|while|during|until) (the|a|my|our) (week|weekend|holiday|vacation|trip|day)\b",
        examples=("I gave my cat to my neighbour today so she's taken care of.",),
        not_examples=("I gave my dog to my sister for the weekend",),
    ),
    Rule(
        "at_hand.taken_care_of",
        "distress",
        "(so|to make sure|making sure) (she|he|they|it|my cat|my dog|the cat|the dog|the kids|my kids) ?(is|s|are|re|will be|"
        "ll be|gets|get) (taken care of|looked after|safe|cared for|fed)( (after|when im gone|without me))?|"
        "(so|to make sure|making sure) (shes|hes|theyre|its|theyll be|shell be|hell be) (taken care of|looked after|safe|"
        "cared for|fed)",
        cue=True,
        final=True,
        veto_after=r"^\W+(while|during|until) (i|im|we)\b|^\W+(this|for the) (week|weekend|holiday)\b",
        examples=("I gave my cat to my neighbour today so she's taken care of.",),
        not_examples=("I booked a sitter so the dog is looked after while I'm away",),
    ),
    Rule(
        "at_hand.do_it_when_alone",
        "imminent",
        r"\b(once|when|after|as soon as)\b[^.!?\n]{0,40}\b(asleep|out|gone|at work|to sleep|to bed|empty|leaves|leave)\b"
        r"[^.!?\n]{0,30}\b(i ?m going to|i ?m gonna|i am going to|i ?ll|i will|i can) (do it|end it|go through with it|"
        r"finally do it)\b",
        raw=True,
        examples=("Once my parents are asleep I'm going to do it.",),
        not_examples=("Once the kids are asleep I'm going to do it, the tax return has to go in",),
        veto_after=r"^[^.!?\n]{0,40}\b(tax|homework|laundry|essay|dishes|cleaning|report|paperwork|return)\b",
    ),
    Rule(
        "at_hand.happier_without_me",
        "distress",
        "(if|once|when) (i|im) (wasnt|werent|was not|am not|m not|was|am) (here|around|gone|alive|dead)"
        " ~(they|everyone|my family|people|he|she|you|my parents|my kids|the world) ~(could|would|will|d|can|might) "
        "~(finally )?(be happy|be happier|be free|be better|be relieved|move on|be fine|be okay|be ok|live|breathe)",
        examples=("If I wasn't here they could finally be happy.",),
        not_examples=("If I wasn't here tonight they could be happy at the party",),
        veto_after=r"^\W+(at|for) (the|a|their|his|her) (party|wedding|dinner|trip)\b",
    ),
    Rule(
        "at_hand.do_this_anymore",
        "distress",
        "(dont|do not|cant|can not|cannot) (want to |wanna )?(do this|do life|live like this|keep doing this|keep living "
        "like this|be here|exist) (anymore|any more|any longer)",
        keep_negated=True,
        weak=True,
        veto_after=r"^\W+(at|with|in|for) (the|this|my|that|his|her)\b|"
        r"^[^.!?\n]{0,12}\b(im|i am|i m) (quitting|leaving|out of|done with|stepping down from) (the|this|my)\b",
        examples=("Everyone keeps telling me it gets better. It doesn't. I don't want to do this anymore.",),
        not_examples=("I don't want to do this anymore at the office",),
    ),
)
