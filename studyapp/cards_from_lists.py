"""Quiz cards drafted from an outline's lists and section structure.

``Term: explanation`` items are asked both ways, a captioned list is recalled whole, a list
with a sibling list gives a multiple-choice card, and a section's subsections are recalled by
title. Answers are the items' own text.
"""

from __future__ import annotations

import re

from studyapp.card_drafts import (
    ATTRIBUTE_TERMS,
    MAX_ANSWER,
    Draft,
    digest,
    first_sentence_within,
    is_name,
    lower_first,
    reveals,
    sentence_case,
)
from studyapp.model import CardType
from studyapp.outline import ItemList, OutlineSection


def list_context(caption: str, title: str) -> str:
    """What a list is about: ``Advantages`` under ``Advantages and Limitations of X`` gives
    ``advantages of X``; otherwise the caption and the section title."""
    match = re.match(r"^(.+?) and (.+?) (of|for|in) (.+)$", title)
    if caption and match and caption.lower() in (match.group(1).lower(), match.group(2).lower()):
        return sentence_case(f"{caption} {match.group(3)} {match.group(4)}")
    if caption.lower() in ATTRIBUTE_TERMS:
        return f"{caption.lower()} of {lower_first(title)}"
    if caption:
        return f"{sentence_case(caption)} ({title})"
    return sentence_case(title)


def list_cards(block: ItemList, section: OutlineSection, siblings: list[ItemList]) -> list[Draft]:
    """Cards from a list: each ``Term: explanation`` both ways, recall of the whole list, and
    multiple choice against a sibling list's terms."""
    drafts: list[Draft] = []
    long_caption = len(block.caption.split()) > 5
    context = block.caption if long_caption else list_context(block.caption, section.title)
    heading = context[:1].upper() + context[1:]
    termed = [i for i in block.items if i.term]
    for item in termed:
        explanation = first_sentence_within(item.explanation, MAX_ANSWER)
        attribute = item.term.lower() in ATTRIBUTE_TERMS
        if explanation:
            drafts.append(
                Draft(
                    CardType.BASIC,
                    f"term|{item.term}",
                    section.id,
                    item.explanation,
                    question=(
                        f"{heading} — {item.term.lower()}?"
                        if attribute
                        else f"{heading}: what is meant by “{item.term}”?"
                    ),
                    answer=explanation,
                )
            )
        if explanation and not attribute and not reveals(item.term, explanation):
            drafts.append(
                Draft(
                    CardType.BASIC,
                    f"term-name|{item.term}",
                    section.id,
                    item.explanation,
                    question=f"{heading}: which term is described here: “{explanation}”?",
                    answer=item.term,
                )
            )
    names = [i.term for i in termed] if len(termed) == len(block.items) else []
    if any(name.lower() in ATTRIBUTE_TERMS for name in names):
        names = []  # "Mechanism, Example" is not a list worth recalling
    if not names and not termed and all(is_name(i.text) for i in block.items):
        names = [i.text.rstrip(".") for i in block.items]
    if 2 <= len(names) <= 8:
        if long_caption:
            question = f"{block.caption}: name the {len(names)} points listed."
        elif block.caption:
            question = f"Name the {context}."
        else:
            question = f"Name the items listed under “{section.title}”."
        drafts.append(
            Draft(
                CardType.LIST,
                f"list|{block.caption or section.title}",
                section.id,
                block.caption or section.title,
                question=question,
                items=tuple(names),
                ordered=block.ordered,
            )
        )
    others = [i.term for other in siblings if other is not block for i in other.items if i.term]
    if termed and len(others) >= 3 and block.caption:
        item = termed[digest(block.caption) % len(termed)]
        drafts.append(
            Draft(
                CardType.CHOICE,
                f"choice|{block.caption}",
                section.id,
                item.explanation,
                question=f"Which of these is one of the {context}?",
                answer=item.term,
                distractors=tuple(others[:3]),
            )
        )
    return drafts


def subtopic_card(section: OutlineSection) -> Draft | None:
    """For a section with 2-6 subsections: recall the subsections' titles."""
    titles = [child.title for child in section.children]
    if not 2 <= len(titles) <= 6 or section.lead:
        return None
    return Draft(
        CardType.LIST,
        f"subtopics|{section.title}",
        section.id,
        section.title,
        question=f"“{section.title}”: which {len(titles)} subtopics does the text cover?",
        items=tuple(titles),
    )
