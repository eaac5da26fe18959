"""The whole flow a student goes through, by keyboard, with the real widgets, store and decks.

It runs on the shipped decks (``decks/``), as a student would first see them.

First start on an empty data folder (welcome shown and dismissed), open a deck, read two
sections, study ten cards with Space and 1-4 (typed and multiple-choice cards answered by
keyboard too), undo one with U, close the window, start again: progress and position are kept.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from studyapp import paths
from studyapp.gui.context import Screen
from studyapp.gui.welcome import DONT_SHOW_KEY
from tests.gui.keyboard import reveal_by_keyboard

RATING_KEYS = [Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_2]


def answer_by_keyboard(qtbot, quiz, rating_key: Qt.Key) -> str:
    """Answer the card on screen with keys only; returns its id."""
    card = quiz.card
    reveal_by_keyboard(qtbot, quiz)
    qtbot.keyClick(quiz, rating_key)
    return card.id


def test_first_run_read_study_undo_restart(make_window, qtbot, clock):
    """Everything a student did is there after closing and opening the app again."""
    shipped = [paths.shipped_decks_dir()]
    assert sorted(shipped[0].glob("ketamine-*.yaml")), "the shipped decks are missing"
    window = make_window(decks=shipped)
    window.start()

    # First run: the welcome explains the keys and is dismissed for good.
    qtbot.waitUntil(lambda: window.welcome is not None and window.welcome.isVisible())
    welcome = window.welcome
    shown = " ".join(label.text() for label in welcome.findChildren(QLabel))
    for words in ("Space", "Again", "Hard", "Good", "Easy"):
        assert words in shown
    assert welcome.dont_show.isChecked()
    qtbot.keyClick(welcome.start_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.welcome is None)
    assert window.store.setting(DONT_SHOW_KEY) is True

    # Open the first deck from the library and read two sections.
    assert window.current_screen is Screen.LIBRARY
    deck_id = window.library.selected_deck_id()
    qtbot.keyClick(window.library, Qt.Key.Key_Return)
    assert window.current_screen is Screen.READER
    reader = window.reader
    first = reader.current_section_id()
    qtbot.waitUntil(lambda: reader.is_read(first))
    qtbot.keyClick(reader, Qt.Key.Key_N)
    second = reader.current_section_id()
    assert second != first
    qtbot.keyClick(reader, Qt.Key.Key_End)  # scroll to its end if it is long
    qtbot.waitUntil(lambda: reader.is_read(second))
    assert {first, second} <= set(window.store.read_sections(deck_id))

    # Back to the library and study ten cards by keyboard alone.
    qtbot.keyClick(reader, Qt.Key.Key_Escape)
    assert window.current_screen is Screen.LIBRARY
    qtbot.keyClick(window.library, Qt.Key.Key_S)
    assert window.current_screen is Screen.QUIZ
    quiz = window.quiz
    answered = []
    kinds = set()
    for n in range(10):
        assert quiz.phase == "question", f"no card left after {n} answers"
        kinds.add(quiz.card.type)
        answered.append(answer_by_keyboard(qtbot, quiz, RATING_KEYS[n % len(RATING_KEYS)]))
        clock.advance(seconds=20)
    assert len(window.store.reviews()) == 10
    assert len(kinds) >= 2, "ten cards of a real deck mix card types"

    # Undo the last answer: it comes back on screen and leaves the log.
    qtbot.keyClick(quiz, Qt.Key.Key_U)
    assert len(window.store.reviews()) == 9
    assert quiz.card is not None and quiz.card.id == answered[-1]
    reviews_before = window.store.reviews()
    states_before = window.store.card_states()

    # Leave the quiz, open the reader again: it is at the second section. Close the app.
    qtbot.keyClick(quiz, Qt.Key.Key_Escape)
    assert window.current_screen is Screen.LIBRARY
    window.library.select_deck(deck_id)
    qtbot.keyClick(window.library, Qt.Key.Key_R)
    assert window.reader.current_section_id() == second
    window.close()
    window.store.close()
    QApplication.processEvents()

    # Start again on the same data folder: no welcome, same screen, same place, same progress.
    again = make_window(decks=shipped)
    again.start()
    QApplication.processEvents()
    assert again.welcome is None
    assert again.current_screen is Screen.READER
    assert again.reader.deck.id == deck_id
    assert again.reader.current_section_id() == second
    assert again.reader.is_read(first) and again.reader.is_read(second)
    assert again.store.reviews() == reviews_before
    assert again.store.card_states() == states_before
    assert len(states_before) == len({entry.card_id for entry in reviews_before})
