"""What the card maker knows of the document: its subject, terms, acronyms and word rarity.

:func:`document_context` is the whole document's knowledge; :func:`parts_with_context` cuts
the document into parts (sections, and runs of a long section's blocks) and gives each the
knowledge of the text around it when the document is long, so that the work per card stays
bounded and making decks grows linearly with the length of the text.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import accumulate, chain
from operator import itemgetter

from studyapp.cards import from_blanks as cfb
from studyapp.cards import lexicon as lx
from studyapp.cards import text_facts as tf
from studyapp.cards.drafts import DocContext, Draft
from studyapp.cards.phrase_scorer import PhraseScorer, sentence_counts
from studyapp.cards.proper_names import NameBook
from studyapp.outline.nodes import Block, ItemList, ListItem, Outline, OutlineSection, Paragraph
from studyapp.outline.sentences import split_sentences

# a document of up to this many sentences is one context for its cards; in a longer one each
# part's cards are made with the PART_WINDOW sentences around it (see ``_parts``)
CONTEXT_WINDOW = 400
PART_WINDOW = 80
_TITLE_SPLIT = re.compile(
    r"\s+(?:and|of|in|for|with|on|as|during|to|from|the|by|under)\s+|[:,()]", re.I
)

Part = tuple[OutlineSection, DocContext]


def block_sentences(block: Block) -> list[str]:
    """The sentences of one block of a section, in order: a paragraph's sentences, or each
    list item's explanation (or its text); a table has none (its cards ask its cells)."""
    if isinstance(block, Paragraph):
        return split_sentences(block.text)
    if isinstance(block, ItemList):
        return [item.explanation or item.text for item in all_items(block)]
    return []


@dataclass(frozen=True, slots=True)
class _BlockFacts:
    """What a context takes from one block: its sentences, the acronyms they spell out, the
    terms its paragraphs define (with the kind of thing each is), its list items' terms and
    the author's marked terms its sentences use."""

    sentences: tuple[str, ...]
    acronyms: tuple[tuple[str, str], ...]  # (short, expansion), in the order of the text
    definitions: tuple[tuple[str, str], ...]  # (defined term, kind)
    item_terms: tuple[str, ...]
    key_terms: frozenset[str]


@dataclass(frozen=True, slots=True)
class _TitleFacts:
    """What a context takes from a section title: its acronyms and its term-like chunks."""

    acronyms: tuple[tuple[str, str], ...]
    chunks: tuple[str, ...]


class DocumentFacts:
    """The facts of each block and title of one document, read once.

    A long document's contexts overlap (each part gets the text around it), and the whole
    document has a context of its own, so each sentence is in about three contexts: reading
    its acronyms and definitions once, and merging them per context, saves doing it three
    times. Blocks are known by identity: the views of a long section share its blocks.
    ``marked`` are the terms the author marked (:mod:`studyapp.outline.key_terms`).
    """

    def __init__(self, marked: Sequence[str] = ()) -> None:
        self._blocks: dict[int, tuple[Block, _BlockFacts]] = {}  # the block keeps its id
        self._titles: dict[str, _TitleFacts] = {}
        # the marked terms that can be terms, judged once; a context keeps those its sentences
        # use, found once per block (a term holds no line break, so it is in a context's
        # sentences when it is in one of them)
        self._key_terms = [(term, term.lower()) for term in _nameable(marked)]

    def block(self, block: Block) -> _BlockFacts:
        """The facts of ``block``."""
        known = self._blocks.get(id(block))
        if known is not None:
            return known[1]
        return self._read(block, block_sentences(block))

    def read(self, blocks: Sequence[Block]) -> None:
        """Read the facts of those of ``blocks`` not read yet, at once: the marked terms are
        looked for in the blocks' text joined (:func:`_terms_in`), each term once, not in
        each block (a text of 1 MB has thousands of blocks)."""
        new = list({id(block): block for block in blocks if id(block) not in self._blocks}.values())
        said = [block_sentences(block) for block in new]
        found: list[frozenset[str]] | None = None
        if self._key_terms:
            found = _terms_in(["\n".join(sentences).lower() for sentences in said], self._key_terms)
        for index, (block, sentences) in enumerate(zip(new, said, strict=True)):
            self._read(block, sentences, None if found is None else found[index])

    def _read(
        self, block: Block, said: list[str], key_terms: frozenset[str] | None = None
    ) -> _BlockFacts:
        """Read and keep the facts of ``block``, whose sentences are ``said``; ``key_terms``
        are the marked terms they use, if these were looked for already."""
        sentences = tuple(said)
        definitions: list[tuple[str, str]] = []
        item_terms: tuple[str, ...] = ()
        if isinstance(block, Paragraph):
            definitions = [
                (definition.subject, tf.kind_of(definition.definition))
                for sentence in sentences
                for definition in tf.definitions(sentence)
            ]
        elif isinstance(block, ItemList):
            item_terms = tuple(item.term for item in all_items(block) if item.term)
        if key_terms is None:
            key_terms = frozenset()
            if self._key_terms and sentences:
                key_terms = _terms_in(["\n".join(sentences).lower()], self._key_terms)[0]
        facts = _BlockFacts(
            sentences,
            tuple(_acronym_pairs(sentences)),
            tuple(definitions),
            item_terms,
            key_terms,
        )
        self._blocks[id(block)] = (block, facts)
        return facts

    def title(self, title: str) -> _TitleFacts:
        """The facts of a section title."""
        known = self._titles.get(title)
        if known is None:
            chunks = []
            for chunk in _TITLE_SPLIT.split(title):
                chunk = re.sub(r"^(?:an?|the)\s+", "", chunk.strip(), flags=re.I)
                if 1 <= len(chunk.split()) <= 4 and not tf.is_generic(chunk):
                    chunks.append(chunk)
            known = _TitleFacts(tuple(_acronym_pairs([title])), tuple(chunks))
            self._titles[title] = known
        return known

    def sentence_count(self, section: OutlineSection) -> int:
        """How many sentences a section's own blocks hold."""
        return sum(len(self.block(block).sentences) for block in section.blocks)


def _nameable(marked: Sequence[str]) -> list[str]:
    """The marked terms as the sentences write them ("glomerular filtration rate" for the
    marked "glomerular filtration rate (GFR)") that name a thing: an everyday word or a
    generic noun alone ("demand", "the process") is no term to blank."""
    out: list[str] = []
    for term in marked:
        bare = re.sub(r"\s*\([^)]*\)$", "", term).strip()
        said = lx.words(bare)
        if not said or tf.is_generic(bare):
            continue
        if len(said) == 1 and (lx.is_common(said[0]) or not lx.can_be_noun(said[0])):
            continue
        out.append(bare)
    return out


def _terms_in(texts: Sequence[str], terms: Sequence[tuple[str, str]]) -> list[frozenset[str]]:
    """Which of ``terms`` (each with its lower-cased form) each of ``texts`` (lower case)
    holds: a term is in a text when its lower-cased form is.

    Each term is looked for in the texts joined, from one place it is found to the next, so
    the work grows with the texts and the terms, not with their product; a place found
    across the end of a text is in none, and the search goes on from the next character."""
    joined = "\n".join(texts)
    starts = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
    found: list[list[str]] = [[] for _text in texts]
    for term, lowered in terms:
        at = joined.find(lowered)
        while at >= 0:
            index = bisect_right(starts, at) - 1
            end = starts[index] + len(texts[index])  # where the text ``at`` is in ends
            if at + len(lowered) <= end:
                found[index].append(term)
                at = joined.find(lowered, end + 1)  # found in this text: on to the next
            else:
                at = joined.find(lowered, at + 1)
    return [frozenset(names) for names in found]


def _acronym_pairs(texts: Sequence[str]) -> list[tuple[str, str]]:
    """``(short, expansion)`` of every acronym spelt out in ``texts``, in order."""
    return [(acronym.short, acronym.expansion) for text in texts for acronym in tf.acronyms(text)]


def parts_with_context(
    outline: Outline, whole: DocContext, facts: DocumentFacts | None = None
) -> dict[str, list[Part]]:
    """Each section's parts (the section itself, or runs of the blocks of a long one), with the
    document knowledge their cards are made with, by section id.

    A short document is one context. In a long one each run of parts gets the knowledge of the
    text around it (about ``PART_WINDOW`` sentences: its terms, acronyms, word rarity and
    the sentences distractors are drawn from): making a card consults its context, so one
    context for a long document makes the work per card grow with the document, and the whole
    with the square of its length. Nearby text is on the same subject anyway. ``facts`` are
    those :func:`document_context` read (read again when not given).
    """
    facts = facts or DocumentFacts(outline.key_terms)
    units = [
        (view, top.id, section.id)
        for top in outline.sections
        for section in top.walk()
        for view in _runs(section, facts)
    ]
    out: dict[str, list[Part]] = {}
    if len(whole.sentences) <= CONTEXT_WINDOW:
        for view, _top, section_id in units:
            out.setdefault(section_id, []).append((view, whole))
        return out
    counts = [facts.sentence_count(view) for view, _top, _id in units]
    quarter = PART_WINDOW // 4
    start = 0
    while start < len(units):
        end, size = start, 0
        while end < len(units) and (size < 2 * quarter or end == start):
            size += counts[end]
            end += 1
        low, before = start, 0
        while low > 0 and before < quarter:
            low -= 1
            before += counts[low]
        high, after = end, 0
        while high < len(units) and after < quarter:
            after += counts[high]
            high += 1
        around = [(view, top) for view, top, _id in units[low:high]]
        ctx = _context_of(outline.title, around, facts, whole.subject, len(whole.sentences))
        for view, _top, section_id in units[start:end]:
            out.setdefault(section_id, []).append((view, ctx))
        start = end
    return out


def _runs(section: OutlineSection, facts: DocumentFacts) -> list[OutlineSection]:
    """A section, or for one with more than half a ``PART_WINDOW`` of sentences (a long text
    without headings), runs of its blocks of about that many sentences: views with the
    section's id and title, so each run can have the context of the text around it."""
    limit = PART_WINDOW // 2
    if facts.sentence_count(section) <= limit:
        return [section]
    runs: list[list[Block]] = [[]]
    size = 0
    for block in section.blocks:
        count = len(facts.block(block).sentences)
        if runs[-1] and size + count > limit:
            runs.append([])
            size = 0
        runs[-1].append(block)
        size += count
    return [replace(section, blocks=blocks, children=[]) for blocks in runs]


def deck_context(used: list[DocContext]) -> DocContext:
    """The context a deck's cards are chosen with: its parts' one, or for a deck spanning
    several contexts of a long document, the first with all their acronyms."""
    distinct = list({id(ctx): ctx for ctx in used}.values())
    if len(distinct) == 1:
        return distinct[0]
    acronyms: dict[str, str] = {}
    for ctx in distinct:
        for short, expansion in ctx.acronyms.items():
            acronyms.setdefault(short, expansion)
    return replace(distinct[0], acronyms=acronyms)


def blank_choices(drafts: list[Draft], groups: list[tuple[DocContext, int, int]]) -> None:
    """Turn clozes and term questions into multiple choice (:func:`cfb.blank_choices`), with
    distractors from each part's context: in a short document all the drafts at once, this
    deck's sentences giving the first distractors; in a long one each part's drafts with the
    text around them."""
    contexts = {id(ctx): ctx for ctx, _a, _b in groups}
    if len(contexts) == 1:
        ctx = next(iter(contexts.values()))
        cfb.blank_choices(drafts, list(ctx.sentences), {d.source for d in drafts}, ctx.subject)
        return
    for ctx, start, end in groups:
        chunk = drafts[start:end]
        cfb.blank_choices(chunk, list(ctx.sentences), {d.source for d in chunk}, ctx.subject)
        drafts[start:end] = chunk


def document_context(outline: Outline, facts: DocumentFacts | None = None) -> DocContext:
    """Document-wide knowledge for the card maker: subject, acronyms, terms (the author's
    marked ones first of all), word rarity; read from ``facts`` (made of this outline; pass
    the same to :func:`parts_with_context`)."""
    parts = [(section, top.id) for top in outline.sections for section in top.walk()]
    facts = facts or DocumentFacts(outline.key_terms)
    facts.read([block for section, _top in parts for block in section.blocks])
    return _context_of(outline.title, parts, facts)


def _context_of(
    title: str,
    parts: Sequence[tuple[OutlineSection, str]],
    facts: DocumentFacts,
    subject: str | None = None,
    document_size: int = 0,
) -> DocContext:
    """The card maker's knowledge of ``parts`` (sections with their top-level section's id):
    the whole document's, or the text around some sections (see :func:`parts_with_context`)
    of a document of ``document_size`` sentences."""
    sentences: list[str] = []
    item_terms: list[str] = []
    key_terms: set[str] = set()  # the author's marked terms: the surest terms of all
    acronyms: dict[str, str] = {}
    defined: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for section, top in parts:
        for block in section.blocks:
            read = facts.block(block)
            sentences.extend(read.sentences)
            item_terms.extend(read.item_terms)
            key_terms.update(read.key_terms)
            for short, expansion in read.acronyms:
                acronyms.setdefault(short, expansion)
            for term, kind in read.definitions:
                defined.setdefault(term, top)
                kinds.setdefault(term, kind)
    titles = [facts.title(section.title) for section, _top in parts]
    for read_title in titles:  # after every sentence's: a sentence's expansion comes first
        for short, expansion in read_title.acronyms:
            acronyms.setdefault(short, expansion)
    counts = None  # the whole document's words are counted once for both uses
    if subject is None:
        counts = sentence_counts(sentences)
        subject = _main_subject(title, sentences, counts)
    lexicon = set(acronyms.values()) | set(defined) | set(item_terms) | key_terms
    for read_title in titles:
        lexicon.update(read_title.chunks)
    lexicon = {t for t in lexicon if t.lower() != subject}
    scorer = PhraseScorer(sentences, lexicon, subject, document_size or len(sentences), counts)
    # terms a sentence may open with and then point back to ("this condition")
    terms = frozenset(t.lower() for t in [*defined, *acronyms, *acronyms.values()])
    return DocContext(
        subject,
        scorer,
        acronyms,
        defined,
        terms,
        tuple(sentences),
        kinds,
        tuple(sorted(key_terms)),
        NameBook(sentences),
    )


def all_items(block: ItemList) -> list[ListItem]:
    """Every item of a list, nested ones included, in order."""
    out: list[ListItem] = []
    stack = list(reversed(block.items))
    while stack:
        item = stack.pop()
        out.append(item)
        stack.extend(reversed(item.children))
    return out


def _main_subject(title: str, sentences: list[str], counts: Counter[str] | None = None) -> str:
    """The word most sentences are about (``ketamine``), if it stands out; else ``""``.
    ``counts`` are :func:`~.phrase_scorer.sentence_counts` of ``sentences``, if counted."""
    used = sentence_counts(sentences) if counts is None else counts
    # the most sentences a word is in, stop words and short words left out: in a long text
    # most often no word is in enough of them to stand out, and then none is ranked
    most = max((n for w, n in used.items() if len(w) > 3 and w not in tf.STOPWORDS), default=0)
    if not most:
        return ""
    threshold = max(3, 0.25 * len(sentences))
    if most < threshold:
        return _main_name(sentences)
    # the words in the order of the text (ties rank alike in every run); stop words and short
    # words left out, once per word, not per sentence
    ranked = heapq.nlargest(
        10,
        (
            (w, used[w])
            for w in dict.fromkeys(chain.from_iterable(map(tf.words, sentences)))
            if len(w) > 3 and w not in tf.STOPWORDS
        ),
        key=itemgetter(1),
    )
    title_words = set(tf.words(title))
    word = next((w for w, _n in ranked if w in title_words), ranked[0][0])
    if used[word] >= threshold:
        return word
    return _main_name(sentences)


_NAME_MARKS = ".,;:()’'\""  # what a name may have around it ("(Peewee", "Skyfield's,")
_NO_NAME_OPENING = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")  # none of _NAME_MARKS


def _name_shaped(word: str) -> bool:
    """Whether a word, the marks around it stripped, is written as a name ("Peewee")."""
    return len(word) > 3 and word[:1].isupper() and word[1:].islower()


def _main_name(sentences: list[str]) -> str:
    """The name a text keeps coming back to (``peewee`` in a manual, ``skyfield``): a word
    written with a capital inside sentences, in at least a tenth of them, more than any
    other name; ``""`` when none stands out. Such a name is what the text is about, so it
    answers nothing ("What tracks a join context?" -> "Peewee")."""
    least = max(5, 0.1 * len(sentences))
    if not _written_often(sentences, least):
        return ""  # most long texts: their sentences need not be read one by one
    found_in: list[list[str]] = []  # each sentence's names, once each
    for sentence in sentences:
        tokens = sentence.split()
        if len(tokens) < 4:
            continue  # "Sect.", "Fig. 2": a label split off as a sentence
        found: list[str] = []
        labels: set[str] = set()  # "Sect. 25.", "Fig. 3": a numbered label, not a name
        last = len(tokens) - 1
        # a word opening on a lower-case letter or a digit is no name: most are passed over
        for i in [i for i, token in enumerate(tokens) if token[0] not in _NO_NAME_OPENING]:
            word = tokens[i].strip(_NAME_MARKS)
            if _name_shaped(word):
                found.append(word)
                if i < last and tokens[i + 1][:1].isdigit():
                    labels.add(word)
        if not found:
            continue
        found_in.append(list(dict.fromkeys(w for w in found if w not in labels)))
    names = Counter(chain.from_iterable(found_in))  # counted in one call
    ranked = [
        (n, name) for name, n in names.most_common(12) if not lx.is_function_word(name.lower())
    ][:2]
    if not ranked:
        return ""
    count, name = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0
    if count < least or 2 * count < 3 * runner_up:
        return ""
    if _sentences_saying(sentences, name.lower()) >= count:
        return ""  # a word often lower case ("Court"/"court") is no name
    return name.lower()


def _written_often(sentences: list[str], least: int | float) -> bool:
    """Whether a word written as a name, and no function word, is written ``least`` times in
    ``sentences``, as :func:`_main_name` reads them: a name in that many of them is (so when
    none is, none is), and its words are counted in one pass over the text."""
    tokens = "\n".join(sentences).split()
    times: Counter[str] = Counter()
    for token, n in Counter([t for t in tokens if t[0] not in _NO_NAME_OPENING]).items():
        word = token.strip(_NAME_MARKS)
        if _name_shaped(word):
            times[word] += n
    return any(n >= least and not lx.is_function_word(w) for w, n in times.items())


def _sentences_saying(sentences: list[str], word: str) -> int:
    """In how many sentences (of four words or more, as :func:`_main_name` reads them)
    ``word`` stands as written, punctuation around it aside."""
    return sum(
        1
        for sentence in sentences
        if word in sentence  # most sentences are not split to find it
        and len(tokens := sentence.split()) >= 4
        and any(w.strip(_NAME_MARKS) == word for w in tokens)
    )
