"""Means in hand and in sight: a knife by the wrists, a knife taken to bed, a bottle stared
at, "I'm not safe", done with this planet. Rule data only (see crisis_rules/__init__.py).
"""

from __future__ import annotations

from .base import Rule
from .vocab import PILLS

RULES: tuple[Rule, ...] = (
    Rule(
        "last.knife_wrists",
        "distress",
        r"(\U0001f52a|\U0001fa78|\U0001fa92|\U0001f5e1)[^.!?\n]{0,20}\b(my )?(wrist|wrists|arm|arms|throat|veins|thighs)\b",
        raw=True,
        examples=("\U0001f52a + my wrists tonight",),
        not_examples=("\U0001f52a chopping onions for soup, crying for the wrong reasons",),
    ),
    Rule(
        "last.done_with_planet",
        "distress",
        "(done|finished|through) with (this|the) (planet|world|earth|existence|life)|(leave|leaving) (this|the) (planet|world|"
        "earth) (for good|forever|soon|tonight)?",
        veto_after=r"^\W+(of (work|school|dating)|for a (week|bit|while)|on holiday)\b",
        examples=("I'm so ready to be done with this planet",),
        not_examples=(),
        veto_before=r"\b(travel|travelling|traveling|mission|astronaut|rocket|space)\b[^.!?]*$",
    ),
    Rule(
        "last.not_safe_plain",
        "distress",
        "(im|i am|i m) not safe",
        veto_after=r"^\W+(at|in|on|from|around|with) (home|school|work|the|my|this|him|her|them)\b|^\W+(driving|to drive)\b",
        examples=("im not safe. pls someone talk to me",),
        not_examples=("I'm not safe at home with my dad",),
    ),
    Rule(
        "last.means_to_bed",
        "distress",
        "(took|take|taking|bring|brought|keep|kept|sleep with|slept with) (a|the|my) (knife|blade|razor|rope|gun|pills|belt) "
        "(to bed|into bed|into the bathroom|under my pillow|in my bed|with me to bed)",
        examples=("I took a knife to bed with me again.",),
        not_examples=(),
    ),
    Rule(
        "last.staring_at_means",
        "distress",
        f"(staring|stare|stared|looking|gazing|sitting looking) at (the|a|my) (bottle of pills|bottle of tablets|{PILLS}|knife|"
        "rope|razor|blade|gun|noose|belt)",
        weak=True,
        veto_after=r"^\W+(in (the|a) (shop|store|pharmacy|museum)|on (the|a) (shelf|screen|menu))\b",
        examples=("I've been staring at the bottle of pills for an hour.",),
        not_examples=(),
    ),
    Rule(
        "sight.wishing_my_death",
        "distress",
        "(wishing|wish|wished|wishes) (for )?(my own|my) (death|end)|(hate|hating) (everything about )?(being alive|"
        "existing|life itself|my existence|having been born)",
        veto_after=r"^\W+(early|on mondays|in (the|this) (heat|cold))\b",
        examples=("Theres nothing that stops me from wishing my own death.", "I hate everything about being alive"),
        not_examples=(),
    ),
    Rule(
        "sight.attempts_lately",
        "distress",
        "(attempting|attempted|tried) ~(a few times|several times|many times|times|twice|again) (lately|recently|this "
        "(week|month|year)|in the last (week|month|few weeks))",
        keep_past=True,
        self_only=True,
        veto_after=r"^\W+(to (pass|quit|call|reach|get|learn|cook|bake))\b",
        examples=("I've attempted twice recently and nobody knows",),
        not_examples=("I tried again lately to quit sugar",),
        veto_before=r"\b(quit|quitting|diet|test|exam|driving|smoking|recipe)\b[^.!?]*$",
    ),
    Rule(
        "sight.final_days",
        "distress",
        "(my|these|these are my|for my) (final|last) (days|weeks|months|hours|moments|breaths)",
        final=True,
        veto_after=r"^\W+(of|at|in|before) (the |my |this )?(holiday|vacation|school|term|uni|university|college|work|job|"
        r"contract|trip|internship|summer|lease|tenancy)\b",
        examples=("I want to enjoy my final days before I go",),
        not_examples=("these are my last days of the holiday",),
    ),
)
