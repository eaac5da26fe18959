"""Count questions: a sentence that gives a number of things asks "How many ...?".

A teacher asks the counts a text states: ``The human body has 206 bones`` -> "How many bones
does the human body have?" -> ``206``; ``There are eight planets in the Solar System`` -> "How
many planets are there in the Solar System?"; ``The Germans lost 2,000 men at Sedan`` -> "How
many men did the Germans lose at Sedan?"; ``The heart beats 100,000 times a day`` -> "How many
times does the heart beat a day?". The number follows the sentence's verb and counts a plural
noun; the clause before it turns round into the question (:func:`studyapp.cards.why_how.invert`).

Not asked: a year ("in 1066", a date is asked "when"), a measure ("25 mg", "40 per cent":
"how much", and a dose is read off a table), a number inside the subject ("Over 2,000 men were
killed": what of them?), and a count whose items the sentence then lists ("three types of rock:
igneous, ...", asked as a list, :func:`studyapp.cards.main_clause.kinds`).
"""

from __future__ import annotations

import itertools
import re

from studyapp.cards import lexicon as lx
from studyapp.cards.drafts import QA
from studyapp.cards.why_how import invert, verb_left_behind

_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100,
}  # fmt: skip
_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)$")
_THERE = re.compile(r"^There (?P<be>are|were) (?P<rest>.+)$")
_MEASURES = lx.wordset(
    "per percent cent degrees degree times' mg kg g km m cm mm ml l lb lbs oz ft in mph kph"
)
_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:(]| [–—] | - ")
_PARTICLES = lx.wordset("of up")  # "consists of", "is made up of"
_MAX_NOUN = 3  # words: "major planets", "cervical vertebrae"
_MAX_QUESTION = 20  # words


def how_many(text: str, subject: str) -> QA | None:
    """ "How many <things> ...?" -> the number a sentence gives of them, or None."""
    clause = _BREAK.split(text.rstrip(" ."), maxsplit=1)[0]
    if ":" in text:
        return None  # "three types of rock: ...": the items are listed, a list card asks
    there = _THERE.match(clause)
    if there:
        words = there.group("rest").split()
        counted = _counted(words, 0) if words and _number(words[0]) else None
        if counted is None:
            return None
        noun, end = counted
        if _restricted(words[end:]):
            return None
        rest = _first_part(words[end:])
        if not rest or rest.split()[0] not in ("in", "on", "at", "of", "within", "among"):
            return None  # "There are three reasons": of what?
        if _a_party(rest.split()[1:], most=1):
            return None  # "... in the experiment": which one, only the text says
        return _qa(f"How many {noun} {there.group('be')} there {rest}?", words[0])
    words = clause.split()
    for at in range(2, min(len(words), 9)):
        if not _number(words[at]):
            continue
        counted = _counted(words, at)
        verb = words[at - 2] if words[at - 1] in _PARTICLES else words[at - 1]
        if (
            counted is None
            or verb in ("is", "are", "was", "were", "be", "been")
            or not (verb.islower() and lx.verb_lemma(verb))
        ):
            return None
        noun, end = counted
        # turned round with a stand-in object, so that "has" is a main verb ("does the human
        # body have"), not an auxiliary ("has the human body")
        turned = invert(" ".join([*words[:at], "them"])).removesuffix(" them")
        if not turned or verb_left_behind(turned) or _SECOND_FINITE.search(turned):
            return None
        if _a_command(words) or _TWO_THE.search(turned):
            return None  # "Now consider four black chips", "the ensuing winter the Athenians"
        owner = list(itertools.takewhile(_not_a_verb, words[: at - 1]))  # "the die"
        if _a_party(owner) or _restricted(words[end:]) or _BACK.search(turned):
            return None  # "the die", "features worth highlighting", "the sender thus"
        rest = _first_part(words[end:])
        if rest.startswith("of "):
            return None  # "... create of 1,000 each": the count's noun runs on
        return _qa(f"How many {noun} {turned} {rest}".rstrip() + "?", words[at])
    return None


def _a_party(subject: list[str], most: int = 2) -> bool:
    """Whether the counted thing's owner is an article and one or two lower-case words ("the
    die", "the fortress", "the whole army", "each festival"): a party of the text's own story
    or example, which the card cannot show (rated blind, every such count was weak or bad);
    a rare word names a term of the subject instead ("the mesothorax")."""
    said = [w for w in subject if w.lower() not in _DETERMINERS]
    return (
        bool(subject)
        and subject[0].lower() in _DETERMINERS
        and 0 < len(said) <= most
        and all(w.isalpha() and w.islower() and w != "of" for w in said)
        and not lx.is_rare(said[-1])
    )


def _not_a_verb(word: str) -> bool:
    """Whether a word of the sentence's opening is still its subject's (a noun, or no verb)."""
    return not lx.verb_lemma(word) or lx.can_be_noun(word)


def _restricted(after: list[str]) -> bool:
    """Whether the count's noun is restricted by what follows it ("three features worth
    highlighting", "50 patients ... who did not receive"): cut off, the count is wrong."""
    return any(w.lower() in _RELATIVES or w.lower() in ("worth",) for w in after)


def _a_command(words: list[str]) -> bool:
    """Whether the sentence tells the reader to do something ("Now consider four chips",
    "Then add two drops"): an adverb, then a verb's plain form."""
    first, verb = words[0].lower(), words[1]
    return "ADV" in lx.parts_of_speech(first) and lx.verb_lemma(verb) == verb


def _first_part(words: list[str]) -> str:
    """The words after the count up to a second clause ("... and 40 patients who did", "...
    that run to the sea", "... consisting of 1"), without a preposition left at its end."""
    kept = list(itertools.takewhile(lambda w: not _opens_a_clause(w), words))
    while kept and lx.is_function_word(kept[-1]):
        kept.pop()
    return " ".join(kept)


def _opens_a_clause(word: str) -> bool:
    """A word that opens a second clause after the count: a conjunction, a relative, or a
    verb's -ing form ("consisting", "betting")."""
    low = word.lower()
    return low in _CLAUSE_WORDS or (low.endswith("ing") and bool(lx.verb_lemma(low)))


def _number(word: str) -> bool:
    """A count: digits (not a year, 1000-2099 written without its comma) or a number word;
    not two, which opens a pair the text goes on to name ("two branches: public and
    private"): rated blind, 13 of 14 counts of two were weak or bad, the pair is the fact."""
    if word.lower() in ("two", "2"):
        return False
    if word.lower() in _WORDS:
        return True
    return bool(_DIGITS.match(word)) and not (len(word) == 4 and 1000 <= int(word) <= 2099)


def _counted(words: list[str], at: int) -> tuple[str, int] | None:
    """The plural noun (with its adjectives) the number at ``at`` counts, and where it ends;
    "4,000 kilometres of road" keeps what the count measures."""
    noun: list[str] = []
    for word in words[at + 1 : at + 1 + _MAX_NOUN]:
        if not word.isalpha() or not word.islower() or lx.is_function_word(word):
            break
        noun.append(word)
    while noun and not _plural_noun(noun[-1]):
        noun.pop()  # "chromatids joined at ...": the plural noun is what is counted
    if not noun or noun[0] in _MEASURES or noun[-1] in _MEASURES or noun[0] in _WORDS:
        return None  # "25 mg", "two hundred strokes"
    end = at + 1 + len(noun)
    if words[end : end + 1] == ["of"]:
        kind = list(
            itertools.takewhile(
                lambda w: (
                    w.isalpha()
                    and w.islower()
                    and not lx.is_function_word(w)
                    and not _opens_a_clause(w)
                ),
                words[end + 1 : end + 1 + _MAX_NOUN],
            )
        )
        if kind and kind[0] not in _QUANTIFIERS:  # not "206 bones of various shapes"
            noun += ["of", *kind]
            end += 1 + len(kind)
    return " ".join(noun), end


def _plural_noun(word: str) -> bool:
    """A plural noun ("bones", "men", "vertebrae"), or a word the word table does not know that
    reads as one ("enantiomers")."""
    if lx.can_be_noun(word) and lx.lemma(word) != word:
        return True
    return not lx.parts_of_speech(word) and word.endswith("s") and not word.endswith(_NOT_PLURAL)


_NOT_PLURAL = ("ss", "us", "is")
_TWO_THE = re.compile(r"\bthe (?:\w+ ){1,3}the\b(?<!of the)")
_VERBS_LAST = lx.wordset("have has had do does did be is are was were")  # "... does X have?"
_DETERMINERS = lx.wordset("the a an each every this that")
_RELATIVES = lx.wordset("that which who whom whose")
_BACK = re.compile(r"\b(?:thus|then|therefore|hence|also)\b")  # points at the text before
_CLAUSE_WORDS = lx.wordset("and but or that which who whom whose where while")
# a clause turned round with "do" that keeps a finite verb of its own ("do Leonardo's father
# Ser Piero had"): the word taken for its verb was not one
_SECOND_FINITE = re.compile(r"^(?:do|does|did) .* (?:had|was|were|has|is|are)\b")
_QUANTIFIERS = lx.wordset("various different many several all both each other such")


def _qa(question: str, number: str) -> QA | None:
    """The card's question and answer, unless the question is too long or stops on a
    preposition ("... to prevent over?": the clause was cut)."""
    said = question.rstrip("?").split()
    dangling = lx.is_function_word(said[-1]) and said[-1] not in _VERBS_LAST
    if dangling and not (said[-1] in _PARTICLES and lx.verb_lemma(said[-2])):
        return None  # "consist of?" ends a question, "to prevent over?" was cut
    if len(said) > _MAX_QUESTION or " not " in question:
        return None  # "How many years will a professional not wait ...?": the count of a no
    return QA("how-many", question, number)


def other_spelling(number: str) -> tuple[str, ...]:
    """The count in the other spelling a student may type: "four" -> ("4",), "12" ->
    ("twelve",); none for large numbers."""
    word = number.lower()
    if word in _WORDS:
        return (str(_WORDS[word]),)
    spelled = {value: name for name, value in _WORDS.items()}
    return (spelled[int(number)],) if number.isdigit() and int(number) in spelled else ()
