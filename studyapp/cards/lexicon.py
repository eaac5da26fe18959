"""The one place of word knowledge the card generator uses, for any subject.

General English comes from two libraries whose data ships inside their wheels (nothing is
downloaded at run time):

* :mod:`wordfreq` says how common a word is in everyday English (the Zipf scale: 7 for "the",
  about 5 for "treatment", 3 for "ketamine" or "photosynthesis"). A common word is a poor
  answer ("research", "quality") and a rare one is the subject's vocabulary, in biology as in
  law, with no list of a field's terms;
* :mod:`lemminflect` gives a word's lemmas by part of speech ("studies" -> study; "begin" is
  only ever a verb; "rose" may be the verb "rise"), so a cloze blank that ends on a verb is
  seen as half a clause, and "causes" and "cause" count as one word.

What the generator asks of them is answered from a copy of their tables shipped with
studyapp (:mod:`.word_table`), which loads in a small part of the time the libraries take;
the libraries themselves are loaded only for the rare question the copy cannot answer
exactly (:func:`_wordfreq`, :func:`_lemminflect`).

What stays hand-written here is grammar, not vocabulary: the closed class of function words
and the small set of abstract nouns that say nothing on their own in any subject.
"""

from __future__ import annotations

import gc
import re
from functools import lru_cache

from studyapp.cards.word_table import WordTable, first_lemma, word_table
from studyapp.collector import collector_paused
from studyapp.outline.sentences import plain_lower

WORD = re.compile(r"[A-Za-z][A-Za-z0-9’'-]*")
COMMON = 5.3  # Zipf frequency from which a word is everyday English ("research", "life")
FAMILIAR = 4.6  # from here a modifier is a word of everyday talk ("previous", "entire")
RARE = 3.6  # below it a word is the subject's vocabulary ("bronchodilation", "tort")
# from here one lowercase word hidden alone is found by guessing ("across [tables]", "by
# [default]"): rated blind on eleven subjects, 2 of 31 such clozes were good
GUESSABLE = 4.0


def wordset(text: str) -> frozenset[str]:
    """The set of whitespace-separated words of ``text`` (for the word sets below)."""
    return frozenset(text.split())


# number words that count ("three systems", "a dozen countries"): one list for every rule
# that tells a count from a term
CARDINALS = wordset(
    "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty"
    " hundred hundreds thousand thousands million millions billion billions dozen dozens"
)


_COUNT_OPENING = re.compile(
    rf"(?:{'|'.join(sorted(CARDINALS, key=len, reverse=True))})(?![A-Za-z])", re.IGNORECASE
)  # read for thousands of phrases: one pattern, not a word split each time


def opens_on_count(phrase: str) -> bool:
    """Whether ``phrase`` opens on a number in words ("two works", "forty-five percent",
    "three-way handshake")."""
    return _COUNT_OPENING.match(phrase) is not None


# Closed-class words (articles, pronouns, prepositions, conjunctions, auxiliaries, quantifiers)
FUNCTION_WORDS = wordset(
    """a an the and or but nor of in on at to for from by with without within into onto over
    under as than then that this these those it its is are was were be been being has have had
    having do does did can cannot could may might must should would will shall not no also such
    which who whom whose what when where while how why both each either any all some many more most
    other others another same own very so thus therefore if because since although though
    whereas unless until whether about against through across toward towards beyond upon
    there their they them we our you your he she his her him i me my one ones only even still
    yet just up out off down less least much few fewer among between during after before via
    per above below beneath behind beside besides inside outside underneath throughout versus
    around along"""
)
# Abstract nouns that name no content in any subject ("the role", "several factors")
ABSTRACT_NOUNS = wordset(
    """role use uses way ways aspect aspects factor factors area areas thing things part parts
    kind kinds type types form forms example examples case cases number range variety amount
    level levels issue issues matter matters point points purpose purposes process processes
    result results effect effects outcome outcomes impact approach approaches method methods
    option options potential ability abilities importance value values need needs concern
    concerns context situation situations manner fact facts feature features element elements
    item items idea ideas sense term terms question questions field fields state states
    research study studies evidence information people person individual individuals patient
    patients
    conclusion summary addition contrast particular general sum total possibility
    possibilities insight insights exception exceptions reason reasons"""
)
# Words that open a question or frame it, never its content ("What does X involve?")
_QUESTION_FRAME = wordset(
    """name describe explain give list state which what why how when where who whom whose
    true following text"""
)
_PRONOUNS = wordset("it they them this these those its their he she his her him such")
# Words that point at a picture or a part of the page a card cannot show ("photo B shows")
# verbs whose object is mostly a person or a party: a name after them is asked with "whom"
PERSON_OBJECT_VERBS = wordset(
    """sue marry serve elect appoint succeed defeat kill murder hire fire employ charge arrest
    crown depose exile execute pay pardon summon sentence convict acquit tell"""
)
# Light verbs: they take almost any object, so "What does X use?" has many right answers
# (rated blind, none of 20 such questions was good); a closed class of English, any subject
LIGHT_VERBS = wordset(
    "use provide support offer bring become have get make take give show see set pass follow"
    " need ask"
)
PAGE_WORDS = wordset(
    """figure figures fig photo photos photograph illustration illustrations micrograph
    micrographs"""
)
# words that name a picture on the page only when something points at it ("the graph
# above", "chart B", "this diagram"): elsewhere they are content ("weighted graphs", "image
# processing", "UML diagrams")
_POINTED_NOUNS = ("diagram", "chart", "graph", "panel", "picture", "image", "plot")
_POINTED_PAGE_WORDS = rf"(?:{'|'.join(_POINTED_NOUNS)})s?"
_POINTED_PAGE = re.compile(
    rf"\b(?:this|these|that|those|following)\s+{_POINTED_PAGE_WORDS}\b"
    rf"|\b{_POINTED_PAGE_WORDS}\s+(?:above|below|(?-i:[A-Z])\b|\d)",
    re.IGNORECASE,
)


# What every word of PAGE_WORDS holds (keep them with it)
_PAGE_MARKS = ("fig", "photo", "illustration", "micrograph")
_PAGE_MARKS_AND_NOUNS = (*_PAGE_MARKS, *_POINTED_NOUNS)


# a mark drawn in a chart ("the dashed line", "the shaded area"): it exists only on the page
_DRAWN = re.compile(
    r"\bthe (?:dashed|dotted|solid|dark|light|thick|thin|bold|red|blue|green|black|gr[ae]y"
    r"|shaded|hatched) (?:lines?|curves?|bars?|areas?|regions?|arrows?|series|dots?)\b",
    re.IGNORECASE,
)
_DRAWN_NOUNS = ("line", "curve", "bar", "area", "region", "arrow", "series", "dot")


def points_to_page(text: str) -> bool:
    """Whether ``text`` leans on a picture of the page ("What does photo B show?", "the graph
    above", "What is the dashed line?"): a card shows no picture."""
    lowered = plain_lower(text)  # a text naming none of the nouns needs no search for them
    # (each "any" below looks for the nouns in ``lowered`` one after another, in C)
    drawn = lowered is None or any(map(lowered.__contains__, _DRAWN_NOUNS))
    if drawn and _DRAWN.search(text):
        return True
    if lowered is not None and not any(map(lowered.__contains__, _PAGE_MARKS_AND_NOUNS)):
        return False  # most texts: their words need not be found
    if not PAGE_WORDS.isdisjoint(words_of(text)):
        return True
    if lowered is not None and not any(map(lowered.__contains__, _POINTED_NOUNS)):
        return False
    return bool(_POINTED_PAGE.search(text))


# a text that sends the reader elsewhere in the document, or to what follows it ("Please see
# the usage chapter for ...", "refer to another section", "In the section that follows we
# will look at ...", "the following example script"): it tells where, not what
_SENDS_ELSEWHERE = re.compile(
    r"\b(?:see|refer to|consult|read)\s+(?:the\s+|our\s+|another\s+|a\s+later\s+"
    r"|an\s+earlier\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:chapter|section|page|documentation|docs|manual|appendix|tutorial)s?\b"
    r"|\bthe\s+(?:following|next|previous|preceding)\s+(?:[\w-]+\s+)?"
    r"(?:section|chapter|example|script|paragraph|page|listing|table|figure)s?\b"
    r"|\bthe\s+(?:section|chapter)s?\s+that\s+follows?\b",
    re.IGNORECASE,
)


def sends_elsewhere(text: str) -> bool:
    """Whether ``text`` points the reader to another part of the document (see
    :data:`_SENDS_ELSEWHERE`): a card of it asks where to read, not what is so."""
    return _SENDS_ELSEWHERE.search(text) is not None


# The speaker and the listener: a card cannot lean on who is talking ("the candle I hold")
_PERSONAL = wordset("i me my mine you your yours")  # the authorial "we" states general facts
# Where a word of _PERSONAL may stand in a text, in any case (a word starts after no letter and
# goes on, if at all, after an apostrophe): a text without one names neither speaker nor
# listener, and its words need not be found and asked one by one (keep it with _PERSONAL)
_PERSONAL_MARK = re.compile(
    r"(?<![A-Za-z])(?:[Ii]|[Mm][EeYy]|[Mm][Ii][Nn][Ee]|[Yy][Oo][Uu](?:[Rr][Ss]?)?)(?![A-Za-z0-9-])"
)
_I_BEFORE = re.compile(r"\bI (?P<next>[a-z]+)")
_LET_US = re.compile(r"\b[Ll]et(?:['’]s| us) [a-z]")


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, possessive ’s removed."""
    return list(words_of(text))


@lru_cache(maxsize=16384)
def words_of(text: str) -> tuple[str, ...]:
    """:func:`words`, as the tuple they are kept in, for a caller that only reads them (asked
    of every phrase weighed for a cloze: no list is copied for it)."""
    if _LOWER_TRAPS[0] in text or _LOWER_TRAPS[1] in text:  # (asked of every sentence)
        return tuple(w.lower().removesuffix("’s").removesuffix("'s") for w in WORD.findall(text))
    lowered = text.lower()  # found lower-cased at once: the same words (see _LOWER_TRAPS)
    found = _LOWER_WORD.findall(lowered)
    if "’s" not in lowered and "'s" not in lowered:
        return tuple(found)  # no word can end on a possessive
    return tuple(w.removesuffix("’s").removesuffix("'s") for w in found)


# WORD read in a lower-cased text, which holds the same words lower-cased unless lower() made
# an ASCII letter of another character: only "İ" (-> "i̇") and the Kelvin sign (-> "k") do
_LOWER_WORD = re.compile(r"[a-z][a-z0-9’'-]*")
_LOWER_TRAPS = ("\u0130", "\u212a")  # both looked for by :func:`words_of`: keep it two


@lru_cache(maxsize=1)
def _load_tables() -> WordTable:
    """Read the word table, once, on first use (a command that makes no cards does not pay
    for it).

    The table is hundreds of thousands of strings that live as long as the process, and
    reading it makes no garbage: the collector is paused meanwhile (it would only walk them
    again and again as they grow).
    """
    with collector_paused():
        return word_table()


@lru_cache(maxsize=1)
def _wordfreq() -> None:
    """Load wordfreq's own table, for a frequency the shipped copy cannot work out exactly
    (a token wordfreq reads in a way not copied, such as "1.5"), with the collector paused
    as in :func:`_load_tables`."""
    with collector_paused():
        from wordfreq import zipf_frequency

        zipf_frequency("word", "en")


@lru_cache(maxsize=1)
def _lemminflect() -> None:
    """Load lemminflect's own tables, for a verb form of a word that is no verb lemma of the
    shipped copy, with the collector paused as in :func:`_load_tables`."""
    with collector_paused():
        from lemminflect import getInflection

        getInflection("word", tag="VBD")


def settle_tables() -> None:
    """Read the word table and take everything alive out of the cycle collector's rounds
    (:func:`gc.freeze`): for a process that makes decks and exits (``studyapp generate``).

    Making the decks of a long text runs several full collections, and each would walk the
    tables again; frozen, they are never walked. Freezing concerns only the cycle
    collector (objects are still freed when their last reference goes), but it also keeps
    whatever else is alive then out of its rounds, so the app, which lives on, does not
    freeze: it loads the tables lazily (:func:`_load_tables`) like any other caller.
    """
    _load_tables()
    gc.freeze()


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common ``word`` is in English on the Zipf scale (0 for a word never seen)."""
    found = _load_tables().zipf(word)
    if found is not None:
        return found
    _wordfreq()  # first: the import below is then a lookup
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


def lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """The lemmas of ``word`` by universal part of speech (``{"VERB": ("begin",)}``)."""
    return _lemmas(word.lower())  # "Receptor" and "receptor" are looked up once


@lru_cache(maxsize=65536)
def _lemmas(lower: str) -> dict[str, tuple[str, ...]]:
    return _load_tables().lemmas(lower)


@lru_cache(maxsize=65536)
def parts_of_speech(word: str) -> frozenset[str]:
    """The parts of speech ``word`` can be (empty for a word the lexicon does not know, and
    for an abbreviation: "ACE" is a name, not the verb "ace")."""
    if len(word) >= 2 and word.isupper():
        return frozenset()
    return frozenset(_lemmas(word.lower()))  # :func:`lemmas`, one call less (asked often)


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of ``word``, a noun reading first ("studies" -> "study")."""
    found = first_lemma(_lemmas(word.lower()))  # :func:`lemmas`, one call less
    return word.lower() if found is None else found


@lru_cache(maxsize=16384)
def lemma_forms(base: str) -> tuple[str, ...]:
    """The words other than ``base`` whose :func:`lemma` is ``base`` ("causes", "caused" and
    "causing" of "cause"): a word the table does not know is its own lemma, so these are
    all the words of the lemma but ``base`` itself (which is one of them when its own lemma
    is ``base``)."""
    return _load_tables().forms(base)


@lru_cache(maxsize=65536)
def verb_lemma(word: str) -> str:
    """The base form of ``word`` read as a verb ("wilts" -> "wilt"), or ``""``."""
    forms = _lemmas(word.lower())  # :func:`lemmas`, looked up once
    found = forms.get("VERB") or forms.get("AUX")
    return found[0].lower() if found else ""


def is_past(word: str, base: str) -> bool:
    """Whether ``word`` is the simple past of the verb ``base`` ("began" of "begin")."""
    return word.lower() in inflection(base, "VBD")


@lru_cache(maxsize=16384)
def inflection(base: str, tag: str) -> tuple[str, ...]:
    """The forms of the verb ``base`` for a Penn tag, "VBD" (past) or "VBZ" (third person
    singular): ``("carries",)`` for ("carry", "VBZ")."""
    found = _load_tables().inflection(base, tag)
    if found is not None:
        return found
    _lemminflect()  # first: the import below is then a lookup
    from lemminflect import getInflection

    return tuple(getInflection(base, tag=tag))


def only_verb(word: str) -> bool:
    """Whether ``word`` can only be a verb ("begin", "produces"): a phrase ending on it is a
    piece of a clause, never a whole term."""
    pos = parts_of_speech(word)
    return bool(pos) and pos <= {"VERB", "AUX"}


def is_function_word(word: str) -> bool:
    return word.lower() in FUNCTION_WORDS


def is_pronoun(word: str) -> bool:
    """Whether ``word`` points back to something said before ("they", "this", "its")."""
    return word.lower() in _PRONOUNS


@lru_cache(maxsize=65536)
def is_personal(word: str) -> bool:
    """Whether ``word`` names the speaker or the listener ("our", "you"; for "I", which may
    be a numeral as in "angiotensin I", see :func:`speaks_to_reader`)."""
    base = word.split("'", 1)[0].split("’", 1)[0]  # "you'll", "we’re"
    if base == "I":
        return word != "I"  # "I’m", "I'll": the speaker; a bare "I" may be a numeral
    return base.lower() in _PERSONAL


@lru_cache(maxsize=65536)
def speaks_to_reader(text: str) -> bool:
    """Whether ``text`` leans on its speaker or listener ("the candle I have in my hand",
    "you see"); "I" counts before a verb ("I have"), not as a numeral ("angiotensin I to")."""
    if _PERSONAL_MARK.search(text) and any(is_personal(w) for w in WORD.findall(text)):
        return True
    if ("et's " in text or "et’s " in text or "et us " in text) and _LET_US.search(text):
        return True  # "First, let's look at an obvious example": the text guiding its reader
    if "I " not in text:
        return False  # no "I" before a word
    for match in _I_BEFORE.finditer(text):
        following = match.group("next")
        if following in ("am", "have", "had", "was", "will", "would", "can", "could", "shall"):
            return True
        if not is_function_word(following) and verb_lemma(following):
            return True
    return False


def can_be_noun(word: str) -> bool:
    """Whether ``word`` can be a noun (or is unknown to the lexicon: a name, a term)."""
    pos = parts_of_speech(word)
    return not pos or "NOUN" in pos or "PROPN" in pos


def is_common(word: str) -> bool:
    """Whether ``word`` is everyday English (a guesser's word, not the subject's)."""
    return zipf(word.lower()) >= COMMON


def is_familiar(word: str) -> bool:
    """Whether ``word`` is familiar to anyone ("initial", "upper"): as the modifier that tells
    one option of a multiple choice from another it tells nothing of the subject."""
    return zipf(word.lower()) >= FAMILIAR


def is_guessable(word: str) -> bool:
    """Whether ``word``, hidden alone in a sentence, is everyday enough to be guessed from
    the words around it rather than recalled ("tables", "default", "assumption")."""
    return zipf(word.lower()) >= GUESSABLE


def is_rare(word: str) -> bool:
    """Whether ``word`` is the subject's vocabulary (an acronym, or rare in English)."""
    if len(word) >= 2 and word.isupper() and word.isalpha():
        return True
    return zipf(word.lower()) < RARE


@lru_cache(maxsize=65536)
def is_vague(word: str) -> bool:
    """Whether a word names nothing specific: a function word, an abstract noun, a
    question's frame word, or everyday English."""
    low = word.lower()
    return (
        low in FUNCTION_WORDS
        or lemma(low) in ABSTRACT_NOUNS
        or low in ABSTRACT_NOUNS
        or low in _QUESTION_FRAME
        or is_common(low)
    )


@lru_cache(maxsize=65536)
def names_a_thing(word: str) -> bool:
    """Whether ``word`` can name what a question is about: a noun (or a term the lexicon does
    not know) that is not abstract ("research", "role") and not mainly a describing word
    ("better", "ongoing")."""
    low = word.lower()
    if low in FUNCTION_WORDS or low in _QUESTION_FRAME or lemma(low) in ABSTRACT_NOUNS:
        return False
    pos = parts_of_speech(word)
    if not pos:  # unknown to the lexicon: a term or a name, unless it is everyday English
        return is_rare(low) or word[:1].isupper()
    return "NOUN" in pos and not ({"ADJ", "ADV"} & pos and not is_rare(low))


def content_words(text: str) -> list[str]:
    """The words of ``text`` that carry meaning (not function words), lower case."""
    return [w for w in words(text) if w not in FUNCTION_WORDS and len(w) > 2]


def specific_words(text: str) -> list[str]:
    """The words of ``text`` that name something specific (see :func:`is_vague`)."""
    return [w for w in content_words(text) if not is_vague(w)]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """What a word shares with its derived relatives: ``salivation`` -> ``saliva`` (salivary),
    ``bronchodilatory`` -> ``bronchodila`` (bronchodilation); short words stay whole."""
    base = lemma(word)
    return base[: max(6, len(base) - 4)] if len(base) > 6 else base


def related(word: str, text_stems: frozenset[str]) -> bool:
    """Whether ``word`` or a relative of it (same lemma, or same derivational stem) is among
    ``text_stems`` (as made by :func:`stems`)."""
    return not text_stems.isdisjoint(_relatives(word))


@lru_cache(maxsize=65536)
def _relatives(word: str) -> tuple[str, ...]:
    """What :func:`related` looks for of ``word``: its stem, its lemma, and its clipped forms
    a screen may show ("init" for "initial"); worked out once a word, as a word is asked
    about against many texts."""
    low = word.lower()
    return (stem(word), lemma(word), *(low[:k] for k in range(max(4, len(low) - 4), len(low))))


@lru_cache(maxsize=4096)
def stems(text: str) -> frozenset[str]:
    """The lemmas and stems of every word of ``text`` (hyphenated words also by part)."""
    return frozenset().union(*map(_word_stems, words_of(text)))


@lru_cache(maxsize=65536)
def _word_stems(word: str) -> frozenset[str]:
    """The lemmas and stems of one lower-cased word and of its hyphenated parts."""
    out: set[str] = set()
    for part in {word, *word.split("-")}:
        if part:
            out.add(lemma(part))
            out.add(stem(part))
    return frozenset(out)


FINITE = wordset("is are was were has have had can may might must will would should do does did")


def holds_finite_verb(words: list[str]) -> bool:
    """Whether ``words`` (of one clause, as written) hold a finite verb: an auxiliary, or a
    word that can be a verb in an inflected form ("emerged", "produces") and does not follow a
    function word ("category of structures": a noun). "A group of even beats, always felt"
    states nothing; "Ketamine has emerged as a treatment" does."""
    return any(
        w.lower() in FINITE
        or (
            bool({"VERB", "AUX"} & parts_of_speech(w))
            and w.lower().endswith(("s", "ed"))
            and verb_lemma(w) != w.lower()
            and not (at and is_function_word(words[at - 1]))
        )
        for at, w in enumerate(words)
    )


# words that end a noun phrase's head: "the decrease [in] ...", "the forces [that] ..."
HEAD_ENDS = wordset("of in on at for with from by to into between among that which who whose")


# spellings that open on a "y" or "w" sound: "a unit", "a unanimous vote", "a one-way street"
_YOU_SOUND = (
    *("uni", "unan", "use", "usu", "uti", "ura", "uri", "uro", "ubiq", "ukr", "uto"),
    *("eu", "ewe", "one", "once"),
)


def indefinite_article(phrase: str) -> str:
    """``a`` or ``an`` before ``phrase``, by its first sound as spelt: "an engrossed
    measure", "a hopper", "a unanimous consent request", "an hour"."""
    low = phrase.lower()
    if low.startswith(_YOU_SOUND):
        return "a"  # a "y" or "w" sound
    if low.startswith(("hour", "honest", "honor", "honour", "heir")):
        return "an"
    return "an" if low[:1] in "aeiou" else "a"


def copula_for(term: str, verb: str = "is") -> str:
    """The copula of a "What is X?" question agreeing with the term's head noun: "What are
    permissive licenses?" where the source said "Permissive licenses is the term used ...",
    "What is the decrease in CD4 T cells?", "What are pachyderms?". A verb other than "is" and
    "are" ("was", "refers to"), a name, a head that can be either ("series", "virus",
    "analysis") and a word the lexicon does not know ("Kubernetes") keep ``verb``, unless
    its singular is an English word ("easements", "trilobites": "are")."""
    if verb not in ("is", "are"):
        return verb
    head = ""
    for word in WORD.findall(term):
        if word.lower() in HEAD_ENDS or only_verb(word):
            break  # "the decrease in ...", "the only forces exerted on the mass"
        head = word
    if not head or not head.islower() or head.endswith(("ss", "us", "is")):
        return verb
    if not head.endswith("s"):
        return "is" if parts_of_speech(head) else verb
    if not parts_of_speech(head):
        # a word the lexicon lacks is a plural when its singular is English ("easements",
        # "annelids", "trilobites"), not when only the word is ("kubernetes")
        return "are" if zipf(head[:-1]) > 0 else verb
    return "are" if lemma(head) != head else verb
