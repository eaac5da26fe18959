"""The library screen: decks with their numbers, keyboard use, failed decks and the notice."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from studyapp.gui.library import LibraryWidget, group_by_source
from studyapp.model import Deck
from studyapp.review_types import Rating
from studyapp.store.database import Store
from studyapp.study.progress import DeckProgress, ProgressModel
from studyapp.study.scheduler import Scheduler, SchedulerSettings
from tests.gui.decks import NOTICE, anesthesia_deck, depression_deck, html_deck

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def rows_after(
    decks: list[Deck],
    answers: dict[str, Rating],
    at: datetime,
    read: dict[str, list[str]] | None = None,
) -> list[DeckProgress]:
    """The library rows of ``decks`` in a real store where each card of ``answers`` was
    answered once at ``at`` (and the sections of ``read`` were read)."""
    sched = Scheduler(SchedulerSettings(fuzz=False), tz=UTC)
    with Store.in_memory() as store:
        store.sync_decks(decks, at)
        for card_id, rating in answers.items():
            state, entry = sched.review(card_id, None, rating, at)
            store.record_review(state, entry)
        for deck_id, sections in (read or {}).items():
            for section in sections:
                store.mark_section_read(deck_id, section, at)
        return ProgressModel(store, sched).decks(decks, NOW)


def library(qtbot, *, reviewed: int = 0, problems: list[str] | None = None) -> LibraryWidget:
    """A library on the two test decks, with ``reviewed`` anesthesia cards answered Good."""
    anesthesia, depression = anesthesia_deck(), depression_deck()
    answers = {card.id: Rating.GOOD for card in anesthesia.cards[:reviewed]}
    rows = rows_after([anesthesia, depression], answers, NOW - timedelta(hours=1))
    widget = LibraryWidget()
    qtbot.addWidget(widget)
    widget.set_content(rows, problems or [], NOW, UTC)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_rows_show_due_new_mastered_and_next_due(qtbot):
    """Each deck shows its title, due today, new, mastered of total and when the next is due."""
    widget = library(qtbot, reviewed=4)
    first, second = widget.rows
    assert first.title_label.text() == "Ketamine in anesthesia"
    assert first.numbers_label.text() == (
        "4 due today  ·  6 new  ·  0 of 10 mastered  ·  0 of 5 sections read"
    )
    assert first.next_label.text() == "Next: due now"
    assert 0 < first.bar.value() <= 40
    assert second.numbers_label.text().startswith("0 due today  ·  3 new  ·  0 of 3 mastered")
    assert second.next_label.text() == "Next: not started"
    assert "4 cards due today" in widget.summary_label.text()


def test_decks_are_grouped_under_the_source_title(qtbot):
    """The source's title heads its decks."""
    widget = library(qtbot)
    texts = [
        widget.list_layout.itemAt(i).widget().text()
        for i in range(widget.list_layout.count())
        if widget.list_layout.itemAt(i).widget() is not None
        and hasattr(widget.list_layout.itemAt(i).widget(), "text")
    ]
    assert texts[0] == "KETAMINE IN MEDICINE: A STUDY OUTLINE"


def test_arrow_keys_move_the_selection_and_enter_reads(qtbot):
    """Down selects the next deck; Enter (or R) asks to read the selected deck."""
    widget = library(qtbot)
    assert widget.selected_deck_id() == "ketamine-anesthesia"
    qtbot.keyClick(widget, Qt.Key.Key_Down)
    assert widget.selected_deck_id() == "ketamine-depression"
    qtbot.keyClick(widget, Qt.Key.Key_Down)  # stays on the last deck
    assert widget.selected_deck_id() == "ketamine-depression"
    with qtbot.waitSignal(widget.read_requested) as read:
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert read.args == ["ketamine-depression"]
    qtbot.keyClick(widget, Qt.Key.Key_Up)
    with qtbot.waitSignal(widget.read_requested) as read:
        qtbot.keyClick(widget, Qt.Key.Key_R)
    assert read.args == ["ketamine-anesthesia"]


def test_space_studies_the_selected_deck_and_a_studies_all_due(qtbot):
    """Space (or S) studies the selected deck; A studies everything due."""
    widget = library(qtbot, reviewed=2)
    with qtbot.waitSignal(widget.study_requested) as study:
        qtbot.keyClick(widget, Qt.Key.Key_Space)
    assert study.args == ["ketamine-anesthesia"]
    with qtbot.waitSignal(widget.study_all_requested):
        qtbot.keyClick(widget, Qt.Key.Key_A)


def test_study_all_is_off_when_nothing_is_due(qtbot):
    """With nothing due, "Study all due" is disabled and A does nothing."""
    widget = library(qtbot)
    assert not widget.study_all_button.isEnabled()
    with qtbot.assertNotEmitted(widget.study_all_requested):
        qtbot.keyClick(widget, Qt.Key.Key_A)


def test_buttons_on_a_row_read_and_study_that_deck(qtbot):
    """Clicking Read or Study on a row acts on that row's deck."""
    widget = library(qtbot)
    second = widget.rows[1]
    with qtbot.waitSignal(widget.read_requested) as read:
        qtbot.mouseClick(second.read_button, Qt.MouseButton.LeftButton)
    assert read.args == ["ketamine-depression"]
    with qtbot.waitSignal(widget.study_requested) as study:
        qtbot.mouseClick(second.study_button, Qt.MouseButton.LeftButton)
    assert study.args == ["ketamine-depression"]


def test_failed_decks_are_listed_with_their_errors(qtbot):
    """A deck that failed to load is shown with its file:line message, next to working decks."""
    problem = "decks/broken.yaml:7:3: error: card 'x' has no answer"
    widget = library(qtbot, problems=[problem])
    assert [label.text() for label in widget.error_labels] == [problem]
    assert all(label.isVisible() for label in widget.error_labels)
    assert len(widget.rows) == 2


def test_the_decks_notice_is_visible(qtbot):
    """The footer shows the decks' own notice (here: educational, not medical advice)."""
    widget = library(qtbot)
    assert widget.notice.isVisible()
    assert widget.notice.text() == NOTICE
    assert "not medical advice" in widget.notice.text()


def test_no_notice_when_no_deck_has_one(qtbot):
    """Decks whose source gave no notice get none: no medical notice on a history deck."""
    decks = [replace(d, notice="") for d in (anesthesia_deck(), depression_deck())]
    widget = LibraryWidget()
    qtbot.addWidget(widget)
    widget.set_content(rows_after(decks, {}, NOW), [], NOW, UTC)
    widget.show()
    qtbot.waitExposed(widget)
    assert not widget.notice.isVisible()
    assert widget.notice.text() == ""


def test_rows_count_the_sections_read(qtbot):
    """Each deck says how many of its reading sections were read."""
    deck = anesthesia_deck()
    (row,) = rows_after([deck], {}, NOW, read={deck.id: ["I", "I.A", "gone"]})
    widget = LibraryWidget()
    qtbot.addWidget(widget)
    widget.set_content([row], [], NOW, UTC)
    assert widget.rows[0].numbers_label.text().endswith("2 of 5 sections read")


def test_study_key_on_a_deck_with_nothing_due_explains_why(qtbot):
    """S on a deck with nothing to study says so and when the next card comes."""
    deck = depression_deck()
    answers = {card.id: Rating.EASY for card in deck.cards}
    (row,) = rows_after([deck], answers, NOW - timedelta(hours=1))
    widget = LibraryWidget()
    qtbot.addWidget(widget)
    widget.set_content([row], [], NOW, UTC)
    with (
        qtbot.waitSignal(widget.message) as message,
        qtbot.assertNotEmitted(widget.study_requested),
    ):
        qtbot.keyClick(widget, Qt.Key.Key_S)
    assert message.args[0].startswith("Nothing to study in Ketamine for depression now.")
    assert "Next: in " in message.args[0]


def test_no_decks_at_all_says_where_they_were_looked_for(qtbot, tmp_path):
    """An empty deck folder is named, with how to point the app at decks."""
    widget = LibraryWidget()
    qtbot.addWidget(widget)
    widget.set_content([], [], NOW, UTC, [tmp_path])
    texts = [
        widget.list_layout.itemAt(i).widget().text()
        for i in range(widget.list_layout.count())
        if widget.list_layout.itemAt(i).widget() is not None
    ]
    assert texts == [
        f"No decks found in {tmp_path}. Put deck files (.yaml) there, or start studyapp "
        "with --decks PATH."
    ]


def test_library_summary_counts_in_good_english(qtbot):
    """One due card reads "1 card due today", not "1 cards"."""
    widget = library(qtbot, reviewed=1)
    assert "2 decks  ·  1 card due today" in widget.summary_label.text()


def test_control_letters_are_not_library_keys(qtbot):
    """Ctrl+R (reload decks) or Ctrl+S never open or study the selected deck."""
    widget = library(qtbot, reviewed=4)
    asked = []
    widget.read_requested.connect(asked.append)
    widget.study_requested.connect(asked.append)
    qtbot.keyClick(widget, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked == []
    qtbot.keyClick(widget, Qt.Key.Key_R)
    assert len(asked) == 1


def test_decks_group_under_their_source_title():
    """Decks from one source sit under its title; decks without a source under "Other decks"."""
    plain = Deck(id="plain", title="Plain")
    rows = rows_after([anesthesia_deck(), plain, depression_deck()], {}, NOW)
    groups = group_by_source(rows)
    assert [(title, [r.deck.id for r in group]) for title, group in groups] == [
        ("Ketamine in medicine: a study outline", ["ketamine-anesthesia", "ketamine-depression"]),
        ("Other decks", ["plain"]),
    ]


def test_html_in_deck_titles_and_notices_is_shown_as_text(qtbot, tmp_path):
    """A deck's title and notice written in HTML appear as typed: markup cannot restyle the
    library or hide the notice."""
    deck = html_deck(tmp_path)
    widget = LibraryWidget()
    qtbot.addWidget(widget)
    widget.set_content(rows_after([deck], {}, NOW), [], NOW, UTC)
    widget.show()
    qtbot.waitExposed(widget)
    [row] = widget.rows
    assert row.title_label.textFormat() is Qt.TextFormat.PlainText
    assert row.title_label.text() == deck.title
    assert widget.notice.textFormat() is Qt.TextFormat.PlainText
    assert widget.notice.text() == deck.notice and widget.notice.isVisible()


def test_a_refresh_of_the_same_decks_updates_their_rows_in_place(qtbot):
    """After studying, the library shows the new figures in the same rows, the selection
    kept; a row whose figures did not change is not touched. Other decks rebuild the list."""
    widget = library(qtbot, reviewed=0)
    rows = list(widget.rows)
    widget.move_selection(1)
    anesthesia, depression = anesthesia_deck(), depression_deck()
    answers = {card.id: Rating.GOOD for card in anesthesia.cards[:2]}
    updated = rows_after([anesthesia, depression], answers, NOW - timedelta(hours=1))
    untouched = rows[1].numbers_label.text()
    widget.set_content(updated, [], NOW, UTC)
    assert widget.rows == rows
    assert widget.selected_deck_id() == "ketamine-depression"
    assert rows[0].numbers_label.text().startswith("2 due today  ·  8 new")
    assert rows[1].numbers_label.text() == untouched
    assert "2 cards due today" in widget.summary_label.text()
    widget.set_content(updated[:1], [], NOW, UTC)
    assert [row.deck_id for row in widget.rows] == ["ketamine-anesthesia"]
    assert widget.rows[0] is not rows[0]


def test_decks_still_counting_say_so_until_their_figures_come(qtbot):
    """A deck whose figures are still being worked out says "Counting…" (not zeros) and can
    still be studied; its figures replace the note in the same row."""
    anesthesia, depression = anesthesia_deck(), depression_deck()
    known = rows_after([anesthesia, depression], {}, NOW)
    widget = LibraryWidget()
    qtbot.addWidget(widget)
    waiting = [known[0], DeckProgress(depression)]
    widget.set_content(waiting, [], NOW, UTC, pending={depression.id})
    counting = widget.rows[1]
    assert counting.numbers_label.text().startswith("Counting…")
    assert counting.next_label.text() == "Next: counting…"
    assert counting.study_button.isEnabled()
    assert "counting cards due and new" in widget.summary_label.text()
    assert widget.rows[0].numbers_label.text().startswith("0 due today  ·  10 new")
    widget.set_content(known, [], NOW, UTC)
    assert widget.rows[1] is counting
    assert counting.numbers_label.text().startswith("0 due today  ·  3 new  ·  0 of 3 mastered")
    assert "0 cards due today  ·  13 new cards" in widget.summary_label.text()


def test_rows_of_decks_grouped_apart_from_their_order_keep_their_own_figures(qtbot):
    """When groups put the decks in another order than given, a refresh in place still shows
    each deck's own figures in its own row."""
    anesthesia, depression = anesthesia_deck(), depression_deck()
    plain = Deck(id="plain", title="Plain")
    decks = [anesthesia, plain, depression]  # grouped: anesthesia, depression, then plain
    widget = LibraryWidget()
    qtbot.addWidget(widget)
    widget.set_content(rows_after(decks, {}, NOW), [], NOW, UTC)
    answers = {card.id: Rating.GOOD for card in depression.cards[:1]}
    widget.set_content(rows_after(decks, answers, NOW - timedelta(hours=1)), [], NOW, UTC)
    shown = {row.deck_id: (row.title_label.text(), row.numbers_label.text()) for row in widget.rows}
    assert shown["ketamine-depression"] == (
        "Ketamine for depression",
        "1 due today  ·  2 new  ·  0 of 3 mastered  ·  0 of 2 sections read",
    )
    assert shown["plain"][0] == "Plain"
    assert shown["ketamine-anesthesia"][1].startswith("0 due today  ·  10 new")
