"""The cloze rules on their own: a sentence's faults, a blank's faults, a filler blank."""

from __future__ import annotations

from studyapp.cards.cloze_rules import (
    LEANS_BACK,
    POINTER,
    cloze_fault,
    filler_blank,
    leans_back,
    points_into_document,
)


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


def test_a_pointer_or_a_phrase_leaning_back_is_found_in_any_spelling():
    """Pointers into the document and phrases leaning on the text before are found as their
    patterns find them, in any case and in letters lower-casing does not turn into ASCII
    ("ſee here" matches the pattern read ignoring case), and sound sentences pass."""
    pointers = ["As described BELOW, the pump stops.", "See Chapter 4.", "(see Fig. 2)"]
    pointers += ["Click ſee here", "Described below: İ"]
    sound = ["The pump stops when the valve closes.", "Pages of the ledger were lost."]
    for text in pointers + sound:
        assert points_into_document(text) == bool(POINTER.search(text)), text
    assert all(map(points_into_document, pointers))
    assert not any(map(points_into_document, sound))
    leaning = ["In the first case the bond breaks.", "The latter is rare.", "The plot above."]
    leaning += ["The second enzyme binds it.", "the preceding step"]
    for text in leaning + sound:
        assert leans_back(text) == bool(LEANS_BACK.search(text)), text
    assert all(map(leans_back, leaning))
    assert not any(map(leans_back, sound))
