"""How people say it in a second language, or in plain words no phrase list had.

Translated idioms ("finish with my life", "leave this world", "make myself free from
this life") and the plain forms of the wish ("the world would be better w/o me").

Rule data only; the engine is `moderation.crisis`. See `moderation/crisis_rules/__init__.py`."""

from __future__ import annotations

from .base import Rule
from .vocab import ME, PILLS

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
        "plain.better_without_me",
        "distress",
        "(world|everyone|everybody|family|they|kids|life) (would be|will be|is|are|d be) (so much |a lot )?better "
        "(off )?(w o|without|with out) me",
        examples=("pretty sure the world would be better w/o me in it tbh",),
        not_examples=(),
        veto_before=r"\b(thought|used to think|once thought|believed)\W+(that\W+)?(the\W+)?$",
    ),
)
