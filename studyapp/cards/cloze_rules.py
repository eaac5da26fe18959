"""The cloze half of the quality gate: what a cloze's sentence and its blank must not be.

:func:`cloze_fault` judges a cloze (``{{c1::...}}`` text) under the titles the quiz shows
above it; :mod:`studyapp.cards.gate` calls it for every cloze draft and keeps the rules'
names (:data:`studyapp.cards.gate.RULES`). A sentence fails whatever its blanks when it is
too long, leans on what it does not show, or states nothing (a question, a fragment, a
menu); a blank fails when it is not a whole term, is everyday words anyone could guess, is
given away by the rest of the sentence or the titles, or is one item, example or aside of
the sentence (weak rather than wrong: :data:`studyapp.cards.gate.SOFT_RULES`). The patterns
the question rules share (:data:`LEANS_BACK`, :data:`POINTER`, :data:`CREDIT`,
:data:`CLOZE`) live here too, so the gate imports this module and never the other way.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from studyapp.cards import lexicon as lx
from studyapp.outline.chrome_filter import COPYRIGHT
from studyapp.outline.sentences import ABBREVIATIONS, plain_lower

# the faults of a sentence that make its clozes weak, not wrong (judged after their blanks)
WEAK_SENTENCE = frozenset({"fragment", "unclosed"})
MAX_CLOZE_WORDS = 45  # a cloze longer than this is a paragraph to reread, not a fact
CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}")
# a phrase that leans on what the text said just before: "in the first case", "the latter",
# "the second byte", "the plot above" (a card shows one sentence, never its neighbours)
LEANS_BACK = re.compile(
    r"\b(?:[Ii]n (?:the )?(?:first|second|third|former|latter|this|that|both|either) cases?"
    r"|[Tt]he (?:former|latter|above)"
    r"|\b(?:[Tt]he )?(?:previous|preceding|corresponding|respective|aforementioned) [a-z]+"
    r"|[Tt]he (?:first|second|third|fourth|last|other|remaining)"
    r" (?!(?:time|times|of|to|in|decade|century|year|years|day|days|two|three|four|five|six"
    r"|seven|eight|nine|ten|twelve|hundred|thousand)\b)[a-z]+\b"  # not "the first ten ..."
    r"(?! (?:of|to|in|that|which)\b)"
    r"|[Tt]he [a-z]+ (?:above|below)\b|[a-z]+ (?:above|below)(?= *[,.;:?]| *$)"
    # "What is vast in comparison?", "the point itself": to what, which point
    r"|\b(?:in|by) (?:comparison|contrast)(?= *[,.;:?]| *$)"
    r"|\b[Tt]he [a-z]+ (?:itself|themselves)\b)"
)
# a pointer into the document ("described below", "the next section", "this chapter")
POINTER = re.compile(
    r"\b(?:(?:described|shown|listed|discussed|explained|given|provided) (?:below|above|later"
    r"|earlier)|(?:next|previous|following|this|that) (?:section|chapter)"
    r"|(?:paragraphs?|pages?|chapters?|pp?\.) \d+|(?:see|click) here"
    r"|(?:bottom|top|end) of (?:the|this) page)\b|\(see\b"
    # the text sending its reader elsewhere: "Read more about the process in the documentation"
    r"|^(?:read|learn|find out) more\b",
    re.IGNORECASE,
)
_LOWER_POINTER = re.compile(POINTER.pattern)  # for a text lower-cased by plain_lower
# a bibliography entry: "MURRAY, SIR JOHN, The Ocean ...", "Smith, J. (2001). Title ..."
_REFERENCE_ENTRY = re.compile(
    r"^(?:[A-Z][A-Z'’-]{2,}(?: [A-Z][A-Z'’-]+)*, (?:[A-Z]{2,}\b|[A-Z]\.)|[A-Z][a-z]+, [A-Z]\.)"
)
# a work cited by its page ("..., p. lx.", "..., pp. 12-14.", "... vol. ii, p. 3."): the
# sentence ends on the page, so it names a source, it states nothing
_PAGE_CITED = re.compile(r",? (?:vol\. [ivxlc\d]+, )?pp?\. (?:[ivxlc]+|\d+(?:[-–]\d+)?)\.?\s*$")
# the terms a text is given under: a licence named of the text itself ("These notes ...",
# "Lecture Notes by Brian Bird, 2021, are licensed under a Creative Commons ..."), not a
# licence a law text is about ("Software licensed under the GPL must ...")
_LICENCE_TERMS = re.compile(r"\blicen[cs]ed under\b|\bCreative Commons\b", re.IGNORECASE)
_OF_ITSELF = re.compile(
    r"\b(?:[Tt]his|[Tt]hese) (?:work|notes|document|page|book|site|course|materials?|text"
    r"|lecture|lesson|chapter)s?\b|\bby [A-Z][\w.]+(?: [A-Z][\w.]+)+,? \d{4}\b"
)
CREDIT = re.compile(
    r"^(?:Sources?|Image|Photo|Credits?|Figure|Fig\.|Table|Listing)(?:\(s\))?\s*:"
    # "Header image taken from the PhD thesis ...", "Photo courtesy of NASA", "Figure adapted
    # from Smith (2004)": where a picture comes from, in words
    r"|^(?:(?:Header|Cover|Banner|Title|Featured) )?(?:[Ii]mage|[Pp]hoto(?:graph)?|[Pp]icture"
    r"|[Ff]igure|[Ii]llustration|[Dd]iagram)s? (?:taken|adapted|reproduced|courtesy|used|by|from"
    r"|credit)\b"
)
ORDINALS = lx.wordset(
    "first second third fourth fifth sixth seventh eighth ninth tenth last next previous"
    " following preceding same other"
)
_SECOND_SENTENCE = re.compile(r"[a-z0-9)]{2}[.!?] +[A-Za-z]|[a-z]{2}\. +\d+[-–]?\d*\. ")
# a sentence whose subject is a pronoun ("He turns away from ...", "In short, they mean ..."):
# a card shows one sentence, so whom it speaks of is lost
_PRONOUNS = "they this these those it its their such he she his her him we our"
_REFERENCE_START = re.compile(
    r"^\W*(?:(?i:in short|in particular|in fact|thus|hence|here|now|so|also|still|yet|then),? )?"
    r"(?:" + "|".join(f"[{w[0]}{w[0].upper()}]{w[1:]}" for w in _PRONOUNS.split()) + r")\b"
)  # not "IT", "US": an abbreviation names what it speaks of
_LOWER_START = re.compile(r"^[\W\d]*[a-z]")
_BRACKETED = re.compile(r"^\s*\[[^\]]*(?:\[[^\]]*\][^\]]*)*\]?[.\s]*$")  # "[Note ...]"
_ANSWER_START = re.compile(
    r"^(?:(?:Yes|No|Well|Now|So)\b,?|(?:Why|Because|Oh|Here|Again),|[QA]: )"
)  # "A: Not sure if Hawaii has a [CERT program]": a transcript's answer
# what may follow a sentence's last stop: quotes, brackets, a mark ("Can we use L1? ⭐")
_TRAILING_MARKS = re.compile(r"[^\w.?!:;,]+$")
_ASKS = re.compile(r"^\W*(?:What|Which|How|Why|When|Where|Who|Whom|Whose)\b")
_QUANTIFIER_START = lx.wordset(
    "neither either both each every all any no dozen dozens hundred hundreds thousand thousands"
    " million millions billion billions percent"
)  # "[Neither Empire] nor ...", "two [dozen extant species]"
_CARDINALS = lx.wordset("two three four five six seven eight nine ten eleven twelve twenty")
_HANDLE = re.compile(r"(?:^|\s)—?\s*@[A-Za-z_]\w{2,}")  # a social-media handle credited
_NUMBER_GOES_ON = re.compile(r"\b(?:hundred|thousand|million) and $", re.IGNORECASE)
_PARTICLES = lx.wordset("out up down off away back over into through on")
_COMPLEMENT = lx.wordset("to from with than of")  # "similar to", "free from", "equal with"
# a verb's object opens on one of these ("[Sharia covers] all aspects of ...")
_OBJECT_OPENING = lx.wordset("the a an his her their its our your my all both each every")
# ... or a clause of its own ("[GDP measures] what is bought", "[corpuscle comes] very close")
_CLAUSE_OPENING = lx.wordset("what how whether very")
_THAT_CLAUSE = re.compile(r"^ that (?P<next>[\w’'-]+)")


def _that_clause(after: str) -> bool:
    """Whether ``after`` opens a "that" clause with a subject of its own ("... that CouchDB
    can run", "... that no two species ..."), which follows a verb of saying or meaning, not a
    relative clause ("... that are often used", "... that otherwise might be"), which may follow
    a noun."""
    match = _THAT_CLAUSE.match(after)
    if not match:
        return False
    nxt = match.group("next")
    if nxt[:1].isupper() or nxt.lower() in _OBJECT_OPENING or nxt.lower() == "no":
        return True
    return not ({"VERB", "AUX", "ADV"} & lx.parts_of_speech(nxt))


_NAME_GOES_ON = re.compile(r"^ (?:of|for|de|von|van|v\.|vs\.) [A-Z]")
_NAME_JOINED_ON = re.compile(r"^ (?:and|&) [A-Z]")  # "[Chicago Sanitary] and Ship Channel"
_JOINED_TO_NAME = re.compile(r"\b[A-Z][\w’'-]* (?:and|&) $")  # "Procter & [Gamble]"
_CONTRACTION = re.compile(r"\w(?:n[’']t|[’'](?:ll|re|ve|d|m))\b", re.IGNORECASE)
# a title that goes with the name after it ("[the Bugaba cemetery Mr]. Merritt")
_HONORIFICS = lx.wordset("mr mrs ms dr prof st sr jr gen col capt lt rev hon")
_PLACE_TITLES = lx.wordset("st mt ft")  # "St. Louis", "Mt. Everest": part of the name
_TITLE_BEFORE = re.compile(r"(?<![\w.])([A-Za-z]{2,4})\. $")  # "St. ", "Dr. " before a blank
# the lower-case words inside a name ("Leonardo da Vinci", "Ludwig van Beethoven")
_NAME_PARTICLES = frozenset({"da", "de", "di", "del", "della", "van", "von", "der", "du", "le"})
_SUBJECT_PRONOUNS = lx.wordset("i we you they he she")  # "we [study communities]": a verb
_NUMBER_AFTER = re.compile(r"^ \d")  # "RFC 793", "Apollo 11": the number is part of the name
# a blank inside the examples a clause gives ("such as ...", "like ...", "e.g. ...", "X, for
# example, ..."): any other example would do, so the card tests which one the text chose
_EXAMPLE_BEFORE = re.compile(
    r"\b(?:such as|like|e\.g\.,?|for example,?|for instance,?|including|examples include)"
    r" [^,;:.()]*?(?:,| and| or)(?: (?:the|a|an))? ?$",
    re.IGNORECASE,
)  # an earlier example before the blank: "like cars and [...]"
# what _EXAMPLE_BEFORE needs in a text, lower-cased (keep them with the pattern)
_EXAMPLE_WORDS = (
    *("such as", "like", "e.g.", "for example", "for instance", "including"),
    "examples include",
)
_EXAMPLE_MARK = re.compile(
    r"\b(?:such as|like|e\.g\.,?|for example,?|for instance,?|including)(?: (?:the|a|an))? $",
    re.IGNORECASE,
)  # the first of several: "such as [...], Okta, or Google"
_MORE_EXAMPLES = re.compile(
    r"^(?: and | or |, (?!(?:which|who|that|where|when|must|may|can|could|should|will|is|are"
    r"|was|were|has|have|had)\b)[^,;:.()]{1,40}?(?:,| and| or))"
)  # "[...], Okta, or Google": the examples go on after the blank
# a blank inside a comma-set aside ("Ketamine, with its history as an anesthetic and [...], has
# ...") or a participle clause of consequence (", allowing for a smooth transition into
# [...]"): the sentence's point is elsewhere
_ASIDE_BEFORE = re.compile(
    r", (?:with|despite|unlike|given|allowing|making|leading|resulting|causing|enabling"
    r"|thereby)\b[^,;:.]*$"
)
_CLAUSE_VERB_AFTER = re.compile(r"^[^,;]*\b(?:is|are|was|were|has|have|can|may|must)\b")
_EXAMPLE_OPENING = re.compile(r"^(?:(?:For example|For instance|As an example|E\.g\.),|Examples?:)")
_EXAMPLE_AFTER = re.compile(r"^,? (?:for example|for instance|e\.g\.)\b")
_POINTED = re.compile(r"\b(?:these|those|this|that|such)\s+$", re.IGNORECASE)
_POINTED_WORDS = ("these", "those", "this", "that", "such")  # _POINTED's (keep them with it)
_QUOTED_BLANK = re.compile(r"[\"“']\{\{c\d+::[^}]*\}\}[\"”']")
# an entry of a reading or watching list: "... (video)", "(35 videos)", "(pdf)", "[Review] ..."
_RESOURCE = re.compile(
    r"\((?:\d+ )?(?:videos?|playlist|pdf|slides|podcast|book|ebook|course|mooc)\)"
    r"|^\s*\[(?:review|video|book|pdf)\]",
    re.IGNORECASE,
)
_PAIRED_BEFORE = re.compile(r"\b(?:and|or)\s+(?:the\s+|an?\s+)?$")
_CLAUSE_AFTER_AND = re.compile(r"[,;]\s+(?:and|or)\s+(?:the\s+|an?\s+)?$")
_LIST_AFTER = re.compile(r"^(?:,|;| and | or )")  # after an item: the list goes on
_DANGLING_END = re.compile(r"\b(?:such as|including|like|of|the|a|an|and|or|to)\W*$")
# the words _DANGLING_END ends on (keep them with the pattern), and the ASCII marks it reads
# past after them
_DANGLING_WORDS = ("as", "including", "like", "of", "the", "a", "an", "and", "or", "to")
_ASCII_NON_WORD = "".join(c for c in map(chr, range(128)) if not c.isalnum() and c != "_")
_CLAUSE_BREAK = re.compile(r"--|- |[—–,;:()\[\]“”\"]")
# a purpose with no clause to serve ("To support IPv6 addresses properly."): a to-do line
_PURPOSE_ONLY = re.compile(r"^To [a-z]+\b[^,;:]*[.!]?$")
_SEPARATORS = re.compile(r" [∙·•|] ")  # a menu or a list of names, not a sentence
_CITATION = re.compile(r"^(?: et al)?\.?,? (?:\d{4}|n\.d\.)[a-z]?[);]")
# what a word of lx.WORD is made of ("[A-Za-z][A-Za-z0-9’'-]*": keep them with it), and the
# letters it opens on
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789’'-")
_WORD_OPENERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_SPACE_THEN_WORD = re.compile(r"^\s+[A-Za-z]")
# a sentence that frames the text rather than states a fact ("In conclusion, ...", "Up to
# now, we have considered ...", "But ...": it leans on what came before)
_FRAMING = re.compile(
    r"^(?:But|And|Or|Yet|In conclusion|In summary|To summarize|To conclude|Up to now|So far"
    r"|Another|In fact|Then|Similarly|Likewise|Instead|Conversely|Nor)\b"
)
# a sentence about the text's own argument, whose subject is a frame noun: "The end result is
# that ...", "The reason is, that ...", "The fact it can also be read ...", "The focus is on
# ...", "The setting that we consider ...": it leans on what the text said around it
_FRAME_SUBJECT = re.compile(
    r"^(?:The|This|That|Its|Their|Our) (?:end |main |key |real |basic |whole |only |\w+ )?"
    r"(?:reason|result|fact|focus|point|idea|upshot|thing|trick|catch|answer|setting|bottom line"
    r"|goal|aim|purpose|objective)"
    r"(?:s)?\b(?:,| is| was| are| why| that| we| it| here| being)"
)
# the text pointing along its own path: "Having reviewed the anatomy ..., now is the time to
# focus on the physiology", "We now turn to ...": a transition, not a fact
_TRANSITION = re.compile(
    r"\b(?:now is the time to|(?:we|let us|let's) (?:now )?turn to|we will now"
    r"|in this (?:section|chapter), we)\b"
    r"|^Having (?:reviewed|discussed|seen|examined|covered|described)\b",
    re.IGNORECASE,
)
# "In large part, this is due to ...": a bare "this" as the subject after an opening phrase
_BARE_THIS = re.compile(
    r"(?:^|, )(?:this|that|these|those) (?:is|are|was|were|has|have|can|may|will|would|allows?"
    r"|means?|makes?|leads?|explains?)\b"
)
# A cloze is judged again under the titles of each deck and section it may go to: what its
# text alone decides (below) is worked out once per text.


class ClozeParts(NamedTuple):
    """A cloze's text read three ways (see :func:`cloze_parts`)."""

    rest: str  # each blank made a space: what the card shows beside its blanks
    whole: str  # each blank's words put back: the sentence as written
    hidden: tuple[str, ...]  # the words of each blank


@lru_cache(maxsize=32768)
def cloze_parts(text: str) -> ClozeParts:
    """A cloze's text with its blanks as spaces, as written, and the blanks' words: the
    rules of a cloze and the gate read it in each of these ways, and its blanks are found
    once."""
    rest: list[str] = []
    whole: list[str] = []
    hidden: list[str] = []
    at = 0
    for match in CLOZE.finditer(text):
        before = text[at : match.start()]
        hidden.append(match.group(1))
        rest += (before, " ")
        whole += (before, hidden[-1])
        at = match.end()
    if not at:
        return ClozeParts(text, text, ())  # no blank
    tail = text[at:]
    return ClozeParts("".join(rest) + tail, "".join(whole) + tail, tuple(hidden))


@lru_cache(maxsize=32768)
def _sentence_fault(text: str) -> str:
    """The rule a cloze's sentence breaks, whatever its blanks: too long, not a statement,
    leaning on what it does not show."""
    parts = cloze_parts(text)
    rest, whole = parts.rest, parts.whole  # whole: as written, the same for all its clozes
    if len(text.split()) > MAX_CLOZE_WORDS or (
        (". " in rest or "! " in rest or "? " in rest) and _SECOND_SENTENCE.search(rest)
    ):
        return "too-long"
    if _REFERENCE_START.match(rest):
        return "unresolved"
    if lx.points_to_page(rest):
        return "unresolved"  # "Illustration shows the digestive system of [...]"
    if lx.sends_elsewhere(whole):
        return "unresolved"  # "Please see the usage chapter for a [full documentation]"
    if _LOWER_START.match(whole):
        return "not-a-statement"  # a fragment: "toward but one flank, it being ..."
    if _TRAILING_MARKS.sub("", rest).endswith(("?", ":", ",", ";")) or _speaks(whole):
        return "not-a-statement"  # the blank may hold the "you" ("Sometimes [you'll want] to")
    if _BRACKETED.match(whole) or whole.count("]") > whole.count("["):
        return "not-a-statement"  # "[Also acceptable are New Jersey ...]": an editor's note
    if rest.lstrip().startswith("(") or (
        holds_any(text, _QUOTED_MARKS) and _QUOTED_BLANK.search(text)
    ):
        return "not-a-statement"  # an aside "(Probably ...)"; a word quoted, not used
    if CREDIT.match(rest.lstrip()):
        return "not-a-statement"  # "Source: [...] 7 layer model": a credit line
    if _REFERENCE_ENTRY.match(whole.lstrip()) or _PAGE_CITED.search(whole):
        return "not-a-statement"  # "MURRAY, SIR JOHN, The Ocean (...)": a reading list;
        # "Gardiner, Constitutional Documents of the Puritan Revolution, p. lx.": a citation
    if whole.count(";") >= 2 and _topic_list(whole):
        return "not-a-statement"  # "Paul Revere; the fight at Lexington and Concord; Bunker
        # Hill.": a chapter's summary of topics, not a statement
    if COPYRIGHT.search(whole) or (_LICENCE_TERMS.search(whole) and _OF_ITSELF.search(whole)):
        return "not-a-statement"  # "These notes by Brian Bird are licensed under a Creative
        # Commons licence": who may copy the text, not what it teaches
    if ("(" in rest or "[" in rest) and _RESOURCE.search(rest):
        return "not-a-statement"  # "Analyzing Algorithms (playlist) in 18 minutes (video)"
    if _shouted(rest):
        return "not-a-statement"  # "IF THEOLOGICAL IDEAS PROVE ...": a shouted quotation
    if _ASKS.match(rest):
        return "not-a-statement"  # an exercise without its question mark: "What is the [...] ..."
    if _ANSWER_START.match(rest.lstrip()):  # an answer to a question
        return "not-a-statement"
    if _FRAMING.match(rest.lstrip()):
        return "not-a-statement"  # "In conclusion, ...", "But ...": the text's framing
    return _whole_sentence_fault(whole)


@lru_cache(maxsize=16384)
def sentence_fails(sentence: str) -> bool:
    """Whether every cloze of ``sentence`` breaks a rule of its sentence other than
    "fragment" or "unclosed" (:func:`_sentence_fault`), whatever phrase it hides: such a
    cloze fails before its blank is looked at, so the cloze maker need not judge each
    option of the sentence.

    Exactly the rules that read the sentence as written (its words, its opening, the whole
    sentence's rules): the others read the sentence without its blank, so what they find
    depends on the phrase hidden. A sentence holding cloze marks of its own is never said
    to fail here (the sentence as written could not be told from its clozes)."""
    if "{{" in sentence or "}}" in sentence or "::" in sentence:
        return False
    # marks are added around a phrase that starts and ends on a word: the words are the same
    if len(sentence.split()) > MAX_CLOZE_WORDS:
        return True
    if _LOWER_START.match(sentence) or _speaks(sentence):
        return True
    fault = _whole_sentence_fault(sentence)
    return bool(fault) and fault not in WEAK_SENTENCE


@lru_cache(maxsize=16384)
def _speaks(whole: str) -> bool:
    """:func:`studyapp.cards.lexicon.speaks_to_reader` of a sentence, asked once for all the
    clozes made of it."""
    return lx.speaks_to_reader(whole)


def _shouted(rest: str) -> bool:
    """Whether a sentence is mostly capitals: over 20 letters, more than 60 % of them upper
    case."""
    if rest.isascii():  # its capitals are A-Z: counted at once
        capitals = len(rest.encode("ascii").translate(None, _NOT_CAPITALS))
    else:
        capitals = sum(map(str.isupper, rest))
    if capitals <= 12:
        return False  # 12 capitals are not 60 % of over 20 letters: no need to count them
    letters = [c for c in rest if c.isalpha()]
    return len(letters) > 20 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


@lru_cache(maxsize=16384)
def _whole_sentence_fault(whole: str) -> str:
    """The rest of :func:`_sentence_fault`: the rules that read the sentence as written,
    whatever its blanks, judged once for all the clozes made of it."""
    # a pattern is searched only in a sentence holding what each of its alternatives needs
    lowered = plain_lower(whole)  # None: a letter the lower-cased marks might miss
    if (lowered is None or holds_any(lowered, _TRANSITION_MARKS)) and _TRANSITION.search(whole):
        return "not-a-statement"  # "..., now is the time to focus on the physiology"
    if holds_any(whole, _BARE_THIS_MARKS) and _BARE_THIS.search(whole):
        return "unresolved"  # "In large part, this is due to the [autoregulatory nature] ..."
    if points_into_document(whole) or leans_back(whole) or _FRAME_SUBJECT.match(whole):
        return "unresolved"  # "Details will be given in the [...]": a place in the document
    if _dangling(whole):
        return "not-a-statement"  # "... unordered entities, such as": the sentence is cut
    if _subjectless(whole) or _PURPOSE_ONLY.match(whole) or len(_SEPARATORS.findall(whole)) >= 2:
        return "not-a-statement"  # "Says ...", "To support X properly.", "Čeština ∙ Deutsch ∙"
    if "@" in whole and _HANDLE.search(whole):
        return "not-a-statement"  # "— @okdistribute, 'How to Run a [FOSS Project]'": a credit
    if not _closed(whole):
        # a bullet's sentence without its stop ("Having [intermediaries] simplifies the
        # transactions in the market"), or a line cut from its sentence or a label ("A
        # [command line tool] for getting or sending data"), which has no finite verb
        return "unclosed" if _holds_a_finite_verb(whole) else "fragment"
    if not _holds_a_verb(whole):
        return "fragment"  # "[...] for temperatures up to 1500 degrees.": a verbless note
    return ""


def _holds_a_verb(sentence: str) -> bool:
    """Whether a sentence holds a verb: a finite form ("is", "carved", "lowers") or a word
    that can only be a verb. A line without one is a note or a heading cut from its context
    ("Two conditions especially notable in England in the seventeenth century."); rated
    blind, 20 % of such clozes were good and 53 % bad (150 cards of many subjects)."""
    words = lx.WORD.findall(sentence)
    return (
        any(w.lower() in lx.FINITE for w in words)
        or lx.holds_finite_verb(words[1:])  # "Factors increasing ...": an opening noun
        or any(
            lx.only_verb(w) and not lx.is_function_word(prev)  # not "as contrasted with"
            for prev, w in itertools.pairwise(words)
            if w.islower()
        )
        or any(_base_verb_after(prev, w) for prev, w in itertools.pairwise(words))
    )


def _holds_a_finite_verb(sentence: str) -> bool:
    """Whether a sentence holds a finite verb ("simplifies", "is", "leads"): stricter than
    :func:`_holds_a_verb`, which also counts a word that may be a verb in its base form."""
    words = lx.WORD.findall(sentence)
    return any(w.lower() in lx.FINITE for w in words) or lx.holds_finite_verb(words[1:])


def _base_verb_after(prev: str, word: str) -> bool:
    """Whether ``word`` may be a verb in its base form after its subject ("Chloroplasts
    [turn] sunlight ...", "Mitochondria [make] ATP", "they [use]"): any word of the lexicon's
    verbs after a content word counts, so that only a line with no verb at all is a note."""
    if not word.islower() or lx.is_function_word(word) or "VERB" not in lx.parts_of_speech(word):
        return False
    if lx.verb_lemma(word) != word:
        return False
    low = prev.lower()
    return not lx.is_function_word(low) or low in ("they", "we", "you", "i")


# What each alternative of a pattern needs in a text (keep them with the patterns above):
# _TRANSITION's in the lower-cased text, _BARE_THIS's, LEANS_BACK's as written
_QUOTED_MARKS = ('"{{', "“{{", "'{{")  # _QUOTED_BLANK's, as written
_TRANSITION_MARKS = ("now", "turn to", "in this ", "having")
_BARE_THIS_MARKS = ("this ", "that ", "these ", "those ")
_POINTER_MARKS = (
    *("below", "above", "later", "earlier", "section", "chapter", "paragraph", "page", "p. "),
    *("here", "(see", " more"),
)
_LEANS_BACK_MARKS = (
    *(" case", "former", "latter", "above", "below", "omparison", "ontrast", "itself", "selves"),
    *("previous", "preceding", "corresponding", "respective", "aforementioned"),
    *("he first ", "he second ", "he third ", "he fourth ", "he last ", "he other "),
    "he remaining ",
)


def _closed(whole: str) -> bool:
    """Whether a sentence ends on a stop (".", "!", "?", "…"), before quotes or brackets
    (what ``[.!?…]\\W*$`` finds): the marks after its last word character are read back from
    its end, not searched for from its start."""
    end = len(whole)
    while end and not (whole[end - 1].isalnum() or whole[end - 1] == "_"):  # \W, as re reads it
        end -= 1
    tail = whole[end:]
    return "." in tail or "!" in tail or "?" in tail or "…" in tail


def _dangling(whole: str) -> bool:
    """Whether a sentence stops on a word that leads on (:data:`_DANGLING_END`: "... entities,
    such as"). The pattern is tried at every word of the sentence, so a sentence is only
    searched when its end, past its last ASCII marks, is one of the pattern's words, or is
    another mark ("”", "…") the pattern may read past."""
    end = whole.rstrip(_ASCII_NON_WORD)
    if end[-1:].isascii() and not end.endswith(_DANGLING_WORDS):
        return False
    return bool(_DANGLING_END.search(whole))


def holds_any(text: str, marks: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``marks`` (what a pattern's alternatives need in a text,
    tested before the pattern is searched). A loop, not any() over a generator (twice as
    slow): it is asked of most sentences and cards."""
    for mark in marks:  # noqa: SIM110
        if mark in text:
            return True
    return False


def points_into_document(text: str) -> bool:
    """Whether ``text`` points into the document (:data:`POINTER`: "described below", "the
    next section"), searched only when it holds one of the pattern's words."""
    lowered = plain_lower(text)
    if lowered is None:
        return bool(POINTER.search(text))
    # the pattern, written in lower case, reads case in the lower-cased text: a faster search
    return holds_any(lowered, _POINTER_MARKS) and bool(_LOWER_POINTER.search(lowered))


def _topic_list(sentence: str) -> bool:
    """Whether a sentence is a run of topics set off by semicolons, two of them or more
    without a verb ("Major Washington becomes Colonel Washington; Fort Necessity; Braddock's
    defeat."): an old textbook's summary line over its paragraph."""
    parts = sentence.rstrip(' ."”').split(";")
    bare = [part for part in parts if not lx.holds_finite_verb(lx.WORD.findall(part))]
    return len(parts) >= 3 and len(bare) >= 2


def leans_back(text: str) -> bool:
    """Whether ``text`` leans on what came before it (:data:`LEANS_BACK`: "the latter", "in
    the first case"), searched only when it holds one of the pattern's words."""
    return holds_any(text, _LEANS_BACK_MARKS) and bool(LEANS_BACK.search(text))


_UNITS = lx.wordset("second minute hour day week month year decade century")
_NOT_CAPITALS = bytes(c for c in range(128) if not chr(c).isupper())  # all ASCII but A-Z
_DIGIT = re.compile(r"\d")
_AMOUNT_BEFORE = re.compile(r"\b(?:within|after|every|per|about|over)\s+$")


def filler_blank(phrase: str) -> bool:
    """Whether a phrase is a poor blank whatever its score: one word of everyday English
    (not rare, see :func:`studyapp.cards.lexicon.is_rare`), since raters found such blanks
    fillers that other words fit ("scheduling a {{sequence}} of jobs", "the {{phases}} are in
    equilibrium": 6 of 12 rated bad, 1 good), or a
    phrase opening on an ordinal, which points into the document ("the {{next section}}",
    "the {{second path}}"), or on a count of things the sentence does not name ("the {{three
    systems}} that we considered", "the {{two works}}": rated blind, 10 of 56 such clozes were
    good and 24 bad; a count stays a fact where a question asks it)."""
    words = phrase.split()
    if len(words) == 1:
        return not lx.is_rare(phrase)  # "tinnitus", "BDNF" are the subject's own words
    if lx.opens_on_count(phrase) and all(p in lx.CARDINALS for p in words[0].lower().split("-")):
        # a count of things, not "[Four Truths]" (a name), "[three-way handshake]" or an
        # amount of time ("in under [three hours]")
        named = all(w[:1].isupper() for w in words[1:])
        return not named and lx.lemma(words[1].lower()) not in _UNITS
    if all(w[:1].isupper() for w in words):
        return False  # a name: "the [Fifth Amendment]", "the [Ninth Circuit]"
    return words[0].lower() in ORDINALS


def cloze_fault(text: str, titles: str, subject: str) -> str:
    """The rule a cloze breaks: a blank that is not a whole term, guessable, or shown."""
    judged = _title_free_faults(text, subject)
    if isinstance(judged, str):
        return judged
    title_stems: frozenset[str] | None = None
    for unseen, shown, specific, late_fault in judged:
        if unseen:  # the words the rest of the sentence does not show: do the titles?
            title_stems = lx.stems(titles) if title_stems is None else title_stems
            shown += sum(1 for w in unseen if lx.related(w, title_stems))
        if specific and 2 * shown >= specific:
            return "given-away"  # "pain [signals]" beside "pain perception": half is a hint
        if late_fault:
            return late_fault
    return ""


@lru_cache(maxsize=32768)
def _title_free_faults(
    text: str, subject: str
) -> str | tuple[tuple[tuple[str, ...], int, int, str], ...]:
    """What :func:`cloze_fault` decides of a cloze whatever titles it is shown under (a cloze
    is judged under its section's title, then its deck's): the fault of the sentence or of a
    blank's own words, or for each blank up to the first with a late fault, ``(its specific
    words the rest of the sentence does not show, how many it shows, how many specific words
    it has, its fault once the titles are judged)``. A word is related to the words on screen
    when it is to the titles' or to the sentence's (:func:`~.lexicon.related` asks whether
    some form of it is among them), so the sentence's are asked once."""
    fault = _sentence_fault(text)
    if fault and fault not in WEAK_SENTENCE:
        return fault
    # a fragment is weak, but a blank that is no term is wrong: that verdict comes first
    blank_fault = _first_blank_fault(text)
    if blank_fault or fault:
        return blank_fault or fault
    parts = cloze_parts(text)
    if any(_spelled_out_beside(hidden, parts.rest) for hidden in parts.hidden):
        return "given-away"  # "The [Cystic Fibrosis Foundation] ... any CFF event"
    rest_stems: frozenset[str] | None = None  # the words on screen but the blanks
    about = lx.stem(subject) if subject else ""
    out: list[tuple[tuple[str, ...], int, int, str]] = []
    for _no_fault, content, late_fault in _blank_faults(text):
        mine = bool(about and content) and all(lx.stem(w) == about for w in content)
        if mine and _acts(text, content[-1]):
            return "given-away"  # "[restic] allows removing old snapshots" in its manual
        specific = [w for w in content if not lx.is_vague(w) and lx.stem(w) != about]
        if specific and rest_stems is None:
            rest_stems = lx.stems(cloze_parts(text).rest)
        unseen = tuple(w for w in specific if rest_stems is None or not lx.related(w, rest_stems))
        out.append((unseen, len(specific) - len(unseen), len(specific), late_fault))
    return tuple(out)


def _spelled_out_beside(hidden: str, rest: str) -> bool:
    """Whether the rest of a cloze's sentence spells its blank out another way: the initials
    of a hidden name ("The [Cystic Fibrosis Foundation] has a rule that no patient can attend
    any CFF event") or the word a hidden "non-" word negates ("smokers vs [non-smokers]")."""
    capitals = [w[0] for w in hidden.split() if w[:1].isupper()]
    if len(capitals) >= 2 and re.search(rf"\b{''.join(capitals)}(?![a-z])", rest):
        return True
    low = hidden.lower()
    if low.startswith("non-") and len(low) > 6:
        negated = lx.stem(low[4:].split()[0])
        return negated in lx.stems(rest)
    return False


def _acts(text: str, hidden: str) -> bool:
    """Whether the blank hiding ``hidden`` is followed by a verb: the blank is the doer
    ("[restic] allows removing ..."), which in a text about that doer anyone guesses; not
    "... is called a [meteorite]", where the text defines its subject."""
    after = text.split(f"{hidden}}}}}", 1)[-1].split()
    return bool(after) and lx.only_verb(after[0].strip(",.;:"))


def _first_blank_fault(text: str) -> str:
    """The fault a blank's own words decide ("broken-blank", "stock-blank", "unresolved"),
    whatever the titles and the later rules, or ``""``."""
    for blank_fault, _content, _late in _blank_faults(text):
        if blank_fault:
            return blank_fault
    return ""


# a blank that names a picture or a table of the book, not a thing of the subject
FIGURE_LABEL = re.compile(
    r"^(?:Plate|Fig(?:ure)?\.?|Table|Chart|Map|Illustration|Diagram|Exhibit)s? "
    r"(?:[IVXLC]+|\d+[a-z]?)(?:[.-]\d+)?\W*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=32768)
def _blank_faults(text: str) -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """``(fault, content words, fault once the titles are judged)`` of each blank of a cloze,
    up to the first with a fault: what a blank's text decides, whatever the titles."""
    out: list[tuple[str, tuple[str, ...], str]] = []
    for match in CLOZE.finditer(text):
        phrase = match.group(1)
        if _broken(text, match.start(), match.end(), phrase):
            return (*out, ("broken-blank", (), ""))
        if _pointed(text[: match.start()]):
            return (*out, ("unresolved", (), ""))  # "sending these [SYN segments]": which?
        if FIGURE_LABEL.match(phrase):
            return (*out, ("unresolved", (), ""))  # "the Last Supper ([Plate IV].)": a
            # picture the card cannot show
        content = tuple(lx.content_words(phrase))
        everyday = all(lx.is_vague(w) for w in content) or (
            len(phrase.split()) == 1 and phrase.islower() and lx.is_guessable(phrase)
        )  # one everyday word ("window", "tables", "default") is a guess, not a term
        if content and everyday and not _amount(text, match.start()):
            return (*out, ("stock-blank", (), ""))
        # a blank that is one item of a list: judged after whether the titles give it away
        before, after = text[: match.start()], text[match.end() :]
        late = "list-item" if before.endswith(", ") and _LIST_AFTER.match(after) else ""
        if not late and _ASIDE_BEFORE.search(before) and not _CLAUSE_VERB_AFTER.match(after):
            late = "aside"  # "with its history as an anesthetic and [psychedelic], ...": background
        if not late and (
            _EXAMPLE_OPENING.match(text)
            or _example_before(before)
            or (_MORE_EXAMPLES.match(after) and _EXAMPLE_MARK.search(before))
            or _EXAMPLE_AFTER.match(after)
        ):
            late = "example"  # "durable goods like cars and [refrigerators]": one of many
        if not late and _PAIRED_BEFORE.search(before) and not _CLAUSE_AFTER_AND.search(before):
            late = "list-item"  # "the inputs and [outputs]": its pair in view gives it away
        if not late and before.count("(") > before.count(")"):
            late = "aside"  # "(which merchants imported from Cuba and the [West Indies])"
        out.append(("", content, late))
        if late:
            break
    return tuple(out)


def _example_before(before: str) -> bool:
    """Whether the text before a blank gives an example just before it
    (:data:`_EXAMPLE_BEFORE`: "durable goods like cars and [...]"), searched only when it holds
    one of the words that introduce examples."""
    lowered = plain_lower(before)
    if lowered is not None and not holds_any(lowered, _EXAMPLE_WORDS):
        return False
    return bool(_EXAMPLE_BEFORE.search(before))


def _pointed(before: str) -> bool:
    """Whether the text before a blank ends on a word pointing back (:data:`_POINTED`:
    "sending these [SYN segments]": which ones?). The pattern is tried at every word of the
    text, so it is only searched when the text's last word, lower-cased, is one of its words,
    or is not ASCII (a pattern read ignoring case finds "thoſe" too)."""
    end = before.rstrip()[-5:]
    if end.isascii() and not end.lower().endswith(_POINTED_WORDS):
        return False
    return bool(_POINTED.search(before))


# verbs that take an "-ing" clause after them ("starts writing", "keeps running")
_GERUND_VERBS = lx.wordset("start begin stop keep continue finish avoid quit resume cease")
_INITIALISM_BEFORE = re.compile(r"(?:^|\s)(?:[A-Z]\.){2,} $")  # "U.S. ", "U.K. "
_VERSUS_BEFORE = re.compile(r"\b[A-Z][\w.’'-]* (?:v|vs)\. $")  # "Marbury v. [Madison]"


def _word_before(before: str) -> list[str]:
    """The last word of ``before`` (``lx.WORD.findall(before)[-1:]``) when a space ends it
    and a word character comes before the space, else ``[]``. Read back from the end: the run
    of word characters there holds the last word from its first letter on (a word cannot
    start inside the run but at a letter, nor run on past it), so the sentence's other words
    need not be found."""
    stripped = before.rstrip()
    if len(stripped) == len(before) or stripped[-1:] not in _WORD_CHARS:
        return []
    start = len(stripped)
    while start and stripped[start - 1] in _WORD_CHARS:
        start -= 1
    for at in range(start, len(stripped)):
        if stripped[at] in _WORD_OPENERS:
            return [stripped[at:]]
    return lx.WORD.findall(before)[-1:]  # digits only ("in 1990 [...]"): an earlier word


def _broken(text: str, start: int, end: int, phrase: str) -> bool:
    """Whether a blank at ``text[start:end]`` hiding ``phrase`` is less than a whole term."""
    said = lx.WORD.findall(phrase)
    if not said or _CLAUSE_BREAK.search(phrase) or phrase.rstrip()[-1:] in ".,;:’'\"”":
        return True  # "[relative.]", "God Save the [Queen’]": the blank took a stop or quote
    if lx.parts_of_speech(said[-1]) == frozenset({"ADV"}) and len(said) > 1:
        return True  # "[document first]": an adverb of the clause rides along
    first, last = said[0], said[-1]
    if lx.is_function_word(first) or lx.is_function_word(last) or any(map(lx.only_verb, said)):
        return True  # "solution if", "corporation sold shoes": a piece of a clause
    if all(lx.parts_of_speech(w) == frozenset({"ADV"}) for w in said):
        return True  # "sometimes", "elsewhere": no term at all
    if len(said) == 1 and said[0].endswith("ally") and not lx.parts_of_speech(said[0]):
        return True  # "systemically": an adverb the lexicon does not list is no term either
    if _CONTRACTION.search(phrase):
        return True  # "[clone wouldn’t]", "[program won’t compile]": a clause, not a term
    if first.lower() in _QUANTIFIER_START:
        return True  # a quantifier or a number word belongs to the clause or the number
    if len(said) > 1 and first.lower() in _CARDINALS and not lx.parts_of_speech(said[1]):
        return True  # "Wherever [ten Jewish] heads of families": a count and half its noun
    before, after = text[:start], text[end:]
    if " and " in before[-6:].lower() and _NUMBER_GOES_ON.search(before):  # how it ends first
        return True  # "eight hundred and [fifty winters]": the blank cuts a number
    first_after = lx.WORD.search(after) if _SPACE_THEN_WORD.match(after) else None
    following_word = [first_after.group(0)] if first_after else []
    last_pos = lx.parts_of_speech(last)
    if (
        len(said) > 1
        and following_word
        and last.islower()
        and last.endswith("s")
        and lx.verb_lemma(last) not in ("", last)
        and not lx.is_function_word(said[-2])
        and "VERB" in lx.parts_of_speech(last)
        and (
            (following_word[0].lower() in _PARTICLES and said[0][:1].isupper())
            or following_word[0].lower() in _OBJECT_OPENING
            or following_word[0].lower() in _CLAUSE_OPENING
            or following_word[0][:1].isupper()
            or _that_clause(after)
        )
    ):
        return True  # "[Music goes] out of existence", "The [copyright owner hands] GitHub a
        # complaint", "[MVCC means] that CouchDB can run ...": a subject and its verb, not a term
    if (
        len(said) > 1
        and following_word
        and following_word[0].endswith("ing")
        and lx.verb_lemma(last) in _GERUND_VERBS
        and last.lower() != lx.verb_lemma(last)
    ):
        return True  # "The [child starts] writing the new file": a subject and its verb
    if (
        following_word
        and len(said) > 1
        and last.islower()
        and lx.parts_of_speech(last) == frozenset({"ADJ"})
    ):
        return True  # "bargains than [two larger] ones": the noun the adjective tells of is out
    complement = bool(following_word) and following_word[0].lower() in _COMPLEMENT
    if complement and len(said) > 1 and "ADJ" in last_pos and "NOUN" not in last_pos:
        return True  # "an [RNA genome similar] to viroids": the adjective's phrase goes on
    if any(w.endswith("ing") and lx.parts_of_speech(w) == frozenset({"VERB"}) for w in said[1:]):
        return True  # "Statutory [provision authorizing Bank] to sue": a clause, not a term
    if (
        before[-1:].isalnum()
        or (bool(before) and before[-1] in "-–—[]/.+_,=")
        or after[:1].isalnum()
        or (bool(after) and after[0] in "-–([]/+_")  # "[Levenberg]–Marquardt"
        or (after[:1] == "." and after[1:2].isalnum())  # "[IRC network libera].chat"
    ):
        return True  # the blank cuts a word or a formula
    if after[:1] == "." and last.lower() in ABBREVIATIONS:
        return True  # "[Baker v]. Carr", "[Smith et al]. showed": the name goes on past it
    if _CITATION.match(after):
        return True  # "([Arnett], 2000)": the author of a citation, not the subject's term
    if lx.parts_of_speech(first) == frozenset({"ADJ"}) and lx.is_familiar(first):
        return True  # "[Different geometric] isomers": an everyday adjective opens it
    previous = _word_before(before)
    sentence_start = not before.strip() or before.rstrip()[-1:] in ".:;!?"
    if last[:1].isupper() and (_NAME_GOES_ON.match(after) or (len(last) == 1 and after[:1] == ".")):
        return True  # "[National Institutes] of Health", "[Behaviorist B]. F. Skinner"
    if last.lower() in _HONORIFICS and after[:1] == "." and len(said) > 1:
        return True  # "[Bugaba cemetery Mr]. Merritt": the title belongs to the next name
    named = last[:1].isupper() and (not sentence_start or len(said) > 1)
    if (named and _NAME_JOINED_ON.match(after)) or (
        first[:1].isupper() and not sentence_start and _JOINED_TO_NAME.search(before)
    ):
        return True  # "[Chicago Sanitary] and Ship Channel", "Chicago Sanitary and [Ship ...]"
    if first[:1].isupper() and _INITIALISM_BEFORE.search(before):
        return True  # "U.S. [Geological Survey]": the initials are part of the name
    if first[:1].isupper() and _VERSUS_BEFORE.search(before):
        return True  # "Marbury v. [Madison]": half the name of a case
    titled = _TITLE_BEFORE.search(before) if before.endswith(". ") else None
    if titled and titled.group(1).lower() in _PLACE_TITLES and first[:1].isupper():
        return True  # "the inverted arrangement of the St. [Louis Library]": half a name
        # (a person's title is not: "coined by Dr. [Donald Norman]" hides the whole name)
    if first in _NAME_PARTICLES and previous and previous[0][:1].isupper():
        return True  # "Leonardo [da Vinci]": the rest of a name the text just began
    if previous and previous[0].lower() in _SUBJECT_PRONOUNS and previous[0] != "I":
        return True  # "the more we [study communities]": the blank opens on the verb
    if last[:1].isupper() and _NUMBER_AFTER.match(after):
        return True  # "the original [TCP specification RFC] 793": a name and its number
    if following_word:
        nxt = following_word[0]
        if last[:1].isupper() and nxt[:1].isupper():
            return True  # half a name
        if not lx.is_function_word(nxt) and lx.parts_of_speech(nxt) == frozenset({"NOUN"}):
            return True  # the head noun of the term is left outside ("light [...] energy")
        if _head_left_out(last, nxt):
            return True  # "[Mean arterial blood] pressure is calculated ...": a compound
    if (
        len(said) == 1
        and previous
        and following_word
        and _verb_between(previous[0], said[0], following_word[0])
    ):
        return True  # "benefits [warrant] further study": the verb of the clause
    if previous and not sentence_start:
        prev = previous[0]
        if len(prev) == 1 and prev not in ("a", "A", "I"):
            return True  # "C [l atoms]": a formula spelled out letter by letter
        if _binomial(prev, said):
            return True  # "Pseudomonas [aeruginosa]": the species of a genus the card shows
        return prev[:1].isupper() and first[:1].isupper() and not lx.is_function_word(prev)
    return False


def _binomial(genus: str, said: list[str]) -> bool:
    """Whether a one-word blank is the second half of a binomial name after its genus
    ("Pseudomonas [aeruginosa]", "Staphylococcus [aureus]", "Homo [sapiens]"): a capitalised
    word and a lower-case one, neither of them English."""
    if len(said) != 1 or not said[0].islower() or not genus[:1].isupper() or len(genus) < 4:
        return False
    return not lx.is_familiar(genus.lower()) and not lx.parts_of_speech(said[0])


def _head_left_out(last: str, nxt: str) -> bool:
    """Whether the word after a blank is the head noun of the term the blank cuts: a noun
    in its base form after a singular noun ("blood [pressure]", "cell [cycle]"), where a verb
    would agree ("the kidney filters") or be past ("Rome fell")."""
    pos = lx.parts_of_speech(nxt)
    if not nxt.islower() or lx.is_function_word(nxt) or "NOUN" not in pos or pos - {"NOUN", "VERB"}:
        return False  # "the [aorta] first": an adverb, not a head noun
    base = lx.verb_lemma(nxt)
    singular = lx.lemma(last.lower()) == last.lower() and not last.endswith("s")
    return singular and base in ("", nxt) and "NOUN" in lx.parts_of_speech(last.lower())


def _amount(text: str, start: int) -> bool:
    """Whether the blank at ``start`` hides an amount or a time ("within [minutes]", "[180
    litres]"): a fact in everyday words, not a stock phrase."""
    phrase = CLOZE.match(text, start)
    hidden = phrase.group(1) if phrase else ""
    if _DIGIT.search(hidden) or any(lx.lemma(w) in _UNITS for w in lx.words(hidden)):
        return True
    return bool(_AMOUNT_BEFORE.search(text[:start]))


def _subjectless(text: str) -> bool:
    """Whether a sentence of notes opens on its verb ("Says it is enough that ...",
    "Holds that ..."): who says it is in the line before, which a card does not show."""
    first = lx.WORD.search(text)
    if not first or not first[0].endswith("s") or not first[0][:1].isupper():
        return False
    word = first[0].lower()
    return lx.only_verb(word) and lx.verb_lemma(word) != word


# what follows the verb of an instruction: "List the ...", "Name one of ...", "Explain how"
_AFTER_AN_ORDER = lx.wordset(
    "the a an all each your one two three some any how why what which this these those"
)


@lru_cache(maxsize=16384)
def instruction(text: str) -> bool:
    """Whether a cloze's sentence is an instruction: a verb in its base form before an
    article ("List the classes of ...", "Draw a diagram of ...")."""
    said = [word[0] for word in islice(lx.WORD.finditer(text), 2)]  # the others unread
    if len(said) < 2 or said[1].lower() not in _AFTER_AN_ORDER:
        return False
    return lx.verb_lemma(said[0]) == said[0].lower()


def _verb_between(before: str, word: str, after: str) -> bool:
    """Whether ``word`` reads as the verb between a plural subject and its object ("benefits
    warrant further investigation")."""
    return (
        "VERB" in lx.parts_of_speech(word)
        and word.islower()
        and before.endswith("s")
        and lx.can_be_noun(before)
        and not lx.is_function_word(before)
        and not lx.is_function_word(after)
    )
