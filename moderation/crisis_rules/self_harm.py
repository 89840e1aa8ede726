"""Self-harm: current, urges, relapse.

Rule data only; the engine is `moderation.crisis`. See `moderation/crisis_rules/__init__.py`."""

from __future__ import annotations

from .base import SELF_HARM, Rule
from .vocab import (
    ACCIDENT_AFTER,
    BODY,
    FEELING,
    HARM_VERB,
    HAS_OBJECT,
    HURT_VERB,
    INTENT,
    NOT_INTRANSITIVE,
    STRIKE_VERB,
    TO,
    WANT,
    WOUND,
)

RULES: tuple[Rule, ...] = (
    Rule(
        "harm.intent_hurt",
        "distress",
        f"{INTENT} {TO}~(hurt|cut|harm|burn|starve|punish|scratch|hit|bruise|mutilate) myself",
        label=SELF_HARM,
        examples=("I’m going to hurt myself tonight",),
        not_examples=(),
    ),
    Rule(
        "harm.harm_verb",
        "distress",
        f"{HARM_VERB} myself",
        label=SELF_HARM,
        veto_after=r"^\W+(on|while|shaving|cooking|by accident|accidentally|out|off|short|loose|free|with (the|a) "
        r"(iron|kettle|pan|oven|stove|knife|pot|tray))\b",
        examples=(
            "I burned myself with a lighter again",
            "I started starving myself again to punish myself",
        ),
        not_examples=(),
    ),
    Rule(
        "harm.hurting",
        "distress",
        "hurting myself",
        label=SELF_HARM,
        weak=True,
        examples=("I've been hurting myself again since he left",),
        not_examples=(),
    ),
    Rule(
        "harm.hurt_verb_body_feel",
        "distress",
        f"{HURT_VERB} (myself|my ~{BODY}) ~(on purpose|deliberately|intentionally|to feel|to punish|"
        "as punishment|physically)",
        label=SELF_HARM,
        examples=("i keep hurting myself on purpose",),
        not_examples=(),
    ),
    Rule(
        "harm.strike_verb_hurt_verb_body",
        "distress",
        f"({STRIKE_VERB}|{HURT_VERB}) (myself|my ~{BODY}|my head against ~(the|a) (wall|floor|door)) "
        f"~(when|whenever|every time|if|because) ~{FEELING}",
        label=SELF_HARM,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "harm.strike_verb_body_feel",
        "distress",
        f"{STRIKE_VERB} (myself|my ~{BODY}) ~(on purpose|deliberately|intentionally|to feel|"
        "to punish|as punishment|so hard|again|every night|every day|until|till)",
        label=SELF_HARM,
        veto_after=r"^\W+(at|in) (the gym|work|training|practice)|^\W+(on|by) (accident|the)\b",
        examples=(
            "I keep scratching my arms until they bleed",
            "I hit myself until I bruised",
        ),
        not_examples=(),
    ),
    Rule(
        "harm.body_until_hard",
        "distress",
        f"(myself|my ~{BODY}) ~(until|till|til|so hard|so much|enough) ~{WOUND}",
        label=SELF_HARM,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "harm.strike_verb_wall_until",
        "distress",
        f"{STRIKE_VERB} (the|a) (wall|walls|door|mirror|window|floor) ~(until|till|so hard|on purpose|"
        "again|to feel)",
        label=SELF_HARM,
        weak=True,
        veto_after=r"^\W+(in (the|a) (game|match))\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "harm.hit_scratching",
        "distress",
        "(hit|hits|hitting|punch|punches|punching|punched|slap|slapping|slapped|scratch|scratches|"
        "scratching|scratched|bite|bites|biting|claw|clawing|clawed) myself",
        label=SELF_HARM,
        weak=True,
        veto_after=r"^\W+(\w+ )?(on|against|into|in the|with the|by accident|accidentally|while|awake|out of|"
        r"up|over)\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "harm.hurt",
        "distress",
        "hurt myself",
        label=SELF_HARM,
        veto_after=r"^\W+(\w+ ){0,2}(at|in|on|while|playing|lifting|by|when|during|doing|trying|falling|running|"
        r"training|skiing|working|moving|exercising|emotionally|badly)\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "harm.body_covered_with",
        "distress",
        f"my ~{BODY} (is|are|s|re|was|were) ~(covered in|full of|all|littered with) (fresh |new |deep |)?(cuts|"
        "scratches|burns|scars|wounds|marks|slashes)",
        label=SELF_HARM,
        anyone=True,
        weak=True,
        veto_after=r"^\W+from (my|the|a|our|his|her) (cat|dog|kitten|puppy|garden|bush|roses|hike|fall|job|work)\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "harm.want_bleed_blood",
        "distress",
        f"{WANT} {TO}~(bleed|see (my own )?blood|feel the blade|feel pain|hurt|suffer)",
        label=SELF_HARM,
        anyone=True,
        weak=True,
        veto_after=r"^\W+(him|her|them|you|for|as much|like)\b",
        examples=("I need to feel pain, I'm getting the blade out",),
        not_examples=(),
    ),
    Rule(
        "harm.free_from_cutting",
        "distress",
        "(free|clean|sober|recovered) (from|of) (cutting|self harm|self_harm|sh|self harming|self_harming|burning)",
        label=SELF_HARM,
        anyone=True,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "harm.cut_burning_into",
        "distress",
        f"(cut|cuts|cutting|slice|slicing|sliced|carve|carving|carved|slash|slashing|slashed|burn|burned|burnt|"
        f"burning|stab|stabbed|stabbing) ~(into |on |in )?my ~{BODY}",
        label=SELF_HARM,
        anyone=True,
        veto_after=ACCIDENT_AFTER + r"|^\W+(hair|nails|fringe|bangs)\b",
        examples=(
            "I relapsed last night and cut my arm",
            "I carved his name into my thigh",
        ),
        not_examples=(),
    ),
    Rule(
        "harm.cutting_his_body",
        "distress",
        f"(cutting|carving|burning|slashing|slicing) (his|her|their) ~{BODY}",
        label=SELF_HARM,
        anyone=True,
        veto_after=ACCIDENT_AFTER,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "harm.havent_cut_harmed",
        "topic",  # counting days since: recovery talk, not a crisis
        "(havent|have not|hasnt|has not|not) (cut|cutting|self harmed|self harming|sh|harmed (myself|himself|herself)|"
        "hurt myself|burned myself) (in|for|since)|(days|weeks|months|years) (clean|free|without) (from |of )?"
        "(cutting|sh|self harm|self_harm|self harming)",
        label=SELF_HARM,
        anyone=True,
        weak=True,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "harm.cut_into_body",
        "distress",
        f"(cut|cutting|carved|carving|burned|burnt|scratched|scratching) ~(into|in|on) (my|his|her|their) ~{BODY}",
        label=SELF_HARM,
        anyone=True,
        veto_after=ACCIDENT_AFTER,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "harm.scar_over_and",
        "distress",
        f"(scar|scars|scarring|cuts|wounds|burns) (on|all over|up and down) my ~{BODY} ~(from|are|again|fresh|new)",
        label=SELF_HARM,
        anyone=True,
        weak=True,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "harm.urge_cut_sh",
        "distress",
        "(urge|urges|craving|cravings|itch|itching|tempted|temptation|relapse|relapsed|relapsing) (to )?~(cut|burn|"
        "sh|self harm|self_harm|scratch|carve)",
        label=SELF_HARM,
        anyone=True,
        veto_after=HAS_OBJECT,
        examples=(
            "the urge to cut is overwhelming tonight",
            "I relapsed and cut again",
        ),
        not_examples=(),
    ),
    Rule(
        "harm.want_cut_harm",
        "distress",
        "(want|wanna|need|needing|going|gonna|about|wanting|wanted) to (cut|burn|sh|self harm|self_harm|carve)",
        label=SELF_HARM,
        anyone=True,
        veto_after=NOT_INTRANSITIVE,
        examples=("I want to cut so badly right now",),
        not_examples=(),
    ),
    Rule(
        "harm.been_back_cutting",
        "distress",
        "(been|started|start|starting|keep|kept|still|back to|caught|went back to|go back to|resorted to|resort to) "
        "~(cutting|burning|self harming|self_harming|harming|sh|carving)|used to (cut|burn|self harm|self_harm|sh|"
        "carve)",
        label=SELF_HARM,
        anyone=True,
        veto_after=NOT_INTRANSITIVE,
        examples=("my daughter told me she's been cutting",),
        not_examples=(
            "I used to cut in high school but I've been clean for 4 years",
            "I used to self-harm years ago, now 3 years clean",
        ),
    ),
    Rule(
        "harm.cutting_harming_again",
        "distress",
        "(cutting|harming|burning|self harming|self_harming) (again|tonight|today|last night|every night|deeper)",
        label=SELF_HARM,
        anyone=True,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "harm.self_harm",
        "distress",
        "self_harm*",
        label=SELF_HARM,
        anyone=True,
        examples=("The urge to self-harm is so strong tonight",),
        not_examples=("I used to self-harm years ago, now 3 years clean",),
    ),
    Rule(
        "harm.sh_harm_urge",
        "distress",
        "(sh|self_harm|cutting) (urge|urges|relapse|relapsed|again|tonight|badly|wounds|scars)",
        label=SELF_HARM,
        anyone=True,
        examples=(
            "sh urges are bad today",
            "I've been cutting again",
        ),
        not_examples=(),
    ),
    Rule(
        "harm.cut_again_night",
        "distress",
        "(i|and|then|she|he|they) (cut|burned|burnt|carved|scratched) (again|today|tonight|last night|deeper|"
        "so deep|too deep|really deep)",
        label=SELF_HARM,
        anyone=True,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "harm.relapsed_sh_harm",
        "distress",
        "(relapsed|relapse|relapsing) (on|with|into)? ?(sh|cutting|self harm|self_harm|self harming|burning)",
        label=SELF_HARM,
        anyone=True,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "harm.need_feel_pain",
        "distress",
        "(need|needed|want|wanted) to feel (pain|physical pain|the pain|something physical|the blade|blood)",
        label=SELF_HARM,
        anyone=True,
        weak=True,
        examples=(),
        not_examples=(),
    ),
)
