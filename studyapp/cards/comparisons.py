"""Comparison cards: two terms of one kind, told apart by what the text says of each.

When a deck defines two terms as the same kind of thing ("Depth-first search is a graph
traversal algorithm which explores as far as possible along each branch ..." and
"Breadth-first search is a graph traversal algorithm which starts at a node ..."), a teacher
asks how they differ; the answer is what sets each apart, each part in the text's own words
(the definition past the kind they share).
"""

from __future__ import annotations

import re

from studyapp.cards import lexicon as lx
from studyapp.cards import text_facts as tf
from studyapp.cards.drafts import Draft
from studyapp.model import CardType

MAX_COMPARISON = 320  # characters of the answer: two short definitions, not two paragraphs
SEPARATOR = "; "  # between the two parts of an answer: "A: what A is; B: what B is"
_RELATIVE = re.compile(r"^(?:which|that|who|where)\s+", re.IGNORECASE)
_DEFINE = "define|"


def comparison_cards(drafts: list[Draft]) -> list[Draft]:
    """A "how do they differ?" card for each pair of terms the drafts define as one kind (in
    the order they are defined; each term in at most one pair), asked in the later term's
    section."""
    by_kind: dict[str, list[Draft]] = {}
    names: set[str] = set()
    for draft in drafts:
        if not draft.key.startswith(_DEFINE) or draft.type is not CardType.BASIC:
            continue
        name = draft.key.removeprefix(_DEFINE)
        kind = tf.kind_of(draft.answer)
        if name in names or not kind or lx.is_vague(kind) or not lx.can_be_noun(kind):
            continue
        names.add(name)
        by_kind.setdefault(kind, []).append(draft)
    cards: list[Draft] = []
    for kind, group in by_kind.items():
        for first, second in zip(group[0::2], group[1::2], strict=False):
            card = _comparison(first, second, kind)
            if card is not None:
                cards.append(card)
    return cards


def _comparison(first: Draft, second: Draft, kind: str) -> Draft | None:
    """The card telling ``first`` from ``second``, or ``None`` when either definition says
    nothing past its kind or the answer would be too long to recall."""
    a, b = first.key.removeprefix(_DEFINE), second.key.removeprefix(_DEFINE)
    if a.casefold() == b.casefold() or a.casefold() in b.casefold() or b in a:
        return None  # "pain" and "chronic pain": one contains the other
    parts = [differentia(first.answer, kind), differentia(second.answer, kind)]
    if not all(parts):
        return None
    answer = SEPARATOR.join(f"{name}: {part}" for name, part in zip((a, b), parts, strict=True))
    if len(answer) > MAX_COMPARISON:
        return None
    question = f"How does {a} differ from {b}?"
    return Draft(
        CardType.BASIC, f"compare|{a}|{b}", second.section, second.source, question, answer
    )


def differentia(definition: str, kind: str) -> str:
    """What a definition says past the kind it names ("a graph traversal algorithm which
    explores ..." -> "explores ..."), verbatim; the whole definition when the kind is not
    named in it ("a type of chronic pain ..." of a condition); ``""`` when nothing follows."""
    match = re.search(rf"\b{re.escape(kind)}s?\b", definition, re.IGNORECASE)
    if match is None:
        rest = definition.strip()
    else:
        rest = _RELATIVE.sub("", definition[match.end() :].strip(" ,"))
        if rest and lx.is_function_word(rest.split()[0]):
            rest = definition[match.start() :]  # "collection of data items ...": keep the kind
    return rest if len(rest.split()) >= 3 else ""
