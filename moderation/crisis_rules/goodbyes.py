"""Goodbyes, notes and last messages, and the cues that only count together
(final arrangements are `final_arrangements`).

Rule data only; the engine is `moderation.crisis`. See `moderation/crisis_rules/__init__.py`."""

from __future__ import annotations

from .base import Rule
from .vocab import CONTINUES, TO_SOMEONE_AFTER, TO_SOMEONE_BEFORE, UNSENT

RULES: tuple[Rule, ...] = (
    Rule(
        "goodbye.goodbye_note",
        "imminent",
        "(goodbye|farewell|suicide) (note|notes)",
        anyone=True,
        final=True,
        veto_before=TO_SOMEONE_BEFORE,
        veto_after=TO_SOMEONE_AFTER + "|" + UNSENT,
        examples=("I'm writing a goodbye note",),
        not_examples=(),
    ),
    Rule(
        "goodbye.goodbye_letter",
        "imminent",
        "(goodbye|farewell|suicide) (letter|letters|message|messages|post|video|videos|text|texts|email|emails)",
        anyone=True,
        final=True,
        veto_before=TO_SOMEONE_BEFORE,
        veto_after=TO_SOMEONE_AFTER + "|" + UNSENT,
        examples=(
            "this is my goodbye post, thank you all for trying",
            "my friend posted a goodbye message and isn't answering her phone",
        ),
        not_examples=(),
    ),
    Rule(
        "goodbye.wrote_drafting_note",
        "imminent",
        "(wrote|write|writes|writing|written|left|leave|leaving|recorded|recording|record|made|making|drafted|"
        "drafting|finished|prepared|preparing|typed|typing) ~(note|notes|letter|letters|message|messages|video|"
        "videos) ~(goodbye|to say goodbye|saying goodbye|say goodbye|so (they|she|he|you|everyone) (know|knows|"
        "understand|understands|will understand|wont blame|dont blame)|for after|for when|after im gone|"
        "when im gone|once im gone|for them to find|to find after)",
        anyone=True,
        final=True,
        veto_after=r"^\W+to\W+(?!(everyone|everybody|my (family|kids|children|parents|mum|mom|dad|sister|brother|"
        r"friends|wife|husband|partner|loved ones)|them|you all|all of you|people|the world)\b)|^\W+(?:\w+\W+){0,3}"
        r"(i (will|ll) never send|never sent|wont send|not going to send|to never send|unsent)",
        examples=("writing letters to my kids so they understand after I'm gone",),
        not_examples=(),
    ),
    Rule(
        "goodbye.writing_note_letter",
        "distress",
        "(writing|wrote|written|finished|finishing|left|leaving|leave|leaving) my (note|notes|letter|letters|last letter|"
        "final letter|final note|last note|last words)",
        anyone=True,
        weak=True,
        final=True,
        veto_before=TO_SOMEONE_BEFORE,
        veto_after=TO_SOMEONE_AFTER + "|" + UNSENT + r"|^\W+(for|about|at|on|in (class|the|my (bag|car)))\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "goodbye.letters_letter_note",
        "distress",
        "(letters|notes|a letter|a note) (for|to) ~(each of )?(my )?"
        "(kids|children|family|parents|mum|mom|dad|sister|brother|wife|husband|partner|friends|everyone|loved ones)",
        anyone=True,
        weak=True,
        final=True,
        veto_before=r"^(?!.*\b(wrote|write|writes|writing|written|left|leave|leaving|recorded|typed)\b)",
        veto_after=r"^\W+(for (christmas|birthdays|their birthday|the holidays)|about|from camp|at camp)\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "goodbye.last_message_here",
        "distress",
        "(my |this is my |that s my |thats my )?(last|final) (message|post|words|text) (here|ever|to you all|"
        "to everyone|on this|on here|before i go)",
        anyone=True,
        weak=True,
        final=True,
        veto_after=r"^\W+(about|on|regarding|for (a|the) (while|bit|week|month|tonight|today)|until|till|for now)\b",
        examples=(),
        not_examples=(
            "this is my last post here, leaving the group since i'm starting a new program. thanks for everything",
        ),
    ),
    Rule(
        "cue.thank_you_for_everything",
        "distress",
        "thank you (all |guys |everyone )?(for everything|for trying|for all you did|for being there)",
        anyone=True,
        cue=True,
        final=True,
        veto_after=CONTINUES,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "cue.goodbye",
        "distress",
        "goodbye",
        cue=True,
        final=True,
        veto_before=r"[a-z]\W*$|\b(say|said|saying|says|to|a|the|our|my|his|her|"
        r"wave|waved|kiss|hug)\W*$",
        veto_after=CONTINUES,
        examples=(),
        not_examples=("He said goodbye at the airport and I cried for an hour",),
    ),
    Rule(
        "goodbye.by_you_all",
        "imminent",
        "(by the time|when|once|if) (you|anyone|someone|they|somebody|people|you all) (read|reads|see|sees|find|finds"
        "|get|gets) (this|my note|my message|me) ~(ill|i will|i ll|i|im|i m|i am) ~(be gone|be dead|wont be here|"
        "wont be alive|will be gone|gone|dead|not be here|be at peace)",
        anyone=True,
        final=True,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "goodbye.left_note_saying",
        "imminent",
        "(left|leaving|leave|wrote|writing|sent|sending) (a |me a |us a |her a |him a )?(note|message|text|letter) "
        "(saying|that said|that says|says|said) ~(sorry for everything|goodbye|i love you all|forgive me|im sorry|"
        "she was sorry|he was sorry|its not your fault|it s not your fault|take care of)",
        anyone=True,
        final=True,
        veto_before=TO_SOMEONE_BEFORE,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "goodbye.note_explaining_explain",
        "imminent",
        "(note|notes|letter|letters) ~(explaining|to explain|that explains) (why|everything)"
        " ~(i|im) (did|do|had to do|have to do|am doing|m doing|did it|decided|chose|couldnt)",
        anyone=True,
        final=True,
        examples=("I wrote a note for my mum explaining why I did it",),
        not_examples=(),
    ),
    Rule(
        "goodbye.said_all_goodbyes",
        "imminent",
        "(said|saying|say|saying all|said all) (all )?(my|his|her|their) goodbyes|(said|saying|say) goodbye to "
        "(everyone|everybody|all of you|you all|the world|this world|my loved ones|everyone i love|the people i love)",
        anyone=True,
        final=True,
        veto_after=r"^\W+(to (the|my|our|his|her) (old|home|city|town|house|flat|apartment|job|school|hometown|"
        r"team|colleagues|coworkers|class)|before (moving|leaving|i (move|left|leave|fly))|and (moved|left|drove|"
        r"flew|got)|at (the|my|our) (airport|station|party|leaving))",
        examples=("I've said my goodbyes to everyone I love",),
        not_examples=(),
    ),
    Rule(
        "goodbye.said_goodbye_people",
        "distress",
        "(said|saying|say) goodbye to (people|my family|my friends|my kids|my parents|my mum|my mom|my dad|my pets|"
        "my cat|my dog|her family|his family|her friends|his friends|their family|their friends)",
        anyone=True,
        weak=True,
        final=True,
        veto_after=r"^\W+(at|before|and (left|drove|flew|got)|as|on the|outside|after (the|our|my) (party|visit|trip))",
        examples=("my roommate has been giving away her stuff and saying goodbye to people",),
        not_examples=(),
    ),
    Rule(
        "goodbye.goodbye_everyone_world",
        "imminent",
        "(goodbye|farewell) (everyone|everybody|all|world|cruel world|forever|for good|for ever|guys|friends|"
        "all of you|my friends|this world|my loves)",
        anyone=True,
        final=True,
        veto_before=TO_SOMEONE_BEFORE,
        veto_after=r"^[^.!?\n]{0,40}\b(for the night|for now|see you|talk (soon|tomorrow|later)|logging off|log off|"
        r"off to bed|going to bed|good ?night|gnight|until (tomorrow|next)|next (week|time)|tomorrow|be back)\b|"
        r"^\W+(see you|talk (soon|tomorrow|later)|for now|for (the|a|this) (night|day|week|while|bit|month)|"
        r"until|till|ill be back|back (soon|later|tomorrow|next)|have a|off to|logging|gotta|[a-z]+ (my|our) (ex|"
        r"relationship|situationship))",
        examples=("Goodbye everyone. I'm sorry for everything.",),
        not_examples=(),
    ),
    Rule(
        "goodbye.goodbye_2",
        "distress",
        "this is (my )?(goodbye|farewell)",
        anyone=True,
        weak=True,
        final=True,
        veto_after=r"^\W+to (him|her|them|you|my ex|the|this|our)\b",
        examples=(),
        not_examples=(),
    ),
    Rule(
        "goodbye.end_for_road",
        "distress",
        "this is the end (for me|of me|of the road for me)",
        weak=True,
        final=True,
        examples=("I made a will and deleted all my accounts, this is the end for me",),
        not_examples=(),
    ),
    Rule(
        "cue.sorry_for_everything",
        "distress",
        "(im |i am |i m )?(so |truly |really )?sorry for everything",
        anyone=True,
        cue=True,
        final=True,
        veto_after=CONTINUES,
        examples=(),
        not_examples=(),
    ),
)
