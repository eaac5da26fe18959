"""Clozes of a section's sentences hide the fact a sentence states, once, and nothing the
screen or another card already shows."""

from __future__ import annotations

import re

from studyapp.cards.generate import generate_decks
from studyapp.outline.parse import parse_outline

CLOZE = re.compile(r"\{\{c\d+::(.*?)\}\}")

# Notes written for these tests (not the shipped source).
LIVER = """# Furosemide in Practice

## Adverse Effects

### Liver

Furosemide very rarely triggers drug-induced liver injury (DILI) in older adults with sepsis.
Large randomized trials have shown that furosemide boluses work as well as infusions.
Furosemide lowers serum potassium in most patients on long courses.
"""

EAR = """# Furosemide in Practice

## Heart Failure

### Acute Use

Furosemide relieves breathlessness in acute decompensated heart failure (ADHF) within an hour
of dosing. Furosemide depletes potassium and magnesium in patients on long courses.

### Cochlear Toxicity

Rapid injections of furosemide damage cochlear hair cells and cause tinnitus in some patients.
Furosemide depletes calcium in patients with hypoparathyroidism.
"""

MECHANISM = """# Furosemide in Practice

## Pharmacology

### Mechanism

Furosemide blocks the sodium-potassium-chloride cotransporter in the thick ascending limb.
The natriuresis of furosemide begins within minutes of an intravenous dose.

### Site of Action

Furosemide blocks the chloride binding site of the cotransporter in the loop of Henle.
"""


# one section, so no other sentence's cloze competes for the deck's share of clozes
COCHLEA = """# Furosemide in Practice

## Cochlear Toxicity

Rapid injections of furosemide damage cochlear hair cells and cause tinnitus in some patients.
Loop diuretics require careful dosing in renal failure.
Audiometry is the measurement of hearing acuity. Ototoxicity is damage to the inner ear by a drug.
"""


def _cards(text: str):
    return [c for d in generate_decks(parse_outline(text), prefix="f") for c in d.cards]


def _hidden(cards) -> list[str]:
    return [h for c in cards for h in CLOZE.findall(c.text)]


def test_no_cloze_hides_a_piece_of_a_spelled_out_abbreviation():
    """'drug-induced {{liver injury}} (DILI)' is given away by its initials: not a cloze."""
    hidden = _hidden(_cards(LIVER))
    assert hidden and not any(h in "drug-induced liver injury (DILI)" for h in hidden)


def test_no_cloze_hides_who_reported_a_claim():
    """In 'Large randomized trials have shown that ...' the claim is the point: the trials
    are never the hidden phrase, and 'boluses' is not read as a verb ('What does furosemide
    boluse?')."""
    cards = _cards(LIVER)
    assert "Large randomized trials" not in _hidden(cards)
    assert not any("boluse?" in c.question for c in cards)


def test_clozes_avoid_phrases_the_titles_hint_at():
    """Under 'Cochlear Toxicity' the cloze hides 'tinnitus', not 'cochlear hair cells', and
    the hinted phrase is not hidden as a second cloze of the sentence either."""
    hidden = _hidden(_cards(COCHLEA))
    assert "tinnitus" in hidden
    assert "cochlear hair cells" not in hidden


def test_a_sentence_asked_by_a_question_gets_no_cloze_on_the_same_fact():
    """'What does furosemide block in the thick ascending limb?' asks for the cotransporter:
    no cloze asks for a piece of it again, and 'What does furosemide block?' (which 'Site of
    Action' would answer otherwise) is not asked at all."""
    cards = _cards(MECHANISM)
    mechanism = [c for c in cards if c.section == "1.1"]
    asked = [c for c in mechanism if c.question.startswith("What does furosemide block")]
    assert asked and "cotransporter" in asked[0].answer
    assert "thick ascending limb" in asked[0].question
    assert not any(h in asked[0].answer for h in _hidden(mechanism))
    assert "What does furosemide block?" not in [c.question for c in cards]


def test_a_definition_that_only_names_a_kind_gives_no_cards():
    """'SciPy is a vast library' (computing) defines nothing; 'Insulin is a peptide hormone
    that lowers blood glucose' (physiology) does."""
    vague = "# Tools\n\n## Libraries\n\nSciPy is a vast library.\n"
    assert not [c for c in _cards(vague) if "SciPy" in c.question or c.answer == "SciPy"]
    real = "# Hormones\n\n## Pancreas\n\nInsulin is a peptide hormone that lowers blood glucose.\n"
    assert any(c.question == "What is insulin?" for c in _cards(real))


def test_a_list_question_finishes_a_statement_never_a_bare_noun_phrase():
    """'Ketamine has emerged as a treatment for conditions, such as which four?' finishes a
    statement; 'The digestive system, such as which four?' (zoology) and 'organisms that,
    such as which two?' ask nothing, nor does a lead-in cut after its modal (security)."""
    from studyapp.cards.from_text import states_something

    assert states_something("Beyond anesthesia, ketamine has emerged as a treatment for conditions")
    assert states_something("The autonomic system is affected by a number of exogenous agents")
    assert not states_something("The digestive system")
    assert not states_something("The flatworms are acoelomate organisms that")
    assert not states_something("Authentication factors may")  # "may include" was cut off
    assert not states_something("The category of structures")  # a noun after "of", no verb


def test_a_state_is_no_definition():
    """'Federal courts are unanimous in agreeing that ...' (law) says how something is, not
    what kind of thing: no 'What are federal courts?' and no 'What is the term for
    unanimous ...?'; 'A tort is a civil wrong ...' still defines."""
    from studyapp.cards.generate import generate_decks
    from studyapp.outline.parse import parse_outline

    outline = parse_outline(
        "# Courts\n\n## Joinder\n\nFederal courts are unanimous in agreeing that claims arising"
        " from the same transaction satisfy the same case requirement. A tort is a civil wrong"
        " that causes a claimant to suffer loss or harm.\n"
    )
    questions = [c.question for d in generate_decks(outline, prefix="law") for c in d.cards]
    assert "What are federal courts?" not in questions
    assert not [q for q in questions if q.startswith("What is the term for unanimous")]
    assert "What is a tort?" in questions


def test_a_doer_brought_in_by_a_story_is_not_asked_about():
    """'A backup application copies ...; the backup application replaces ...' (databases) and
    'A fox enters the henhouse ...; the fox ...' (a fable) tell a story: no 'What does the
    backup application replace?'. 'The sympathetic nervous system raises the heart rate'
    (physiology) names a concept the section did not bring in as 'a ...': still asked."""
    story = (
        "# Replication\n\n## Backups\n\nA backup application copies every new document to the"
        " laptop each night. When a document changes, the backup application replaces the older"
        " revision on the laptop.\n\n## Fables\n\nA hungry fox enters the henhouse at night."
        " The hungry fox steals the youngest hens before dawn.\n"
    )
    asked = [c.question for c in _cards(story)]
    assert not [q for q in asked if "the backup application" in q or "the hungry fox" in q]
    concept = (
        "# Autonomic Nervous System\n\n## Fight or Flight\n\nThe sympathetic nervous system"
        " raises the resting heart rate during exercise and stress.\n"
    )
    asked = [c.question.lower() for c in _cards(concept)]
    assert any("what does the sympathetic nervous system raise" in q for q in asked), asked


def test_a_name_defined_by_a_description_is_not_asked_as_a_term():
    """'Australia is a wealthy, industrialised country ...' (statistics) and 'Caere is the
    first of the Italian towns ...' (history) describe an example, not a term: no "What is
    the term for ...?" card; 'Osmosis is the diffusion of water ...' (biology) keeps it."""
    text = (
        "# Notes\n\n## Samples\n\n"
        "Australia is a wealthy, industrialised country with a very well-developed education "
        "system. Students there sit national tests.\n\n"
        "## Towns\n\nCaere is the first of the Italian towns mentioned in Greek records. "
        "Greek traders reached Caere early.\n\n"
        "## Cells\n\nOsmosis is the diffusion of water across a selectively permeable "
        "membrane. Osmosis moves water toward the higher solute concentration.\n"
    )
    answers = {
        c.answer
        for d in generate_decks(parse_outline(text), prefix="t")
        for c in d.cards
        if c.question.startswith("What is the term for")
    }
    assert "Osmosis" in answers
    assert not {"Australia", "Caere"} & answers


def test_a_definition_question_agrees_with_its_term():
    """'Permissive licenses is the term ...' (law) asks 'What are permissive licenses?';
    'Allophones are ...' (phonetics) keeps 'are' and 'A virion is ...' (biology) 'is'."""
    law = (
        "# Licences\n\n## Kinds\n\nPermissive licenses is the term used to distinguish free"
        " software licenses that grant freedoms without requiring them to be preserved.\n"
    )
    assert "What are permissive licenses?" in [c.question for c in _cards(law)]
    phonetics = (
        "# Phonology\n\n## Phones\n\nAllophones are the alternative phones that all stand for"
        " the same phoneme in the given language.\n"
    )
    assert "What are allophones?" in [c.question for c in _cards(phonetics)]
    biology = (
        "# Viruses\n\n## Structure\n\nA virion is a complete virus particle that consists of"
        " nucleic acid surrounded by a protective coat of protein.\n"
    )
    assert "What is a virion?" in [c.question for c in _cards(biology)]


def test_an_example_read_as_a_term_is_not_defined():
    """'Studies that rely on undergraduates are a common example' (psychology): the sides of
    the sentence were swapped, so no 'What are a common example ...?' card."""
    text = (
        "# Sampling\n\n## Convenience samples\n\nStudies that rely on undergraduate psychology"
        " students are a common example in psychology.\n"
    )
    assert not [c for c in _cards(text) if c.question.startswith("What are a ")]


def test_a_sentence_hides_the_second_of_a_pair_last():
    """'... the potential for abuse and dependence' (pharmacology), '... suspicious or
    malicious activity' (security): the first half of a pair gives its second away, so the
    cloze of such a sentence hides another term of it when it has one."""
    from studyapp.cards.from_text import _PARTNER_BEFORE

    assert _PARTNER_BEFORE.search("There are concerns about the potential for abuse and ")
    assert _PARTNER_BEFORE.search("It supports investigations of suspicious or ")
    assert not _PARTNER_BEFORE.search("Ketamine blocks ")


def test_a_short_sentence_gives_a_cloze_only_where_its_section_has_too_few_cards():
    """A note's short line ('The use of instance methods confers two benefits.') leans on the
    lines around it: a section with longer sentences to ask (software) clozes those, while a
    section of short lines only (graph theory) still gets its cards from them."""
    text = (
        "# Notes\n\n## Methods\n\n"
        "The use of instance methods confers two benefits. "
        "An instance method receives the object it was called on as its first parameter. "
        "A class method receives the class itself, so subclasses can build their own objects. "
        "A decorator is a function that takes another function and extends its behaviour.\n\n"
        "## Paths\n\n"
        "A trail in which all vertices are distinct is a path. "
        "A closed path is a cycle.\n"
    )
    cards = _cards(text)
    methods = [c.text for c in cards if c.section == "1" and c.text]
    assert methods and not any("confers" in t for t in methods)
    assert [c for c in cards if c.section == "2"]


def test_two_questions_with_one_long_answer_leave_their_section_short_of_cards():
    """'What does X involve?' and 'How does X reduce Y?', both answered 'blocking NMDA
    receptors in the central nervous system', are one card to the selection: the section is
    still short, so its sentences give their second-round clozes (a history section alike)."""
    from studyapp.cards.drafts import Draft
    from studyapp.cards.from_text import _two_sound
    from studyapp.model import CardType

    def ask(key: str, question: str, answer: str) -> Draft:
        return Draft(CardType.BASIC, key, "1", f"{answer}.", question, answer)

    same = "building a double ring of fortifications around the town"
    siege = [
        ask("involved|a", "What did Caesar's strategy at the siege of Alesia involve?", same),
        ask("how|a", "How did Caesar cut off the defenders of Alesia?", same),
    ]
    assert not _two_sound(siege, "Sieges / Alesia", "")
    other = ask("when|b", "When did the siege of Alesia take place?", "52 BC")
    assert _two_sound([*siege, other], "Sieges / Alesia", "")
    nmda = "blocking NMDA receptors in the central nervous system"
    pain = [
        ask("involves|c", "What does ketamine's action in pain modulation involve?", nmda),
        ask("how|c", "How does ketamine reduce the transmission of pain signals?", nmda),
    ]
    assert not _two_sound(pain, "Chronic Pain / Mechanism", "")


DRILL = """# Marches

## Covering detachments

The covering detachment marches ahead of the main body. Each covering detachment sends patrols
to the flanks. Tactical units should not be broken in making details for covering detachments.
The support commander orders the necessary reconnaissance. Outpost patrols keep close contact
with the enemy. The reserve stays with the main body.
"""

CIRCUITS = """# Oscillators

## The simple pendulum

A simple pendulum is a mass on a light string. The period of a simple pendulum depends on its
length. A physical pendulum swings about a fixed axis through the object. Blondness increases
appreciably on the higher slopes of the Alps. The restoring force is proportional to the
displacement.
"""


def test_no_cloze_hides_half_of_a_compound_the_text_uses_again():
    """'covering [detachments]' in a drill manual, 'simple [pendulum]' in physics: the word
    before the blank is the first half of the term, said again and again; and a run of
    words never ends on a verb followed by its adverb ('[Blondness increases] appreciably')."""
    hidden = [h.lower() for h in _hidden(_cards(DRILL)) + _hidden(_cards(CIRCUITS))]
    assert "detachments" not in hidden and "detachment" not in hidden
    assert "pendulum" not in hidden
    assert not any(h.endswith("increases") for h in hidden)


def test_a_compound_the_text_uses_again_is_a_whole_blank():
    """The -ing word of 'covering detachment' is part of the term, not a verb before it."""
    from studyapp.cards.phrase_scorer import PhraseScorer

    scorer = PhraseScorer(DRILL.split(". "), set(), "")
    sentence = "Each covering detachment sends patrols to the flanks"
    phrases = [p for _score, p in scorer.candidates(sentence)]
    assert "covering detachment" in phrases
    assert scorer.cuts_compound(sentence, sentence.find("detachment"), "detachment")
    verb = "Outpost patrols keep close contact with the enemy"
    assert not scorer.cuts_compound(verb, verb.find("contact"), "contact")


def test_a_blank_opening_inside_a_compound_the_text_uses_is_half_a_term():
    """'an independent memory [management subsystem]' in a text on memory management
    (operating systems): the word before the blank and its first word are the term."""
    from studyapp.cards.phrase_scorer import PhraseScorer

    sentences = [
        "Memory management in Linux is a complex system",
        "The memory management code keeps lists of free pages",
        "For each node Linux constructs an independent memory management subsystem",
    ]
    scorer = PhraseScorer(sentences, set(), "")
    sentence = sentences[2]
    at = sentence.find("management subsystem")
    assert scorer.cuts_compound(sentence, at, "management subsystem")
    assert not scorer.cuts_compound(sentence, sentence.find("node"), "node")


def test_a_list_inside_a_clause_that_goes_on_after_it_gives_no_examples_card():
    """Film editing: "Rendering allows the sequence, such as titles and transition effects, to
    be exported" and ecology: "The pathways through which essential elements, such as carbon,
    nitrogen and phosphorus, move ..." set their list inside a clause that goes on: the
    words before it are half a clause ("Rendering allows the sequence, such as which two?").
    A list that ends its sentence, or is followed by a clause of its own, is asked."""
    text = (
        "# Notes\n\n## Editing\n\n"
        "Rendering in the editor allows the sequence, such as titles and transition effects,"
        " to be exported as one file.\n\n"
        "## Ecology\n\n"
        "The pathways through which essential elements, such as carbon, nitrogen, and"
        " phosphorus, move through ecosystems are biogeochemical cycles.\n\n"
        "## Predation\n\n"
        "Many organisms have developed defenses against predation, such as mechanical"
        " defenses, warning coloration, and mimicry.\n\n"
        "## Treatments\n\n"
        "Researchers are investigating new treatments for conditions such as asthma and"
        " eczema, expanding the scope of the therapy.\n"
    )
    questions = [
        c.question for d in generate_decks(parse_outline(text), prefix="t") for c in d.cards
    ]
    assert not [q for q in questions if q.startswith(("Rendering", "The pathways"))]
    assert (
        "Many organisms have developed defenses against predation, such as which three?"
        in questions
    )
    assert "Researchers are investigating new treatments for conditions, such as which two?" in (
        questions
    )
