"""Indirect signs: how people say it without the usual words.

Written from the shapes real crisis posts take when they avoid "suicide": the
courage they lack ("too scared to end it" is still the wish), attempts that
failed, a method already chosen, a death wish in religious or passive words
("I pray to die", "I wish something would take me out"), and the future without
them ("when I'm dead", "I won't be alive to miss it"). Self-harm in the present
tense is in `present_harm`, the act pictured in `act_pictured`. Negation rarely
means safety in these shapes — "I don't have the guts to do it" says the writer
wants to — so rules marked `keep_negated` are not explained away by a "not".
"""

from __future__ import annotations

from .base import Rule
from .vocab import GUN, ME, PILLS

_DO_IT = (
    "(do it|end it|end it all|kill myself|go through with it|pull the trigger|jump|die|take the pills|end my life|"
    "take my (own )?life|follow through|finish it|finish myself|pick up the gun|use the gun|swallow the pills|"
    "hang myself|cut deep*|do it too)"
)
_SCARED = "(scared|afraid|cowardly|chicken|weak|pathetic|frightened|terrified|much of a coward)"
_ATTEMPT = "(attempt|attempts|attempted|try|tries)"
_ORDINAL = "(last|first|second|third|fourth|2nd|3rd|4th|failed|botched|latest|recent|previous|most recent|other)"

RULES: tuple[Rule, ...] = (
    # ------------------------------------------------ courage, capability: the wish is there
    Rule(
        "indirect.courage_to_do_it",
        "distress",
        f"(courage|guts|balls|nerve|bravery|strength|the stomach|what it takes) (up )?(to|for when i) ~{_DO_IT}",
        keep_negated=True,
        veto_after=r"^\W+(to|at|with|on) (work|school|the gym|the party|the interview|the meeting)\b|^\W+(with|between)\b",
        examples=("honestly I just don't have the nerve to go through with it",
                  "some nights I wish I had the strength to end it"),
        not_examples=("It took a lot of courage to end it with him", "She had the guts to quit her job"),
    ),
    Rule(
        "indirect.too_scared_to",
        "distress",
        f"(too|so|to) {_SCARED} to ~{_DO_IT}",
        keep_negated=True,
        veto_after=r"^\W+(with|between)\b|^\W+(in|into) (the )?(pool|shower|puddle)",
        examples=("part of me is too scared to end it and I hate that", "im so afraid to do it, that's the only thing"),
        not_examples=("I was too scared to end it with her", "too scared to jump in the pool"),
    ),
    Rule(
        "indirect.chickened_out",
        "distress",
        "(chickened|chicken|chickening|backed|backing|bottled|bottling|pussied) out ~(of it|again|last (night|time)|at the last)",
        keep_negated=True,
        examples=("stood on the chair for an hour and backed out again", "I bottled out at the last minute"),
        not_examples=("he chickened out of the bungee jump lol",),
    ),
    # ------------------------------------------------ attempts
    Rule(
        "indirect.failed_attempt",
        "distress",
        f"(my|the|this|two|three|several|many|both|another|a few) ({_ORDINAL} )?(suicide )?{_ATTEMPT}",
        keep_past=True,
        self_only=True,
        veto_after=r"^\W+(at|to|of|on|in) (the |a |my |his |her )?(recipe|exam|test|driving|drawing|music|art|"
        r"marathon|diet|cooking|baking|joke|conversation|relationship|dating|sleep|quitting|talking)",
        examples=("since my second attempt nobody in my family talks to me",
                  "the hospital discharged me three days after my latest attempt"),
        not_examples=("My first attempt at baking bread was a disaster",
                      "two attempts at the driving test and I passed"),
    ),
    Rule(
        "indirect.attempt_again",
        "distress",
        "(reattempt*|re attempt*|attempt again|attempted again|try again to|tried again to|attempting again|"
        "(messed|fucked|screwed|botched) up my (attempt|attempts|overdose|od))",
        keep_past=True,
        examples=("they stitched me up and a week later I attempted again",
                  "I messed up my overdose and now everyone watches me"),
        not_examples=("I'll try again tomorrow with the exam",),
    ),
    Rule(
        "indirect.survived_plan",
        "distress",
        "(survived|woke up after|still alive after|lived through) ~(the|my|an) (plan|overdose|od|attempt|hanging|jump)",
        keep_past=True,
        veto_before=r"\b(we|us|were)\W+$",
        examples=("I'm still alive after the overdose and I don't know how to feel",
                  "woke up after the attempt and cried because it didn't work"),
        not_examples=("we survived the plan to move house",),
    ),
    Rule(
        "indirect.wish_more_pills",
        "distress",
        f"(wish|if only) ({ME} )?(had|took|taken|have) (more|enough|all the|the rest of the) {PILLS}",
        examples=("if only I'd had enough tablets it would be over",
                  "all I think about is that I wish I took more meds"),
        not_examples=("I wish I had more pillows",),
    ),
    # ------------------------------------------------ a method chosen, means at hand
    Rule(
        "indirect.my_method",
        "distress",
        "(my|a|the) (method|exit plan|suicide plan|way out|exit strategy)",
        veto_after=r"^\W+(of|for) (studying|learning|cooking|teaching|payment|contact|coping)\b|^\W+(is|was) (to|working) (study|learn)",
        # "the articles speculate about the method", "they didn't show the method": reporting on someone else
        veto_before=r"\b(speculat\w*|report\w*|describ\w*|show|showed|shown|showing|depict\w*|mention\w*|reveal\w*|"
        r"publish\w*|print\w*|detail\w*)\W+(about\W+|on\W+)?$",
        examples=("I have my method picked out and I think about it daily",
                  "Nobody knows about my exit plan"),
        not_examples=(
            "my method for studying is flashcards",
            "the method of payment is card",
            "The articles are already speculating about the method which is so irresponsible",
        ),
    ),
    Rule(
        "indirect.gun_to_head",
        "imminent",
        f"(put|putting|held|holding|hold|pressed|pressing|aim|aimed|aiming|placed) ~(it|the {GUN}|a {GUN}|my {GUN}|the barrel|"
        "the muzzle) ~(to|in|into|against|at) my (head|mouth|temple|chin|chest)",
        keep_negated=True,
        examples=("last night I held the pistol against my temple for a long time",
                  "I keep pressing the barrel to my chin"),
        not_examples=("put my headphones on my head",),
    ),
    Rule(
        "indirect.have_a_gun",
        "distress",
        f"{ME} (do |still |now )?(have|got|own|bought|keep|kept) (a|the|my|dads|my dads) {GUN}",
        cue=True,
        examples=("I have a gun in the house and I keep looking at it",),
        not_examples=("I have a gun license for hunting",),
    ),
    Rule(
        "indirect.when_i_jump_hang",
        "imminent",
        "(when|once|after|as soon as|the moment) (i|im|i am|i m) (jump|jumped|hanging|hang|kick the chair|step off|"
        "pull the trigger|swallow them)",
        veto_after=r"^\W+(in|into) (the )?(pool|water|lake|sea|shower)|^\W+(out|up|off the bed|on|over|with|the gun"
        r" at the range)\b",
        examples=("after I kick the chair nobody will be home for hours",
                  "I keep rehearsing what happens when I jump"),
        not_examples=("when I jump in the pool it's freezing", "once I let go of him I felt lighter"),
    ),
    Rule(
        "indirect.pills_i_have",
        "distress",
        f"(the|all the|all my|my) {PILLS} (i have|ive got|i got|i saved|ive saved|i kept|ive been saving|i hid) "
        "(here|left|saved|up|hidden|stashed|in my room|in the drawer|next to me)",
        examples=("I keep counting all the pills I've saved up in my drawer",),
        not_examples=("the pills I have left are for my migraines",),
        veto_after=r"^\W+(are|is) (for|from) (my|the) (migraine|headache|allergy|allergies|back|period|doctor)",
    ),
    Rule(
        "indirect.fill_with_poison",
        "distress",
        "(fill|filling|mix|mixing|inject|injecting|drink|drinking) (it|a syringe|the syringe|myself|bleach|antifreeze)"
        " ~(with|up with)? ?(cleaning products|bleach|antifreeze|poison|weedkiller|air)",
        examples=("I could just mix myself a drink with bleach",),
        not_examples=("fill the bucket with cleaning products and water",),
    ),
    # ------------------------------------------------ death wishes in other words
    Rule(
        "indirect.pray_to_die",
        "distress",
        r"\b(pray|prays|praying|prayed|beg|begging|begged)\b[^.!?\n]{0,60}\b(to die|for death|to take me|for it to end|"
        r"for my life to end|to not wake|not to wake|for the end|to be taken|that i (dont|do not|wont) wake|"
        r"(lets|let|would let|will let) me die)\b",
        raw=True,
        examples=("every night I pray that god lets me die in my sleep",
                  "I keep begging for it to end"),
        not_examples=("I pray for my grandmother every night",),
    ),
    Rule(
        "indirect.long_for_death",
        "distress",
        "(long|longing|longed|yearn|yearning|crave|craving|ache|aching|welcome|welcoming|envy|envying) (for )?"
        "(death|the end|eternal sleep|the grave|oblivion|nonexistence|non existence|not existing|those who died|"
        "people who died|people with cancer|those with cancer|the dead)",
        examples=("lately I just crave oblivion", "I'm honestly envious, I envy people who died young"),
        not_examples=("the long for loop in the code",),
    ),
    Rule(
        "indirect.rather_die",
        "distress",
        f"{ME} (would )?(much )?rather (be )?(die|dead|not exist|not be alive|not be here)",
        veto_after=r"^\W+(\w+ ){0,4}(than|then|before)\b|^\W+(from|of|in) (a|the)\b",
        examples=("They want me back in the ward. I'd rather be dead.",),
        not_examples=("I'd rather die than go to that party", "id rather be dead than wear that"),
    ),
    Rule(
        "indirect.as_dead_as",
        "distress",
        "(as dead as|dead like) (i|me) (want|wanna|wish)",
        examples=("the plant is as dead as I want to be lately",),
        not_examples=("the party was as dead as I expected",),
    ),
    Rule(
        "indirect.alive_is_torture",
        "distress",
        "(every|each) (day|morning|minute|second|hour) (im|i am|i m|of being|i wake up|i spend|that i am) ~(alive|here|awake|"
        "living|breathing) (feels|is|becomes|has been) ~(torture|hell|agony|a punishment|unbearable|a nightmare|"
        "a burden|pain|misery)",
        examples=("each morning I wake up alive is torture",),
        not_examples=("Every day at work is torture lol",),
    ),
    Rule(
        "indirect.keeping_me_alive",
        "distress",
        "(the )?(only|one|last) (thing|things|reason|person|one) (keeping|that keeps|that is keeping|thats keeping|"
        "holding|that holds|stopping|that stops|that stopped) me (alive|here|going|breathing|from doing it|"
        "from ending it|back)",
        weak=True,
        examples=("my cat is honestly the only reason keeping me alive",),
        not_examples=("coffee is the only thing keeping me going this week lol",),
        veto_before=r"\b(coffee|caffeine|tea|snacks|chocolate|music|spite)\W+(is|are)\W+$",
    ),
    Rule(
        "indirect.only_reason_still_alive",
        "distress",
        "(the )?(only|one|last) (thing|reason|person|one) (why )?(im|i am|i m|ive|i have) (still )?(alive|here|breathing|"
        "stayed|stuck around|not dead|not done it)",
        weak=True,
        examples=(
            "thats the only reason im still alive",
            "my dog is the only reason I'm still here tbh",
        ),
        not_examples=("the only reason I'm still here at this job is the pension lol",),
        veto_after=r"^\W+(at|in|on) (this|the|my) (job|company|office|party|club|city|town|school)",
    ),
    Rule(
        "indirect.no_longer_hang_in",
        "distress",
        "(dont|do not|cant|can not|cannot|no longer) (want to |wanna )?(hang in there|hang on|hold on|keep holding on|"
        "keep fighting|fight anymore|keep going|keep living|carry on|stay alive|stick around)( like this)? (anymore|any more|"
        "any longer|much longer)",
        keep_negated=True,
        examples=("I cant hold on anymore, I'm so tired", "I don't want to stay alive like this any longer"),
        not_examples=("I can't keep going to the gym anymore",),
        veto_after=r"^\W+(to|at|with) (the|this|that|my|his|her) (gym|job|school|class|relationship)",
    ),
    Rule(
        "indirect.wont_be_alive",
        "distress",
        "(wont|will not|wouldnt|would not|wont even|will never|not gonna|not going to|never gonna) be (alive|around|here|"
        "living) (to|for|when|by|much longer|long|next|anymore|tomorrow)",
        keep_negated=True,
        examples=("don't worry about my birthday, I won't be around by then", "I won't be alive next year"),
        not_examples=("I won't be around for lunch tomorrow",),
        veto_after=r"^\W+(lunch|dinner|the meeting|the party|a while|the weekend|work|class|a few days|a week|"
        r"help|pick|answer|meet|see you|chat|tomorrow|tonight|today)\b",
    ),
    Rule(
        "indirect.when_im_dead",
        "distress",
        "(when|after|once|by the time) (im|i am|i m|i) (dead|gone for good|no longer alive|not alive)",
        serious=True,
        veto_after=r"^\W+(tired|beat|on my feet)\b",
        examples=("my sister gets my records when I'm dead",),
        not_examples=("by the time I'm dead tired I just sleep",),
    ),
    Rule(
        "indirect.before_i_die",
        "distress",
        "(talk to|talking to|see|hug|say goodbye to|tell|visit|thank) ~(some|my|a few|the|everyone|people|"
        "him|her|them)? ?~before (i die|i go|im gone|i am gone|i do it|i end it|i kill myself)",
        cue=True,
        examples=("I just want to hug my mum one more time before I go",),
        not_examples=("I want to visit Japan before I die",),
    ),
    Rule(
        "indirect.pretend_dead",
        "distress",
        "(pretend|pretending|imagine|imagining|picture|picturing) (im|i am|i m|that im|myself|me) (dead|dying|gone|"
        "in a coffin|not here)",
        serious=True,
        examples=("I lie on the floor and pretend I'm dead for hours", "picturing myself in a coffin calms me down"),
        not_examples=("the kids pretend I'm dead when we play zombies",),
        veto_after=r"^\W+(when|while) (we|they) (play|are playing)|^\W+(in|for) (the|a) (game|play|scene)",
    ),
    Rule(
        "indirect.something_take_me",
        "distress",
        "(wish|hope|hoping|pray|praying|want|wanting|if only|like|love) ~(something|someone|somebody|a car|a bus|a truck|a train|"
        "god|the universe|a sniper|an accident|cancer|a meteor|a plane|illness) ~(would|could|will|to|might) "
        "~(kill me|take me out|take me|do me in|hit me|end me|run me over|finish me|end my life)",
        examples=("I'd love it if something would just take me out", "I keep hoping a truck will run me over"),
        not_examples=("I hope someone will take me to the airport",),
        veto_after=r"^\W+(to|home|out for|shopping|to the)\b",
    ),
    Rule(
        "indirect.no_point_going_on",
        "distress",
        "(no|little) (point|reason|sense) (in |for )?(going on|living|being alive|staying alive|carrying on|"
        "continuing|existing|waking up|trying anymore|to live|to go on|in anything anymore|anything)",
        keep_negated=True,
        examples=("no point going on, nothing will ever get better", "there's no reason to go on"),
        not_examples=("no point going on about it, the match is over",),
        veto_after=r"^\W+(about|with) (it|this|that|the)\b",
    ),
    Rule(
        "indirect.not_worth_living",
        "distress",
        "(life|living|my life|it) (isnt|is not|aint|wont be|will never be|is no longer|isnt even) worth (living|it) "
        "(without|anymore|any more|like this|for me)",
        keep_negated=True,
        examples=("Life isn't worth living without her.", "my life isnt worth it anymore"),
        not_examples=("the gym isn't worth it anymore",),
    ),
    Rule(
        "indirect.own_funeral",
        "distress",
        "(imagin*|pictur*|dream*|think* about|planning|plan) ~(my own|my) (funeral|grave|burial|memorial|eulogy)",
        examples=("I keep imagining my own funeral and feeling relieved",),
        not_examples=("planning my grandmother's funeral was so hard",),
    ),
    Rule(
        "indirect.world_without_me",
        "distress",
        "(the world|everything|everyone|life|their lives|it all) without me",
        weak=True,
        veto_after=r"^\W+(for|at|in|on|while|during|this|that|next|tonight|today|texting|calling)\b",
        examples=("I keep thinking their lives without me would be easier",),
        not_examples=("they went to the party without me",),
    ),
    Rule(
        "indirect.too_far_gone",
        "distress",
        "(my mind|i|im|i am|i m) (is )?(too|so) far gone",
        cue=True,
        examples=("I think I'm too far gone for therapy",),
        not_examples=("the milk is too far gone",),
    ),
    Rule(
        "indirect.find_home_for_pets",
        "distress",
        "(find|finding|found) (a )?(new )?(home|homes|someone) (for|to take) (them|my|the) ?(cat|cats|dog|dogs|pets|pet|"
        "rabbit|bird|fish)?",
        cue=True,
        final=True,
        veto_after=r"^\W+(because|as|since) (we|were|we re|we are|im|i am|i m) (moving|allergic)|^\W+(while|when) (im|i am) "
        r"(away|travelling|in hospital)",
        examples=("I have been trying to find a home for my dog so he's looked after",),
        not_examples=("we need to find a home for the cats because we're moving",),
    ),
)
