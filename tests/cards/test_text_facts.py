"""Facts read off sentences: definitions, enumerations, and what kind of thing a term is."""

from __future__ import annotations

import pytest

from studyapp.cards.text_facts import definitions, enumeration, kind_of


@pytest.mark.parametrize(
    ("definition", "kind"),
    [
        ("a psychiatric condition that occurs after trauma", "condition"),
        ("a type of chronic pain resulting from nerve damage", "condition"),
        ("a medical emergency characterized by continuous seizures", "condition"),
        ("a procedure used to secure the airway", "procedure"),
        ("the process by which a normal brain becomes epileptic", "process"),
        ("an enzyme that converts angiotensin I", "substance"),
    ],
)
def test_the_kind_of_a_defined_term(definition, kind):
    """Conditions go with conditions, procedures with procedures: distractors of a 'which
    term' question are of the answer's kind."""
    assert kind_of(definition) == kind


def test_definitions_and_enumerations_are_verbatim():
    """'X is a ...' gives subject and definition; '..., particularly in cases of A, B, and C'
    gives the list, each piece verbatim."""
    found = definitions("Status epilepticus is a medical emergency with continuous seizures.")
    assert (found[0].subject, found[0].definition) == (
        "Status epilepticus",
        "a medical emergency with continuous seizures",
    )
    listed = enumeration(
        "Studies reported good outcomes, particularly in cases of neuropathic pain, "
        "fibromyalgia, and CRPS."
    )
    assert listed == (
        "Studies reported good outcomes",
        ["neuropathic pain", "fibromyalgia", "CRPS"],
    )


def test_include_lists_are_enumerations():
    """'Common causes include kinked tubing, closed clamps, and clotted cannulas' lists three
    items, so no cloze splits one of them."""
    assert enumeration(
        "Common causes include kinked tubing, closed clamps, and clotted cannulas."
    ) == (
        "Common causes",
        ["kinked tubing", "closed clamps", "clotted cannulas"],
    )


def test_a_definition_stops_where_a_second_clause_begins():
    """'The chardet library is an LGPL-licenced dependency and some users cannot depend on
    it' defines chardet as 'an LGPL-licenced dependency' (a manual); 'and' inside a noun
    phrase ('a tuft of capillaries and cells') stays."""
    from studyapp.cards import text_facts as tf

    found = tf.definitions(
        "The chardet library is an LGPL-licenced dependency and some users cannot depend on it."
    )
    assert found and found[0].definition == "an LGPL-licenced dependency"
    tuft = tf.definitions("The glomerulus is a tuft of capillaries and cells in the kidney.")
    assert tuft and tuft[0].definition == "a tuft of capillaries and cells in the kidney"


@pytest.mark.parametrize(
    "sentence",
    [
        "The DMCA framework is a bit like passing notes in class.",  # law
        "The cell membrane is like the wall of a walled city.",  # biology
        "A stack is kind of like a pile of plates.",  # computing
    ],
)
def test_a_likeness_is_not_a_definition(sentence):
    """ "X is a bit like passing notes in class" is an image, not what X is: no "What is the
    DMCA framework?" card answers "a bit like passing notes in class"."""
    assert definitions(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The square knot is the one used by surgeons in securing bandages.",  # first aid
        "The jury is the one which decides questions of fact.",  # law
        "The final stage is the one in which the chromosomes separate.",  # biology
    ],
)
def test_the_one_standing_for_a_noun_is_not_a_definition(sentence):
    """ "The square knot is the one used by surgeons" names nothing: no "What is the term for
    the one used by surgeons ...?" card (rated bad: "the one" unnamed)."""
    assert definitions(sentence) == []


def test_the_one_before_a_noun_still_defines():
    """ "The larynx is the one organ of the throat that holds the vocal cords" says what the
    larynx is."""
    found = definitions("The larynx is the one organ of the throat that holds the vocal cords.")
    assert found and found[0].definition.startswith("the one organ")


def test_a_definition_stops_at_a_semicolon_outside_brackets():
    """'Success in battle is the ultimate object of all military training; success may be
    looked for ...' defines it as 'the ultimate object of all military training' (drill); a
    semicolon inside brackets (zoology) does not end it."""
    (drill,) = definitions(
        "Success in battle is the ultimate object of all military training; success may be"
        " looked for only when the training is intelligent and thorough."
    )
    assert drill.definition == "the ultimate object of all military training"
    (worms,) = definitions(
        "Earthworms are the most abundant members of the class Oligochaeta (oligo- means"
        " few; chaete means bristle), distinguished by the clitellum."
    )
    assert worms.definition.endswith("distinguished by the clitellum")


def test_a_term_set_apart_as_a_kind_of_thing_is_defined():
    """The aside "neuropathy, a type of chronic pain ..." defines neuropathy as the kind it names;
    a sentence with no such aside defines nothing."""
    (found,) = definitions("Patients with neuropathy, a type of chronic pain from nerve damage.")
    assert (found.subject, found.verb) == ("neuropathy", "is")
    assert found.definition == "a type of chronic pain from nerve damage"
    assert definitions("Patients with neuropathy, a chronic pain, need care from nurses.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "An example is the photosynthetic corals of the coral reef.",  # ecology
        "One exception is the platypus, a mammal that lays eggs.",  # zoology
        "A famous instance is the Dred Scott decision of 1857.",  # law
    ],
)
def test_an_example_or_exception_is_not_defined(sentence):
    """'An example is X' names X as a case of what came before: no definition of
    'example' (which made "What is the term for the photosynthetic corals?" -> "example")."""
    assert not [
        d
        for d in definitions(sentence)
        if d.subject.split()[-1].lower() in ("example", "exception", "instance")
    ]
