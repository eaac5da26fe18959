"""A term the author marked is asked for from the sentence that says what it names."""

from __future__ import annotations

import pytest

from studyapp.cards.generate import generate_decks
from studyapp.model import CardType
from studyapp.outline.parse import parse_outline


def _cards(body: str, title: str = "Notes"):
    text = f"# {title}\n\n## Part one\n\n{body}\n"
    return [c for d in generate_decks(parse_outline(text), prefix="t") for c in d.cards]


def _mark(term: str) -> str:
    return f'**{term}**{{: data-type="term"}}'


@pytest.mark.parametrize(
    ("body", "question", "answer"),
    [
        (  # biology: "<description> is called <term>"
            f"The first portion of the mitotic phase is called {_mark('karyokinesis')}, "
            "or nuclear division. It separates the chromosomes.",
            "What is the first portion of the mitotic phase called?",
            "karyokinesis",
        ),
        (  # physics
            f"The phase change from solid to gas is called {_mark('sublimation')}. Dry ice "
            "sublimates at room temperature.",
            "What is the phase change from solid to gas called?",
            "sublimation",
        ),
        (  # economics
            f"The gap between exports and imports is called the {_mark('trade balance')}. "
            "A country may run a surplus or a deficit.",
            "What is the gap between exports and imports called?",
            "trade balance",
        ),
        (  # zoology: "<description>, called <term>"
            "Chitinous hairlike extensions, anchored in the epidermis and projecting from the "
            f"cuticle, called {_mark('setae')} are present in every segment.",
            "What is the term for chitinous hairlike extensions, anchored in the epidermis and "
            "projecting from the cuticle?",
            "setae",
        ),
        (  # psychology: "<term>: <description>"
            f"All healthy babies are born with {_mark('newborn reflexes')}: inborn automatic "
            "responses to particular forms of stimulation.",
            "What is the term for inborn automatic responses to particular forms of stimulation?",
            "newborn reflexes",
        ),
        (  # cell biology: "<term>, the <description> that ..."
            f"The two centrosomes give rise to the {_mark('mitotic spindle')}, the apparatus "
            "that orchestrates the movement of chromosomes during mitosis.",
            "What is the term for the apparatus that orchestrates the movement of chromosomes "
            "during mitosis?",
            "mitotic spindle",
        ),
        (  # ecology: "known as an <term>"
            "An organism that makes its own food from sunlight is known as an "
            f"{_mark('autotroph')}. Plants are the usual example.",
            "What is an organism that makes its own food from sunlight known as?",
            "autotroph",
        ),
        (  # climate: "<term>, an <description> that ..."
            f"Most of the energy reaching the ground arrives as {_mark('insolation')}, an "
            "incoming flow of solar radiation that warms the surface.",
            "What is the term for an incoming flow of solar radiation that warms the surface?",
            "insolation",
        ),
    ],
)
def test_a_marked_term_is_asked_from_what_its_sentence_says_it_names(body, question, answer):
    """Recalling the author's own term from what it means is the card a teacher writes
    first: each sentence shape that names a marked term gives that card, on any subject, and
    its answer is the term as written."""
    asked = {c.question: c for c in _cards(body)}
    assert question in asked
    assert asked[question].answer == answer
    assert asked[question].type is CardType.TYPED


@pytest.mark.parametrize(
    "body",
    [
        # a clause before "called": what is named is not the words before it
        f"Segmentation is seen in internal anatomy as well, which is called {_mark('metamerism')}.",
        # a pointer: "This fissure" names nothing the card shows
        f"This fissure, or crack, is called the {_mark('cleavage furrow')}.",
        # the same shapes around an unmarked phrase are not read as naming a term
        "The first portion of the mitotic phase is called karyokinesis, or nuclear division.",
    ],
)
def test_no_term_card_from_a_clause_a_pointer_or_an_unmarked_phrase(body):
    """ "What is segmentation is seen ... called?" or "What is this fissure called?" would be
    nonsense: only a description that stands alone, of a term the author marked, is asked."""
    assert not [c for c in _cards(body) if c.question.startswith("What is the term for")] + [
        c for c in _cards(body) if c.question.endswith(" called?")
    ]


def test_a_term_and_a_longer_term_holding_it_are_both_asked():
    """ "What is a civil wrong that causes harm called?" (tort) and "What is the body of rules
    on civil wrongs between private parties called?" (tort law) ask different terms: both
    are kept, though one term holds the other."""
    body = (
        f"A civil wrong that causes harm to another person is called a {_mark('tort')}. "
        "The body of rules on civil wrongs between private parties is called "
        f"{_mark('tort law')}. Damages are the usual remedy a court awards to the plaintiff."
    )
    answers = {c.answer for c in _cards(body, "Civil law") if c.question}
    assert {"tort", "tort law"} <= answers


@pytest.mark.parametrize(
    ("body", "question", "answer"),
    [
        (  # the term in other capitals than its mark (law): "Tort Law:"
            f"Every student first reads {_mark('tort law')}: Tort Law: the body of rules on "
            "civil wrongs between private parties.",
            "What is the term for the body of rules on civil wrongs between private parties?",
            "tort law",
        ),
        (  # a letter whose lower case is two letters (art history)
            "The glazed İznik tiles of the Ottoman mosques used a white body called "
            f"{_mark('fritware')}. Potters fired it twice.",
            "What is the term for the glazed İznik tiles of the Ottoman mosques used a white body?",
            "fritware",
        ),
    ],
)
def test_a_term_is_found_whatever_the_case_of_its_sentence(body, question, answer):
    """The shapes that name a term are read whatever the case of the words around it, also
    where lower-casing a letter changes the text's length: the sentence gives its card."""
    asked = {c.question: c.answer for c in _cards(body)}
    assert asked.get(question) == answer, asked
