"""Quiz cards drafted from one outline section: its sentences, its lists, its subsections.

Every answer, list item and cloze deletion is a verbatim piece of the source (see
:mod:`studyapp.text_facts`); only the question wording is made here. Each draft carries a
``key`` naming what it asks (the term, the acronym, the hidden phrase), from which the
generator derives a stable card id: editing another sentence never changes it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from studyapp import text_facts as tf
from studyapp.model import CardType
from studyapp.outline import ItemList, OutlineSection, Paragraph
from studyapp.sentences import normalise_space, split_sentences

MAX_ANSWER = 200  # characters; a card asks for one fact, not a paragraph
MAX_TYPED = 60
MAX_QUESTION_QUOTE = 220


@dataclass(slots=True)
class Draft:
    """A card before it has an id: its type, what it asks and the source sentence."""

    type: CardType
    key: str
    section: str
    source: str
    question: str = ""
    answer: str = ""
    text: str = ""
    items: tuple[str, ...] = ()
    ordered: bool = False
    distractors: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()


@dataclass(slots=True)
class DocContext:
    """What the card maker knows about the whole document."""

    subject: str  # the main subject ("ketamine"), never hidden in a cloze
    scorer: tf.PhraseScorer
    acronyms: dict[str, str] = field(default_factory=dict)  # short -> expansion
    # defined term -> id of the top-level topic defining it (multiple-choice distractors)
    defined_terms: dict[str, str] = field(default_factory=dict)


def sentence_case(title: str) -> str:
    """A title made readable inside a sentence: ``Advantages of Ketamine`` -> ``advantages
    of ketamine`` (acronyms and words with inner capitals are kept)."""
    out = []
    for word in title.split():
        if word[:1].isupper() and word[1:] == word[1:].lower() and not word[1:2].isdigit():
            out.append(word[:1].lower() + word[1:])
        else:
            out.append(word)
    return " ".join(out)


def _lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym or has inner capitals,
    or the text is a capitalised name (``Complex Regional Pain Syndrome``)."""
    first = text.split(" ", 1)[0]
    later = [w for w in text.split()[1:] if len(w) > 3 and w[:1].isalpha()]
    if first[1:] != first[1:].lower() or (later and all(w[0].isupper() for w in later)):
        return text
    return text[:1].lower() + text[1:]


def _digest(text: str) -> int:
    """A stable integer from text (deterministic choices, no randomness)."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=4).digest(), "big")


def _stem(word: str) -> str:
    return word.lower()[:6]


def _reveals(term: str, text: str) -> bool:
    """Whether ``text`` gives ``term`` away (the whole term, or every longer word's stem)."""
    lowered = text.lower()
    if term.lower() in lowered:
        return True
    long_words = [w for w in tf.words(term) if len(w) >= 5]
    return bool(long_words) and all(_stem(w) in lowered for w in long_words)


def list_context(caption: str, title: str) -> str:
    """What a list is about: ``Advantages`` under ``Advantages and Limitations of X`` gives
    ``advantages of X``; otherwise the caption and the section title."""
    match = re.match(r"^(.+?) and (.+?) (of|for|in) (.+)$", title)
    if caption and match and caption.lower() in (match.group(1).lower(), match.group(2).lower()):
        return sentence_case(f"{caption} {match.group(3)} {match.group(4)}")
    if caption.lower() in ATTRIBUTE_TERMS:
        return f"{caption.lower()} of {_lower_first(title)}"
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
        explanation = _first_sentence_within(item.explanation, MAX_ANSWER)
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
        if explanation and not attribute and not _reveals(item.term, explanation):
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
    if not names and not termed and all(_is_name(i.text) for i in block.items):
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
        item = termed[_digest(block.caption) % len(termed)]
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


ATTRIBUTE_TERMS = frozenset(
    [
        "mechanism", "mechanism of action", "example", "examples", "toxicity", "use", "uses",
        "dose", "dosage", "indication", "indications", "side effects", "adverse effects",
        "contraindication", "contraindications", "definition", "cause", "causes", "symptom",
        "symptoms", "treatment", "function", "location", "type", "types", "class", "action",
        "onset", "duration", "half-life", "route", "metabolism", "excretion", "target",
        "effect", "effects", "risk", "risks", "note", "signs", "diagnosis", "prognosis",
    ]
)  # fmt: skip


def _is_name(text: str) -> bool:
    """Whether a list item is a short name rather than a sentence (a list worth recalling)."""
    words = text.rstrip(".").split()
    return 0 < len(words) <= 6 and not any(w in ("is", "are", "was", "were") for w in words)


def _first_sentence_within(text: str, limit: int) -> str:
    """``text`` (without its final period) when short enough, else its first sentence."""
    text = text.strip()
    if len(text) > limit:
        first = split_sentences(text)
        text = first[0] if first else ""
    text = text.rstrip(".").strip()
    return text if 0 < len(text) <= limit else ""


def paragraph_sentences(section: OutlineSection, ctx: DocContext) -> list[tuple[str, str]]:
    """``(verbatim sentence, standalone sentence)`` pairs of the section's paragraphs;
    sentences leaning on an unknown referent are left out."""
    out: list[tuple[str, str]] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            texts = split_sentences(block.text)
        else:  # sentence-like list items ("Lidocaine is an amide.") are sentences too
            texts = [i.text for i in block.items if not i.term and not _is_name(i.text)]
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
    x = _lower_first(relation.x)
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
                question=f"What is the abbreviation for “{_lower_first(expansion)}”?",
                answer=acronym.short,
            )
        )
    return drafts


def _definition_cards(
    definition: tf.Definition, sentence: str, section_id: str, ctx: DocContext
) -> list[Draft]:
    """What X is (or refers to), what characterizes it, and which term fits the definition."""
    subject = _lower_first(definition.subject)
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
        for t in sorted(ctx.defined_terms, key=lambda t: (_digest(subject + t), t))
        if ctx.defined_terms[t] != topic and not _same_term(t, definition.subject, ctx)
    ][:3]
    quote = answer if len(answer) <= MAX_QUESTION_QUOTE else ""
    if len(distractors) == 3 and quote and not _reveals(definition.subject, quote):
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
