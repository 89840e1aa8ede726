"""Signs the composed families missed: algospeak, emoji, means at hand, quiet goodbyes.

Written from patterns of language (how people hint at a plan without naming it),
not from any one post.
"""

from __future__ import annotations

from .base import SELF_HARM, Rule
from .vocab import HEIGHT, INTENT, ME, PILLS, TO, VEHICLE, WATER

# Spellings people use to get past filters or to soften the word ("sewerslide", "self delete").
SUICIDE_WORD = (
    "(suicide|suicidal|sewerslide|sewer slide|sewerslid*|suiside|sucide|suicde|suecide|suicied|self delete|"
    "self deleting|self deletion|unaliving|unalive|kms|ctb|catch the bus|catching the bus|toaster bath)"
)
_EMOJI = "(?:\U0001f48a|\U0001faa2|\u26b0|\U0001f52a|\U0001f52b|\U0001fa78)"  # pill, knot, coffin, knife, gun, blood
_COMMUTE = (
    r"^[^.!?\n]{0,30}\b(be there|omw|on my way|see you|almost there|nearly there|running late|late for|"
    r"train (is|was) (late|delayed)|delayed|cancelled|in \d+ ?(min|mins|minutes)|model railway|model train|railway club|"
    r"museum|heritage railway)\b"
)

RULES: tuple[Rule, ...] = (
    Rule(
        "word.algospeak.thinking",
        "distress",
        f"(thinking|thought|thoughts|think|thinks|considering|contemplating|urge|urges|tempted|ideation|want|wanna|"
        f"obsessing) ~(about|of|to)? ?{SUICIDE_WORD}",
        anyone=True,
        examples=("thinking about sewerslide again", "i keep having thoughts of suicide at night"),
        not_examples=("How do I ask a friend directly if they're thinking about suicide?",),
    ),
    Rule(
        "word.algospeak.bare",
        "topic",
        "(sewerslide|sewer slide|self delete|self deleting|toaster bath|suiside|sucide|suicde)",
        anyone=True,
        examples=("the word sewerslide is everywhere on tiktok",),
        not_examples=("the sewer in our street is blocked",),
    ),
    Rule(
        "plan.ctb",
        "distress",
        "(ctb|catch the bus|catching the bus)",
        veto_after=r"^\W+(to|home|into|at|from|with|downtown|in the morning|every)\b",
        examples=("honestly might ctb soon",),
        not_examples=("I usually catch the bus to work",),
    ),
    Rule(
        "word.self_delete",
        "distress",
        "(self delete|self deleting|delete myself|deleting myself|uninstall myself|log off permanently|"
        "log out of life)",
        examples=("i just want to delete myself",),
        not_examples=("I deleted my account yesterday",),
    ),
    Rule(
        "word.joined",
        "distress",
        "(killmyself|killmyslf|endmylife|iwanttodie|wanttodie|unalivemyself|hangmyself)",
        examples=("k i l l  m y s e l f",),
        not_examples=("I am so tired of this job",),
    ),
    Rule(
        "plan.method.yeet",
        "imminent",
        f"(yeet|yeeting|yeeted|chuck|chucking|launch|launching|fling|flinging|throw|throwing|hurl) myself "
        f"(off|from|out of|into|in front of|under|onto) ~({HEIGHT}|{VEHICLE}|{WATER}|tracks|the tracks|railway|"
        "the edge|a window)",
        examples=("yeet myself off the parking garage", "might just throw myself in front of a train"),
        not_examples=("I threw myself into work after the breakup",),
    ),
    Rule(
        "means.at_platform",
        "distress",
        f"{ME} ~(at|on|standing on|standing at|by|near|next to) the (platform|tracks|train tracks|"
        "railway line|level crossing|edge of the platform)",
        weak=True,
        veto_after=_COMMUTE,
        examples=("I'm standing at the edge of the platform and I can't stop shaking",),
        not_examples=("I'm at the platform, see you in 10 minutes",),
    ),
    Rule(
        "means.pills.full_bottle",
        "distress",
        f"(got|have|has|holding|found|bought|took|grabbed|stole) ~(a|the|my) ?(full|whole|entire|new|big|"
        f"unopened) (bottle|box|pack|packet|jar|tub|strip|supply) of ~{PILLS}",
        anyone=True,
        weak=True,
        examples=("I've got a full bottle of my dad's sleeping pills and nobody knows",),
        not_examples=("I bought a new box of tablets for my migraine, they work great",),
        veto_after=r"^[^.!?\n]{0,40}\b(migraine|headache|cold|flu|period|prescribed|doctor said|work great)\b",
    ),
    Rule(
        "means.alone_with_means",
        "imminent",
        "(house|flat|apartment|place|home) to myself|(everyone|everybody|they|my parents|my family) (is|are|s|re) "
        "(away|out|gone) (this weekend|tonight|until|till)",
        cue=True,
        examples=(),
        not_examples=("I have the house to myself, pizza and films all weekend",),
    ),
    Rule(
        "plan.take_all_of_them",
        "imminent",
        "(take|taking|swallow|swallowing|down|downing|eat|eating) (all|every one|every single one|each one) "
        "(of )?(them|those|these|it)",
        veto_before=r"^(?!.*\b(pill|pills|tablet|tablets|meds|medication|medicine|sleeping|painkillers|capsules)\b)",
        examples=("I have many pills in my room and I am thinking to take all of them tonight.",),
        not_examples=("I have so many exams and I have to take all of them this week",),
    ),
    Rule(
        "plan.take_the_pills",
        "distress",
        f"(will|ill|i ll|going to|gonna|im going to|decided to|ready to|about to|finally) (take|swallow) (the|them|those|all "
        f"the|all my) ?{PILLS}?",
        weak=True,
        veto_after=r"^\W+(\w+ )?(with|at|in the|every|each|after|before|like|as|for my|on time)\b",
        examples=("I'm ready to swallow them",),
        not_examples=("I will take the pills with breakfast like the doctor said",),
    ),
    Rule(
        "goodbye.final_rest",
        "distress",
        "((then|finally|and then) ~(ill|i will|i can|i get to|i ll|i m going to)|i finally|tonight i) (rest|finally "
        "rest|be at peace|finally be at peace|finally be free|sleep forever|be free|never wake up|stop hurting|be gone)",
        weak=True,
        final=True,
        examples=("and then I will finally be at peace",),
        not_examples=("after the exam I will finally rest and watch films",),
        veto_after=r"^\W+(and|with|on|at|for|after|this|over|until|till)\b",
    ),
    Rule(
        "cue.do_it_tonight",
        "distress",
        "(do it|go through with it|end it) (tonight|today|tomorrow|this weekend|now|soon|at last)",
        cue=True,
        examples=(),
        not_examples=("I will do it tonight after dinner, the laundry I mean",),
    ),
    Rule(
        "wish.not_make_it",
        "distress",
        "(pray|praying|prayed|hope|hoping|wish|wishing|beg|begging) ~(that )?(i )?(dont|do not|wont|will not|"
        "never|dont ever) (make it|survive|wake up|see|get) (to |through |until |till |the |to the |through the )?(morning|tomorrow|"
        "the night|another day|the week|the weekend|the year|sunrise|daylight)",
        veto_after=r"^\W+(late|early|on time|in time)\b",
        examples=("I pray every night that I don't make it to morning.",),
        not_examples=("I hope I don't make it to the party late again",),
    ),
    Rule(
        "goodbye.not_coming_back",
        "imminent",
        "(going|heading|walking|driving|leaving|out|off) ~~(not planning|no plans|not intending|dont plan|"
        "dont intend|not going|dont think ill be|wont be) (on|to)? ?(coming|come|arrive|arriving|return|returning|getting|"
        "get|make it) (back|home|anywhere|there)",
        final=True,
        examples=("im going out for a nightwalk, not planning on coming back.",),
        not_examples=("I'm leaving that job and not planning on coming back to the industry",),
        veto_after=r"^\W+(to|for|as|after|here|until)\b",
    ),
    Rule(
        "means.car_exhaust",
        "imminent",
        "((garage|car) ~~(engine|motor) (running|on|idling)|(car|cars|engine|engines) (is |s )?running in the (closed |shut |"
        "locked )?garage|(hose|tube|pipe) ~(from|to|on|into) ~exhaust|"
        "exhaust (hose|pipe|fumes) ~(into|in) ~(car|window)|(hose|tube|pipe) for the exhaust)",
        anyone=True,
        examples=("Sitting in the garage with the engine running.",),
        not_examples=("we sat in the car park with the engine running and the heater on, waiting for mum",),
        veto_after=r"^[^.!?\n]{0,40}\b(heater|warm|waiting for|charging|music|to keep)\b",
    ),
    Rule(
        "harm.not_stopped",
        "distress",
        "(havent|hasnt|cant|cannot|couldnt|not|never) (stopped|stop|quit|been able to stop) (cutting|self harming|"
        "harming myself|hurting myself|burning myself|scratching myself|cutting myself)",
        label=SELF_HARM,
        examples=("Haven't stopped cutting since the breakup.",),
        not_examples=("I haven't stopped cutting my own hair since lockdown",),
        veto_after=r"^\W+(my|his|her|their|the|hair|paper|coupons)\b",
    ),
    Rule(
        "plan.intent_method_soon",
        "imminent",
        f"{INTENT} {TO}~(do it|go through with it|end it|kill myself) (tonight|today|tomorrow|this weekend|right now|"
        "soon|now|before (morning|the weekend))",
        examples=("I'm planning to go through with it this weekend",),
        not_examples=("I'm never going to go through with it tonight, I promise",),
    ),
    Rule(
        "means.emoji",
        "distress",
        rf"\b(?:i|im|me|myself|my)\b[^.!?\n]{{0,30}}\b(?:want|wanna|ready|done|cant|tired|bye|goodbye|end|"
        rf"over|deserve|need)\b[^.!?\n]{{0,20}}{_EMOJI}|{_EMOJI}\W*(?:tonight|rn|now|time|bye|goodbye|soon|ready)\b",
        weak=True,
        raw=True,
        examples=("im so done \U0001faa2", "\U0001f48a\U0001f48a\U0001f48a tonight"),
        not_examples=("I made dinner tonight \U0001f52a\U0001f345 so proud of myself",),
    ),
    Rule(
        "means.research_ways",
        "imminent",
        "(googling|googled|researching|researched|looking up|looked up|searching|searched|reading up on|read up on) "
        "~(ways|methods|how|the best way|the easiest way) (to|of) (die|dying|kill myself|end it|end my life|overdose|od)",
        examples=("I've been googling ways to die but I'm too scared.",),
        not_examples=("I used to google ways to die when I was fifteen",),
    ),
    Rule(
        "wish.sorry_to_wake",
        "distress",
        "(disappointed|upset|gutted|angry|annoyed|sad) (that )?(i )?(woke up|wake up|am still alive|im still alive|"
        "survived the night|didnt die|am still here|im still here)",
        examples=("Every morning I'm disappointed that I woke up.",),
        not_examples=("I'm not disappointed that I woke up early, I love sunrise",),
    ),
    Rule(
        "word.algospeak.on_my_mind",
        "distress",
        f"{SUICIDE_WORD} (is|s) (on|in) my (mind|head)|(cant stop|keep|been) thinking (about|of) {SUICIDE_WORD}",
        examples=("sewerslide is on my mind every day now",),
        not_examples=("suicide prevention is on my mind since the training",),
    ),
    Rule(
        "harm.only_thing_that_helps",
        "distress",
        "(cutting|self harm|self harming|sh|hurting myself|burning myself|scratching) (is|s) (the only thing|all|what) "
        "(that )?(helps|works|keeps me going|makes it stop|calms me)",
        label=SELF_HARM,
        examples=("cutting is the only thing that helps right now",),
        not_examples=("cutting sugar is the only thing that helps my skin",),
    ),
    Rule(
        "means.pills.rest_of",
        "imminent",
        "(took|taken|swallowed|downed|necked) the rest of (the|my|his|her) (bottle|pills|packet|box|meds|tablets|"
        "prescription|strip)",
        anyone=True,
        examples=("Took the rest of the bottle. Don't call anyone.",),
        not_examples=("I took the rest of the cake to work",),
    ),
    Rule(
        "goodbye.wont_be_here",
        "imminent",
        f"{ME} ~(wont|will not|wont even|am not going to|m not going to) be (here|around|alive) (for|by|at|on|next|"
        "to see|when|anymore)",
        final=True,
        examples=("I won't be here for my birthday next week.",),
        not_examples=("I won't be here for the meeting next week, I'm on holiday",),
        veto_after=r"^[^.!?\n]{0,40}\b(holiday|vacation|trip|away|travelling|traveling|work|leave|visiting|moving)\b",
    ),
    Rule(
        "goodbye.last_time_you_hear",
        "imminent",
        "(last time (you|anyone|you all|youll|you ll) ~(hear|see|hears) (from )?me|(you|youll|you ll|no one|nobody) "
        "(wont|will not|will never|never) (hear|see) (from )?me again)",
        final=True,
        examples=("This is the last time you'll hear from me.",),
        not_examples=("the last time you heard from me I was in Spain",),
    ),
    Rule(
        "plan.chosen_date",
        "imminent",
        "(chosen|chose|picked|set|decided on|settled on) (the|a) (date|day|night|place|spot|method|bridge|time)",
        veto_after=r"^\W+(for|of) (the|our|my|a) (wedding|party|trip|move|meeting|date|appointment|exam|interview)\b|"
        r"^\W+(for|to) (the|our|my|a|move|meet|celebrate|get)\b",
        examples=(
            "I've chosen the date. It's Friday.",
            "I've picked the bridge and I'm going there after work today.",
        ),
        not_examples=("We've chosen the date for the wedding!",),
    ),
    Rule(
        "means.heading_to_height",
        "distress",
        f"{ME} ~(walking|driving|going|heading|on my way|cycling) (to|towards) the ({HEIGHT}|cliff|tracks|railway|"
        "river|sea|lake|station)",
        final=True,
        weak=True,
        veto_after=r"^[^.!?\n]{0,40}\b(club|party|meet|see you|with|for (a|the|my) (walk|swim|picnic|run))\b|^\W+(club|market|cafe)",
        examples=("I'm walking to the bridge now. I just wanted someone to know.",),
        not_examples=("I'm walking to the bridge club tonight with my gran.",),
    ),
    Rule(
        "plan.kill_me_soon",
        "imminent",
        "(decide|decided|want|going|gonna|will|plan|planning|ready) (to )?kill me (tomorrow|tonight|today|now|soon|"
        "this week)",
        examples=("my english not good. i decide to kill me tomorrow. thank you for everybody",),
        not_examples=("my boss will kill me tomorrow if I'm late again",),
        veto_before=r"\b(boss|mum|mom|dad|he|she|they|teacher|wife|husband|coach|you)\b[^.!?]*$",
    ),
    Rule(
        "goodbye.last_post",
        "distress",
        "(this is|this will be|its|it s|here is) my (last|final) (post|message|words|update)",
        weak=True,
        final=True,
        veto_after=r"^\W+(for (the|a|this|today|now|tonight|a while|the week|the year)|about|on|before (bed|my holiday|the)|"
        r"in (this|the) (thread|group|chat|channel|sub|forum))\b",
        examples=("this is my last post. please look after my cat.",),
        not_examples=("this is my last post for today, off to bed!",),
    ),
    Rule(
        "cue.look_after",
        "distress",
        "(please )?(look after|take care of|feed|care for) my (cat|dog|cats|dogs|kids|children|plants|pets|rabbit|mum|mom)"
        " ~(for me|when im gone|after|for good|forever)?",
        cue=True,
        examples=(),
        not_examples=("can you look after my cat while I'm at my sister's?",),
    ),
)
