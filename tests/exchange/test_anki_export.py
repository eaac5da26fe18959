"""Exported .apkg files open in the real anki library, with every card, image and update."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from studyapp.decks.load import load_decks
from studyapp.exchange.anki_export import export_apkg
from studyapp.exchange.anki_import import import_anki_package
from studyapp.model import CardType
from tests.exchange.anki_packages import PNG, add_package, import_into_anki
from tests.locations import SHIPPED_DECKS

DECK_WITH_IMAGE = """\
format: 1
id: hearts
title: Hearts
sections:
- id: I
  title: Hearts
- id: I.A
  title: Valves
  level: 2
  body: The valve ![a valve](pictures/valve.png) closes.
cards:
- id: hearts-basic-1
  type: basic
  section: I.A
  question: What does this show? ![a valve](pictures/valve.png)
  answer: A valve
  tags: [anatomy, heart valves]
- id: hearts-cloze-1
  type: cloze
  section: I.A
  text: The {{c1::mitral}} valve has {{c2::two}} cusps; $E = mc^2$.
- id: hearts-list-1
  type: list
  section: I
  question: Name the chambers.
  items: [left atrium, right atrium]
- id: hearts-choice-1
  type: choice
  section: I
  question: Which side pumps to the body?
  answer: Left
  distractors: [Right, Neither, Both]
- id: hearts-typed-1
  type: typed
  section: I
  question: Symbol of potassium?
  answer: K
"""


def write_deck(folder: Path, question: str = "What does this show?") -> Path:
    """The hearts deck with its picture in ``folder``."""
    (folder / "pictures").mkdir(parents=True, exist_ok=True)
    (folder / "pictures" / "valve.png").write_bytes(PNG)
    path = folder / "hearts.yaml"
    path.write_text(DECK_WITH_IMAGE.replace("What does this show?", question), encoding="utf-8")
    return path


def test_the_shipped_decks_open_in_anki_with_every_card(tmp_path: Path) -> None:
    """Every shipped card becomes a note Anki opens, keyed by the card's id."""
    loaded = load_decks([SHIPPED_DECKS])
    result = export_apkg(loaded.decks, tmp_path / "shipped.apkg")
    col = import_into_anki(tmp_path / "shipped.apkg", tmp_path / "anki")
    try:
        guids = {col.get_note(nid).guid for nid in col.find_notes("")}
        ours = {card.id for deck in loaded.decks for card in deck.cards}
        assert guids == ours and result.notes == len(ours)
        cloze_deletions = sum(
            len({m for m in _numbers(card.text)})
            for deck in loaded.decks
            for card in deck.cards
            if card.type is CardType.CLOZE
        )
        others = sum(1 for d in loaded.decks for c in d.cards if c.type is not CardType.CLOZE)
        assert col.card_count() == others + cloze_deletions
        names = {d.name for d in col.decks.all_names_and_ids()}
        assert "Anesthetic Applications::Ketamine as an Anesthetic Agent" in names
    finally:
        col.close()


def _numbers(text: str) -> list[str]:
    from studyapp.decks.checks import CLOZE_DELETION

    return [m.group(1) for m in CLOZE_DELETION.finditer(text)]


def test_each_card_type_and_its_image_reach_anki(tmp_path: Path) -> None:
    """Basic, cloze, list, choice and typed cards become notes; the image is media."""
    deck = write_deck(tmp_path / "decks")
    (loaded,) = load_decks([deck]).decks
    export_apkg([loaded], tmp_path / "hearts.apkg")
    col = import_into_anki(tmp_path / "hearts.apkg", tmp_path / "anki")
    try:
        notes = {col.get_note(nid).guid: col.get_note(nid) for nid in col.find_notes("")}
        basic = notes["hearts-basic-1"]
        assert basic["Front"] == 'What does this show? <img src="valve.png" alt="a valve">'
        assert basic.tags == ["anatomy", "heart_valves"]
        assert basic["Section"] == "Valves"
        assert Path(col.media.dir(), "valve.png").read_bytes() == PNG
        assert notes["hearts-cloze-1"]["Text"] == (
            r"The {{c1::mitral}} valve has {{c2::two}} cusps; \(E = mc^2\)."
        )
        assert len(notes["hearts-cloze-1"].cards()) == 2
        assert (
            notes["hearts-list-1"]["Back"] == "<ul><li>left atrium</li><li>right atrium</li></ul>"
        )
        assert "<li>Neither</li>" in notes["hearts-choice-1"]["Front"]
        assert notes["hearts-typed-1"].note_type()["name"] == "studyapp Typed"
        assert col.decks.name(basic.cards()[0].did) == "Hearts::Valves"
    finally:
        col.close()


def test_re_exporting_after_an_edit_updates_the_notes_in_anki(tmp_path: Path) -> None:
    """Importing a new export into Anki changes the note instead of adding a copy."""
    first = write_deck(tmp_path / "v1")
    export_apkg(load_decks([first]).decks, tmp_path / "v1.apkg", timestamp=1_780_000_000)
    col = import_into_anki(tmp_path / "v1.apkg", tmp_path / "anki")
    try:
        before = col.note_count()
        shutil.rmtree(tmp_path / "v1")
        second = write_deck(tmp_path / "v2", question="Which structure is shown?")
        export_apkg(load_decks([second]).decks, tmp_path / "v2.apkg", timestamp=1_780_000_060)
        add_package(col, tmp_path / "v2.apkg")
        assert col.note_count() == before
        notes = {col.get_note(nid).guid: col.get_note(nid) for nid in col.find_notes("")}
        assert notes["hearts-basic-1"]["Front"].startswith("Which structure is shown?")
    finally:
        col.close()


def test_an_exported_deck_imports_back_with_its_ids_and_text(tmp_path: Path) -> None:
    """Export then import keeps card ids, basic and cloze text, tags and the image."""
    deck = write_deck(tmp_path / "decks")
    (original,) = load_decks([deck]).decks
    export_apkg([original], tmp_path / "hearts.apkg")
    result = import_anki_package(tmp_path / "hearts.apkg", tmp_path / "back")
    assert load_decks([tmp_path / "back"]).errors == []
    cards = {c.id: c for d in result.decks for c in d.cards}
    assert cards["hearts-basic-1"].question == "What does this show? ![a valve](media/valve.png)"
    assert cards["hearts-basic-1"].tags == ("anatomy", "heart_valves")
    assert cards["hearts-cloze-1-1"].text == "The {{c1::mitral}} valve has two cusps; $E = mc^2$."
    assert cards["hearts-typed-1"].type is CardType.TYPED
    assert (tmp_path / "back" / "media" / "valve.png").read_bytes() == PNG


@pytest.mark.parametrize("reference", ["pictures/valve.png"])
def test_two_images_with_one_file_name_stay_apart(tmp_path: Path, reference: str) -> None:
    """Two decks' different images called valve.png both reach Anki, under two names."""
    one = write_deck(tmp_path / "one")
    two_dir = tmp_path / "two"
    write_deck(two_dir)
    (two_dir / "pictures" / "valve.png").write_bytes(PNG + b"other")
    two = two_dir / "hearts.yaml"
    two.write_text(
        two.read_text(encoding="utf-8")
        .replace("id: hearts", "id: hearts2")
        .replace("hearts-", "hearts2-"),
        encoding="utf-8",
    )
    decks = load_decks([one, two]).decks
    result = export_apkg(decks, tmp_path / "both.apkg")
    assert result.media == 2
    col = import_into_anki(tmp_path / "both.apkg", tmp_path / "anki")
    try:
        files = sorted(p.name for p in Path(col.media.dir()).iterdir())
        assert len(files) == 2 and "valve.png" in files
    finally:
        col.close()
