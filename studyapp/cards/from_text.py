"""Quiz cards drafted from the sentences of one outline section.

Every answer, list item and cloze deletion is a verbatim piece of the source (see
:mod:`studyapp.cards.text_facts`); only the question wording is made here. Each draft carries a
``key`` naming what it asks (the term, the acronym, the hidden phrase), from which the
generator derives a stable card id: editing another sentence never changes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import replace
from functools import lru_cache
from itertools import tee

from studyapp.cards import anaphora, cloze_rules, gate
from studyapp.cards import lexicon as lx
from studyapp.cards import term_quality as tq
from studyapp.cards import text_facts as tf
from studyapp.cards.counts import other_spelling
from studyapp.cards.drafts import (
    MAX_ANSWER,
    MAX_QUESTION_QUOTE,
    MAX_TYPED,
    QA,
    SAME_ANSWER_WORDS,
    DocContext,
    Draft,
    digest,
    is_name,
    lower_first,
    reveals,
)
from studyapp.cards.from_blanks import never_kept
from studyapp.cards.from_qa import MIN_PROSE_PAIRS, marked_question, prose_questions
from studyapp.cards.leaning import says_too_little
from studyapp.cards.main_clause import kinds
from studyapp.cards.questions import questions as tq_questions
from studyapp.cards.questions import reporting_frame
from studyapp.model import CardType
from studyapp.outline.lines import ANSWER_MARK
from studyapp.outline.nodes import ItemList, OutlineSection, Paragraph
from studyapp.outline.sentences import normalise_space, split_sentences

_NAMING = ("stands-for|", "abbreviation|")  # cards about a sentence's abbreviation, not its claim
_BLANK_FAULTS = frozenset({"broken-blank", "stock-blank", "given-away"})
# a cloze option: (score, hidden phrase, cloze text)
Option = tuple[float, str, str]
_LEADING_ARTICLE = re.compile(r"^(?:The|A|An) ")
_LEADING_LOWER_ARTICLE = re.compile(r"^(?:an?|the) ")
MIN_CLOZE_SCORE = 2.0  # below it no phrase of the sentence is a key term: no cloze at all
STRONG_CLOZE_SCORE = 3.8  # a second phrase this good makes a second cloze of the sentence


def paragraph_sentences(section: OutlineSection, ctx: DocContext) -> list[tuple[str, str, str]]:
    """``(verbatim sentence, standalone sentence, sentence before it)`` of the section's
    paragraphs; sentences leaning on an unknown referent are left out."""
    out: list[tuple[str, str, str]] = []
    asked = any(map(marked_question, section.blocks))  # a catechism's Q/A
    questions = prose_questions(section)
    unmarked = questions if len(questions) >= MIN_PROSE_PAIRS else {}
    answering = False  # the paragraph answers the unmarked question before it, which a card asks
    for block in section.blocks:
        if asked and marked_question(block):
            continue  # "Q.--Is not a float sometimes employed ...?": its answer is the card
        if unmarked and isinstance(block, Paragraph) and _asks(block.text, unmarked):
            answering = unmarked[normalise_space(block.text).strip(" _*")]
            continue  # an unmarked catechism's question: its card, if any, asks it
        if isinstance(block, Paragraph):  # "A. Siddhartha was ...": the mark is no content
            answer = asked and ANSWER_MARK.match(block.text)
            texts = split_sentences(block.text[answer.end() :] if answer else block.text)
            if answering:  # "Always by placing the hands under the child's arms ...": the
                texts = texts[1:]  # answer's first sentence leans on its question
            answering = False
        elif isinstance(block, ItemList):  # sentence-like items ("Lidocaine is an amide.") too
            texts = [  # an item of several sentences (a numbered paragraph) is read as prose
                sentence
                for i in block.items
                if not i.term and not is_name(i.text)
                for sentence in split_sentences(i.text)
            ]
        else:  # a table: its cards come from studyapp.cards.from_tables
            continue
        out.extend(_standalone_sentences(tuple(texts), section.title, ctx.subject, ctx.terms))
    return out


def _asks(text: str, questions: Mapping[str, bool]) -> bool:
    """Whether a paragraph is one of a catechism's unmarked ``questions``."""
    return normalise_space(text).strip(" _*") in questions


# The marked-term cards and the sentence cards of a section both read its sentences: each
# block's are resolved once (their source is the same, so the verdict is too)
@lru_cache(maxsize=1024)
def _standalone_sentences(
    texts: tuple[str, ...], title: str, subject: str, terms: frozenset[str]
) -> tuple[tuple[str, str, str], ...]:
    """:func:`paragraph_sentences` of one block's sentences ``texts``, in a section titled
    ``title``."""
    out: list[tuple[str, str, str]] = []
    previous = title
    earlier = ""  # the sentences before, joined by spaces (grown, not joined again for each)
    for position, sentence in enumerate(texts):
        standalone = anaphora.standalone(sentence, subject, previous, terms, earlier, title)
        if standalone:
            out.append((sentence, standalone, texts[position - 1] if position else ""))
        previous = sentence
        earlier = f"{earlier} {sentence}" if position else sentence
    return tuple(out)


def sentence_cards(
    section: OutlineSection, ctx: DocContext, hidden: set[str] | None = None, titles: str = ""
) -> list[Draft]:
    """Cards from the section's sentences: acronyms, definitions, examples and one cloze each."""
    drafts: list[Draft] = []
    # per sentence: (sentence, first-round options, second-round options, whether a question
    # card asks about it, whether every cloze of it fails a sentence rule)
    clozes: list[tuple[str, Iterator[Option], Iterator[Option], bool, bool]] = []
    hidden = set() if hidden is None else hidden  # phrases already hidden in this deck
    shown_titles = f"{titles} {section.title}"  # the titles above the section's cards
    for sentence, standalone, before_it in paragraph_sentences(section, ctx):
        before = len(drafts)
        drafts.extend(_acronym_cards(sentence, section.id))
        named_kinds = kinds(standalone)
        found = [] if named_kinds else tf.definitions(standalone)  # the list card asks it
        if named_kinds:
            question, names = named_kinds
            drafts.append(
                Draft(
                    CardType.LIST, f"kinds|{question}", section.id, sentence, question, items=names
                )
            )
        for definition in found:
            drafts.extend(_definition_cards(definition, sentence, section.id, ctx))
        listed = tf.enumeration(standalone)
        if (
            listed
            and len(listed[0].split()) >= 3
            and states_something(listed[0])
            and _ends_on(standalone, listed[1][-1])
        ):
            lead_in, items = listed
            drafts.append(
                Draft(
                    CardType.LIST,
                    f"examples|{lead_in}",
                    section.id,
                    sentence,
                    question=f"{lead_in}, such as which {_count(len(items))}?",
                    items=tuple(items),
                )
            )
        for relation in tf.relations(standalone):
            drafts.extend(_relation_cards(relation, sentence, section.id))
        asked = _question_cards(standalone, sentence, section, ctx)
        drafts.extend(asked)
        drafts[before:] = _grounded(drafts[before:], before_it)
        # what the sentence's question cards (relations included) already ask; an unsure
        # shape is seldom kept (gate.UNSURE_KINDS), so it leaves the sentence its clozes
        asked = [
            d
            for d in drafts[before:]
            if d.answer
            and not d.key.startswith(_NAMING)
            and d.key.split("|", 1)[0] not in gate.UNSURE_KINDS
        ]
        # a cloze the gate would drop whatever it hides is not made: the phrase it would hide
        # stays free for the deck's other sentences
        if not found and len(standalone.split()) >= 8 and not never_kept(standalone):
            short = [d.answer for d in asked if len(d.answer.split()) <= 4]
            fails = gate.cloze_sentence_fails(standalone)
            # what a question already asks is never hidden
            every = _clozes(
                standalone, ctx, short, titles or section.title, section.title, fails, hidden
            )
            options, loose = _strict_and_loose(
                every, standalone, normalise_space(sentence), [d.answer for d in asked], listed
            )
            clozes.append((sentence, options, loose, bool(asked), fails))
    for draft in drafts:  # what a definition or abbreviation card already asks for
        if draft.key.startswith(("define|", "stands-for|")):
            hidden.add(draft.key.split("|", 1)[1].casefold())
        if draft.key.startswith("stands-for|"):
            hidden.add(draft.answer.casefold())
    for rounds in (1, 2):
        # a weaker second phrase per sentence only when the section has too few cards that
        # pass the gate (drafts it drops leave the section as bare as none): two are enough
        if rounds == 2 and _two_sound(drafts, shown_titles, ctx.subject):
            break
        for sentence, strict, loose, questioned, fails in clozes:
            if rounds == 1 and len(lx.WORD.findall(sentence)) < SHORT_CLOZE_WORDS:
                continue  # a short sentence's cloze only where the section has too few cards
            fresh = _fresh_unhinted_first(strict if rounds == 1 else loose, hidden, shown_titles)
            first = next(fresh, None)
            if first is None:
                continue
            hidden.add(first[1].casefold())
            drafts.append(_cloze_draft(first, sentence, section.id, ctx, fails))
            # a second cloze of the sentence only for a strong term the titles do not hint at,
            # and not when a question card already asks about the sentence (an option hidden
            # as ``first`` was clashes with it: reading ``fresh`` on after the ``add`` is safe)
            if rounds == 2 or questioned:
                continue
            second = next((o for o in fresh if not _clash(o, first)), None)
            if second and second[0] >= STRONG_CLOZE_SCORE and not _hinted(second[1], shown_titles):
                hidden.add(second[1].casefold())  # a second key term of the same sentence
                drafts.append(_cloze_draft(second, sentence, section.id, ctx, fails))
    if section.title:
        drafts.extend(_acronym_cards(section.title, section.id))
    return drafts


def _two_sound(drafts: list[Draft], titles: str, subject: str) -> bool:
    """Whether two of the drafts pass the quality gate and tell different things: two
    questions with one long answer ("What does X involve?", "How does X reduce Y?" ->
    "blocking NMDA receptors in ...") are one card, as the selection keeps only the first."""
    told: set[str] = set()
    for draft in drafts:
        if gate.card_fault(draft, titles, subject):
            continue
        answer = normalise_space(draft.answer).casefold()
        told.add(answer if len(answer.split()) >= SAME_ANSWER_WORDS else draft.key)
        if len(told) == 2:
            return True
    return False


# words: a shorter sentence is mostly a note's line that leans on the lines around it ("The
# use of instance methods confers [two benefits]."); rated blind over two rounds (69 texts),
# 9 of 42 such clozes were good and 21 bad, against 48 % good and 12 % bad from 14 words on
SHORT_CLOZE_WORDS = 10
_RELATIVES = lx.wordset("that which who whom whose where")


def _ends_on(sentence: str, last_item: str) -> bool:
    """Whether the clause before a sentence's list is whole: the list ends the sentence, or
    a clause of its own follows it (", which ..."), not the rest of the clause the list was
    set inside ("Rendering allows the sequence, such as titles and transition effects, to be
    exported", "... essential elements, such as carbon, nitrogen and phosphorus, move
    through ..."): there the words before the list are half a clause ("Rendering allows the
    sequence, such as which two?": rated bad, as were 3 more such cards of round W3)."""
    at = sentence.rfind(last_item)
    if at < 0:
        return False
    rest = sentence[at + len(last_item) :].strip(" ,;)]")
    words = lx.WORD.findall(rest)
    if not words:
        return True
    first = words[0].lower()
    if first.endswith("ing"):
        return True  # ", expanding the scope of its therapeutic applications": a clause of its own
    return first != "to" and first not in lx.FINITE and not lx.only_verb(first)


def states_something(lead_in: str) -> bool:
    """Whether the words before "such as" make a statement a list question can finish: they
    hold a verb ("Ketamine has emerged as a treatment for conditions") and do not stop on a
    relative pronoun. "The digestive system" or "organisms that" alone ask nothing."""
    said = lx.WORD.findall(lead_in)
    if not said or said[-1].lower() in _RELATIVES or lx.is_function_word(said[-1]):
        return False  # "organisms that", "Authentication factors may": the verb was cut off
    return lx.holds_finite_verb(said)


def _count(n: int) -> str:
    """``3`` -> ``three`` (a list card asks for a number of things in words)."""
    return {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}.get(n, str(n))


def _strict_and_loose(
    every: Iterator[Option],
    standalone: str,
    verbatim: str,
    answers: list[str],
    listed: tuple[str, list[str]] | None,
) -> tuple[Iterator[Option], Iterator[Option]]:
    """The cloze options of a sentence for the first round (clear of its list items and of
    anything a question card asks) and for the second, when the section has too few cards
    (a list item may be hidden, and a phrase of what a question asks if it is not most of
    it); ``verbatim`` is the sentence as written, ``answers`` what its questions ask."""
    items = listed[1] if listed else []
    for_strict, for_loose = tee(every)  # each option is made and gated once, when first read
    strict = (
        o
        for o in for_strict
        if not _overlaps(standalone, standalone.find(o[1]), o[1], items)
        and _fresh(o, verbatim, standalone, answers, 0.0)
    )
    loose = (
        o
        for o in for_loose
        if (o[1] in items or not _overlaps(standalone, o[2].find("{{"), o[1], items))
        and _fresh(o, verbatim, standalone, answers)
    )
    return strict, loose


def _fresh_unhinted_first(
    options: Iterable[Option], hidden: set[str], titles: str
) -> Iterator[Option]:
    """The options whose phrase the deck does not hide yet, those a title hints at last
    ("seizure cycle" under "Acute Seizure Management" is hidden only when the sentence has no
    other): a stable sort, made only as far as it is read."""
    hinted: list[Option] = []
    for option in options:
        if option[1].casefold() in hidden:
            continue
        if _hinted(option[1], titles):
            hinted.append(option)
        else:
            yield option
    yield from hinted


def _hinted(phrase: str, titles: str) -> bool:
    """Whether a title word hints at the phrase ("pain signals" in the chronic pain deck): a
    specific word of the phrase (not a stop word or weak noun) is in the titles."""
    shown = titles.lower()
    return any(
        w[:6] in shown for w in tf.words(phrase) if w not in tf.STOPWORDS and w not in tq.WEAK_NOUNS
    )


def item_question_cards(section: OutlineSection, ctx: DocContext) -> list[Draft]:
    """Question cards from the explanations of ``Term: explanation`` list items that are
    sentences ("Bronchodilation: Ketamine’s bronchodilatory effects make it a preferred
    choice ..." -> "What makes ketamine a preferred choice ...?")."""
    drafts: list[Draft] = []
    for block in section.lists:
        for item in block.items:
            if not item.term or not item.explanation[:1].isupper():
                continue
            for sentence in split_sentences(item.explanation)[:1]:
                standalone = anaphora.standalone(sentence, ctx.subject, "", ctx.terms)
                if standalone:
                    found = _question_cards(standalone, sentence, section, ctx)
                    drafts.extend(_grounded(found, ""))
    return drafts


def _relation_cards(relation: tf.Relation, sentence: str, section_id: str) -> list[Draft]:
    """``To what are X attributed?`` / ``What does X involve?``."""
    if len(relation.y) > MAX_ANSWER or len(relation.x.split()) > 14:
        return []
    x = lower_first(relation.x)
    if relation.kind == "attributed":
        question = f"To what {relation.verb} {x} attributed?"
    else:
        question = f"What does {x} involve?"
    return [
        Draft(CardType.BASIC, f"{relation.kind}|{x}", section_id, sentence, question, relation.y)
    ]


def _acronym_cards(sentence: str, section_id: str) -> list[Draft]:
    """For ``full name (ABC)``: what ABC stands for, and the abbreviation of the full name."""
    drafts: list[Draft] = []
    for acronym in tf.acronyms(sentence):
        expansion = acronym.expansion
        if len(expansion) > MAX_TYPED:
            continue
        unhyphenated = expansion.replace("-", " ")
        drafts.append(
            Draft(
                CardType.TYPED,
                f"stands-for|{acronym.short}",
                section_id,
                sentence,
                question=f"What does the abbreviation {acronym.short} stand for?",
                answer=expansion,
                accept=(unhyphenated,) if unhyphenated != expansion else (),
            )
        )
        drafts.append(
            Draft(
                CardType.TYPED,
                f"abbreviation|{acronym.short}",
                section_id,
                sentence,
                question=f"What is the abbreviation for “{lower_first(expansion)}”?",
                answer=acronym.short,
            )
        )
    return drafts


def _definition_cards(
    definition: tf.Definition, sentence: str, section_id: str, ctx: DocContext
) -> list[Draft]:
    """What X is (or refers to), what characterizes it, and which term fits the definition."""
    content = lx.content_words(definition.definition)
    if len(content) <= 2 and not any(map(lx.is_rare, content)):
        return []  # "SciPy is a vast library": a kind with a word of praise defines nothing
    first = lx.WORD.findall(definition.definition)[:1]
    if first and lx.parts_of_speech(first[0]) == frozenset({"ADJ"}):
        return []  # "Federal courts are unanimous in agreeing that ...": a state, not a kind
    subject = lower_first(definition.subject)
    if definition.verb == "are" and re.match(r"(?:an?|another) ", subject):
        return []  # "Studies of students are a common example": the sides were read swapped
    shown = subject
    if subject in ctx.acronyms and ctx.acronyms[subject] not in sentence:
        shown = f"{subject} ({ctx.acronyms[subject]})"
    drafts: list[Draft] = []
    answer = definition.definition
    if len(answer) <= MAX_ANSWER:
        question = (
            f"What does {shown} refer to?"
            if definition.verb.startswith("refer")
            else f"What {lx.copula_for(subject, definition.verb)} {shown}?"
        )
        drafts.append(
            Draft(CardType.BASIC, f"define|{subject}", section_id, sentence, question, answer)
        )
    if definition.trait and len(definition.trait) <= MAX_ANSWER:
        drafts.append(
            Draft(
                CardType.BASIC,
                f"trait|{subject}",
                section_id,
                sentence,
                question=f"What characterizes {shown}?",
                answer=definition.trait,
            )
        )
    topic = section_id.split(".")[0]
    distractors = [  # terms of other topics: a neighbour of the same topic may also be right
        t
        for t in sorted(ctx.defined_terms, key=lambda t: (digest(subject + t), t))
        if ctx.defined_terms[t] != topic
        and not _same_term(t, definition.subject, ctx)
        and ctx.term_kinds.get(t) == tf.kind_of(definition.definition)  # conditions with conditions
    ][:3]
    quote = answer if len(answer) <= MAX_QUESTION_QUOTE else ""
    name = _LEADING_ARTICLE.sub("", definition.subject)  # "plasma membrane" is typed
    typed = (
        len(name) <= MAX_TYPED
        and len(name.split()) <= 3
        and name not in ctx.acronyms  # an abbreviation has its own typed cards
        and name.casefold() not in ctx.subject
        and not _a_proper_name(name, ctx)  # "Australia is a wealthy ... country": no term
    )
    if typed and quote and name.casefold() not in quote.casefold():
        drafts.append(  # recalling the term itself, not recognising it among options
            Draft(
                CardType.TYPED,
                f"name-term|{subject}",
                section_id,
                sentence,
                question=f"What is the term for {quote}?",
                answer=name,
            )
        )
    elif len(distractors) == 3 and quote and not reveals(name, quote):
        drafts.append(
            Draft(
                CardType.CHOICE,
                f"which-term|{subject}",
                section_id,
                sentence,
                question=(
                    f"Which of these are {quote}?"
                    if definition.verb == "are"
                    else f"Which term {definition.verb} {quote}?"
                ),
                answer=definition.subject,
                distractors=tuple(distractors),
            )
        )
    return drafts


def _a_proper_name(name: str, ctx: DocContext) -> bool:
    """Whether ``name`` is a place's or a person's name as the text writes it (each word a
    name, see :meth:`ProperNames.is_name`), not an abbreviation: "What is the term for a
    wealthy, industrialised country ...?" -> "Australia" asks for an example, not a term."""
    said = name.split()
    return bool(said) and all(
        w[:1].isupper() and not w.isupper() and _a_name_word(w.lower(), ctx) for w in said
    )


def _a_name_word(word: str, ctx: DocContext) -> bool:
    """Whether ``word`` (lower case) is a name: the text writes it so, or it is a common
    word of English that no dictionary lists as a part of speech ("Australia", said only
    at the start of sentences)."""
    return ctx.names.is_name(word) or (not lx.parts_of_speech(word) and lx.zipf(word) >= 3.5)


def _same_term(a: str, b: str, ctx: DocContext) -> bool:
    """Whether two defined terms name the same thing (equal, or one is the other's acronym)."""
    na, nb = normalise_space(a).lower(), normalise_space(b).lower()
    if na == nb or na in nb or nb in na:
        return True
    for short, expansion in ctx.acronyms.items():
        names = {short.lower(), expansion.lower()}
        if any(n in na for n in names) and any(n in nb for n in names):
            return True
    return False


def _clozes(
    sentence: str,
    ctx: DocContext,
    avoid: list[str],
    titles: str,
    own_title: str = "",
    fails: bool = False,
    hidden: AbstractSet[str] = frozenset(),
) -> Iterator[Option]:
    """``(score, hidden phrase, cloze text)`` options for a sentence, best key term first;
    generic or evaluative phrases (:func:`studyapp.cards.term_quality.is_weak`) are never options,
    nor a piece of "full name (ABBR)" (the initials give it away), nor the source of a
    reported claim ("{{Follow-up studies}} have shown that ...": the claim is the point).

    Made as they are read: a sentence's cards take its first option or two, and judging an
    option (the quality gate) is the costly part, so the others are never judged. Nor are any
    when the sentence ``fails`` (:func:`studyapp.cards.gate.cloze_sentence_fails`): each of its
    clozes breaks a rule of the sentence, never one of its blank, so its options come in the
    order the gate would leave them (its cloze is still made where a fill-the-blank choice
    made of it may be kept: see :func:`studyapp.cards.from_blanks.never_kept`).

    Nor is an option whose phrase the deck already hides (``hidden``, casefolded), which no
    card takes (:func:`_fresh_unhinted_first`): it is left out as it comes. The deck hides
    more phrases as its cards are made, never fewer, so an option hidden when it comes would
    be hidden whenever it was read."""
    later: list[tuple[tuple[bool, bool, bool], Option]] = []  # an item, a filler, a pair
    spelled = [f"{a.expansion} ({a.short})" for a in tf.acronyms(sentence)]
    frame = len(reporting_frame(sentence))
    taken = avoid + spelled
    for score, phrase in ctx.scorer.candidates(sentence, titles, own_title):
        at = sentence.find(phrase)
        if score < MIN_CLOZE_SCORE or phrase.casefold() in hidden:
            continue
        if tf.is_generic(phrase) or tq.is_weak(phrase, tf.STOPWORDS):
            continue
        if at < frame or _overlaps(sentence, at, phrase, taken):
            continue  # (before the costlier question below)
        if not ctx.scorer.key_term(phrase, sentence):
            continue  # words of the sentence, not a term of the text
        if ctx.scorer.cuts_compound(sentence, at, phrase):
            continue  # "covering [detachments]": the word before is half the term
        text = f"{sentence[:at]}{{{{c1::{phrase}}}}}{sentence[at + len(phrase) :]}"
        if fails and phrase[:1].isalnum() and phrase[-1:].isalnum():
            fault = ""  # the sentence's fault: no blank's, and the card is not a weak one
        else:
            fault = gate.card_fault(Draft(CardType.CLOZE, "", "", sentence, text=text), titles)
        if fault in _BLANK_FAULTS:
            continue  # the next best phrase of the sentence may be a whole term
        # one of the sentence's items, examples or asides (any other would do), then a
        # filler blank, is the sentence's last choice (both weak cards: see gate.SOFT_RULES and
        # selection.weakness)
        rank = (
            fault in ("list-item", "example", "aside"),
            cloze_rules.filler_blank(phrase),
            bool(_PARTNER_BEFORE.search(sentence[:at])),
        )
        if any(rank):
            later.append((rank, (score, phrase, text)))
        else:
            yield score, phrase, text
    yield from (option for _rank, option in sorted(later, key=lambda pair: pair[0]))


# a blank right after "and" or "or" is the second of a pair the first half gives away ("the
# potential for abuse and [dependence]", "suspicious or [malicious activity]"): rated blind,
# 23 % of such clozes were good and 55 % weak, so another blank of the sentence comes first
_PARTNER_BEFORE = re.compile(r"\w,? (?:and|or) $")


def _fresh(
    option: tuple[float, str, str],
    verbatim: str,
    text: str,
    answers: list[str],
    share: float = 0.45,
) -> bool:
    """Whether a cloze option is verbatim in the source sentence (never a phrase made up by
    resolving a reference) and is not ``share`` or more of what a question card of the
    sentence asks (0: no part of it)."""
    phrase = option[1]
    if phrase not in verbatim:
        return False
    at = option[2].find("{{")
    return not any(
        _overlaps(text, at, phrase, [answer]) and len(phrase) >= share * len(answer)
        for answer in answers
    )


def _grounded(drafts: list[Draft], before_it: str) -> list[Draft]:
    """The drafts whose answer and list items are verbatim in their source sentence. An
    answer that resolving a reference brought in from the sentence before ("By blocking NMDA
    receptors ..." for "By doing so") keeps its card, with both sentences as its source."""
    kept: list[Draft] = []
    for draft in drafts:
        parts = [normalise_space(a) for a in (draft.answer, *draft.items) if a]
        source = normalise_space(draft.source)
        if all(p in source for p in parts):
            kept.append(draft)
            continue
        both = normalise_space(f"{before_it} {source}") if before_it else ""
        answer = draft.answer.removeprefix("By ")  # "By doing so" -> "blocking ... receptors"
        items = [normalise_space(i) for i in draft.items]
        if both and all(i in both for i in items) and normalise_space(answer) in both:
            kept.append(replace(draft, source=f"{before_it} {draft.source}", answer=answer))
    return kept


def _clash(option: tuple[float, str, str], first: tuple[float, str, str]) -> bool:
    """Whether two options of one sentence overlap, or one contains the other."""
    a, b = option[1].casefold(), first[1].casefold()
    a_at, b_at = option[2].find("{{c1::"), first[2].find("{{c1::")
    overlap = a_at < b_at + len(b) and b_at < a_at + len(a)
    return overlap or a in b or b in a


def _cloze_draft(
    option: tuple[float, str, str],
    sentence: str,
    section_id: str,
    ctx: DocContext,
    fails: bool = False,
) -> Draft:
    """The draft of one cloze option, ranked by how surely its blank is a key term (unless
    its sentence ``fails``: the gate drops the card, so how sure is never asked)."""
    _, phrase, text = option
    rank = 0 if fails else ctx.scorer.term_rank(phrase, sentence)
    once = False if fails else ctx.scorer.one_off(phrase)
    said_once = not fails and ctx.scorer.plain_once(phrase)
    return Draft(
        CardType.CLOZE,
        f"cloze|{phrase}",
        section_id,
        sentence,
        text=text,
        rank=rank,
        once=once,
        said_once=said_once,
    )


def _question_cards(
    standalone: str, sentence: str, section: OutlineSection, ctx: DocContext
) -> list[Draft]:
    """Question-and-answer cards of the sentence's shape (:mod:`studyapp.cards.questions`);
    a short question gets the section title as context."""
    drafts: list[Draft] = []
    named = False  # a "who" question of the sentence is kept
    for qa in tq_questions(standalone, ctx.subject):
        if len(qa.answer) > MAX_ANSWER:
            continue
        if qa.kind == "who-does":
            said = qa.answer.removeprefix("the ").replace(" and ", " ").split()
            if not all(ctx.names.is_name(w.lower()) for w in said):
                continue  # "Lidocaine blocks ...": a word the text also writes in lower case
            named = True
        elif qa.kind == "does-what" and named:
            continue  # "Who described X?" is asked: not also "What did Erikson describe?"
        elif qa.kind == "does-what" and _a_party_of_the_story(qa.question, section):
            continue  # "What does the backup application copy?": which one, only the text says
        question = qa.question  # it names what it asks about, or the gate drops it
        # a short specific answer is typed, not just recalled ("intravenously")
        bare = _LEADING_LOWER_ARTICLE.sub("", qa.answer)
        typed = len(bare.split()) <= 3 and not tq.is_weak(bare, tf.STOPWORDS)
        # an answer in everyday words is one of the text's terms only if the text says it again;
        # so is one of a bare four-word question ("What can ketamine potentially enhance?")
        plain = gate.everyday_answer(question, qa.answer) or says_too_little(question, qa.answer)
        everyday = plain and not any(map(ctx.scorer.said_again, _answer_terms(bare)))
        drafts.append(
            Draft(
                CardType.TYPED if typed else CardType.BASIC,
                f"{qa.kind}|{qa.question}",
                section.id,
                sentence,
                question=question,
                answer=qa.answer,
                accept=_accepted(qa, bare) if typed else (),
                background=qa.background,
                everyday=everyday,
            )
        )
    return drafts


_AFTER_HEAD = re.compile(r"\s+(?:with|of|in|on|for|to|from|by|at|that|which|who)\s+")


def _answer_terms(bare: str) -> tuple[str, ...]:
    """The phrases of an answer that make it one of the text's terms when the text says them
    again: the whole answer, and its head of two words or more before a preposition or a
    clause ("[minimum contacts] with the forum state" in a law outline that keeps coming back
    to minimum contacts)."""
    head = _AFTER_HEAD.split(bare, maxsplit=1)[0]
    return (bare, head) if head != bare and len(head.split()) >= 2 else (bare,)


def _accepted(qa: QA, bare: str) -> tuple[str, ...]:
    """The answers a typed card also accepts: the answer without its article, a count in
    its other spelling ("four" for "4")."""
    also = (bare,) if bare != qa.answer else ()
    return also + (other_spelling(qa.answer) if qa.kind == "how-many" else ())


_DOER_QUESTION = re.compile(
    r"^(?:What|Whom) (?:do|does|did|can|could|may|might|will|would|must|should) "
    r"the (?:[\w-]+ )*?(?P<head>[a-z][\w-]*) (?:[a-z]+ly )?[a-z]+\?$"
)


def _a_party_of_the_story(question: str, section: OutlineSection) -> bool:
    """Whether a "What does the X do?" question's doer is one the section brought in as "a
    X" or "an X": a party of an example or story told there ("A backup application copies
    ... the backup application replaces ..."; "an empty pit ... the smaller pit"), not a
    concept a student can be asked about without that story."""
    match = _DOER_QUESTION.match(question)
    if not match:
        return False
    head = re.escape(match.group("head"))
    introduced = re.compile(rf"\b(?:[Aa]n?|[Aa]nother) (?:[\w-]+ ){{0,3}}{head}\b")
    return any(
        introduced.search(block.text) for block in section.blocks if isinstance(block, Paragraph)
    )


def _overlaps(sentence: str, at: int, phrase: str, avoid: list[str]) -> bool:
    """Whether ``phrase`` at ``at`` overlaps one of the ``avoid`` spans of the sentence."""
    for other in avoid:
        start = sentence.find(other)
        if start >= 0 and at < start + len(other) and start < at + len(phrase):
            return True
    return False
