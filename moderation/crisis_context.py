"""Context around a crisis match: who is speaking, when, and about what.

The rules (`crisis_rules/`) say what a phrase means when the writer says it of
themselves, now. This module decides, per hit, whether that is what is
happening: a negation ("I would never..."), the past or recovery ("400 days
since I last hurt myself"), reported speech ("he told me to kill myself"),
helping or prevention ("how do I ask a friend if they're suicidal?"), media and
quotation ("Plath writes about wanting to die"), language advice ("say 'died by
suicide'") and jokes ("this meeting, I'm going to shoot myself lol") all make a
hit "topic": talk about suicide, not a crisis. A time ("tonight") or a decision
("I've decided") makes a distress hit imminent.
"""

from __future__ import annotations

import re
from functools import lru_cache

SENTENCE_END = re.compile(r"[.!?;\n]|\bbut\b")
SENTENCE_END_REVERSED = re.compile(r"[.!?;\n]|\btub\b")  # "but", read backwards
WORD = re.compile(r"[a-z0-9]+")

# A negation only counts when it governs the phrase: "I'm not going to hurt myself",
# "I would never ever kill myself". In "it's not fair, I want to die" the words in
# between ("fair i") are not glue, so the crisis stands.
_NEGATORS = (
    "not|never|no longer|dont|doesnt|didnt|wont|wouldnt|isnt|arent|wasnt|havent|hasnt|"
    "no (thoughts?|urges?|plans?|intention|intentions|desire|wish) (of|to|about)|"
    "nothing to do with|stopped|quit"
)
_GLUE = (
    "i|im|ive|id|ill|am|was|be|been|ever|really|actually|even|going|gonna|to|want|wanna|planning|"
    "trying|that|at|all|honestly|seriously|like|thinking|about|of|feeling|any|more"
)
NEGATION = re.compile(rf"\b({_NEGATORS})(?: (?:{_GLUE}))*$")
# "at 14" is an age ("at 14 I tried"); after these words it is a clock time ("my shift ends at 11").
_NOT_A_CLOCK = "".join(
    f"(?<!{word} )"
    for word in ("ends", "end", "starts", "start", "closes", "leaves", "leave", "finishes", "finish", "off", "out",
                 "home", "back", "tonight", "tomorrow", "today", "morning", "night", "shift", "done", "up", "there",
                 "here", "arrives", "lands", "until", "till", "til", "by", "around", "about", "go", "going")
)
PAST = re.compile(
    r"\b(used to|years ago|months ago|year ago|month ago|a while ago|last year|in the past|"
    r"been clean|clean for|clean from|days clean|weeks clean|months clean|years clean|recovered|"
    r"in recovery|recovering from|when i was (younger|a teen|a teenager|a kid|a child|a baby|little|small|young|"
    r"in school|\d+)|"
    r"as a (teen|teenager|kid|child)|in high school|back then|back in|(?<!havent )(?<!hasnt )(?<!cant )stopped|survivor of|survived|"
    r"free from|free of|(days|weeks|months|years)\W+(\w+\W+){0,2}free|(self\W?harm|sh|cutting|relapse)\W+free|old (self\W?harm\W+|sh\W+|cutting\W+)?scars?|"
    r"at age \d\d?\b|" + _NOT_A_CLOCK + r"at \d\d\b(?! ?(am|pm|oclock|tonight|today|tomorrow))|(years|months) later|"
    r"(?<!not )(?<!not too )(?<!not that )(?<!not so )long ago|"
    r"(self\W?harm|sh|cutting)\W+scars|(days|weeks|months|years|winters|summers) (since|ago)|"
    r"(one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+) (years|winters|summers) ago|"
    r"saved my life|got me through|i made it through|glad i (stayed|didnt|am still|m still)|"
    r"since i last|(first|last) time i (tried|attempted|did)|that was (the|my) (low|lowest|worst)|"
    r"\d+ (days|weeks|months|years) (no|without|free of|clean of|off)|not (for|in) (about |over |almost |nearly )?"
    r"(a|one|two|three|\d+) (year|years|month|months)( now)?|instead\W+(\w+\W+){0,3}proud|"
    r"proud of (me|myself)|used my (\w+ )?(skills?|trick|coping|plan)|rode (it|the urge) out|didnt act on|"
    r"(all )?through (high school|middle school|school|college|uni|university|my teens|my twenties|my childhood)|"
    r"(in|of|for most of|through) my (early |late )?(teens|twenties|thirties)|old me|the old me|"
    r"how far (ive|i have) come|i remember the (night|day|time|year) i|before (\w+ )?(years|months)|the year i (was|turned)|"
    r"when i first (joined|came|started|got)|when i (started|began) (here|therapy|meds|treatment)|"
    r"(the )?(summer|winter|spring|fall|autumn|year) (that |when )?i was \d+|i was \d+ and|"
    r"(freshman|sophomore|junior|senior) year|once upon a time|in college|at uni|back in (19|20)\d\d|in (19[5-9]\d|20[01]\d|202[0-3])|"
    r"what (finally |actually |really )?helped (me )?was|the (thing|one thing) that (finally |actually )?helped|"
    r"was how i (coped|dealt|survived|got through)|"
    r"(months|years|weeks) after my (attempt|overdose)|(years|months|weeks|days) without|"
    r"in (about |over |almost |nearly )?(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten) (years|months)|i was that (person|girl|guy|kid|one)|in over a (year|month)|"
    r"now (im|i am|ive got|i have) (okay|ok|fine|better|stable|safe|happy|doing (well|better|good)|in a good|(a )?"
    r"(good|great|new|stable|kind|loving))|(im|i am) (okay|ok|fine|better|stable|safe|doing better) now)\b"
)
# The past that is over: a "keep_past" rule ("after my second attempt") still yields to these.
LONG_AGO = re.compile(
    r"\b(years ago|months ago|year ago|(years|months|winters|summers|year|decade) (since|ago|later|clean|free)|"
    r"used to|when i was|i was \d\d?\b|as a (teen|teenager|kid|child)|in high school|in recovery|recovered|been clean|"
    r"survivor|saved my life|got me through|back then|a long time ago|since then|(\d+|one|two|three|four|five|six|"
    r"seven|eight|nine|ten) years)\b"
)
# A story told of long ago: "Two years ago this week I tried to take my life. I took a bottle of
# pills in my dorm room and my RA found me." The second sentence carries no time of its own.
_TOLD_IN_PAST = re.compile(
    r"\b(took|tried|was|were|had|did|attempted|wanted|wrote|cut|overdosed|swallowed|ended up|woke up|found me|"
    r"got admitted|was admitted|spent)\b"
)
_SAID_IN_PRESENT = re.compile(
    r"\b(im|i am|i want|i wanna|i cant|i will|ill|i have|ive got|i keep|i need|i feel|i just want|i might|"
    r"since i was|ever since|always|my whole life|for years)\b"  # "I wished for it since I was a kid": ongoing
)
_NOW = re.compile(
    r"\b(tonight|tonite|right now|rn|today|last night|just now|an hour ago|minutes ago|again|still|lately|"
    r"these days|recently|anymore|every day|everyday)\b"
)


def recounted(whole: str, message: str) -> bool:
    """The sentence tells, in the past tense, part of a story dated long ago: by the sentence
    itself ("a year ago I was in hospital after trying to end my life"), or by the message
    when nothing in it is recent."""
    if not _TOLD_IN_PAST.search(whole) or _SAID_IN_PRESENT.search(whole):
        return False
    return bool(LONG_AGO.search(whole) or (LONG_AGO.search(message) and not _NOW.search(message)))


# A negation that still says the wish is there: "the only reason I haven't killed myself yet",
# "why shouldn't I", "if I don't end my life".
STILL_WANTED = re.compile(
    r"\b(yet|only reason|only thing (stopping|keeping)|why (should|shouldnt|would|wouldnt|not)|if i (dont|didnt)|"
    r"but i (want|wanna|wish|might|will)|barely|almost|came close|so close|trying not to|try not to|"
    r"struggling not to|doing my best not to|fighting (the urge|not))\b"
)
# "When he left I wanted to die" is a memory; "last night I wanted to die" is not.
PAST_DESIRE = re.compile(r"\bwanted to (go )?(die|be dead|not (be here|exist|wake up)|disappear)\b")
RECENT = re.compile(
    r"\b(last night|tonight|today|this morning|this evening|yesterday|earlier|just now|an hour ago|right now|"
    r"again|still|all day|all week|every day|everyday|so bad|so much)\b"
)
# Someone else's words about the writer: "he told me to kill myself" is abuse suffered, not intent.
REPORTED_SPEECH = re.compile(
    r"\b(told|tells|telling|tell|said|says|saying|texted|messaged|commented|wrote|asked|asking)( me)? "
    r"(to|that i should|i should|i ought to|why i dont|why dont i|go)( just| go)?\W*$"
)
# Helping someone, prevention and training: the sentence is about what to do, not about the writer.
HELPING = re.compile(
    r"\b(how (do|can|should|would|could) (i|we|you|one|someone|people|parents)( best)? (help|ask|talk|"
    r"support|tell|know|respond|reach|approach|bring|check|spot|recognise|recognize)|"
    r"how to (help|ask|talk|support|respond|spot|recognise|recognize|check)|"
    r"(ask|asking|asked) (me )?([a-z]+ ){0,2}(directly )?(if|whether) (i|im) (was|am|were|had been|have been|m)\b(?![^.!?]*\b(and|so) i (said|told|admitted) (yes|yeah|the truth))|"
    r"(ask|asking|asked) ([a-z]+ ){0,2}(directly )?(if|whether|about) (they|theyre|he|hes|she|shes|you|youre|"
    r"someone|people)|how (do|can|should) (i|we) (get|encourage|convince|persuade) (him|her|them) to|"
    r"how (do|can|should) (i|we) (set boundaries|deal with|cope with|handle|respond to|react to|manage)|support group|(talk|talks|talking|speak|speaks) about [a-z ]{0,20}openly|tak(e|ing) (her|him|them) seriously|"
    r"warning signs|prevention|awareness|training|safety plan|crisis line|hotline|helpline|"
    r"(if|when) (someone|a friend|your friend|a loved one|somebody|anyone|a person|people|friends|they) (says|say|tells|tell|"
    r"is|are|talks|talk|mentions|mention|seems|seem|shows|show|feel|feels)|what (do|should|can) (i|you|we) (say|do) "
    r"(if|when|to)|what (do|should|can) (i|you|we) (reply|respond|answer|write back)|"
    r"thinking about suicide\W+(is|are) (more )?common|myths? about|research (on|about|into)|"
    r"statistics|rates of|talking about (it|suicide) (openly|directly|helps|doesnt)|"
    r"what (do|should|can) (i|u|you|we) (even |possibly )?say (to|when|if|back)|"
    r"should (i|we) (take (it|that|this|him|her|them) seriously|be worried|worry|call (someone|the|911|999|112))|"
    r"what (is|s) the (protocol|procedure|policy|right thing)|(warning|red) (signs|flags) (of|that|someone)|"
    r"how (do|can|should) (i|we) (tell|bring (it|this) up|explain) (to )?(a|my|our|him|her|them|someone|people))\b"
)
# Books, films, songs, the news, quotation: describing someone else's words.
MEDIA = re.compile(
    r"\b(book|novel|novels|memoir|film|films|movie|movies|tv show|the show|this show|series|episode|documentary|"
    r"song|songs|lyric|lyrics|album|poem|poems|poet|poetry|author|writes|wrote about|sings about|character|"
    r"characters|protagonist|narrator|article|the news|news report|headline|headlines|journalist|podcast|essay|"
    r"chapter|hamlet|ophelia|plath|sylvia|woolf|cobain|bell jar|13 reasons|thirteen reasons|read about|"
    r"quoted|the scene|in the story|researchers|literature|anime|manga|the plot|the play|the ending|premise|"
    r"book club|the book|reading|memoir|biography|thesis|dissertation|studies|(higher|high|increased) risk|"
    r"presentation|course|paper|stigma|writing about|(my|a) (placement|module|dissertation|survey|study)|"
    r"(social work|nursing|psychology|medical) (placement|student|course|degree|class))\b"
)
# Language advice: talking about the words themselves.
LANGUAGE = re.compile(
    r"\b(say|saying|use|using|write|writing|the (phrase|term|word|words|expression)|instead of|rather than|"
    r"stop saying|dont say|language|wording|terminology|phrase|phrasing)\b[^.!?\n]{0,25}['\"\u201c\u201d]|"
    r"\b(algospeak|euphemism|euphemisms|can we (just )?say|the word \w+ (is|feels|sounds))\b|"
    r"['\"\u201c\u201d][^'\"\u201c\u201d]{0,30}['\"\u201c\u201d]\W+(\w+ )?(is|are|sounds|implies|means|helpful|"
    r"harmful|okay|ok|better|worse|offensive) |"
    r"\b(died by suicide|committed suicide\W+(implies|sounds|is outdated|suggests)|person first language|"
    r"safe messaging|reporting guidelines)\b|"
    r"\bwhat (does|do) [^.!?]{1,30} mean\b|\bdifference between\b|"
    r"\b(respectful|right|correct|proper|appropriate) (language|word|words|term|terms|way to (say|write|put))\b"
)
# An ordinary departure: a goodbye said before a move, a trip, a new job or a new group.
DEPARTURE = re.compile(
    r"\b(moving|move (in|out|to|into)|moved|new (job|program|city|place|chapter|school|team|community|role)|"
    r"discord|server|retreat|trip|vacation|holiday|for a (while|bit|few (days|weeks))|onto|starting (a|my|the|at)|"
    r"graduat\w*|retir\w*|childhood home|camping|(no|zero) (signal|wifi|service)|text me|"
    r"see (you|u|yall|ya|everyone) (all )?(soon|later|next|there|on|in|when)|be back (on|in|next|soon)|"
    r"last day (at|of) (work|the|my)|new adventure|relocat\w*|deploy\w*|off to|flight|"
    r"(moving|switching|migrating) (everything|over|to)|handing over|stepping down|as (a )?(moderator|mod|admin)|"
    r"muting (it|the|this)|baby was born|guardians?|adulting|estate plan\w*|after (we|i) (got married|bought)|"
    r"new (house|baby)|(first|our|the) baby|mortgage|sold the (house|flat|car)|as your \w+( rep)?|for (university|uni|college)|hospice|"
    r"surgery|operation|chemo)\b"
)
# Asking what to do for someone else: "should I tell his parents?", "what number can I give him?"
ASKING_FOR_THEM = re.compile(
    r"\b(should i|should we|do i|how (do|can|should|would) (i|we)|what (do|should|can|would) (i|u|you|we)|"
    r"any (tips|advice|ideas)|is it (normal|serious|bad|safe)|is there anything|what number|who (do|should|can) (i|we) "
    r"(call|tell|contact)|how common|what are the (signs|warning signs)|what would (u|you) do|did i do the right thing|"
    r"was i right to|should i have|which (number|hotline|line|helpline))\b[^.!]*\?|"
    r"\b(any tips|advice (please|needed)|what would (u|you) do)\b|"
    r"\bwhat (do|should|can) (i|we) do (while|now|next|until|when|if)\b|"
    r"\b(any|are there (any )?) ?(\w+ )?(parents|partners|friends|folks|people|one|body|others?|mums|moms|dads) "
    r"(here|else) (who|been|that|with|have|had|went|in)\b[^.!]*\?|been through (this|something like this|the same)\b[^.!]*\?|"
    r"\bwhat (actually )?(helped|works|worked|helps) (for )?(you|your|them|him|her)\b|\b(love|like|want) to hear (what|how)\b|"
    # what the writer has already done for them: a helper, not the person in crisis
    r"\b(called|rang|phoned|texted|told) (her|his|their|my \w+s?) (mom|mum|dad|parents|gp|doctor|therapist|counsel?lor|"
    r"school|sister|brother)|welfare check|\b(booked|took|drove|brought|got) (him|her|them) (to|with|an? |into|in to)\b|"
    r"\bstayed with (him|her|them)\b|\b(we|i) (called|rang|phoned) (a|the) (crisis|help) ?line|"
    r"\b(hes|shes|theyre|he is|she is|they are) (seeing|getting|staying)|"
    r"\b(he|she|they|hes|shes|theyve|he has|she has|they have) (has |have )?got (a|an) (referral|appointment)|"
    r"\bwe (went|go|are going) to (the|a|his|her|their) (gp|doctor|hospital|er|therapist)|\b(got|was|been) admitted\b"
)
# What a departure never says: it is final, or the writer despairs.
NOT_A_TRIP = re.compile(
    r"\b(forever|for good|for ever|anymore|no more|never (see|talk|hear)|wont (see|be back|come back)|"
    r"cant (do|take|go on)|tired of|sorry for everything|my fault|burden|pills|rope|bridge|die|dead|end it|before i go|"
    r"new home for|rehom\w*|told (her|him|them|everyone|my \w+) (i|im|it|its|that)|(no|not a|not really a) trip|"
    r"not really a lie|it isnt|letters?|note|set to send|(nobody|no one) (has|needs) to)\b"
)
# A debate about the ethics or politics of dying: euthanasia, the death penalty.
DEBATE = re.compile(r"\b(euthanasia|assisted (dying|suicide)|right to die|death penalty|capital punishment|dignitas|"
                    r"darwinism|darwin award)\b")
# Jokes and exaggeration: a small everyday annoyance and a laugh.
JOKE_MARK = re.compile(
    r"(\blo+l\b|\blmf?a+o+\b|\bha(ha)+\b|\bhehe\b|\bjk\b|(?<!not )(?<!no )\bjoking\b|(?<!not )\bkidding\b|\brofl\b|"
    r"\bxd\b|/s\b|/j\b|\bnot literally\b|"
    r"\U0001f602|\U0001f923|\U0001f605|\U0001f643|\U0001f480)"
)
ANNOYANCE = re.compile(
    r"\b(one more|another|this|if i have to|if i hear|if i see|if this|if my|if they|if he|if she)\W+(\w+\W+){0,4}?"
    r"(meeting|meetings|email|emails|zoom|call|calls|budget|spreadsheet|exam|exams|homework|assignment|class|"
    r"lecture|traffic|commute|song|ad|ads|queue|line|printer|wifi|update|deadline|shift|customer|customers|all\W?hands|"
    r"standup|stand up|webinar|training session|"
    r"karaoke|group chat|presentation|monday|mondays|game|match|episode|season|cringe|joke|pun|meme|"
    r"spoiler|spoilers|team|referee|ref|boss|manager|coworker|landlord|tax|taxes|paperwork|story|stories|selfie|"
    r"tiktok|reel|group project|8am|9am|alarm|voice note)\b|"
    r"\b(im|i am|i m) (so )?(embarrassed|dead|deceased|screaming|crying|weak)\b"
)
# The writer takes it back in so many words: "(jk I'm just going to cry into my flashcards)".
RETRACTED = re.compile(r"(\bjk\b|\bjust kidding\b|(?<!not )(?<!no )\bjoking\b|(?<!not )\bkidding\b|/s\b|/j\b|/jk\b|"
                       r"\bnot literally\b|\(i am not\b|\(im not\b|\(please dont\b|"
                       r"\bnot (that|the) kind( of (letter|goodbye|note))?\W+(dont|do not) worry\b|"
                       r"\bthe (relationship|situationship|friendship|lease|contract|subscription) i mean\b|"
                       r"\bnothing (dramatic|sinister|dark|to worry about)\b|\b(its|it s|it is) (just )?(practical|sensible|admin)\b)")
# "kms fr this time not joking": the writer says it is no joke.
SERIOUS = re.compile(r"\b(not (joking|kidding)|no joke|im serious|i mean it|for real this time|fr this time|"
                     r"(disappointed|sad|angry|upset|pissed) (that )?i woke up)\b")
# The idiom of exasperation ("one more reply-all and I'll walk into the sea").
_INTO_THE_SEA = re.compile(r"\b(walk|walking|wade|wading|swim|swimming) (in|into|out to|out into) the (sea|ocean)\b")
# A condition on one more of something ordinary: the shape of the exasperated joke.
_IF_ONE_MORE = re.compile(r"\bif (\w+\W+){0,5}?(one more|another|once more)\b")
_IF_I_HAVE_TO = re.compile(r"\b(if i have to|if i hear|if i see|one more|another)\b")


def obvious_joke(window: str) -> bool:
    """ "If I have to sit through one more all-hands I'll walk into the sea lol": an
    annoyance, a conditional and a laugh together, so even a plan's words are a joke."""
    if RETRACTED.search(window) and not SERIOUS.search(window):
        return True  # "gonna jump off a cliff, see you never (jk i'm just gonna cry into my flashcards)"
    if SERIOUS.search(window):
        return False
    if _IF_ONE_MORE.search(window) and (ANNOYANCE.search(window) or _INTO_THE_SEA.search(window)):
        return True  # "If my manager schedules one more 8am meeting I'm going to walk into the sea."
    return bool(JOKE_MARK.search(window) and _IF_I_HAVE_TO.search(window) and ANNOYANCE.search(window))


# "this is happening soon" (never "this week", which is mostly venting).
TIME = re.compile(
    r"\b(tonight|tonite|tomorrow|tmrw|tmr|right now|rn|this weekend|at midnight|"
    r"in (an|a few|two|a couple of|one) (hour|hours|minutes)|later tonight|tonights the night|"
    r"when (everyone|they|my parents|my family|my roommate|my wife|my husband|my partner)\w* "
    r"(is|are|s|re|goes|go|gets|get|leaves|leave)\b ?(asleep|out|gone|to sleep|to bed|home)?|"
    r"(on|this|next) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"before (morning|dawn|sunrise|my birthday|christmas|the weekend)|is the (day|night)|"
    r"at \d\d?(:\d\d)? ?(am|pm)?\b(?! (years|days|weeks|months))|at \d\d?\W\d\d|"
    r"after (work|dinner|school|class|my shift|the shift|church|everyone leaves|they leave|she leaves|he leaves)|"
    r"after (everyone|they|my parents|my family|she|he|the kids|my wife|my husband) (goes|go|has gone|have gone|went) to "
    r"(bed|sleep)|(nobody|no one|noone)( s| is|s)? (home|here|around|back) (till|until|for)|"
    r"(once|when|as soon as) (my |the )?(parents|mum|mom|dad|family|everyone|house|flat|roommate|wife|husband|"
    r"partner|kids|they|she|he) (are|is|s|goes|go|gets|get|leaves|leave|falls|fall)?\W?(asleep|out|gone|empty|"
    r"to sleep|to bed|at work|away)|"
    r"the night i)\b"
)
# A decision or a prediction about oneself: "I've decided to...", "I'm going to..."
DECIDED = re.compile(
    r"\b(decided|ive decided|made up my mind|im going to|i m going to|i am going to|im gonna|i will|ill|"
    r"planning to|plan to|i plan|ready to|about to|doing it|going to do it|gonna do it|im doing)\b"
)
# It goes on now, whatever past is told around it: "I still want to die most mornings".
STILL = re.compile(r"\b(still|to this day|these days|most (mornings|nights|days)|every (morning|night|day)|"
                   r"right now|again)\W+(\w+\W+){0,3}$")
# The other person's words restated in a reply: "you said tonight the urge is loud", "I hear you saying".
REPORTED_YOU = re.compile(r"\b(you said|you say|you wrote|you mentioned|you told (me|us)|when you say|sounds like you|"
                          r"it sounds like|reading your post|in your post|i hear (that )?you|hear you saying)\b")
# A message that opens with the writer's professional or volunteer role: "GP here.", "School counsellor."
ROLE = re.compile(r"^\W*((?!my |our |your )(\w+ ){0,2}(therapist|counsell?or|gp|doctor|nurse|psychiatrist|psychologist|social worker|"
                  r"chaplain|peer worker|peer supporter|volunteer|teacher|paramedic|researcher|moderator|"
                  r"crisis (line|worker|counsell?or))( here\b| at\b| by trade\b| speaking\b| ?[.:,(])|(im|i am) an? (\w+ )?(nurse|"
                  r"therapist|counsell?or|gp|doctor|psychiatrist|psychologist|social worker|paramedic)\b)")
FIRST_PERSON = frozenset("i im ive id ill me myself".split())
THIRD_PERSON = frozenset(
    "he she they hes shes theyre theyve hed shed theyd hell shell theyll him them himself herself themselves "
    "friend friends sister brother mom mum dad mother father partner son daughter wife husband girlfriend "
    "boyfriend gf bf cousin roommate flatmate kid child someone somebody bestie ex niece nephew aunt uncle her his "
    "coworker colleague classmate student client grandma grandpa stepdad stepmom".split()
)


def clause(norm: str, start: int, end: int) -> tuple[str, str]:
    """The same-sentence text before and after a match (negation never crosses a sentence)."""
    before = norm[max(0, start - 120) : start]
    cut = SENTENCE_END_REVERSED.search(before[::-1])
    if cut:
        before = before[len(before) - cut.start() :]
    after = norm[end : end + 120]
    stop = SENTENCE_END.search(after)
    return before, after[: stop.start()] if stop else after


def sentence(raw: str, start: int, end: int) -> str:
    """The whole sentence (of the normalized text, punctuation kept) around a match."""
    floor, ceiling = max(0, start - 300), min(len(raw), end + 300)  # bounded: long texts stay linear
    lo = max(raw.rfind(ch, floor, start) for ch in ".!?\n")
    his = [i for i in (raw.find(ch, end, ceiling) for ch in ".!?\n") if i != -1]
    return raw[max(lo + 1, floor) : min(his) + 1 if his else ceiling]


_AS_MYSELF = re.compile(r"\bas (someone|somebody|a person|one|a guy|a girl|a woman|a man) (who|that)\b[^.!?]*$")


def _nearest_is(before: str, others: frozenset[str], window: int) -> bool:
    """True when, reading back from the match, a word of `others` comes before a first-person one."""
    for word in reversed(WORD.findall(before)[-window:]):
        if word in FIRST_PERSON:
            return False
        if word in others:
            return True
    return False


def someone_else(before: str) -> bool:
    """True when the nearest subject before the match is another person
    ("as someone who thinks about suicide daily" is the writer)."""
    return not _AS_MYSELF.search(before) and _nearest_is(before, THIRD_PERSON, 12)


SECOND_PERSON = frozenset("you youre youve youd youll your yourself u ur".split())


def addressed(before: str) -> bool:
    """True when the nearest subject before the match is "you": a reply to someone."""
    return _nearest_is(before, SECOND_PERSON, 8)


_ABOUT_OTHERS = re.compile(
    r"\b(died|dies|dying|death|lost|loss|committed|his|her|their|friend|someone|people|grief|funeral|anniversary)\b"
)


def about_the_writer(before: str, whole: str) -> bool:
    """The sentence speaks of the writer (a first-person word) and of nobody else's death."""
    words = set(WORD.findall(whole))
    return bool(words & FIRST_PERSON) and not someone_else(before) and not _ABOUT_OTHERS.search(whole)


@lru_cache(maxsize=4096)  # pure: a pasted wall of the same words is judged once, not 10,000 times
def topic_reason(before: str, match: str, after: str, whole: str, joke_ok: bool, next_text: str = "") -> str | None:
    """Why this hit is talk about suicide rather than a crisis, or None. `joke_ok`: the
    hit is not itself a plan or means, so a joke marker may explain it away. `next_text`
    follows the sentence: a question there ("How do I get her to see a doctor?") can make
    the sentence before it a request for help with someone else."""
    words = WORD.findall(before)
    if NEGATION.search(" ".join(words[-6:])) and not (STILL_WANTED.search(f"{before} {match} {after}") or
                                                      _WANT_AFTER_ALL.search(next_text[:60])):
        return "negated"
    if PAST.search(" ".join((*words[-8:], match, after))) and not _RELAPSE.search(f"{before} {match} {after}"):
        return "past"
    if PAST_DESIRE.search(" ".join(words[-3:]) + " " + match) and not RECENT.search(
        f"{before} {match} {after}"
    ):
        return "past"
    if REPORTED_SPEECH.search(before) and not _VOICES.search(before):
        return "reported"
    asking = HELPING.search(whole) or (not FIRST_PERSON.intersection(words[-4:]) and HELPING.search(next_text))
    if asking and not _SELF_HELP.search(whole):
        return "helping"
    if LANGUAGE.search(whole):
        return "language"
    if DEBATE.search(whole):
        return "debate"
    # "...and now I want to die" is the writer; so is "but I've got the bottle" (the "I" in the match)
    speaking = bool(FIRST_PERSON.intersection(words[-4:]) or FIRST_PERSON.intersection(WORD.findall(match)))
    if MEDIA.search(whole) and not speaking:
        return "media"
    laughing = JOKE_MARK.search(whole) and not _DESPAIR.search(whole) and not SERIOUS.search(whole)
    if joke_ok and (laughing or ANNOYANCE.search(f"{before} {match} {after}")):
        return "joke"
    return None


# "I'm not going to kill myself. I want to, yeah." The wish, said right after the "not".
_WANT_AFTER_ALL = re.compile(r"^\W*(but )?i (do |still |really )?(want|wanna|wish) (to|i could)\b(?! (live|get better|stay))")
# Quoting someone else ("> i can't even get suicide right"): their words, not the writer's.
QUOTE_MARK = re.compile(r"(^|\n)\s*(>|&gt;)|(&gt;|>)\s*(?=[a-z])")


def quoted(text: str, start: int) -> bool:
    """True when the match sits in a quoted passage (a "> " line, up to its sentence end)."""
    floor = max(0, start - 200)
    marks = [m.end() for m in QUOTE_MARK.finditer(text, floor, start)]
    if not marks:
        return False
    between = text[marks[-1] : start]
    return not re.search(r"[.!?\n]", between)


# Someone else's words quoted: my friend texted "i don't think i'll be around much longer",
# or a reply: OP, you said 'my parents would be better off without me'. Read on the original
# text, where single quotes survive (normalization drops apostrophes).
_OPEN_QUOTE = re.compile("(?:^|(?<=[\\s(:,\u2014-]))['\u2018\"\u201c](?=\\w)")
_CLOSE_QUOTE = re.compile("(?<=[\\w.!?,])['\u2019\"\u201d](?=[\\s.,!?;:)\u2014-]|$)")
_YOU_SAID = re.compile(
    r"\b(you|u|op|your|ur)\b[^.!?\n]{0,40}\b(said|say|wrote|write|posted|post|mentioned|typed|put it|message|comment|"
    r"words|push back on)\b[^'\"\u2018\u201c]{0,20}$|\bpush back on\W*$"
)
_SPEAKER_BEFORE = re.compile(
    r"\b(he|she|they|friend|bf|gf|boyfriend|girlfriend|partner|husband|wife|son|daughter|kid|child|brother|sister|"
    r"mom|mum|dad|cousin|roommate|someone|somebody|student|client|member|grandson|granddaughter|niece|nephew|ex|"
    r"character|narrator|song|lyric|lyrics|book|poem|quote|psychiatrist|therapist|doctor|nurse|counsell?or|gp|"
    r"teacher|the usual|the standard)\b"
    r"[^.!?\n]{0,60}\b(said|says|say|saying|texted|texts|texting|wrote|writes|writing|posted|posts|told (me|us|her|him|them)|"
    r"messaged|messaging|messages|dm(ed|d)?|goes|go|went|asked|left a line|that says|something like|like)\b"
    r"[^'\"\u2018\u201c]{0,20}$"
)


def quoted_speech(original: str, start: int) -> str | None:
    """Whose words a match at `start` (an offset in the original text) sits inside: "you" (a
    reply quoting the person it answers), "other" (someone else's words reported), or None."""
    floor = max(0, start - 300)
    opening = None
    for m in _OPEN_QUOTE.finditer(original, floor, start + 1):  # +1: the lookahead reads the match's first letter
        opening = m.start()
    if opening is None or _CLOSE_QUOTE.search(original, opening + 1, start):
        return None
    before = original[max(0, opening - 120) : opening].lower()
    if _YOU_SAID.search(before):
        return "you"
    if _SPEAKER_BEFORE.search(before):
        return "other"
    return None


# "The voices are telling me to hurt myself": a command hallucination, a crisis, not abuse reported.
_VOICES = re.compile(r"\b(voice|voices|they in my head|something in my head)\b[^.!?]{0,40}$")
_RELAPSE = re.compile(r"\b(again|relapsed|relapse|relapsing|started (\w+ )?again|back to)\b")
_DESPAIR = re.compile(r"\b(awful|hate|cant|tired|alone|lonely|depress\w*|sad|hopeless|empty|numb|worthless|crying)\b")
_SELF_HELP = re.compile(r"\b(help|stop|talk) (me|myself)\b|\bhow do i (stop|not|keep)\b")
