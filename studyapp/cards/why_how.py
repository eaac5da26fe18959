"""Why, how and what-causes questions from causal and purpose sentences, in any subject.

Every answer is a verbatim piece of the sentence; the question is the rest of it, turned
round with the help of the lexicon (:mod:`studyapp.cards.lexicon`) where a verb must change
form:

* ``Plants wilt because they lose water`` -> "Why do plants wilt?" -> ``they lose water``;
* ``The court dismissed the case in order to avoid delay`` -> "Why did the court dismiss the
  case?" -> ``to avoid delay``; likewise ``so that ...`` (after a comma only with a modal:
  without one, the clause is a result);
* ``Smoking causes lung cancer`` -> "What does smoking cause?" -> ``lung cancer``; and
  ``Lung cancer is caused by smoking`` -> "What causes lung cancer?" -> ``smoking`` (also
  *leads to*, *results in*, *produces*, *prevents*, *allows*, *enables*, *triggers*);
* ``The nephron consists of a glomerulus and a tubule`` -> "What does the nephron consist
  of?" (also *is composed of*, *is made of*, *contains*, *depends on*, *results from*);
* ``A router is used to forward packets`` -> "What is a router used for?" -> ``to forward
  packets``.

Last, a plain statement is asked for its object: ``TCP provides a reliable bytestream`` ->
"What does TCP provide?" (only when no other shape fits it).

A question is only made when the part before the verb reads as a noun phrase (no verb of its
own, no pronoun), so the question names what it asks about.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from functools import lru_cache

from studyapp.cards import lexicon as lx
from studyapp.cards.drafts import QA, lower_first

_WORDLIKE = re.compile(r"^[A-Za-z][A-Za-z0-9’'+/-]*$")
_DETERMINERS = lx.wordset("a an the each every all most many some both")
_TIME_WORDS = lx.wordset("year day week month time century decade period season morning night")
_AUX = lx.wordset("is are was were can could may might will would should must has have had")
_MAX_SUBJECT = 9  # words
_CAUSE_VERBS = (
    "causes|cause|caused|leads to|lead to|led to|results in|result in|resulted in|produces"
    "|produce|produced|prevents|prevent|prevented|allows|allow|allowed|enables|enable|enabled"
    "|triggers|trigger|triggered|determines|determine|determined|controls|control|controlled"
    "|regulates|regulate|regulated"
)
# what _ACTIVE needs in a text: the stem of one of its verbs (keep them with the verbs)
_CAUSE_STEMS = re.compile(
    r" (?:caus|lead|led |result|produc|prevent|allow|enabl|trigger|determin|control|regulat)"
)
_ACTIVE = re.compile(
    rf"^(?P<x>[A-Z][^,;]{{2,90}}?) (?:(?P<modal>can|may|might|could|will|often|usually"
    rf"|also|typically) )?(?P<verb>{_CAUSE_VERBS}) (?P<y>[^;]{{3,140}})$"
)
_PASSIVE = re.compile(
    r"^(?P<x>[A-Z][^,;]{2,90}?) (?P<be>is|are|was|were) (?:(?:usually|often|mainly|mostly"
    r"|primarily|largely|typically|also) )?(?P<verb>caused|produced|triggered|determined"
    r"|controlled|regulated) by (?P<y>[^;]{3,140})$"
)
_PARTS = re.compile(
    r"^(?P<x>[A-Z][^,;]{2,90}?) (?P<verb>consists of|consist of|is composed of|are composed of"
    r"|is made of|are made of|is made up of|are made up of|contains|contain|depends on"
    r"|depend on|results from|result from) (?P<y>[^;]{3,140})$"
)
# what _PARTS needs in a text: the first word of one of its verbs (keep them with the verbs)
_PARTS_STEMS = re.compile(
    r" (?:consist|is composed|are composed|is made|are made|contain|depend|result)"
)
_USED = re.compile(
    r"^(?P<x>[A-Z][^,;]{2,90}?) (?P<be>is|are|can be|may be) (?:(?:mainly|mostly|often"
    r"|commonly|usually|typically|primarily|widely) )?used (?P<y>(?:to|for) [a-z][^;]{3,140})$"
)
_BECAUSE = re.compile(r"^(?P<main>[A-Z][^;]{5,160}?),? because (?P<why>[a-z][^;]{5,160})$")
_PURPOSE = re.compile(
    r"^(?P<main>[A-Z][^;]{5,160}?),? (?:in order (?P<to>to [a-z][^;]{3,140})"
    r"|so that (?P<that>[a-z][^;]{5,140}))$"
)


def why_how(sentence: str, subject: str) -> list[QA]:
    """The why/how/cause questions of one standalone sentence (see the module docstring)."""
    text = sentence.strip().rstrip(".")
    out: list[QA] = []
    for maker in MAKERS:
        qa = maker(text, subject)
        if qa is not None and (maker is not _does_what or not out):
            out.append(qa)
    return out


def noun_phrase(words: list[str]) -> bool:
    """Whether ``words`` (a sentence's opening) read as a noun phrase naming something: not
    too long, no pronoun or speaker, no word that can only be a verb, ending on a noun."""
    if not words or len(words) > _MAX_SUBJECT:
        return False
    return _noun_phrase(tuple(words))  # each opening of a sentence is tried by several askers


def noun_phrase_reach(words: list[str]) -> int:
    """How many of a sentence's first ``words`` an opening that :func:`noun_phrase` accepts
    may have: none longer holds the first word that no noun phrase does (a verb, a pronoun,
    an adverb ...), so the askers that try one opening after another stop there."""
    reach = 0
    for word in words[:_MAX_SUBJECT]:
        if not _noun_phrase_word(word.strip("()")):
            break
        reach += 1
    return reach


@lru_cache(maxsize=65536)
def _noun_phrase(words: tuple[str, ...]) -> bool:
    said = [w.strip("()") for w in words]
    if len(said) > 1 and said[-1].isdigit() and said[-2][:1].isupper():
        return _noun_phrase(words[:-1])  # a name with its number: "Apollo 11", "Windows 95"
    if not all(map(_noun_phrase_word, said)):
        return False
    if len(said) == 1 and len(said[0]) < 3:
        return False  # "P", "D1": a party of a case note, unnamed
    if sum(w[:1].isupper() for w in said) > 4:
        return False  # "Sympathetic and Parasympathetic Effects of Different Drug Types": a title
    if lx.is_function_word(said[0]) and said[0].lower() not in _DETERMINERS:
        return False
    if said[0].lower() in ("if", "when", "while", "although", "because", "since", "after"):
        return False
    last = said[-1]
    return lx.can_be_noun(last) and not lx.is_function_word(last)


@lru_cache(maxsize=65536)
def _noun_phrase_word(word: str) -> bool:
    """Whether one word may be in a noun phrase that names something (a sentence's openings
    of one word more each share their words: each is judged once)."""
    if not _WORDLIKE.match(word):
        return False  # markup, numbers or clause breaks: "on a PV", "a=>b", "X, Y"
    if lx.is_pronoun(word) or lx.is_personal(word):
        return False
    if lx.parts_of_speech(word) == frozenset({"ADV"}):
        return False  # "The volume never reaches": an adverb belongs to the verb phrase
    if lx.lemma(word) in _TIME_WORDS:
        return False  # "The same year died Wulfere": a time, not who acted
    return not (lx.only_verb(word) or word.lower() in _AUX)


def _subject(x: str, subject: str = "") -> str:
    """The subject as it reads inside a question ("The heart" -> "the heart", "The Senate"
    -> "the Senate", "Ketamine's use" -> "ketamine's use" in a text about ketamine)."""
    article = re.match(r"^(?:The|A|An) ", x)
    if article:
        return x[:1].lower() + x[1:]
    first = x.split(" ", 1)[0]
    about = bool(subject) and lx.words(first)[:1] == [subject.lower()]
    if not lx.parts_of_speech(first) and not about:
        return x  # a name: "Hanson", "Oklahoma courts"
    return lower_first(x)


def invert(main: str) -> str:
    """``Plants wilt`` -> ``do plants wilt``; ``The valve is closed`` -> ``is the valve
    closed``; ``""`` when the clause has no subject and verb to turn round."""
    words = main.split()
    for at in range(1, min(len(words), _MAX_SUBJECT + 1)):
        word = words[at]
        if word in _HAVE and noun_phrase(words[:at]) and _main_have(words[at + 1 : at + 2]):
            aux = {"has": "does", "have": "do", "had": "did"}[word]
            rest = " ".join(words[at + 1 :])  # "RNA viruses have smaller genomes": do-support
            return f"{aux} {_subject(' '.join(words[:at]))} have {rest}".strip()
        if word in _AUX and noun_phrase(words[:at]):
            rest = " ".join(words[at + 1 :])
            return f"{word} {_subject(' '.join(words[:at]))} {rest}".strip()
        base = lx.verb_lemma(word) if word.islower() else ""
        if base and base != "be" and word not in lx.FUNCTION_WORDS and noun_phrase(words[:at]):
            following = words[at + 1 : at + 2]
            if following and following[0] in _AUX:
                continue  # "Systemic blood pressure must ...": still the subject
            if following and following[0] in ("and", "or") and lx.can_be_noun(word):
                continue  # "Entire course and textbooks are ...": a noun of the subject
            if following and following[0] == "of" and word == base and lx.can_be_noun(word):
                continue  # "The primary purpose of device drivers is ...": a noun
            if following and lx.can_be_noun(word) and _maybe_verb(following[0]):
                return ""  # "Water levels rise ...": the verb may be the next word
            if word != base and (word.endswith("ed") or lx.is_past(word, base)):
                aux = "did"  # "wilted", "began"
            elif word.endswith("s") and word != base:
                aux = "does"
            elif word == base:
                aux = "do"
            else:
                return ""
            rest = " ".join(words[at + 1 :])
            return f"{aux} {_subject(' '.join(words[:at]))} {base} {rest}".strip()
    return ""


def verb_left_behind(turned: str) -> bool:
    """Whether a clause turned round with "do" still holds a past verb of its own ("do
    Michael Houghton's team at Chiron discovered ..."): the word taken for the verb ("team")
    was a noun of the subject, and the question does not read."""
    aux, _, rest = turned.partition(" ")
    if aux not in ("do", "does", "did"):
        return False
    words = rest.split()
    return any(
        w.islower()
        and w.endswith("ed")
        and lx.only_verb(w)
        and lx.is_past(w, lx.verb_lemma(w))
        and lx.verb_lemma(before) != before  # "did the pill get approved": a participle
        for before, w in itertools.pairwise(words)
    )


def first_verb_only(clause: str) -> str:
    """The clause up to a second verb joined by "and" ("Harold is shipwrecked in Ponthieu and
    swears an oath" -> "Harold is shipwrecked in Ponthieu"): only the first verb turns round
    into a question ("When was Harold shipwrecked ... and swears ...?" would not read)."""
    words = clause.split()
    for at, word in enumerate(words[:-1]):
        nxt = words[at + 1]
        base = lx.verb_lemma(nxt) if nxt.islower() else ""
        if at > 1 and word == "and" and base and nxt != base:
            if lx.only_verb(words[at - 1]):
                return ""  # "Hulagu Khan took and destroyed Bagdad": the object is shared
            return " ".join(words[:at])
    return clause


_HAVE = lx.wordset("has have had")


def _main_have(following: list[str]) -> bool:
    """Whether "have" before ``following`` is the main verb ("have smaller genomes"), not
    the auxiliary of a perfect ("have shown"): a main "have" is asked with "do"."""
    if not following:
        return False
    nxt = following[0]
    base = lx.verb_lemma(nxt) if nxt.islower() else ""
    participle = (
        bool(base) and nxt != base and (nxt.endswith(("ed", "en")) or lx.is_past(nxt, base))
    )
    return not participle and nxt not in ("been", "not", "to") and not lx.only_verb(nxt)


def _bare_noun(word: str) -> bool:
    """Whether ``word`` is a common singular noun standing without an article ("Court",
    "Plaintiff"): the subject of a note, not of a sentence that names what it is about."""
    pos = lx.parts_of_speech(word)
    return "NOUN" in pos and not word.isupper() and lx.lemma(word) == word.lower()


def _maybe_verb(word: str) -> bool:
    """Whether ``word`` may be the finite verb of a clause."""
    return word.islower() and not lx.is_function_word(word) and bool(lx.verb_lemma(word))


# An asker whose pattern holds fixed words tests for them before running the pattern
# (``" because " in text``): most sentences fit no shape, and the test is far cheaper
# than a failed match.
def _because(text: str, subject: str) -> QA | None:
    match = _BECAUSE.match(text) if " because " in text else None
    if not match or _UNFINISHED.search(match.group("main")):
        return None  # "SRAM is faster than DRAM, but because it is expensive, ...": the
        # reason belongs to the clause after "but", which the question would cut off
    main = _BECAUSE_ADVERB.sub("", match.group("main"))  # "just because", "partly because"
    asked = invert(main)
    why = match.group("why").removeprefix("of ")  # "because of the finite volume ..."
    return QA("because", f"Why {asked}?", why) if asked else None


# an adverb that belongs to "because", not to the main clause ("sent children away just
# because they were unruly" asked "Why might teachers send children away just?")
_BECAUSE_ADVERB = re.compile(r",? (?:just|only|simply|partly|largely|mainly|mostly|precisely)$")


_UNFINISHED = re.compile(r",? (?:but|and|or|so|yet)$")  # a clause that goes on after the reason
_SUBORDINATE = re.compile(r"\b(?:since|because|although|though|whereas|while|unless|if|when)\b")


def _purpose(text: str, subject: str) -> QA | None:
    match = _PURPOSE.match(text) if " in order " in text or " so that " in text else None
    if not match or _SUBORDINATE.search(match.group("main")):
        return None  # "RDB maximizes X since the only work it needs to do in order to
        # persist is ...": the purpose belongs to the clause of "since", not to the main one
    if match.group("that") and not _purpose_clause(match.group("that"), ", so that " in text):
        return None
    asked = invert(match.group("main"))
    answer = match.group("to") or match.group("that")
    return QA("purpose", f"Why {asked}?", answer) if asked else None


_MODAL = re.compile(r"\b(?:can|could|may|might|will|would|shall|should|cannot|can't|won't)\b")


def _purpose_clause(clause: str, comma: bool) -> bool:
    """Whether the clause after "so that" is a purpose ("TCP uses a handshake so that both
    hosts agree ...", "..., so that they could not hear the hoofs") and not a result set off
    by a comma ("The ice and water are in equilibrium, so that the temperature stays at
    freezing"), which a "Why?" would read as the cause: after a comma, English words a
    purpose with a modal. Rated blind, of five such cards without a modal (five texts of as
    many subjects) three were bad, one weak and one good. Nor is "that" a pronoun ("so that
    may be the simplest", rated bad)."""
    first = clause.split(" ", 1)[0]
    if _MODAL.fullmatch(first) or first in _AUX:
        return False
    return not comma or bool(_MODAL.search(clause))


def _active(text: str, subject: str) -> QA | None:
    """``X causes Y`` -> "What does X cause?" (or "What causes Y?" when X is the shorter)."""
    match = _ACTIVE.match(text) if _CAUSE_STEMS.search(text) else None
    if not match or not noun_phrase(match.group("x").split()):
        return None
    x, verb = match.group("x"), match.group("verb")
    if " like " in f" {x} ":
        return None  # "inputs like mouse or touchscreen controlled sliders": "controlled"
        # describes the examples; the sentence's verb comes later
    y = re.split(r", (?:which|that|who|where|while|and|but)\b", match.group("y"), maxsplit=1)[0]
    head, _, particle = verb.partition(" ")
    base = lx.verb_lemma(head) or head
    modal = match.group("modal") or ""
    if len(y.split()) <= 12 and modal not in ("often", "usually", "also", "typically"):
        aux = f"{modal} " if modal else ("did " if head.endswith("ed") else "does ")
        if not modal and not head.endswith(("s", "ed")):
            aux = "do "
        tail = f" {particle}" if particle else ""
        return QA("causes", f"What {aux.strip()} {_subject(x)} {base}{tail}?", y)
    if len(x.split()) <= 6 and ", " not in y:
        return QA("caused-by", f"What {verb} {y}?", x)
    return None


def _passive(text: str, subject: str) -> QA | None:
    """``X is caused by Y`` -> "What causes X?" -> ``Y``."""
    match = _PASSIVE.match(text) if " by " in text else None
    if not match or not noun_phrase(match.group("x").split()):
        return None
    x, verb, be = match.group("x"), match.group("verb"), match.group("be")
    base = lx.verb_lemma(verb) or verb
    if be in ("was", "were"):
        present = verb
    else:
        present = f"{base}s" if not base.endswith("s") else f"{base}es"
    return QA("caused-by", f"What {present} {_subject(x)}?", match.group("y"))


def _parts(text: str, subject: str) -> QA | None:
    """``X consists of Y`` -> "What does X consist of?" -> ``Y``."""
    match = _PARTS.match(text) if _PARTS_STEMS.search(text) else None
    if not match or not noun_phrase(match.group("x").split()):
        return None
    x, verb = match.group("x"), match.group("verb")
    words = verb.split()
    if words[0] in ("is", "are"):
        question = f"What {words[0]} {_subject(x)} {' '.join(words[1:])}?"
    else:
        base = lx.verb_lemma(words[0]) or words[0]
        aux = "does" if words[0] != base else "do"
        question = f"What {aux} {_subject(x)} {base} {' '.join(words[1:])}".rstrip() + "?"
    return QA("parts", question, match.group("y"))


def _used(text: str, subject: str) -> QA | None:
    """``X is used to Y`` -> "What is X used for?" -> ``to Y``."""
    match = _USED.match(text) if " used " in text else None
    if not match or not noun_phrase(match.group("x").split()):
        return None
    be = match.group("be")
    if " " in be:
        modal, _ = be.split(" ", 1)
        question = f"What {modal} {_subject(match.group('x'))} be used for?"
    else:
        question = f"What {be} {_subject(match.group('x'))} used for?"
    answer = re.split(r", (?:but|and|while|whereas|which)\b", match.group("y"), maxsplit=1)[0]
    if re.match(r"^to [a-z]+ing\b", answer):
        return None  # "are used to processing ...": accustomed, not a purpose
    return QA("used-for", question, answer.removeprefix("for "))


_MODALS = lx.wordset("can could may might will would should must")
_LIGHT_VERBS = lx.wordset("play take make give get have do hold become")  # + "Emperor": of what?
# verbs that are far more often a preposition after a plural noun ("inputs like sliders")
_PREPOSITION_LIKE = lx.wordset("like near")
_OBJECT_END = re.compile(
    r",|;|:| \(| which | that | who | because | while | whereas | so that | in order "
    r"| (?:in|on|at|within|during|for|by|from|with|after|before|through|into|via|without) "
    r"| and (?=[a-z]+ (?:the|a|an|[a-z]+s)\b)"
)


def _does_what(text: str, subject: str) -> QA | None:
    """``TCP provides a reliable bytestream`` -> "What does TCP provide?" and ``Ketamine can
    enhance the therapeutic process, ...`` -> "What can ketamine enhance?": the object of a
    plain statement, up to its first clause break."""
    words = text.split()
    first = words[0].lower() if words else ""
    if len(words) > 1 and words[1] in _ARTICLES and lx.verb_lemma(first) == first:
        return None  # "Take the principal theme of ...": a command, not a statement
    for at in range(1, min(len(words) - 1, _MAX_SUBJECT + 1, noun_phrase_reach(words) + 1)):
        if not noun_phrase(words[:at]):
            continue
        modal = words[at] if words[at] in _MODALS else ""
        adverb = ""
        verb_at = at + 1 if modal else at
        if verb_at < len(words) - 1 and words[verb_at].endswith("ly"):
            adverb, verb_at = words[verb_at], verb_at + 1  # "can potentially enhance"
        if verb_at >= len(words) - 1:
            return None
        verb = words[verb_at]
        if verb.endswith("ing"):
            continue  # "The child starts writing ...": a participle is no finite verb
        base = lx.verb_lemma(verb) if verb.islower() else ""
        if not base or base in ("be", "have", "do") or verb in lx.FUNCTION_WORDS:
            continue
        if verb == base and not modal and words[0].lower() in ("a", "an", "each", "every"):
            continue  # "A shell script static analysis tool": one thing takes no plural verb
        if base in _LIGHT_VERBS:
            return None  # "plays a crucial role", "takes place": the object is no answer
        if verb == base and base in _PREPOSITION_LIKE and not modal:
            return None  # "Interactive user inputs like sliders ...": "like" compares
        if not modal and lx.can_be_noun(verb) and words[verb_at + 1].startswith("("):
            return None  # "The sodium-potassium pump (Na+/K+-ATPase)": a name, not a verb
        if not modal and lx.can_be_noun(verb) and _maybe_verb(words[verb_at + 1]):
            continue  # "Water levels rise": "levels" is still the subject
        if {"ADV", "ADJ"} & lx.parts_of_speech(verb) and _maybe_verb(words[verb_at + 1]):
            return None  # "... further contributes to": an adverb before the verb
        rest = " ".join(words[verb_at + 1 :])
        if lx.parts_of_speech(rest.split()[0]) == frozenset({"ADV"}):
            return None  # "can lead suddenly or gradually to ...": not an object
        if rest.split()[0] in lx.FUNCTION_WORDS - {"a", "an", "the", "its", "their"}:
            return None  # "leads to", "acts as": a preposition's object is another question
        obj = _OBJECT_END.split(rest, maxsplit=1)[0].strip()
        if (
            not 1 <= len(obj.split()) <= 12
            or _AUX & set(obj.split())
            or any(lx.only_verb(w) for w in obj.split())
        ):
            return None  # no object, or a clause of its own ("an open pot is not ...")
        if at == 1 and _bare_noun(words[0]):
            return None  # "Court entered ...": note style, which court is not said
        said = [w for w in words[:at] if w.islower()]
        if at > 1 and words[1].islower():  # "Many patients", not "First Crusade"
            said.append(words[0].lower())
        if _UNANCHORED & set(said):
            return None  # "many patients", "the second byte": which ones, the card cannot say
        if any(
            w in ("the", "a", "an") and not lx.is_function_word(before)
            for before, w in itertools.pairwise(words[:at])
        ):
            return None  # "The ensuing winter the Athenians sent": a time, then the subject
        if (
            at == 2
            and words[0].lower() == "the"
            and words[1].islower()
            and not lx.is_rare(words[1])
        ):
            return None  # "the request", "the tires": a referent of the text around it
        if lx.only_verb(obj.split()[-1]) or _cut_list(rest, obj):
            return None  # "the focus of X and also look"; "X" of "X, Y and Z": cut short
        if _names_little(obj):
            return None  # "What does the Bank bring?" -> "an action": any text's words
        if verb in _NAMING_VERBS:
            return None  # "a tongue-like organ called a radula": a name given, not an action
        who = _subject(" ".join(words[:at]), subject)
        # a name answering a verb done to people asks "whom" ("Whom did Zurcher sue?")
        if base in lx.PERSON_OBJECT_VERBS and _a_title(obj):
            return None  # "Rudolf of Habsburg elected Emperor": he was elected, a passive
        what = "Whom" if base in lx.PERSON_OBJECT_VERBS and _a_name(obj) else "What"
        if _DURATION.match(obj):
            what = "How long"  # "Octavianus reigned fifty-six winters": a span, not a thing
        if modal:
            question = f"{what} {modal} {who} {adverb + ' ' if adverb else ''}{base}?"
        elif (verb.endswith("ed") and verb != base) or lx.is_past(verb, base):
            question = f"{what} did {who} {base}?"
        elif verb != base:
            question = f"{what} does {who} {base}?"
        else:
            question = f"{what} do {who} {base}?"
        return QA("does-what", question, obj)
    return None


_DURATION = re.compile(
    r"^(?:about |nearly |almost |over |some )?(?:[\w-]+ ){1,2}"
    r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|winters?|decades?|centuries)$"
)
_ARTICLES = lx.wordset("the a an your this these each every")
_COUNTS = lx.wordset("two three four five six seven eight nine ten several many")
_NAMING_VERBS = lx.wordset("called named termed dubbed known")


def _a_name(obj: str) -> bool:
    """Whether an object is a proper name: every word capitalised ("Cheng Shin", "Prince
    Albert of Saxe-Coburg-Gotha"), small words between them allowed."""
    said = obj.split()
    return said[0][:1].isupper() and all(w[:1].isupper() or lx.is_function_word(w) for w in said)


def _a_title(obj: str) -> bool:
    """Whether an object is a bare title, a common noun written with a capital ("Emperor",
    "King"): no article, one word that English uses as a noun."""
    said = obj.split()
    return (
        len(said) == 1 and said[0][:1].isupper() and "NOUN" in lx.parts_of_speech(said[0].lower())
    )


def _names_little(obj: str) -> bool:
    """Whether an object is no answer to learn: it ends on a word that cannot be a noun
    ("British", "quasi" of "quasi in rem"), runs into a second sentence ("Trajan. Roman
    Empire"), or is one or two everyday words and no name ("an action", "their attention")."""
    said = obj.split()
    if not lx.can_be_noun(said[-1].strip("\"'”.")) or ". " in obj:
        return True
    if len(said) >= 3 and said[-2] == "to" and lx.verb_lemma(said[-1]) == said[-1]:
        return True  # "What may companies pay?" -> "individual developers to work": cut
    if len(said) == 2 and (said[0].isdigit() or said[0].lower() in _COUNTS):
        return True  # "What does Information Theory define?" -> "two mechanisms": how many
    content = [w for w in lx.words(obj) if w not in lx.FUNCTION_WORDS]
    named = any(w[:1].isupper() for w in said)
    return len(content) <= 2 and not named and all(lx.is_familiar(w) for w in content)


_UNANCHORED = lx.wordset(
    "many some most several few any each every other others first second third fourth fifth"
    " sixth seventh"
    " eighth ninth tenth last next previous same different various certain"
)


def _cut_list(rest: str, obj: str) -> bool:
    """Whether ``obj`` is only the first item of a list the sentence goes on with ("the
    sequence number, the acknowledgement number and the SYN flag")."""
    after = rest[len(obj) :]
    return after.startswith(",") and " and " in " ".join(after.split()[:10])


MAKERS: tuple[Callable[[str, str], QA | None], ...] = (
    _because,
    _purpose,
    _passive,
    _parts,
    _used,
    _active,
    _does_what,
)
