"""Self-harm told in the present tense: "I cut when I'm in the shower", the urge to
cut, cutting too deep, tending and hiding the wounds, fresh cuts on an arm, "self-injury".
Split out of `indirect`; the ids keep their `indirect.` prefix (ids are stable).

`RULES` and `LATER_RULES` sit apart in ALL_RULES (with `act_pictured.RULES`
between them), the order they have always had: order breaks ties when overlapping
hits are resolved.
"""

from __future__ import annotations

from .base import SELF_HARM, Rule
from .vocab import BODY, HAS_OBJECT

RULES: tuple[Rule, ...] = (
    Rule(
        "indirect.i_cut_when",
        "distress",
        "(i|im|i am|i still|i just|i always|i usually|i sometimes|i only|i often|i m) (cut|cutting|burn myself|"
        "hurt myself|self harm|sh) (when|whenever|because|cause|to (relieve|cope|feel|forget|calm|numb|punish|deal)|"
        "every (day|night|time|week)|in the shower|at night|a bit|a little|deep|deeper|too deep|until|more)",
        label=SELF_HARM,
        veto_after=HAS_OBJECT + r"|^\W+(when|while) (cooking|shaving|chopping|gardening)",
        examples=("I still cut every night when the house is quiet", "I only cut to feel something",
                  "I sometimes burn myself when I'm overwhelmed"),
        not_examples=("I cut the onions when cooking",),
    ),
    Rule(
        "indirect.why_i_cut",
        "distress",
        "(why|how often|how much|how deep|where) (i|im) (cut|cutting|self harm|hurt myself|burn myself)",
        label=SELF_HARM,
        veto_after=HAS_OBJECT,
        examples=("my therapist keeps asking how often I cut",),
        not_examples=("I don't know why I cut my hair so short",),
    ),
    Rule(
        "indirect.urge_to_cut",
        "distress",
        "(urge|urges|craving|cravings|itch) ~to (cut|self harm|sh|hurt myself|burn myself|bleed)",
        label=SELF_HARM,
        keep_negated=True,
        examples=("the urge is so strong to cut tonight",),
        not_examples=("the urge to cut my hair short",),
        veto_after=HAS_OBJECT,
    ),
    Rule(
        "indirect.cut_too_deep",
        "distress",
        "(cut|cutting|cuts|slice|slicing) ~(too|to|so|really|very|even) (deep|deeply|deeper)|(want|need|going|have) to "
        "go (deeper|too deep)",
        label=SELF_HARM,
        keep_negated=True,
        veto_after=r"^\W+(into (the|a) (budget|cake|wood|meat|dough))\b",
        examples=("i can never make myself cut too deep", "I've been cutting so deep lately"),
        not_examples=("the budget cuts went too deep into the school",),
        veto_before=r"\b(budget|funding|price|tax|staff|pay)\W+$",
    ),
    Rule(
        "indirect.tending_wounds",
        "distress",
        "(clean|cleaning|bandage|bandaging|dress|dressing|hide|hiding|cover|covering) (every single|every|each|all my|my|the) "
        "(fresh )?(wound|wounds|cuts|cut|burns)",
        label=SELF_HARM,
        self_only=True,
        examples=("I clean every single wound so it doesn't get infected", "I've been hiding my cuts all summer"),
        not_examples=("the nurse showed us how to clean the wound after surgery",),
        veto_before=r"\b(nurse|doctor|medic|first aid|showed us how to)\b[^.!?]*$",
    ),
)

LATER_RULES: tuple[Rule, ...] = (
    Rule(
        "indirect.have_to_cut",
        "distress",
        "(have to|need to|needed to|had to|must|gotta|urge to|urges to|fighting the urge to|wanting to|want to|itching to) "
        "(cut|self harm|sh|hurt myself|burn myself|bleed)",
        label=SELF_HARM,
        keep_negated=True,
        veto_after=HAS_OBJECT + r"|^\W+(ties|back|down|costs|corners|class|the grass|it short)\b",
        examples=("after the call I just needed to cut", "I have the urge to self harm so badly"),
        not_examples=("I have to cut the grass today", "I need to cut back on sugar"),
    ),
    Rule(
        "indirect.fresh_wounds",
        "distress",
        f"(fresh|new|growing|open|bleeding|deep|latest) (cut|cuts|scar|scars|wound|wounds|burn|burns) (on|all over|across) "
        f"(my|both|both my|both of my) {BODY}",
        label=SELF_HARM,
        examples=("my sleeves hide the fresh cuts on my arm", "new burns on my thigh again"),
        not_examples=("the old scar on my knee from football",),
    ),
    Rule(
        "indirect.self_injury",
        "distress",
        "(controlled )?(self injury|self injuring|self injure|self injurious|self mutilation|self mutilate|self "
        "punishment)",
        label=SELF_HARM,
        self_only=True,
        examples=("self-injury is the only way I know to calm down",),
        not_examples=("a lecture on self-injury in teenagers",),
    ),
)
