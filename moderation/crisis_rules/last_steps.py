"""Last steps, told sideways: nobody will find me, the tallest buildings googled, accounts
for someone to close after, legs over the edge, joining someone who died, the voices
obeyed. Rule data only (see crisis_rules/__init__.py); each rule's not_examples keep the
everyday uses out.
"""

from __future__ import annotations

from .base import Rule
from .vocab import HEIGHT, PILLS

RULES: tuple[Rule, ...] = (
    Rule(
        "quiet.nobody_will_find_me",
        "distress",
        "(nobody|no one|noone|they|anyone|no body) (will|would|wont|is going to|s going to)? ?(ever )?(find|finds|found) me"
        "( this time| in time| until its too late| for days)?",
        final=True,
        veto_after=r"^\W+(here|in this|at the|when we play|hiding|behind|in hide)\b",
        examples=("I'm going to disappear tonight and nobody will find me this time.",),
        not_examples=("nobody will find me here in this cafe, perfect for studying",),
        veto_before=r"\b(hide and seek|hiding|game|play)\b[^.!?]*$",
    ),
    Rule(
        "quiet.googling_heights",
        "distress",
        "(googling|googled|searching|searched|looking up|looked up|researching|researched) (the )?(tallest|highest) "
        "(buildings|bridges|points|places|car parks|cliffs|towers)|(googling|googled|researching|looking up|looked up) "
        "(how to|ways to|the best way to) (die|kill myself|end it|overdose|hang myself|do it)",
        examples=("I keep googling the tallest buildings in my city.",),
        not_examples=(),
        veto_after=r"^\W+(for (my|a|the) (project|essay|trip|holiday|photos|class))\b",
    ),
    Rule(
        "quiet.one_less",
        "distress",
        "one less (mouth to feed|problem|burden|person to worry about|thing to worry about|disappointment)|"
        "(theyd|they would|they d|everyone would|theyll|they will) (all )?be relieved",
        weak=True,
        veto_after=r"^\W+(when|that|if) (the|we|i) (exam|move|project|finish|pass)\b",
        examples=("they'd all be relieved honestly. one less mouth to feed.",),
        not_examples=(),
    ),
    Rule(
        "quiet.close_my_accounts",
        "distress",
        "(close|delete|shut down|deal with|access) my (accounts|account|stuff|things|affairs|social media|phone) "
        "(after|afterwards|when im gone|once im gone)|(so|for) (she|he|they|someone|my sister|my brother|my mum|my mom|my dad|my partner|my friend) (can|could) (close|delete|"
        "deal with|access) my (accounts|stuff|things|affairs)",
        final=True,
        examples=("I'm writing down my passwords for my sister so she can close my accounts after.",),
        not_examples=(),
    ),
    Rule(
        "quiet.body_give_out",
        "distress",
        "(want|wish|hope|waiting for) (my )?(body|heart) ~(to )?(give out|give up|stop|shut down|fail|quit)",
        keep_past=True,  # "I've stopped eating" reads as the past, but the wish is now
        examples=("I've stopped eating and drinking, I want my body to just give out.",),
        not_examples=(),
    ),
    Rule(
        "quiet.legs_over",
        "distress",
        "(legs|feet) (hanging|dangling|swinging) (out|over|off) (the|my)? ?(window|ledge|edge|side|balcony|roof|bridge)?",
        final=True,
        veto_after=r"^\W+(of|over) (the|a) (pool|dock|pier|boat|bed|sofa|couch)\b",
        examples=("Sitting on my windowsill with my legs hanging out. Fourth floor.",),
        not_examples=("sitting on the pier with my feet dangling over the water in the sun",),
        veto_before=r"\b(pier|dock|boat|pool|jetty)\b[^.!?]*$",
    ),
    Rule(
        "quiet.floor_up",
        "distress",
        "(fourth|fifth|sixth|seventh|eighth|ninth|tenth|twelfth|fifteenth|twentieth|top) floor",
        cue=True,
        examples=("Sitting on my windowsill with my legs hanging out. Fourth floor.",),
        not_examples=(),
    ),
    Rule(
        "quiet.going_to_listen",
        "distress",
        "(going to|gonna|might|will|ill) (listen|obey|do what (they|it) (says|say|want|wants)|give in)",
        cue=True,
        final=True,
        veto_after=r"^\W+(to (music|a podcast|the album|my body|my therapist|you|him|her|them))\b",
        examples=("The voices are telling me to hurt myself and I think I'm going to listen.",),
        not_examples=(),
    ),
    Rule(
        "quiet.dug_out_means",
        "distress",
        "(dug|got|took|pulled|fished|brought) out (my|the|an) (old )?(razor|razors|blade|blades|pills|rope|knife|stash)",
        examples=("I dug out my old razor from the box I hid it in.",),
        not_examples=("I got out my old knife set to cook dinner",),
        veto_after=r"^\W+(set|block|to (cook|shave|cut (the|some|an|a)|open|carve))\b",
    ),
    Rule(
        "quiet.join_them",
        "distress",
        r"\b(funeral|died|passed|grave|heaven|lost (him|her|them)|buried)\b[^.!?\n]{0,60}\b(join|be with) (him|her|them)\b|"
        r"\b(join|be with) (him|her|them|my (mum|mom|dad|brother|sister|son|daughter|wife|husband|partner|friend|grandma|"
        r"grandad|nan|baby)) (in heaven|on the other side|up there|again soon|soon|wherever (he|she|they) (is|are))\b",
        raw=True,
        examples=("after the funeral on saturday i'm going to join him",),
        not_examples=("after the funeral we all went to join them at the pub",),
        veto_after=r"^\W+(at|in) (the|a) (pub|bar|cafe|restaurant|wake|reception|car)\b",
    ),
    Rule(
        "quiet.wish_illness",
        "distress",
        "(wish|hope|hoping|pray) (i had|i get|i got|i d get|id get|i could get|for) (cancer|a terminal illness|a terminal "
        "disease|a disease|a heart attack|an accident)|(an )?excuse to die",
        examples=("I wish I had cancer so I'd have an excuse to die.",),
        not_examples=(),
    ),
    Rule(
        "quiet.car_and_hose",
        "distress",
        "(car|garage|exhaust|engine) ~(and|with|in) (a |the )?(hose|hosepipe|pipe|tube|tape|duct tape)|(hose|hosepipe) "
        "~(to|into|from|on) (the )?(exhaust|car)",
        final=True,
        veto_after=r"^[^.!?\n]{0,20}\b(to (wash|water|clean|fill)|wash|washing)\b",
        examples=("i have the car in the garage and a hose. i'm so tired",),
        not_examples=("I got the car and the hose out to wash it",),
    ),
    Rule(
        "quiet.photo_of_means",
        "distress",
        "(photo|picture|pic|video|selfie|snap) of (pills|a pile of pills|a rope|a noose|a blade|a razor|blood|her wrists|"
        "his wrists|their wrists|a bridge at night)",
        anyone=True,
        final=True,
        examples=("My friend posted a photo of pills on her story captioned 'goodbye'",),
        not_examples=(),
    ),
    Rule(
        "quiet.captioned_goodbye",
        "distress",
        "(captioned|caption|saying|that said|that says|with the words) (goodbye|bye forever|im sorry|sorry everyone|"
        "forgive me|see you on the other side)",
        anyone=True,
        cue=True,
        final=True,
        examples=("My friend posted a photo of pills on her story captioned 'goodbye'",),
        not_examples=(),
    ),
    Rule(
        "quiet.not_scared_of_dying",
        "distress",
        "(not|no longer|never) (scared|afraid|frightened) of (dying|death|dying anymore|the end)|(scared|afraid|"
        "terrified) of (living|being alive|waking up|another day)",
        keep_negated=True,
        veto_after=r"^\W+(of embarrassment|on stage|alone in)\b",
        examples=("I'm not scared of dying anymore. I'm scared of living.",),
        not_examples=("Not scared of dying of embarrassment anymore, I've done karaoke.",),
    ),
    Rule(
        "quiet.jump_would_it",
        "distress",
        f"if (i|im) (jump|jumped|fall|fell|jumping|throw myself) (from|off|out of) (my|the|this|a) ~({HEIGHT}|window|"
        "balcony|roof|ledge)",
        examples=("If I jump from my window would it be enough?",),
        not_examples=(),
    ),
    Rule(
        "last.remember_me",
        "distress",
        "so (they|you|people|everyone|my friends|my family|she|he) (will |can |would )?(remember|have something to "
        "remember) me( by)?",
        final=True,
        veto_after=r"^\W+(at|for|when|as) (the|my|our|a) (party|wedding|office|job|school)\b",
        examples=("I've been giving my friends little gifts this week so they remember me.",),
        not_examples=(),
    ),
    Rule(
        "last.looking_at_ropes",
        "distress",
        "(looking at|browsing|searching for|searched for|researching|price checking) (ropes|nooses|rope|guns|helium|"
        "exit bags|charcoal) ~(online|on amazon|on ebay|at night|again|and i dont know why)",
        weak=True,
        veto_after=r"^[^.!?\n]{0,50}\b(climbing|camping|boat|sailing|course|gym|dog|garden|tent|bbq|barbecue|party|"
        r"balloons|hunting|range)\b",
        veto_before=r"\b(climbing|camping|sailing|hunting)\b[^.!?]*$",
        examples=("Work is fine, family is fine, but I've been looking at ropes online and I don't know why.",),
        not_examples=("Looking at ropes online for my climbing course, any brand recommendations?",),
    ),
    Rule(
        "last.holding_the_pills",
        "imminent",
        f"(holding|im holding|i am holding|clutching|got) (the|my|all the|a handful of|a bottle of|all my) {PILLS} "
        "(in my hand|in my hands|right now|now|and im shaking|and i am shaking|and shaking)",
        examples=("Could someone just talk to me for a bit? I'm holding the pills and I'm shaking.",),
        not_examples=(),
    ),
    Rule(
        "last.pets_provided_for",
        "distress",
        "(made sure|making sure|make sure) (my|the) (dog|dogs|cat|cats|pets|pet|kids|fish|rabbit) (has|have|is|are|gets|"
        "get) (food|fed|water|looked after|taken care of|somewhere to go)",
        cue=True,
        final=True,
        veto_after=r"^[^.!?\n]{0,30}\b(while (i|im|we)|holiday|vacation|trip|away|work|weekend away)\b",
        examples=("I made sure my dog has food for a week and left the door unlocked for my neighbour.",),
        not_examples=("I made sure my dog has food for the week while I'm on holiday.",),
    ),
    Rule(
        "last.door_unlocked",
        "distress",
        "(left|leave|leaving) the (front |back )?door unlocked (for|so)",
        cue=True,
        final=True,
        veto_after=r"^\W+(the|my|our) (delivery|plumber|cleaner|guests|party|kids after school)\b",
        examples=("I made sure my dog has food for a week and left the door unlocked for my neighbour.",),
        not_examples=(),
    ),
    Rule(
        "last.me_not_existing",
        "distress",
        "(is|would be|be|was) me (not existing|not being here|not being alive|not being around|being gone|being dead|dying|"
        "disappearing|gone)",
        examples=("the only thing that would fix this is me not existing",),
        not_examples=(),
    ),
    Rule(
        "last.all_planned",
        "distress",
        "(ive got|i have|got|have|its|it s|its all|everything s|everythings) (it |everything )?(all )?(planned|sorted|"
        "arranged|figured out)",
        weak=True,
        final=True,
        veto_after=r"^\W*(for |out )?(the|a|our|my|this|next) (party|trip|holiday|wedding|birthday|weekend|move|exam|"
        r"exams|revision|week|meal|budget|project|presentation|interview)\b|^ +(?!(after|for|before|when|once|out)\b)[a-z]",
        examples=("I told my therapist I was fine. I lied. I've got it all planned for after my exams.",),
        not_examples=("I've got it all planned for the party, balloons and everything",),
    ),
    Rule(
        "last.car_wont_stop",
        "distress",
        "(hope|hoping|wish|wishing) (a|the|that a|that the|some|one day a) (car|bus|truck|lorry|train|driver) (doesnt|does not|"
        "wont|will not|wouldnt|would not|cant) (stop|see me|brake)|(walk|walking|walked|step|stepping|stepped) into "
        "(traffic|the road|the street|oncoming traffic) without looking",
        keep_negated=True,
        examples=("I'm numb. I keep walking into traffic without looking and I kind of hope a car doesn't stop.",),
        not_examples=(),
    ),
    Rule(
        "last.wish_not_woken",
        "distress",
        "(wish|wishing|wished) (i|id|i had) (hadnt|had not|didnt|did not|never|wouldnt|would not) (woken|wake|woke|wake up|"
        "have woken) (up )?(at all|again|today|this morning)?",
        keep_negated=True,
        veto_after=r"^\W+(so (early|late)|on (a|my) (day off|weekend)|before (noon|10|11|9))\b",
        examples=("I keep waking up at 3am wishing I hadn't woken up at all.",),
        not_examples=("I wish I hadn't woken up so early on my day off",),
    ),
    Rule(
        "last.dont_trust_myself",
        "distress",
        "(dont|do not|cant|can not|cannot|no longer) trust (what i d do|what id do|what i would do|what i might do|myself "
        "(with|around|near|alone|tonight|anymore))",
        keep_negated=True,
        veto_after=r"^\W+(chocolate|cake|sweets|snacks|my ex|online shopping|money|my credit card|food|wine|alcohol)\b",
        examples=("I've been hiding my dad's car keys from myself because I don't trust what I'd do.",),
        not_examples=("I don't trust myself around chocolate cake",),
    ),
    Rule(
        "last.a_place_found",
        "distress",
        "(found|picked|chose|chosen|scouted) (a|the) (spot|place|location|tree|bridge|building) ~(where no one goes|where "
        "nobody goes|no one will find|nobody will find|to do it|for it)",
        cue=True,
        final=True,
        veto_after=r"^[^.!?\n]{0,30}\b(perfect for|reading|picnic|photos|camping|fishing|to read|to study|to relax)\b",
        examples=("I found a spot in the woods where no one goes. I think that's where.",),
        not_examples=("I found a spot in the woods where no one goes, perfect for reading.",),
    ),
    Rule(
        "last.thats_where",
        "distress",
        "(thats|that is|that s|this is) (where|the place|the spot)( i ll| ill| i will| it will| it ll| i want to)?( do it| go| "
        "happen| end it)?",
        cue=True,
        veto_after=r"^ +[a-z]",
        examples=("I found a spot in the woods where no one goes. I think that's where.",),
        not_examples=(),
    ),
    Rule(
        "last.does_it_hurt",
        "distress",
        "(does|would|will|how much does|how much would) it hurt (to|if i) (drown|die|hang|jump|overdose|bleed out|"
        "suffocate|get hit by a train|slit)",
        examples=("Does it hurt to drown? I need to know.",),
        not_examples=(),
    ),
    Rule(
        "last.minutes_away",
        "distress",
        f"(the )?({HEIGHT}|cliffs|cliff|tracks|railway|river|sea|lake|station|train line) (is|s) (#|a few|ten|five|two|"
        "twenty|fifteen) (minutes|mins|min|minute) (from|away|walk from|drive from)",
        cue=True,
        final=True,
        examples=("The bridge is 10 minutes from my house. I'm putting my shoes on.",),
        not_examples=(),
    ),
    Rule(
        "last.putting_shoes_on",
        "distress",
        "(putting|put|getting) (my )?(shoes|coat|jacket|boots) on|(heading|going|leaving) (out|there) now",
        cue=True,
        examples=("The bridge is 10 minutes from my house. I'm putting my shoes on.",),
        not_examples=(),
    ),
    Rule(
        "last.number_of_pills",
        "distress",
        f"(ive got|i have|got|have|i ve got|counted|saved|collected|stocked up) (#|twenty|thirty|forty|fifty|sixty|seventy|"
        f"eighty|ninety|a hundred) (of )?(my |her |his |the )?~{PILLS}",
        veto_after=r"^\W+(left (on|in) (my|the) prescription|for the (month|week|year)|prescribed)\b",
        examples=("I've got 60 of my grandmother's heart pills and nobody's home till Monday.",),
        not_examples=(),
    ),
    Rule(
        "last.god_takes_me",
        "distress",
        "(god|jesus|the universe|death) (takes|take|would take|will take|to take) me (in my sleep|tonight|away|home|now|soon)",
        examples=("I pray God takes me in my sleep tonight.",),
        not_examples=(),
    ),
    Rule(
        "last.then_its_over",
        "distress",
        "(and )?then (its|it s|it is|it will be|it ll be|itll be|everything is|everything will be|all this is) (over|done|"
        "finished|quiet)",
        cue=True,
        final=True,
        veto_after=r"^\W+(for (the|this) (week|day|term|semester|season|year))\b",
        examples=("I'm going to do it after everyone goes to bed. I'll take the tablets and then it's over.",),
        not_examples=("one more exam and then it's over for the term",),
    ),
    Rule(
        "last.stones_in_pockets",
        "distress",
        "(stones|rocks|weights|bricks) in (my|the) (pockets|pocket|coat|jacket|bag|backpack)|(fill|filled|filling) my "
        "(pockets|coat) with (stones|rocks)",
        final=True,
        examples=("Packing a bag for the lake. Stones in the pockets.",),
        not_examples=(),
    ),
    Rule(
        "last.texted_its_done",
        "distress",
        "(texted|text|sent|wrote|messaged|said|posted) (its done|it s done|goodbye|i love you|im sorry|forgive me|"
        "take care of)",
        anyone=True,
        cue=True,
        final=True,
        examples=("My boyfriend just texted 'it's done, I love you' and now he's not picking up",),
        not_examples=(),
    ),
    Rule(
        "last.not_picking_up",
        "distress",
        "(hes|shes|theyre|he is|she is|they are|he s|she s|and) (not|isnt|wont|won t|stopped) (picking up|answering|"
        "responding|replying|reading my messages)",
        anyone=True,
        cue=True,
        examples=("My boyfriend just texted 'it's done, I love you' and now he's not picking up",),
        not_examples=(),
    ),
    Rule(
        "last.not_telling_anyone",
        "distress",
        "(im|i am|i m) not (telling|going to tell) (anyone|anybody|my therapist|my family|anyone else|a soul)",
        cue=True,
        examples=("I've decided. Sunday. I'm not telling anyone else.",),
        not_examples=(),
    ),
    Rule(
        "last.just_waiting",
        "distress",
        "(the rest is|now its|now it s|now i am|now im) (just )?(waiting|a matter of time|only a matter of time)",
        cue=True,
        final=True,
        veto_after=r"^\W+(for (the|my|a) (results|bus|train|call|reply|delivery|package|email|interview))\b",
        examples=("There's a part of me that's already decided. The rest is just waiting.",),
        not_examples=(),
    ),
)
