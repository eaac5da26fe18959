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


def test_a_long_text_read_in_parts_still_asks_its_words_to_come_back():
    """A 2,000-sentence chronicle is read in parts of about 80 sentences; a one-off word of
    one part is still a one-off word of the whole text."""
    part = LECTURE[:5]
    scorer = PhraseScorer(part, set(), "", document_size=2000)
    assert not scorer.key_term("contumely", LECTURE[4])
    assert scorer.key_term("tallow", LECTURE[0])
