"""What the card maker knows of a text: all of a short one, the neighbourhood in a long one."""

from __future__ import annotations

from studyapp.cards.doc_context import (
    CONTEXT_WINDOW,
    PART_WINDOW,
    _main_name,
    _main_subject,
    _terms_in,
    _written_often,
    document_context,
    parts_with_context,
)
from studyapp.cards.drafts import Draft
from studyapp.cards.gate import card_fault
from studyapp.model import CardType
from studyapp.outline.parse import parse_outline


def _text(sections: int, sentences: int) -> str:
    parts = ["# Enzymes", ""]
    for s in range(sections):
        parts += [f"## Family {s}", ""]
        parts += [
            f"The enzyme kin{s}x{n} phosphorylates substrate{n} in tissue{s}."
            for n in range(sentences)
        ]
        parts.append("")
    return "\n".join(parts)


def test_a_short_text_is_one_context():
    """Up to CONTEXT_WINDOW sentences, every section's cards know the whole text."""
    outline = parse_outline(_text(3, 10))
    whole = document_context(outline)
    parts = parts_with_context(outline, whole)
    assert {id(ctx) for pairs in parts.values() for _view, ctx in pairs} == {id(whole)}


def test_a_long_text_gives_each_part_the_text_around_it():
    """A text of thousands of sentences: each part's context holds a bounded neighbourhood
    (so the work per card does not grow with the text) that includes the part itself."""
    outline = parse_outline(_text(40, 60))
    whole = document_context(outline)
    assert len(whole.sentences) > CONTEXT_WINDOW
    parts = parts_with_context(outline, whole)
    contexts = {id(ctx): ctx for pairs in parts.values() for _view, ctx in pairs}
    assert len(contexts) > 10
    for pairs in parts.values():
        for view, ctx in pairs:
            assert len(ctx.sentences) <= 3 * PART_WINDOW
            assert view.paragraphs[0].text.split(". ")[0] in " ".join(ctx.sentences)


def test_a_long_section_without_headings_is_made_in_runs():
    """One huge section (a transcript) is cut into runs of blocks, each with its own context."""
    paragraphs = [f"Speaker {n} said the river{n} floods in spring." for n in range(600)]
    outline = parse_outline("# Talk\n\n## Floods\n\n" + "\n\n".join(paragraphs) + "\n")
    parts = parts_with_context(outline, document_context(outline))
    (runs,) = parts.values()
    assert len(runs) > 5
    assert sum(len(view.blocks) for view, _ctx in runs) == 600


def test_the_name_a_manual_keeps_coming_back_to_is_its_subject():
    """A manual on Peewee names it in many sentences, few enough that no word is in a
    quarter of them: the name is still what the text is about, so 'What tracks a join
    context?' -> 'Peewee' asks nothing. A numbered label ('Sect. 4.') is no name."""
    topics = ["joins", "models", "queries", "foreign keys", "prefetching", "aliases"]
    sentences = [f"Peewee tracks {t} for each query it builds." for t in topics]
    sentences += [f"A query over {t} returns rows of the table." for t in topics * 3]
    assert _main_subject("Relationships and Joins", sentences) == "peewee"
    essay = []
    for n in range(8):
        essay += ["Sect.", f"{n}. To understand power right, derive it from its origin."]
        essay += ["Men are by nature free.", "Property comes from labour.", "Law binds all."]
    assert _main_subject("Of the State of Nature", essay) != "sect"
    assert _main_subject("Notes", ["The court ruled.", "The court erred."] * 5) in ("", "court")


def test_a_long_text_naming_nothing_often_has_no_main_name():
    """A name in fewer than a tenth of the sentences, or a capitalised function word in all
    of them ('This'), is no name the text is about: the text has none."""
    sentences = [f"This enzyme {n} binds the substrate in the cell." for n in range(60)]
    sentences += ["Neff measured the binding of the enzyme in the cell."] * 5
    assert not _written_often(sentences, 0.1 * len(sentences))
    assert _main_name(sentences) == ""
    sentences += ["Neff measured the rate again with another enzyme."] * 3
    assert _written_often(sentences, 0.1 * len(sentences))
    assert _main_name(sentences) == "neff"


def test_a_question_answered_by_the_manual_s_name_is_given_away():
    """With that subject, the gate drops the card (any subject: a library, a drug)."""
    tracks = Draft(CardType.BASIC, "q|x", "1", "s", "What tracks a join context?", "Peewee")
    assert card_fault(tracks, "Joins", "peewee") == "given-away"


def test_a_marked_term_counts_only_for_the_blocks_that_use_it():
    """Marked terms looked for in a whole text at once are found in the blocks that use them,
    never in one where only the end of a block and the start of the next spell them."""
    texts = ["the loop of henle", "of henle", "", "loop", "of henle and the loop of henle"]
    terms = [("Loop of Henle", "loop of henle"), ("henle", "henle"), ("loop\nof", "loop\nof")]
    found = _terms_in(texts, terms)
    expected = [frozenset(t for t, low in terms if low in text) for text in texts]
    assert found == expected
    assert found[3] == frozenset()  # "loop" then "of henle" in the next block
