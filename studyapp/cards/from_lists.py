"""Quiz cards drafted from an outline's lists and section structure.

``Term: explanation`` items are asked both ways, a captioned list is recalled whole, a list
with a sibling list gives a multiple-choice card, and a heading whose body is one short
sentence is asked like a ``Term: explanation`` item. Answers are the items' own text.
"""

from __future__ import annotations

import re

from studyapp.cards.drafts import (
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
from studyapp.cards.text_facts import definitions
from studyapp.model import CardType
from studyapp.outline.nodes import ItemList, OutlineSection
from studyapp.outline.sentences import split_sentences


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


def which_one(context: str) -> str:
    """``advantages of ketamine as an anesthetic`` -> ``which advantage of ketamine as an
    anesthetic is this?``; a context that is no plural noun asks for the term under it."""
    head, sep, rest = _split_head(context)
    last = head.split()[-1] if head.split() else ""
    if last.lower().endswith("s") and not last.lower().endswith(("ss", "us", "is")):
        singular = head[:-3] + "y" if last.lower().endswith("ies") else head[:-1]
        return f"which {lower_first(singular)}{sep}{rest} is this?"
    return f"which term under “{context}” is this?"


def _sentence_like(text: str) -> bool:
    """Whether an item's explanation is a sentence about the term ("Ketamine maintains
    cardiovascular stability, ...") rather than a bare note ("atenolol, metoprolol")."""
    return text[:1].isupper() and len(text.split()) >= 5


def _split_head(context: str) -> tuple[str, str, str]:
    """``(head, separator, rest)`` of ``advantages of X`` or ``Side effects (X)``."""
    match = re.search(r" of | \(", context)
    if not match:
        return context, "", ""
    return context[: match.start()], match.group(0), context[match.end() :]


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
                        else f"{heading} — what is “{item.term}”?"
                        if _sentence_like(explanation)
                        else f"{heading} — what does the text say about “{item.term}”?"
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
                    question=(
                        f"“{explanation}” — {which_one(context)}"
                        if _sentence_like(explanation)
                        else f"“{explanation}” — which term under “{context}” does this describe?"
                    ),
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


def heading_card(section: OutlineSection, parent_title: str) -> Draft | None:
    """A heading whose whole body is one short sentence is a term and its explanation
    ("Systole: The ventricles contract and eject blood." under "Cardiac Cycle"): ask for it
    like a ``Term: explanation`` item."""
    paragraphs = section.paragraphs
    if section.lists or len(paragraphs) != 1 or not parent_title or not section.title:
        return None
    sentences = split_sentences(paragraphs[0].text)
    if len(sentences) != 1 or len(sentences[0].split()) > 25 or len(section.title.split()) > 5:
        return None
    answer = sentences[0].rstrip(".").strip()
    if reveals(section.title, answer) or len(answer) > MAX_ANSWER or definitions(answer):
        return None  # a definition has its own cards
    return Draft(
        CardType.BASIC,
        f"heading|{section.title}",
        section.id,
        sentences[0],
        question=f"{parent_title} — {sentence_case(section.title)}?",
        answer=answer,
    )
