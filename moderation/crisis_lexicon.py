"""Concepts the crisis scorer (`crisis_score`) reads: classes of words, not phrases.

The phrase rules (`crisis_rules/`) know exact shapes of language and miss the
next paraphrase; these classes name what a crisis message is made *of* — a self,
a way of not being here, a means, a time, a decision, a goodbye, a burden, an act
under way — and what talk *about* suicide is made of (helping, media, the past,
jokes, an ordinary trip). The scorer learns how much each class and each pair of
classes in one stretch of text weighs (`crisis_score_weights`), so a new way of
saying "I won't be around after Friday" is caught by its parts.

Patterns are plain regexes over the normalized text (`normalize`): lower case,
apostrophes dropped ("im", "dont", "wont"), leetspeak and spaced letters joined,
emoji kept. Keep each class about one thing; a word in two classes counts twice.
"""

from __future__ import annotations

import re

_PLACES = (
    r"bridge|overpass|flyover|roof|rooftop|ledge|edge|cliff|balcony|window|(\d+(st|nd|rd|th)|top) floor|"
    r"tracks|railway|train|freight|platform|motorway|highway|traffic|river|sea|ocean|lake|reservoir|quarry|"
    r"parking (garage|structure|deck)|car park|multi storey|tower|🌉"
)

CONCEPTS: dict[str, str] = {
    # who
    "self": r"\b(i|im|ive|id|ill|me|my|myself|mine|imma)\b",
    "other": r"\b(he|she|hes|shes|they|theyre|his|her|him|them|their|friend|friends|bf|gf|roommate|sister|brother|"
    r"mom|mum|dad|son|daughter|kid|child|someone|somebody|people|person|patient|patients|client|student)\b",
    "you": r"\b(you|youre|your|u|ur|yourself)\b",
    # what a crisis is made of
    "death": r"\b(take myself out of the equation|finish the job|(read|reading|looked|looking|research\w*) (up )?(about )?methods|methods|the courage|(dont|do not) want to be alive|(future|version|world) where im (still )?(here|alive|around)|die|dying|died|dead|death|suicide|suicidal|kill (my ?self|me)|killing (my ?self|me)|kms|kys|"
    r"unalive|unaliving|ctb|sewerslide|self ?delete|end (it|it all|my life|things|everything|myself)|"
    r"ending (it|it all|my life|things|everything)|off myself|take my (own )?life|taking my (own )?life|"
    r"game end|end of (me|the road)|final exit|rope|"
    r"finish (with )?(my life|myself|my self|everything|my story|it all)|take out my life|"
    r"(leave|go from|go out of|quit) (this|the) (world|life|earth)|put an end to (myself|my life|it all|everything)|"
    r"end with my life|(not|never) (to )?open my eyes|(dont|no|not) want (to )?live(?! (with|in|at|near|there|here|abroad|together|alone|on|like|somewhere|nearby|close|far)\b))\b",
    "gone": r"\b(had my innings|take me any time|(comot|commot) for this world|not coming back down|not get back up|out of the picture|not long for this world|(dont|do not) have another (year|week|month) in me|cant picture myself at|finishing it (tonight|today|now)|rather be dead|(nobody|no one) (ever )?(has|have|will have|is going) to (deal with|put up with) me|one less of me|lived too long|more room|putting the gloves down|(seeing|see) my (birthday|next birthday)|(dont|do not) plan on having|(go to sleep|sleep) and stay there|end of (the|my) story|(like|love) to be that calm|not stopping at|(not|never) have to come up|stop\W+not sleep|theyll understand|ill be at peace|(itll|it will) be over|one push|then me|then im out|ive lived long enough|lived long enough|after school tomorrow when|neither am i|(not|never) coming back either|going first|plans for after (he|she|they)s gone|none of them have me|(be|being) with (her|him|them) (again|soon)?|letting go|let (it|myself) go|checking out|over existing|be finished|not doing another|going through with it|thats when|gave myself until|stop waiting|see my (dad|mom|mum|grandma|grandpa|nan|brother|sister|son|daughter) (soon|again)|(wouldnt|wont|not) fight it|(swerve|crash|drive) into me|goes wrong on the table|one step|(couldnt|cant) hold on|can go without|stay down there|not (exist|existing|be here|be around|be alive|wake up|come back|coming back|come up)|"
    r"stop existing|cease to exist|disappear|vanish|(never|dont|didnt|wont) wake (up )?(again|tomorrow|in the morning|ever|at all)|make it to morning|"
    r"sleep forever|forever sleep|permanent(ly)?|(gone|go|leave|leaving|rest|sleep|end it|disappear|check out) for good|rest (forever|now|at last)|switch (off|it off)|"
    r"(wont|will not|wont be|not) (be )?(here|around)|no longer (be )?(here|around)|be gone|im gone|"
    r"world (without|w o|w/o) me|without me|go home to|going home to|coming home|meet (god|my maker|jesus)|"
    r"take me|be with (you|him|her|them|grandma|grandpa|mom|dad|mum) (soon|again)|the other side|"
    r"offline forever|permanent (vacation|nap|sleep|rest)|(its|it is) time (for me )?to go|tonights the night|"
    r"not turning the wheel|lie down somewhere|walk into|not coming back|never coming back|going home (to|tonight)|coming home (to|tonight)|not come up|in my sleep|let it be quick|quick and painless|painless|(dont|do not) think ill (be here|make it)|be (here|around) (for|after|next|by)|ill be gone|lie down (on|in) the|take me (home|away)|see (you|u) (on the other side|soon grandma)|last (time|night|day|sunset|sunrise) (ill|i will|im)|one more (will|and it))\b",
    "soon_gone": r"\b((wont|will not|wouldnt|not going to|not gonna) (be )?(a problem|a burden|needing (it|them|this|that)|need (it|them)|"
    r"matter|be around|be here|be online|be logging in|have to put up)|much longer|by then|(any|no) (more )?tomorrows?|"
    r"somewhere (nobody|no one)|if (something|anything) (happens|were to happen) to me|make it official|"
    r"after (this|tonight|tomorrow|the weekend|friday|saturday|sunday|today)( it| i| nothing)? (wont|will not|doesnt)|"
    r"(none of|nothing) (this|it) (will|would) matter|(dont|do not) (worry|bother|wait) (about|for) me|"
    r"not (online|here|around) (tmrw|tomorrow|next)|(just|only) (want|wanna) out|want out of|"
    r"(be|being) found|finds? me)\b",
    "research": r"\b(least (messy|painful) way|gun cabinet|sniper|look(ing|ed)? up|googl\w*|search(ed|ing)?|researching|how (many|much|high|long|far|deep)|"
    r"too many|would (do it|be enough|kill)|lethal|doses?|what (dose|amount|height))\b",
    "relief": r"\b((wouldnt|would not) be (fussed|bothered)|took me out|hoping the (doctor|news|results|scan)|(plane|car|bus) (goes|crashes|going) down|id welcome it|(dont|do not) care if i (wake|live|make it|die)|how long it would take|turning the wheel|(bus|truck|car|train) (hit|hits|hitting) me|hit by a (bus|truck|car|train)|(id|i would|i d) (be|feel) (relieved|at peace) if (i|a|the)|"
    r"wouldnt mind (if|one bit)|(scan|cancer|tests?|biopsy) (comes?|coming) back|"
    r"let me (not )?wake|peaceful it (d|would) be|how peaceful|(alive|living) out of habit|only alive)\b",
    "means": r"\b(pill|pills|tablets|meds|medication|bottle|bottles|overdose|od|knife|blade|blades|razor|razors|"
    r"rope|noose|belt|cord|tape|hose|exhaust|engine running|gun|rifle|pistol|shotgun|bullet|bullets|loaded|"
    r"lithium|insulin|paracetamol|tylenol|sleeping|vodka|stones|charcoal|plastic bag|" + _PLACES + r")\b"
    r"|💊|🪢|🔪|🔫|🩸|⚰",
    "time": r"\b(tonight|tonite|tomorrow|tmrw|midnight|rn|right now|now|soon|this weekend|friday|saturday|sunday|"
    r"monday|tuesday|wednesday|thursday|\d\d?(:\d\d)? ?(am|pm)|at \d\d?|after (my|this|the) shift|"
    r"when (he|she|they|everyone|my \w+) (is|are|s|goes|go|leaves|leave|falls)|counting down|this time|"
    r"an hour ago|hours ago|minutes ago|last night)\b",
    "decided": r"\b(figur(e|ed|ing) out (when|how|where)|made arrangements|i mean (that|it) literally|not the dramatic kind|actually done|(already )?thought about how|(ive|i have) (already )?(planned|figured out) (how|when|where)|made up my mind|my mind is made|decided|decision|ready|plan|planned|planning|set for|"
    r"(will|ill|gonna|going to) (do it|go through)|doing it|its time|no turning back|im done|"
    r"(ive|i have) (thought|worked) it (all )?out|prepared|preparing|the date|a date|picked|chose|chosen)\b",
    "act": r"\b(took|taken|swallowed|downed|swallowed something|locking the door|bought the stuff|waiting for everyone to leave|its in my bag|razors out|hold my breath|yank(ing)? the wheel|pockets full|past the yellow line|hose is taped|windows (are )?sealed|engine(s| is)? (on|running)|handbrake off|end of the pier|on the ice|not climbing back|not turning back|once it gets dark|door is locked|i measured|long enough|got the nerve|(pills|it|they)( are|re)? working|already in|before i cant type|already drank|skull on it|name label|front door unlocked|in my pocket|stacking|counted (them|it) (twice|again)|its enough|ordered something|under my bed|in my closet|out of (his|her|the|my) safe|(walked|went) (right )?up to the|sat on the edge|trains go by|scoped out|no cameras|top level|on top of my|counted them|there(s| is) enough|(i have|ive got|got) (the|my|all the|enough) (pills|blade|rope|gun|meds)|bought (everything|what) i need|in the trunk|been sitting here|top floor|setting my alarm|(drove|walked|went) (up )?to the|til i bleed|until i bleed|bleed|marks|bandaids?|broke it|keys|doing it right now|right now on my|(bottle|pack|packet)s? (is |are )?(empty|gone)|bleeding|bled|blood|"
    r"deeper|deep|opened (up )?my|standing (on|at|by|in)|sitting (on|at|in)|(walked|walking|drove|driving) "
    r"(out |down |up )?(to|into|towards)|holding|in my hand|next to me|with me now|on the passenger|"
    r"tied|counting|kicked|stopped eating|keeping the extras|saved up|stockpil\w*|collected|"
    r"enough now|almost enough)\b",
    "harm": r"\b(cut|cuts|cutting|cutted|burn(ed|t|ing)? (my ?self|my)|scratch\w* (my )?(arms?|skin|legs?)|bit(e|ing)? my (own )?(hand|arm|lip|fingers)|carrying a blade|cut again|started again|raw with|hit(ting)? (my ?self|my head)|"
    r"hurt(ing)? my ?self|harm(ing)? my ?self|self ?harm\w*|sh|scratch(ed|ing)? (my|until)|carv\w*|"
    r"punch(ed|ing)? (my ?self|walls?|the wall)|relaps\w*|scars?|wounds?|bruises|starv\w* (my ?self|on purpose)|"
    r"(havent|not|stopped) eat(en|ing) (in|for) (\d+|days|a week|two|three|four|five)|no food|waste away|knuckles)\b|🩸",
    "burden": r"\b(taking up space|a drain on|useless (dad|mum|mom|father|mother|son|daughter|wife|husband)|worth more than i am|a weight on everyone|doing them a favou?r|worth keeping|the world needs one less|burden|better off|nobody (would|will|even) (notice|care|miss)|no one (would|will|even) "
    r"(notice|care|miss)|(wouldnt|wont) (notice|care|miss)|(dont|not) need me|easier (for everyone|without)|"
    r"(im|i am) the problem|remove the problem|happier without|do everyone a favou?r|better (off )?(w|with)o?(ut)? me|world is better|life insurance|(kids|family|everyone) would be (so much )?better|nobody needs me|no one needs me|(dont|not) need me (more|anymore))\b",
    "hopeless": r"\b(point of staying|run out of reasons|reasons to stay|list keeps getting shorter|done done|the only way (it|they|this) (stops?|ends?) is|until my body|no point|pointless|no reason|whats the point|cant go on|cant do this|cant keep|keep going|"
    r"give up|giving up|gave up|nothing left|cant carry|cant take (it|this)|tired of (being|living|life|it|"
    r"everything|trying|fighting|existing)|done with (life|everything|it all|living)|want (it|this|everything|"
    r"the pain) to (stop|end|be over)|make it stop|wont hurt|stop (the )?hurting|no way out|trapped|hopeless|"
    r"worthless|cant anymore|why (keep|bother|go on|keep going)|nothing (left )?(i|to) look forward|(cant|dont want to) (do|take|live like) (this|it|that) anymore|over for good|all over|cleaner this way|had enough|so tired)\b",
    "wish": r"\b(want|wanna|wish|wishing|hope|hoping|pray|praying|ask (him|god|the universe)|be fine with|"
    r"okay with|ok with|at peace|id rather|just want|cant wait|keep thinking|thinking (about|of)|"
    r"fantasi\w*|picturing|imagining|all i think|cant stop thinking|tempting|tempted|urge|urges)\b",
    "final": r"\b(cleaning out my room|so nobody has to|tidy before|auto.?post|youll understand|(wont|will not) be needing my|cancelled the (pharmacy|prescription|refill)|(can|could) have my (clothes|stuff|things|car|laptop)|if something (happened|happens) to me|passwords?|envelope|spare key|beneficiar\w*|life insurance|who gets|loose ends|tying up|sort(ed|ing) (out )?everything|delet(ed|ing) (old |all )?(my )?(messages|photos|texts|accounts|everything|socials)|automatic feeder|left a note|found a (good )?home for|gave (my \w+ )?(my|away|him|her) (\w+ )?(playstation|games|guitar|cat|dog|things|stuff|books)|paid off|so (nobody|no one) (has to|inherits|needs)|(nobody|no one) (has|needs) to (deal|worry|go through)|remembers? about me|(wont|will not) have to deal|unsaid|last (message|msg|post|goodbye|words|letter)|goodbye|goodbyes|bye( everyone| all)?|"
    r"farewell|one last|final|tell (my|him|her|them) (i|that i) love|take care of my|look after my|"
    r"who gets my|password|my peace|made (my )?peace|(not|wasnt|isnt) (ur|your|anyones) fault|"
    r"none of this was|thank(s| you) (all|everyone|for everything)|grateful for (this|you|everyone)|"
    r"love you all|forgive me|gave (my|away)|giving away|given away|deleted (all )?my|cancelled|"
    r"note|letter|letters|will and|my will|after im gone|when im gone|after\.?$|need it after)\b",
    "hide": r"\b(dont tell|no reason|without (them|anyone) knowing|told no one|(my wife|my husband|my partner|nobody|no one) (doesnt|does not|dont) know|not going to tell|think(s)? im at|no ones awake|so no one|(dont|do not) want to call|cant let anyone see|just wanted to tell someone|just (wanted|want) someone to know|(dont|do not) report|location off|turned (off )?(my )?location|dont tell anyone|(please|plz) dont|nobody (knows|will know)|secret|"
    r"not asking for help|dont bother|dont (try|come|look)|turned off|left my phone|on purpose|"
    r"nobody will even notice|just letting (someone|you) know)\b",
    # what talk about suicide is made of
    "loss": r"\b(passed|passed away|funeral|took (her|his|their) (own )?life|died by suicide|lost (him|her|them|my \w+) to|"
    r"grief|grieving|memorial|rip|in memory|anniversary of (her|his|their)|"
    r"(grandad|grandpa|grandma|granddad|gran|nan|uncle|aunt|dad|mom|mum|father|mother|friend|cousin) (died|passed))\b",
    "idiom": r"\b(kill me now|jump(ing)? off the deep end|(letter|note) to my (younger|future|inner|past|older) self|"
    r"disappear for (a|the) (weekend|while|bit|few days|week|day)|turn(ing)? off my phone|dead to the world|dead tired|dead on my feet|(die|dying|died) (of|from) (embarrassment|shame|cringe|"
    r"laughter|laughing|boredom|thirst|hunger|cuteness)|dying to (see|meet|try|know|go|get|hear|watch)|to die for|"
    r"killing it|killed it|slayed|im dead|i died|(wake|woke) up (late|early)|disappear (under|into|in) (a|the|my)|"
    r"(bridge|chess|book|railway|model \w+|running|dance|drama) club|with (breakfast|dinner|lunch|food|water|a meal)|"
    r"as prescribed|yeet (my|the|this) (laptop|phone|computer|tv)|deadline|dead (battery|phone)|phone (is|was|went) dead|"
    r"(could|would) sleep (for )?(a week|forever|all day|days)|disappear from (social media|the internet|instagram|"
    r"facebook|tiktok|twitter|the group|the chat|online)|out of my life|took (my|the) (meds|pills|tablets|medication) "
    r"(this|with|as|before|after|at))\b",
    "supportive": r"\b((im|i am|ill be|i will be|were|we are) (always )?here (for (you|u)|if (you|u)|buddy|friend)|"
    r"(you|u) (are|re|r) (not alone|loved|worth|valid|strong|enough|needed|important)|youre (not alone|loved|worth|valid|"
    r"strong|enough|needed|important)|please (stay|dont give up|reach out|talk to|hold on|call)|(reach|talk) (out )?to "
    r"(someone|a therapist|a doctor|a professional|a crisis)|(consider|think about) the consequences|sending (love|hugs|"
    r"support)|hugs|lucky to have you|proud of you|it gets better|hang in there|(we|i) need (you|u) here|"
    r"(dont|do not) (stress|blame yourself)|take care of yourself|you (deserve|matter))\b",
    "joke": r"\b(lol|lmao|lmfao|jk|haha\w*|kidding|joking|rofl)\b|😂|🤣|💀|😭|/s\b",
    "helping": r"\b(how (do|can|should|would) (i|we|you|u) (help|ask|talk|support|respond|say|approach|know|tell)|"
    r"safety plan|(told|telling|tell) my (therapist|counsell?or|doctor|psychiatrist|gp|care team)|"
    r"what (do|should|can) (i|you|u|we) (say|do)|how to (help|talk|ask|support|respond|spot)|"
    r"(worried|worry|scared) (about|for) (my|him|her|them)|should i (be worried|take|call|tell|worry)|"
    r"advice|tips|resources|hotline|crisis line|volunteer\w*|training|workshop|awareness|prevention|"
    r"check(ing)? in on|asked (me )?if i)\b",
    "media": r"\b(book|novel|film|movie|show|series|episode|season|song|lyrics|lyric|album|poem|poet|news|"
    r"article|documentary|character|celebrity|tiktok|podcast|study|research|statistics|history|writer|author|"
    r"essay|class|lecture|thesis|romanticis\w*|romanticiz\w*|play|scene|ending|chapter|story|stories|fiction|"
    r"draft|preach\w*|sermon|verse|verses|pastor|bible|scripture|homily)\b",
    "past": r"\b(years ago|months ago|year ago|used to|back then|when i was|(days|weeks|months|years) (clean|free|"
    r"since)|clean (for|since)|in recovery|recovered|recovering|survived|survivor|saved my life|got (me )?through|"
    r"made it through|anniversary|glad i (stayed|didnt|am still|m still)|first time in|haven?t (cut|self|harmed)|"
    r"winters ago|summers ago|(\d+|a|one|two|three|four|five|six) (years|months))\b",
    "negated": r"\b(not suicidal|never (would|will|do that)|no (urges|thoughts|plans)|dont want to die|"
    r"not (going|gonna) to (do|hurt|kill)|im safe|i am safe|not in danger|not like that|"
    r"not that kind|(honestly |truthfully )?said no|im not (gonna|going to) do anything|"
    r"(im|i am|i m) not (a burden|the problem|worthless|hopeless|broken)|not a burden)\b",
    "language": r"\b(word|words|term|phrase|say|saying|means|meaning|language|definition|spell|grammar|"
    r"instead of|called)\b",
    "ordinary": r"\b(trip|vacation|holiday|retreat|moving (in|out|house|to|everything)|move (in|out|to)|new job|"
    r"discord|server|group chat|flight|coast|beach|work|job|company|office|meeting|exam|exams|homework|"
    r"class|game|gaming|skyrim|minecraft|fortnite|mod|level|boss|pharmacy|pharmacist|prescription|refill|"
    r"supply|doctor|dentist|recipe|cooking|onions|gym|workout|marathon|diet|fasting|night shift|nap|is it safe|safe to take|dose|dosage|side effects|levels|interaction|"
    r"karaoke|party|concert|deadline|project|camping|hiking|festival|wedding|signal|text me|see (you|u|yall)|"
    r"accidentally|usual|swing|climbing|knot|boat|fishing|surgery|chemo|hospice|university|guardianship|"
    r"password manager|emergency access|baby|wedding|graduation)\b",
}

# Pairs of classes that mean more together, in the same sentence or the next one.
PAIRS: tuple[tuple[str, str], ...] = (
    ("self", "death"),
    ("self", "gone"),
    ("wish", "death"),
    ("wish", "gone"),
    ("means", "time"),
    ("means", "act"),
    ("means", "decided"),
    ("means", "self"),
    ("time", "decided"),
    ("time", "gone"),
    ("time", "death"),
    ("final", "gone"),
    ("final", "death"),
    ("final", "time"),
    ("final", "means"),
    ("final", "hide"),
    ("hide", "means"),
    ("hide", "act"),
    ("harm", "self"),
    ("harm", "time"),
    ("harm", "act"),
    ("burden", "self"),
    ("burden", "gone"),
    ("hopeless", "death"),
    ("hopeless", "gone"),
    ("hopeless", "final"),
    ("decided", "gone"),
    ("decided", "death"),
    ("act", "time"),
    ("other", "death"),
    ("other", "harm"),
    ("you", "death"),
    ("joke", "death"),
    ("joke", "means"),
    ("helping", "death"),
    ("helping", "harm"),
    ("media", "death"),
    ("past", "death"),
    ("past", "harm"),
    ("negated", "death"),
    ("language", "death"),
    ("ordinary", "final"),
    ("ordinary", "means"),
    ("ordinary", "death"),
    ("loss", "death"),
    ("loss", "gone"),
    ("harm", "hide"),
    ("burden", "time"),
    ("gone", "hide"),
    ("idiom", "death"),
    ("idiom", "gone"),
    ("soon_gone", "self"),
    ("soon_gone", "time"),
    ("soon_gone", "final"),
    ("research", "means"),
    ("research", "death"),
    ("relief", "death"),
    ("relief", "self"),
    ("wish", "relief"),
    ("wish", "soon_gone"),
)

COMPILED: dict[str, re.Pattern[str]] = {name: re.compile(source) for name, source in CONCEPTS.items()}
