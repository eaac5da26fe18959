"""Questions about the main clause of a plain statement: what or who does it, and when.

These shapes fire on the ordinary declarative sentences of prose (a lecture, a chapter), where
the sharper shapes of :mod:`studyapp.cards.questions` and :mod:`studyapp.cards.why_how` find
nothing; every answer is a verbatim piece of the sentence:

* **what does it**: ``Chlorophyll absorbs red and blue light`` -> "What absorbs red and blue
  light?" -> ``Chlorophyll``; ``Glaciers carved the valleys of the Alps`` -> "What carved the
  valleys of the Alps?". The verb agrees with "what" (``Enzymes lower the activation energy``
  -> "What lowers the activation energy?"). Only a subject that names a specific thing is
  asked for (not "this", "the result", a bare name of a person, or the document's subject,
  which any student would guess); the predicate is cut at its first clause break so the
  question stays short;
* **who did it**: ``Justinian closed the schools at Athens`` -> "Who closed the schools at
  Athens?" -> ``Justinian``: a name (one the text always capitalises) doing something in
  the past, where "what" would refuse a name; it beats the object question of the same
  sentence ("What did Justinian close?"); so is the named doer of a deed told in the passive
  (``Penicillin was discovered by Alexander Fleming`` -> "Who discovered penicillin?");
* **kinds**: ``There are three types of rock: igneous, sedimentary and metamorphic`` (also
  ``Mitosis has four stages: ...``, ``The three branches of government are ...``) -> a list
  card "What are the three types of rock?" whose items are the named kinds, when their count
  is the number the sentence states;
* **when**: ``In 1066, the Normans conquered England`` -> "When did the Normans conquer
  England?" -> ``1066`` (a leading or closing year, decade or century).
"""

from __future__ import annotations

import itertools
import re

from studyapp.cards import lexicon as lx
from studyapp.cards.drafts import QA, lower_first
from studyapp.cards.why_how import (
    _AUX,
    _LIGHT_VERBS,
    _MODALS,
    _bare_noun,
    first_verb_only,
    invert,
    noun_phrase,
    noun_phrase_reach,
    verb_left_behind,
)

_MAX_SUBJECT = 6  # words: a longer subject is a clause to reread, not a term to recall
_NOTE_NOUN = 3.3  # Zipf: a bare singular noun this common is a note's party ("Plaintiff sued")
_MIN_PREDICATE = 3  # words after the verb: "What matters?" asks nothing
_MAX_QUESTION = 20  # words
# A shorter what-does question is seldom answered by one thing alone ("What can intercept the
# connection?", "What moved toward the seacoast?"): rated blind over 14 rounds, 2 of 23 such
# questions were good and 12 bad, against 18 good and 22 bad of the 67 longer ones
_MIN_QUESTION = 8  # words
_BE_WHAT = {"are": "is", "were": "was", "have": "has", "do": "does"}
_NO_SUBJECT = lx.wordset(
    "one ones other others thing things way ways part parts kind kinds type types case cases"
    " result results fact number lot example examples first second last same following"
    " former latter rest"
)
_QUANTIFIERS = lx.wordset(
    "some many most all each every both few several other these those such any another"
    " different various certain"
)
_BACK = lx.wordset("this that these those such it its they them their he she his her")
_PARTICIPLE_PREPOSITIONS = lx.wordset("from in by with of at on for into under within")
_BE_ADVERBS = lx.wordset("also often usually typically generally mainly mostly then thus still")
_PLAIN_WORD = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|[A-Za-z0-9][A-Za-z0-9’'-]*)$")  # or "2,500"
_PICTURED = lx.wordset("shown depicted illustrated pictured seen given listed represented")
_AFTER_VERB = lx.wordset(
    "a an the its their any all each every both some most many two three several"
    " with into in on at from to through up out down across over under"
)
_CLAUSE_OPENERS = lx.wordset("what which who whom whose whether how why where when that if once")
# the names of a date, for every reader of dates (also studyapp.cards.from_dates)
ERA = r"(?:A\.\s?D\.|B\.\s?C\.(?:\s?E\.)?|AD|BCE|BC|CE)"
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_YEAR = rf"(?:\d{{3,4}}(?: ?{ERA})?|the \d{{3,4}}s|the [a-z]+(?:-[a-z]+)? century)"
# "In 1066, the Normans ...", without the comma before a capital ("In 1087 William died"),
# "In March 1975, ...", "On 17 March 1975, the proposed DES was published ..."
_WHEN_LEAD = re.compile(
    rf"^(?:(?:In|By|During|Around|About|Until|Before|After) (?P<when>{_YEAR}|{MONTH} \d{{4}})"
    rf"|On (?P<day>\d{{1,2}} {MONTH} \d{{4}}|{MONTH} \d{{1,2}}, \d{{4}}))(?:, | (?=[A-Z]))"
)
_LATER = re.compile(r"\b(?:until|since|after|before|when|while|by|discovery|death|birth)\b")
# where a predicate is cut to keep its question short: a comma (not one inside a number,
# "from only 130,000 base pairs" is no "from only 130"), a semicolon, a colon, an aside
_CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:]| \(| - ")
_WHEN_TAIL = re.compile(rf" in (?P<when>{_YEAR})$")


def what_does(text: str, subject: str) -> QA | None:
    """``Chlorophyll absorbs red light`` -> "What absorbs red light?" -> ``Chlorophyll``."""
    words = text.rstrip(" .").split()
    if words and words[0].endswith("ing") and "VERB" in lx.parts_of_speech(words[0]):
        return None  # "Helping employees understand ...": an action, not a thing that does
    reach = noun_phrase_reach(words)
    for at in range(1, min(len(words) - _MIN_PREDICATE, _MAX_SUBJECT + 1, reach + 1)):
        if not noun_phrase(words[:at]):
            continue
        verb = words[at]
        if not verb.islower() or (verb in lx.FUNCTION_WORDS and verb not in _AUX):
            continue
        base = lx.verb_lemma(verb)
        if not base:
            continue  # "Habeas corpus": still the subject
        if _floating_quantifier(words[at + 1 : at + 3]):
            continue  # "The Big Five factors each represent ...": "factors" is the subject's
        if (
            verb not in _AUX
            and lx.parts_of_speech(verb) & {"NOUN", "ADJ"}
            and (
                not _agrees_as_verb(words[at - 1], verb, words[at + 1])
                or (at >= 2 and words[at - 2].lower() in lx.CARDINALS)
            )
        ):
            return None  # "The sequence numbers of ...": "numbers" is a noun there
        shown = _agreeing(verb, base)
        if shown == verb and verb != base and _AUX & set(words[at + 1 :]) and verb[-1] != "s":
            return None  # "The geometries found in complexes are ...": a participle
        if verb.endswith("ed") and _participle_phrase(words[at + 1 : at + 6]):
            return None  # "Mental effort required to connect ...": a participle, no clause
        if _reduced_relative(verb, base, words[at + 1 : at + 10]):
            return None  # "Poultices made from potatoes afford ...": the verb comes later
        whole = " ".join(words[at + 1 :])
        rest = _CLAUSE_BREAK.split(whole, maxsplit=1)[0].strip()
        after = whole[len(rest) :]
        if after.startswith(",") and " and " in " ".join(after.split()[:10]):
            return None  # "includes everything from homes, to office buildings, ... and X": cut
        if not shown or not _plain_predicate(verb, rest.split()):
            return None
        also = re.match(r"^(?P<lead>(?:.*? )?and )(?P<verb>[a-z]+)\b", rest)
        if also and shown != verb and lx.verb_lemma(also.group("verb")) == also.group("verb"):
            # "The proteins attract and bind microtubules": "What attracts and binds ...?"
            rest = f"{also.group('lead')}{_third_person(also.group('verb'))}{rest[also.end() :]}"
        if _IDIOM_PASSIVE.match(rest) and verb in _AUX:
            return None  # "Special attention should be paid to ...": the noun of an idiom
        question = f"What {shown} {rest}?"
        answer = " ".join(words[:at])
        if not _MIN_QUESTION <= len(question.split()) <= _MAX_QUESTION:
            return None
        if not _specific(answer, subject):
            return None
        return QA("what-does", question, answer)
    return None


_FLOATING = lx.wordset("each both all")
_AS_WELL = re.compile(r"\bas well\b(?! as)")  # "... functions as well": others had them
# a light verb's passive ("attention should be paid to", "emphasis is placed on", "care must
# be taken"): its subject is the noun of an idiom, which no question asks for
_IDIOM_PASSIVE = re.compile(
    r"^(?:(?:also|always|often|usually|then) )?(?:be |been )?(?:paid|given|placed|taken|laid|put)"
    r"(?: (?:to|on|upon|in|that)\b|$)"
)


def _floating_quantifier(following: list[str]) -> bool:
    """Whether the two words after a candidate verb are "each", "both" or "all" and a verb's
    plain form ("factors [each represent]", "the kings [both ruled]"): the quantifier floats
    after a plural subject, so the candidate is the subject's last noun, not its verb."""
    if len(following) < 2 or following[0].lower() not in _FLOATING:
        return False
    word = following[1]
    return word.islower() and lx.only_verb(word)


def _participle_phrase(following: list[str]) -> bool:
    """Whether the words after an "-ed" verb make it a participle without its "is"
    ("[required] to connect", "[expelled] from Italy by Justinian"): a phrase, not a clause."""
    if not following:
        return False
    if "by" in following[:4]:
        return True  # "Goths expelled from Italy by Justinian": a passive without its "were"
    return (
        following[0] == "to"
        and len(following) > 1
        and lx.verb_lemma(following[1]) == following[1].lower()
        and lx.only_verb(following[1])
    )


def _reduced_relative(verb: str, base: str, following: list[str]) -> bool:
    """Whether a past form opening a predicate is a participle of the subject instead
    ("Poultices [made from scraped raw potatoes] afford much comfort", "Rocks [formed under
    pressure] contain ..."): a preposition follows it, and a verb in the present comes after,
    which only the real predicate can hold."""
    if not following or following[0] not in _PARTICIPLE_PREPOSITIONS:
        return False
    if not (lx.is_past(verb, base) or verb.endswith("ed")):
        return False
    return any(
        word.islower()
        and lx.only_verb(word)
        and not lx.is_past(word, lx.verb_lemma(word))
        and not word.endswith(("ed", "ing", "en"))
        for word in following[1:]
    )


def _agrees_as_verb(head: str, verb: str, following: str) -> bool:
    """Whether a word that may be a noun is the verb here: it agrees with a singular head
    ("The flame of a candle burns with ..."), and an article or a preposition follows it
    ("numbers of", "codes does" are still the subject)."""
    if head.lower() in lx.CARDINALS or head.isdigit():
        return False  # "three sorts on ...", "two logs": a count of things, not a verb
    known = head.isupper() or "NOUN" in lx.parts_of_speech(head)  # not "Keep curl-related"
    singular = known and lx.lemma(head) == head.lower()
    return singular and verb.endswith("s") and following.lower() in _AFTER_VERB


def _agreeing(verb: str, base: str) -> str:
    """The verb as it agrees with "what" ("lower" -> "lowers", "are" -> "is"), or ``""``
    for a form that is not finite."""
    if verb in _MODALS or verb in _AUX:
        return _BE_WHAT.get(verb, verb)
    if verb != base and (verb.endswith("ed") or lx.is_past(verb, base)):
        return verb  # past: "What carved the valleys?"
    if verb == base:
        return _third_person(base)  # plural subject: "Enzymes lower" -> "What lowers"
    if verb.endswith("s"):
        return verb
    return ""


def _plain_predicate(verb: str, said: list[str]) -> bool:
    """Whether the rest of the clause reads as a plain fact to ask about: long enough, no
    negation, no clause of its own first ("asks what difference ..."), no reference back
    ("it", "this") nor "also" (the text named others first: "Retrospectives should also be
    used across programmes" asks what else, rated bad in rounds U1 and U2), no markup or
    citation, not a copula's bare noun ("is risk factors"), and not ending on a preposition
    or article."""
    if len(said) < _MIN_PREDICATE - (verb in _AUX):
        return False
    low = [w.lower() for w in said]
    if {"not", "no", "never", "n't"} & set(low) or low[0] in _CLAUSE_OPENERS:
        return False
    if any(lx.is_pronoun(w) or w in _BACK for w in low):
        return False
    if "also" in low or low[-1] == "too" or _AS_WELL.search(" ".join(low)):
        return False  # "What should also be used ...?": others do it too, said before
    if not all(_PLAIN_WORD.match(w) for w in said) or lx.is_function_word(said[-1]):
        return False
    if verb in ("is", "are", "was", "were"):  # passive or adjective, never "is a ..."
        first = said[1] if low[0] in _BE_ADVERBS and len(said) > 1 else said[0]
        if first.lower() in _PICTURED or (first == "used" and low[1:2] == ["to"]):
            return False  # "A structure is shown ...": a figure; "is used to -ing"
        pos = lx.parts_of_speech(first)
        if first.endswith("ed"):
            return True
        after = low[low.index(first.lower()) + 1 : low.index(first.lower()) + 2]
        # an adjective with its preposition or alone ("is capable of", "is absent"), not
        # the modifier of a noun ("is different chemical compounds")
        return (
            bool(pos)
            and pos <= {"ADJ", "VERB", "ADV"}
            and (not after or lx.is_function_word(after[0]))
        )
    return True


def when(text: str, subject: str) -> QA | None:
    """``In 1066, the Normans conquered England`` -> "When did the Normans conquer England?"
    -> ``1066``; also a closing ``... in 1066``, and a day ("On 17 March 1975, ...")."""
    text = text.rstrip(" .")
    lead = _WHEN_LEAD.match(text)
    found = lead or _WHEN_TAIL.search(text)
    if not found:
        return None
    clause = text[lead.end() :] if lead else text[: found.start()]
    if not lead and _LATER.search(clause):
        return None  # "... believed extinct until the discovery of X in 1952": not when

    clause = first_verb_only(clause)  # "... to transport and made the first locomotive"
    turned = invert(clause[:1].upper() + clause[1:] if lead else clause)
    if not turned or len(turned.split()) > _MAX_QUESTION or "," in turned:
        return None
    if verb_left_behind(turned):
        return None  # "When do Michael Houghton's team ... discovered ...?"
    return QA("when", f"When {turned}?", found.group("when") or found.group("day"))


def _finite(word: str) -> bool:
    return word.islower() and word not in lx.FUNCTION_WORDS and bool(lx.verb_lemma(word))


def _third_person(base: str) -> str:
    """``lower`` -> ``lowers``, ``carry`` -> ``carries`` (lemminflect's inflection)."""
    found = lx.inflection(base, "VBZ")
    return found[0] if found else base


def _specific(answer: str, subject: str) -> bool:
    """Whether a subject phrase names something a student should recall: a specific noun in
    it, not the document's subject on its own, not a bare capitalised name (a person or a
    party, which the question would have to ask "who" about), not "some"/"most" of a kind,
    not "the" + one noun (a referent of the context: "the receiver", "the drug") and not one
    everyday word ("Users", "Pressure") or a note's bare noun ("Plaintiff sued ...")."""
    said = [w for w in lx.words(answer) if w not in ("a", "an", "the")]
    if not said or said[-1] in _NO_SUBJECT or any(lx.is_vague(w) for w in said[-1:]):
        return False
    if {"example", "examples", "instance"} & set(said):
        return False  # "An example usage would be ...": a pointer to what follows
    parts = answer.split()
    if any(w.lower() in _CLAUSE_OPENERS for w in parts):
        return False  # "Study what problems", "Note that NIST": a clause, not a name
    if any(len(w) == 1 and w not in "aA" for w in parts):
        return False  # "C l atoms": letters of a formula read aloud
    if any(
        w in ("a", "an", "the") and not lx.is_function_word(before)
        for before, w in itertools.pairwise(parts)
    ):
        return False  # "OS passes the incoming": a verb and its object, not a subject
    opening = parts[0]
    if opening[:1].isupper() and lx.verb_lemma(opening) == opening.lower() and len(parts) > 1:
        return False  # "Use standard nomenclature rules ...": a command (or unsure which)
    first = answer.split()[0].lower()
    if first in _QUANTIFIERS or (len(said) == 1 and first in ("the", "this", "that")):
        return False
    if len(answer.split()) == 1 and (
        lx.is_familiar(answer) or (_bare_noun(answer) and lx.zipf(answer) >= _NOTE_NOUN)
    ):
        return False
    head = next((w for w in said[1:] if lx.is_function_word(w)), "")
    named = said[: said.index(head)] if head else said  # "effect" of "the effect of X"
    if lx.is_vague(named[-1]) or lx.lemma(named[-1]) in lx.ABSTRACT_NOUNS:
        return False  # "The effect of lidocaine begins ...": the head names nothing
    if subject and [w for w in said if w != subject.lower() and not lx.is_function_word(w)] == []:
        return False  # "What blocks NMDA receptors?" in a text about ketamine: guessed
    head = answer.split()[-1]
    if head[:1].isupper() and not lx.parts_of_speech(head) and not head.isupper():
        return False  # "Faraday", "Hobbes": who, not what
    return any(not lx.is_function_word(w) for w in said)


_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_KIND = (
    r"(?P<n>two|three|four|five|six|seven|eight|[2-8]) (?:main |major |basic |principal )?"
    r"(?P<noun>types|kinds|classes|forms|stages|phases|steps|parts|categories|branches|levels"
    r"|components|layers|functions|properties|principles|causes)"
)
_KINDS = (
    re.compile(rf"^There (?:are|were) {_KIND} of (?P<x>[^:;,]{{2,60}}): (?P<items>[^:;]+)$"),
    re.compile(
        rf"^(?P<x>[A-Z][^:;,]{{2,60}}?) (?:has|have|had|consists of|comprises) {_KIND}: "
        r"(?P<items>[^:;]+)$"
    ),
    re.compile(rf"^The {_KIND} of (?P<x>[^:;,]{{2,60}}) (?:are|were) (?P<items>[^:;]+)$"),
)
_MAX_KIND_WORDS = 6


def kinds(sentence: str) -> tuple[str, tuple[str, ...]] | None:
    """``There are three types of rock: igneous, sedimentary and metamorphic`` -> ("What are
    the three types of rock?", ("igneous", "sedimentary", "metamorphic")); ``None`` unless the
    sentence names as many kinds as it says, each a short phrase."""
    text = sentence.strip().rstrip(".")
    for pattern in _KINDS:
        match = pattern.match(text)
        if not match:
            continue
        count = _NUMBERS.get(match.group("n")) or int(match.group("n"))
        listed = re.sub(r"^(?:called|named|termed|known as)\s+", "", match.group("items"))
        items = tuple(i.strip() for i in re.split(r",? and |,? or |, ", listed) if i.strip())
        if len(items) != count or any(len(i.split()) > _MAX_KIND_WORDS for i in items):
            return None
        x = lower_first(match.group("x").strip())
        return f"What are the {match.group('n')} {match.group('noun')} of {x}?", items
    return None


def who_does(text: str, subject: str) -> QA | None:
    """``Phormio commanded the Athenian fleet at Naupactus`` -> "Who commanded the Athenian
    fleet at Naupactus?" -> ``Phormio``: a named subject (one to three capitalised words the
    word table does not know, so a name), asked "who" where :func:`what_does` refuses a
    name. Whether the text really treats the words as a name (a capital inside its
    sentences, never lower case) the card maker checks with the whole text at hand."""
    words = text.rstrip(" .").split()
    group = words[:1] == ["The"]  # "The Athenians sent ...": a people, a party
    for at in range(2 if group else 1, 4):
        if len(words) - at <= _MIN_PREDICATE or not _name_word(words[at - 1]):
            return None
        verb = words[at]
        if not verb.islower() or verb in _MODALS:
            continue
        base = lx.verb_lemma(verb)
        if not base:
            continue
        if not (lx.is_past(verb, base) or (verb.endswith("ed") and verb != base)):
            continue  # a deed is told in the past; "Gastropoda includes ..." is no one's deed
        if base in _LIGHT_VERBS:
            return None  # "Switzerland became a republic": what, not who
        if verb in _AUX:
            return None  # "Pericles was elected", "Hume has shown": a state, not a deed
        if base in ("have", "do", "say", "tell", "ask", "reply", "answer"):
            return None  # "Aristotle says ...": a saying, asked by the cloze or not at all
        rest = _CLAUSE_BREAK.split(" ".join(words[at + 1 :]), maxsplit=1)[0].strip()
        if not _plain_predicate(verb, rest.split()) or "NOUN" in lx.parts_of_speech(verb):
            return None  # "Caesar crossed" is a verb; "Athens walls ..." may be a noun
        answer = " ".join(words[:at])
        answer = f"the {answer[4:]}" if group else answer
        question = f"Who {verb} {rest}?"
        if len(question.split()) > _MAX_QUESTION or answer.lower() == subject.lower():
            return None  # the document's subject answers every question about it
        return QA("who-does", question, answer)
    return None


def _name_word(word: str) -> bool:
    """Whether ``word`` may be part of a name: capitalised, letters only (a hyphen or an
    apostrophe inside), not all capitals (an acronym is a thing) and unknown to the word
    table ("Glaciers", "Black", "Python" are words it knows)."""
    return (
        word[:1].isupper()
        and not word.isupper()
        and word.replace("-", "").replace("’", "").replace("'", "").isalpha()
        and not lx.parts_of_speech(word.lower())
    )


_DONE_BY = re.compile(
    r"^(?P<x>.+?) (?:was|were) (?:(?P<adv>first|later|eventually|originally|finally) )?"
    r"(?P<verb>[a-z]+) by (?P<y>(?:the )?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,2}"
    r"(?: and [A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,2})?)"
    r"(?P<tail>(?: (?:in|at|on|during|after|before|around|about) [^,;:()]{2,40})?)"
    r"(?:[,;:] .*)?$"  # "..., son of Amphiaraus": an aside the question leaves out
)


def done_by(text: str, subject: str) -> QA | None:
    """``Penicillin was discovered by Alexander Fleming in 1928`` -> "Who discovered
    penicillin in 1928?" -> ``Alexander Fleming``: the named doer of a deed told in the
    passive. As with :func:`who_does`, the card maker keeps it only where the text treats the
    answer as a name."""
    match = _DONE_BY.match(text.rstrip(" .")) if " by " in text else None
    if not match:
        return None
    x, verb = match.group("x"), match.group("verb")
    said = x.split()
    if len(said) > _MAX_SUBJECT or not noun_phrase(said) or said[0].lower() in _BACK:
        return None  # "It was built by ...", "This was shown by ...": which, the card cannot say
    if any(lx.is_pronoun(w) for w in said) or not verb.endswith(("ed", "en", "t", "n")):
        return None
    if len(said) == 2 and said[0] == "The" and said[1].islower() and not lx.is_rare(said[1]):
        return None  # "The policy was issued by ...": which policy, the text around says
    base = lx.verb_lemma(verb)
    past = [form for form in lx.inflection(base, "VBD") if form] if base else []
    if not past or base in _LIGHT_VERBS or base in ("be", "say", "tell", "call", "name"):
        return None  # "was called by its people ...": a name, not a deed
    name = match.group("y")
    if name.split()[-1].lower() in lx.FUNCTION_WORDS or name.lower() == subject.lower():
        return None
    tail = match.group("tail")
    if any(lx.is_pronoun(w) or w in _BACK for w in tail.lower().split()):
        return None  # "... in its landmark decision": whose, the card cannot say
    what = lower_first(x)
    adverb = f"{match.group('adv')} " if match.group("adv") else ""
    question = f"Who {adverb}{past[0]} {what}{tail}?"
    if len(question.split()) > _MAX_QUESTION:
        return None
    return QA("who-does", question, name)


MAKERS = (
    done_by,
    what_does,
    who_does,
)  # `when` runs with the sharper shapes (a date beats an object)
