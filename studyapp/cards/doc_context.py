"""What the card maker knows of the document: its subject, terms, acronyms and word rarity.

:func:`document_context` is the whole document's knowledge; :func:`parts_with_context` cuts
the document into parts (sections, and runs of a long section's blocks) and gives each the
knowledge of the text around it when the document is long, so that the work per card stays
bounded and making decks grows linearly with the length of the text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from itertools import chain

from studyapp.cards import from_blanks as cfb
from studyapp.cards import lexicon as lx
from studyapp.cards import text_facts as tf
from studyapp.cards.drafts import DocContext, Draft
from studyapp.cards.phrase_scorer import PhraseScorer
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


def own_sentences(section: OutlineSection) -> list[str]:
    """The sentences of a section's own blocks, in order: paragraph sentences, and each list
    item's explanation (or its text)."""
    sentences: list[str] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            sentences.extend(split_sentences(block.text))
        elif isinstance(block, ItemList):
            sentences.extend(item.explanation or item.text for item in all_items(block))
    return sentences


def parts_with_context(outline: Outline, whole: DocContext) -> dict[str, list[Part]]:
    """Each section's parts (the section itself, or runs of the blocks of a long one), with the
    document knowledge their cards are made with, by section id.

    A short document is one context. In a long one each run of parts gets the knowledge of the
    text around it (about ``PART_WINDOW`` sentences: its terms, acronyms, word rarity and
    the sentences distractors are drawn from): making a card consults its context, so one
    context for a long document makes the work per card grow with the document, and the whole
    with the square of its length. Nearby text is on the same subject anyway.
    """
    units = [
        (view, top.id, section.id)
        for top in outline.sections
        for section in top.walk()
        for view in _runs(section)
    ]
    out: dict[str, list[Part]] = {}
    if len(whole.sentences) <= CONTEXT_WINDOW:
        for view, _top, section_id in units:
            out.setdefault(section_id, []).append((view, whole))
        return out
    counts = [len(own_sentences(view)) for view, _top, _id in units]
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
        ctx = _context_of(
            outline.title, around, whole.subject, len(whole.sentences), outline.key_terms
        )
        for view, _top, section_id in units[start:end]:
            out.setdefault(section_id, []).append((view, ctx))
        start = end
    return out


def _runs(section: OutlineSection) -> list[OutlineSection]:
    """A section, or for one with more than half a ``PART_WINDOW`` of sentences (a long text
    without headings), runs of its blocks of about that many sentences: views with the
    section's id and title, so each run can have the context of the text around it."""
    limit = PART_WINDOW // 2
    if len(own_sentences(section)) <= limit:
        return [section]
    runs: list[list[Block]] = [[]]
    size = 0
    for block in section.blocks:
        count = len(own_sentences(replace(section, blocks=[block], children=[])))
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


def document_context(outline: Outline) -> DocContext:
    """Document-wide knowledge for the card maker: subject, acronyms, terms, word rarity."""
    parts = [(section, top.id) for top in outline.sections for section in top.walk()]
    return _context_of(outline.title, parts, marked=outline.key_terms)


def _context_of(
    title: str,
    parts: Sequence[tuple[OutlineSection, str]],
    subject: str | None = None,
    document_size: int = 0,
    marked: tuple[str, ...] = (),
) -> DocContext:
    """The card maker's knowledge of ``parts`` (sections with their top-level section's id):
    the whole document's, or the text around some sections (see :func:`_contexts`) of a
    document of ``document_size`` sentences; ``marked`` are the terms the author marked
    (:mod:`studyapp.outline.key_terms`), the surest terms of all."""
    sentences: list[str] = []
    titles: list[str] = []
    item_terms: list[str] = []
    for section, _top in parts:
        titles.append(section.title)
        sentences.extend(own_sentences(section))
        for block in section.lists:
            item_terms.extend(item.term for item in all_items(block) if item.term)
    if subject is None:
        subject = _main_subject(title, sentences)
    acronyms: dict[str, str] = {}
    defined: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for text in sentences + titles:
        for acronym in tf.acronyms(text):
            acronyms.setdefault(acronym.short, acronym.expansion)
    for section, top in parts:
        for paragraph in section.paragraphs:
            for sentence in split_sentences(paragraph.text):
                for definition in tf.definitions(sentence):
                    defined.setdefault(definition.subject, top)
                    kinds.setdefault(definition.subject, tf.kind_of(definition.definition))
    key_terms = _used(marked, sentences)
    lexicon = set(acronyms.values()) | set(defined) | set(item_terms) | key_terms
    for title_text in titles:
        for chunk in _TITLE_SPLIT.split(title_text):
            chunk = re.sub(r"^(?:an?|the)\s+", "", chunk.strip(), flags=re.I)
            if 1 <= len(chunk.split()) <= 4 and not tf.is_generic(chunk):
                lexicon.add(chunk)
    lexicon = {t for t in lexicon if t.lower() != subject}
    scorer = PhraseScorer(sentences, lexicon, subject, document_size or len(sentences))
    # terms a sentence may open with and then point back to ("this condition")
    terms = frozenset(t.lower() for t in [*defined, *acronyms, *acronyms.values()])
    return DocContext(
        subject, scorer, acronyms, defined, terms, tuple(sentences), kinds, tuple(sorted(key_terms))
    )


def _used(marked: tuple[str, ...], sentences: list[str]) -> set[str]:
    """The marked terms the sentences use, as written there ("glomerular filtration rate"
    for the marked "glomerular filtration rate (GFR)"), that name a thing: an everyday word
    or a generic noun alone ("demand", "the process") is no term to blank."""
    if not marked:
        return set()
    text = "\n".join(sentences).lower()
    out: set[str] = set()
    for term in marked:
        bare = re.sub(r"\s*\([^)]*\)$", "", term).strip()
        said = lx.words(bare)
        if not said or bare.lower() not in text or tf.is_generic(bare):
            continue
        if len(said) == 1 and (lx.is_common(said[0]) or not lx.can_be_noun(said[0])):
            continue
        out.add(bare)
    return out


def all_items(block: ItemList) -> list[ListItem]:
    """Every item of a list, nested ones included, in order."""
    out: list[ListItem] = []
    stack = list(reversed(block.items))
    while stack:
        item = stack.pop()
        out.append(item)
        stack.extend(reversed(item.children))
    return out


def _main_subject(title: str, sentences: list[str]) -> str:
    """The word most sentences are about (``ketamine``), if it stands out; else ``""``."""
    counts: Counter[str] = Counter(  # each sentence's words once, counted in one call
        chain.from_iterable(
            {w for w in tf.words(sentence) if w not in tf.STOPWORDS and len(w) > 3}
            for sentence in sentences
        )
    )
    if not counts:
        return ""
    title_words = set(tf.words(title))
    ranked = [w for w, _ in counts.most_common(10)]
    word = next((w for w in ranked if w in title_words), ranked[0])
    if counts[word] >= max(3, 0.25 * len(sentences)):
        return word
    return _main_name(sentences)


def _main_name(sentences: list[str]) -> str:
    """The name a text keeps coming back to (``peewee`` in a manual, ``skyfield``): a word
    written with a capital inside sentences, in at least a tenth of them, more than any
    other name; ``""`` when none stands out. Such a name is what the text is about, so it
    answers nothing ("What tracks a join context?" -> "Peewee")."""
    names: Counter[str] = Counter()
    lowered: Counter[str] = Counter()
    for sentence in sentences:
        tokens = sentence.split()
        if len(tokens) < 4:
            continue  # "Sect.", "Fig. 2": a label split off as a sentence
        said = [w.strip(".,;:()’'\"") for w in tokens]
        labels = {  # "Sect. 25.", "Fig. 3": a numbered label, not a name
            said[i] for i in range(len(tokens) - 1) if tokens[i + 1][:1].isdigit()
        }
        names.update(
            {
                w
                for w in said
                if w[:1].isupper() and w[1:].islower() and len(w) > 3 and w not in labels
            }
        )
        lowered.update({w.lower() for w in said if w.islower()})
    ranked = [
        (n, name) for name, n in names.most_common(12) if not lx.is_function_word(name.lower())
    ][:2]
    if not ranked:
        return ""
    count, name = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0
    if count < max(5, 0.1 * len(sentences)) or 2 * count < 3 * runner_up:
        return ""
    if lowered[name.lower()] >= count:
        return ""  # a word often lower case ("Court"/"court") is no name
    return name.lower()
