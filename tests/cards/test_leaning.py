"""Clozes of sentences that lean on the text around them are weak, on every subject."""

from __future__ import annotations

import pytest

from studyapp.cards import gate
from studyapp.cards.drafts import Draft
from studyapp.cards.leaning import asks_of_a_common_noun, leans_on_context, says_too_little
from studyapp.cards.selection import weakness
from studyapp.model import CardType


@pytest.mark.parametrize(
    "sentence",
    [
        "Accordingly, we can perform a nonparametric version of the test with ranks.",  # stats
        "As we get older, our friendships dwindle in number.",  # psychology
        "For example, sending notifications to mobile devices.",  # software
        "Examples include sickle-cell anemia, Tay-Sachs disease and cystic fibrosis.",  # biology
        "However, the Senate refused to ratify the treaty.",  # history
        "Similarly, a contract signed under duress is voidable.",  # law
        "These enzymes break proteins into amino acids.",  # chemistry
        "“In addition, the court may award costs.",
        "In other words, a vertical spring-mass system undergoes simple harmonic motion.",
        "As noted earlier, probable cause must rest on specific and articulable facts.",  # law
        "As already stated, the vocal apparatus is composed of the lungs and the larynx.",
    ],
)
def test_sentences_that_need_their_neighbours_lean_on_context(sentence: str) -> None:
    """'we', an opening example or a pointing-back opener: half a thought."""
    assert leans_on_context(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Pepsin is the enzyme of the gastric juice which digests proteins.",
        "There are two complementary patterns to support high availability.",
        "The Treaty of Versailles was signed in 1919.",
        "Thermal equilibrium is reached when two bodies have the same temperature.",
        "A trust is a relationship in which a trustee holds property for a beneficiary.",
        "As water cools below four degrees, it expands.",  # "as" of time, not pointing back
    ],
)
def test_sentences_that_stand_alone_do_not(sentence: str) -> None:
    """A definition, an existential 'There are', a dated fact: no leaning."""
    assert not leans_on_context(sentence)


def test_a_cloze_of_a_leaning_sentence_is_weak_unless_the_card_resolved_it():
    """The selection keeps such a cloze only where its section needs it."""
    cloze = Draft(
        CardType.CLOZE,
        "k",
        "1",
        "However, the Senate refused to ratify the Treaty of Versailles.",
        text="However, the Senate refused to ratify the {{c1::Treaty of Versailles}}.",
    )
    assert weakness(cloze, "") == "leaning"
    resolved = Draft(
        CardType.CLOZE,
        "k2",
        "1",
        "This interaction allows for a synergistic effect.",
        text="Ketamine's interaction allows for a {{c1::synergistic effect}}.",
    )
    assert weakness(resolved, "") == ""  # the card says what "This" was


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("What do astronomers use?", "a variety of different scales to measure time"),
        ("What does military courtesy require?", "the junior to salute first"),
        ("What can ketamine potentially enhance?", "the therapeutic process"),
    ],
)
def test_a_bare_question_with_a_plain_answer_says_too_little(question: str, answer: str) -> None:
    """Four or five words, an answer in everyday words: it fits many sentences."""
    assert says_too_little(question, answer)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("What did Saladin capture?", "Jerusalem"),  # a name (history)
        ("What do anticholinergic drugs block?", "muscarinic receptors"),  # a term (pharmacology)
        ("What does the court of appeal review in a civil case?", "the trial record"),  # longer
    ],
)
def test_a_question_with_a_term_a_name_or_more_words_says_enough(
    question: str, answer: str
) -> None:
    """A rare word, a name or a fuller question pins the fact down."""
    assert not says_too_little(question, answer)


def test_a_bare_question_said_once_comes_back_only_where_its_section_needs_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A drill manual's section with terms to ask does not ask 'What does military courtesy
    require?' ('the junior to salute first', said once); with the rule off it would."""
    from studyapp.cards import from_text
    from studyapp.cards.generate import generate_decks
    from studyapp.outline.parse import parse_outline

    text = (
        "# Courtesy\n\n## Salutes\n\n"
        "Military courtesy requires the junior to salute first. "
        "The salute is rendered with the right hand held at the brim of the cap. "
        "Officers return the salute of enlisted men at every meeting on duty. "
        "A sentinel on post salutes every commissioned officer who passes within thirty paces. "
        "The hand salute is a gesture of respect between members of the armed forces. "
        "Colors are saluted by uncased standards at reveille and at retreat each day.\n"
    )

    def questions() -> list[str]:
        decks = generate_decks(parse_outline(text), prefix="t")
        return [c.question for d in decks for c in d.cards if c.question]

    asked = "What does military courtesy require?"
    assert questions() and asked not in questions()
    monkeypatch.setattr(from_text, "says_too_little", lambda question, answer: False)
    assert asked in questions()


@pytest.mark.parametrize(
    "question",
    [
        "What did the Pope send?",  # history
        "What may speakers use?",  # phonetics
        "What does the protocol require?",  # molecular biology
        "What did the court order?",  # law
        "What did terrorists attack?",  # civics
        "What does the kidney filter?",  # physiology
    ],
)
def test_a_bare_question_about_a_common_noun_asks_of_anyone(question: str) -> None:
    """ "What did the Pope send?" names no moment: the party does many things in its text."""
    assert asks_of_a_common_noun(question)


@pytest.mark.parametrize(
    "question",
    [
        "What did Huss preach?",  # a name
        "What did Saladin capture?",
        "What did the Emancipation Proclamation do?",  # a named document
        "What do lipases digest?",  # a term of the subject (a rare word)
        "What does the abbreviation MAP stand for?",  # not a bare subject-and-verb question
        "What does the protocol require before the cells are lysed?",  # says when
    ],
)
def test_a_named_or_narrowed_question_is_not_asked_of_anyone(question: str) -> None:
    """A named subject or a question that says more keeps its card."""
    assert not asks_of_a_common_noun(question)


def test_the_gate_holds_a_question_about_a_common_noun_back_as_weak() -> None:
    """The gate calls such a question open, a soft fault: it comes back only where its section
    would keep no card."""
    draft = Draft(
        CardType.TYPED,
        key="k",
        section="s1",
        source="The King told the barons and the bishops of England.",
        question="What did the King tell?",
        answer="the barons and the bishops of England",
    )
    assert gate.card_fault(draft, "King John") == "open-question"
    assert "open-question" in gate.LAST_RESORT
