"""Which phrase of a sentence a cloze hides: the document's key terms, scored.

:class:`PhraseScorer` proposes verbatim spans of a sentence (the document's own terms,
durations, routes, runs of content words that read as noun phrases) and scores them by what
the document says (its terms, rarity, recurrence) and by how term-like they look
(:mod:`studyapp.cards.term_quality`); phrases the titles give away are never proposed.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cached_property, lru_cache
from itertools import chain
from typing import Final

from studyapp.cards import lexicon as lx
from studyapp.cards import term_quality as tq
from studyapp.cards.text_facts import STOPWORDS, WORD, wordset

_LETTERS = re.compile(r"[A-Za-z]+")  # patterns run per word run, compiled once
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Za-z][A-Za-z-]*) $")  # the word right before a phrase
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+|\d)")
_THAN_NEXT = re.compile(r"\s+than\b")
_DIGIT = re.compile(r"\d")
# From this many sentences a text's key terms come back: a rare word used once is its style
RECUR_FROM = 150


class PhraseScorer:
    """Picks the phrase of a sentence most worth hiding in a cloze.

    Prefers the document's own terms (acronym expansions, defined terms, list terms, words of
    section titles), then rare content words (by inverse document frequency over sentences).
    """

    def __init__(
        self,
        sentences: list[str],
        lexicon: set[str],
        subject: str,
        document_size: int = 0,
        counts: Counter[str] | None = None,
    ) -> None:
        """``counts`` are :func:`sentence_counts` of ``sentences``, if they were counted."""
        self.sentences = sentences
        counts = sentence_counts(sentences) if counts is None else counts
        self.total = max(1, len(sentences))
        # a short document says most things once; a long one read in parts still comes back
        self.short = (document_size or len(sentences)) < RECUR_FROM
        self.part = len(sentences) < RECUR_FROM  # the text around a card, in a long document
        self.counts = counts
        # the rarity of each word, worked out once (the scale of :meth:`idf` once per scorer)
        self._once = math.log((1 + self.total) / 2) if self.total > 2 else 1.0
        self._idf: dict[str, float] = {}
        self._times: dict[str, int] = {}  # see :meth:`_said`
        self.lexicon = {t.lower() for t in lexicon if t}
        self.subject = subject.lower()
        # the terms a sentence's phrase may be proposed as (in the lexicon's order)
        self._proposed = [
            term
            for term in self.lexicon
            if len(term) >= 4 and not (self.subject and self.subject in term.split())
        ]
        # a cloze option's rank is asked when it is weighed and again when it is kept, and
        # whether it holds a term by the rank and by :meth:`recurs`: each worked out once
        self._ranks: dict[tuple[str, str], int] = {}
        self._holds: dict[tuple[str, ...], bool] = {}

    @cached_property
    def corpus(self) -> str:
        """The sentences, one a line, lower case, where :meth:`_said` counts a phrase: made
        when one is first counted (the whole document's scorer of a long text counts none,
        and its text is a megabyte)."""
        return "\n".join(self.sentences).lower()

    # The two below serve only :meth:`key_term`, and are made when it first needs them: the
    # whole document's scorer of a long text scores its titles, never a cloze's phrase.
    def lemma_count(self, base: str) -> int:
        """In how many sentences the lemma ``base`` is used ("cause" and "causes" count as
        one, each word as often as :attr:`counts` has it: a sentence with both counts twice).

        The sum of the counts of its words, which the word table lists
        (:func:`~.lexicon.lemma_forms`): the lemma of each word of the text need not be
        looked up to find the few that are asked about."""
        own = self.counts.get(base, 0) if lx.lemma(base) == base else 0
        return own + sum(self.counts.get(word, 0) for word in lx.lemma_forms(base))

    @cached_property
    def lexicon_lemmas(self) -> set[str]:
        """The document's own terms word by word in dictionary form ("state space")."""
        return {_lemmas(t) for t in self.lexicon}

    @cached_property
    def _lexicon_openings(self) -> frozenset[str]:
        """The first word of each of :attr:`lexicon_lemmas`: a run of words opening on no
        other is none of them, whatever follows (so it is never joined up to be looked up)."""
        return frozenset(term.split(" ", 1)[0] for term in self.lexicon_lemmas)

    def idf(self, word: str) -> float:
        """How rare a word is across the document's sentences, scaled so that a word used
        once scores alike in a short excerpt and in a long chapter (about 3.9)."""
        known = self._idf.get(word)
        if known is None:
            count = self.counts.get(word, 0)
            known = self._idf[word] = 3.9 * math.log((1 + self.total) / (1 + count)) / self._once
        return known

    def candidates(
        self, sentence: str, titles: str = "", own_title: str = ""
    ) -> list[tuple[float, str]]:
        """``(score, phrase)`` pairs, best first; phrases are verbatim spans of the sentence.

        Phrases whose words all appear in ``titles`` (the topic's title) or ``own_title`` (the
        section's) are left out: the title on screen gives them away. Durations, routes,
        technical word shapes (:mod:`studyapp.cards.term_quality`) and terms the document uses again
        score higher.
        """
        lower = sentence.lower()
        scored: dict[str, float] = {}
        for duration in _durations(sentence):
            scored[duration] = 5.5
        # a manner word ends on "ly": a sentence without it needs no search for one
        for match in tq.MANNER.finditer(sentence) if "ly" in sentence else ():
            if tq.is_manner(match.group(0)):
                scored[match.group(0)] = 3.0
        for term in self._proposed:
            at = lower.find(term)
            if at < 0:
                continue
            end = at + len(term)
            if (at and _word_char(lower[at - 1])) or (end < len(lower) and _word_char(lower[end])):
                continue
            phrase = sentence[at:end]
            scored[phrase] = 3.0 + 0.5 * len(term.split()) + self._rarity(phrase)
        for run in self._content_runs(sentence):
            if run not in scored:
                single = " " not in run and not tq.is_technical(run)
                scored[run] = self._rarity(run) + 0.3 * (len(run.split()) - 1) - 0.5 * single
        given_away = f"{titles} {own_title}".lower()
        out = []
        for phrase, score in scored.items():
            low = phrase.lower()
            if lower.count(low) == 1 and low not in STOPWORDS and not _all_in(phrase, given_away):
                out.append((score + tq.specificity(phrase) + self._recurrence(phrase, low), phrase))
        return sorted(out, key=lambda pair: (-pair[0], pair[1]))

    def key_term(self, phrase: str, sentence: str) -> bool:
        """Whether a cloze may hide ``phrase`` of ``sentence``: a term a teacher would blank,
        not any words that happen to read as a noun phrase ("part above", "familiar type",
        "contumely").

        A key term is one of the document's own terms (defined, listed, spelled out), a
        number or duration, a name (every word capitalised, or an abbreviation), a rare
        manner word ("intravenously"), or a noun phrase the document comes back to: the
        phrase itself in another place (a lone word only if it is not everyday English), or
        one of its rare words in another sentence. Whatever the subject, the words a text is
        about recur; a one-off phrase of the author's style does not. A short document (under
        :data:`RECUR_FROM` sentences) says most things once, so there a word that is not
        everyday English is enough; in the part of a long document a card is made with (about
        80 sentences), a rare word is ("passphrase", "cryptography" in a manual).
        """
        return self.term_rank(phrase, sentence) > 0

    def term_rank(self, phrase: str, sentence: str) -> int:
        """How surely ``phrase`` is a key term (see :meth:`key_term`): 0 not one, 1 surely
        (one of the document's terms, a number, an abbreviation, a name of several words),
        2 likely (a one-word name, a manner word, a phrase or rare word the text comes back
        to), 3 only by the short-text allowance (a word that is not everyday English, said
        once). Where a deck must lose clozes, the least sure go first."""
        known = self._ranks.get((phrase, sentence))
        if known is None:
            known = self._ranks[phrase, sentence] = self._term_rank(phrase, sentence)
        return known

    def _term_rank(self, phrase: str, sentence: str) -> int:
        """:meth:`term_rank`, worked out."""
        low = phrase.lower()
        said = WORD.findall(phrase)
        if not said:
            return 0
        if lx.opens_on_count(low) or phrase in _durations(sentence):
            return 1  # "[two supports]", "took [weeks]"
        if low in self.lexicon or any(map(str.isdigit, phrase)):
            return 1
        if tq.is_manner(phrase):
            return 2
        if self._holds_term(said):
            return 1  # "infinite state spaces" holds the defined "state space"
        if all(w[:1].isupper() for w in said) and (sentence.find(phrase) > 0 or len(said) > 1):
            return 1 if len(said) > 1 else 2  # "Imperial Crown", "Neff": a name
        if any(len(w) >= 2 and w.isupper() for w in said):
            return 1  # an abbreviation: "TCP", "NMDA receptors"
        if not lx.can_be_noun(said[-1]) or any(lx.is_function_word(w) for w in said):
            return 0  # "part above", "world wide", "versus temperatures": no noun phrase
        if len(said) == 1 and self._said(low) >= 2 and not lx.is_familiar(low):
            return 2
        if len(said) > 1 and self._compound_recurs(said):
            return 2
        content = [w for w in said if w.lower() not in STOPWORDS]
        if self.short:  # said once, a word that is not everyday English is enough
            return 3 if any(not lx.is_familiar(w) for w in content) else 0
        times = 1 if self.part else 2  # a part of a long text is read as a short text is
        rare = [w for w in content if lx.is_rare(w)]
        if any(self._used(w.lower(), 2) for w in rare):
            return 2
        return 3 if times == 1 and rare else 0

    def said_again(self, phrase: str) -> bool:
        """Whether the document says ``phrase`` in two or more places, or has it among its
        own terms: "minimum contacts" in a law outline is a term though its words are
        everyday English."""
        low = phrase.lower()
        return low in self.lexicon or self._said(low) >= 2

    def plain_once(self, phrase: str) -> bool:
        """Whether ``phrase`` is said once in the document and is no name, count or date:
        a blank that is a fact of its sentence alone ("a [mandatory dependency]"), unless
        its sentence is about what its section is (see :mod:`studyapp.cards.selection`)."""
        low = phrase.lower()
        if self.said_again(phrase) or lx.opens_on_count(low) or _DIGIT.search(phrase):
            return False
        return not any(word[:1].isupper() for word in WORD.findall(phrase))

    def one_off(self, phrase: str) -> bool:
        """Whether ``phrase`` is a detail of one sentence: in a long document, it does not
        :meth:`recurs`; in any document, it is said once and in everyday words only.

        A short document (under :data:`RECUR_FROM` sentences) says most things once, its key
        terms too, so there a rare word said once may still be a term. Everyday words said
        once are not ("a [flat piece] of paper", "the [casual visitor]"), unless the text
        talks about their last word elsewhere. Rated blind on 78 texts of every subject,
        clozes hiding a phrase said once whose words are all everyday English were good in
        23 % of 64 cases and bad in 36 %, against 49 % and 10 % for blanks said again; the
        12 rated clozes this rule leaves out were none good, 9 weak and 3 bad."""
        if self._everyday_once(phrase):
            return True
        return not self.short and not self.recurs(phrase)

    def _everyday_once(self, phrase: str) -> bool:
        """Whether ``phrase`` is said once in the document, in lowercase words of everyday
        English (see :data:`studyapp.cards.lexicon.GUESSABLE`)."""
        said = WORD.findall(phrase)
        low = phrase.lower()
        if not said or low in self.lexicon or lx.opens_on_count(low) or _DIGIT.search(phrase):
            return False  # a count or a date is a fact, not a term
        if self._said(low) >= 2 or self._holds_term(said):
            return False  # said again, or holds a term the text defines ("state spaces")
        if self._used(said[-1].lower(), 3):
            return False  # what the text talks about: "infinite [state spaces]" of search
        return all(not w[:1].isupper() and lx.is_guessable(w) for w in said)

    def recurs(self, phrase: str) -> bool:
        """Whether the document comes back to what ``phrase`` names: it is one of the
        document's own terms or holds one, holds a number, or one of its words is used in
        another sentence and is a name or rarer than everyday English.

        Rated blind on the long texts of the corpus, clozes hiding words said nowhere else
        were good in 18 % of cases and bad in 43 %, against 43 % and 18 % for the rest (in
        short texts 22 % and 31 %, against 28 % and 20 %): a teacher's blank is a term the
        text is about, and a long text comes back to what it is about.
        """
        low = phrase.lower()
        said = WORD.findall(phrase)
        if not said or low in self.lexicon or lx.opens_on_count(low) or _DIGIT.search(phrase):
            return True
        if self._holds_term(said):
            return True
        for word in said:
            if lx.is_function_word(word):
                continue
            rare = word[:1].isupper() or not lx.is_familiar(word)
            if rare and self._used(word.lower(), 2):
                return True
        return False

    def _used(self, word: str, times: int) -> bool:
        """Whether ``word`` (lower case), or another form of it, is in ``times`` sentences.
        The word's own count is part of its lemma's, so when it alone is enough, the lemmas
        of the text's words need not be looked up."""
        return self.counts.get(word, 0) >= times or self.lemma_count(lx.lemma(word)) >= times

    def _holds_term(self, said: list[str]) -> bool:
        """Whether some run of the words ``said`` is one of the document's own terms, word
        for word by lemma ("state spaces" for the defined "state space")."""
        key = tuple(said)
        known = self._holds.get(key)
        if known is None:
            forms = [lx.lemma(w) for w in said]
            openings = self._lexicon_openings
            known = self._holds[key] = any(
                " ".join(forms[start:end]) in self.lexicon_lemmas
                for start in range(len(forms))
                if forms[start].split(" ", 1)[0] in openings
                for end in range(start + 1, len(forms) + 1)
                if not (end - start == 1 and lx.is_function_word(forms[start]))
            )
        return known

    def cuts_compound(self, sentence: str, at: int, phrase: str) -> bool:
        """Whether the word right before ``phrase`` (at ``at`` in ``sentence``) opens a
        compound the document says again with the phrase's first word: "covering
        [detachments]" in a drill manual that speaks of covering detachments throughout.
        Such a blank hides half the term and shows the other half as a hint; the whole
        compound is an option of its own (see :meth:`_content_runs`)."""
        before = _WORD_BEFORE.search(sentence, 0, at)
        said = WORD.findall(phrase)
        if before is None or not said:
            return False
        word = before.group(1)
        if lx.is_function_word(word) or word.lower() in STOPWORDS:
            return False
        if word[:1].isupper() != phrase[:1].isupper():
            return False  # "In [Germany]", "Chrome [uses]": no compound across a name's edge
        kinds = lx.parts_of_speech(word)
        if kinds and not kinds & {"NOUN", "ADJ"}:
            return False  # "promoting [neuroplasticity]": a verb and its object
        if kinds == {"ADJ"} and lx.is_familiar(word):
            return False  # "in different [coordinate systems]": no part of the term
        # the compound the word opens with the blank's first word ("memory [management
        # subsystem]" in a text that speaks of memory management) or with all of it
        first = said[0] if len(said) > 1 else lx.lemma(said[0].lower())
        if self._said(f"{word} {first}".lower()) >= 2:
            return True
        said[-1] = lx.lemma(said[-1].lower())
        return self._said(f"{word} {' '.join(said)}".lower()) >= 2

    def _compound_recurs(self, said: list[str]) -> bool:
        """Whether two or more neighbouring words of a phrase come back elsewhere in the
        document as they stand (the last one in any number: "state space" of "infinite
        state spaces")."""
        for start in range(len(said) - 1):
            for end in range(start + 2, len(said) + 1):
                span = [w.lower() for w in said[start:end]]
                span[-1] = lx.lemma(span[-1])
                if self._said(" ".join(span)) >= 2:
                    return True
        return False

    def _said(self, text: str) -> int:
        """How many times the document says ``text`` (lower case), counted once per text:
        a phrase is weighed for its recurrence, then asked whether it is a key term."""
        known = self._times.get(text)
        if known is None:
            known = self._times[text] = self.corpus.count(text)
        return known

    def _recurrence(self, phrase: str, low: str) -> float:
        """A bonus for a specific phrase (``low`` in lower case) the document uses again
        elsewhere (a key term)."""
        if tq.is_weak(phrase, STOPWORDS):
            return 0.0
        count = self._said(low)
        return 0.4 * (min(count, 4) - 1) if count > 1 else 0.0

    def _rarity(self, phrase: str) -> float:
        """Rarity of the phrase's words: between their mean and their maximum."""
        rarities = [self.idf(w) for w in lx.words_of(phrase) if w not in STOPWORDS]
        if not rarities:
            return 0.0
        return (sum(rarities) / len(rarities) + max(rarities)) / 2

    def _content_runs(self, sentence: str) -> list[str]:
        """Runs of 1-3 content words (no stop words, no -ly adverbs, not the subject)."""
        runs: list[str] = []
        current: list[_Token] = []
        subject = self.subject

        def close() -> None:
            if len(current) == 1:  # most runs: one word, which no "-s" word splits
                add(current)
                current.clear()
                return
            # a "-s" word inside a run is a verb ("transport moves substances"): split there
            last = len(current) - 1
            piece: list[_Token] = []
            for position, token in enumerate(current):
                if position < last and _verb_like_plural(token[_WORD]):
                    add(piece)
                    piece = []
                else:
                    piece.append(token)
            add(piece)
            current.clear()

        def add(piece: list[_Token]) -> None:
            if len(piece) < 2:
                # most runs are one word: a generic noun, a word on -ing or -ed, or one of
                # under six letters alone is no noun phrase (see :func:`_noun_phrase`)
                if piece:
                    word = piece[0][_WORD]
                    low = word.lower()
                    if not (
                        len(word) < 6 or low in tq.WEAK_NOUNS or low.endswith(("ing", "ed"))
                    ) and _noun_phrase(sentence, piece, subject):
                        runs.append(word)
                return
            while piece and (len(piece) > 3 or _verb_form_opens(piece, self._said)):
                piece.pop(0)
            if len(piece) > 1 and piece[0][_LETTERS_BEFORE].lower() == "to":
                piece.pop(0)  # "to optimize patient outcomes": the first word is a verb
            if len(piece) > 1:
                opens = piece[0][_RUNS_BEFORE] <= 1
                if _verb_at_end(sentence, piece[-1], opens):
                    piece.pop()  # "Absorption depends on ...": the last word is the verb
            if len(piece) > 1 and piece[0][_WORD].lower() in _COMMON_VERBS:
                piece.pop(0)  # "(Beta blockers) reduce heart rate"
            if piece and _noun_phrase(sentence, piece, subject, self._said):
                runs.append(sentence[piece[0][_START] : piece[-1][_END]])

        # the words with what is between them, found in one call (no match object a word):
        # where each starts and ends is added up, and what comes before it is carried along
        end = 0
        runs_before, letters_before = 0, ""
        for between, word in _WORDS_BETWEEN.findall(sentence):
            start = end + len(between)
            end = start + len(word)
            broken = between != " " and bool(between.strip())  # punctuation between
            base, left_out, letter_runs, last_letters = _run_word(word)
            if current and not broken and base in _ARTICLES:
                current.pop()  # a word right before "a"/"the" is a verb ("plays a role")
            left_out = left_out or base == subject
            if current and (broken or left_out):
                close()
            if not left_out:
                current.append((word, start, end, runs_before, letters_before))
            runs_before += letter_runs
            letters_before = last_letters
        if current:
            close()
        return runs


# A word of a sentence as :meth:`PhraseScorer._content_runs` reads it: the word as written,
# where it starts and ends, how many runs of letters the sentence has before it and the last
# of them ("" if none): what the words around a run are is then looked up, not searched for
_Token = tuple[str, int, int, int, str]
_WORD: Final = 0
_START: Final = 1
_END: Final = 2
_RUNS_BEFORE: Final = 3
_LETTERS_BEFORE: Final = 4
# :data:`WORD`, each word with the text between it and the word before: what is between two
# words holds no letter that opens a word (else a word would start there)
_WORDS_BETWEEN = re.compile(rf"([^A-Za-z]*)({WORD.pattern})")


@lru_cache(maxsize=65536)
def _run_word(token: str) -> tuple[str, bool, int, str]:
    """A word as :meth:`PhraseScorer._content_runs` reads it: lower case without a possessive
    ’s, whether it is left out of runs whatever the text's subject (a stop word, an -ly
    adverb, a possessive), and its runs of letters: how many, and the last ("covid" of
    "covid-19"); asked of every word of every sentence, worked out once a word."""
    base = token.lower().removesuffix("’s").removesuffix("'s")
    letters = _LETTERS.findall(token)  # a word opens on a letter: one run at least
    left_out = base in STOPWORDS or base.endswith("ly") or token.endswith(("’s", "'s"))
    return base, left_out, len(letters), letters[-1]


def _verb_form_opens(piece: list[_Token], said: Callable[[str], int]) -> bool:
    """Whether a run opens on a word on -ing or -ed that is a verb ("using [...]", "reduced
    [...]"), not the first word of a compound the document ``said`` two or more times
    ("covering detachment", "printed circuit"): the compound is the term, half is no blank."""
    word = piece[0][_WORD].lower()
    if not word.endswith(("ing", "ed")):
        return False
    if len(piece) < 2 or len(word) < 5 or not lx.parts_of_speech(word) & {"NOUN", "ADJ"}:
        return True  # "placed opposite", "colour(ed object": a verb, or a piece of a word
    return said(f"{word} {lx.lemma(piece[1][_WORD].lower())}") < 2


_VERB_BEFORE = wordset(
    "to be been being is are was were may can could should must will would might not"
)
_ADVERBS = wordset(
    "often also further frequently typically usually still rarely generally better more less"
)
_ING_NOUNS = wordset(
    "setting settings training signaling signalling processing bleeding swelling dosing "
    "monitoring screening learning functioning wellbeing counseling counselling nursing"
)
_ARTICLES = wordset("a an the its their it them")
_NOT_NOUN_ENDINGS = ("ed", "ing", "ly", "ive", "ous", "ful", "able", "ible", "ical", "ial")


_UNITS = "seconds|minutes|hours|days|weeks|months|years"
_DURATION = re.compile(
    r"(?<![\w-])\d+(?:[.,/]\d+)*\s?(?:%|(?:mg|g|kg|ml|mL|l|L|litres?|liters?|mmHg|mmol|mEq|µg"
    r"|mcg|ng|µl|microlit(?:re|er)s?|millilit(?:re|er)s?|micrograms?|milligrams?|grams?"
    r"|units?|seconds?|minutes?|hours?|days?|weeks?|months?|years?|times)(?![\w-]))"
    # a unit after "within" ...: the unit is looked for first (the words before it are then
    # looked back at only where one starts, not at every letter of the sentence)
    rf"|(?=(?:{_UNITS}))(?:(?<=within )|(?<=take )|(?<=takes )|(?<=took )|(?<=after )|(?<=over ))"
    rf"(?:{_UNITS})(?: or (?:{_UNITS}))?(?![\w-])"
)


@lru_cache(maxsize=16384)
def _durations(sentence: str) -> tuple[str, ...]:
    """The durations and amounts of a sentence, in order ("20 minutes", "hours" after
    "within"): found once, though every phrase of the sentence is asked whether it is one."""
    if not _DIGIT.search(sentence) and not any(unit in sentence for unit in _UNIT_STEMS):
        return ()  # each match holds a digit or a unit: most sentences need no search
    return tuple(_DURATION.findall(sentence))  # the pattern has no groups: whole matches


# what each unit of _UNITS holds (keep them with it)
_UNIT_STEMS = ("second", "minute", "hour", "day", "week", "month", "year")


def sentence_counts(sentences: Iterable[str]) -> Counter[str]:
    """In how many of ``sentences`` each word is (lower case)."""
    return Counter(chain.from_iterable(map(_distinct_words, sentences)))


# A sentence's words are counted in each part of the text it is read with: they
# are found once per sentence.
@lru_cache(maxsize=16384)
def _distinct_words(sentence: str) -> frozenset[str]:
    """The words of a sentence, each once."""
    return frozenset(lx.words_of(sentence))


def _lemmas(term: str) -> str:
    """A term word by word in dictionary form ("state spaces" -> "state space")."""
    return " ".join(lx.lemma(w) for w in WORD.findall(term))


def _all_in(phrase: str, text: str) -> bool:
    """Whether ``text`` gives ``phrase`` away: every content word of the phrase that is not a
    generic noun ("PTSD" of "PTSD treatment") occurs in it (by its first six letters)."""
    content = [w for w in lx.words_of(phrase) if w not in STOPWORDS]
    specific = [w for w in content if w not in tq.WEAK_NOUNS] or content
    return bool(specific) and all(w[:6] in text for w in specific)


def _verb_like_plural(word: str) -> bool:
    """Whether a word opening a multi-word run is likely a verb ("lowers pain perception"):
    nouns in front of other nouns are singular ("pain perception", "receptor antagonism")."""
    lower = word.lower()
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is", "sis", "’s", "'s"))


# Verbs that open or close a run of content words in notes ("Beta blockers reduce heart
# rate", "Absorption depends on the site"), base and -s forms
_COMMON_VERBS = wordset(
    "reduce reduces increase increases block blocks depend depends filter filters cause "
    "causes require requires produce produces inhibit inhibits prevent prevents promote "
    "promotes lower lowers raise raises mark marks move moves slow slows prolong prolongs "
    "bind binds activate activates stimulate stimulates studies converts convert "
    "regulates regulate controls control maintains maintain improves improve differ differs "
    "vary varies occur occurs remain remains contribute contributes lead leads result results "
    "act acts work works persist persists play plays"
)
_AFTER_VERB = wordset("on the a an about in to into of from by with its their this these")
_CLAUSE_WORDS = wordset("when if whenever until after before as because unless")


def _verb_at_end(sentence: str, last: _Token, opens: bool = False) -> bool:
    """Whether the last word of a run is a verb: a common verb followed by a preposition,
    an article or a number ("depends on", "filters about 180"); for the run that opens the
    sentence, any -s word followed so ("The air-in-line alarm sounds when ...")."""
    word = last[_WORD].lower()
    plural_like = word.endswith("s") and not word.endswith(("ss", "us", "is"))
    if word not in _COMMON_VERBS and not (opens and plural_like):
        return False
    after = _NEXT_WORD.match(sentence, last[_END])
    if after is None:
        return False
    follower = after.group(1).lower()
    if follower.endswith("ly") and "ADV" in lx.parts_of_speech(follower):
        return True  # "[Blondness] increases appreciably": a verb and its adverb
    return follower in _AFTER_VERB or follower.isdigit() or (opens and follower in _CLAUSE_WORDS)


def _word_char(char: str) -> bool:
    """Whether a character continues a word (letters, digits, hyphen, apostrophes)."""
    return char.isalnum() or char in "-’'"


def _noun_phrase(
    sentence: str,
    run: list[_Token],
    subject: str = "",
    said: Callable[[str], int] | None = None,
) -> bool:
    """Whether a run of content words of ``sentence`` looks like a noun phrase (not a verb
    or an adjective); one opening on -ing or -ed is one only as a compound the document
    ``said`` again ("covering detachment", see :func:`_verb_form_opens`)."""
    last = run[-1][_WORD].lower()
    # the cheap checks first (each alone rules the run out)
    if len(run) == 1 and len(last) < 6:
        return False
    if not any(len(token[_WORD]) >= 5 for token in run):
        return False
    if last.endswith(_NOT_NOUN_ENDINGS) and last not in _ING_NOUNS:
        return False
    if "than" in sentence and _THAN_NEXT.match(sentence, run[-1][_END]):
        return False  # "larger than": a comparison, not a noun
    if run[0][_WORD].lower().endswith(("ing", "ed")) and (
        said is None or _verb_form_opens(run, said)
    ):
        return False
    before = run[0][_LETTERS_BEFORE]
    if before:
        lower = before.lower()
        if len(run) == 1 and lower == subject:
            return False  # "ketamine continues": a verb after the subject
        if lower in _VERB_BEFORE and (len(run) == 1 or before != "to"):
            return False
        if len(run) == 1 and lower in _ADVERBS:
            return False
    return True
