"""Quiz cards drafted from the sentences of one outline section.

Every answer, list item and cloze deletion is a verbatim piece of the source (see
:mod:`studyapp.text_facts`); only the question wording is made here. Each draft carries a
``key`` naming what it asks (the term, the acronym, the hidden phrase), from which the
generator derives a stable card id: editing another sentence never changes it.
"""

from __future__ import annotations

from studyapp import text_facts as tf
from studyapp.card_drafts import (
    MAX_ANSWER,
    MAX_QUESTION_QUOTE,
    MAX_TYPED,
    DocContext,
    Draft,
    digest,
    is_name,
    lower_first,
    reveals,
)
from studyapp.model import CardType
from studyapp.outline import OutlineSection, Paragraph
from studyapp.sentences import normalise_space, split_sentences


def paragraph_sentences(section: OutlineSection, ctx: DocContext) -> list[tuple[str, str]]:
    """``(verbatim sentence, standalone sentence)`` pairs of the section's paragraphs;
    sentences leaning on an unknown referent are left out."""
    out: list[tuple[str, str]] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            texts = split_sentences(block.text)
        else:  # sentence-like list items ("Lidocaine is an amide.") are sentences too
            texts = [i.text for i in block.items if not i.term and not is_name(i.text)]
        previous = section.title
        for sentence in texts:
            standalone = tf.resolve_pronoun(sentence, ctx.subject, previous)
            if standalone:
                out.append((sentence, standalone))
            previous = sentence
    return out


def sentence_cards(
    section: OutlineSection, ctx: DocContext, hidden: set[str] | None = None, titles: str = ""
) -> list[Draft]:
    """Cards from the section's sentences: acronyms, definitions, examples and one cloze each."""
    drafts: list[Draft] = []
    clozes: list[tuple[str, list[tuple[str, str]]]] = []
    for sentence, standalone in paragraph_sentences(section, ctx):
        drafts.extend(_acronym_cards(sentence, section.id))
        found = tf.definitions(standalone)
        for definition in found:
            drafts.extend(_definition_cards(definition, sentence, section.id, ctx))
        listed = tf.enumeration(standalone)
        if listed and len(listed[0].split()) >= 3:
            lead_in, items = listed
            drafts.append(
                Draft(
                    CardType.LIST,
                    f"examples|{lead_in}",
                    section.id,
                    sentence,
                    question=f"{lead_in}: name the examples the text gives.",
                    items=tuple(items),
                )
            )
        for relation in tf.relations(standalone):
            drafts.extend(_relation_cards(relation, sentence, section.id))
        if not found and len(standalone.split()) >= 8:
            avoid = listed[1] if listed else []
            options = _clozes(standalone, ctx, avoid, titles or section.title, section.title)
            clozes.append((sentence, options))
    hidden = set() if hidden is None else hidden  # phrases already hidden in this deck
    for draft in drafts:  # what a definition or abbreviation card already asks for
        if draft.key.startswith(("define|", "stands-for|")):
            hidden.add(draft.key.split("|", 1)[1].casefold())
        if draft.key.startswith("stands-for|"):
            hidden.add(draft.answer.casefold())
    for rounds in (1, 2):
        if rounds == 2 and len(drafts) >= 2:
            break  # a second phrase per sentence only when the section has too few cards
        for sentence, options in clozes:
            fresh = [o for o in options if o[0].casefold() not in hidden]
            if fresh:
                hidden.add(fresh[0][0].casefold())
                drafts.append(_cloze_draft(fresh[0], sentence, section.id))
    if section.title:
        drafts.extend(_acronym_cards(section.title, section.id))
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
    subject = lower_first(definition.subject)
    shown = subject
    if subject in ctx.acronyms and ctx.acronyms[subject] not in sentence:
        shown = f"{subject} ({ctx.acronyms[subject]})"
    drafts: list[Draft] = []
    answer = definition.definition
    if len(answer) <= MAX_ANSWER:
        question = (
            f"What does {shown} refer to?"
            if definition.verb.startswith("refer")
            else f"What {definition.verb} {shown}?"
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
        if ctx.defined_terms[t] != topic and not _same_term(t, definition.subject, ctx)
    ][:3]
    quote = answer if len(answer) <= MAX_QUESTION_QUOTE else ""
    if len(distractors) == 3 and quote and not reveals(definition.subject, quote):
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
    sentence: str, ctx: DocContext, avoid: list[str], titles: str, own_title: str = ""
) -> list[tuple[str, str]]:
    """``(hidden phrase, cloze text)`` options for a sentence, best key phrase first."""
    out: list[tuple[str, str]] = []
    for score, phrase in ctx.scorer.candidates(sentence, titles, own_title):
        at = sentence.find(phrase)
        if score <= 0.8 or tf.is_generic(phrase) or _overlaps(sentence, at, phrase, avoid):
            continue
        out.append((phrase, f"{sentence[:at]}{{{{c1::{phrase}}}}}{sentence[at + len(phrase) :]}"))
    return out


def _cloze_draft(option: tuple[str, str], sentence: str, section_id: str) -> Draft:
    """The draft of one cloze option."""
    phrase, text = option
    return Draft(CardType.CLOZE, f"cloze|{phrase}", section_id, sentence, text=text)


def _overlaps(sentence: str, at: int, phrase: str, avoid: list[str]) -> bool:
    """Whether ``phrase`` at ``at`` overlaps one of the ``avoid`` spans of the sentence."""
    for other in avoid:
        start = sentence.find(other)
        if start >= 0 and at < start + len(other) and start < at + len(phrase):
            return True
    return False
