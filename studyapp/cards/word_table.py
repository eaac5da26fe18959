"""The English word table shipped with studyapp (``data/english-words.txt``): word
frequencies from wordfreq and lemmas and verb forms from lemminflect, copied by
``scripts/build_word_table.py`` so that answers are the libraries' own.

Why a table of our own: loading the two libraries (their code, their tables and numpy, which
lemminflect imports for its rules of unknown words) took about half a second of every
``studyapp generate`` process; this table loads in a small part of that. It answers the
questions the card generator asks; a question it cannot answer exactly (the frequency of a
word wordfreq reads in a way not copied here: letters outside a-z, a French elision; a verb
form of a word that is no verb lemma) returns ``None``, and :mod:`.lexicon` asks the library
then.

The table is shipped as plain text: a wheel and the repository compress it anyway, and
reading it uncompressed spares every process that makes cards decompressing it (6.2 MB; two
thirds of the work of reading it, about 1 % of making the decks of a 1 MB text, when it was
5.6 MB).

Besides what it copies, it lists the words of each lemma (``[forms]``, made from its own
lemmas by :func:`forms_lines`): a long text counts "causes" as "cause" by looking up the few
lemmas it is asked about, not the lemma of each of its words.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from functools import cache
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "data" / "english-words.txt"
TAGS = ("VBD", "VBZ")  # the verb forms the table keeps, in the order of its columns
# The parts of speech a word's lemma is read from, in this order: a noun reading first
# ("studies" -> study, "rose" -> rose, not the verb "rise"); see :func:`first_lemma`
LEMMA_ORDER = ("NOUN", "VERB", "ADJ", "ADV", "AUX")

# wordfreq's default floor: a word it has never seen has the frequency of Zipf 0
_MINIMUM = 10**0.0 / 1e9  # as its zipf_to_freq(0.0) works it out
# Characters wordfreq drops around a word ("(abp)", "relative.", "caregivers’", "call--")
_EDGE = "'’-–—−()[]{}.,;:!?\"“”"
# A word wordfreq splits only at its hyphens and dashes ("anti-inflammatory" -> anti,
# inflammatory; "rcv.nxt", "ca_bundle", "don't", "ipv6" and "32.184" are one token each)
_SIMPLE = re.compile(r"[A-Za-z0-9]+(?:(?:[-–—−]+|['’._,])[A-Za-z0-9]+)*")
# What this module does not copy of wordfreq's tokens: an apostrophe beside a digit, a dot
# between a letter and a digit, a comma beside a letter (each a break of its own)
_NOT_COPIED = re.compile(r"\d['’]|['’]\d|[A-Za-z]\.\d|\d\.[A-Za-z]|[A-Za-z],|,[A-Za-z]")
_DASHES = re.compile(r"[-–—−]+")  # hyphens, dashes and minus signs: breaks between tokens
# A French elision, which wordfreq splits ("l'homme" -> l, homme; not with a curly quote)
_ELISION = re.compile(r"[A-Za-z0-9_]{1,2}'[AEHIOUYaehiouy]")
# A number of several digits: wordfreq looks up "smm0000" for "smm1998", "00.000" for
# "32.184", and weighs it by the number (its numbers.py: MULTI_DIGIT_RE, PURE_DIGIT_RE)
_NUMBER = re.compile(r"\d[\d.,]+")
_DIGIT_RUN = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")


class WordTable:
    """The table, read once; each lookup answers as the library it was copied from.

    Each part is sorted ``word<TAB>answer`` lines (:class:`SortedLines`): making
    dictionaries of its 380,000 lines took longer than all the lookups of a long text.
    """

    def __init__(self, text: str) -> None:
        # each part is searched where it is in the text (copies of its megabytes cost a third
        # of reading the table): it runs from the newline ending its heading to the newline
        # ending its last line (the headings are found from the end, the nearer)
        if not text.endswith("\n"):
            text += "\n"
        frequency = text.index("\n[frequency]\n") + len("\n[frequency]")
        forms = text.rindex("\n[forms]\n")
        inflections = text.rindex("\n[inflections] ", frequency, forms)
        lemmas = text.rindex("\n[lemmas]\n", frequency, inflections)
        tags_end = text.index("\n", inflections + 1)
        tags = text[inflections + len("\n[inflections] ") : tags_end]
        if tuple(tags.split()) != TAGS:
            raise ValueError(f"{TABLE.name}: verb forms {tags!r}, expected {' '.join(TAGS)}")
        self._frequency = SortedLines(text, frequency, lemmas + 1)
        self._lemmas = SortedLines(text, lemmas + len("\n[lemmas]"), inflections + 1)
        self._inflections = SortedLines(text, tags_end, forms + 1)
        self._forms = SortedLines(text, forms + len("\n[forms]"), len(text))

    def zipf(self, word: str) -> float | None:
        """wordfreq's ``zipf_frequency(word, "en")``, or ``None`` for a word whose tokens the
        table does not copy (see :data:`_NOT_COPIED`)."""
        if word.isalpha() and word.isascii():  # most words: one token of letters, no number
            index = self._frequency.find(word.lower())
            return _to_zipf(_MINIMUM) if index is None else _one_token_zipf(index)
        core = word.strip(_EDGE)
        if not _SIMPLE.fullmatch(core) or _NOT_COPIED.search(core):
            return None
        one_over = 0.0
        for part in _DASHES.split(core):
            if _ELISION.match(part):
                return None
            token = part.lower().replace("’", "'")
            smashed = _NUMBER.sub(lambda number: _DIGIT.sub("0", number.group()), token)
            index = self._frequency.find(smashed)
            if index is None:
                return _to_zipf(_MINIMUM)  # a word wordfreq has not seen
            freq = _bucket_frequency(int(index))
            if smashed != token:
                freq *= _digit_frequency(token)
            one_over += 1.0 / freq
        return _to_zipf(_rounded(max(1.0 / one_over, _MINIMUM)))

    def lemmas(self, lower: str) -> dict[str, tuple[str, ...]]:
        """lemminflect's ``getAllLemmas(lower)`` of a lower-case word."""
        found = self._lemmas.find(lower)
        return {} if found is None else _lemmas_by_pos(found)

    def inflection(self, base: str, tag: str) -> tuple[str, ...] | None:
        """lemminflect's ``getInflection(base, tag)`` of a verb lemma, or ``None`` for a word
        that is no verb lemma of the table."""
        forms = self._inflections.find(base)
        if forms is None:
            return None
        found = forms.split("\t")[TAGS.index(tag)]
        return () if found == "-" else tuple(found.split("/"))

    def forms(self, base: str) -> tuple[str, ...]:
        """The words other than ``base`` whose lemma (:func:`first_lemma` of their line of
        the ``[lemmas]`` part) is ``base``: ``("studied", "studies", "studying")`` of
        "study"; none for a word that is no such lemma."""
        found = self._forms.find(base)
        return () if found is None else tuple(found.split("/"))


def first_lemma(found: dict[str, tuple[str, ...]]) -> str | None:
    """A word's lemma, lower case, from its lemmas by part of speech: the first of the part
    of speech first in :data:`LEMMA_ORDER` (``None`` when it has none of them)."""
    for pos in LEMMA_ORDER:
        if pos in found:
            return found[pos][0].lower()
    return None


def forms_lines(lemma_lines: list[str]) -> list[str]:
    """The ``[forms]`` part, made from the lines of the ``[lemmas]`` part: for each lemma
    that words other than itself have (:func:`first_lemma`), a line ``lemma<TAB>word/word``,
    sorted, so that the words of a lemma are looked up, not found by looking up every
    word's lemma."""
    words: dict[str, list[str]] = {}
    for line in lemma_lines:
        word, _, answer = line.partition("\t")
        base = first_lemma(_lemmas_by_pos(answer))
        if base is not None and base != word:
            words.setdefault(base, []).append(word)
    return sorted(f"{base}\t{'/'.join(sorted(found))}" for base, found in words.items())


def _lemmas_by_pos(line: str) -> dict[str, tuple[str, ...]]:
    """The lemmas of a line of the ``[lemmas]`` part by part of speech
    (``NOUN:rose|VERB:rise``)."""
    if "|" not in line:  # most words, made without a loop: one part of speech
        pos, _, forms = line.partition(":")
        return {pos: tuple(forms.split("/"))}
    out: dict[str, tuple[str, ...]] = {}
    for entry in line.split("|"):
        pos, _, forms = entry.partition(":")
        out[pos] = tuple(forms.split("/"))
    return out


class SortedLines:
    """``key<TAB>answer`` lines sorted by key, searched where they are: a sample of every
    :data:`STRIDE` characters' line is bisected, then the text between two samples is
    searched, so reading the table makes no string per line."""

    STRIDE = 1024

    def __init__(self, text: str, start: int, end: int) -> None:
        """The lines of ``text[start:end]``: ``text[start]`` is the newline before the first
        line, ``text[end - 1]`` the newline after the last."""
        self._text = text
        last = end - 1
        # where the newline before each sampled line is: the first at or after every STRIDE-th
        # character (a line longer than that is sampled once)
        starts = dict.fromkeys(text.find("\n", at) for at in range(start, last, self.STRIDE))
        starts.pop(last, None)
        self._starts = list(starts)
        self._keys = [text[at + 1 : text.index("\t", at + 1)] for at in self._starts]
        # the newline that the lines after each sample start before: the next sample's, or
        # the one after the last line (worked out once, as :meth:`find` is asked of every
        # distinct word of a text)
        self._stops = [*self._starts[1:], last]

    def find(self, key: str) -> str | None:
        """The answer on the line of ``key``, or ``None``."""
        sample = bisect_right(self._keys, key) - 1
        if sample < 0:
            return None  # before the first line
        head = f"\n{key}\t"
        text = self._text
        at = text.find(head, self._starts[sample], self._stops[sample] - 1 + len(head))
        if at < 0:
            return None
        at += len(head)
        return text[at : text.index("\n", at)]


@cache
def _one_token_zipf(index: str) -> float:
    """:meth:`WordTable.zipf` of a word of one token in the bucket ``index``, summed as its
    loop sums one token: worked out once a bucket (a few hundred hold most words)."""
    one_over = 0.0 + 1.0 / _bucket_frequency(int(index))
    return _to_zipf(_rounded(max(1.0 / one_over, _MINIMUM)))


def _bucket_frequency(index: int) -> float:
    """A bucket's frequency, as wordfreq's ``cB_to_freq(-index)`` works it out."""
    return 10 ** (-index / 100)


# wordfreq's estimate of how often a number is written (wordfreq/numbers.py, Apache-2.0,
# copyright Robyn Speer): Benford's law, and for four digits a curve of years
_DIGIT_FREQS = [0.009, 0.300, 0.175, 0.124, 0.096, 0.078, 0.066, 0.057, 0.050, 0.045]
_YEAR_LOG_PEAK = -1.9185
_NOT_YEAR_PROB = 0.1
_REFERENCE_YEAR = 2019
_PLATEAU_WIDTH = 20


def _digit_frequency(token: str) -> float:
    """wordfreq's ``digit_freq``: the weight of the numbers of a token."""
    freq = 1.0
    for number in _NUMBER.findall(token):
        for run in _DIGIT_RUN.findall(number):
            freq *= _year_frequency(run) if len(run) == 4 else _benford_frequency(run)
    return freq


def _benford_frequency(digits: str) -> float:
    return _DIGIT_FREQS[int(digits[0])] / 10 ** (len(digits) - 1)


def _year_frequency(digits: str) -> float:
    year = int(digits)
    if year <= _REFERENCE_YEAR:
        year_log_freq = _YEAR_LOG_PEAK - 0.0083 * (_REFERENCE_YEAR - year)
    elif year <= _REFERENCE_YEAR + _PLATEAU_WIDTH:
        year_log_freq = _YEAR_LOG_PEAK
    else:
        year_log_freq = _YEAR_LOG_PEAK - 0.2 * (year - (_REFERENCE_YEAR + _PLATEAU_WIDTH))
    return 10.0**year_log_freq + _NOT_YEAR_PROB * _benford_frequency(digits)


def _rounded(freq: float) -> float:
    """Three significant digits, as wordfreq rounds a frequency."""
    return round(freq, math.floor(-math.log(freq, 10)) + 3)


def _to_zipf(freq: float) -> float:
    """wordfreq's ``freq_to_zipf``, rounded as ``zipf_frequency`` rounds it."""
    return round(math.log(freq, 10) + 9, 2)


@cache
def word_table() -> WordTable:
    """The shipped table, read on first use."""
    return WordTable(TABLE.read_bytes().decode("utf-8"))
