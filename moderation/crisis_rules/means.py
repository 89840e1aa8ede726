"""Methods and means at hand, researched or ready.

Rule data only; the engine is `moderation.crisis`. See `moderation/crisis_rules/__init__.py`."""

from __future__ import annotations

from .base import Rule
from .vocab import (
    ACCIDENT_AFTER,
    BENIGN_PURPOSE,
    BIGNUM,
    BLADE,
    DET,
    GUN,
    HABIT_AFTER,
    HEIGHT,
    INGEST,
    ME,
    NOT_DRUGS_AFTER,
    PILLS,
    QUANTITY,
    READY,
    STOCKPILE,
)

RULES: tuple[Rule, ...] = (
    Rule(
        "means.slit_wrist",
        "imminent",
        "(slit|slitting|slash|slashing|slashed|slice|slicing|sliced) (my )?(wrist|wrists|throat|veins)",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "means.cut_wrists",
        "imminent",
        "(cut|cutting) (my )?(wrists|throat|veins)",
        veto_after=ACCIDENT_AFTER,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "means.put_dads_gun",
        "imminent",
        "(put|putting|hold|holding|held|pressed|pressing) (a|the|my|my dads|his|dads) (gun|pistol|barrel|"
        "knife|blade|razor) (to|in|against|into) my (head|mouth|temple|chin|throat|wrist|wrists|neck|chest)",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "means.knife_pressed_across",
        "imminent",
        "(knife|blade|razor|gun|pistol|barrel|scissors|shard|glass) (is |are )?(pressed )?(to|against|on|at|into|"
        "across) my (wrist|wrists|throat|neck|head|temple|mouth|chest|veins)",
        veto_before=r"shav",
        veto_after=r"^[^.!?\n]{0,30}shav",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "means.blow_brains_out",
        "imminent",
        "(blow|blowing) my (brains|head) (out|off)|(bullet|shot) (in|into|through) my (head|brain|skull)",
        examples=("I want to put a bullet in my head",),
        not_examples=(),
    ),
    Rule(
        "means.rope_around_neck",
        "imminent",
        "(rope|noose|belt|ligature|cord) (around|round|on) my neck|(tied|tie|tying|hung|hang|hanging|attached|fixed|"
        "secured) (the|a|my) (rope|noose|belt|cord|ligature|sheet|sheets) (to|on|from|around|over|off) ~(beam|"
        "ceiling|rafter|rafters|banister|bannister|door|doorframe|tree|branch|hook|railing|rail|pipe|neck|loft|"
        "attic|stairs)",
        veto_after=BENIGN_PURPOSE,
        examples=("I tied the rope to the beam in the garage",),
        not_examples=(),
    ),
    Rule(
        "means.noose_rope_ready",
        "imminent",
        "(noose|(rope|ropes|noose) (is |are )?~(ready|tied|set up|hung up|in place))",
        anyone=True,
        veto_after=BENIGN_PURPOSE,
        examples=("I have the rope ready",),
        not_examples=(),
    ),
    Rule(
        "means.bought_up_found",
        "imminent",
        f"(bought|buy|buying|ordered|order|ordering|got|getting|picked up|purchased|purchasing|borrowed|stole|"
        f"found|have|has) {DET}(rope|ropes|noose)",
        anyone=True,
        veto_after=BENIGN_PURPOSE
        + r"|^\W+(light|lights|lighting|swing|toy|toys|ladder|bracelet|basket|baskets|"
        r"course|bridge|access|sandals|chain|handles|lead)\b",
        examples=(
            "just ordered a rope online, it arrives tomorrow",
            "I bought a rope today",
        ),
        not_examples=("I bought a new rope for the climbing gym",),
    ),
    Rule(
        "means.bought_up_stealing",
        "imminent",
        f"(bought|buy|buying|ordered|order|ordering|got|getting|picked up|purchased|purchasing|borrowed|stole|"
        f"stealing|took) {DET}{GUN}",
        anyone=True,
        veto_after=BENIGN_PURPOSE,
        examples=("I bought a gun last week and I know what it's for",),
        not_examples=(),
    ),
    Rule(
        "means.gun_blade_ready",
        "imminent",
        f"({GUN}|{BLADE}|rope|ropes) (is |are )?~{READY}",
        anyone=True,
        veto_after=r"^\W+for\b",
        examples=("I've got the razor blades laid out on my desk",),
        not_examples=(),
    ),
    Rule(
        "means.bath_blade",
        "imminent",
        f"(bath|bathtub|tub) ~~{BLADE}|{BLADE} ~~(bath|bathtub|tub)",
        anyone=True,
        veto_before=r"shav|\bleg",
        veto_after=r"^[^.!?\n]{0,40}shav",
        examples=("I filled the bath and I have my dad's razor",),
        not_examples=(),
    ),
    Rule(
        "means.get_blade_out",
        "imminent",
        "(get|getting|got|take|taking|took|pull|pulling|pulled|grab|grabbing|grabbed|bring|bringing|brought)"
        f" (the|my|a|some) ~{BLADE} out",
        anyone=True,
        examples=("I need to feel pain, I'm getting the blade out",),
        not_examples=(),
    ),
    Rule(
        "means.pills.swallow_many",
        "imminent",
        f"{INGEST} ~({QUANTITY}|{BIGNUM}) (of )?(my |the |these |those |his |her |their |our |all |all the )?{PILLS}",
        anyone=True,
        veto_after=HABIT_AFTER + "|" + BENIGN_PURPOSE,
        examples=(
            "I'm gonna swallow every pill in the house",
            "I'm going to take every tablet in the medicine cabinet",
        ),
        not_examples=(),
    ),
    Rule(
        "means.ingest_everything_pills",
        "imminent",
        f"{INGEST} ~(everything|all the pills|every pill|all the meds|all the tablets) in (the|my|our) ~"
        "(cabinet|cupboard|house|drawer|bathroom|first aid kit|flat|apartment|box|bag|stash)",
        anyone=True,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "means.ingest_whole_box",
        "imminent",
        f"{INGEST} (the|a) (whole|entire) (box|bottle|packet|pack|strip|blister pack|lot|stash)",
        anyone=True,
        veto_after=r"^\W+(of (chocolates|cookies|biscuits|wine|cereal|pizza|crisps|chips|candy|sweets|tea))\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "means.ingest_all",
        "distress",
        f"{INGEST} (all of it|it all)",
        anyone=True,
        weak=True,
        veto_after=r"^\W+(in|on|back|with|for|from|out|apart|seriously|personally|off|to heart|so|as|too)\b",
        examples=("tonight I'm taking all of it, the whole box",),
        not_examples=(),
    ),
    Rule(
        "means.pills.stockpile",
        "imminent",
        f"{STOCKPILE} (up )?(my |the |all my |some of my |some |extra |enough |a few of my |his |her |their )?"
        f"{PILLS}",
        anyone=True,
        veto_after=r"^\W+(money|cash|receipt|receipts|coupon|card|bottles|for (a|my|the) "
        r"(trip|holiday|vacation|move|kids|children|bank holiday|winter|family))\b|"
        r"^[^.!?\n]{0,40}\bbefore the (pharmacy|chemist|shops?|store) (closes|close|shuts|shut)\b",
        examples=(
            "I've been saving up my sleeping pills for weeks",
            "I've been hoarding my prescription so I'll have enough",
        ),
        not_examples=(),
    ),
    Rule(
        "means.pills_saved_up",
        "imminent",
        f"{PILLS} ~(saved|saved up|stashed|stockpiled|hoarded|hidden|put aside|set aside|lined up|laid out|"
        "counted out|in my hand|in my hands|in front of me|next to me)",
        anyone=True,
        veto_after=r"^\W+(for|my life)\b",
        examples=(
            "I have a bottle of vodka and all my antidepressants lined up on the table",
            "I'm sitting here with the pills in my hand",
        ),
        not_examples=("pill organizer saved my life honestly, never forget doses now",),
    ),
    Rule(
        "means.stash_pills",
        "imminent",
        f"(stash|stockpile|hoard|supply|collection|pile|stack) of (my |the |all my |old |spare )?{PILLS}",
        anyone=True,
        veto_after=r"^\W+(for (the|a|my) (trip|holiday|vacation|week|month|travel)|at (the|work))\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "means.enough_pills",
        "imminent",
        f"(enough|plenty of) ~{PILLS} (to|saved|stored|stashed)",
        anyone=True,
        veto_after=r"^\W+(last|get|see|cover|keep|help|manage|sleep)\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "means.lethal_dose",
        "imminent",
        "(lethal|fatal|deadly) (dose|doses|amount|quantity)",
        anyone=True,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "means.bought_up_quantity",
        "imminent",
        f"(bought|buy|buying|ordered|order|got|picked up|stocked up on|collected) ~({QUANTITY}|{BIGNUM}|#|two|three|"
        f"four|five|several|a few|multiple|extra) ~(boxes|packs|packets|bottles|box|pack|packet|bottle)? ?(of )?"
        f"(my |the )?{PILLS} ~(from different|so (they|no one|nobody)|without (anyone|telling))",
        anyone=True,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "means.that_no_family",
        "distress",
        "(so|so that) ~(no one|nobody|noone|they|my family|people|anyone) ~(wouldnt|wont|cant|couldnt|doesnt|dont|"
        "will not|would not|can not|cannot) (find|stop|save|interrupt|see) me",
        anyone=True,
        weak=True,
        veto_after=r"^\W+(at|in|on|with|texting|crying|looking)\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "means.need_bother_try",
        "distress",
        "(dont|do not|please dont|no need to|dont bother) (try|trying|look|looking|come looking) (to find|for) me",
        anyone=True,
        weak=True,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "means.how_many_take",
        "imminent",
        "how (many|much) ~(to|would it take to|does it take to|it takes to|will it take to|would|to take to|"
        "you need to|i need to) (die|kill (me|myself|you|a person|someone)|be (lethal|fatal)|od|overdose|not wake up)",
        anyone=True,
        examples=("I looked up how many paracetamol it takes to die",),
        not_examples=(),
    ),
    Rule(
        "means.painless_way_method",
        "imminent",
        "(painless|quick|quickest|easy|easiest|best|fastest|peaceful|surest|effective|reliable|sure) (way|ways|"
        "method|methods) (to|of) (die|dying|kill myself|killing myself|end it|end my life|ending my life|"
        "commit suicide|overdose|od)",
        anyone=True,
        examples=("I've been researching painless ways to die",),
        not_examples=(),
    ),
    Rule(
        "means.how_you_kill",
        "imminent",
        "(how|ways) (to|do i|do you|can i|could i|would i|should i) (kill myself|end my life|commit suicide|"
        "die painlessly|overdose|hang myself|od)",
        anyone=True,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "means.overdose",
        "distress",  # the bare word: about the writer, and no plan by itself (a plan is plan.method.overdose)
        "(overdose|overdosing|overdosed)",
        anyone=True,
        self_only=True,
        veto_before=r"\b(the|a|an|lethal|opioid|drug|accidental|fatal|her|his|their|from|of)\W+$",
        veto_after=NOT_DRUGS_AFTER + r"|^\W+(problem|crisis|deaths|epidemic|rates|prevention)\b",
        examples=(),
        not_examples=(
            "I'm overdosing on coffee today",
            "Two years ago I overdosed; now I'm in recovery and doing okay",
            "the site is supposed to help solve the overdose problem",
        ),
    ),
    Rule(
        "means.took_taken_overdose",
        "imminent",
        "(took|taken|swallowed|have taken|ive taken) (an|a) (overdose|od)",
        anyone=True,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "means.at_height",
        "distress",
        f"{ME} ~(on|up on|at|at the top of|on top of|on the edge of|at the edge of) (the |a |this )?"
        f"({HEIGHT}|ledge|edge|tracks|train tracks|railway|railway line|platform edge)",
        weak=True,
        final=True,
        veto_after=r"^[^.!?\n]{0,30}\b(be there|omw|on my way|see you|almost there|nearly there|in \d+ ?(min|mins|"
        r"minutes)|stuck in traffic)\b|^\W+(with|near|for|to|watching|waiting for (my|a|the|him|her|them)|downtown|in town|"
        r"having|drinking|eating|reading|enjoying|fixing|repairing|cleaning|painting|working|be there|omw|"
        r"on my way|see you|almost there|nearly there|in \d+|traffic|stuck|of (my|his|her|your|our|the) seat|"
        r"of (it|this|that|a breakdown|tears|sleep|the hole|the abyss|giving up)|holding|"
        r"model|museum|heritage|toy|set|terrace|garden|bar|party|deck|pool|patio|restaurant|cafe|club|walk|path|crossing|station|bbq|barbecue)\b|"
        r"^[^.!?\n]{0,40}\b(which level|what level|where did you park|parked|park on|pick me up|meet me|model railway|"
        r"model train|railway club|museum|heritage railway|toy|for the view|the view|sunset|sunrise|fireworks|photos|"
        r"looks amazing)\b",
        examples=(
            "I'm standing on the roof right now and I want to jump",
            "I'm on the bridge right now",
        ),
        not_examples=(),
    ),
    Rule(
        "means.picture_hanging_out",
        "distress",
        "(picture|picturing|imagine|imagining|visualize|visualise|visualizing|visualising|see|seeing) (myself|me)"
        " ~(hanging|hung|dead|jumping|falling|drowning|bleeding out|in a coffin|in my coffin|at my (own )?funeral|"
        "overdosing|lifeless|in the ground|gone)",
        examples=("I keep picturing myself hanging from the stairs",),
        not_examples=(),
    ),
    Rule(
        "means.hanging_from_stairs",
        "imminent",
        "(hanging|hung) (myself )?(from|off) ~(stairs|banister|bannister|ceiling|beam|rafter|rafters|door|"
        "doorframe|closet|loft|attic|noose|rope)",
        veto_after=r"^\W+(lights|decorations|pictures|photos|plants|posters|fairy)\b",
        examples=(),
        not_examples=(),
    ),
)
