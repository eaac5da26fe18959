"""Outline -> topic decks with grounded cards (written by :mod:`studyapp.cards.deck_files`).

One deck per top-level topic of the outline, titled by the topic (a heading that is a sentence
gives its key phrase); a topic with nothing to ask is read in its neighbour's deck, one with
more than ``MAX_DECK_CARDS`` cards is split along its subsections, and neighbouring topics of
one or two cards each are studied as one deck (:func:`_join_small`). Deck ids are unique.
Reading material is placed like this:

* the unnumbered lead section (the introduction, e.g. section I of the ketamine source) opens
  the *first* deck, before its topic, so a student starting at the beginning reads it first;
* each paragraph of a conclusion section ("Conclusion", "Summary", ...) goes to the topic deck
  it talks about (by the words of that topic's section titles), as a closing ``Summary``
  section; paragraphs about no single topic, or naming most topics (overviews), go to the
  first deck;
* introduction and conclusion give cards where they state facts, like any section.

Cards come from :mod:`studyapp.cards.from_text`, :mod:`studyapp.cards.from_lists` and
:mod:`studyapp.cards.from_tables`; their ids are
``<deck id>-<type>-<hash of what the card asks>``, so regenerating after a small edit keeps the
ids (and the student's progress) of every card the edit did not touch.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from studyapp.cards import doc_context as dc
from studyapp.cards import from_lists as cfl
from studyapp.cards import from_qa as cfqa
from studyapp.cards import from_tables as cftab
from studyapp.cards import from_text as cft
from studyapp.cards import text_facts as tf
from studyapp.cards.comparisons import comparison_cards
from studyapp.cards.deck_names import deck_ids, slug, topic_title
from studyapp.cards.drafts import DocContext, Draft
from studyapp.cards.from_dates import dated_event_cards, dated_row_cards
from studyapp.cards.from_key_terms import key_term_cards
from studyapp.cards.gate import Seen
from studyapp.cards.proper_names import with_names
from studyapp.cards.reading import deck_section, qualified_titles
from studyapp.cards.selection import select
from studyapp.collector import collector_paused
from studyapp.model import Card, Deck, Location, Section, SourceInfo
from studyapp.outline.nodes import (
    Block,
    ItemList,
    Outline,
    OutlineSection,
    Paragraph,
    Table,
)
from studyapp.outline.sentences import normalise_space

_CONCLUSION = re.compile(
    r"^(?:conclusions?|summary|in conclusion|final thoughts|closing remarks|concluding remarks)$",
    re.IGNORECASE,
)
_INTRODUCTION = re.compile(r"^(?:introduction|overview|background|preface)$", re.IGNORECASE)
# a book's apparatus: what it cites and what it asks the reader ("Conceptual Questions",
# "Self-Check Questions", "Problems & Exercises"), not facts to learn. Its text
# stays in the reading material; it gives no cards ("Size and Development of the Shadow
# Economy of 31 European and 5 other [...]", a problem's "Country A has export sales of ...")
_OBJECTIVES = re.compile(
    r"^(?:learning |lesson |chapter |section )?(?:objectives|outcomes|goals)\W*$"
    r"|^by the end of this (?:section|chapter|lesson)",
    re.IGNORECASE,
)
_APPARATUS = re.compile(
    r"^(?:\W*\d+(?:\.\d+)*\W*)?(?:(?:references|bibliography|works cited|sources|source\(s\)"
    r"|citations|notes|footnotes|endnotes|further reading|external links|see also|credits"
    r"|research topics|topics for (?:further )?(?:study|research|discussion)"
    r"|suggested readings?|reading list)"
    r"(?:,? (?:and|&) (?:references|further reading|external links|notes|see also))?"
    r"(?:: [^:]{1,60})?"  # "Source(s) and further reading: document store"
    r"|acknowledge?ments|(?:(?:self[- ]check|review|critical thinking|conceptual|discussion|study"
    r"|practice|end[- ]of[- ]chapter|chapter|additional|challenge|sample|exam|test|quiz"
    r"|suggestive|essential|guiding|comprehension)"
    r"(?: and (?:\w+ )?)? )?(?:questions?|exercises?|problems?)(?: (?:and|&) exercises)?"
    r"(?: on (?:the )?(?:text|chapter|reading|lesson|section)(?: \d+)?)?"
    r"|practice(?: opportunity| set)? \d+|problem set(?: \d+)?"
    r"|homework|answers?(?: key)?|free response|multiple choice|true or false|true/false"
    r"|fill[- ]in[- ]the[- ]blanks?|short answers?|matching"
    r"|(?:section |chapter |unit )?quiz(?:zes)?|solutions?(?: to (?:the )?exercises?(?: \d+)?)?"
    r"|exercise \d+"
    r"|(?:visual|art|scientific method|career) connection)\W*$",
    re.IGNORECASE,
)


def generate_decks(
    outline: Outline,
    *,
    prefix: str,
    source_file: str = "",
    source_title: str = "",
    notice: str | None = None,
    gate_log: Counter[str] | None = None,
    join_small: bool = True,
) -> list[Deck]:
    """The topic decks of an outline (see the module docstring for what goes where);
    ``gate_log`` counts the drafts the quality gate left out, by rule. ``join_small=False``
    keeps one deck per topic, however few cards it has (:func:`_join_small`).

    ``notice`` is shown with every deck; ``None`` means the source's own (its front matter's
    ``notice:``), so only texts that ask for a notice get one.

    The cycle collector is paused meanwhile (:func:`collector_paused`): making the decks
    makes millions of small objects (words, phrases, drafts) and next to no cycles, so its
    rounds would only walk them again and again.
    """
    with collector_paused():
        decks = _generate_decks(outline, prefix, source_file, source_title, notice, gate_log)
    return _join_small(decks) if join_small else decks


def _generate_decks(
    outline: Outline,
    prefix: str,
    source_file: str,
    source_title: str,
    notice: str | None,
    gate_log: Counter[str] | None,
) -> list[Deck]:
    """:func:`generate_decks`, with the collector paused."""
    if notice is None:
        notice = outline.notice
    lead, topics, conclusion = _split_topics(outline)
    facts = dc.DocumentFacts(outline.key_terms)  # read once for the whole and its parts
    ctx = dc.document_context(outline, facts)
    summaries = _assign_summaries(conclusion, topics) if conclusion else {}
    maker = _DeckMaker(
        dc.parts_with_context(outline, ctx, facts),
        SourceInfo(title=outline.title or source_title or (topics[0].title if topics else "")),
        source_file,
        notice,
        gate_log,
    )
    maker.titles = qualified_titles(outline)
    decks: list[Deck] = []
    titles = [topic_title(topic.title, ctx) for topic in topics]
    if len(topics) == 1 and topics[0].lead and outline.title and not lead:
        titles = [topic_title(outline.title, ctx)]  # a text without headings: its title
    ids = deck_ids(prefix, topics, titles)
    for index, topic in enumerate(topics):
        before = list(lead.walk()) if index == 0 and lead is not None else []
        after: list[Section] = []
        closing: list[OutlineSection] = []
        if conclusion is not None and summaries.get(topic.id):
            body = "\n\n".join(summaries[topic.id])
            after.append(
                Section(conclusion.id, "Summary", 1, "", body, Location(conclusion.line, 1))
            )
            paragraphs: list[Block] = [Paragraph(t, conclusion.line) for t in summaries[topic.id]]
            closing.append(replace(conclusion, title="Summary", blocks=paragraphs, children=[]))
        covered = list(topic.walk())
        made = maker.drafts(topic, covered, before, closing)
        asked = maker.asked.copy()  # the whole deck is a trial when it is then split
        deck = maker.deck(ids[index], titles[index], topic, covered, before, after, made)
        if len(deck.cards) > MAX_DECK_CARDS and len(topic.children) >= 2:
            maker.asked = asked
            decks.extend(_split_deck(maker, deck, made, topic, before, after))
        elif len(deck.cards) > MAX_DECK_CARDS and not topic.children and len(topic.blocks) > 1:
            maker.asked = asked
            decks.extend(_split_text(maker, deck, made, topic, before, after))
        else:
            decks.append(deck)
    return _join_empty(decks)


# a deck with more cards than this is split along its topic's subsections
MAX_DECK_CARDS = 80
# a deck with fewer cards than this is a sitting of a minute: neighbours like it are studied
# together, until they make a deck of at least JOINED_DECK_CARDS cards
SMALL_DECK_CARDS = 3
JOINED_DECK_CARDS = 6
_JOINED_TITLE = 70  # characters: titles listed in full up to this length, else first … last


class _DeckMaker:
    """Makes one deck from its reading sections and the sections its cards come from."""

    def __init__(
        self,
        parts: dict[str, list[dc.Part]],
        source: SourceInfo,
        source_file: str,
        notice: str,
        gate_log: Counter[str] | None = None,
    ) -> None:
        self.parts = parts
        self.titles: dict[str, str] = {}  # section id -> a title that says whose it is
        self.source = source
        self.source_file = source_file
        self.notice = notice
        self.gate_log = Counter() if gate_log is None else gate_log
        self.asked = Seen()  # a question or a blanked sentence once in the whole document

    def deck(
        self,
        deck_id: str,
        title: str,
        topic: OutlineSection,
        covered: list[OutlineSection],
        before: list[OutlineSection],
        after: list[Section],
        drafts: tuple[list[Draft], list[DocContext]] | None = None,
    ) -> Deck:
        """The deck of ``covered`` (the topic's sections it covers, in order): ``before`` (the
        text's introduction) is read first and gives cards like any section, ``after``
        (summaries) is read last. ``drafts`` are the drafts already made for these sections
        and their contexts (when a deck is split), else they are made here."""
        named = self.titles
        sections = [deck_section(s, named.get(s.id, "")) for s in [*before, *covered]] + after
        made, used = drafts if drafts is not None else self.drafts(topic, covered, before)
        cards = _cards(
            made,
            deck_id,
            title,
            topic,
            [*before, *covered],
            dc.deck_context(used),
            self.gate_log,
            self.asked,
            self.titles,
        )
        return Deck(
            id=deck_id,
            title=title,
            sections=tuple(sections),
            cards=tuple(cards) if used else (),
            source=SourceInfo(
                title=self.source.title, file=self.source_file, topic=topic.number or topic.id
            ),
            notice=self.notice,
        )

    def drafts(
        self,
        topic: OutlineSection,
        covered: list[OutlineSection],
        before: list[OutlineSection],
        closing: Sequence[OutlineSection] = (),
    ) -> tuple[list[Draft], list[DocContext]]:
        """The drafts of the sections a deck covers, of ``before`` (the introduction) and of
        ``closing`` (its part of the conclusion): where those state facts, they give cards like
        any section; with their multiple-choice blanks, and the contexts they were made with."""
        drafts: list[Draft] = []
        groups: list[tuple[DocContext, int, int]] = []
        hidden: set[str] = set()
        restating = [pair for s in before for pair in self.parts[s.id]]
        restating += [(view, self.parts[view.id][0][1]) for view in closing]
        for view, ctx in restating:
            start = len(drafts)
            # the quiz shows the deck's title above them: a phrase it gives away is no blank
            first = view is self.parts[view.id][0][0]  # a long section's first run
            drafts.extend(
                _section_drafts(view, ctx, hidden, f"{topic.title} / {view.title}", first)
            )
            groups.append((ctx, start, len(drafts)))
        wanted = {id(s) for s in covered}
        for section, titles in _with_titles(topic, ""):
            if id(section) in wanted:
                for number, (view, ctx) in enumerate(self.parts[section.id]):
                    start = len(drafts)
                    drafts.extend(_section_drafts(view, ctx, hidden, titles, number == 0))
                    groups.append((ctx, start, len(drafts)))
        if groups:
            dc.blank_choices(drafts, groups)
        drafts.extend(comparison_cards(drafts))
        return drafts, [ctx for ctx, _a, _b in groups]


def _split_deck(
    maker: _DeckMaker,
    whole: Deck,
    made: tuple[list[Draft], list[DocContext]],
    topic: OutlineSection,
    before: list[OutlineSection],
    after: list[Section],
) -> list[Deck]:
    """A topic too large for one deck, as decks of runs of its subsections of about
    ``MAX_DECK_CARDS`` cards each (by the cards the whole deck had in them): ids
    ``<prefix>-03a-<first subsection>``..., titles "Topic: First subsection" (or "Topic: First
    to Last subsection"); the topic's own text opens the first."""
    children = [c for c in topic.children if any(x.blocks for x in c.walk())]
    where = {s.id: index for index, child in enumerate(children) for s in child.walk()}
    counts = [0] * len(children)
    for card in whole.cards:
        if card.section in where:
            counts[where[card.section]] += 1
    runs: list[list[int]] = [[]]
    size = 0
    for index, count in enumerate(counts):
        if runs[-1] and size + count > MAX_DECK_CARDS:
            runs.append([])
            size = 0
        runs[-1].append(index)
        size += count
    number = re.match(r"^(.*?-\d+)-", whole.id)
    stem = number.group(1) if number else whole.id
    decks: list[Deck] = []
    used: set[str] = set()
    for position, run in enumerate(runs):
        first, last = children[run[0]], children[run[-1]]
        letter = chr(ord("a") + position) if position < 26 else f"-{position + 1}"
        deck_id = f"{stem}{letter}-{slug(first.title)}"
        while deck_id in used:
            deck_id += "-2"
        used.add(deck_id)
        named = first.title if first is last else f"{first.title} to {last.title}"
        covered = ([topic] if position == 0 else []) + [
            x for index in run for x in children[index].walk()
        ]
        opening = before if position == 0 else []
        closing = after if position == len(runs) - 1 else []
        ids = {s.id for s in opening} | {s.id for s in covered} | {s.id for s in closing}
        drafts = [d for d in made[0] if d.section in ids]
        decks.append(
            maker.deck(
                deck_id,
                f"{whole.title}: {named}",
                topic,
                covered,
                opening,
                after if position == len(runs) - 1 else [],
                (drafts, made[1]),
            )
        )
    return decks


def _split_text(
    maker: _DeckMaker,
    whole: Deck,
    made: tuple[list[Draft], list[DocContext]],
    topic: OutlineSection,
    before: list[OutlineSection],
    after: list[Section],
) -> list[Deck]:
    """A long text without subsections (a transcript, annals) as decks of consecutive
    paragraphs of at most about ``MAX_DECK_CARDS`` cards each (by the cards the whole deck had
    in them), titled "Topic (2 of 5)": each deck reads its part and asks the cards made from it.
    """
    block_of: dict[str, int] = {}
    for index, one in enumerate(topic.blocks):
        for sentence in dc.block_sentences(one):
            block_of.setdefault(normalise_space(sentence), index)

    def block_at(draft_source: str) -> int:
        """The block a card's source is in (a table row or a definition of the introduction
        or conclusion counts with the first block)."""
        return block_of.get(normalise_space(draft_source), 0)

    counts = [0] * len(topic.blocks)
    for card in whole.cards:
        counts[block_at(card.source)] += 1
    chunk_of: list[int] = []
    size = 0
    for count in counts:
        if chunk_of and size and size + count > MAX_DECK_CARDS:
            size = 0
            chunk_of.append(chunk_of[-1] + 1)
        else:
            chunk_of.append(chunk_of[-1] if chunk_of else 0)
        size += count
    if chunk_of[-1] and sum(
        n for n, c in zip(counts, chunk_of, strict=True) if c == chunk_of[-1]
    ) < (MAX_DECK_CARDS // 4):  # a short last part is read with the one before
        chunk_of = [min(c, chunk_of[-1] - 1) for c in chunk_of]
    chunks = chunk_of[-1] + 1
    if chunks == 1:
        return [whole]
    views = [
        replace(topic, blocks=[b for b, c in zip(topic.blocks, chunk_of, strict=True) if c == n])
        for n in range(chunks)
    ]
    parts: list[list[Draft]] = [[] for _ in views]
    for draft in made[0]:
        parts[chunk_of[block_at(draft.source)]].append(draft)
    number = re.match(r"^(.*?-\d+)-", whole.id)
    stem = number.group(1) if number else whole.id
    decks: list[Deck] = []
    for index, view in enumerate(views):
        letter = chr(ord("a") + index) if index < 26 else f"-{index + 1}"
        decks.append(
            maker.deck(
                f"{stem}{letter}-{slug(whole.title)}",
                f"{whole.title} ({index + 1} of {len(views)})",
                topic,
                [view],
                before if index == 0 else [],
                after if index == len(views) - 1 else [],
                (parts[index], made[1]),
            )
        )
    return decks


def _join_empty(decks: list[Deck]) -> list[Deck]:
    """Decks without cards joined to a neighbour: their reading goes to the end of the deck
    before (or the start of the next, for the first), so no topic is an empty deck."""
    if all(not deck.cards for deck in decks):
        return decks
    out: list[Deck] = []
    waiting: list[Section] = []
    for deck in decks:
        if not deck.cards:
            if out:  # before the deck's closing summary, if it has one
                kept = list(out[-1].sections)
                at = len(kept)
                while at > 0 and kept[at - 1].title == "Summary" and not kept[at - 1].number:
                    at -= 1
                kept[at:at] = deck.sections
                out[-1] = replace(out[-1], sections=tuple(kept))
            else:
                waiting.extend(deck.sections)
            continue
        if waiting:
            deck = replace(deck, sections=tuple(waiting) + deck.sections)
            waiting = []
        out.append(deck)
    return out


def _join_small(decks: list[Deck]) -> list[Deck]:
    """Runs of neighbouring decks of fewer than ``SMALL_DECK_CARDS`` cards studied as one.

    An old book's short chapters, a catechism's questions or a manual's short pages each made
    a deck of one or two cards: a library of forty decks for fifty cards. Neighbours in such a
    run are joined, in outline order, into decks of at least ``JOINED_DECK_CARDS`` cards; a
    small deck between two larger ones stays as it is, since joining it to a larger topic
    would hide it there. A joined deck keeps the first deck's id and every card keeps its
    id, so a student's progress follows the cards (the store finds a card moved to another
    deck by its id).
    """
    groups: list[list[Deck]] = []  # decks to study as one, in outline order
    run: list[Deck] = []  # the small decks not yet in a group
    run_joined = False  # whether the run has already filled a group (groups[-1])

    def close_run() -> None:
        nonlocal run, run_joined
        if len(run) == 1 and run_joined:
            groups[-1].extend(run)  # the last of a run of small decks joins the group before
        elif run:
            groups.append(run)  # a lone small deck, or what the run gathered
        run, run_joined = [], False

    for deck in decks:
        if len(deck.cards) >= SMALL_DECK_CARDS:
            close_run()
            groups.append([deck])
            continue
        run.append(deck)
        if sum(len(d.cards) for d in run) >= JOINED_DECK_CARDS:
            groups.append(run)
            run, run_joined = [], True
    close_run()
    return [_joined(group) if len(group) > 1 else group[0] for group in groups]


def _joined(decks: list[Deck]) -> Deck:
    """One deck of ``decks``: their sections and cards in order, titled by their topics."""
    first = decks[0]
    titles = [deck.title for deck in decks]
    title = " · ".join(titles)
    if len(title) > _JOINED_TITLE:
        title = f"{titles[0]} … {titles[-1]}"
    sections: dict[str, Section] = {}
    for deck in decks:
        for section in deck.sections:
            known = sections.get(section.id)
            if known is None:
                sections[section.id] = section
            elif section.body and section.body not in known.body:  # two topics' summaries
                sections[section.id] = replace(known, body=f"{known.body}\n\n{section.body}")
    return replace(
        first,
        title=title,
        sections=tuple(sections.values()),
        cards=tuple(card for deck in decks for card in deck.cards),
    )


def _split_topics(
    outline: Outline,
) -> tuple[OutlineSection | None, list[OutlineSection], OutlineSection | None]:
    """``(lead, topics, conclusion)`` of the outline's top-level sections."""
    sections = [s for s in outline.sections if any(x.blocks for x in s.walk())]
    lead = next((s for s in sections if s.lead), None)
    if lead is None and len(sections) > 2 and _INTRODUCTION.match(sections[0].title.strip()):
        lead = sections[0]  # a numbered "1. Introduction" is reading material like a lead
    # a "Summary" at the top of a chapter is its overview, read first: only one in the second
    # half of the text closes it (and goes to the topics it sums up)
    conclusions = [
        s
        for at, s in enumerate(sections)
        if not s.lead and at >= len(sections) // 2 and _CONCLUSION.match(s.title.strip())
    ]
    conclusion = conclusions[-1] if conclusions else None
    topics = [s for s in sections if s is not lead and s is not conclusion]
    if not topics:
        return None, [s for s in sections], None
    return lead, topics, conclusion


def _with_titles(section: OutlineSection, above: str):
    """Each section of a topic's subtree with the titles above it (topic and ancestors):
    hiding a phrase those titles give away ("PTSD" in the PTSD deck) makes a poor cloze."""
    yield section, above or section.title
    for child in section.children:
        yield from _with_titles(child, f"{above} / {section.title}" if above else section.title)


def _section_drafts(
    section: OutlineSection, ctx: DocContext, hidden: set[str], titles: str, first: bool = True
) -> list[Draft]:
    """All drafts of one section: its lists, sentences and tables. (Recalling the outline's own
    subsection titles teaches no content, so the outline structure gives no cards; nor do a
    book's references and exercises, :data:`_APPARATUS`.) ``first`` is false for the later
    runs of a long section's blocks: its title asks its question, and heads its list, once,
    of the run it opens ("What ocean is on the East Coast?" is answered by its first line,
    not by the first line of a later run, "Alaska")."""
    if _APPARATUS.match(section.title.strip()):
        return []
    if _OBJECTIVES.match(section.title.strip()):
        # what the student will be able to do is no content: the list and its lead-in go,
        # the text after them (often the chapter's opening) stays
        last = max((i for i, b in enumerate(section.blocks) if isinstance(b, ItemList)), default=-1)
        section = replace(section, blocks=section.blocks[last + 1 :])
    drafts: list[Draft] = []
    tables = section.tables
    if tables:  # the prose card makers read paragraphs and lists; tables have their own
        section = replace(section, blocks=[b for b in section.blocks if not isinstance(b, Table)])
    lists = section.lists
    for block in lists:
        drafts.extend(cfl.list_cards(block, section, lists))
    drafts.extend(key_term_cards(section, ctx))  # the author's marked terms ask first
    drafts.extend(dated_event_cards(section, ctx))  # a timeline's entries: when?
    drafts.extend(cft.sentence_cards(section, ctx, hidden, titles))
    drafts.extend(cft.item_question_cards(section, ctx))
    for table in tables:
        drafts.extend(cftab.table_cards(table, section))
        drafts.extend(dated_row_cards(table, section.id, ctx))  # a timeline's rows: when?
    if first:
        heading = cfl.heading_card(section, titles.split(" / ")[-1] if section.level > 1 else "")
        asked = cfqa.title_question_card(section)
        drafts.extend(d for d in (asked, heading) if d)
    drafts.extend(cfqa.qa_pair_cards(section))
    drafts.extend(cfqa.list_qa_cards(section))
    return [d for d in drafts if not _braces_outside_deletions(d)]


_DELETION = re.compile(r"\{\{c\d+::.*?\}\}")


def _braces_outside_deletions(draft: Draft) -> bool:
    """Whether a cloze's sentence has braces of its own (code such as ``{a,b}``): next to a
    deletion they would read as cloze marks, so such a sentence is not made a cloze."""
    if not draft.text:
        return False
    outside = _DELETION.sub("", draft.text)
    return "{" in outside or "}" in outside


def card_id(deck_id: str, draft: Draft) -> str:
    """The stable id of a card: deck id, type, and a hash of the normalised thing it asks."""
    key = normalise_space(draft.key).casefold()
    digest = hashlib.blake2b(f"{draft.type.value}|{key}".encode(), digest_size=5).hexdigest()
    return f"{deck_id}-{draft.type.value}-{digest}"


def _cards(
    drafts: list[Draft],
    deck_id: str,
    title: str,
    topic: OutlineSection,
    covered: list[OutlineSection],
    ctx: DocContext,
    gate_log: Counter[str] | None = None,
    asked: Seen | None = None,
    named: dict[str, str] | None = None,
) -> list[Card]:
    """Cards from drafts: ids assigned, repeats and weak drafts left out
    (:mod:`studyapp.cards.selection`); ``gate_log`` counts what the quality gate dropped,
    ``asked`` holds what the document's other decks already ask; ``named`` are the section
    titles the quiz shows where they differ from the outline's (see ``qualified_titles``)."""
    shown = named or {}
    titles = {
        s.id: f"{title} {shown.get(s.id, s.title)}" if s is not topic else title for s in covered
    }
    needs = {s.id for s in covered if s.blocks}
    # a table's cards ask its cells, not sentences: the sentence rules of the selection (an
    # answer the titles give away, a repeated answer) misjudge them ("Class II" under a
    # "Biopharmaceutics Classification System"; "Low" for two rows), so they are kept whole
    tabled = [i for i, d in enumerate(drafts) if cftab.is_table_draft(d)]
    prose = [d for i, d in enumerate(drafts) if not cftab.is_table_draft(d)]
    ids = [card_id(deck_id, d) for d in prose]
    ident_of = {id(d): ident for d, ident in zip(prose, ids, strict=True)}  # hashed once each
    chosen_prose = select(prose, ids, titles, needs, ctx.subject, ctx.acronyms, gate_log, asked)
    kept = {id(d) for d in chosen_prose}
    seen: set[str] = set(ids)
    for i in tabled:
        ident = card_id(deck_id, drafts[i])
        ident_of[id(drafts[i])] = ident
        if ident not in seen:
            seen.add(ident)
            kept.add(id(drafts[i]))
    chosen = [d for d in drafts if id(d) in kept]
    return [
        Card(
            id=ident_of[id(draft)],
            type=draft.type,
            question="" if draft.text else with_names(draft.question, ctx.names),
            answer=draft.answer,
            text=draft.text,
            items=draft.items,
            ordered=draft.ordered,
            distractors=draft.distractors,
            accept=draft.accept,
            section=draft.section,
            source=draft.source,
        )
        for draft in chosen
    ]


def _assign_summaries(
    conclusion: OutlineSection, topics: list[OutlineSection]
) -> dict[str, list[str]]:
    """Conclusion paragraphs per topic id: each to the topic whose titles' words it uses most
    (rarer words count more, the topic's own title double); paragraphs with no clear topic,
    and overviews naming most topics ("... for depression, chronic pain, PTSD and epilepsy"),
    go to the first topic."""
    weights: dict[str, dict[str, float]] = {}
    for topic in topics:
        stems: dict[str, float] = {}
        for section in topic.walk():
            for word in _title_words(section.title):
                stems[word[:6]] = max(stems.get(word[:6], 0.0), 2.0 if section is topic else 1.0)
        weights[topic.id] = stems
    df = Counter(stem for stems in weights.values() for stem in stems)
    out: dict[str, list[str]] = {}
    overview_at = max(3, len(topics) // 2 + 1)
    for paragraph in conclusion.paragraphs:
        text = " ".join(_title_words(paragraph.text))
        stems_used = {word[:6] for word in text.split()}
        named = 0  # topics named by title words no other topic uses
        for topic in topics:
            own = [s for s, w in weights[topic.id].items() if df[s] == 1 and s in stems_used]
            named += len(own) >= 2 or any(weights[topic.id][s] == 2.0 for s in own)
        if named >= overview_at:  # an overview of many topics belongs before all of them
            out.setdefault(topics[0].id, []).append(paragraph.text)
            continue
        scores = sorted(
            (
                (
                    sum(
                        weight * text.count(stem) * math.log(1 + len(topics) / df[stem])
                        for stem, weight in weights[topic.id].items()
                    ),
                    -position,
                    topic.id,
                )
                for position, topic in enumerate(topics)
            ),
            reverse=True,
        )
        best = scores[0]
        second = scores[1] if len(scores) > 1 else (0.0, 0, "")
        topic_id = best[2] if best[0] > 0 and best[0] >= 1.5 * second[0] else topics[0].id
        out.setdefault(topic_id, []).append(paragraph.text)
    return out


def _title_words(text: str) -> list[str]:
    """Words of a title that tell topics apart (hyphenated words split)."""
    return [w for part in tf.words(text) for w in part.split("-") if _keyword(w)]


def _keyword(word: str) -> bool:
    """Whether a title word can tell topics apart (not a stop word or a generic noun)."""
    return len(word) > 3 and not tf.is_generic(word)
