"""Question cards read off sentence shapes: natural questions, verbatim short answers."""

from __future__ import annotations

import pytest

from studyapp.cards.questions import questions, reporting_frame

CASES = [
    (
        "Lidocaine’s rapid onset and low toxicity make it a good choice for minor surgery.",
        "What makes lidocaine a good choice for minor surgery?",
        "rapid onset and low toxicity",
    ),
    (
        "By blocking sodium channels, lidocaine may stop nerve conduction.",
        "How may lidocaine stop nerve conduction?",
        "By blocking sodium channels",
    ),
    (
        "Spinal anesthesia often requires a careful positioning of the patient, with help.",
        "What does spinal anesthesia often require?",
        "a careful positioning of the patient",
    ),
    (
        "Bupivacaine is typically administered in an epidural catheter for labour analgesia.",
        "Where is bupivacaine typically administered?",
        "an epidural catheter",
    ),
    (
        "Lidocaine can cause methaemoglobinaemia in infants, which needs urgent treatment.",
        "What can lidocaine cause in infants?",
        "methaemoglobinaemia",
    ),
    (
        "Lidocaine onset is rapid, and its vasodilating effect can shorten the block.",
        "What can lidocaine’s vasodilating effect shorten?",
        "the block",
    ),
    (
        "Lidocaine is cheap, but sodium channel blockade plays a key role in cardiac "
        "toxicity and limits the dose.",
        "What plays a key role in cardiac toxicity?",
        "sodium channel blockade",
    ),
    (
        "Topical anaesthesia is applied to mucous membranes.",
        "Where is topical anaesthesia applied?",
        "mucous membranes",
    ),
    (
        "The loading dose is delivered intravenously over ten minutes.",
        "How is the loading dose delivered?",
        "intravenously",
    ),
    (
        "Lidocaine blocks voltage-gated sodium channels, reducing neuronal excitability.",
        "What does lidocaine block, reducing neuronal excitability?",
        "voltage-gated sodium channels",
    ),
    (
        "Studies have shown that lidocaine can relieve pain within minutes.",
        "How quickly can lidocaine relieve pain?",
        "within minutes",
    ),
    (
        "Informed consent is essential, ensuring that patients understand the risks.",
        "Why is informed consent essential?",
        "ensuring that patients understand the risks",
    ),
    (
        "Drug interactions with antiarrhythmics must be taken into account when dosing.",
        "What must be taken into account when dosing?",
        "Drug interactions with antiarrhythmics",
    ),
    (
        "Lidocaine can cause seizures, which may require a benzodiazepine.",
        "What can lidocaine cause that may require a benzodiazepine?",
        "seizures",
    ),
    (
        "Some trials suggest that the benefit of lidocaine patches may last for weeks after "
        "the last application.",
        "What do some trials suggest about the benefit of lidocaine patches?",
        "may last for weeks after the last application",
    ),
    (
        "Large cohort studies have indicated that the risk of toxicity can rise with hepatic "
        "failure.",
        "What have large cohort studies indicated about the risk of toxicity?",
        "can rise with hepatic failure",
    ),
]


@pytest.mark.parametrize(("sentence", "question", "answer"), CASES)
def test_sentence_shapes_give_natural_questions(sentence, question, answer):
    """Each shape gives the expected question; the answer is a verbatim piece of the
    sentence and never appears in the question."""
    subject = "lidocaine"
    found = {qa.question: qa.answer for qa in questions(sentence, subject)}
    assert found.get(question) == answer, found
    assert answer in sentence
    assert answer.lower() not in question.lower()


@pytest.mark.parametrize(
    "sentence",
    [
        "This property makes it a good choice for minor surgery.",
        "It is typically administered in an epidural catheter for labour analgesia.",
        "Adverse effects, including seizures, must be assessed and managed appropriately.",
        "The weather was pleasant and the patients were calm.",
    ],
)
def test_no_question_from_pronouns_vague_answers_or_plain_statements(sentence):
    """No question leans on 'This'/'It', asks for a generic answer ('Adverse effects'), or is
    forced out of a sentence with no known shape."""
    assert questions(sentence, "lidocaine") == []


def test_a_reported_claim_is_asked_only_when_nothing_else_is():
    """'Research suggests that X may help reduce Y' asks what X may help reduce, not also what
    research suggests about X (nor "What does lidocaine infusion?" from a plural noun read as
    a verb); who reported a claim is never asked."""
    found = questions(
        "Research suggests that lidocaine infusions may help reduce opioid use after surgery.",
        "lidocaine",
    )
    assert [qa.kind for qa in found] == ["help"]
    assert reporting_frame("Two small trials have shown that X can fall.") == (
        "Two small trials have shown that "
    )
    assert reporting_frame("Lidocaine has shown that nothing.") == ""


def test_an_answer_from_a_leading_while_clause_is_background():
    """'While lidocaine shows promise as X, its use requires Y': X is background (the card is
    only a filler), Y is what the sentence says."""
    found = questions(
        "While lidocaine shows promise as an adjunct in migraine, its use requires cardiac "
        "monitoring in patients with heart disease.",
        "lidocaine",
    )
    background = {qa.answer: qa.background for qa in found}
    assert background == {"cardiac monitoring": False, "an adjunct in migraine": True}


def test_a_purpose_is_not_asked_as_a_place():
    """'... used to produce sulfuric acid' is no answer to 'Where is ... used?', and 'used in
    industry to produce' gives the place without the 'to' that follows it."""
    asked = questions("Vanadium oxide is used in industry to produce sulfuric acid.", "")
    assert [qa.answer for qa in asked if qa.question.startswith("Where")] == ["industry"]
    asked = questions("Vanadium oxide is used to produce sulfuric acid.", "")
    assert not any(qa.answer == "produce" for qa in asked)


@pytest.mark.parametrize(
    ("sentence", "subject", "question", "answer"),
    [
        (
            "By heating the gas, the piston can raise the pressure in the cylinder.",
            "piston",
            "How can the piston raise the pressure in the cylinder?",
            "By heating the gas",
        ),
        (
            "Photosynthesis often requires a steady supply of light, with water.",
            "photosynthesis",
            "What does photosynthesis often require?",
            "a steady supply of light",
        ),
        (
            "The vaccine is typically administered in a community clinic for adults.",
            "vaccine",
            "Where is the vaccine typically administered?",
            "a community clinic",
        ),
        (
            "The treaty is essential, ensuring peace between the two kingdoms.",
            "treaty",
            "Why is the treaty essential?",
            "ensuring peace between the two kingdoms",
        ),
    ],
)
def test_the_same_shapes_ask_about_physics_biology_health_and_history(
    sentence, subject, question, answer
):
    """The sentence shapes are not pharmacology's: a method, a requirement, a place and a
    reason read the same way in any subject."""
    assert (question, answer) in [(qa.question, qa.answer) for qa in questions(sentence, subject)]


def test_an_irregular_verb_is_asked_in_its_base_form():
    """'Music goes out of existence ...' must never be asked as 'What does music goe?'."""
    from studyapp.cards.questions import _base_verb

    assert [_base_verb(v) for v in ("goes", "modifies", "passes", "blocks")] == [
        "go",
        "modify",
        "pass",
        "block",
    ]


def test_where_keeps_what_the_thing_is_used_for():
    """'Ketamine is frequently used in emergency environments for inducing and maintaining
    anesthesia' asks where it is used for that (raters: 'Where is ketamine frequently used?'
    was vague, used for what?); 'Bile is stored in the gallbladder' stays short."""
    from studyapp.cards.questions import questions

    used = questions(
        "Ketamine is frequently used in emergency environments for inducing and maintaining"
        " anesthesia during surgery.",
        "ketamine",
    )
    assert [(q.question, q.answer) for q in used if q.kind == "where"] == [
        (
            "Where is ketamine frequently used for inducing and maintaining anesthesia?",
            "emergency environments",
        )
    ]
    bile = questions("Bile is stored in the gallbladder.", "")
    assert [q.question for q in bile if q.kind == "where"] == ["Where is bile stored?"]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("The Developers are required to conform to the Definition of Done.", "scrum"),
        ("Scrum wraps around existing practices or renders them unnecessary.", "scrum"),
        ("Ketamine acts on the NMDA receptors of the central nervous system.", "ketamine"),
    ],
)
def test_no_why_from_an_obligation_and_no_object_that_is_a_particle(sentence, subject):
    """ "The Developers are required to conform ..." states a duty, not a purpose ("Why are
    the Developers required?" is no question); "wraps around existing practices" has no
    object to ask ("What does scrum wrap?")."""
    asked = [qa.question for qa in questions(sentence, subject)]
    assert not [q for q in asked if q.startswith("Why are The Developers")]
    assert "What does scrum wrap?" not in asked
    assert "What does ketamine act?" not in asked


@pytest.mark.parametrize(
    ("sentence", "subject", "expected"),
    [
        ("Black prefers parentheses over backslashes.", "black", None),
        ("Ketamine enhances the release of endogenous opioids.", "ketamine", None),
        ("Bitcoin creates digital assets.", "bitcoin", None),
        (
            "Furosemide depletes potassium and magnesium in patients on long courses.",
            "furosemide",
            (
                "What does furosemide deplete in patients on long courses?",
                "potassium and magnesium",
            ),
        ),
        (
            "When combined with psychotherapy sessions, ketamine can potentially enhance the "
            "therapeutic process.",
            "ketamine",
            (
                "What can ketamine potentially enhance when combined with psychotherapy sessions?",
                "the therapeutic process",
            ),
        ),
        ("Adenosine suppresses adrenergic activity.", "caffeine", None),
    ],
)
def test_what_the_documents_subject_does_is_asked_only_with_where_or_when(
    sentence: str, subject: str, expected: tuple[str, str] | None
):
    """The whole text is about what its subject does, so "What does Black prefer?" or "What
    does ketamine enhance?" could have many answers: such a question is asked only with the
    place or time the sentence gives it; another doer is asked as before."""
    found = [(qa.question, qa.answer) for qa in questions(sentence, subject)]
    open_ones = [q for q, _ in found if q.endswith((" prefer?", " enhance?", " create?"))]
    assert not open_ones
    if expected is not None:
        assert expected in found
    elif subject == "caffeine":
        assert [(q.lower(), a) for q, a in found] == [
            ("what does adenosine suppress?", "adrenergic activity")
        ]
