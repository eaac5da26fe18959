"""Names a text always capitalises, given back their capitals where a question lowered them.

A question made from a sentence lower-cases the sentence's first word ("Caere is the first of
all the Italian towns ..." -> "What is caere?"), as it should for "Ketamine" but not for a
town, a person or a language. Whether a word is a name is read from the text itself, which
holds for any subject: a word the text writes with a capital inside a sentence and never in
lower case is a name; no word list or tagger is needed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from studyapp.cards import lexicon as lx

_LOWER = re.compile(r"\b[a-z]+\b")


class NameBook:
    """Which words a text treats as names, found out word by word as questions ask for them
    (and remembered): only the words of questions are ever looked up, where reading every
    word of a long text would cost more than all its questions."""

    __slots__ = ("_known", "_lower", "_sentences", "_text")

    def __init__(self, sentences: Sequence[str]) -> None:
        self._sentences = sentences
        self._text: str | None = None
        self._known: dict[str, bool] = {}
        self._lower: dict[str, bool] = {}

    def is_name(self, word: str) -> bool:
        """Whether the text writes ``word`` (lower case) with a capital after a lower-case
        word or a comma (inside a sentence, so not for starting one), and never in lower
        case."""
        known = self._known.get(word)
        if known is None and lx.is_function_word(word):
            known = self._known[word] = False  # "the", "what": never a name, never searched
        if known is None:
            if self._text is None:
                self._text = "\n".join(self._sentences)
            capital = word.capitalize()
            known = (
                f" {capital}" in self._text  # a plain search first: most words never are
                and re.search(rf"[a-z,;] {capital}\b", self._text) is not None
                and re.search(rf"\b{word}\b", self._text) is None
            )
            self._known[word] = known
        return known

    def never_lower(self, word: str) -> bool:
        """Whether the text never writes ``word`` (lower case) in lower case: with the word
        table not knowing it, a name even where the text only ever opens a line with it
        ("1870: Prussia declared war ...")."""
        known = self._lower.get(word)
        if known is None:
            if self._text is None:
                self._text = "\n".join(self._sentences)
            # a plain search first (a timeline asks of hundreds of names), remembered
            known = (
                word not in self._text or re.search(rf"\b{re.escape(word)}\b", self._text) is None
            )
            self._lower[word] = known
        return known


NO_NAMES = NameBook(())


def with_names(question: str, names: NameBook) -> str:
    """``question`` with the names it lowered capitalised again ("What is Caere?")."""
    return _LOWER.sub(lambda m: m[0].capitalize() if names.is_name(m[0]) else m[0], question)
