"""Fill-the-blank multiple choice: distractors of the same kind that are never also right."""

from __future__ import annotations

import re

from studyapp.cards.drafts import Draft
from studyapp.cards.from_blanks import BLANK, _heads, blank_choices, never_kept, siblings
from studyapp.model import CardType

SENTENCES = [
    "Morphine has analgesic effects and sedative effects.",
    "Naloxone reverses the respiratory effects of opioids.",
    "Ondansetron prevents the emetic effects of chemotherapy.",
    "Haloperidol has antipsychotic effects.",
    "Diazepam has anxiolytic effects and anticonvulsant effects.",
    "Ketamine blocks NMDA receptors.",
    "Propofol acts on GABA receptors.",
    "Some drugs act on glutamate and serotonin receptors.",
]


def _cloze(text: str, source: str) -> Draft:
    return Draft(CardType.CLOZE, "cloze|x", "1", source, text=text)


def test_siblings_share_the_head_noun():
    """'analgesic effects' has the other '... effects' as siblings, 'sedimentary rock' the
    other rocks; a lone modifier ('GABA', 'foreign') has none: its neighbours are rarely one
    kind of thing."""
    text = "\n".join(SENTENCES)
    effects = siblings("analgesic effects", text)
    assert {"sedative effects", "antipsychotic effects", "anxiolytic effects"} <= set(effects)
    assert "analgesic effects" not in effects
    assert siblings("GABA", text) == []
    rocks = (
        "Sandstone is a sedimentary rock.\nBasalt is an igneous rock.\nSlate is a metamorphic rock."
    )
    assert set(siblings("sedimentary rock", rocks)) == {"igneous rock", "metamorphic rock"}
    courts = "A foreign corporation sued.\nA parent corporation paid.\nA Delaware corporation won."
    assert siblings("foreign", courts) == []


def test_cloze_with_three_valid_siblings_becomes_a_choice():
    """The cloze becomes '“... _____ ...” — which term completes the sentence?' with the hidden
    term as answer and three distractors not in the sentence."""
    source = "Morphine has analgesic effects and sedative effects."
    drafts = [_cloze("Morphine has {{c1::analgesic effects}} and sedative effects.", source)]
    blank_choices(drafts, SENTENCES, {source})
    card = drafts[0]
    assert card.type is CardType.CHOICE
    assert card.answer == "analgesic effects"
    assert BLANK in card.question and card.question.endswith("which term completes the sentence?")
    assert len(card.distractors) == 3
    assert "sedative effects" not in card.distractors  # it is in the sentence itself
    assert card.key == "blank|analgesic effects"


def test_a_distractor_the_source_also_states_is_never_offered():
    """If the text says 'Diazepam has anxiolytic effects', 'anxiolytic effects' is not a wrong
    option for 'Diazepam has _____ and anticonvulsant effects'."""
    source = "Diazepam has anxiolytic effects and anticonvulsant effects."
    sentences = [*SENTENCES, "Diazepam has muscle-relaxant effects as well."]
    drafts = [_cloze("Diazepam has {{c1::anxiolytic effects}} and anticonvulsant effects.", source)]
    blank_choices(drafts, sentences, {source})
    card = drafts[0]
    assert card.type is CardType.CHOICE
    assert "muscle-relaxant effects" not in card.distractors


def test_without_three_siblings_the_cloze_stays():
    """A term with fewer than three same-kind siblings keeps its cloze."""
    source = "Ketamine blocks NMDA receptors."
    drafts = [_cloze("Ketamine blocks {{c1::NMDA}} receptors.", source)]
    blank_choices(
        drafts,
        ["Ketamine blocks NMDA receptors.", "Propofol acts on GABA receptors."],
        {source},
    )
    assert drafts[0].type is CardType.CLOZE


def test_a_question_whose_answer_has_siblings_becomes_a_choice():
    """'What makes morphine useful after surgery?' -> 'analgesic effects' is offered among
    other '... effects' of the text."""
    source = "Morphine’s analgesic effects make it useful after surgery."
    question = Draft(
        CardType.TYPED,
        "makes|What makes morphine useful after surgery?",
        "1",
        source,
        question="What makes morphine useful after surgery?",
        answer="analgesic effects",
    )
    drafts = [question]
    blank_choices(drafts, [*SENTENCES, source], {source}, "morphine")
    card = drafts[0]
    assert card.type is CardType.CHOICE and card.answer == "analgesic effects"
    assert card.question == "What makes morphine useful after surgery?"
    assert len(card.distractors) == 3 and all(d.endswith("effects") for d in card.distractors)


def test_options_need_a_noun_and_a_modifier_that_tells_kinds_apart():
    """'water goes' (no noun) and 'previous segment' (any segment is 'previous') give no
    options; 'SYN segment' does."""
    text = "\n".join(
        [
            "The water goes in.",
            "The smoke goes up.",
            "The flame goes out.",
            "The candle goes dark.",
            "A previous segment was lost.",
            "An entire segment was lost.",
            "A possible segment was lost.",
            "A SYN segment opens it.",
            "A FIN segment closes it.",
            "An RST segment aborts it.",
            "An ACK segment confirms it.",
        ]
    )
    assert siblings("water goes", text) == []
    assert "previous segment" not in siblings("SYN segment", text)
    assert {"FIN segment", "RST segment", "ACK segment"} <= set(siblings("SYN segment", text))


def test_siblings_are_found_in_any_case_and_only_as_whole_words():
    """Siblings are found whatever the case their head noun is written in ('Effects',
    'EFFECTS', even the old long s: 'effectſ'), never as the start of a longer word
    ('reversal effectsx')."""
    text = (
        "Morphine has analgesic Effects.\nDiazepam has anxiolytic EFFECTS.\n"
        "Haloperidol has antipsychotic effect.\nNaloxone has reversal effectsx."
    )
    found = siblings("sedative effects", text)
    assert found == ["analgesic Effects", "anxiolytic EFFECTS", "antipsychotic effect"]
    older = siblings("sedative effects", text + "\nPhenytoin has anticonvulsant effectſ.")
    assert older == [*found, "anticonvulsant effectſ"]


def test_siblings_are_the_word_right_before_the_head_noun_even_in_a_pair():
    """'glutamate and GABA receptors' gives 'GABA receptors', 'dopamine or serotonin
    receptors' 'serotonin receptors'; the word before the head is found however long the
    line before it is."""
    text = (
        "Drugs act on the glutamate and GABA receptors of neurons.\n"
        "Others bind nicotinic receptors.\n"
        "A long line of very many words about drugs that block the muscarinic receptors.\n"
        "A few touch dopamine or serotonin receptors."
    )
    assert siblings("adrenergic receptors", text) == [
        "GABA receptors",
        "nicotinic receptors",
        "muscarinic receptors",
        "serotonin receptors",
    ]


def test_an_answer_whose_modifier_tells_nothing_stays_a_cloze():
    """Zoology: 'Nemerteans are sold as bait: [two species]' offered 'nemertine species',
    'freshwater species' as wrong choices; a count or an everyday modifier ('two', 'adult')
    tells no kind apart, so the cloze is not turned into a choice."""
    sentences = [
        "Two species are sold as fish bait.",
        "Nemertine species live in the sea.",
        "Freshwater species are rare.",
        "Marine species are many.",
        "Parasitic species infect fish.",
    ]
    source = sentences[0]
    drafts = [_cloze("{{c1::Two species}} are sold as fish bait.", source)]
    blank_choices(drafts, sentences, {source})
    assert drafts[0].type is CardType.CLOZE


def test_a_sentence_leaning_on_the_text_gives_no_cloze_nor_choice_worth_making():
    """A sentence leaning on the text before ('this is due to ...', pharmacology) or framing
    it ('we now turn to ...', physiology) can give no card as a cloze nor as the
    fill-the-blank choice made of it; a sound sentence can, and so can a sentence whose
    choice would not give its cloze back whole (two lines, or a blank of its own)."""
    assert never_kept("In large part, this is due to the analgesic effects of morphine.")
    assert never_kept("Having reviewed the anatomy of the kidney, we now turn to its physiology.")
    assert not never_kept("Pain relief after surgery is due to the analgesic effects of morphine.")
    assert not never_kept("In large part, this is due to the\nanalgesic effects of morphine.")
    assert not never_kept(f"In large part, this is due to the {BLANK} effects of morphine.")


def test_the_nouns_an_answer_modifies_are_found_in_any_case_and_spelling():
    """The head nouns an answer modifies elsewhere in its sentence ("glutamate and serotonin
    receptors") are what the word-boundary pattern finds, whatever the case, joined words,
    a word inside a longer one, or letters that change under lower-casing."""
    texts = [
        "Some drugs act on Glutamate and serotonin receptors; glutamate transporters too.",
        "GLUTAMATE RECEPTORS, monoglutamate salts and glutamate-gated channels.",
        "glutamate or GABA sites, glutamate and",
        "İstanbul glutamate receptors and ſalts of glutamate \u212aelvin units",
        "analgesic effects analgesic effects and analgesic",
    ]
    for word in ["glutamate", "Glutamate", "analgesic effects", "and", "ſalts", "-gated", ""]:
        pattern = rf"\b{re.escape(word)}(?: (?:and|or) [\w-]+)? ([\w-]+)"
        for text in texts:
            expected = {m.group(1).lower()[:6] for m in re.finditer(pattern, text, re.I)}
            assert _heads(word, text) == expected, (word, text)


def test_options_of_a_blank_opening_the_sentence_all_start_with_a_capital():
    """'_____ are often useful instruments of thought': the answer 'Verbal judgments' would
    stand out by its capital among 'intellectual judgments' (philosophy), so each option
    opens like the sentence; a word the author set in capitals ('ELASTIC element', politics)
    gives no multiple choice at all."""
    sentences = [
        "Verbal judgments are often useful instruments of thought.",
        "Intellectual judgments weigh what is true.",
        "Moral judgments weigh what is right.",
        "Aesthetic judgments weigh what is beautiful.",
        "There is no ELASTIC element in that constitution.",
        "The aristocratic element gives it dignity.",
        "The monarchical element gives it unity.",
        "The democratic element gives it force.",
    ]
    drafts = [
        _cloze("{{c1::Verbal judgments}} are often useful instruments of thought.", sentences[0]),
        _cloze("There is no {{c1::ELASTIC element}} in that constitution.", sentences[4]),
    ]
    blank_choices(drafts, sentences, set(sentences))
    choice, shouted = drafts
    assert choice.type is CardType.CHOICE
    assert all(o[:1].isupper() for o in (choice.answer, *choice.distractors))
    assert shouted.type is CardType.CLOZE
