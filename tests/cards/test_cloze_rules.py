"""The cloze rules on their own: a sentence's faults, a blank's faults, a filler blank."""

from __future__ import annotations

from studyapp.cards.cloze_rules import cloze_fault, filler_blank


def test_a_cloze_is_judged_by_its_sentence_then_by_its_blank():
    """A sentence about 'he' fails whatever its blank (philosophy); a whole term in a sound
    sentence passes (biology); a blank cutting a name fails (government)."""
    assert cloze_fault("He turns away from {{c1::abstraction}} and dogma.", "", "") == "unresolved"
    assert cloze_fault("Mitochondria make {{c1::ATP}} by oxidative phosphorylation.", "", "") == ""
    cut = "The {{c1::National Institutes}} of Health fund the study."
    assert cloze_fault(cut, "", "") == "broken-blank"


def test_the_titles_on_screen_can_give_a_blank_away():
    """The same cloze is sound under 'Cell biology' and given away under 'ATP synthesis'."""
    text = "Mitochondria make {{c1::ATP}} by oxidative phosphorylation."
    assert cloze_fault(text, "Cell biology", "") == ""
    assert cloze_fault(text, "ATP synthesis", "") == "given-away"


def test_one_everyday_word_is_a_filler_a_rare_word_is_not():
    """'sequence' (scheduling) fills any blank; 'tinnitus' (medicine) is the subject's own."""
    assert filler_blank("sequence")
    assert not filler_blank("tinnitus")
    assert filler_blank("next section")  # an ordinal points into the document
