"""Quiet signs: what people say when they have stopped arguing with themselves — no reason
to stay, "when they find me", the last night they'll feel this way, something they might do
to themselves, a flight they hope crashes. Each is a common shape of real crisis talk; the
not_examples keep the everyday uses out.
"""

from __future__ import annotations

from .base import SELF_HARM, Rule
from .vocab import PILLS

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
)
