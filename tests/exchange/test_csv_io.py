"""CSV/TSV both ways: a round trip keeps the cards, and Anki's own importer reads our files."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.decks.load import load_decks
from studyapp.errors import ExchangeError
from studyapp.exchange.csv_io import export_csv, import_csv, read_csv
from studyapp.model import Card, CardType, Deck, Section
from tests.exchange.anki_packages import new_collection

DECK = Deck(
    "chem",
    "Chemistry",
    (Section("chem", "Chemistry"),),
    (
        Card(
            "chem-1", CardType.BASIC, question="Symbol of sodium?", answer="Na", tags=("symbols",)
        ),
        Card("chem-2", CardType.CLOZE, text='Water is {{c1::H2O}}, with a comma, and "quotes".'),
        Card("chem-3", CardType.BASIC, question="Two lines?", answer="first\nsecond"),
        Card("chem-4", CardType.BASIC, question="Costs?", answer="$5 or 10\t€"),
    ),
)


@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
def test_a_deck_round_trips_through_csv_and_tsv(tmp_path: Path, suffix: str) -> None:
    """Export then import gives the same ids, types, texts and tags, as a valid deck."""
    export_csv([DECK], tmp_path / f"chem{suffix}")
    result = import_csv(tmp_path / f"chem{suffix}", tmp_path / "out")
    assert load_decks([tmp_path / "out"]).errors == []

    def essentials(card: Card) -> tuple[object, ...]:
        """What a CSV row carries of a card."""
        return (card.id, card.type, card.question, card.answer, card.text, card.tags)

    assert [essentials(c) for c in result.deck.cards] == [essentials(c) for c in DECK.cards]


def test_ankis_own_csv_importer_reads_our_file(tmp_path: Path) -> None:
    """The real anki library imports our TSV as notes with fronts, backs, tags and GUIDs."""
    from anki.collection import ImportCsvRequest

    export_csv([DECK], tmp_path / "chem.tsv")
    col = new_collection(tmp_path / "anki")
    try:
        metadata = col.get_csv_metadata(str(tmp_path / "chem.tsv"), None)
        col.import_csv(ImportCsvRequest(path=str(tmp_path / "chem.tsv"), metadata=metadata))
        notes = {col.get_note(n).guid: col.get_note(n) for n in col.find_notes("")}
        assert set(notes) == {"chem-1", "chem-2", "chem-3", "chem-4"}
        assert notes["chem-1"].fields[:2] == ["Symbol of sodium?", "Na"]
        assert notes["chem-1"].tags == ["symbols"]
    finally:
        col.close()


def test_a_quizlet_export_without_header_imports(tmp_path: Path) -> None:
    """Quizlet's term<TAB>definition lines become basic cards with stable ids."""
    source = tmp_path / "quizlet.txt"
    source.write_text("chat\tcat\nchien\tdog\n\nchien\tdog\n", encoding="utf-8")
    first = read_csv(source)
    again = read_csv(source)
    assert [(c.question, c.answer) for c in first.deck.cards] == [("chat", "cat"), ("chien", "dog")]
    assert [c.id for c in first.deck.cards] == [c.id for c in again.deck.cards]
    assert first.skipped == ["row 3: the same card as an earlier row"]


def test_a_header_row_names_the_columns(tmp_path: Path) -> None:
    """A header such as answer,question,tags is followed, whatever the column order."""
    source = tmp_path / "cards.csv"
    source.write_text(
        "answer,question,tags\nNa,Symbol of sodium?,chem elements\n", encoding="utf-8"
    )
    (card,) = read_csv(source).deck.cards
    assert (card.question, card.answer, card.tags) == (
        "Symbol of sodium?",
        "Na",
        ("chem", "elements"),
    )


def test_a_binary_or_empty_file_is_refused(tmp_path: Path) -> None:
    """A file that is not text, or has no usable row, gets one clear line."""
    binary = tmp_path / "x.csv"
    binary.write_bytes(b"\x00\x01front,back")
    with pytest.raises(ExchangeError, match="binary file"):
        read_csv(binary)
    empty = tmp_path / "y.csv"
    empty.write_text("front,back\n,\n", encoding="utf-8")
    with pytest.raises(ExchangeError, match="no rows with a front and a back"):
        import_csv(empty, tmp_path / "out")
    assert not (tmp_path / "out").exists()
