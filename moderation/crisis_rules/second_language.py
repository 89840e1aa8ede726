"""How people say it in a second language, or in plain words no phrase list had.

Translated idioms ("finish with my life", "leave this world", "make myself free from
this life") and the plain forms of the wish ("the world would be better w/o me").

Rule data only; the engine is `moderation.crisis`. See `moderation/crisis_rules/__init__.py`."""

from __future__ import annotations

from .base import Rule
from .vocab import BLADE, GUN, ME, PILLS, POISON, READY

RULES: tuple[Rule, ...] = (
    Rule(
        "esl.finish_my_life",
        "distress",
        "(finish|finishing|finished) (with )?(my life|my self|myself|my story|everything|it all)|"
        "(take|taking) out my (own )?life|put (an )?end (to|with) (myself|my self|my life|me)|"
        "end with my life|make myself free (from|of) (this|my) life",
        examples=(
            "I want to finish with my life, I have no more strength",
            "my heart is broken and today I want to put an end to myself",
            "I want to take out my life, this pain is not finishing never",
        ),
        not_examples=(
            "I finished my story for class today",
            "I want to finish everything on my to-do list before friday",
        ),
        veto_after=r"^\W+(on|for|before|by|in) (my|the|this|a) (list|to\W?do|todo|homework|project|essay|class|work|"
        r"assignment|book|chapter|draft)|^\W+(on|before|by) (my|the) \w+ (list|deadline)|^\W+(for|in) (class|school|work)",
    ),
    Rule(
        "esl.leave_this_world",
        "distress",
        f"{ME} ~(leave|go from|go out of|quit|exit|depart) (this|the) (world|life|earth)|"
        "(leave|go from|quit) (this|the) (world|life|earth) (tonight|today|soon|now|forever)",
        examples=(
            "life has no taste anymore, I want to go from this world",
            "My soul is tired, today I will leave this world",
        ),
        not_examples=("I want to leave the world a better place for my kids",),
        veto_after=r"^\W+(a|better|behind|in|with|for|better place)\b",
    ),
    Rule(
        "esl.not_open_eyes",
        "distress",
        "(not|never) (to )?open my eyes (again|anymore|tomorrow|in the morning)|"
        "(pray|praying|wish|hope) (to )?(not|never) (to )?(open my eyes|wake|see the morning|see tomorrow)",
        examples=("every night I sleep and I pray to not open my eyes again",),
        not_examples=(),
    ),
    Rule(
        "plain.taking_all_of_them",
        "distress",
        "(taking|take|gonna take|going to take|swallow|swallowing|down|downing) (all|every one|every single one|each one) "
        "(of )?(them|those|these|it)",
        examples=("Tonight I'm taking all of them.",),
        not_examples=("these vitamins are huge, do you take all of them at once?",),
        veto_before=r"\b(you|u|do|does|should|can|could|would|did|they|we)\W+(\w+\W+)?$",
        veto_after=r"^\W+(with|at once|in the morning|every day|daily|with food)\b",
    ),
    Rule(
        "plain.not_making_it_to",
        "distress",
        f"{ME} ~(not|never|wont|will not) (going to |gonna )?(be )?mak(e|ing) it (to|through|past) "
        "(day #|tomorrow|the morning|morning|sunrise|my birthday|the end of the week|next week)",
        examples=("no contact day 1 and I already know I'm not making it to day 2. sorry guys",),
        not_examples=("I'm not making it to the party tomorrow, sorry",),
    ),
    Rule(
        "plain.how_many_would_take",
        "distress",
        f"(does anyone know |anyone know |wondering |i wonder )?how many (of )?(my |the |those |these )?{PILLS} "
        "(it )?(would|will|does|do|it would|it will) (it )?(take|kill|do it|be enough|be fatal)",
        examples=("does anyone know how many of my sleeping tablets it would take. asking for real",),
        not_examples=("how many tablets does it take to fix a headache, two?",),
        veto_after=r"^\W+(to )?(fix|cure|help|stop|get rid of|work|kick in|treat)\b",
    ),
    Rule(
        "plain.means_in_hand_here",
        "imminent",
        f"{ME} ~(in|on|at|by) (the|my) (bathroom|bath|tub|car|garage|roof|rooftop|bridge|kitchen floor|bedroom|bed|"
        "woods|edge|ledge|tracks|platform) (with|holding|and i have|and ive got) (a|the|my|some|all my) "
        "(razor|razors|blade|blades|knife|rope|noose|gun|pills|bottle|tablets|meds|belt)",
        examples=("I really need someone rn. I'm in the bathroom with the razor and I'm shaking",),
        not_examples=("I'm in the kitchen with a knife making dinner",),
        veto_after=r"^\W+(cutting|chopping|slicing|making|cooking|shaving|opening|for (dinner|cooking|my (legs|beard)))\b",
    ),
    Rule(
        "plain.how_quiet_if_dead",
        "distress",
        "how (quiet|peaceful|easy|easier|nice|good|calm|simple|better) (it|things|everything|life) (would|will|d|could) be "
        "(if|once|when) (i|im) (was |were |am )?(dead|gone|not here|not around|not alive|no longer here)",
        examples=("all i can think about is how quiet it would be if i was dead",),
        not_examples=(),
    ),
    Rule(
        "plain.poison_means",
        "distress",
        f"(drink|drinking|drank|swallow|take|taking|use|using|inject|injecting) ~(the |some |all the |that |my |his |"
        f"a bottle of |the whole )?{POISON}|{POISON} (is |are )?~{READY}|"
        f"(how much|how many units of|enough) {POISON} (would|will|to) ~(do it|kill|be enough|end)",
        examples=(
            "tonight I will drink the pesticide and finish this",
            "crop failed, loan due. the paraquat is out on the kitchen table. tell my boys I'm sorry",
            "I know exactly how much insulin would do it and I think about it every night",
        ),
        not_examples=(
            "the farm store sells paraquat but you need a licence to use it safely",
            "remember to take your insulin with dinner",
        ),
        veto_before=r"\b(you|your|u|we|they|he|she|to|remember|dont forget|forgot|safely|safe)\W+(\w+\W+)?$",
        veto_after=r"^\W+(safely|with (dinner|food|meals|breakfast|lunch)|before (meals|dinner|bed)|on the (weeds|field|crops|"
        r"garden|lawn|driveway)|for the (weeds|garden|crops|rats)|as prescribed)\b",
    ),
    Rule(
        "plain.means_kept_close",
        "distress",
        f"({GUN}|{BLADE}|service pistol|noose|rope)s? (is |are |s )?~{READY}|"
        f"(keep|kept|keeps) (taking|getting) (it|the {GUN}|the gun) out|(holding|hold|held) (it|the {GUN}|the gun) "
        "(again|every night|for an hour|for hours)|i have the means|ive got the means|got the means",
        examples=(
            "grandpa's revolver is in my closet and I keep taking it out and holding it",
            "service pistol's on the nightstand and i've got no fight left",
            "Been thinking about following him. I have the means.",
        ),
        not_examples=("the rifle is in the gun safe, locked, and the ammo is stored separately",),
        veto_after=r"^\W+(locked|unloaded|for (hunting|the range|deer season|work)|at the range)\b",
    ),
    Rule(
        "plain.following_them",
        "distress",
        "(been |keep |i keep |ive been |im )?(thinking about|thought about|want to|wanna|going to|gonna|should|could) "
        "(follow|following) (him|her|them|my (brother|sister|dad|mom|mum|father|mother|friend|son|daughter|husband|wife|"
        "partner))|(join|joining|be with) (him|her|them|my (brother|sister|dad|mom|mum|father|mother|friend|son|daughter|"
        "husband|wife|partner)) (in heaven|on the other side|in the ground|in the grave|wherever (he|she|they) (is|are))",
        examples=("My brother in arms took his life last month. Been thinking about following him.",),
        not_examples=(
            "I want to join them for dinner on friday",
            "thinking about following her on instagram again, is that weird",
        ),
        veto_after=r"^\W+(on|around|home|to (the|a|his|her|their)|back|into the|for)\b",
    ),
    Rule(
        "plain.harm_again_deeper",
        "distress",
        "(cut|cutting|burned|burnt|burning) (again|deeper|deep) (tonight|today|last night|this morning|than (usual|before|"
        "ever|last time))|(cant|can not|cannot) stop the bleeding|(wont|will not) stop bleeding",
        examples=(
            "cut again tonight, deeper than usual, cant stop the bleeding",
            "just cut again and its deeper than usual, it wont stop bleeding",
        ),
        not_examples=(
            "cut my finger chopping onions, it wont stop bleeding lol",
            "please look after the wound, and if it's deep or won't stop bleeding get it seen",
        ),
        veto_before=r"\b(finger|thumb|hand|shaving|chopping|knife slipped|paper cut|my (dog|cat|kid|son|daughter))\b[^.!?]*$|"
        r"\b(if|when|in case|unless)\b[^.!?]*$",  # advice to someone else: "if it's deep or won't stop bleeding"
    ),
    Rule(
        "plain.time_you_read_this",
        "imminent",
        "by the time (you|u|anyone|someone|you all|yall) (read|reads|see|sees|find|finds) this|"
        "(disappointed|sad|angry|upset|pissed|gutted) (that )?i (woke up|survived|am still here|m still here|made it)",
        examples=(
            "i'm so sorry everyone. by the time you read this",
            "lol i almost overdosed last night and honestly im disappointed i woke up",
        ),
        not_examples=("by the time you read this I'll be on the plane to Lisbon!",),
        veto_after=r"^\W+(ill|i will|we|well)? ?(be )?(on (the|a|my) (plane|train|flight|way|beach)|in (lisbon|paris|the air|bed)|"
        r"home|back|asleep|at work|there)\b",
    ),
    Rule(
        "plain.not_want_alive",
        "distress",
        "(dont|do not|no longer|dont really|dont even|dont think i) (want|wanna|wish) (to )?be alive|"
        "(want|wanna|wanting|wanted) to (not exist|stop existing|cease to exist|not be alive)|"
        "(switch|switching|turn|turning) (myself|me) off",
        examples=(
            "Honestly I don't think I want to be alive anymore",
            "Been wanting to not exist for months now, it's getting louder",
            "i dont wanna be alive for my exams or after them tbh",
            "Can't see the light at the end of it anymore, thinking of just switching myself off",
        ),
        not_examples=(
            "switching myself off from social media for the weekend",
            "I don't want to be alive in the 1800s, no antibiotics lol",
        ),
        veto_after=r"^\W+(from|for the (weekend|night|day|evening)|at (night|work)|in the (1\d00s|past|middle ages|medieval))\b",
    ),
    Rule(
        "plain.top_myself",
        "distress",
        "(top|topping|topped) (myself|meself|me self)|(if i (wasnt|werent|was not) (such )?a coward|if i had the "
        "(guts|courage|balls|nerve)) ~(id|i would|i d) (have )?(ended it|done it|gone through with it)",
        examples=(
            "I'd top myself if I had the guts",
            "If I wasnt such a coward I'd have ended it already",
        ),
        not_examples=("need to top myself up with credit before the trip",),
        veto_after=r"^\W+(up|off with)\b",
        keep_negated=True,
    ),
    Rule(
        "plain.not_a_problem_much_longer",
        "distress",
        f"{ME}? ?(wont|will not|not going to|not gonna|wont have to) (be|have to be) (a problem|a burden|in (your|anyones|the) way|"
        "around to bother) (for |to )?(anyone |anybody |you |them |everyone )?(much longer|for much longer|for long|"
        "after (this|tonight|today|tomorrow|this week|this weekend))|"
        "(nobodys|nobody|no ones|no one|noone)( is)? (going to|gonna|will|wont) (have to )?(put up with|deal with) "
        "me (much longer|for much longer|for long|after (this|tonight|today|this week))|"
        "(you|they|yall|everyone) (wont|will not|are not going to|arent going to) (have to )?(put up with|deal with) "
        "me (much longer|for much longer|for long|after (this|tonight|today|this week))",
        examples=(
            "i won't be a problem for anyone much longer",
            "Nobody's going to have to put up with me after this week.",
            "won't be a problem for anyone after this weekend",
        ),
        not_examples=("the leak won't be a problem for much longer, the plumber comes tomorrow",),
        veto_before=r"\b(it|this|that|the \w+|leak|bug|issue|traffic|noise|rain|he|she|they)\W+$",
    ),
    Rule(
        "plain.better_without_me",
        "distress",
        "(world|everyone|everybody|family|they|kids|life) (would be|will be|is|are|d be) (so much |a lot )?better "
        "(off )?(w o|without|with out) me",
        examples=("pretty sure the world would be better w/o me in it tbh",),
        not_examples=(),
        veto_before=r"\b(thought|used to think|once thought|believed)\W+(that\W+)?(the\W+)?$",
    ),
)
