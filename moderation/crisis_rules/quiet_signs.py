"""Quiet signs: what people say when they have stopped arguing with themselves — no reason
to stay, "when they find me", the last night they'll feel this way, something they might do
to themselves, a flight they hope crashes. Each is a common shape of real crisis talk; the
not_examples keep the everyday uses out.
"""

from __future__ import annotations

from .base import SELF_HARM, Rule
from .vocab import BIGNUM, HEIGHT, PILLS

_MEANS = "(rope|knife|gun|pills|blade|razor|noose|belt)"

RULES: tuple[Rule, ...] = (
    Rule(
        "quiet.do_to_myself",
        "distress",
        "(what|something|anything) (i|im|i am) (might|could|will|may|would|am going to|m going to|gonna) do to myself",
        examples=("I'm scared of what I might do to myself tonight.",),
        not_examples=(),
    ),
    Rule(
        "quiet.when_its_done",
        "distress",
        "(when|once|after) (its|it is|it s|everything is) (done|over|finished)",
        cue=True,
        final=True,
        veto_before=r"\b(exam|exams|project|renovation|move|work|shift|season|wedding|course|build|job|surgery)\W+"
        r"(\w+\W+){0,3}$",
        examples=("I've written the texts to send when it's done, they're scheduled for 6am.",),
        not_examples=("I'll relax when it's done, the project is huge",),
    ),
    Rule(
        "quiet.scheduled_messages",
        "distress",
        "(scheduled|schedule|timed|set) (the |my )?(texts|messages|emails|posts|letters|goodbyes)|(texts|messages|emails|"
        "letters) (are )?(scheduled|set to send|timed)|(theyre|they are|they re) (scheduled|set to send|timed) (for|to)",
        cue=True,
        final=True,
        veto_after=r"^\W+(for (the|my|our) (campaign|newsletter|launch|work|clients|birthday))\b",
        examples=("I've written the texts to send when it's done, they're scheduled for 6am.",),
        not_examples=("the emails are scheduled for the newsletter launch",),
    ),
    Rule(
        "quiet.if_i_die",
        "distress",
        "(if|when) (i|i ever) die (tonight|today|tomorrow|soon|this week|this weekend)",
        examples=("if i die tonight at least the pain stops",),
        not_examples=(),
    ),
    Rule(
        "quiet.pain_stops",
        "distress",
        "(at least|then|finally) (the|my|this) (pain|hurting|suffering|noise|thoughts) (stops|would stop|will stop|ends|"
        "would end|will end|is over)",
        weak=True,
        examples=("if i die tonight at least the pain stops",),
        not_examples=(),
    ),
    Rule(
        "quiet.hope_it_crashes",
        "distress",
        "(hope|hoping|wish|pray|praying) (this|the|my|our) (flight|plane|car|train|bus|taxi|lift|elevator) "
        "(crashes|crash|goes down|derails|falls|hits something)",
        veto_after=r"^\W+(lol|haha|jk|so (i|we) (get|can) (a day off|out of))\b",
        examples=("I hope this flight crashes, honestly.",),
        not_examples=(),
    ),
    Rule(
        "quiet.through_alive",
        "distress",
        "(get|getting|make it|making it|survive|surviving) (through )?(this|the|tonight|the rest of the) ?(week|night|day|"
        "weekend|month|year)? alive|(wont|dont think i ll|dont think ill|cant|not going to|wont be able to) "
        "(make it|survive|last) (through )?(the night|this week|tonight|til morning|till morning|until morning)",
        keep_negated=True,
        examples=("Can't see myself getting through this week alive.", "I don't think I'll make it through the night"),
        not_examples=(),
    ),
    Rule(
        "quiet.pills_are_there",
        "distress",
        f"{PILLS} (are|is|s) (in|on|under|at the back of) (the|my|our|her|his|mums|moms|dads) ~(cabinet|drawer|cupboard|"
        "bathroom|kitchen|bedside|nightstand|bag|shelf)",
        cue=True,
        examples=("Mum's sleeping pills are in the bathroom cabinet and I keep thinking about them.",),
        not_examples=(),
    ),
    Rule(
        "quiet.keep_thinking_about_them",
        "distress",
        "(keep|cant stop|can not stop|keep on) (thinking about|looking at|staring at) (them|it|the pills|the bottle|the "
        "knife|the rope|the edge|the drop|the tracks)",
        cue=True,
        examples=("Mum's sleeping pills are in the bathroom cabinet and I keep thinking about them.",),
        not_examples=(),
    ),
    Rule(
        "quiet.with_means_outside",
        "distress",
        f"(outside|at|in|on) (my|the|his|her|our) ~(flat|house|door|room|car|garage|roof|bridge) with (a|the|his|her) {_MEANS}",
        anyone=True,
        final=True,
        examples=("My ex says he's outside my flat with a rope and he'll do it if I don't come down.",),
        not_examples=("I'm in the garage with a knife sharpening tools",),
        veto_after=r"^\W+(sharpening|cutting|fixing|making|for (the|a) (bbq|camping|boat|garden))\b",
    ),
    Rule(
        "quiet.no_reason_to_stay",
        "distress",
        "(no|nothing|not a single|not one) (reason|reasons|thing) (left )?(to|for me to|that makes me want to) (stay|live|"
        "keep going|be here|go on|stick around|keep living|stay alive)",
        keep_negated=True,
        examples=("Honestly I have no reason to stay. I've checked out already.",),
        not_examples=(),
    ),
    Rule(
        "quiet.checked_out",
        "distress",
        "(checked|checking|check) out (already|of life|for good|permanently|of this world|early)|(ive|i have|already) "
        "checked out",
        veto_after=r"^\W+(of (the|my) (hotel|room|airbnb|library|shop))\b",
        examples=("Honestly I have no reason to stay. I've checked out already.",),
        not_examples=("we checked out early from the hotel",),
        veto_before=r"\b(we|hotel|library|books?)\W+(\w+\W+){0,2}$",
    ),
    Rule(
        "quiet.when_they_find_me",
        "distress",
        "(when|once|after|if) (they|you|someone|somebody|my (mum|mom|dad|parents|family|partner|wife|husband|flatmate|"
        "roommate)|people) (find|finds|found) me",
        final=True,
        veto_after=r"^\W+(at|in) (the|a) (party|pub|bar|park|game)\b|^\W+(hiding|behind)\b",
        examples=("when they find me i hope they know it wasn't their fault",),
        not_examples=("when they find me at the party I'll say hi",),
    ),
    Rule(
        "quiet.last_night_i_feel",
        "distress",
        "(the )?last (night|day|time|morning) (i ll|ill|i will|im going to|i am going to|ill ever|i will ever) (feel|be|see|"
        "wake|have to)",
        final=True,
        veto_after=r"^\W+(\w+ ){0,3}(at (work|school|this job|uni)|single|in this flat|in this house|here before (the|my) "
        r"(move|trip))\b",
        examples=("tonight is the last night i'll feel this way, one way or another",),
        not_examples=("Friday is the last day I'll be at this job",),
    ),
    Rule(
        "quiet.glass_on_arm",
        "distress",
        "(using|used|use|dragging|pressing) (the|a|some|broken) (glass|blade|razor|knife|shard|lighter|scissors|pin|needle) "
        "(on|into|across|against) (my|myself)",
        label=SELF_HARM,
        examples=("I punched the mirror and now I'm using the glass on my arm.",),
        not_examples=(),
    ),
    Rule(
        "quiet.done_staying_alive",
        "distress",
        "(done|finished|tired of|sick of|over) (trying to )?(stay|staying|keep|keeping myself|be|being) alive|"
        "(im|i am|i m) (done|finished) (with )?(living|existing|being alive|being here|life)",
        keep_negated=True,
        examples=("I'm exhausted and I honestly think I'm done trying to stay alive.",),
        not_examples=(),
    ),
    Rule(
        "quiet.planning_exit",
        "distress",
        "(plan|planning|planned|plot|plotting|planning out) (my|an|the) (exit|way out|last day|final day|final exit|"
        "departure|last goodbye)",
        veto_after=r"^\W+(from|of) (the|my|this) (company|job|team|group|app|platform|twitter|band|house|lease)\b|"
        r"^\W+(strategy|interview)\b",
        examples=("bro i'm lowkey planning my exit, like for real this time",),
        not_examples=("planning my exit from the company after the merger",),
    ),
    Rule(
        "quiet.in_case_too_much",
        "distress",
        "(just )?in case (it|things|everything|life|this) (gets|get|becomes|become) (too much|too bad|too hard|unbearable)",
        cue=True,
        final=True,
        examples=("I keep a bottle of pills in my backpack just in case it gets too much.",),
        not_examples=(),
    ),
    Rule(
        "quiet.family_better_off",
        "distress",
        "(my parents|my family|my kids|my children|everyone|my partner|my wife|my husband|my friends|my mum|my mom|my dad) "
        "(would|d|will) (all )?be (better off|happier|fine)",
        weak=True,
        veto_after=r"^\W+(if|when) (we|they|i) (moved|move|bought|buy|got|get|paid|pay|sold|sell)\b|^\W+(with|in) "
        r"(a|the|another|our)\b",
        examples=("my parents would be better off, they spend so much on me and i give them nothing back",),
        not_examples=("my parents would be better off if I moved out and paid my own rent",),
    ),
    Rule(
        "quiet.get_over_it",
        "distress",
        "(theyd|they would|they d|theyll|they will|they ll|everyone will|everyone would|people will|people would|"
        "he ll|hell|shell|she ll) (all )?(get over it|move on|forget about me|forget me)",
        cue=True,
        final=True,
        examples=("my parents would be better off, they spend so much on me and i give them nothing back. they'd get over it.",),
        not_examples=(),
    ),
    Rule(
        "quiet.already_decided",
        "distress",
        "(part of me|i|ive|i have|im|i am|my mind) (has |have |s |is |thats |that s )?(already )?(decided|made up)",
        cue=True,
        veto_after=r"^ +[a-z]|^\W+(to|what|which|on|where|whether|that|how|who|about)\b",  # only at a sentence end
        examples=("There's a part of me that's already decided. The rest is just waiting.",),
        not_examples=("I've already decided what to order",),
    ),
    Rule(
        "quiet.back_to_the_edge",
        "distress",
        f"(drove|walked|went|keep going|keep driving|keep walking|go|going|went back|drove back) (back )?(to|out to|up to) "
        f"the ({HEIGHT}|cliffs|cliff|tracks|railway|river|sea|lake|edge) (again|every night|at night|last night|tonight)",
        final=True,
        examples=("I drove to the cliffs again tonight and sat there for two hours.",),
        not_examples=("we went to the bridge again tonight for the fireworks",),
        veto_after=r"^[^.!?\n]{0,40}\b(fireworks|photos|picnic|sunset|swim|run|walk with|friends|dog)\b",
    ),
    Rule(
        "quiet.not_a_problem_much_longer",
        "distress",
        "(wont|will not|not going to|wont be|never) be (a problem|a burden|a bother|in the way|your problem|anyones "
        "problem|a disappointment) (much longer|for long|anymore|soon|for much longer|any more)",
        keep_negated=True,
        examples=("Sorry for being such a disappointment. I won't be a problem much longer.",),
        not_examples=(),
    ),
    Rule(
        "quiet.picture_my_body",
        "distress",
        "(picture|picturing|imagine|imagining|see|seeing|keep seeing) (my|me|myself) (body |lifeless )?(at the bottom of|"
        "on the ground|under (the|a)|hanging|in the water|on the tracks|floating|in a coffin|on the floor)",
        examples=("I can't stop picturing my body at the bottom of the stairwell.",),
        not_examples=(),
    ),
    Rule(
        "quiet.bought_means",
        "distress",
        "(bought|buying|ordered|got|picked up) (some |new |a pack of |a box of )?(razor blades|blades|a rope|rope|a noose|"
        "a gun|a knife|pills|sleeping pills|painkillers|paracetamol)",
        cue=True,
        veto_after=r"^\W+(for|to) (my|the|a) (safety razor|shaving|kitchen|cooking|camping|boat|climbing|garden|headache|"
        r"migraine|back|period|cold|flu)\b|^\W+(for (shaving|cooking|camping))\b",
        examples=("Today I bought razor blades. I haven't used them yet.",),
        not_examples=("I bought razor blades for my safety razor",),
    ),
    Rule(
        "quiet.not_used_yet",
        "distress",
        "(havent|have not|didnt|did not|not) (used|opened|taken|tried) (them|it|the blades|the pills|the rope) yet",
        cue=True,
        final=True,
        examples=("Today I bought razor blades. I haven't used them yet.",),
        not_examples=(),
    ),
    Rule(
        "quiet.enough_to_die",
        "distress",
        f"({BIGNUM}|twenty|thirty|forty|fifty|a hundred|how many) ~{PILLS} (is|are|would be|be|will be) "
        "(enough|lethal|fatal|too much|enough to)",
        veto_after=r"^\W+(for (a|the|my) (headache|migraine|cold|flu|week|month|back))\b",
        examples=("Does anyone know if 40 paracetamol is enough? Asking for me.",),
        not_examples=(),
    ),
    Rule(
        "quiet.who_gets_what",
        "distress",
        "(labelled|labeled|marked|written) (with )?(who gets what|who gets (them|it|my)|names on)|who (gets|should get|will "
        "get) (what|my (things|stuff|belongings|records|books|guitar|cat|dog))",
        final=True,
        veto_after=r"^\W+(in the (divorce|will reading|move)|at the (swap|party))\b",
        examples=("All my stuff is packed in boxes labelled with who gets what.",),
        not_examples=(),
    ),
    Rule(
        "quiet.at_peace_with_leaving",
        "distress",
        "(at peace|made peace|ok|okay|fine|comfortable) with (leaving|dying|death|going|ending it|my decision|the decision|"
        "not being here|not waking up|it all ending)",
        veto_after=r"^\W+(the (company|job|team|city|country|group)|my (job|ex|partner|town))\b",
        examples=("Nothing matters anymore and I'm at peace with leaving.",),
        not_examples=(),
    ),
    Rule(
        "quiet.body_catches_up",
        "distress",
        "(body|heart) (just )?(hasnt|has not|hasn t) (caught up|gotten the memo|got the message)|(already|basically) dead"
        " ~(soon|just waiting|waiting for my body)",
        examples=("It's like I'm already dead, my body just hasn't caught up yet. Soon it will.",),
        not_examples=(),
    ),
)
