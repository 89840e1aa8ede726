"""The words themselves: kill myself, suicidal, suicide, kms, unalive.

Rule data only; the engine is `moderation.crisis`. See `moderation/crisis_rules/__init__.py`."""

from __future__ import annotations

from .base import Rule
from .vocab import HYPERBOLE_AFTER, KILL_VERB

RULES: tuple[Rule, ...] = (
    Rule(
        "word.kill_myself",
        "distress",
        f"{KILL_VERB} myself",
        veto_after=HYPERBOLE_AFTER + r"|^\W+(at|over) (work|the gym|school|studying)|^\W+(out|off|short|in the foot)\b",
        examples=(
            "I've worked out where I'm going to hang myself",
            "I'm going to drown myself in the lake",
        ),
        not_examples=("I'm not going to kill myself, I promise, I just feel empty",),
    ),
    Rule(
        "word.end_my_life",
        "distress",
        "(end|ends|ending|ended|take|taking) (my (own )?life|it all)",
        examples=(
            "I'm gonna end my life before my birthday",
            "I'm going to end my life tonight",
        ),
        not_examples=(),
    ),
    Rule(
        "word.suicidal",
        "distress",
        "suicidal*",
        # "talking to suicidal people": a group of others, not the writer
        soften_after=r"^\W+(people|persons|person|folks|friends|teens|teenagers|patients|members|users|individuals|youth|"
        r"callers|clients|students|kids|men|women|veterans|loved ones)\b",
        examples=(
            "I've been having suicidal thoughts since the breakup",
            "I've been feeling suicidal for weeks",
        ),
        not_examples=(
            "I had suicidal thoughts last year but therapy really helped",
            "My phone battery is suicidal, it goes from 40% to dead in ten minutes.",
        ),
        veto_before=r"\b(phone|battery|laptop|computer|car|printer|wifi|router|plant|plants|cat|dog)\W+(\w+\W+)?"
        r"(is|s|are|seems|looks|gets)\W+(so |kinda |literally |actually )?$",
    ),
    Rule(
        "word.commit_suicide",
        "distress",
        "(commit|committing|attempt|attempted|attempting|complete|completing) suicide",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "word.suicide",
        "distress",
        "suicide",
        anyone=True,
        weak=True,
        self_only=True,
        veto_before=r"\b(the|a|an|his|her|their|mass|assisted|political|social|career)\W+$",
        veto_after=r"^\W+(squad|mission|missions|run|by (tide|laundry|pods|cop|snu snu))",
        soften_after=r"^\W+(prevention|awareness|hotline|helpline|lifeline|line|statistics|rates?|survivor|"
        r"survivors|loss|bereavement|research|training|course|number|month|week|day|risk|risks|screening|assessment|"
        r"stats|data|ideation in)",
        examples=("suicide feels like the only door left for me",),
        not_examples=(
            "my uncle died by suicide when I was nine",
            "suicide prevention training at work today",
            "that presentation was a total suicide mission but i survived",
        ),
    ),
    Rule(
        "word.kms",
        "distress",
        "kms",
        veto_before=r"\d\W*$",
        examples=("honestly want to kms",),
        not_examples=("ran 10 kms this morning",),
    ),
    Rule(
        "word.unalive",
        "distress",
        "unalive*",
        anyone=True,
        examples=(),
        not_examples=(),
    ),
)
