"""A cloze hides a key term of the text: one it defines, names, counts or comes back to,
never a one-off phrase of the author's style."""

from __future__ import annotations

from studyapp.cards.phrase_scorer import RECUR_FROM, PhraseScorer

# A long lecture in the style of Faraday and of James: key terms recur, style words do not.
LECTURE = [
    "The tallow is melted, and the moulds are filled with tallow.",
    "Capillary attraction draws the melted tallow up the wick.",
    "Without capillary attraction the wick would stay dry.",
    "Pragmatism turns away from abstraction and towards concreteness.",
    "Pragmatism is spoken of sometimes with respect, sometimes with contumely.",
    "When the flame runs down, it goes on burning in the part above.",
    "The part above the wick is the hottest.",
    "A candle burns for about seven hours.",
    "Faraday lectured at the Royal Institution.",
]
FILLER = [f"Lesson {n} adds nothing new to what was said." for n in range(RECUR_FROM)]


def _scorer(sentences: list[str], lexicon: set[str] | None = None) -> PhraseScorer:
    return PhraseScorer(sentences, lexicon or set(), "")


def test_a_recurring_term_is_a_key_term_and_a_one_off_style_word_is_not():
    """In a long text 'tallow' and 'capillary attraction' come back; 'contumely' does not."""
    scorer = _scorer(LECTURE + FILLER)
    assert scorer.key_term("tallow", LECTURE[0])
    assert scorer.key_term("capillary attraction", LECTURE[1])
    assert not scorer.key_term("contumely", LECTURE[4])


def test_words_that_are_no_noun_phrase_are_never_a_key_term():
    """'part above' recurs, yet 'above' is a preposition: the blank would be half a phrase."""
    scorer = _scorer(LECTURE + FILLER)
    assert not scorer.key_term("part above", LECTURE[5])


def test_names_numbers_and_the_texts_own_terms_are_key_terms():
    """'Royal Institution' is a name, 'seven hours' an amount, and a term the text defines
    counts in any number ('state spaces' for the defined 'state space')."""
    scorer = _scorer(LECTURE + FILLER, {"state space"})
    assert scorer.key_term("Royal Institution", LECTURE[8])
    assert scorer.key_term("seven hours", LECTURE[7])
    sentence = "Depth-first search is not complete on infinite state spaces."
    assert scorer.key_term("infinite state spaces", sentence)


def test_in_a_short_text_a_rare_word_said_once_is_a_key_term():
    """Short notes on pharmacology say each term once: 'endorphins' is still the point."""
    notes = ["Ketamine enhances the release of endogenous opioids, such as endorphins."]
    assert _scorer(notes).key_term("endorphins", notes[0])
    assert not _scorer(notes + FILLER).key_term("endorphins", notes[0])


def test_a_part_of_a_long_text_takes_a_rare_word_but_not_a_less_common_one():
    """A long manual is read in parts of about 80 sentences: there a rare word said once
    ('passphrase') is a key term, a merely uncommon one ('dependence') is not; in a short
    text both are."""
    key = "The private key has a passphrase that protects it."
    risk = "There are concerns about abuse and dependence."
    part = PhraseScorer([key, risk, *LECTURE], set(), "", document_size=2000)
    assert part.key_term("passphrase", key)
    assert not part.key_term("dependence", risk)
    short = PhraseScorer([key, risk, *LECTURE], set(), "")
    assert short.key_term("passphrase", key) and short.key_term("dependence", risk)


def test_a_phrase_recurs_when_the_text_comes_back_to_what_it_names():
    """Across subjects, a term the text uses again ('tallow', 'Faraday' said twice), a
    number, or one of the text's own terms recurs; a phrase of one sentence does not, rare
    or everyday ('contumely', 'respect')."""
    lecture = [*LECTURE, "Faraday showed the flame of a tallow candle."]
    scorer = _scorer(lecture, {"capillary attraction"})
    assert scorer.recurs("tallow")
    assert scorer.recurs("Faraday")
    assert scorer.recurs("seven hours")
    assert scorer.recurs("capillary attraction")
    assert not scorer.recurs("contumely")
    assert not scorer.recurs("respect")
    law = ["The court found minimum contacts lacking.", "Minimum contacts decide jurisdiction."]
    assert _scorer(law).recurs("minimum contacts")
    assert not _scorer(law).recurs("court")  # everyday English said once


def test_in_a_short_text_nothing_is_a_one_off_and_in_a_long_one_a_single_mention_is():
    """A short text says its key terms once ('contumely' is no one-off there); in a long
    text a phrase said once is a detail of its sentence, a recurring one is not."""
    assert not _scorer(LECTURE).one_off("contumely")
    long_text = _scorer(LECTURE + FILLER)
    assert long_text.one_off("contumely")
    assert not long_text.one_off("tallow")


def test_in_any_text_everyday_words_said_once_are_a_one_off_but_terms_and_counts_are_not():
    """'a flat piece of paper' or 'the casual visitor', said once in everyday words, is a
    detail of its sentence even in a short text; a rare word, a name, a count or a phrase
    the text says twice is not."""
    notes = [
        "Map projections portray the earth on a flat piece of paper.",
        "Certainly not of the casual visitor, who sees the patient once.",
        "The Mercator projection keeps angles true, as Mercator intended in 1569.",
        "A candle burns for about seven hours; the tallow melts in about seven hours too.",
        "Nightingale wrote on observation; observation of the sick needs practice.",
    ]
    short = _scorer(notes)
    assert short.one_off("flat piece")
    assert short.one_off("casual visitor")
    assert not short.one_off("projection")  # not everyday English
    assert not short.one_off("Mercator")  # a name
    assert not short.one_off("seven hours")  # a count
    assert not short.one_off("observation")  # said twice


def test_a_plain_phrase_said_once_is_told_from_names_counts_and_repeated_phrases():
    """'flat piece' is said once and plainly; 'Mercator' is a name, 'seven hours' a count,
    'observation' said twice: none of them is a plain phrase said once."""
    notes = [
        "Map projections portray the earth on a flat piece of paper.",
        "The Mercator projection keeps angles true, as Mercator intended in 1569.",
        "A candle burns for about seven hours.",
        "Nightingale wrote on observation; observation of the sick needs practice.",
    ]
    scorer = _scorer(notes)
    assert scorer.plain_once("flat piece")
    assert not scorer.plain_once("Mercator")
    assert not scorer.plain_once("seven hours")
    assert not scorer.plain_once("observation")


def test_a_word_recurs_through_its_other_forms_in_each_part_of_a_text_alone():
    """'isotope' said once beside 'isotopes' recurs (one lemma, two sentences), in every
    scorer that reads both; where a text says it once, it does not, even after other texts
    said 'isotopes' (what one part of a text holds never counts in another)."""
    both = ["Each isotope decays at its own rate.", "Heavy isotopes are rare.", *LECTURE]
    assert _scorer(both).recurs("isotope")
    once = ["Each isotope decays at its own rate.", *LECTURE]
    assert not _scorer(once).recurs("isotope")
    assert _scorer(["Unstable isotopes decay.", *both]).recurs("isotope")
    assert not _scorer(["Stable neurons fire.", *once]).recurs("isotope")
