"""Making decks from a text file: written all or nothing, never over decks already in use."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.cards.deck_making import STEPS, DeckIdsInUseError, DeckWriteError, make_decks
from studyapp.decks.load import load_decks
from studyapp.errors import OutlineError
from tests.locations import OUTLINE_FIXTURES

OUTLINES = OUTLINE_FIXTURES
NOTES = OUTLINES / "pharmacology_notes.md"


def make(source: Path, out: Path, **kwargs):
    return make_decks(source, out, label=source.name, command="test", **kwargs)


def test_decks_are_written_and_load_cleanly(tmp_path):
    """The decks made from a text are files the app loads without a problem."""
    steps: list[tuple[int, int]] = []
    made = make(NOTES, tmp_path / "decks", report=lambda done, total: steps.append((done, total)))
    assert [p.name for p in made.paths] == [f"{d.id}.yaml" for d in made.decks]
    loaded = load_decks([tmp_path / "decks"])
    assert loaded.errors == []
    assert [d.id for d in loaded.decks] == [d.id for d in made.decks]
    assert made.card_count == sum(len(d.cards) for d in loaded.decks) > 0
    assert steps[0] == (0, STEPS) and steps[-1] == (STEPS, STEPS)
    assert [done for done, _ in steps] == sorted(done for done, _ in steps)
    assert not list((tmp_path / "decks").glob(".*.tmp"))


def test_what_was_left_out_is_counted(tmp_path):
    """A scraped page reports the site chrome it dropped, by reason."""
    made = make(OUTLINES / "scraped_page.txt", tmp_path)
    assert made.left_out["site name"] >= 1
    assert "site name" in made.left_out_summary()


def test_decks_already_in_the_library_are_not_written_again(tmp_path):
    """Deck ids used by other files stop the write, with the file named; nothing is written."""
    first = make(NOTES, tmp_path / "shipped")
    in_use = {deck.id: path for deck, path in zip(first.decks, first.paths, strict=True)}
    with pytest.raises(DeckIdsInUseError) as error:
        make(NOTES, tmp_path / "mine", in_use=in_use)
    message = str(error.value)
    assert first.decks[0].id in message and str(first.paths[0]) in message
    assert "Nothing was written" in message
    assert not (tmp_path / "mine").exists()


def test_making_the_same_text_again_replaces_its_decks(tmp_path):
    """Importing a text a second time rewrites its decks in place, same ids (progress kept)."""
    once = make(NOTES, tmp_path)
    again = make(NOTES, tmp_path, in_use={})
    assert [d.id for d in again.decks] == [d.id for d in once.decks]
    assert sorted(tmp_path.glob("*.yaml")) == sorted(again.paths)


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"", "empty"), (b"\x00\x01binary\x00", "binary"), (b"   \n\n", "empty")],
)
def test_a_text_that_is_not_study_material_writes_nothing(tmp_path, content, expected):
    """An empty or binary file is refused with the reason, and no folder appears."""
    source = tmp_path / "notes.txt"
    source.write_bytes(content)
    with pytest.raises(OutlineError, match=expected):
        make(source, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_folder_that_cannot_be_written_is_a_clear_error(tmp_path):
    """A file where the deck folder should be gives a message naming the folder."""
    blocker = tmp_path / "decks"
    blocker.write_text("not a folder")
    with pytest.raises(DeckWriteError, match="cannot write the decks to"):
        make(NOTES, blocker)


def test_a_failed_write_leaves_the_previous_decks_untouched(tmp_path):
    """When one deck cannot be written, the decks written before stay exactly as they were."""
    out = tmp_path / "decks"
    before = make(NOTES, out)
    old = {path: path.read_bytes() for path in before.paths}
    (out / f".{before.paths[-1].name}.tmp").mkdir()  # the last deck's temporary file
    with pytest.raises(DeckWriteError, match="Is a directory"):
        make_decks(NOTES, out, label=NOTES.name, command="another command, new headers")
    assert {path: path.read_bytes() for path in before.paths} == old
    assert [p for p in out.iterdir() if p.name.endswith(".tmp") and p.is_file()] == []


def test_two_decks_with_one_id_are_refused_before_anything_is_written(tmp_path):
    """Deck ids that would overwrite each other stop the write; the folder stays empty."""
    from studyapp.cards.deck_files import write_decks
    from studyapp.cards.generate import generate_decks
    from studyapp.outline.parse import parse_file

    decks = generate_decks(parse_file(NOTES), prefix="p")
    with pytest.raises(ValueError, match="two decks have the id"):
        write_decks([decks[0], decks[0]], tmp_path, "notes", "cmd")
    assert list(tmp_path.iterdir()) == []


def test_a_write_failing_half_way_puts_the_replaced_decks_back(tmp_path):
    """When the second deck cannot replace its old file, the first is put back as it was:
    never a half-written folder."""
    out = tmp_path / "decks"
    before = make(NOTES, out)
    assert len(before.paths) >= 2
    old = {path: path.read_bytes() for path in before.paths}
    blocker = out / f".{before.paths[1].name}.old"  # where the old second deck is put aside
    blocker.mkdir()
    (blocker / "keep").write_text("x", encoding="utf-8")
    with pytest.raises(DeckWriteError, match="cannot write the decks"):
        make_decks(NOTES, out, label=NOTES.name, command="another command, new headers")
    assert {path: path.read_bytes() for path in before.paths} == old
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(
        p.name for p in before.paths
    )
