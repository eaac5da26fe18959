"""Why, how and cause questions from causal and purpose sentences of any subject."""

from __future__ import annotations

import pytest

from studyapp.cards import why_how as why_how_module
from studyapp.cards.why_how import invert, why_how

CASES = [
    ("Plants wilt because they lose water.", "Why do plants wilt?", "they lose water"),
    (
        "The court dismissed the case in order to avoid delay.",
        "Why did the court dismiss the case?",
        "to avoid delay",
    ),
    (
        "TCP uses a three-way handshake so that both hosts agree on sequence numbers.",
        "Why does TCP use a three-way handshake?",
        "both hosts agree on sequence numbers",
    ),
    ("Inflation is caused by excess demand.", "What causes inflation?", "excess demand"),
    (
        "High blood pressure can lead to stroke and heart failure.",
        "What can high blood pressure lead to?",
        "stroke and heart failure",
    ),
    (
        "The nephron consists of a glomerulus and a tubule.",
        "What does the nephron consist of?",
        "a glomerulus and a tubule",
    ),
    ("A router is used to forward packets.", "What is a router used for?", "to forward packets"),
    (
        "The Senate ratified the treaty in 1920.",
        "What did the Senate ratify?",
        "the treaty",
    ),
    (
        "Mollusks display a wide range of morphologies.",
        "What do mollusks display?",
        "a wide range of morphologies",
    ),
]


@pytest.mark.parametrize(("sentence", "question", "answer"), CASES)
def test_causal_purpose_and_plain_statements_give_natural_questions(sentence, question, answer):
    """History, law, biology, economics and networking sentences give the question a teacher
    would ask, with a verbatim answer."""
    asked = why_how(sentence, "")
    assert (asked[0].question, asked[0].answer) == (question, answer)
    assert answer in sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "They failed because it rained.",  # no named subject
        "Water levels rise in spring.",  # "levels" may be the verb: not sure, no question
        "On a PV diagram size 12 applies.",  # no noun phrase opens it
        "If the window is full, the sender waits.",
    ],
)
def test_no_question_without_a_named_subject_and_verb(sentence):
    """A sentence whose opening is no noun phrase, or whose verb is unclear, gives none."""
    assert why_how(sentence, "") == []


def test_inversion_moves_the_auxiliary_or_adds_do():
    """'The valve is closed' -> 'is the valve closed'; 'Bees pollinate flowers' -> 'do bees
    pollinate flowers'; 'The army retreated' -> 'did the army retreat'."""
    assert invert("The valve is closed") == "is the valve closed"
    assert invert("Bees pollinate flowers") == "do bees pollinate flowers"
    assert invert("The army retreated") == "did the army retreat"


@pytest.mark.parametrize(
    "sentence",
    [
        "The same year died Wulfere.",  # annals: a time opens the sentence, not who acted
        "The volume never reaches zero because of the finite volume of the molecules.",
        "Ketamine’s NMDA receptor antagonism plays a crucial role in pain relief.",
    ],
)
def test_no_question_from_a_time_an_adverb_or_a_light_verb(sentence):
    """A time as subject, an adverb inside the subject, or 'plays a role' give no question."""
    assert [qa for qa in why_how(sentence, "") if qa.kind == "does-what"] == []


def test_a_subject_before_a_modal_and_an_accustomed_to_are_not_misread():
    """'Systemic blood pressure must stay ...' keeps 'pressure' in the subject; 'engineers
    are used to processing bits' states a habit, not a purpose; an adverb is no object."""
    why = why_how("Systemic blood pressure must stay above 60 so that filtration occurs.", "")
    assert why[0].question == "Why must systemic blood pressure stay above 60?"
    assert why_how("Engineers are used to processing streams of bits.", "") == []
    assert why_how("Renal failure can lead suddenly to death.", "") == []


def test_a_discourse_opening_does_not_hide_the_statement():
    """'Moreover, the valve is closed because ...' is asked like the statement after it."""
    from studyapp.cards.questions import questions

    asked = questions("Moreover, the valve is closed because the pressure is high.", "")
    assert ("Why is the valve closed?", "the pressure is high") in [
        (qa.question, qa.answer) for qa in asked
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Many patients experience a reduction in pain intensity.",  # which patients?
        "The second byte indicates the total length of the option.",  # second of what?
        "The handshake uses the sequence number, the acknowledgement number and the SYN flag.",
        "Fourth among the elements enumerated comes Diction.",  # fourth of what?
        "Different texts will use different notations for the derivative.",  # which texts?
        "Various enzymes break the bonds of starch.",  # which enzymes?
    ],
)
def test_no_object_question_where_the_question_is_unanchored_or_the_answer_cut(sentence):
    """A quantified or ordinal subject, or the first item of a list gives no
    'What does X do?' question (raters: ungrammatical, vague, incomplete)."""
    assert not [qa for qa in why_how(sentence, "") if qa.kind == "does-what"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The ensuing winter the Athenians sent twenty ships round Peloponnese.",
        "That same year the council adopted a new charter for the city.",
        "Each autumn the geese leave the northern lakes.",
    ],
)
def test_a_leading_time_is_not_read_as_part_of_the_subject(sentence):
    """A sentence opening on a time without a comma ("The ensuing winter the Athenians
    sent ...") gives no "What did the ensuing winter the Athenians send?"."""
    assert not [qa for qa in why_how(sentence, "") if qa.kind == "does-what"]


def test_a_participle_is_no_finite_verb_and_a_purpose_inside_a_since_clause_is_not_asked():
    """ "The child starts writing the file" gives no "What does the child starts write?"; the
    purpose of "... since the only work it needs to do in order to persist is forking" is no
    purpose of the main clause (databases); "The valve closes in order to prevent backflow"
    (physiology) still asks why."""
    assert not why_how("The child starts writing the new base file to the disk.", "")
    asked = why_how(
        "RDB maximizes performance since the only work the parent needs to do in order to"
        " persist is forking a child.",
        "",
    )
    assert not [qa for qa in asked if qa.kind == "purpose"]
    valve = why_how("The valve closes in order to prevent backflow into the atrium.", "")
    assert [qa.question for qa in valve if qa.kind == "purpose"] == ["Why does the valve close?"]


def test_a_singular_subject_never_gets_a_plural_verb():
    """'A shell script static analysis tool' has no verb: no 'What do a shell script?'."""
    asked = why_how("A shell script static analysis tool.", "")
    assert not [qa for qa in asked if qa.question.startswith("What do a")]


@pytest.mark.parametrize(
    "sentence",
    [  # civil procedure, drill regulations, history, law
        "The Bank brings an action in Maryland.",
        "Officers and men fix their attention on the commander.",
        "Epstein brings quasi in rem action against Balk in Maryland.",
        "Hadrian succeeded Trajan. Roman Empire at its height.",
    ],
)
def test_no_object_question_whose_answer_names_little(sentence):
    """An object of one or two everyday words ('an action'), one ending on an adjective
    ('quasi') or running into the next sentence teaches nothing (raters: bad)."""
    assert not [qa for qa in why_how(sentence, "") if qa.kind == "does-what"]


def test_an_object_that_names_something_is_still_asked():
    """'What did Suleiman besiege?' and a term of the subject's vocabulary stay."""
    asked = {qa.question: qa.answer for qa in why_how("Suleiman besieged Vienna.", "")}
    assert asked.get("What did Suleiman besiege?") == "Vienna"
    asked = {qa.question: qa.answer for qa in why_how("Atropine blocks muscarinic receptors.", "")}
    assert asked.get("What does Atropine block?") == "muscarinic receptors"


@pytest.mark.parametrize(
    "sentence",
    [  # history, web manual
        "Bonaparte becomes Emperor of the French.",  # one of several things he became
        "The request requires user authentication.",  # which request?
    ],
)
def test_no_object_question_on_become_or_on_the_plus_an_everyday_noun(sentence):
    """'What does Bonaparte become?' has many answers; 'the request' leans on its context."""
    assert not [qa for qa in why_how(sentence, "") if qa.kind == "does-what"]


def test_a_name_given_by_called_is_no_object_question():
    """'a tongue-like organ called a radula' names the organ: no 'What did ... call?'."""
    asked = why_how("A tongue-like organ called a radula.", "")  # the clause the maker reads
    assert not [qa for qa in asked if qa.question.endswith(" call?")]


def test_no_object_question_answered_by_a_count_and_inversion_keeps_a_compound_subject():
    """'What does information theory define?' -> 'two mechanisms' says how many, not what;
    'Entire courses and textbooks are devoted to X so that Y' inverts its whole subject."""
    assert not [qa for qa in why_how("Information theory defines two mechanisms.", "")]
    asked = why_how(
        "Entire course and textbooks are devoted to encoding signals so that they can be sent.",
        "",
    )
    assert [qa.question for qa in asked] == [
        "Why are entire course and textbooks devoted to encoding signals?"
    ]


@pytest.mark.parametrize(
    ("sentence", "question", "answer"),
    [  # law, history, and an irregular past
        ("Zurcher sued Cheng Shin in California.", "Whom did Zurcher sue?", "Cheng Shin"),
        ("Victoria married Prince Albert.", "Whom did Victoria marry?", "Prince Albert"),
        ("Suleiman besieged Vienna.", "What did Suleiman besiege?", "Vienna"),
        ("The Normans built stone castles.", "What did the Normans build?", "stone castles"),
    ],
)
def test_a_person_done_to_is_asked_whom_and_a_past_verb_takes_did(sentence, question, answer):
    """A name after 'sue', 'marry', 'succeed' is a person or party: 'Whom ...?'; a place
    after 'besiege' stays 'What'; an irregular past ('built') asks with 'did'."""
    asked = {qa.question: qa.answer for qa in why_how(sentence, "")}
    assert asked.get(question) == answer


def test_elected_and_a_bare_title_is_a_passive_not_an_object():
    """'Rudolf of Habsburg elected Emperor' means he was elected: no 'What/Whom did Rudolf
    elect?'; 'Leo crowned Charlemagne' still asks whom."""
    assert not why_how("Rudolf of Habsburg elected Emperor.", "")
    crowned = {qa.question for qa in why_how("Leo crowned Charlemagne in Rome.", "")}
    assert "Whom did Leo crown?" in crowned


def test_no_object_question_cut_before_its_infinitive():
    """'Companies may pay individual developers to work on curl' asks nothing as 'What may
    companies pay?' -> 'individual developers to work'."""
    assert not why_how("Companies may pay individual developers to work.", "")


def test_a_command_gives_no_object_question():
    """'Take the principal theme of the C minor Symphony for example' (music) is a command."""
    assert not why_how("Take the principal theme of the C minor Symphony for example.", "")


def test_a_span_of_time_is_asked_how_long():
    """'Octavianus reigned fifty-six winters' (a chronicle) asks 'How long did Octavianus
    reign?', not 'What did Octavianus reign?'."""
    asked = {qa.question: qa.answer for qa in why_how("Octavianus reigned fifty-six winters.", "")}
    assert asked == {"How long did Octavianus reign?": "fifty-six winters"}


@pytest.mark.parametrize(
    ("clause", "turned"),
    [  # virology, law: "have" as the main verb is asked with "do"; a perfect keeps "have"
        (
            "RNA viruses have smaller genomes than DNA viruses",
            "do RNA viruses have smaller genomes than DNA viruses",
        ),
        (
            "The court had jurisdiction over the case",
            "did the court have jurisdiction over the case",
        ),
        ("Vaccines have shown great success", "have vaccines shown great success"),
    ],
)
def test_have_as_the_main_verb_is_turned_round_with_do(clause, turned):
    """'Why have RNA viruses smaller genomes?' is not today's English."""
    assert invert(clause) == turned


@pytest.mark.parametrize("verb", why_how_module._CAUSE_VERBS.split("|"))
def test_every_cause_verb_is_asked(verb: str) -> None:
    """A cause sentence is asked about whichever of the cause verbs it uses (the quick word
    test before the pattern lets every one of them through)."""
    made = why_how(f"Chronic inflammation {verb} tissue damage", "")
    assert any(qa.kind in ("causes", "caused-by") for qa in made), made


@pytest.mark.parametrize(
    "verb",
    [
        "consists of",
        "consist of",
        "is composed of",
        "are composed of",
        "is made of",
        "are made of",
        "is made up of",
        "are made up of",
        "contains",
        "contain",
        "depends on",
        "depend on",
        "results from",
        "result from",
    ],
)
def test_every_parts_verb_is_asked(verb: str) -> None:
    """A sentence naming what a thing is made of or depends on is asked about, whichever of
    those verbs it uses."""
    made = why_how(f"The nephron {verb} a glomerulus and a tubule", "")
    assert any(qa.kind == "parts" and qa.answer == "a glomerulus and a tubule" for qa in made)


def test_so_that_after_a_comma_is_a_purpose_only_with_a_modal():
    """'..., so that the temperature stays at freezing' (physics) and '..., so that the word
    "surface" is taken generously' (marine biology) state results, not reasons: no "Why?"
    card. '..., so that they could not hear it' (a legend) and 'TCP uses a handshake so
    that both hosts agree ...' (networking) are purposes; '..., so that may be the simplest
    choice' has a pronoun "that", no clause of purpose."""
    results = [
        "The ice and liquid water are in thermal equilibrium, so that the temperature stays at"
        " the freezing temperature.",
        "Many small organisms are most abundant at fifty fathoms, so that the word surface is"
        " taken generously.",
        "Clojure defaults to doubles for floating point values, so that may be the simplest.",
    ]
    for sentence in results:
        assert [qa for qa in why_how(sentence, "") if qa.kind == "purpose"] == []
    legend = why_how("The gods sent the guards to sleep, so that they could not hear it.", "")
    assert [(qa.question, qa.answer) for qa in legend if qa.kind == "purpose"] == [
        ("Why did the gods send the guards to sleep?", "they could not hear it")
    ]
    tcp = why_how("TCP uses a three-way handshake so that both hosts agree on numbers.", "")
    assert [qa.answer for qa in tcp if qa.kind == "purpose"] == ["both hosts agree on numbers"]


def test_a_why_question_keeps_its_subject_whole_and_its_clause_finished():
    """'The primary purpose of device drivers is to provide ... so that ...' (operating
    systems) asks "Why is the primary purpose of device drivers to provide ...?", not "Why do
    the primary purpose ... is ...?"; 'SRAM is faster than DRAM, but because it is expensive,
    ...' (hardware) gives no "Why is SRAM faster than DRAM, but?"; 'Plants wilt because ...'
    (botany) is asked as before."""
    from studyapp.cards.questions import questions

    purpose = questions(
        "The primary purpose of device drivers is to provide a layer of abstraction so that"
        " the programmers do not need to know the details of the hardware.",
        "",
    )
    assert [qa.question for qa in purpose] == [
        "Why is the primary purpose of device drivers to provide a layer of abstraction?"
    ]
    cut = questions(
        "SRAM is a much faster type of memory than DRAM, but because it is expensive, it is"
        " used only for caches.",
        "",
    )
    assert not [qa for qa in cut if qa.question.endswith("but?")]
    plain = questions("Plants wilt because their cells lose water.", "")
    assert ("Why do plants wilt?", "their cells lose water") in [
        (qa.question, qa.answer) for qa in plain
    ]


def test_like_after_a_plural_subject_is_no_verb():
    """'Interactive user inputs like sliders make notebooks engaging' (education): "like"
    compares; no "What do interactive user inputs like?" card."""
    for sentence in (
        "Interactive user inputs like sliders and buttons make notebooks more engaging.",
        "Interactive user inputs like mouse or touchscreen controlled sliders, buttons,"
        " highlighting, etc. allow a notebook user to change a model's parameters.",
    ):
        asked = [qa.question for qa in why_how(sentence, "")]
        assert not [q for q in asked if q.endswith(" like?") or " like mouse" in q], asked


def test_an_adverb_of_because_is_not_left_at_the_end_of_the_question():
    """'... sent children away just because they were unruly' (psychology), '... failed
    partly because the harvest was poor' (history): the adverb goes with the reason."""
    from studyapp.cards.why_how import _because

    sent = _because(
        "Teachers might send children away to institutions just because they were unruly", ""
    )
    assert sent is not None
    assert sent.question == "Why might teachers send children away to institutions?"
    failed = _because("The revolt failed partly because the harvest was poor", "")
    assert failed is not None and failed.question == "Why did the revolt fail?"
