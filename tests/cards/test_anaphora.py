"""Sentences shown alone on a card never point at something the student cannot see."""

from __future__ import annotations

import pytest

from studyapp.cards.anaphora import pronoun_without_referent, standalone

TERMS = frozenset({"neuropathic pain", "status epilepticus"})


@pytest.mark.parametrize(
    "sentence",
    [
        "By doing so, ketamine reduces the transmission of pain signals.",
        "In such cases, ketamine can act as a valuable tool to break the seizure cycle.",
        "This unique property makes ketamine an effective option for chronic pain.",
        "Therefore, the dose must be lowered in the elderly.",
        "Ketamine's interaction with GABAergic pathways may play a role in modulating these "
        "processes.",
        "Infusion therapy improved the quality of life for individuals with these challenging "
        "pain disorders.",
    ],
)
def test_sentences_leaning_on_earlier_ones_are_left_out(sentence):
    """'By doing so', 'In such cases', 'This unique property', '... these processes' give no
    card: the student would not know what they refer to."""
    previous = "Ketamine blocks NMDA receptors in the central nervous system."
    assert standalone(sentence, "ketamine", previous, TERMS) is None


def test_this_noun_resolves_to_the_subject_when_the_paragraph_named_it():
    """'This interaction with opioid pathways ...' after 'Ketamine’s interaction with ...'
    becomes 'Ketamine’s interaction with opioid pathways ...'."""
    earlier = (
        "Ketamine’s interaction with the brain’s opioid pathways contributes to analgesia. "
        "It enhances the release of endogenous opioids."
    )
    sentence = "This interaction with opioid pathways allows for a synergistic effect."
    assert standalone(sentence, "ketamine", "It enhances ...", TERMS, earlier) == (
        "Ketamine’s interaction with opioid pathways allows for a synergistic effect."
    )


def test_these_actions_resolve_to_the_properties_just_named():
    """'These potential actions ...' after '... for its neuroprotective and anti-inflammatory
    properties.' names those properties."""
    previous = (
        "Ketamine has been investigated for its neuroprotective and anti-inflammatory properties."
    )
    sentence = "These potential actions could be relevant in epilepsy."
    assert standalone(sentence, "ketamine", previous, TERMS) == (
        "Ketamine’s neuroprotective and anti-inflammatory properties could be relevant in epilepsy."
    )


def test_a_sentence_opening_with_its_own_term_keeps_its_inner_reference():
    """'Neuropathic pain ... for patients with this condition' carries its own referent."""
    sentence = (
        "Neuropathic pain is hard to treat, but ketamine gives relief to patients with "
        "this condition."
    )
    assert standalone(sentence, "ketamine", "Title", TERMS) == sentence


def test_leading_it_and_connectives():
    """'It increases ...' after a sentence about ketamine reads 'Ketamine increases ...';
    'Additionally, ' is dropped; an 'It' after a sentence about something else is left out."""
    assert standalone(
        "It increases BDNF levels.", "ketamine", "Ketamine is an NMDA antagonist.", TERMS
    ) == ("Ketamine increases BDNF levels.")
    assert standalone("Additionally, ketamine lowers pain perception.", "ketamine", "x", TERMS) == (
        "Ketamine lowers pain perception."
    )
    assert (
        standalone("It runs best at half throttle.", "ketamine", "The pump is old.", TERMS) is None
    )
    assert standalone("There are concerns about abuse.", "ketamine", "x", TERMS) == (
        "There are concerns about abuse."
    )


def test_by_doing_so_and_in_such_cases_resolve_from_the_paragraph():
    """'By doing so' takes the gerund of the previous sentence ('involves blocking NMDA
    receptors'); 'In such cases' takes the term the paragraph opened by defining."""
    previous = "Ketamine’s main mechanism involves blocking NMDA receptors in the spinal cord."
    assert standalone(
        "By doing so, ketamine lowers pain perception.", "ketamine", previous, TERMS
    ) == ("By blocking NMDA receptors in the spinal cord, ketamine lowers pain perception.")
    earlier = (
        "Status epilepticus is a medical emergency with continuous seizures. "
        "Ketamine can be used as an adjunct."
    )
    sentence = "In such cases, ketamine can break the seizure cycle."
    assert standalone(
        sentence, "ketamine", "Ketamine can be used as an adjunct.", TERMS, earlier
    ) == ("In status epilepticus, ketamine can break the seizure cycle.")


def test_it_after_a_definition_is_the_defined_term():
    """'Naloxone is a competitive antagonist. It is given intravenously.' -> 'Naloxone is
    given intravenously.' (not the document's main subject)."""
    previous = "Naloxone is a competitive antagonist at opioid receptors."
    assert standalone("It is given intravenously.", "opioids", previous, TERMS) == (
        "Naloxone is given intravenously."
    )


def test_this_and_the_title_s_last_word_names_the_section_s_subject():
    """Under "Dijkstra's algorithm", 'This algorithm finds ...' stands alone as "Dijkstra's
    algorithm finds ..." (computing; also an enzyme in physiology); under a title that does
    not end on the noun ('Use words in their proper sense.'), 'This rule' stays unresolved."""
    found = standalone(
        "This algorithm finds shortest paths in a weighted graph.",
        "",
        "Intro.",
        frozenset(),
        title="Dijkstra's algorithm",
    )
    assert found == "Dijkstra's algorithm finds shortest paths in a weighted graph."
    enzyme = standalone(
        "This enzyme converts angiotensin I.",
        "",
        "x",
        frozenset(),
        title="Angiotensin-converting enzyme",
    )
    assert enzyme == "Angiotensin-converting enzyme converts angiotensin I."
    rule = standalone(
        "This rule forbids one word in two senses.",
        "",
        "x",
        frozenset(),
        title="Use words in their proper sense.",
    )
    assert rule is None


def test_these_plus_the_kind_a_definition_just_named_is_that_term():
    """After 'Osmosis is the movement of water across a membrane.', '... driving these
    movements ...' speaks of osmosis (biology; also 'the process by which' in neurology)."""
    previous = "Osmosis is the movement of water across a semipermeable membrane."
    found = standalone(
        "Aquaporins speed up these movements in kidney cells.", "", previous, frozenset()
    )
    assert found == "Aquaporins speed up osmosis in kidney cells."
    other = standalone("Aquaporins speed up these channels in cells.", "", previous, frozenset())
    assert other is None  # a pointer the definition does not name stays unresolved


def test_these_plus_the_kind_is_not_resolved_into_a_repetition():
    """'modulating these processes, potentially influencing epileptogenesis' (neurology)
    or '... these movements, and so osmosis' (biology) would repeat the term: the pointer
    meant more than the term, so the sentence is left out."""
    previous = "Epileptogenesis refers to the process by which a normal brain changes."
    sentence = "Ketamine may modulate these processes, potentially influencing epileptogenesis."
    assert standalone(sentence, "", previous, frozenset()) is None
    water = "Osmosis is the movement of water across a semipermeable membrane."
    moves = "Aquaporins speed up these movements, and so osmosis in kidney cells."
    assert standalone(moves, "", water, frozenset()) is None


def test_its_is_not_resolved_to_a_plural_subject():
    """In a text about species (ecology), 'its foundation' is not 'species's foundation'."""
    previous = "Species interact in many ways within a community."
    sentence = "Community structure is described by its foundation and keystone species."
    assert standalone(sentence, "species", previous, frozenset()) != (
        "Community structure is described by species's foundation and keystone species."
    )


@pytest.mark.parametrize(
    ("sentence", "pronoun"),
    [
        # geography: "it" after plural nouns only
        (
            "The boundaries separating it from Veragua on the east run nearly north and south.",
            "it",
        ),
        # political philosophy: "they" after one singular thing
        ("The legislative authority, by which they are in force, hath no power over him.", "they"),
        # zoology: "their" before anything is named
        ("Although their taxonomy is in flux, one treatment places rotifers in classes.", "their"),
        # history: "he" with no one named
        ("Soon afterwards, he received the episcopal function at Winchester.", "he"),
        # networking: "it" after the opening phrase, with only plural nouns before
        ("In both cases, it returns an acknowledgement frame to the sender.", "it"),
    ],
)
def test_a_pronoun_the_sentence_does_not_name_is_found(sentence, pronoun):
    """A card showing "the boundaries separating it from Veragua" leaves the student asking
    what "it" is: a pronoun with nothing before it in the sentence that it can mean is found,
    on any subject."""
    assert pronoun_without_referent(sentence) == pronoun


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine blocks NMDA receptors, which makes it useful in depression.",  # pharmacology
        "Locke, Berkeley and Hume made contributions to truth by their methods.",  # philosophy
        "Resistant attachment results from the caregivers’ inconsistent response to their child.",
        "Cuthburga reared the monastery of Wimburn after her marriage.",  # history: a name
        "Based on studies of animals, it has been suggested that alcohol harms the foetus.",
        "Species that share a habitat compete when they need the same resources.",  # ecology
        "What must be avoided as it leads to laxity in execution?",  # the answer is its referent
    ],
)
def test_a_pronoun_named_earlier_in_its_sentence_is_fine(sentence):
    """A pronoun whose referent the sentence itself names ("Ketamine ... makes it useful"),
    an "it" that points forward ("it has been suggested that ..."), and a question's "it"
    meaning what the question asks for all stand alone."""
    assert pronoun_without_referent(sentence) == ""


@pytest.mark.parametrize(
    "sentence",
    [
        "It is up to the parties to evaluate the merit of their claims.",  # law
        "It is important that the dose of the drug stays low.",  # pharmacology
        "It is possible to measure the speed of light with a rotating mirror.",  # physics
    ],
)
def test_an_it_that_points_forward_is_left_as_written(sentence):
    """ "It is up to the parties to ..." means no thing: it is never replaced by the subject of
    the sentence before ("Github is up to the parties ..." was rated ungrammatical)."""
    previous = "GitHub hosts code for millions of users, and so does the drug ketamine."
    assert standalone(sentence, "github", previous, TERMS) == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Unfortunately, the Halting Problem, as this is called, cannot be solved.",  # computing
        "Relative to that, there was a small decline in the productivity growth rate.",  # economics
        "All of these can be considered attributes of lexemes or lemmas.",  # linguistics
        "The court gave no weight to that.",  # law
    ],
)
def test_a_demonstrative_standing_for_something_said_before_is_left_out(sentence):
    """'as this is called', 'Relative to that,', 'gave no weight to that': the card would show
    the pointer without what it points at (computing, economics, linguistics, law)."""
    assert standalone(sentence, "", "Some earlier sentence.", frozenset()) is None


@pytest.mark.parametrize(
    ("sentence", "main"),
    [
        (  # music
            "A double cut-time sign may indicate a four-half measure, but this is rare.",
            "A double cut-time sign may indicate a four-half measure.",
        ),
        (  # pharmacology
            "There are concerns about the potential for abuse and dependence, although this is"
            " less likely with controlled, medically supervised treatments.",
            "There are concerns about the potential for abuse and dependence.",
        ),
        (  # history
            "The Greek city was run by and for the freemen, which made this a narrow democracy.",
            "The Greek city was run by and for the freemen.",
        ),
    ],
)
def test_a_pointer_in_a_closing_clause_leaves_the_main_clause_standing(sentence, main):
    """'..., but this is rare': the closing clause points back, the main clause before it
    is a whole statement and becomes the card's sentence (music, pharmacology, history)."""
    assert standalone(sentence, "", "Some earlier sentence.", frozenset()) == main


@pytest.mark.parametrize(
    "sentence",
    [
        "A group of even beats (or pulses), always felt, which this sign marks.",  # no verb
        "It rained, but this was rare.",  # a main clause too short to say anything alone
    ],
)
def test_a_main_clause_that_states_nothing_alone_is_not_kept(sentence):
    """A cut that leaves no verb or only a few words leaves the sentence out."""
    assert standalone(sentence, "", "Some earlier sentence.", frozenset()) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The four factors that affect acidity are these: size, charge, resonance and induction.",
        "Mendel showed that each parent passes on one allele of each gene.",
        "Glaciers carved the valleys of the Alps during that period.",
    ],
)
def test_a_demonstrative_before_a_noun_or_a_colon_is_no_pointer_back(sentence):
    """'are these: size, charge, ...' points forward, 'showed that each parent ...' opens a
    clause: the sentence stands alone as written (chemistry, genetics, geology)."""
    assert standalone(sentence, "", "Some earlier sentence.", frozenset()) == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "A well known example is the Wisconsin card-sorting task.",  # psychology
        "One example would be the MKCOL method some servers use.",  # networking
        "Another example is the sea star of the Pacific coast.",  # ecology
    ],
)
def test_an_example_that_does_not_say_of_what_leans_back(sentence):
    """'A well known example is X' is an example of what the text said before: the card
    would not say of what. 'An example of a keystone species is ...' says it and stays."""
    assert standalone(sentence, "", "Some earlier sentence.", frozenset()) is None
    said = "An example of a keystone species is the sea star of the Pacific coast."
    assert standalone(said, "", "Some earlier sentence.", frozenset()) == said
