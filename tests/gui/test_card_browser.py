"""The card browser: search as you type, filters, sorting, card actions and custom study."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from studyapp.gui.card_browser import CardBrowser
from studyapp.review_types import Rating
from studyapp.study.card_list import COLUMNS, Column, Status, question_of
from studyapp.study.scheduler import Scheduler, SchedulerSettings
from tests.gui.conftest import START
from tests.gui.decks import anesthesia_deck, depression_deck, write_deck

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
TAGGED = {"an-1": ("pharmacology",), "an-2": ("pharmacology", "exam"), "an-7": ("dosing",)}


def tagged_decks(folder: Path) -> Path:
    """The two test decks, some anesthesia cards tagged, written as YAML files."""
    deck = anesthesia_deck()
    cards = tuple(dataclasses.replace(c, tags=TAGGED.get(c.id, ())) for c in deck.cards)
    write_deck(dataclasses.replace(deck, cards=cards), folder)
    write_deck(depression_deck(), folder)
    return folder


def make_leech(window, card_id: str) -> None:
    """Learn the card, then forget it 8 times (each lapse relearned), as a student would."""
    scheduler = Scheduler(SchedulerSettings(fuzz=False))
    moment = START - timedelta(days=200)
    state = None
    for rating in [Rating.GOOD, Rating.GOOD] + [Rating.AGAIN, Rating.GOOD] * 8:
        state, entry = scheduler.review(card_id, state, rating, moment)
        window.store.record_review(state, entry)
        moment += timedelta(days=3)


def open_browser(qtbot, window) -> CardBrowser:
    """Ctrl+B in the main window opens the browser."""
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    browser = window.exams_and_browser.browser
    assert browser is not None and browser.isVisible()
    qtbot.addWidget(browser)
    qtbot.waitExposed(browser)
    qtbot.waitUntil(lambda: browser.isActiveWindow())
    return browser


def shown_ids(browser: CardBrowser) -> list[str]:
    return [card.id for card in browser.model.shown_cards()]


def test_search_filters_as_you_type_over_question_answer_tags_and_section(
    qtbot, make_window, tmp_path
):
    """Typing narrows the list at each key; tags and section titles are searched too."""
    window = make_window([tagged_decks(tmp_path / "decks")])
    browser = open_browser(qtbot, window)
    everything = len(shown_ids(browser))
    assert everything == len(anesthesia_deck().cards) + len(depression_deck().cards)
    qtbot.keyClicks(browser.search, "emergence")
    assert sorted(shown_ids(browser)) == ["an-6", "an-9"]
    browser.search.clear()
    qtbot.keyClicks(browser.search, "pharmacology")  # a tag
    assert sorted(shown_ids(browser)) == ["an-1", "an-2"]
    browser.search.clear()
    qtbot.keyClicks(browser.search, "dosing monitoring")  # a section title, two words
    assert "an-7" in shown_ids(browser)
    browser.search.clear()
    qtbot.keyClicks(browser.search, "no card says this")
    assert shown_ids(browser) == []
    assert "No card matches" in browser.details.toPlainText()


def test_filters_by_deck_section_tag_type_and_status(qtbot, make_window, tmp_path):
    """Each filter keeps only its cards; the section list follows the chosen deck."""
    window = make_window([tagged_decks(tmp_path / "decks")])
    browser = open_browser(qtbot, window)
    browser.deck_box.setCurrentIndex(browser.deck_box.findData("ketamine-anesthesia"))
    assert {c.id[:3] for c in browser.model.shown_cards()} == {"an-"}
    browser.section_box.setCurrentIndex(browser.section_box.findData("I.C"))
    assert sorted(shown_ids(browser)) == ["an-6", "an-9"]
    browser.section_box.setCurrentIndex(0)
    browser.tag_box.setCurrentIndex(browser.tag_box.findData("exam"))
    assert shown_ids(browser) == ["an-2"]
    browser.tag_box.setCurrentIndex(0)
    browser.type_box.setCurrentIndex(browser.type_box.findText("list"))
    assert shown_ids(browser) == ["an-8"]
    browser.type_box.setCurrentIndex(0)
    browser.set_status_filter(Status.NEW)
    assert len(shown_ids(browser)) == len(anesthesia_deck().cards)


def test_a_leech_is_marked_sorted_by_lapses_and_suspended_with_ctrl_j(qtbot, make_window, tmp_path):
    """A card forgotten 8 times shows as a leech; Ctrl+J suspends and unsuspends it."""
    window = make_window([tagged_decks(tmp_path / "decks")])
    make_leech(window, "an-3")
    browser = open_browser(qtbot, window)
    browser.view.sortByColumn(COLUMNS.index(Column.LAPSES), Qt.SortOrder.DescendingOrder)
    assert shown_ids(browser)[0] == "an-3"
    browser.set_status_filter(Status.LEECH)
    assert shown_ids(browser) == ["an-3"]
    assert "1 leech" in browser.count_label.text()
    assert "Leech:" in browser.details.toPlainText()
    assert "Review history (18)" in browser.details.toPlainText()
    browser.view.setFocus()
    qtbot.keyClick(browser.view, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert window.store.card_progress_of("an-3").suspended == 1
    assert "suspended" in browser.table.text(browser.table.index["an-3"], Column.STATUS)
    assert browser.suspend_button.text() == "Unsuspend"
    qtbot.keyClick(browser.view, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert window.store.card_progress_of("an-3").suspended == 0


def test_reset_progress_makes_the_card_new_again_and_keeps_its_history(
    qtbot, make_window, tmp_path
):
    """Reset progress: the card is new again, its answers stay in the log."""
    window = make_window([tagged_decks(tmp_path / "decks")])
    make_leech(window, "an-3")
    browser = open_browser(qtbot, window)
    card = next(c for c in anesthesia_deck().cards if c.id == "an-3")
    qtbot.keyClicks(browser.search, question_of(card))
    assert browser.current_card() is not None and browser.current_card().id == "an-3"
    browser.reset_button.click()
    assert window.store.card_state("an-3") is None
    assert browser.table.status[browser.table.index["an-3"]] & Status.NEW
    assert browser.table.lapses[browser.table.index["an-3"]] == 0
    assert len(window.store.reviews("an-3")) == 18


def test_custom_study_crams_the_first_cards_shown(qtbot, make_window, tmp_path):
    """Ctrl+Shift+C on "the hardest 2 of a section" starts a cram session of just those."""
    window = make_window([tagged_decks(tmp_path / "decks")])
    browser = open_browser(qtbot, window)
    browser.deck_box.setCurrentIndex(browser.deck_box.findData("ketamine-anesthesia"))
    browser.section_box.setCurrentIndex(browser.section_box.findData("I.C"))
    browser.cram_count.setValue(1)
    qtbot.keyClick(
        browser,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.current_screen.value == "quiz"
    assert window.session is not None and window.session.progress.remaining == 1
    assert window.session.current_card.id == shown_ids(browser)[0]


def test_edit_opens_the_deck_file(qtbot, make_window, tmp_path, opened_files, monkeypatch):
    """Ctrl+E opens the card's deck file (at its line when a known editor is set)."""
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    window = make_window([tagged_decks(tmp_path / "decks")])
    browser = open_browser(qtbot, window)
    qtbot.keyClick(browser.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert opened_files and opened_files[-1].name.endswith(".yaml")


def test_show_in_source_opens_the_reader_at_the_card_s_section(qtbot, make_window, tmp_path):
    """Ctrl+Shift+S on a card: the main window shows the reader at the card's section."""
    window = make_window([tagged_decks(tmp_path / "decks")])
    browser = open_browser(qtbot, window)
    qtbot.keyClicks(browser.search, "emergence")
    card = browser.current_card()
    assert card is not None
    qtbot.keyClick(browser.view, Qt.Key.Key_S, CTRL_SHIFT)
    assert window.current_screen.value == "reader"
    assert window.reader.current_section_id() == card.section


def test_a_big_library_is_read_for_the_browser_on_a_worker(
    qtbot, make_window, tmp_path, monkeypatch
):
    """From the size where reading takes a while, the browser appears when its table is read."""
    from studyapp.gui import exam_browser_flow

    monkeypatch.setattr(exam_browser_flow, "BACKGROUND_CARDS", 1)
    window = make_window([tagged_decks(tmp_path / "decks")])
    make_leech(window, "an-3")
    flow = window.exams_and_browser
    assert flow.browse_cards() is None  # reading, the window stays responsive
    assert flow.loading is not None and "Reading" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: flow.browser is not None and flow.browser.isVisible(), timeout=10000)
    qtbot.addWidget(flow.browser)
    assert flow.loading is None
    assert len(flow.browser.table) == len(anesthesia_deck().cards) + len(depression_deck().cards)
    assert flow.browser.table.lapses[flow.browser.table.index["an-3"]] == 8
