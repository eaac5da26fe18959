"""What-does-it and when questions from the plain main clauses of texts of any subject."""

from __future__ import annotations

import pytest

from studyapp.cards.doc_context import document_context
from studyapp.cards.from_text import sentence_cards
from studyapp.cards.main_clause import done_by, kinds, what_does, when, who_does
from studyapp.cards.questions import questions
from studyapp.model import CardType
from studyapp.outline.parse import parse_outline

WHAT_CASES = [  # science, history, law, computing, philosophy, biology
    (
        "Capillary attraction draws the melted wax up the wick.",
        "What draws the melted wax up the wick?",
        "Capillary attraction",
    ),
    (
        "The flame of a candle burns with a bright yellow light above the wick.",
        "What burns with a bright yellow light above the wick?",
        "The flame of a candle",
    ),
    (
        "Habeas corpus was suspended in Maryland during the Civil War.",
        "What was suspended in Maryland during the Civil War?",
        "Habeas corpus",
    ),
    (
        "A go-back-n receiver discards any out-of-sequence frame from the sender.",
        "What discards any out-of-sequence frame from the sender?",
        "A go-back-n receiver",
    ),
    (
        "Trochophore larvae are characterized by two bands of cilia.",
        "What is characterized by two bands of cilia?",
        "Trochophore larvae",
    ),
    (
        "Glaciers carved the valleys of the Alps during the last ice age.",
        "What carved the valleys of the Alps during the last ice age?",
        "Glaciers",
    ),
]


@pytest.mark.parametrize(("sentence", "question", "answer"), WHAT_CASES)
def test_the_subject_of_a_plain_statement_is_asked_for(sentence, question, answer):
    """A plain statement asks what does it, the verb agreeing with 'what', answer verbatim."""
    qa = what_does(sentence.rstrip("."), "")
    assert qa is not None
    assert (qa.question, qa.answer) == (question, answer)
    assert qa.answer in sentence


def test_a_number_with_a_thousands_comma_is_never_cut_in_two():
    """The question keeps "2,500 kilometres" whole; "from 2?" would ask nothing."""
    qa = what_does("The Rhine glacier carried boulders over 2,500 kilometres of valley", "")
    assert qa is not None
    assert qa.question == "What carried boulders over 2,500 kilometres of valley?"
    qa = what_does("The Roman legions built 4,000 kilometres of road in Gaul, then moved east", "")
    assert qa is not None
    assert qa.question == "What built 4,000 kilometres of road in Gaul?"  # cut at the comma


@pytest.mark.parametrize(
    "sentence",
    [
        "The receiver discards the frame.",  # "the" + one noun: a referent of the context
        "Plaintiff sued the company in state court.",  # a note's bare party
        "Some courts have taken the view that removal is proper.",  # some of a kind
        "The effect of lidocaine begins within minutes.",  # the head names nothing
        "Lidocaine blocks voltage-gated sodium channels.",  # the document's subject: guessed
        "Pragmatism asks what difference a theory makes.",  # a clause, not a fact
        "Water is a compound of hydrogen and oxygen.",  # a definition, asked as one
        "A structure is shown for the single ligand heme.",  # a figure
        "The sequence numbers of the segment are used.",  # "numbers" is no verb here
        "Use parameterized queries to prevent SQL injection.",  # a command
        "Use standard nomenclature rules to name coordination compounds.",  # a command
        "Hobbes argued for an absolute sovereign.",  # who, not what
        "The common geometries found in complexes are tetrahedral.",  # a participle
        "Federal jurisdiction is not a limit on state courts.",  # negation
        "Different texts will use different notations for the derivative.",  # which texts?
        # a participle of the subject, its verb later: "What made from ... afford ...?"
        "Poultices made from scraped raw potatoes afford much comfort after a burn.",
        "Sediments carried by the river form a delta at its mouth.",
        "Statutes passed in haste require amendment within the year.",
        # a plural noun before a floating "each" or "both" is the subject's, not its verb
        "The Big Five personality factors each represent a range between two extremes.",
        "The two ancient trade routes both crossed the desert at Palmyra.",
        # the noun of a light verb's idiom: "What should be paid to ...?" -> "Attention"
        "Special attention should be paid to the fitting of shoes and the care of feet.",
        "Great emphasis is placed on the oral tradition in the early church.",
        "Particular care must be taken when the bearings are greased.",
        # a short question seldom has one answer ("What can intercept the connection?")
        "An attacker can intercept the connection.",
        "The British commander moved toward the seacoast.",
        # "also", "as well": the text named others before (governance, genetics)
        "Retrospectives should also be used across programmes of work in the department.",
        "Glaciers carved the valleys and left moraines on the valley floors as well.",
        # a count before an -s word makes it a plural noun, not the verb
        "A comparison of three external sorts on a collection of small records follows.",
    ],
)
def test_no_question_where_the_subject_or_predicate_asks_nothing(sentence):
    """Vague, guessable, negated or misread subjects give no what-does question."""
    assert what_does(sentence.rstrip("."), "lidocaine") is None


@pytest.mark.parametrize(
    ("sentence", "question", "answer"),
    [
        (
            "In 1066, the Normans conquered England.",
            "When did the Normans conquer England?",
            "1066",
        ),
        ("The French Revolution began in 1789.", "When did the French Revolution begin?", "1789"),
        (
            "During the 1930s, the Dust Bowl ruined farms across the plains.",
            "When did the Dust Bowl ruin farms across the plains?",
            "the 1930s",
        ),
        # a day, and a year without its comma before a name
        (
            "On July 20, 1969, Apollo 11 landed on the Moon.",
            "When did Apollo 11 land on the Moon?",
            "July 20, 1969",
        ),
        (
            "In 1087 William died at Rouen after a fall from his horse.",
            "When did William die at Rouen after a fall from his horse?",
            "1087",
        ),
        (  # a second verb of the sentence is left out, not asked in the wrong form
            "In 1804 Trevithick adapted the Watt engine to transport and made a locomotive.",
            "When did Trevithick adapt the Watt engine to transport?",
            "1804",
        ),
    ],
)
def test_a_year_is_asked_as_when(sentence, question, answer):
    """A leading or closing year, decade or century is asked with 'when'."""
    qa = when(sentence, "")
    assert qa is not None
    assert (qa.question, qa.answer) == (question, answer)


def test_a_year_of_another_event_is_not_asked_as_when():
    """'... believed extinct until the discovery of X in 1952' does not date the main clause."""
    sentence = "Monoplacophorans were believed extinct until the discovery of Neopilina in 1952."
    assert when(sentence, "") is None


def test_a_date_beats_an_object_and_sharper_shapes_beat_the_subject_question():
    """The generator asks when before what; a sentence another shape fits is not asked twice."""
    asked = questions("The Supreme Court decided the case in 1803.", "")
    assert [qa.question for qa in asked] == ["When did the Supreme Court decide the case?"]
    caused = questions("High blood pressure can lead to stroke and heart failure.", "")
    assert all(qa.kind != "what-does" for qa in caused)


@pytest.mark.parametrize(
    ("sentence", "question", "items"),
    [
        (
            "There are three types of rock: igneous, sedimentary and metamorphic.",
            "What are the three types of rock?",
            ("igneous", "sedimentary", "metamorphic"),
        ),
        (
            "Mitosis has four stages: prophase, metaphase, anaphase, and telophase.",
            "What are the four stages of mitosis?",
            ("prophase", "metaphase", "anaphase", "telophase"),
        ),
        (
            "The three branches of government are the legislative, the executive and the"
            " judiciary.",
            "What are the three branches of government?",
            ("the legislative", "the executive", "the judiciary"),
        ),
    ],
)
def test_a_sentence_naming_its_kinds_gives_a_list_question(sentence, question, items):
    """Geology, biology and civics: 'There are N types of X: ...' asks for the N kinds."""
    assert kinds(sentence) == (question, items)


def test_no_kinds_card_when_the_count_does_not_match():
    """'two kinds of law: civil and criminal, and others' names three things, not two."""
    assert kinds("There are two kinds of law: civil, criminal, and others.") is None


def test_the_kinds_list_card_replaces_the_definition_of_the_same_sentence():
    """The generator drafts one list card for the sentence, not also a definition."""
    outline = parse_outline(
        "# Civics\n\n## Government\n\n"
        "The three branches of government are the legislative, the executive and the judiciary.\n"
    )
    drafts = sentence_cards(outline.sections[0], document_context(outline))
    assert [d.type for d in drafts if d.key.startswith(("kinds|", "define|"))] == [CardType.LIST]


def test_no_subject_question_whose_predicate_is_cut_before_its_list():
    """'The category of structures includes everything from homes, to office buildings,
    shopping malls, and factories' (economics) would ask 'What includes everything from
    homes?': the list after the comma is part of what it includes."""
    sentence = (
        "The category of structures includes everything from homes, to office buildings,"
        " shopping malls, and factories."
    )
    assert what_does(sentence, "") is None


def test_kinds_called_by_name_and_a_second_verb_agree():
    """'The three stages of interphase are called G1, S, and G2' lists G1, S, G2 (not
    'called G1'); 'The proteins of the kinetochore attract and bind microtubules' asks 'What
    attracts and binds ...?' (cell biology, geology)."""
    assert kinds("The three stages of interphase are called G1, S, and G2.") == (
        "What are the three stages of interphase?",
        ("G1", "S", "G2"),
    )
    asked = what_does(
        "The proteins of the kinetochore attract and bind the spindle fibres during mitosis.", ""
    )
    assert asked is not None
    assert asked.question == "What attracts and binds the spindle fibres during mitosis?"
    carved = what_does("Glaciers carved the valleys and left moraines on the valley floors.", "")
    assert carved is not None
    assert carved.question == "What carved the valleys and left moraines on the valley floors?"


def test_an_example_is_no_subject_to_ask_for():
    """'An example usage would be getting a commit from GitHub' names no thing to recall."""
    assert what_does("An example usage would be getting a commit from the GitHub API.", "") is None


@pytest.mark.parametrize(
    "text",
    [
        "Mental effort required to connect the task to new and old information",  # education
        "Damage caused by the flood of 1927 along the lower Mississippi",  # history
        "Goths expelled from Italy by Justinian",  # a chronology's entry
    ],
)
def test_a_participle_phrase_is_not_a_clause_to_ask_about(text):
    """A note's phrase "Mental effort required to connect ..." has no verb of its own:
    "What required to connect the task ...?" would be ungrammatical, so nothing is asked."""
    assert what_does(text, "") is None


def test_no_question_asks_what_an_action_does():
    """ "Helping employees and stakeholders understand ... an empirical approach" opens on an
    action: "What understands and enacts ...?" -> "Helping employees" is no question."""
    text = "Helping employees and stakeholders understand and enact an empirical approach"
    assert what_does(text, "") is None


def _questions_of(text: str) -> dict[str, str]:
    outline = parse_outline(text)
    drafts = sentence_cards(outline.sections[0], document_context(outline))
    return {d.question: d.answer for d in drafts if d.question}


def test_a_person_or_a_people_doing_something_is_asked_who():
    """A name the text always capitalises, doing something, is asked "who" (history,
    psychology, microbiology): "What" refuses names, so such sentences gave no
    question before."""
    asked = _questions_of(
        "# Notes\n\n## People\n\n"
        "In the sixth century the emperor Justinian ruled from Constantinople. "
        "Justinian closed the schools at Athens, a city of old learning. "
        "The theory of Erikson has eight stages. "
        "Erikson described the task of the adolescent as identity versus role confusion. "
        "Twenty ships of the Athenians sailed round Peloponnese. "
        "The Athenians sent twenty ships round Peloponnese under Phormio. "
        "The work of Ivanovsky came first. "
        "Ivanovsky suggested the infection might be caused by a bacterial toxin.\n"
    )
    assert asked["Who closed the schools at Athens?"] == "Justinian"
    assert asked["Who described the task of the adolescent as identity versus role confusion?"] == (
        "Erikson"
    )
    assert asked["Who suggested the infection might be caused by a bacterial toxin?"] == (
        "Ivanovsky"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Lidocaine blocks voltage-gated sodium channels in the nerve membrane.",  # lidocaine
        "Switzerland became an independent republic in the Peace of Westphalia.",  # light verb
        "NATO admitted three new members in the year 1999.",  # an acronym is a thing
        "Aristotle says that a plot must have a beginning, a middle and an end.",  # a saying
        "Pericles was the leading statesman of Athens at the time.",  # a state
    ],
)
def test_no_who_question_for_a_thing_a_saying_or_a_state(sentence):
    """A capitalised word the text also writes in lower case is no name ("lidocaine acts
    fast"); a country becoming something, a saying and a state are not asked "who"."""
    names = "Then lidocaine, Switzerland, NATO, Aristotle and Pericles were named."
    asked = _questions_of(f"# Notes\n\n## Facts\n\n{sentence} {names}\n")
    assert not [q for q in asked if q.startswith("Who ")]


def test_the_named_doer_of_a_deed_told_in_the_passive_is_asked_who():
    """ "Penicillin was discovered by Alexander Fleming in 1928" (medicine), "The Iliad was
    written by Homer" (literature), "The Magna Carta was sealed by King John at Runnymede"
    (history): who did it is the fact to learn."""
    asked = _questions_of(
        "# Notes\n\n## Firsts\n\n"
        "The mould of Alexander Fleming grew on a plate. "
        "Penicillin was discovered by Alexander Fleming in 1928. "
        "The songs of Homer were sung for centuries. "
        "The Iliad was written by Homer. "
        "The charter of King John was copied many times. "
        "The Magna Carta was sealed by King John at Runnymede.\n"
    )
    assert asked["Who discovered penicillin in 1928?"] == "Alexander Fleming"
    assert asked["Who wrote The Iliad?"] == "Homer"  # a title keeps its capitals
    assert asked["Who sealed The Magna Carta at Runnymede?"] == "King John"


@pytest.mark.parametrize(
    "sentence",
    [
        "It was written by Homer.",  # which work?
        "The policy was issued by Empire Mutual.",  # which policy?
        "The rule was later adopted by the Court in its landmark decision.",  # whose decision?
    ],
)
def test_no_passive_who_question_about_an_unnamed_thing(sentence):
    """A passive whose subject the card cannot name asks nothing a student could answer."""
    assert done_by(sentence.rstrip("."), "") is None


def test_writing_a_work_is_a_deed_asked_who_and_writing_that_is_not():
    """ "Tolstoy wrote the novel ..." (literature) is asked "who"; "Aristotle wrote that ..."
    reports a claim, not a deed."""
    asked = who_does("Tolstoy wrote the novel during the years at Yasnaya Polyana", "")
    assert asked is not None and asked.answer == "Tolstoy"
    assert who_does("Aristotle wrote that tragedy imitates a serious action", "") is None
