"""What the card maker knows of a text: all of a short one, the neighbourhood in a long one."""

from __future__ import annotations

from studyapp.cards.doc_context import (
    CONTEXT_WINDOW,
    PART_WINDOW,
    document_context,
    parts_with_context,
)
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
