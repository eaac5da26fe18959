"""Whether a card leans on the text around it, which the card cannot show.

A cloze shows one sentence. One that speaks as "we" ("Accordingly, we can perform a
nonparametric version of the test with [...]"), opens on an example of something it does not
name ("For example, sending [...] to mobile devices", "Examples include [...], Tay-Sachs
disease") or opens on a word that points back ("However", "Thus", "Similarly", "In addition",
"In other words", "As noted earlier") is half of a thought whose other half is elsewhere.
Rated blind on 36 texts of every subject, such clozes were good in 15 % of 120 cases against
33 % for the others, and worse in 26 of the 36 texts: a cloze of such a sentence is weak,
kept only where its section needs it.

A question can say too little in the same way: "What does ketamine enhance?", "What do
astronomers use?" fit a dozen sentences of their text. Rated blind, such questions of four or
five words ("What" + auxiliary + subject + verb) were good in 16 % of 37 cases and bad in
72 % when their answer holds no rare word and no name, on 21 texts; with seven words and
more, about half were good. Such a question is weak too, unless its answer is a term of the
subject or a name ("What did Saladin capture?" -> "Jerusalem").
"""

from __future__ import annotations

import re

from studyapp.cards import lexicon as lx

_OPENING = re.compile(
    r"^(?:(?:other |some |more |further |typical |common |classic )?examples?\b"
    r"|for (?:example|instance)\b|e\.g\.|such as\b"
    r"|however|thus|therefore|hence|so\b|but\b|and\b|also\b|then\b|yet\b|instead|otherwise"
    r"|still\b|nevertheless|nonetheless|again\b|similarly|likewise|moreover|furthermore"
    r"|besides\b|accordingly|consequently|in (?:addition|turn|this|that|these|such|contrast)\b"
    r"|as a result\b|the (?:latter|former|same)\b|if (?:not|so)\b"
    r"|in other words\b|in short\b|that is\b|to (?:sum up|summari[sz]e)\b"
    r"|as (?:was |we |has been |have been |is |it was )?(?:already |previously |earlier )?"
    r"(?:noted|mentioned|seen|discussed|explained|shown|stated|described|said)\b"
    r"|(?:this|these|those|such|both)\b)",
    re.IGNORECASE,
)
_WE = re.compile(r"\b(?:we|us|our|ours|ourselves)\b", re.IGNORECASE)


def leans_on_context(sentence: str) -> bool:
    """Whether ``sentence`` speaks as "we" or opens on an example or a word pointing back."""
    text = sentence.lstrip(" \"“'‘(*_")
    return bool(_OPENING.match(text) or _WE.search(text))


_BARE_QUESTION = re.compile(
    r"^What (?:does|do|did|can|could|may|might|must|should|will|would) \S+(?: \S+)? \S+\?$"
)


def says_too_little(question: str, answer: str) -> bool:
    """Whether ``question`` is a bare "What does X do?" of four or five words whose answer
    names no term of the subject (no rare word) and no name: many sentences of the text would
    fit it."""
    if not _BARE_QUESTION.match(question):
        return False
    said = [word for word in lx.WORD.findall(answer) if not lx.is_function_word(word)]
    return not any(word[:1].isupper() or lx.is_rare(word) for word in said)


_DETERMINERS = lx.wordset("the a an this that these those some many most")
_BARE_SUBJECT = re.compile(
    r"^What (?:does|do|did|can|could|may|might|must|should|will|would) (?P<subject>\S+(?: \S+)?)"
    r" [a-z]+\?$"
)


def asks_of_a_common_noun(question: str) -> bool:
    """Whether ``question`` is a bare "What does X do?" whose subject is one common noun ("What
    did the Pope send?", "What may speakers use?", "What does the protocol require?"): such a
    party does many things in its text, and the card names no moment or case to tell which.
    Rated blind over 38 texts, 12 of 22 such questions were bad and 4 good, whatever their
    answer; with a named subject ("What did Huss preach?") they were good more often than bad.
    A rare noun is a term of the subject ("What do lipases digest?"), not a party."""
    bare = _BARE_SUBJECT.match(question)
    if not bare:
        return False
    words = bare.group("subject").split()
    if len(words) == 2 and words[0].lower() in _DETERMINERS:
        words = words[1:]
    elif len(words) != 1 or not words[0].islower():
        return False  # a name ("Saladin"), or more than one noun
    return words[0].isalpha() and not lx.is_rare(words[0])  # "lipases": a term of the subject
