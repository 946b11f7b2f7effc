"""The lexicon of attribution cues: reporting verbs and nouns, in tiers.

The tiers come from a study of how often a word heads an annotated attribution cue in
news (PolNeAR train split), checked against standard lists of reporting verbs:

- ``VERB_CUES``: verbs that attribute on their own ("praised the plan", "accused him"),
  with or without a clausal complement.
- ``COMPLEMENT_VERB_CUES``: verbs that attribute only with a clause after them ("added
  that ...", "agreed to ...", "found that ..."); alone they are mostly ordinary events.
- ``NOUN_CUES``: nouns that attribute when they carry a clause, a possessor or a
  "by"/"from" source ("his assertions that ...", "Ivanov's hints").
- ``HEDGE_VERBS``: verbs whose expletive-"it" use is the author's own hedge ("it appears
  that ...") and never anyone's claim.

Lemmas are compared lower-cased; British spellings are listed next to American ones.
"""

from __future__ import annotations


def _lexicon(words: str) -> frozenset[str]:
    return frozenset(words.split())


VERB_CUES: frozenset[str] = _lexicon(
    """
    admire recite accuse acknowledge acquiesce attack discuss show order repeat underscore
    email invoke
    champion disavow unveil detail inform interpret contemplate admonish advocate affirm
    allege allude announce apologize
    apologise applaud argue articulate ask assail assert assure attest attribute aver balk
    bemoan berate blame blast boast brag call caution characterize characterise chant chastise
    chide cite claim complain concede conclude condemn confide confirm congratulate
    contend contradict criticize criticise credit declare decry deem defend demand denounce
    deny deride describe disclose dismiss dispute divulge dub echo emphasize emphasise endorse
    envision explain express fear grumble hail highlight hint insinuate insist interject joke
    label lambast lambaste lament lash liken list mention mock mutter name note object observe
    oppose outline plead point portray post praise predict prefer proclaim promise pronounce
    propose protest question quip quote rail rebuke rebut recall recount refer reference refute
    reiterate reject remark remember remind reply report reprimand respond retort retweet
    retweete reveal say scoff scold scream shout signal slam snap speculate state stress
    suggest swear tell testify thank tout tweet urge vent voice vouch vow warn whisper wonder
    worry write yell
    """
)

# Verbs whose common sense is saying or thinking aloud, found as cues in nearly every use
# on train (issue 19, third pass): "mused that", "opined", "castigated the board".
VERB_CUES = VERB_CUES | _lexicon(
    """
    muse opine surmise hypothesize foresee confess preach grouse harangue exhort query fume
    belittle paraphrase concur restate castigate laud heckle marvel gloat reminisce exclaim
    recant
    """
)

COMPLEMENT_VERB_CUES: frozenset[str] = _lexicon(
    """
    add admit agree aim allege announce answer anticipate appear argue assume believe bet
    charge consider decide decline demand deny doubt estimate expect find
    comment reassure convince forget guess hope hop imagine imply indicate insist intend
    learn maintain plan pledge know demonstrate clarify notice discover calculate forecast posit
    intimate like love encourage look
    pressure pretend promise read reaffirm realize realise reckon recognize recognise
    recommend refuse request rule seek seem suspect think threaten understand vote
    want welcome wish
    """
)

NOUN_CUES: frozenset[str] = _lexicon(
    """
    accusation acknowledgment acknowledgement admission allegation announcement argument
    assertion assessment assurance belief charge claim comment complaint conclusion contention
    criticism declaration demand denial disagreement estimate explanation finding hint
    insistence message opinion pledge prediction promise proposal reassurance remark
    report statement suggestion testimony threat vow warning assumption doubt speculation rumor
    fear hope
    """
)

# Verbs of speech proper: without a complement in the parse they still report something,
# found next to them (a parenthetical cue, a quotation split off by the sentencizer).
SPEECH_VERBS: frozenset[str] = _lexicon(
    """
    say tell add write note explain argue insist ask reply respond recall tweet
    claim warn state declare joke remark quip shout yell whisper mutter concede acknowledge
    admit recount suggest predict complain
    """
)

# Verbs of perception that attribute a view with "as": "voters see him as ...".
AS_VERBS: frozenset[str] = frozenset({"see", "view", "regard", "consider", "perceive"})
# Verbs that present someone or something "as" what the speaker claims it is: "she
# billed herself as the outsider", "he framed the vote as a referendum" (train 16 of 18;
# not "cast", 0.59: roles in films).
PRESENT_AS_VERBS: frozenset[str] = frozenset({"frame", "bill", "pitch", "position", "brand", "peg"})
# "In the latest poll, ...": nouns whose "in" phrase is the source of the sentence.
SOURCE_NOUNS: frozenset[str] = _lexicon(
    """
    poll polls survey surveys study studies analysis report words view opinion estimate
    estimates data memo book column letter account
    """
)

# Nouns that attribute only with a possessor: "Trump's decision to ...", "her support for".
POSSESSED_NOUN_CUES: frozenset[str] = _lexicon(
    """
    decision desire plan support criticism attack opposition question view call endorsement
    hope intention goal proposal response reaction embrace defense defence
    praise rejection refusal insistence plea
    """
)
# Prepositions and marks that introduce the content of a possessed nominal cue.
NOUN_CONTENT_PREPS: frozenset[str] = frozenset({"for", "of", "on", "to", "about", "against"})
# The prepositions whose phrase is what an owned speech noun says, when it has no clause:
# "his comments about", "her views on"; not "his call for" (measured 0.38), "his hints
# to the contrary", "his announcement in Richmond".
OWNED_CONTENT_PREPS: frozenset[str] = frozenset(
    {"on", "of", "about", "against", "over", "among", "regarding", "concerning"}
)
# Nouns of intent: with an infinitive they name an act ("his decision to skip the
# debate", "her plan to travel"), not a statement (train precision 0.11–0.37).
INTENT_NOUNS: frozenset[str] = frozenset({"plan", "decision", "response"})

# Verbs that attribute through a preposition: "talked about taxes", "pushed for a vote".
PREP_VERB_CUES: dict[str, frozenset[str]] = {
    "talk": frozenset({"about", "of", "through", "up"}),
    "speak": frozenset({"about", "of", "on", "against", "out"}),
    "focus": frozenset({"on"}),
    "push": frozenset({"for"}),
    "press": frozenset({"for"}),
    "lobby": frozenset({"for", "against"}),
    "campaign": frozenset({"for", "against", "on"}),
    "weigh": frozenset({"in", "on"}),
    "reflect": frozenset({"on"}),
    "vote": frozenset({"for", "against"}),
    "side": frozenset({"with", "against"}),
    "agree": frozenset({"with", "on", "to"}),
    "spar": frozenset({"over", "with", "about"}),
    "agonize": frozenset({"over", "about"}),
    "agonise": frozenset({"over", "about"}),
    "disagree": frozenset({"with", "on", "about"}),
    "comment": frozenset({"on", "about"}),
    "testify": frozenset({"about", "before"}),
    "look": frozenset({"to", "for"}),
    "hint": frozenset({"at"}),
    "hope": frozenset({"for"}),
    "hop": frozenset({"for"}),
    "distance": frozenset({"from"}),
    "know": frozenset({"as", "for"}),
    "think": frozenset({"about", "of"}),
    "dwell": frozenset({"on"}),
    "care": frozenset({"about"}),
    "believe": frozenset({"in"}),
    "balk": frozenset({"at"}),
    "go": frozenset({"after"}),
    "identify": frozenset({"as", "with"}),
    "lean": frozenset({"toward", "towards"}),
}

# Adjectives of attitude after a copula: "voters are wary of ...", "she was confident that".
ATTITUDE_ADJECTIVES: frozenset[str] = _lexicon(
    """
    adamant afraid angry anxious appreciative aware certain comfortable concerned confident
    convinced critical delighted determined disappointed dismissive doubtful eager
    enthusiastic excited fearful frustrated furious grateful happy hopeful hostile keen
    mindful nervous open quick opposed optimistic outraged pessimistic pleased proud reluctant
    sceptical skeptical supportive sure sympathetic thankful uncomfortable unhappy upset
    wary willing worried
    """
)

# Light verbs that attribute through a speech noun: "made similar comments", "issued a
# statement", "raised concerns about", "made it clear that".
LIGHT_VERBS: frozenset[str] = _lexicon("make issue release deliver offer express voice raise")
SPEECH_NOUNS: frozenset[str] = NOUN_CUES | _lexicon(
    """
    comment remark speech case point observation apology concern question doubt objection
    support opposition view opinion thought praise criticism endorsement clear
    retort reply response rebuttal riposte
    condemnation denunciation appeal plea request recommendation rebuke
    """
)

# Nouns that make "have" a stance, with what it is about: "had harsh words for",
# "had nothing but praise for", "have sharply different views about".
HAVE_NOUNS: frozenset[str] = _lexicon(
    "word praise criticism view doubt concern feeling question message opinion complaint"
)

# Nouns that make "make" a stance only with what they are about (issue 19, third pass;
# train: 14 of 16 right): "made no mention of", "made reference to", "has made no secret
# of", "made a commitment to". Apart from ``SPEECH_NOUNS``: the noun alone says nothing.
MAKE_NOUNS: frozenset[str] = _lexicon("mention reference secret commitment")

# Phrasal verbs of speech and of dismissing what was said, by particle: "lashed out at",
# "shrugged off the criticism", "talked up his record", "spelled out the plan". Read only
# with a speaker who can speak and a content after the particle.
PHRASAL_CUES: dict[str, frozenset[str]] = {
    "lash": frozenset({"out"}),
    "shrug": frozenset({"off"}),
    "brush": frozenset({"off"}),
    "talk": frozenset({"up"}),
    "spell": frozenset({"out"}),
    "sound": frozenset({"off"}),
    "walk": frozenset({"back"}),  # "walked back his remarks" (not "take back": 0 of 3)
    "shoot": frozenset({"back"}),
}

# Nouns that make "sound" a stance: "sounded a cautious note about ..." (train 4 of 4).
SOUND_NOUNS: frozenset[str] = frozenset({"note"})
# Nouns of words shouted together, with what was shouted: "chants of “Four more years!”".
CHANT_NOUNS: frozenset[str] = frozenset({"chant"})

# Verbs that report a poll's or a study's finding with an object: "a new survey finds
# Clinton with a small lead", "estimates put the cost at ...". (Not "give" (1 of 3 right
# on train) nor "have": "the poll has a margin of error of 3 points".)
FINDING_VERBS: frozenset[str] = frozenset({"find", "put"})

# Nouns that make "take" a stance: "took aim at", "takes issue with", "took a swipe at".
TAKE_NOUNS: frozenset[str] = _lexicon(
    "aim issue position stand side swipe shot credit stance jab dig exception"
)

# Light verbs that are a stance with one of their nouns: the nouns, and whether the noun
# alone is one ("took aim", "took a stand"; not "had words", "made a mention").
STANCE_NOUN_VERBS: dict[str, tuple[frozenset[str], bool]] = {
    "take": (TAKE_NOUNS, True),
    "have": (HAVE_NOUNS, False),
    "make": (MAKE_NOUNS, False),
    "sound": (SOUND_NOUNS, False),
}

# Verbs that attribute their object only when a person or organisation is the subject:
# "the senator offered a compromise", "Clinton laid out a plan", "she compared him to ...".
PERSONAL_OBJECT_VERBS: frozenset[str] = _lexicon(
    "offer release lay compare identify publish share challenge address embrace envision coin"
    " promote resist push seek"
)

# Subjects of a copula whose complement clause is a stance: "his view is that ...",
# "the response was to ...", "the hope is that ...".
COPULA_SUBJECT_NOUNS: frozenset[str] = NOUN_CUES | _lexicon(
    """
    view position message argument response answer point idea hope fear joke
    line thinking feeling sense consensus belief worry concern premise pitch theory
    """
)

# Verbs that report speech only next to a quotation: "“...,” he continued."
QUOTE_ONLY_VERBS: frozenset[str] = frozenset({"continue", "interrupt", "chime", "read"})

# Verbs of backing: a stance when their object is a named person, party or country.
BACKING_VERBS: frozenset[str] = frozenset({"support", "back", "favor", "favour", "prefer"})

# Adverbs that attribute the clause to an unnamed source: "the talks reportedly failed".
HEARSAY_ADVERBS: frozenset[str] = frozenset({"reportedly", "allegedly", "purportedly"})

HEDGE_VERBS: frozenset[str] = frozenset({"seem", "appear", "look", "sound", "transpire"})

# Dependency labels of a verb's clausal complement: the content of a reporting verb.
CLAUSE_DEPS: frozenset[str] = frozenset({"ccomp", "xcomp"})
# Non-clausal content: the thing praised, announced, called for ("praised the plan").
OBJECT_DEPS: frozenset[str] = frozenset({"dobj", "oprd", "attr", "intj"})
# Prepositions whose object is the content ("called for reform", "spoke about taxes").
CONTENT_PREPS: frozenset[str] = frozenset({"for", "about", "on", "of", "to", "as", "against"})
# Edges through which a subject-less cue borrows the subject of its head
# ("X said ... and added that", "..., adding that", "issued a statement saying").
INHERIT_DEPS: frozenset[str] = frozenset({"conj", "advcl", "xcomp", "acl", "dobj", "pcomp"})

# Nouns for people: "he" or "she" can stand for "a senior official"; "a message to the
# chancellor" is addressed, not about.
PERSON_NOUNS: frozenset[str] = _lexicon(
    """
    official spokesman spokeswoman spokesperson source diplomat minister aide adviser advisor
    analyst expert economist lawyer attorney director chairman chairwoman chief executive
    president governor senator representative congressman congresswoman lawmaker legislator
    leader member officer commander general colonel ambassador envoy secretary manager
    strategist banker trader dealer broker witness resident activist protester observer
    critic candidate voter mayor judge prosecutor investigator researcher professor
    scientist doctor editor reporter correspondent journalist commentator historian owner
    founder partner worker employee man woman father mother husband wife son daughter
    priest cleric deputy chancellor premier king queen prince negotiator consultant
    pollster supporter opponent delegate deputy
    """
)

# Objects of "according to" that say how, not who: "acted according to its own interest".
MANNER_NOUNS: frozenset[str] = _lexicon(
    "interest interests need needs ability abilities wish wishes taste schedule script design "
    "merit merits"
)
