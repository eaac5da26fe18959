"""Quiz cards drafted from an outline's lists and section structure.

A ``Term: explanation`` item is asked about its content (never "which heading is this?"), a
captioned list is recalled whole, a list with a sibling list gives multiple-choice cards
("which is one of", "which is NOT one of"), and a heading whose body is one short sentence is
asked what happens in it. Answers are the items' own text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from studyapp.cards import lexicon as lx
from studyapp.cards.descriptions import is_clause
from studyapp.cards.drafts import (
    ATTRIBUTE_TERMS,
    MAX_ANSWER,
    MAX_TYPED,
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
from studyapp.outline.lines import alphabetical
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


def list_cards(
    block: ItemList, section: OutlineSection, siblings: list[ItemList], parent_title: str = ""
) -> list[Draft]:
    """Cards from a list: a ``Term: explanation`` item asked by its content (a definition as
    "What is X?", an attribute as "What is the mechanism of X?"), recall of the whole list,
    and multiple choice against a sibling list ("Which of these is one of ...", "Which of
    these is NOT one of ...")."""
    drafts: list[Draft] = []
    own = block  # siblings are told apart from it by identity
    caption = re.sub(r"\s+(?:include|includes|are|is|consist of)$", "", block.caption)
    block = ItemList(block.items, block.line, caption, block.ordered)  # "Benefits include"
    long_caption = len(block.caption.split()) > 5
    context = block.caption if long_caption else list_context(block.caption, section.title)
    termed = [i for i in block.items if i.term]
    glossary = bool(_GLOSSARY.match(section.title.strip()) or _GLOSSARY.match(block.caption))
    dictionary = alphabetical([i.term for i in termed])
    for item in termed:
        draft = (glossary and _glossary_card(item.term, item.explanation, section)) or _item_card(
            item.term, item.explanation, section, parent_title
        )
        if draft is None and dictionary:
            draft = _entry_card(item.term, item.explanation, section)
        if draft is not None and dictionary and draft.key.startswith("term|"):
            draft = replace(draft, headword=True)
        if draft is not None:
            drafts.append(draft)
    names = [i.term for i in termed] if len(termed) == len(block.items) else []
    if any(name.lower() in ATTRIBUTE_TERMS for name in names) or (
        names and all(map(_everyday_label, names))
    ):
        names = []  # "Mechanism, Example", "Operation, Consideration": labels of notes
    if not names and not termed and all(is_name(i.text) for i in block.items):
        names = [i.text.rstrip(".") for i in block.items]
    if all(i.children for i in block.items):
        names = []  # "Readings", "Additional": labels of groups, the content is below them
    if 2 <= len(names) <= 8 and (block.caption or not termed):
        if long_caption:
            question = f"{block.caption}: name the {len(names)} points listed."
        elif block.caption and _plural_title(block.caption):
            question = f"Name the {re.sub(r'^(?:the|The) ', '', context)}."
        elif block.caption:  # "Regression:" heads its items, it is not their kind
            question = f"Name the {len(names)} points of {lower_first(block.caption)}."
        elif parent_title and parent_title != section.title:
            question = f"Name the {lower_first(section.title)} of {sentence_case(parent_title)}."
        elif _plural_title(section.title):
            question = f"Name the {len(names)} {lower_first(section.title)}."
        else:  # "Name the 4 Due Process." does not parse
            question = f"Name the {len(names)} points of {lower_first(section.title)}."
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
    others = [i.term for other in siblings if other is not own for i in other.items if i.term]
    # "Which of these is one of the ...?" needs a name for the list, not a clause ("Load
    # balancers can route traffic based on various metrics, including")
    if termed and len(others) >= 3 and _plural_title(block.caption) and not long_caption:
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
    odd = _odd_one_out(block, names, [s for s in siblings if s is not own], context, section.id)
    if odd is not None and not long_caption and (not caption or _plural_title(caption)):
        drafts.append(odd)
    return drafts


def _plural_title(title: str) -> bool:
    """Whether a title ends on a plural noun ("Corner cases", "Symptoms"), so that "Name the 4
    <title>" reads."""
    last = lx.WORD.findall(title)[-1:]
    return bool(last) and last[0].lower() != lx.lemma(last[0].lower())


def _item_card(term: str, explanation: str, section: OutlineSection, parent: str) -> Draft | None:
    """The card of one ``Term: explanation`` item, about its content: an attribute of the
    section's subject ("Mechanism: inhibits cell wall synthesis" under "Penicillins" -> "What
    is the mechanism of penicillins?"), a term defined by a noun phrase ("Osmosis: the
    diffusion of water ..." -> "What is osmosis?") or explained by a clause ("Eventual
    consistency - the system will become consistent ..." -> "What is meant by eventual
    consistency?", where "What is" would misread it); a bare note ("atenolol, metoprolol") under
    a label gives no card (asking for the label teaches the outline, not the subject)."""
    answer = first_sentence_within(explanation, MAX_ANSWER)
    if not answer or _asks(answer):
        return None  # "Theory lab: what is the function x(t) if ...?": an exercise, no fact
    owner = sentence_case(section.title if section.title else parent)
    attribute = term.lower()
    if attribute in ATTRIBUTE_TERMS and owner:
        if attribute.startswith("example") and is_clause(answer):
            return None  # "Example: Even if the meaning of the statute were not plain, ...":
            # a sample sentence to read, not a thing to name (4 of 4 such cards rated bad)
        plural = attribute.endswith("s") and not attribute.endswith("ss")
        question = (
            f"Name {'an example' if attribute == 'example' else attribute} of {owner}."
            if attribute.startswith("example")
            else f"What {'are' if plural else 'is'} the {attribute} of {owner}?"
        )
        key = f"term|{owner}|{term}"  # "Example" under two sections asks two things
        return Draft(CardType.BASIC, key, section.id, explanation, question, answer)
    if reveals(term, answer) or number_label(term) or _cross_reference(answer):
        return None
    defined = re.match(r"^(?:an?|the) [a-z]", answer) or (
        (re.match(r"^(?:An?|The) [a-z]", answer) or _described(answer))
        and not is_clause(answer)
        and "," not in term  # "lshw, lscpu, lspci": several things, not one term
    )
    meant = is_clause(answer) and _subject_first(answer) and _names(term)
    if (meant or defined) and _everyday_label(term) and not _ARTICLE_OPENING.match(answer):
        # "Leader: President, serving four-year terms" under "The Executive Branch": a
        # heading of notes, not a term ("What is leader?" was rated bad 13 times in 14);
        # a clause under it ("Maximum: we cannot create a matching with more edges") is a
        # remark, which no question asks for
        if meant:
            return None
        return _attribute_card(term, explanation, answer, owner, section.id)
    if meant:
        # "Eventual consistency - the system will become consistent ..."
        question = f"What is meant by {lower_first(term)}?"
        return Draft(CardType.BASIC, f"term|{term}", section.id, explanation, question, answer)
    if defined:
        name = lower_first(term)
        copula = lx.copula_for(name)
        if copula == "is" and _ONE_OF_A_KIND.match(answer) and _countable(name):
            # "Hopper: A wooden box on the House floor ..." asks "What is a hopper?": the
            # glossary's own article says the term is one of a kind ("What is hopper?" was
            # rated weak for it 20 times in a congressional glossary, round W4)
            name = f"{lx.indefinite_article(name)} {name}"
        question = f"What {copula} {name}?"
        return Draft(CardType.BASIC, f"term|{term}", section.id, explanation, question, answer)
    return None


def _countable(name: str) -> bool:
    """Whether a term may take "a": a lower-case phrase without a number whose last word is
    no plural ("algae", "criteria") nor one ending in -s ("diabetes", "physics", "news",
    "species"), which are mostly names of diseases, fields or mass nouns."""
    words = name.split()
    last = words[-1].lower() if words else ""
    return (
        name[:1].islower()
        and not any(w[:1].isupper() for w in words)  # "the Silurian system": a name's part
        and "theory" not in words  # "the labor theory of value"
        and not any(c.isdigit() for c in name)
        and last.isalpha()
        and not last.endswith("s")
        and not last.endswith(_MASS_ENDINGS)
        and lx.lemma(last) == last
    )


# endings of nouns mostly used without "a" ("convergence", "melanism", "granite") or of
# Latin plurals naming groups ("Cetacea", "Lemuridae"): such a term is asked bare
_MASS_ENDINGS = (
    *("ism", "ity", "ness", "ence", "ance", "ics", "ite", "tion", "sion"),
    *("ae", "ea", "ia", "ata", "aca", "ic", "money", "science", "ment", "ing"),
)


_ONE_OF_A_KIND = re.compile(r"^(?:an?)\s", re.IGNORECASE)  # "A vote that ...", "an agreement"
_ARTICLE_OPENING = re.compile(r"^(?:an?|the)\s", re.IGNORECASE)
# a section whose title names no subject that a note's label could be an attribute of
_NO_OWNER = re.compile(
    r"^(?:introduction|overview|background|summary|conclusions?|notes|key points)$", re.I
)


def _everyday_label(term: str) -> bool:
    """Whether an item's label is one everyday noun ("Leader", "Structure", "Powers"): in
    notes, a heading of what follows it, which the student does not learn as a term."""
    words = lx.WORD.findall(term)
    if len(words) != 1 or words[0] != term.strip() or not words[0].isalpha():
        return False
    word = words[0].lower()
    return lx.is_familiar(word) and "NOUN" in lx.parts_of_speech(word)


def number_label(term: str) -> bool:
    """Whether an item's label holds a number of its own ("7500 BCE", "2.10 -- December
    2000", "phase 1"): a date, a version or a step of the notes, not a term ("What is 7500
    BCE?": all 15 such cards rated blind were bad). A number inside a word ("COVID-19",
    "IPv6") is part of a name."""
    label = term.strip()
    return bool(_NUMBER_FIRST.match(label) or _NUMBER_LAST.search(label) or _ORDINAL.search(label))


# a number opening the label ("7500 BCE", "1990s", "10x"), closing it ("phase 1"), or an
# ordinal in figures ("second half of 1st millennium"); not one inside a name ("COVID-19",
# "Type 2 diabetes")
_NUMBER = r"\d+(?:[.,:–-]\d+)*"
_NUMBER_FIRST = re.compile(rf"^{_NUMBER}(?:s|x)?(?![\w-])")
_NUMBER_LAST = re.compile(rf"(?<![\w.-]){_NUMBER}$")
_ORDINAL = re.compile(r"(?<![\w.-])\d+(?:st|nd|rd|th)\b")


def _attribute_card(
    term: str, explanation: str, answer: str, owner: str, section_id: str
) -> Draft | None:
    """An everyday label's card, asked of its section's subject: "Leader: President" under
    "The Executive Branch" -> "What is the leader of the executive branch?"; none where the
    section names no subject ("Introduction") or its title holds the label already ("Structure"
    under "The Structure of the Government": the title gives the question away)."""
    attribute = term.strip().lower()
    if not owner or _NO_OWNER.match(owner.strip()) or lx.stem(attribute) in lx.stems(owner):
        return None
    plural = attribute != lx.lemma(attribute)
    subject = lower_first(owner)
    question = f"What {'are' if plural else 'is'} the {attribute} of {subject}?"
    return Draft(CardType.BASIC, f"term|{owner}|{term}", section_id, explanation, question, answer)


_SEE_ALSO = re.compile(r"^(?:see|cf\.?|=)\s|\bq\.\s?v\b|;\s*see\s", re.IGNORECASE)


def _cross_reference(answer: str) -> bool:
    """Whether an explanation sends the reader to another entry ("see mimicry", "= Mecoptera,
    q.v.", "of pronotum in Orthoptera; see lobes"): a glossary's pointer, not a meaning."""
    return bool(_SEE_ALSO.search(answer))


def _described(answer: str) -> bool:
    """Whether an explanation without an article is still a description of its term: a
    phrase of :data:`MIN_GLOSS_WORDS` words or more opening on a noun or an adjective, then
    words that go on describing it ("Percentage of correct predictions made by the model",
    "Unsupervised grouping of data into buckets"), not a verb ("Allows ...") or a bare word
    or two ("Tradition": a link list's label)."""
    words = lx.WORD.findall(answer)
    if len(words) < MIN_GLOSS_WORDS or not answer[:1].isalpha():
        return False
    first = words[0].lower()
    said = lx.parts_of_speech(first)
    if not said or ("VERB" in said and not first.endswith("ing")) or "ADV" in said:
        return False  # "Allows ...", "Often when we ...": not a description
    describing = "NOUN" in said or "ADJ" in said  # "Percentage of ...", "Unsupervised ..."
    return describing and first not in lx.FUNCTION_WORDS and first not in _PREPOSITION_LIKE


_PREPOSITION_LIKE = lx.wordset("like unlike despite except")  # the word table calls them ADJ


_QUESTION_OPENERS = lx.wordset("what which who whom whose why how when where whether")


def _asks(text: str) -> bool:
    """Whether an explanation is a question (an exercise's prompt), not a statement."""
    first = lx.WORD.search(text)
    return text.rstrip().endswith("?") or bool(first and first[0].lower() in _QUESTION_OPENERS)


_SUBJECT_OPENERS = lx.wordset("the a an each every all any no some most many its their")


def _subject_first(clause: str) -> bool:
    """Whether a clause opens on its subject ("Every request receives ...", "parents place
    ..."), not on a verb ("is the time to ...", "Enable tools ..."): only then does it say
    what a term means."""
    first = lx.WORD.findall(clause)[:1]
    if not first:
        return False
    word = first[0].lower()
    said = lx.parts_of_speech(word)
    return clause[:1].isalpha() and (
        word in _SUBJECT_OPENERS or ("VERB" not in said and "NOUN" in said)
    )


def _names(term: str) -> bool:
    """Whether a list item's term names a thing ("Atomicity", "Session persistence"), not an
    action ("Allows for asynchronous processing", "Compare ..."), a title or an example."""
    words = [w.lower() for w in lx.WORD.findall(term)]
    return (
        bool(words)
        and "VERB" not in lx.parts_of_speech(words[0])
        and words[0] not in ("the", "a", "an")  # a title ("The Linux Command Line")
        and "example" not in words  # "An example of regularization": a pointer, not a term
    )


# a list of the text's terms with what each means: a book's glossary, a lesson's key terms
_GLOSSARY = re.compile(
    r"^(?:glossary|key terms?|key words|terms to know|vocabulary|definitions|terminology"
    r"|important terms)\W*$",
    re.IGNORECASE,
)
MIN_GLOSS_WORDS = 4  # "a form of money" names no one term
_SUBORDINATE_OPENING = re.compile(
    r"^(?:If|When|Whenever|Where|Although|Though|As|Since|While|Unless|Because|In|On|At|By"
    r"|For)\b"
)


def _entry_card(term: str, explanation: str, section: OutlineSection) -> Draft | None:
    """A dictionary's entry that :func:`_item_card` does not read as a definition ("NAUTICAL.
    Relating to navigation ...", "NEGROHEAD. Hard-rolled tobacco."): in a list of terms in
    alphabetical order, every explanation is its term's meaning, whatever its grammar, so it
    is asked "What is meant by X?"; not one that opens on a circumstance ("NECESSITY. If a
    ship be compelled ...": a case, not the meaning) or asks something."""
    answer = first_sentence_within(explanation, MAX_ANSWER)
    if not answer or _asks(answer) or reveals(term, answer) or _SUBORDINATE_OPENING.match(answer):
        return None
    if number_label(term) or _cross_reference(answer):
        return None
    question = f"What is meant by {lower_first(term)}?"
    return Draft(CardType.BASIC, f"term|{term}", section.id, explanation, question, answer)


def _glossary_card(term: str, explanation: str, section: OutlineSection) -> Draft | None:
    """A glossary entry asks for its term from what it means ("deregulation: removing
    government controls over setting prices ..." -> "What is the term for removing government
    controls over setting prices ...?"): the author wrote the definition to name that one
    term, in any grammatical shape. A term too long to type is asked the other way round
    (:func:`_item_card`). The key is that of the same card made from the text's own
    definition, so a term the text defines is asked once."""
    meaning = first_sentence_within(explanation, MAX_ANSWER).split(";")[0].strip()
    meaning = re.sub(r"^\([^)]*\)\s*", "", meaning)  # "(also, pallium) specialized ..."
    name = re.sub(r"\s*\([^)]*\)$", "", term).strip()
    if (
        not meaning
        or is_clause(meaning)  # "parents make few demands": "What is the term for" it misreads
        or len(meaning.split()) < MIN_GLOSS_WORDS
        or len(name) > MAX_TYPED
        or len(name.split()) > 3
        or reveals(name, meaning)
    ):
        return None
    question = f"What is the term for {_with_article(lower_first(meaning))}?"
    key = f"name-term|{lower_first(name)}"
    return Draft(CardType.TYPED, key, section.id, explanation, question, name)


def _with_article(meaning: str) -> str:
    """A glossary's definition as a noun phrase in a question: glossaries drop the article
    ("cavity present above the mouth"), a question keeps it ("the cavity present above the
    mouth"); "the" fits a countable or a mass noun alike."""
    first = lx.WORD.findall(meaning)[:1]
    if not first or lx.is_function_word(first[0]) or first[0].lower().endswith("ing"):
        return meaning  # "a gas ...", "any exogenous substance", "removing government ..."
    word = first[0]
    modifier = "ADJ" in lx.parts_of_speech(word) or word.endswith(("ed", "ly"))  # "specialized"
    if not (lx.can_be_noun(word) or modifier):
        return meaning
    return f"the {meaning}"


def _odd_one_out(
    block: ItemList, names: list[str], siblings: list[ItemList], context: str, section_id: str
) -> Draft | None:
    """A "which of these is NOT one of the <list>?" card: three of the list's names and one of a
    sibling list (the same kind of thing, never also on this list)."""
    if len(names) < 3 or not block.caption:
        return None
    own = {n.casefold() for n in names}
    outside = [
        name
        for other in siblings
        if not any(i.term.lower() in ATTRIBUTE_TERMS for i in other.items if i.term)
        for name in (i.term or i.text.rstrip(".") for i in other.items)
        if is_name(name) and name.casefold() not in own
    ]
    if not outside:
        return None
    answer = outside[digest(block.caption + "not") % len(outside)]
    shown = sorted(names, key=lambda n: (digest(block.caption + n), n))[:3]
    return Draft(
        CardType.CHOICE,
        f"not-one-of|{block.caption}",
        section_id,
        block.caption,
        question=f"Which of these is NOT one of the {context}?",
        answer=answer,
        distractors=tuple(shown),
    )


def heading_card(section: OutlineSection, parent_title: str) -> Draft | None:
    """A short heading whose whole body is one short sentence names a stage and what happens
    in it ("Systole: The ventricles contract and eject blood." under "Cardiac Cycle"): "What
    happens in systole?"."""
    paragraphs = section.paragraphs
    if section.lists or len(paragraphs) != 1 or not parent_title or not section.title:
        return None
    sentences = split_sentences(paragraphs[0].text)
    if len(sentences) != 1 or len(sentences[0].split()) > 25 or len(section.title.split()) > 3:
        return None
    if re.search(r"\b(?:of|and|for|in|on|about|to|with|from|at|by|vs)\b", section.title, re.I):
        return None  # "Site of Action", "Notes on electronegativity": a topic, not a stage
    first = section.title.split()[0]
    if "VERB" in lx.parts_of_speech(first) and lx.verb_lemma(first) == first.lower():
        return None  # "use NTLMv2", "Add IDN support": a task of a to-do list, not a stage
    answer = sentences[0].rstrip(".").strip()
    if reveals(section.title, answer) or len(answer) > MAX_ANSWER or definitions(answer):
        return None  # a definition has its own cards
    return Draft(
        CardType.BASIC,
        f"heading|{section.title}",
        section.id,
        sentences[0],
        question=f"What happens in {lower_first(sentence_case(section.title))}?",
        answer=answer,
    )
