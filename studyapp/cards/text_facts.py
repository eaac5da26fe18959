"""Facts found in sentences: acronym expansions, definitions, enumerations and key phrases.

Every value returned is a contiguous piece of the sentence it came from (never reworded), so
cards built from it are grounded in the source. The card maker
(:mod:`studyapp.cards.from_text`) turns these facts into questions; which phrase of a
sentence a cloze hides is chosen by :mod:`studyapp.cards.phrase_scorer`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from studyapp.cards import lexicon as lx
from studyapp.cards import term_quality as tq

# one word splitter for the whole generator, re-exported for the modules that read words here
from studyapp.cards.lexicon import WORD as WORD
from studyapp.cards.lexicon import words as words
from studyapp.cards.lexicon import wordset

_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{0,2}[A-Z]{1,6}s?)\)")
_PRONOUN_START = re.compile(r"^(?:They|Their|Them|These|Those|This|That|Such|Here|There)\b")
STOPWORDS = wordset(
    """a an the and or but nor of in on at to for from by with without within into onto over
    under as than then that this these those it its is are was were be been being has have had
    having do does did can could may might must should would will shall not no also such which
    who whom whose what when where while how why both each either any all some many more most
    other others another same own very further furthermore additionally however although though
    because since so thus therefore often particularly especially typically frequently
    potentially primarily certain various several significant significantly including include
    includes like among between during after before about against through across toward towards
    beyond upon there their they them we our you your he she his her one ones new used use using
    well known make makes made making allow allows allowing provide provides providing show
    shows shown showed demonstrate demonstrated demonstrates become becomes given give gives
    help helps way ways only even still yet just up out off down less least much few fewer
    take takes taken need needs needed require requires required remain remains role ability
    contribute contributes contributing lead leads leading offer offers suggest suggests account
    explore explored explores investigated investigating underway ongoing appropriate necessary
    essential crucial valuable promise promising recent recently every found showed addition
    better"""
)


@dataclass(frozen=True, slots=True)
class Acronym:
    """An acronym and its expansion, as written (``rapid sequence intubation``, ``RSI``)."""

    short: str
    expansion: str


@dataclass(frozen=True, slots=True)
class Definition:
    """``subject`` is/refers to ``definition``; ``trait`` is what follows "characterized by"."""

    subject: str
    verb: str  # "is", "are" or "refers to"
    definition: str
    trait: str = ""


def acronyms(sentence: str) -> list[Acronym]:
    """Acronyms in parentheses whose expansion (matching initials) directly precedes them."""
    found: list[Acronym] = []
    if "(" not in sentence:  # what every acronym is written in (most sentences have none)
        return found
    for match in _ACRONYM.finditer(sentence):
        short = match.group(1)
        letters = [c.lower() for c in short.rstrip("s") if c.isupper()]
        before = sentence[: match.start()].rstrip()
        tokens = list(re.finditer(r"[A-Za-z][A-Za-z’']*", before))
        parts = [t for t in tokens]
        need = list(letters)
        start = None
        position = len(parts) - 1
        while need and position >= 0:
            token = parts[position]
            if token.group(0)[0].lower() == need[-1]:
                need.pop()
                start = token.start()
            elif token.group(0).lower() not in ("of", "and", "the", "in", "for", "to"):
                break
            position -= 1
        if need or start is None:
            continue
        expansion = before[start:].strip(" ,;:")
        if " " in expansion or "-" in expansion:
            found.append(Acronym(short, expansion))
    return found


_SECOND_CLAUSE = re.compile(
    r",? (?:and|but) (?=(?:some|many|most|all|it|they|this|these|there|we|you|users)\b)"
)
_DEF_PATTERNS = (
    re.compile(r"^(?P<subject>[^,;:]{2,80}?) (?P<verb>refers to|refer to) (?P<definition>.+)$"),
    re.compile(
        r"^(?P<subject>[^,;:]{2,80}?) (?P<verb>is defined as|are defined as) (?P<definition>.+)$"
    ),
    re.compile(r"^(?P<subject>[^,;:]{2,80}?) (?P<verb>is|are) (?P<definition>(?:an?|the) .+)$"),
    re.compile(
        r"^(?P<subject>[^,;:]{2,80}?) (?P<verb>are) (?P<definition>[a-z][\w-]*(?: [\w-]+){0,4} "
        r"(?:characteri[sz]ed by|that|which|caused by|resulting from) .+)$"
    ),
)
# What each of the patterns above needs in a sentence: most sentences have none of it, and
# are then not matched against the pattern (which tries every start of a subject)
_DEF_NEEDS = ((" refers to ", " refer to "), (" defined as ",), (" is ", " are "), (" are ",))
_RELATIONS = (
    (re.compile(r"^(?P<x>[^,;:]{3,100}?) (?P<verb>is|are) attributed to (?P<y>.+)$"), "attributed"),
    (re.compile(r"^(?P<x>[^,;:]{3,100}?) involves (?P<y>.+)$"), "involves"),
)


@dataclass(frozen=True, slots=True)
class Relation:
    """``x`` is attributed to ``y``, or ``x`` involves ``y`` (both verbatim)."""

    kind: str
    x: str
    verb: str
    y: str


def _names_a_thing(phrase: str) -> bool:
    """Whether a phrase can be the subject of a definition: it opens with no adverb or
    preposition ("Then here", "At the top") and ends on a word that can be a noun."""
    said = lx.WORD.findall(phrase)
    if not said:
        return False
    first, last = said[0].lower(), said[-1]
    pos = lx.parts_of_speech(first)
    if first not in ("a", "an", "the") and (
        lx.is_function_word(first) or (pos and pos <= {"ADV", "ADP"}) or lx.only_verb(first)
    ):
        return False  # "Then here", "restricts use of ...": no thing is named
    return lx.can_be_noun(last) and not lx.is_function_word(last) and not lx.is_personal(last)


def relations(sentence: str) -> list[Relation]:
    """Cause and content statements: ``X are attributed to Y``, ``X involves Y``."""
    text = sentence.rstrip(" .")
    out = []
    for pattern, kind in _RELATIONS:
        if f" {kind} " not in text:  # "attributed", "involves": the pattern's own word
            continue
        match = pattern.match(text)
        if match and not _PRONOUN_START.match(match.group("x")) and len(match.group("y")) > 8:
            verb = match.groupdict().get("verb") or ""
            out.append(Relation(kind, match.group("x"), verb, match.group("y")))
    return out


_APPOSITIVE = re.compile(
    r"(?P<subject>\b[a-z][\w-]*(?: [a-z][\w-]*){0,3}), (?P<definition>an? (?:type|form|kind|class"
    r"|group|category) of [^,;.]+)"
)
# what every _APPOSITIVE holds (keep the two together): found with one fast scan, where the
# appositive itself is tried at every word of the sentence, and few sentences hold it
_APPOSITIVE_HEAD = re.compile(r", an? (?:type|form|kind|class|group|category) of ")
_LIKENESS = re.compile(r"^(?:(?:a bit|a little|kind of|sort of|somewhat|rather|just|much) )?like\b")
_CHARACTERIZED = re.compile(r"\bcharacteri[sz]ed by (?P<trait>[^,;]+)$")


def definitions(sentence: str) -> list[Definition]:
    """Definitions in a sentence: ``X is a ...``, ``X refers to ...``, ``X, a type of ...``."""
    return list(_definitions(sentence))  # a sentence is read for definitions many times


def _before_semicolon(text: str) -> str:
    """``text`` up to its first semicolon outside brackets: "the ultimate object of all
    military training; success may be looked for only when ..." says what the term is before
    it, and goes on to another thought after it."""
    if "; " not in text:
        return text
    depth = 0
    for at, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char == ";" and depth == 0 and text[at + 1 : at + 2] == " ":
            return text[:at]
    return text


def _pronoun_one(definition: str) -> bool:
    """Whether a definition opens on "the one" standing for a noun said before ("the square
    knot is the one used by surgeons"): it names nothing. "The one organ that ..." names."""
    said = definition.split()
    if len(said) < 3 or said[1].lower() not in ("one", "ones"):
        return False
    word = said[2].strip(",;:").lower()
    return lx.is_function_word(word) or "NOUN" not in lx.parts_of_speech(word)


# "An example is X", "One exception is Y": the sentence names X as a case of what came
# before; it does not define "example" ("What is the term for X?" -> "example")
_POINTER_HEADS = lx.wordset("example examples instance instances illustration exception exceptions")


@lru_cache(maxsize=16384)
def _definitions(sentence: str) -> tuple[Definition, ...]:
    text = sentence.rstrip(" .")
    out: list[Definition] = []
    for pattern, needs in zip(_DEF_PATTERNS, _DEF_NEEDS, strict=True):
        for need in needs:
            if need in text:
                break
        else:
            continue
        match = pattern.match(text)
        if not match:
            continue
        subject = match.group("subject").strip()
        # "an LGPL-licenced dependency and some users cannot ...": a second clause follows
        definition = _SECOND_CLAUSE.split(match.group("definition").strip(), maxsplit=1)[0]
        definition = _before_semicolon(definition)
        first = definition.split()[1].lower() if len(definition.split()) > 1 else ""
        if (
            len(subject.split()) > 7
            or not _names_a_thing(subject)
            or _PRONOUN_START.match(subject)
            or subject.split()[0] in ("It", "One", "Some", "Many", "Most", "While", "When", "If")
            or subject.split()[-1].lower() in _POINTER_HEADS  # "An example is the corals ..."
            or first in tq.EVALUATIVE
            or first in ("thing", "things", "something", "way")  # "a thing which ..."
            or _pronoun_one(definition)
            or _LIKENESS.match(definition)  # "a bit like passing notes in class": an image
            or re.search(r", (?:and )?(?:the|a|an) [^,]{1,40} (?:is|are) ", definition)
            or len(definition.split()) < 3
        ):
            continue
        verb = match.group("verb").replace("refer to", "refers to").replace(" defined as", "")
        trait_match = _CHARACTERIZED.search(definition)
        out.append(
            Definition(subject, verb, definition, trait_match.group("trait") if trait_match else "")
        )
        return tuple(out)
    if ", a" not in text or not _APPOSITIVE_HEAD.search(text):  # ", a type of", ", an ..."
        return tuple(out)
    for match in _APPOSITIVE.finditer(text):
        subject = match.group("subject")
        subject_words = subject.split()
        while subject_words and (
            subject_words[0] in STOPWORDS or subject_words[0].endswith(("ing", "ed"))
        ):
            subject_words.pop(0)
        if subject_words:
            out.append(Definition(" ".join(subject_words), "is", match.group("definition")))
    return tuple(out)


_ENUMERATION = re.compile(
    r",? (?:such as|including|include|includes|particularly in cases of) (?P<items>[^.;:]+)"
)


# the words that open a list of :data:`_ENUMERATION`, each as a word (what it needs)
_ENUMERATION_WORDS = (" such as ", " including ", " include ", " includes ", " in cases of ")


def enumeration(sentence: str) -> tuple[str, list[str]] | None:
    """``(lead-in, items)`` for ``... such as A, B, and C``; None when there is no clean list."""
    if not any(map(sentence.__contains__, _ENUMERATION_WORDS)):
        return None
    match = _ENUMERATION.search(sentence)
    if not match:
        return None
    parts = [p.strip() for p in match.group("items").split(",")]
    items: list[str] = []
    for part in parts:
        if part.startswith(("and ", "or ")):
            items.append(part.split(" ", 1)[1])
            break
        if " and " in part and not items:
            items.extend(part.split(" and ", 1))
            break
        items.append(part)
    else:
        return None
    if not 2 <= len(items) <= 6 or any(not i or len(i.split()) > 5 for i in items):
        return None
    lead_in = sentence[: match.start("items")].rstrip()
    lead_in = re.sub(
        r",? (?:such as|including|include|includes|particularly in cases of)$", "", lead_in
    ).strip()
    return lead_in, items


def is_generic(phrase: str) -> bool:
    """Whether every word of a phrase is a stop word or a weak noun (one test for the whole
    generator: :func:`studyapp.cards.term_quality.is_generic_phrase`)."""
    return tq.is_generic_phrase(phrase, STOPWORDS)


_KIND_CLASSES = {
    "condition": "condition conditions disorder disorders disease diseases syndrome syndromes "
    "emergency emergencies pain cases case illness infection injury state",
    "procedure": "procedure procedures technique techniques method methods intervention "
    "interventions operation test tests",
    "process": "process processes mechanism mechanisms pathway pathways change changes",
    "substance": "drug drugs agent agents medication medications substance substances "
    "compound compounds hormone hormones enzyme enzymes protein proteins",
}
_KIND_OF_WORD = {w: kind for kind, text in _KIND_CLASSES.items() for w in text.split()}
_KIND_STOP = re.compile(
    r" (?:of|that|which|who|used|characteri[sz]ed|resulting|caused|where|by|in|with|for|to)\b"
)


def kind_of(definition: str) -> str:
    """What kind of thing a definition says its term is: "a psychiatric condition that ..."
    -> ``condition``, "a procedure used to ..." -> ``procedure``, "a type of chronic pain"
    -> ``condition`` (so multiple-choice distractors are the same kind as the answer)."""
    text = re.sub(r"^(?:an?|the) ", "", definition.strip().lower())
    text = re.sub(r"^(?:type|form|kind|class|group|category) of ", "", text)
    head = _KIND_STOP.split(text, maxsplit=1)[0].split()
    word = head[-1] if head else ""
    return _KIND_OF_WORD.get(word, word)
