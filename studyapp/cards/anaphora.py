"""Whether a sentence can stand alone on a card, and how to make it do so.

A card shows one sentence without its neighbours, so a sentence that leans on an earlier one
("By doing so, ...", "This interaction ...", "... modulating these processes") would ask about
something the student cannot see. Such a sentence is made to stand alone only where that is
safe (a leading ``It`` when the previous sentence is about the document's subject; ``This
interaction`` when the previous sentence spoke of ``Ketamine's interaction``); otherwise it is
left out of the cards (it stays in the reading text).
"""

from __future__ import annotations

import re

from studyapp.cards import lexicon as lx
from studyapp.cards import text_facts as tf
from studyapp.outline.sentences import split_sentences

# ("There are concerns ..." is existential, not a pointer back)
_PRONOUN_START = re.compile(
    r"^(?:They|Their|Them|These|Those|This|That|Such|Here"
    r"|There(?! (?:is|are|was|were|has|have)\b))\b"
)
_IT_START = re.compile(r"^(It|Its)\b")
# Openings that refer back to what came before: "By doing so, ...", "In such cases, ..."
_BACK_REFERENCE = re.compile(
    r"^(?:By doing so|In doing so|In such cases?|In these cases|In this case|In this context"
    r"|In this way|As such|As a result|Because of this|For this reason|To this end|Therefore"
    r"|Thus|Hence|Consequently|Similarly|Likewise|Conversely|Instead|Otherwise|Nevertheless"
    r"|Despite this|However"
    # "A well known example is X", "One example would be Y": an example of what came before
    r"|(?:An?|One|Another)(?: [\w-]+){0,2} examples? (?:is|are|was|were|would be|might be))\b",
    re.IGNORECASE,
)
# Connectives that add nothing once the sentence stands alone
_CONNECTIVE = re.compile(r"^(?:Additionally|Furthermore|Moreover|In addition|Also|Notably), ")
# "This interaction", "These potential actions", "such cases" (not "such as", not "this is")
_DETERMINER = re.compile(
    r"\b(?P<det>[Tt]his|[Tt]hese|[Tt]hose|[Ss]uch) (?P<next>[a-z][\w-]*)(?: (?P<noun>[a-z][\w-]*))?"
)
_CATEGORY_NOUNS = "properties|effects|actions|mechanisms|benefits|changes"
# "These potential actions", "These effects": a category word pointing at a list just named
_CATEGORY = re.compile(rf"^These (?:[a-z]+ )?(?:{_CATEGORY_NOUNS})\b")
_NOT_NOUN_TEXT = (
    "as is are was were be may might can could will would should must has have had does do "
    "did not also further who whom which that"
)
_NOT_NOUN = frozenset(_NOT_NOUN_TEXT.split())


def standalone(
    sentence: str,
    subject: str,
    previous: str,
    terms: frozenset[str],
    earlier: str = "",
    title: str = "",
) -> str | None:
    """The sentence made to stand alone, or None when it leans on something unseen.

    ``subject`` is the document's main subject ("ketamine"), ``previous`` the sentence before
    (or the section title), ``terms`` the document's own terms (lower case): a sentence that
    opens with one of them ("Neuropathic pain ... this condition") carries its own referent.
    ``earlier`` is the paragraph before the sentence, where ``This interaction`` may find
    ``Ketamine's interaction``; ``title`` the section's title, which names what ``This
    algorithm`` is under "Dijkstra's algorithm".
    """
    sentence = _drop_connective(sentence)
    if _BACK_REFERENCE.match(sentence):
        return _resolve_back_reference(sentence, previous, earlier)
    if _PRONOUN_START.match(sentence):
        named = _resolve_by_title(sentence, title)
        if named:
            return named
        return _resolve_demonstrative(sentence, subject, earlier or previous)
    match = _IT_START.match(sentence)
    if match and _expletive_it(sentence):
        match = None  # "It is up to the parties to evaluate ...": "it" stands for no thing
    if match:
        defined = tf.definitions(previous)  # "Naloxone is a ... antagonist. It is given ..."
        if defined and len(defined[0].subject.split()) <= 3 and defined[0].verb == "is":
            name = defined[0].subject
        elif subject and subject.lower() in " ".join(previous.lower().split()[:8]):
            name = subject[:1].upper() + subject[1:]
        else:
            return None
        apostrophe = "’" if "’" in previous or "’" in sentence else "'"
        replacement = name if match.group(1) == "It" else f"{name}{apostrophe}s"
        sentence = replacement + sentence[match.end() :]
    else:
        sentence = _resolve_inner_its(sentence, subject, previous)
    sentence = _resolve_inner_by_definition(sentence, previous)
    if _leans_inside(sentence, terms) or _points_back(sentence):
        main = _without_trailing_clause(sentence)
        if main and not (_leans_inside(main, terms) or _points_back(main)):
            return main  # "... abuse and dependence, although this is less likely ...": cut
        return None
    return sentence


# a clause after the main one, on a comma: ", although this is less likely with ...",
# ", but this is rare", ", which makes them ..."
_TRAILING_CLAUSE = re.compile(
    r", (?:although|though|but|while|whereas|which|since|as|so|and this|and these) [^,]*"
    r"(?:,[^,]*)*$"
)
MIN_MAIN_CLAUSE = 6  # words: a shorter main clause says too little alone


def _without_trailing_clause(sentence: str) -> str | None:
    """The sentence up to a clause that follows its main one, as a sentence of its own:
    "There are concerns about the potential for abuse and dependence." of "..., although this
    is less likely with controlled treatments." (a card shows one sentence: the clause's
    "this" points into it, the main clause stands alone). None when no such clause ends it or
    the main clause is short."""
    cut = _TRAILING_CLAUSE.search(sentence)
    if not cut:
        return None
    main = sentence[: cut.start()].rstrip()
    if len(main.split()) < MIN_MAIN_CLAUSE or main.count("(") != main.count(")"):
        return None
    if not lx.holds_finite_verb(lx.WORD.findall(main)):
        return None  # "A group of even beats (or pulses), always felt": no statement
    return f"{main}."


# "this", "these", "those" standing for a thing ("as this is called", "but this is rare",
# "Relative to that,"): a pronoun, not a determiner; a colon after it points forward instead
_POINTING = re.compile(
    r"\b(?:[Tt]his|[Tt]hese|[Tt]hose) (?P<next>[a-z]+)\b"
    r"|\b(?:to|of|than|like|with|from|for|by|about|after|before) (?:that|this|these|those)"
    r"(?=[,.;)]|$)"
    r"|\b(?:[Tt]his|[Tt]hese|[Tt]hose)(?=[,.;)]|$)"
)
_POINTER_VERBS = lx.wordset(
    "is are was were can could may might will would should must has have had does did"
)


def _points_back(sentence: str) -> bool:
    """Whether a demonstrative inside the sentence stands for something said before it:
    "Unfortunately, the Halting Problem, as this is called, cannot be solved", "Relative to
    that, there was a small decline", "... may indicate a four-half measure, but this is
    rare". Blind raters marked such cards as not standing alone on every subject."""
    if not any(part in sentence for part in ("his", "hese", "hose", "hat")):
        return False  # what every _POINTING match holds: most sentences have none
    for match in _POINTING.finditer(sentence):
        after = match.group("next")
        if after is None or after in _POINTER_VERBS or lx.only_verb(after):
            return True
    return False


_IT_BE = re.compile(
    r"^It(?:’s|'s| is| was| seems| seemed| appears| remains| becomes| has been| will be"
    r"| would be| may be| might be| can be| could be) (?:not |also |often |very |quite )?"
    r"(?P<word>[a-z][\w-]*)(?P<rest>(?: \S+){0,5})"
)


def _expletive_it(sentence: str) -> bool:
    """Whether a leading "It" points forward, to the clause it opens ("It is up to the
    parties to evaluate ...", "It is important that ..."), not back to a thing: an adjective
    or "up to" after "is", then a "to" or "that" clause."""
    match = _IT_BE.match(sentence)
    if not match:
        return False
    word, rest = match.group("word"), f"{match.group('rest')} "
    adjective = "ADJ" in lx.parts_of_speech(word) and not word.endswith("ed")
    return (word == "up" or adjective) and bool(re.search(r" (?:to|that|whether|for) ", rest))


def _resolve_inner_by_definition(sentence: str, previous: str) -> str:
    """``... modulating these processes, ...`` after "Epileptogenesis refers to the process
    by which ..." becomes ``... modulating epileptogenesis, ...``: the sentence before
    defined a term as that kind of thing ("the process", "a movement"), so the pointer names
    it."""
    defined = tf.definitions(previous) if previous else []
    if not defined or len(defined[0].subject.split()) > 4:
        return sentence
    kind = re.match(r"^(?:the|an?) (?P<noun>[a-z][\w-]*)\b", defined[0].definition)
    if not kind:
        return sentence
    for match in _DETERMINER.finditer(sentence):
        said = match.group("next")
        if match.start() == 0 or lx.lemma(said) != lx.lemma(kind.group("noun")):
            continue
        term = defined[0].subject
        term = term if term[1:2].isupper() or term.split()[0].isupper() else term.lower()
        end = match.start() + len(match.group("det")) + 1 + len(said)
        if term.lower() in sentence.lower():
            return sentence  # "modulating epileptogenesis, potentially influencing
            # epileptogenesis": the pointer meant more than the term the sentence names
        return sentence[: match.start()] + term + sentence[end:]
    return sentence


def _resolve_back_reference(sentence: str, previous: str, earlier: str) -> str | None:
    """``By doing so, X`` after "... involves blocking NMDA receptors in the CNS." becomes
    ``By blocking NMDA receptors in the CNS, X``; ``In such cases, X`` in a paragraph that
    opened by defining status epilepticus becomes ``In status epilepticus, X``. Any other
    reference back is left out (None)."""
    doing = re.match(r"^(?:By|In) doing so, ", sentence)
    if doing:
        how = re.search(r"\b(?:involves|by|through) (?P<how>[a-z]+ing [^,;.]{3,80})\.?$", previous)
        if how and not _leans_inside(how.group("how"), frozenset()):
            return f"By {how.group('how')}, {sentence[doing.end() :]}"
        return None
    cases = re.match(r"^In such cases, ", sentence)
    if cases and earlier:
        first = split_sentences(earlier)[0]
        defined = tf.definitions(first)
        if defined and defined[0].verb == "is" and len(defined[0].subject.split()) <= 4:
            term = defined[0].subject
            term = term if term[1:2].isupper() else term[:1].lower() + term[1:]
            return f"In {term}, {sentence[cases.end() :]}"
    return None


def _drop_connective(sentence: str) -> str:
    """``Additionally, ketamine's ...`` -> ``Ketamine's ...`` (the connective needs a context)."""
    match = _CONNECTIVE.match(sentence)
    if not match:
        return sentence
    rest = sentence[match.end() :]
    first = rest.split(" ", 1)[0]
    if first[1:] != first[1:].lower():  # an acronym or a name keeps its spelling
        return rest
    return rest[:1].upper() + rest[1:]


def _resolve_demonstrative(sentence: str, subject: str, previous: str) -> str | None:
    """``This interaction with ...`` after ``Ketamine's interaction with ...`` becomes
    ``Ketamine's interaction with ...``; any other demonstrative opening is left out."""
    category = _CATEGORY.match(sentence)
    if category and subject:  # "These potential actions" after "... its X and Y properties."
        named = re.search(
            rf"\b(?:its|{re.escape(subject)}[’']s) (?P<np>(?:[\w-]+ ){{0,5}}"
            rf"(?:{_CATEGORY_NOUNS}))\.$",
            previous.strip(),
            re.IGNORECASE,
        )
        if named:
            apostrophe = "'" if "'" in previous + sentence else "’"
            name = f"{subject[:1].upper()}{subject[1:]}{apostrophe}s {named.group('np')}"
            resolved = name + sentence[category.end() :]
            return None if _leans_inside(resolved, frozenset()) else resolved
    match = re.match(r"^(This|These) (?P<noun>[a-z][\w-]*)\b", sentence)
    if not match or not subject or match.group("noun") in _NOT_NOUN:
        return None
    noun = match.group("noun")
    owner = re.search(rf"\b({re.escape(subject)}[’']s) {re.escape(noun)}\b", previous, re.I)
    if not owner:
        return None
    name = owner.group(1)
    resolved = name[:1].upper() + name[1:] + sentence[len(match.group(1)) :]
    return None if _leans_inside(resolved, frozenset()) else resolved


def _resolve_by_title(sentence: str, title: str) -> str | None:
    """``This algorithm finds ...`` under the section "Dijkstra's algorithm" becomes
    ``Dijkstra's algorithm finds ...``: the title names the thing of its last word (two to
    five words, not a question or a sentence)."""
    match = re.match(r"^This (?P<noun>[a-z][\w-]*)\b", sentence)
    words = title.rstrip(".:").split()
    if not match or not 2 <= len(words) <= 5 or title.rstrip().endswith("?"):
        return None
    if words[-1].lower() != match.group("noun") or lx.is_function_word(words[0]):
        return None
    resolved = " ".join(words) + sentence[match.end() :]
    return None if _leans_inside(resolved, frozenset()) else resolved


def _leans_inside(sentence: str, terms: frozenset[str]) -> bool:
    """Whether the sentence refers back with ``these processes``, ``such cases`` ... and does
    not open with a term of its own the phrase could point to."""
    if not ("his " in sentence or "hese " in sentence or "hose " in sentence or "uch " in sentence):
        return False  # what every _DETERMINER match holds: most sentences have none
    for match in _DETERMINER.finditer(sentence):
        if match.start() == 0 or match.group("next") in _NOT_NOUN:
            continue
        head = sentence[: match.start()].lower()
        noun = match.group("noun") or match.group("next")
        if noun[:5] in head and match.group("next")[:5] in head:
            continue  # "pathways ... these pathways": the referent is in the sentence
        opening = " ".join(head.split()[:4])
        if any(opening.startswith(term) for term in terms if len(term) >= 4):
            continue
        return True
    return False


def _resolve_inner_its(sentence: str, subject: str, previous: str) -> str:
    """``its`` inside a sentence that never names the subject, after one that starts with it."""
    if not subject or " its " not in sentence:
        return sentence
    if subject.endswith("s") or lx.lemma(subject) != subject:
        return sentence  # "its" is one thing: not "species" ("species's foundation")
    if subject not in " ".join(previous.lower().split()[:3]):
        return sentence
    apostrophe = "’" if "’" in previous or "’" in sentence else "'"
    return sentence.replace(" its ", f" {subject}{apostrophe}s ", 1)


# a pronoun inside a sentence ("The boundaries separating it from Veragua ...", "... by
# which they are in force"): whom it means must be named earlier in the same sentence, since
# a card shows the sentence alone
_INNER_PRONOUN = re.compile(r"(?<=\s)(?P<word>it|its|they|them|their|he|him|his|she|her)\b")
# "it is clear that", "it takes time to", "makes it possible to": an "it" that points forward
_EXPLETIVE_IT = re.compile(
    r"^it(?:’s|'s| (?:\w+ )?(?:is|was|has been|had been|may be|might be|can be|could be|will be"
    r"|would be|should be|must be|seems|seemed|appears|appeared|remains|becomes|became|takes"
    r"|took|makes sense))\b (?:\S+ ){0,4}?(?:to|that|whether|how|if)\b"
)
_SINGULAR, _PLURAL, _PERSON = "singular", "plural", "person"
_AGREES = {
    "it": _SINGULAR,
    "its": _SINGULAR,
    "they": _PLURAL,
    "them": _PLURAL,
    "their": _PLURAL,
    "he": _PERSON,
    "him": _PERSON,
    "his": _PERSON,
    "she": _PERSON,
    "her": _PERSON,
}


def pronoun_without_referent(sentence: str) -> str:
    """The first pronoun inside ``sentence`` that nothing before it in the sentence can be
    the referent of, or ``""``: "it" and "its" need a singular noun or a name, "they",
    "them" and "their" a plural noun or two things joined by "and", "he", "his", "she" and
    "her" a name or a noun. Blind raters marked cards with such a pronoun as not standing
    alone, on every subject ("the boundaries separating it from Veragua", "hath no power
    over him")."""
    for match in _INNER_PRONOUN.finditer(sentence):
        word = match.group("word")
        before = sentence[: match.start()]
        if word == "it" and _EXPLETIVE_IT.match(sentence[match.start() :]):
            continue
        if not _has_referent(before, _AGREES[word]):
            return word
    return ""


def _has_referent(before: str, kind: str) -> bool:
    """Whether ``before`` (the sentence up to a pronoun) names something of ``kind``."""
    said = lx.WORD.findall(before)
    if said and said[0].lower() in ("what", "which", "who"):
        return True  # "What must be avoided as it leads to laxity?": the answer is its referent
    if kind == _PLURAL and re.search(r"\w,? (?:and|or|&) \w", before):
        return True  # "Locke, Berkeley and Hume ... their"
    for at, word in enumerate(said):
        if lx.is_function_word(word) or lx.is_pronoun(word) or lx.is_personal(word):
            continue
        named = (at > 0 and word[:1].isupper()) or (len(word) > 1 and word.isupper())
        nouns = lx.lemmas(word).get("NOUN", ())
        if not nouns and (lx.parts_of_speech(word) or not word[:1].isalpha()) and not named:
            continue  # a verb, an adjective, a number: nothing a pronoun can point to
        if kind == _PERSON:
            return True
        low = re.sub(r"[’']s?$", "", word.lower())  # "caregivers’", "the host's"
        plural = low.endswith("s") or any(n != low for n in nouns)  # "checksums", "children"
        single = not nouns or low in nouns or named  # "species", "fish", a name or a term
        if (kind == _SINGULAR and single) or (kind == _PLURAL and plural):
            return True
    return False
