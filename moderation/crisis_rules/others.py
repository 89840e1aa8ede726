"""Somebody else in danger, named by the writer.

Rule data only; the engine is `moderation.crisis`. See `moderation/crisis_rules/__init__.py`."""

from __future__ import annotations

from .base import CONCERN, Rule
from .vocab import OTHERS, THEMSELF

RULES: tuple[Rule, ...] = (
    # Talk about what happened to someone else (the news, a book, a loss): the topic tier,
    # so the writer may be offered a content note. A wish or plan of theirs outranks it.
    Rule(
        "topic.someone_did",
        "topic",
        "(killed|hanged|hung|shot|drowned|overdosed|poisoned|cut|cuts|harmed|hurt|hurts|burned|burns|starved) "
        "(himself|herself|themselves|themself)|(his|her|their|a|the) (suicide )?(attempt|attempts|overdose)|"
        "suicide (attempt|attempts|loss|survivor|survivors)|(attempted|committed|completed|died by) suicide|"
        "(the|his|her|their|a) suicide|"
        "(jumped|fell|threw (himself|herself|themselves)) (from|off) (the|a) ~(bridge|building|roof|cliff|tower|"
        "balcony|window|car park|overpass)|(wanting|wants|wanted) to (die|disappear|end it)",
        anyone=True,
        examples=("Her brother killed himself ten years ago and she still can't talk about it.",
                  "The news reported a man jumped from the bridge this morning."),
        not_examples=(),
    ),
    Rule(
        "other.kill_starve_themself",
        "distress",
        f"(kill|killing|hurt|hurting|harm|harming|cut|cutting|hang|hanging|unalive|end|ending|take|taking|"
        f"starve|starving|drown|drowning|shoot|shooting) {THEMSELF}",
        label=CONCERN,
        veto_before=r"\b(people|these people|those people|everyone|folks|idiots|players|teams|they re|theyre)\W+(\w+\W+){0,2}$|\blet\W+(\w+\W+){0,2}$",
        examples=(
            "My friend said she wants to kill herself",
            "I'm scared my partner is going to hurt himself",
        ),
        not_examples=(),
    ),
    Rule(
        "other.others_been_suicidal",
        "distress",
        f"{OTHERS}( (is|s|are|re|seems|seem|sounds|sound|has been|been|feels|feel|got))?"
        "( (so|really|very|feeling|getting))? suicidal",
        label=CONCERN,
        examples=("My brother is suicidal and I don't know what to do",),
        not_examples=(),
    ),
    Rule(
        "other.others_wants_die",
        "distress",
        f"{OTHERS} ~(wants|want|wanted|wanting|going|gonna|plans|planning) to die",
        label=CONCERN,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "other.his_suicide_note",
        "distress",
        "(his|her|their) suicide (note|attempt|plan)",
        label=CONCERN,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "other.he_wishes_saying",
        "distress",
        "(he|she|they) (wishes|wished|wish|says|said|keeps saying) (that )?(he|she|they) (was|were|could be|"
        "would be|is better off|d be better off|was better off) (dead|gone|never born)",
        label=CONCERN,
        examples=(),
        not_examples=(),
    ),
    Rule(
        "other.everyone_world_family",
        "distress",
        "(everyone|everybody|the world|we|they|people|his family|her family|their family) ~(would|will|d) "
        "~be ~(better|happier|better off|fine|easier) ~(without (him|her|them)|if (he|she|they) (died|disappeared|"
        "was gone|were gone|wasnt here|werent here|wasnt around|werent around))",
        label=CONCERN,
        veto_before=r"^(?!.*\b(said|says|saying|thinks|think|told|tells|believes|feels|texted|wrote|posted|keeps)\b)",
        examples=("my partner said everyone would be better off without him",),
        not_examples=(),
    ),
)
