"""The act pictured without the usual words: the means to end it, pills washed down
with drink, dying together, being found, dead before help comes, "once I'm gone,
please...", nobody left to stop me, a gun in the mouth. Split out of `indirect`; the
ids keep their `indirect.` prefix (ids are stable).
"""

from __future__ import annotations

from .base import Rule
from .vocab import GUN, PILLS

RULES: tuple[Rule, ...] = (
    Rule(
        "indirect.tools_to_do_it",
        "distress",
        "(the )?(tools|means|method|methods|supplies|stuff|way|ways) (to|for|of) (do it|end it|kill myself|finish it|"
        "end my life|go through with it)",
        examples=("where would I even get the means to end it",),
        not_examples=("we finally found a way to end it peacefully, the lawsuit is settled",),
        veto_after=r"^\W+(peacefully|amicably|legally)\b",
    ),
    Rule(
        "indirect.pills_and_drink",
        "distress",
        f"(popping|popped|downing|downed|took|taking|swallowed|swallowing|washing|washed) ~({PILLS}|them) ~(down )?(with|and) "
        "(booze|alcohol|vodka|wine|whisky|whiskey|beer|drink|a bottle)",
        examples=("I've been downing my sleeping pills with vodka all night",),
        not_examples=("I took my antibiotics with water",),
    ),
    Rule(
        "indirect.die_together",
        "distress",
        "(we|us) ~(die|kill ourselves|end it|end our lives) (at the same time|together)",
        veto_after=r"^\W+(laughing|of laughter|old)\b",
        examples=("maybe we should end it together, then neither of us is alone",),
        not_examples=("we go together to the gym on mondays",),
        veto_before=r"\b(will|would|could)\W+(always|grow old)\W+$",
    ),
    Rule(
        "indirect.found_alive",
        "distress",
        "(finds|find|found|discovers|discover) (me|my body) (still )?(alive|dead|in the morning|hanging)|"
        "(post|write|tell you|update) (here|you|this)? ?(if|when) i (live|survive|wake up|make it through)",
        examples=("I'll know soon enough if the cleaner finds me still alive", "I'll update this if I survive the night"),
        not_examples=("my mum found me in the garden",),
    ),
    Rule(
        "indirect.dead_before_help",
        "distress",
        "(be|am|ill be|i will be|id be|would be) dead (before|by the time) (they|anyone|someone|he|she|help|the "
        "ambulance|you)",
        examples=("I could text them right now and be dead before anyone got here",),
        not_examples=(),
    ),
    Rule(
        "indirect.once_gone_please",
        "distress",
        "(once|when|after) (im|i am|i m) gone ~(please|tell|make sure|dont|can you|someone|look after|take care)",
        final=True,
        examples=("Once I'm gone, please tell my sister it wasn't her fault",),
        not_examples=("When I'm gone on holiday, please water the plants",),
        veto_after=r"^\W+(water|feed|walk|check on) (the|my) (plants|cat|dog|fish|post|mail)\b",
        veto_before=r"\b(holiday|vacation|trip|work|travelling|traveling)\W+$",
    ),
    Rule(
        "indirect.nobody_to_stop_me",
        "distress",
        "(nobody|no one|noone|he|she|they|friend|nothing|family|partner|parents) (is |s |are |re )?(not |no longer )?"
        "(here|around|left|there|home) (anymore )?to (physically )?stop me",
        weak=True,
        examples=("and my friend is not here to physically stop me anymore",),
        not_examples=(),
    ),
    Rule(
        "indirect.debating_if",
        "distress",
        "(debating|deciding|wondering|thinking about|trying to decide) (if|whether) (i should|to) ~(drive off|jump|do it|"
        "end it|kill myself|go through with it|take them|swallow them|drive into|step off)",
        examples=("sat in the car for an hour debating whether to drive into the river",),
        not_examples=("debating whether to jump on the sale",),
        veto_after=r"^\W+(on|at) (the|a|this) (sale|offer|deal|bandwagon|chance|train)\b",
    ),
    Rule(
        "indirect.gun_in_mouth",
        "distress",
        f"({GUN}|38|45|9mm|barrel|muzzle) (in|into|to|against) (the|my) (mouth|head|temple)",
        self_only=True,
        examples=("when I've had enough, a .38 in the mouth and I'm done",),
        not_examples=(),
    ),
)
