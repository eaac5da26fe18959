"""Cards from the questions a text asks and answers itself: FAQ headings, catechisms, Q/A.

Such a question is the card its author meant: a FAQ's heading ("Why do my HTTP range
requests return the full document?") is answered by the section's first sentence, and a
question marked ``Q.`` / ``Question:`` (a catechism, a review sheet) by the paragraph marked
``A.`` / ``Answer:`` after it, whether the question is a heading or a paragraph. A marked
answer may be short ("What is a male lay Buddhist called?" -> "An Upasaka"): the author
wrote it as the whole answer, where an unmarked short first sentence is often a fragment.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from studyapp.cards import lexicon as lx
from studyapp.cards.drafts import MAX_ANSWER, Draft
from studyapp.model import CardType
from studyapp.outline.lines import ANSWER_MARK as _ANSWER_MARK
from studyapp.outline.lines import QUESTION_MARK as _QUESTION_MARK
from studyapp.outline.nodes import Block, ItemList, ListItem, OutlineSection, Paragraph
from studyapp.outline.sentences import normalise_space, split_sentences

_ASKING_TITLE = re.compile(r"^(?:What(?! about)|Why|How|When|Where|Who|Which)\b[^?]{6,120}\?$")
_EXPLAINS = re.compile(r"^(?:How|Why)\b")
_BULLET_MARK = re.compile(r"^[.·•▪]\s+")  # ". sets up the government": a bullet set as a stop
_PLACEHOLDER = re.compile(r"\b(?:XXX+|[XYZ])\b")  # "version Y", "code XXX": no one question
_MAX_WORDS = 35
_MIN_WORDS = 4  # an unmarked first sentence shorter than this is mostly a fragment ("Yes.")
_NO_ANSWER = ("yes", "no", "see", "visit", "here's", "note", "certainly", "there")


def title_question_card(section: OutlineSection) -> Draft | None:
    """A section titled with a question ("Why do my HTTP range requests return the full
    document?", "What is libcurl?", "Q. What is Buddhism?") is answered by its first
    sentence, verbatim: the card a FAQ or a question-headed chapter was written to give. Not
    a yes/no question, a title with a placeholder, or an answer that is a fragment ("Yes.",
    "Here's a rough ...", "There are several common types ..."), too long, or a pointer
    elsewhere ("See ...")."""
    title = normalise_space(section.title)
    paragraphs = section.paragraphs
    if not paragraphs:
        return None
    marked = bool(_QUESTION_MARK.match(title))
    title = _QUESTION_MARK.sub("", title)
    some = _ASKS_FOR_SOME.search(title)
    if some and some.group("count") and _COUNTS[some.group("count").lower()] > 1:
        return None  # "What are two rights ...?": its first line names one, as an item
    card = _card(title, paragraphs[0].text, marked, section.id, "title-question")
    # a "How"/"Why" heading is explained by its section, seldom by a long first sentence
    # alone ("How does a heap compare to regular trees?" -> "A heap is not a replacement for
    # a binary search tree, ..."); a short one answers it ("because of high taxes")
    if card and not marked and _EXPLAINS.match(title) and len(card.answer.split()) > 8:
        card = replace(card, key=card.key.replace("title-question|", "heading-how|", 1))
    return card


def qa_pair_cards(section: OutlineSection) -> list[Draft]:
    """A paragraph marked as a question ("Q: What does DNS resolve?") followed by one marked
    as its answer ("A: Names to addresses.") is a card, in a review sheet as in a catechism."""
    drafts: list[Draft] = []
    unmarked = len(prose_questions(section)) >= MIN_PROSE_PAIRS
    for asking, answering in itertools.pairwise(section.blocks):
        if not isinstance(answering, Paragraph):
            continue
        text = marked_question(asking)
        if text and _ANSWER_MARK.match(answering.text):
            question = _QUESTION_MARK.sub("", text)
        elif unmarked and isinstance(asking, Paragraph) and _prose_question(asking.text):
            question = _prose_question(asking.text)  # answered by the paragraph after it
            if _prose_question(answering.text):
                continue
        else:
            continue
        card = _card(question, answering.text, True, section.id, "qa-pair", text == question)
        if card is not None:
            drafts.append(card)
    return drafts


MIN_PROSE_PAIRS = 2  # unmarked questions each answered by the next paragraph: a catechism


def prose_questions(section: OutlineSection) -> dict[str, bool]:
    """The section's paragraphs that are questions, each followed by a paragraph that is not
    (its answer): a catechism written without Q./A. marks ("_How many movements daily should
    an infant have?_" then "Usually two or three a day ..."), each with whether a card asks
    it (:func:`qa_pair_cards`; not a yes/no question, nor one whose answer is too long)."""
    found: dict[str, bool] = {}
    for asking, answering in itertools.pairwise(section.blocks):
        if not isinstance(asking, Paragraph) or not isinstance(answering, Paragraph):
            continue
        question = _prose_question(asking.text)
        if question and not _prose_question(answering.text):
            card = _card(question, answering.text, True, section.id, "qa-pair", False)
            found[question] = card is not None
    return found


def _prose_question(text: str) -> str:
    """A paragraph's text when it is one question (its emphasis marks dropped), or ``""``."""
    question = normalise_space(text).strip(" _*")
    if not question.endswith("?") or "? " in question or len(question) > _MAX_QUESTION:
        return ""
    return question


_MAX_QUESTION = 200  # characters: a longer "question" is a paragraph that ends on one


def marked_question(block: Block) -> str:
    """The text of a block marked as a question ("Q. What is ...?"), or ``""``: a paragraph,
    or a list of that one item where the text numbers its questions ("212. Q.--How is the
    power ...?" reads as an item of a numbered list)."""
    if isinstance(block, Paragraph):
        text = block.text
    elif isinstance(block, ItemList) and len(block.items) == 1 and not block.items[0].children:
        text = block.items[0].text
    else:
        return ""
    text = normalise_space(text)
    return text if _QUESTION_MARK.match(text) else ""


MAX_LISTED_ANSWERS = 8  # more answers to one question is a list to read, not to recall
_ASKS_FOR_SOME = re.compile(
    r"\b(?:(?P<count>one|two|three|four|five)|some|any|an?\s+example)\b", re.IGNORECASE
)  # "Name one right ...", "What are two rights ...?": any of the answers listed will do
_VARIES = re.compile(r"^(?:answers?|responses?) (?:will|may|can) vary\b", re.IGNORECASE)
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def list_qa_cards(section: OutlineSection) -> list[Draft]:
    """Review questions written as a list, each answered by the items under it, nested or
    following it ("1. What is the supreme law of the land?" then "- the Constitution"): the
    cards a review sheet was written to give, in civics as in networking. Only a list with
    two answered questions or more is such a sheet (a question asked in passing is not);
    one answer is a question card, several a list card to recall them all, unless the
    question asks for one or two of them (any would do: no card can check that)."""
    drafts: list[Draft] = []
    for block in section.lists:
        answered = _answered_questions(block.items)
        if len(answered) < 2:
            continue
        for question, answers in answered:
            if not _ASKING_TITLE.match(question) or _PLACEHOLDER.search(question):
                continue
            answers = [a.rstrip(".").strip() for a in answers]
            if any(not a or len(a) > MAX_ANSWER or _VARIES.match(a) for a in answers):
                continue  # "Who is the Governor of your state now?" -> "Answers will vary"
            key = f"qa-pair|{question}"
            if len(answers) == 1:
                drafts.append(
                    Draft(CardType.BASIC, key, section.id, answers[0], question, answers[0])
                )
            elif len(answers) <= MAX_LISTED_ANSWERS and _asks_for_all(question, len(answers)):
                source = "; ".join(answers)
                drafts.append(
                    Draft(CardType.LIST, key, section.id, source, question, items=tuple(answers))
                )
    return drafts


def _asks_for_all(question: str, answers: int) -> bool:
    """Whether ``question`` asks for all of its ``answers``: it asks for no number of them
    ("What does the Constitution do?") or for as many as there are ("What are the two
    fields ...?" answered by two)."""
    some = _ASKS_FOR_SOME.search(question)
    if some is None:
        return True
    count = some.group("count")
    return count is not None and _COUNTS[count.lower()] == answers


def _answered_questions(items: list[ListItem]) -> list[tuple[str, list[str]]]:
    """``(question, answers)`` of a list's question items: the items nested under a question,
    or the items after it up to the next question."""
    answered: list[tuple[str, list[str]]] = []
    answers: list[str] | None = None  # the answers of the last question, while they follow
    for item in items:
        text = normalise_space(item.text)
        if text.endswith("?"):
            answers = [normalise_space(c.text) for c in item.children]
            answered.append((text, answers))
        elif answers is not None and not item.children and "?" not in text:
            answers.append(text)
        else:
            answers = None  # an item with items of its own, or asking more: not an answer
    return [(question, answers) for question, answers in answered if answers]


def _card(
    question: str, text: str, marked: bool, section_id: str, kind: str, mark_needed: bool = True
) -> Draft | None:
    """The card asking ``question``, answered by the first sentence of ``text`` (its answer
    mark dropped), or None (see :func:`title_question_card`). A ``marked`` answer is the
    author's whole answer, however short; it needs its "A." mark unless the text answers
    each question in the paragraph after it without marks (``mark_needed`` false)."""
    if not _ASKING_TITLE.match(question) or _PLACEHOLDER.search(question):
        return None
    if _POINTS_BACK.search(question):
        return None  # "What is the advantage of this?": "this" is the answer before it
    if marked and mark_needed and not _ANSWER_MARK.match(text):
        return None  # a marked question with no marked answer: not this text's pattern
    if marked:
        text = _ANSWER_MARK.sub("", text.lstrip())
    bullet = bool(_BULLET_MARK.match(text.lstrip()))  # an answer set out as an item
    sentences = split_sentences(_BULLET_MARK.sub("", text.lstrip()))
    if not sentences:
        return None
    answer = normalise_space(sentences[0]).rstrip(".").strip()
    words = answer.split()
    least = 1 if marked or bullet else _MIN_WORDS
    if not least <= len(words) <= _MAX_WORDS or len(answer) > MAX_ANSWER:
        return None
    if answer.endswith((":", "?")) or words[0].rstrip(",.;").lower() in _NO_ANSWER:
        return None
    if _VARIES.match(answer):
        return None  # the student's own answer: no card can check it
    if lx.is_pronoun(words[0]) and words[0].lower() not in ("you", "we"):
        if not marked:
            return None  # "It is impossible to tell": what "it" is, the card does not say
        answer = _IT_IS.sub("", answer)  # "What is Buddhism?" -> "It is a body of ..."
        if lx.is_pronoun(answer.split()[0]):
            return None
    question, answer = _without_restated_term(question, answer)
    return Draft(CardType.BASIC, f"{kind}|{question}", section_id, sentences[0], question, answer)


# a question ending on a word that points at the question and answer before it
_POINTS_BACK = re.compile(r"\b(?:this|that|these|those|it|them|so)\?$", re.IGNORECASE)
_IT_IS = re.compile(r"^(?:It|They) (?:is|are|was|were) (?=(?:a|an|the)\b)")

_WHAT_IS_TITLE = re.compile(r"^What (?P<verb>is|are) (?P<term>[^?]{1,60})\?$")


def _without_restated_term(title: str, answer: str) -> tuple[str, str]:
    """ "What is curl?" answered "curl is the name of the project" asks again what the answer
    restates: the answer starts after the term ("the name of the project"), and "Machine
    Learning is about building ..." answers "What is machine learning about?"."""
    asked = _WHAT_IS_TITLE.match(title)
    if not asked:
        return title, answer
    term, verb = asked.group("term"), asked.group("verb")
    opening = f"{term} {verb} ".casefold()
    if not answer.casefold().startswith(opening):
        return title, answer
    rest = answer[len(opening) :]
    if len(rest.split()) < 3:
        return title, answer
    if rest.startswith("about "):
        return f"What {verb} {term} about?", rest[len("about ") :]
    return title, rest
