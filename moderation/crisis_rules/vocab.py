"""Shared vocabularies and context tests for the crisis rules.

Written in the pattern language of `normalize.compile_phrase` (space = separator,
`~` = up to three filler words that are never a negation or another person,
`*` = any ending, `#` = a number, `?` = optional), so rules compose them with
f-strings: "I'm gonna" + "jump off" + "the multi-storey car park". The `*_AFTER` /
`*_BEFORE` strings are plain regexes the engine tests on the text just after or
before a match (vetoes: "cut him off", "a rope for the climbing gym").
"""

from __future__ import annotations

# Pattern language (see `compile_phrase`): space = separator, `~` = up to three
# filler words (never a negation), `*` = any ending, `#` = a number, `?` = optional.

# Who. Normalization has already turned "I'm" into "im", "I'll" into "ill".
ME = "(i|im|ive|id|ill|i am|i have|i will|i would|i m|i ve|i ll|i d)"
OTHERS = (
    "(he|she|they|friend|sister|brother|mom|mum|dad|partner|son|daughter|wife|husband|girlfriend|"
    "boyfriend|cousin|roommate|flatmate|kid|child|someone|somebody|bestie|ex)"
)
THEMSELF = "(himself|herself|themselves|themself|(his|her|their) (own )?life)"

# Wanting, planning, deciding, being about to, dwelling on.
INTENT = (
    "(want|wants|wanted|wanting|wanna|going|gonna|gunna|plan|plans|planned|planning|intend*|need|"
    "needs|needed|gotta|about|ready|decided|deciding|determined|tempted|try|trying|tried|will|ill|"
    "might|urge|urges|threatened|threatening|threatens|threaten|thinking about|thinking of|"
    "thought about|thought of|think about|considering|contemplating|fantasi*|picturing|imagining|"
    "dreaming about|dream about|dream of|prepared|preparing|made up my mind|close to|so close to|this close to|"
    "on the verge of|one step away from)"
)
# The part of intent that is a wish or a plan; "going to", "will" and "might" also predict.
WANT = (
    "(want|wants|wanted|wanting|wanna|plan|plans|planned|planning|intend*|need|needs|needed|ready|decided|"
    "deciding|determined|tempted|urge|urges|thinking about|thinking of|considering|contemplating|fantasi*|"
    "dreaming about|dream about|dream of|prepared|preparing|made up my mind|just want|really want|deserve|"
    "wish|wishing|wish i could|wish i was able|close to|so close to|this close to|on the verge of)"
)
PREDICT = "(going|gonna|gunna|will|ill|might|about|am going|m going)"
TO = "(to |on |of |about )?"

# Self-directed killing verbs ("kill myself") and the softer self-harm ones.
KILL_VERB = (
    "(kill|kills|killing|killed|hang|hangs|hanging|hung|shoot|shooting|shot|poison|poisoning|"
    "poisoned|drown|drowning|drowned|suffocate|suffocating|suffocated|strangle|strangling|"
    "electrocute|electrocuting|gas|gassing|unalive|unaliving|unalived|off|offing|end|ending|"
    "stab|stabbing|stabbed)"
)
HARM_VERB = (
    "(cut|cuts|cutting|harm|harms|harming|harmed|burn|burns|burning|burned|burnt|slice|slicing|"
    "sliced|slash|slashing|slashed|carve|carving|carved|starve|starving|starved|mutilate|mutilating)"
)
# Verbs that are self-harm only with a reason or a wound ("hit myself until I bruised").
HURT_VERB = "(hurt|hurts|hurting|cut|cutting|burn|burning|burned|harm|harming)"
STRIKE_VERB = (
    "(hit|hits|hitting|punch|punching|punched|bang|banging|banged|scratch|scratching|scratched|bite|"
    "biting|bit|pinch|pinching|pinched|bruise|bruising|bruised|slap|slapping|slapped)"
)
BODY = (
    "(arm|arms|wrist|wrists|forearm|forearms|thigh|thighs|leg|legs|skin|stomach|belly|hip|hips|"
    "body|ankle|ankles|chest|shoulder|shoulders|head|face|knuckles|side|sides)"
)
WOUND = "(bleed|bleeds|bled|bleeding|blood|bruise|bruises|bruised|bruising|scar|scars|scarred|raw)"
BELONGINGS = (
    "(cat|dog|cats|dogs|pets|pet|books|guitar|stuff|things|belongings|possessions|records|games|jewellery|"
    "jewelry|plants|car|bike|clothes|art|paintings|camera|laptop|furniture|collection|savings|money)"
)

# Means. Drug names are the usual overdose ones; "meds" covers the rest.
PILLS = (
    "(pill|pills|tablet|tablets|meds|medication|medications|medicine|medicines|prescription|"
    "prescriptions|antidepressant*|sleeping pills|sleeping tablets|sleeping meds|painkiller*|pain killers|"
    "paracetamol|acetaminophen|tylenol|ibuprofen|advil|aspirin|codeine|oxy|oxys|oxycodone|"
    "oxycontin|opioid*|opiate*|xanax|valium|benzo|benzos|lithium|insulin|sertraline|zoloft|prozac|"
    "fluoxetine|citalopram|escitalopram|lexapro|quetiapine|seroquel|trazodone|amitriptyline|"
    "mirtazapine|lamotrigine|diazepam|lorazepam|clonazepam|gabapentin|pregabalin|tramadol|"
    "morphine|fentanyl|heroin|sleeping aids|melatonin|diphenhydramine|benadryl)"
)
QUANTITY = (
    "(all|all of|every|every single|every one of|every last|each one of|the whole|a whole|the rest of|"
    "the entire|an entire|bottle of|bottles of|a bottle of|half a bottle of|a handful of|handful of|"
    "handfuls of|a bunch of|bunch of|loads of|a load of|too many|way too many|a box of|box of|a packet of|"
    "packet of|a pack of|pack of|a strip of|strips of|a months worth of|a month of|enough|dozens of|"
    "hundreds of|twenty|thirty|forty|fifty|sixty|a hundred|all the|the rest of the|many|so many|lots of|a lot of)"
)
BIGNUM = "(1|2|3|4|5|6|7|8|9)#"  # two digits or more: "took 30", never "take 2 a day"
INGEST = (
    "(take|takes|taking|took|taken|swallow|swallows|swallowing|swallowed|down|downing|downed|"
    "ate|eat|eating|chug|chugging|chugged|pop|popping|popped|overdose on|od on)"
)
STOCKPILE = (
    "(saving|saved|save|stockpil*|hoard*|stash*|collecting|collected|storing|stored|squirrel*|"
    "building up|built up|gathering|gathered|amassing|amassed|hiding|hid|putting aside|put aside|"
    "setting aside|set aside|counted|counted out|counting|counting out|counted up|lined up|lining up)"
)
GUN = "(gun|guns|pistol|handgun|revolver|rifle|shotgun|firearm|bullet|bullets|ammo|ammunition|exit bag|helium tank)"
BLADE = "(razor|razors|razor blade|razor blades|blade|blades|box cutter)"
# Poisons people reach for, farm and household ones included.
POISON = (
    "(pesticide|pesticides|paraquat|weed killer|weedkiller|herbicide|insecticide|rat poison|poison|antifreeze|"
    "bleach|drain cleaner|charcoal|insulin|cyanide)"
)
DET = (
    "(a |an |the |some |my |more |enough |another |a new |a long |a strong |a thick |a length of |his |her |"
    "my dads |my moms |a second |a loaded )?"
)
READY = (
    "(ready|lined up|laid out|set out|counted out|in my hand|in my hands|in hand|loaded|"
    "on my desk|on my bed|next to me|beside me|in front of me|on my lap|in my lap|all out|in my mouth|"
    "to my head|cocked|on the nightstand|on the kitchen table|on the table|out on the|in my closet|under my bed|"
    "in the drawer|in my drawer|in my bag|in the glovebox|in the shed|right here|right next to me)"
)
# Where people jump from, what they step in front of, what they drive into.
HEIGHT = (
    "(bridge|building|roof|rooftop|balcony|cliff|cliffs|window|ledge|tower|car park|carpark|"
    "parking garage|parking lot|multi storey|multistorey|multi story|overpass|flyover|top floor|"
    "skyscraper|dam|viaduct|block of flats|apartment building|highest floor)"
)
VEHICLE = "(train|trains|bus|buses|truck|trucks|lorry|lorries|car|cars|traffic|tube|subway|metro|tram)"
WATER = "(river|sea|ocean|canal|waves)"
CRASH_TARGET = f"(tree|wall|pole|lamppost|{VEHICLE}|oncoming|bridge|barrier|cliff|ditch|lake|river|sea)"

# Being gone: the shape of burden and absence beliefs.
ABSENT = (
    "(without me|if i ~(wasnt|werent|was not|were not) (here|around|alive|in it|in the picture|in their lives|"
    "in the world|in this world|born)|if i ~(was|were|am|m) (gone|dead|not here|not around|not alive|never born|"
    "out of the picture)|without (a|an|someone|somebody|people) ~like me|if i ~(died|disappeared|vanished|left this world|stopped existing|ended it|killed myself|"
    "didnt exist|never existed|was never born|wasnt born|did it|went away forever)|if im (gone|dead|not here)|"
    "(once|when|after) (im|i am|i was|i m) (gone|dead|not here)|with me (gone|dead|out of the way|out of the picture))"
)
# ---------------------------------------------------------------- context tests
HYPERBOLE_AFTER = (
    r"^\W+(of|from|with) (embarrassment|shame|cringe|boredom|laught|laughing|jealousy|envy|"
    r"excitement|happiness|cuteness|anticipation|suspense)|^\W+laughing|"
    r"^\W+for\W+(a|an|this|that|these|those|some|one|it|him|her|them|you|his|her|my|your)\b(?!\W+(life|self))"
)
# "cut him off", "cutting back on sugar": a transitive use, not self-harm.
HAS_OBJECT = (
    r"^ +(him|her|them|me|you|us|it|this|that|those|these|ties|back|down|off|out|up|through|corners|"
    r"costs|class|classes|school|carbs|sugar|caffeine|meat|dairy|gluten|alcohol|the|a|an|his|their|"
    r"our|your|some|every|everyone|everybody|people|contact|loose|across|short|someone|somebody|"
    r"toxic|friends|family|hair|bangs|fringe|paper|grass|wood|onions|my|dinner|food|bridges|calories|"
    r"candles|sage|bread|cake|pizza|fabric|coupons|ribbon)\b"
)
# "I've been cutting again" vs "I've been cutting hair": only adverbs may follow.
NOT_INTRANSITIVE = (
    r"^ +(?!(so|again|tonight|today|tomorrow|now|right|rn|soon|badly|bad|really|more|deeper|"
    r"and|but|or|because|cause|cuz|coz|when|whenever|if|i|lol|too|already|anymore|lately|recently|"
    r"honestly|though|tho|all|myself|since|for|every|each|in secret|in high school|in school|"
    r"in college|in my room|in the bathroom|a lot|alot|at night|at all|again|still|tbh|idk|"
    r"ngl|even|just|is|was|has|had|have|got|gets|keeps|won|wont|will|would|are|were|last)\b)[a-z]"
)
ACCIDENT_AFTER = (
    r"^\W+(\w+ )?(on (a|the|some|my|an)\b|by accident|accidentally|while|shaving|cooking|chopping|fell|falling|"
    r"tripped|slipped|in the sun|sunburn|at the beach|ironing|baking|gardening|"
    r"cutting (the|some|an|a)|opening|at (work|the gym|school|the kitchen)|in the kitchen|"
    r"with (the|a|an|my) (iron|kettle|pan|oven|stove|hair straighteners|curling iron|kitchen knife|"
    r"bread knife|scissors|paper))"
)
BENIGN_PURPOSE = (
    r"^[^.!?;\n]{0,40}?\b(climbing|camping|hiking|sailing|boat|gym|workout|crossfit|dog|garden|yoga|"
    r"tug of war|skipping|jump rope|hunting|range|target practice|protection|self defen[cs]e|work|"
    r"school|cooking|kitchen|shaving|shave|crafts?|art|swing|hammock|tent|moving|boxes|laundry|"
    r"washing line|clothesline|bbq|barbecue|grill)\b"
)
HABIT_AFTER = (
    r"^\W+(\w+ )?(every|each|in the morning|at breakfast|with (food|breakfast|dinner|lunch|water)|"
    r"on time|as prescribed|like (im|i am|i was|i m) supposed|consistently|regularly|daily|for the week|"
    r"for my (migraine|headache|anxiety|depression|adhd|pain|period|cold))"
)
NOT_DRUGS_AFTER = (
    r"^\W+on\W+(?!((my|his|her|their|the|some|all|these|those|a|an|sleeping|his|mums|moms|dads|nans|grandmas|"
    r"sisters|brothers|mums|partners|wifes|husbands)\W+)*"
    r"(pills|pill|meds|tablets|medication|drugs|heroin|fentanyl|opioids|painkillers|paracetamol|"
    r"tylenol|insulin|xanax|benzos|sleeping|antidepressants|tramadol|codeine|oxy|morphine|lithium|"
    r"sertraline|citalopram|quetiapine|diazepam|valium|ibuprofen|aspirin)\b)"
)
RELATIONSHIP_AFTER = r"^\W+(with|between|w)\b|^\W+(for us|on (him|her|them|us))\b"
# "I wrote him a goodbye letter I'll never send" is a closure exercise, not a note.
TO_SOMEONE_BEFORE = r"\b(him|her|them|my ex|to my ex|for my ex)( a| an| my| one last)?\W*$"
TO_SOMEONE_AFTER = (
    r"^\W+(to|for) (him|her|them|my ex|my abuser|the relationship|our relationship|my younger self|"
    r"my inner child|my past self|my old self|my future self|the old me|his|her|the ex)\b"
)
UNSENT = r"^\W+(?:\w+\W+){0,4}(i (will|ll) never send|never sent|wont send|not going to send|never send|unsent|to burn)"
DECLUTTER = (
    r"^[^.!?\n]{0,50}(declutter|charity|donat|thrift|goodwill|moving|move|salvation army|op shop|"
    r"marie kondo|spring clean|downsiz|minimalis)"
)
# "better off without me" is a warning sign; "better without me texting him" is not.
ABSENCE_VETO = (
    r"^\W+(?!(being|existing|living|breathing|in|around|here|alive)\b)[a-z]+ing\b|"
    r"^\W+(for (a|the|one|this|that|two|few|now|once)|while|this|next|during|until|till|him|her|them|so much|"
    r"at (the|work|school|a|his|her)|on (the|my|this|a|his|her|holiday|vacation)|from (social|the|this|my|his|her))\b"
)
CONTINUES = r"^ +[a-z]"  # the phrase goes on in the same clause ("before I go to bed")
WE_BEFORE = r"\b(we|were|we re|we are|us|mutual|both)\b"  # "we're ending things": a shared decision
FEELING = (
    "(anxious|overwhelmed|upset|angry|mad|sad|stressed|triggered|panicking|panicky|spiralling|spiraling|low|"
    "numb|frustrated|lonely|rejected|abandoned|ashamed|depressed|bad|awful|empty|the anxiety|anxiety|a panic attack)"
)
# "can't go on dates", "can't keep going back to him": a phrasal verb with an object, not endurance.
GO_ON_OBJECT = (
    r"^ +(?!(like|anymore|any more|any longer|without|living|much|alone|another|one more|knowing|feeling|being|"
    r"existing|if|when|and|but|i|im|so|tbh|honestly|lol|please|now|today|tonight|with (this|life|my life|it|the pain)|"
    r"this way|for much)\b)[a-z]"
)
# "a burden when I ask for reassurance": a feeling about one situation, not a belief about existing.
SITUATIONAL = (
    r"^\W+(\w+ ){0,3}(when|whenever|if|because i|for (asking|needing|wanting|having|texting|sharing|venting|"
    r"being)|by (asking|needing|texting))\b"
)
