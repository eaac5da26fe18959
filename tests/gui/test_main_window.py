"""The main window: screens, saved state across restarts, deck files reloading, settings."""

from __future__ import annotations

from datetime import UTC, date
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from studyapp.gui import theme
from studyapp.gui.context import Screen
from studyapp.review_types import Rating
from studyapp.study.preferences import Preferences, load_preferences


def test_starts_on_the_library_with_every_deck(make_window):
    """A first start shows the library with both decks and no load errors."""
    window = make_window()
    assert window.current_screen is Screen.LIBRARY
    assert window.windowTitle() == "Library — studyapp"
    assert window._reader is None  # the reader is built when first opened, not at start-up
    assert window.stack.currentWidget() is window.library
    assert [row.deck_id for row in window.library.rows] == [
        "ketamine-anesthesia",
        "ketamine-depression",
    ]
    assert window.library.error_labels == []


def test_read_key_opens_the_reader_and_escape_returns(make_window, qtbot):
    """R on the library opens the selected deck in the reader; Esc goes back."""
    window = make_window()
    qtbot.keyClick(window.library, Qt.Key.Key_R)
    assert window.current_screen is Screen.READER
    assert window.reader.deck.id == "ketamine-anesthesia"
    qtbot.keyClick(window.reader, Qt.Key.Key_Escape)
    assert window.current_screen is Screen.LIBRARY


def test_reading_marks_sections_read_in_the_store(make_window, qtbot):
    """Opening a short section stores it as read, with the clock's time."""
    window = make_window()
    window.open_reader("ketamine-anesthesia")
    qtbot.waitUntil(lambda: "I" in window.store.read_sections("ketamine-anesthesia"))
    qtbot.keyClick(window.reader, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: "I.A" in window.store.read_sections("ketamine-anesthesia"))
    read = window.store.read_sections("ketamine-anesthesia")
    assert set(read) == {"I", "I.A"}
    assert read["I.A"] == window.ctx.clock()
    window.show_library()
    assert window.library.rows[0].numbers_label.text().endswith("2 of 5 sections read")


def test_screen_position_and_geometry_come_back_after_restart(make_window, qtbot):
    """Close on the reader at section C with a resized window: the next start is the same."""
    window = make_window()
    window.show()
    window.resize(780, 560)
    window.open_reader("ketamine-anesthesia", "I.C")
    window.close()
    window.store.close()
    again = make_window()
    assert again.current_screen is Screen.READER
    assert again.reader.deck.id == "ketamine-anesthesia"
    assert again.reader.current_section_id() == "I.C"
    assert (again.width(), again.height()) == (780, 560)


def test_each_deck_remembers_its_own_reading_position(make_window):
    """Going back to a deck reopens the section read last in that deck."""
    window = make_window()
    window.open_reader("ketamine-anesthesia", "I.B.1")
    window.open_reader("ketamine-depression", "II.A")
    window.open_reader("ketamine-anesthesia")
    assert window.reader.current_section_id() == "I.B.1"


def test_study_key_opens_the_quiz_and_escape_goes_back(make_window, qtbot):
    """S on a deck opens the quiz on its first card, under its deck › section line; Esc returns."""
    window = make_window()
    qtbot.keyClick(window.library, Qt.Key.Key_S)
    assert window.current_screen is Screen.QUIZ
    assert window.quiz.phase == "question"
    deck = next(d for d in window.decks if any(c.id == window.quiz.card.id for c in d.cards))
    assert window.quiz.card_view.context.text().startswith(deck.title + "  ›  ")
    qtbot.keyClick(window.quiz, Qt.Key.Key_Escape)
    assert window.current_screen is Screen.LIBRARY


def test_quiz_this_section_studies_only_that_section(make_window, qtbot):
    """Q in the reader quizzes the open section's cards only."""
    window = make_window()
    window.open_reader("ketamine-anesthesia", "I.C")
    qtbot.keyClick(window.reader, Qt.Key.Key_Q)
    assert window.current_screen is Screen.QUIZ
    seen = set()
    while window.quiz.phase == "question":
        seen.add(window.quiz.card.id)
        qtbot.keyClick(window.quiz, Qt.Key.Key_Space)
        qtbot.keyClick(window.quiz, Qt.Key.Key_4)
    assert seen == {"an-6", "an-9"}


def test_show_in_source_opens_the_reader_and_escape_resumes_the_quiz(make_window, qtbot):
    """S during a quiz shows the card's sentence in the reader; Esc goes back to the card."""
    window = make_window()
    window.study_deck("ketamine-anesthesia")
    card = window.quiz.card
    qtbot.keyClick(window.quiz, Qt.Key.Key_S)
    assert window.current_screen is Screen.READER
    assert window.reader.current_section_id() == card.section
    assert window.reader.view.extraSelections()
    qtbot.keyClick(window.reader, Qt.Key.Key_Escape)
    assert window.current_screen is Screen.QUIZ
    assert window.quiz.card == card


def test_edit_key_opens_the_deck_file(make_window, qtbot, opened_files, deck_dir):
    """E in the reader hands the deck's YAML file to the desktop's editor."""
    window = make_window()
    window.open_reader("ketamine-depression")
    qtbot.keyClick(window.reader, Qt.Key.Key_E)
    assert [p.resolve() for p in opened_files] == [
        (deck_dir / "ketamine-depression.yaml").resolve()
    ]


def _edit_deck_file(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def test_saving_a_deck_file_reloads_it_and_keeps_progress(make_window, qtbot, deck_dir):
    """An instructor's edit on disk shows up by itself; the card's review history stays."""
    window = make_window()
    scheduler = window.scheduler
    state, entry = scheduler.review("dep-1", None, Rating.GOOD, window.ctx.clock())
    window.store.record_review(state, entry)
    path = deck_dir / "ketamine-depression.yaml"

    def retitle(data: dict) -> None:
        data["title"] = "Ketamine and depression"
        data["cards"][0]["question"] = "Which depression responds to low-dose ketamine?"

    with qtbot.waitSignal(window.decks_reloaded, timeout=5000):
        _edit_deck_file(path, retitle)
    titles = [row.title_label.text() for row in window.library.rows]
    assert "Ketamine and depression" in titles
    assert window.deck_by_id("ketamine-depression").cards[0].question.startswith("Which")
    assert window.store.card_state("dep-1") == state
    assert len(window.store.reviews("dep-1")) == 1


@pytest.mark.parametrize("choice", ["reset", "keep"])
def test_a_changed_answer_lets_the_student_start_afresh_or_keep_progress(
    make_window, qtbot, deck_dir, choice
):
    """When an instructor changes a studied card's answer, the library asks what to do."""
    window = make_window()
    state, entry = window.scheduler.review("dep-1", None, Rating.GOOD, window.ctx.clock())
    window.store.record_review(state, entry)
    assert window.library.changed_box is None

    def new_answer(data: dict) -> None:
        data["cards"][0]["answer"] = "Treatment-resistant and bipolar depression"

    with qtbot.waitSignal(window.decks_reloaded, timeout=5000):
        _edit_deck_file(deck_dir / "ketamine-depression.yaml", new_answer)
    box = window.library.changed_box
    assert box is not None and "The answer of 1 card changed" in box.findChild(QLabel).text()
    button = box.reset_button if choice == "reset" else box.keep_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.library.changed_box is None
    assert window.store.answer_changed_cards() == []
    if choice == "reset":
        assert window.store.card_state("dep-1") is None
    else:
        assert window.store.card_state("dep-1") == state
    assert len(window.store.reviews("dep-1")) == 1  # the history is never deleted


def test_a_deck_file_broken_on_disk_shows_its_errors_and_keeps_the_deck(
    make_window, qtbot, deck_dir
):
    """A save that breaks the YAML lists file:line errors; the last good deck stays usable."""
    window = make_window()
    path = deck_dir / "ketamine-depression.yaml"
    with qtbot.waitSignal(window.decks_reloaded, timeout=5000):
        path.write_text(path.read_text(encoding="utf-8") + "\n  : bad: [\n", encoding="utf-8")
    [label] = window.library.error_labels
    assert label.text().startswith(f"{path}:")
    assert "error" in label.text()
    assert window.deck_by_id("ketamine-depression") is not None
    assert len(window.library.rows) == 2
    with qtbot.waitSignal(window.decks_reloaded, timeout=5000):
        _edit_deck_file(deck_dir / "ketamine-anesthesia.yaml", lambda d: None)
        path.write_text(path.read_text(encoding="utf-8").split("\n  : bad")[0], encoding="utf-8")
    qtbot.waitUntil(lambda: window.library.error_labels == [], timeout=5000)


def test_settings_are_saved_and_used(make_window, qtbot):
    """Saved settings reach the scheduler and the theme, and are there after a restart."""
    window = make_window()
    prefs = Preferences(
        new_per_day=5, desired_retention=0.85, day_rollover_hour=6, theme="dark", font_size=13
    )
    window.apply_preferences(prefs)
    assert window.scheduler.settings.desired_retention == 0.85
    assert window.scheduler.settings.new_per_day == 5
    assert window.scheduler.settings.day_rollover_hour == 6
    assert theme.colors() is theme.DARK
    window.store.close()
    again = make_window()
    assert load_preferences(again.store) == prefs
    assert again.scheduler.settings.desired_retention == 0.85
    again.apply_preferences(Preferences())  # back to the light default for other tests
    assert theme.resolve("light") is theme.LIGHT


def test_progress_screen_opens_from_the_menu_shortcut(make_window, qtbot):
    """Ctrl+3 shows the progress screen; its Back returns to the library."""
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_screen is Screen.PROGRESS
    window.progress.left.emit()
    assert window.current_screen is Screen.LIBRARY


def test_clock_drives_due_counts(make_window, clock):
    """Numbers in the library come from the injected clock, not the wall clock."""
    window = make_window()
    scheduler = window.scheduler
    state, entry = scheduler.review("an-1", None, Rating.GOOD, clock())
    window.store.record_review(state, entry)
    window.refresh_library()
    assert window.library.rows[0].next_label.text() == "Next: in 10 min"
    clock.advance(minutes=30)
    window.refresh_library()
    assert window.library.rows[0].next_label.text() == "Next: due now"
    assert clock().tzinfo is UTC


def test_an_edit_to_the_open_deck_shows_in_the_reader_at_the_same_section(
    make_window, qtbot, deck_dir
):
    """Saving the deck being read reloads its text in place; the student stays where they were."""
    window = make_window()
    window.open_reader("ketamine-anesthesia", "I.C")

    def reword(data: dict) -> None:
        section = next(s for s in data["sections"] if s["id"] == "I.C")
        section["body"] = "Emergence reactions are rarer with a calm recovery room."

    with qtbot.waitSignal(window.decks_reloaded, timeout=5000):
        _edit_deck_file(deck_dir / "ketamine-anesthesia.yaml", reword)
    assert window.current_screen is Screen.READER
    assert window.reader.current_section_id() == "I.C"
    assert "calm recovery room" in window.reader.view.toPlainText()


def test_settings_dialog_from_the_menu_saves_what_the_student_picks(make_window, qtbot):
    """Ctrl+, opens Settings; changing new cards per day and pressing Save applies it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from studyapp.gui.settings_dialog import SettingsDialog

    window = make_window()

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SettingsDialog):
            QTimer.singleShot(20, fill_in)
            return
        dialog.new_per_day.setValue(8)
        dialog.accept()

    QTimer.singleShot(20, fill_in)
    window.open_settings()
    assert window.scheduler.settings.new_per_day == 8
    assert load_preferences(window.store).new_per_day == 8


def test_optimized_parameters_are_saved_and_used(make_window):
    """Weights from "Optimize my parameters" go into the settings and the scheduler at once."""
    import fsrs

    window = make_window()
    window.show_progress()
    weights = [round(w * 1.02, 4) for w in fsrs.scheduler.DEFAULT_PARAMETERS]
    window.progress.parameters_optimized.emit(weights)
    assert window.scheduler.settings.parameters == tuple(weights)
    assert load_preferences(window.store) == Preferences()  # the rest is unchanged
    assert window.store.setting("scheduler")["parameters"] == weights


def test_unusable_optimizer_output_is_reported_not_applied(make_window):
    """Weights out of FSRS's bounds are refused with a message; scheduling stays as it was."""
    window = make_window()
    window.show_progress()
    window.progress.parameters_optimized.emit([99.0] * 21)
    assert window.scheduler.settings.parameters is None
    assert "not used" in window.statusBar().currentMessage()


def test_the_app_follows_the_desktop_switching_to_dark_only_when_asked(
    make_window, qapp, monkeypatch
):
    """With "Follow the system", a desktop switch to dark turns the app dark; with "Light"
    chosen the app stays light.

    Offscreen Qt has no desktop to switch, so the desktop's answer is stood in for and its
    real colorSchemeChanged signal is emitted, as a desktop would.
    """
    from PySide6.QtGui import QGuiApplication, QPalette

    desktop_dark = {"value": False}
    monkeypatch.setattr(theme, "system_prefers_dark", lambda: desktop_dark["value"])
    hints = QGuiApplication.styleHints()
    window = make_window()
    try:
        assert load_preferences(window.store).theme == "system"
        assert not theme.colors().dark
        desktop_dark["value"] = True
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert theme.colors().dark
        window_colour = qapp.palette().color(QPalette.ColorRole.Window)
        assert window_colour.lightness() < 80

        window.apply_preferences(Preferences(theme="light"))
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert not theme.colors().dark
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 200
    finally:
        theme.apply_theme(qapp, "light")


def test_a_closed_window_ignores_the_desktop_switching_scheme(make_window, qapp):
    """After its window closed (and its progress file with it), a desktop switch is harmless."""
    from PySide6.QtGui import QGuiApplication

    window = make_window()
    window.close()
    window.store.close()
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # no error
    assert not window.isVisible()


def test_a_closed_window_ignores_its_deck_files_changing(make_window, deck_dir, qtbot):
    """A deck saved after the window closed (its progress file closed with it) reloads
    nothing and raises nothing: the window no longer watches the files."""
    window = make_window()
    window.close()
    window.store.close()
    path = next(deck_dir.glob("*.yaml"))
    with qtbot.assertNotEmitted(window.deck_watcher.decks_changed, wait=600):
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")


def test_the_library_after_answering_shows_the_answered_decks_new_figures(make_window):
    """After a card is answered the library's next refresh shows it in that deck's row, the
    other decks' figures kept as they were; new scheduler settings work everything out again."""
    window = make_window()
    window.refresh_library()
    before = {row.deck_id: row.summary for row in window.library.rows}
    model = window.progress_model
    assert window.progress_model is model  # one model per window: what it keeps survives
    deck = window.decks[0]
    card_id = deck.cards[0].id
    state, entry = window.scheduler.review(
        card_id, window.store.card_state(card_id), Rating.GOOD, window.ctx.clock()
    )
    window.store.record_review(state, entry)
    window.refresh_library()
    after = {row.deck_id: row.summary for row in window.library.rows}
    assert after[deck.id].new == before[deck.id].new - 1
    assert all(after[d] is before[d] for d in after if d != deck.id)
    window.appearance.apply_preferences(load_preferences(window.store))
    assert window.progress_model is not model


def test_a_big_library_is_counted_after_the_first_paint_and_shown_at_once_next_time(
    make_window, qtbot, monkeypatch
):
    """A library too big to count before the window shows says "Counting…" and fills in its
    figures right after the first paint; the next start the same day shows them at once."""
    from studyapp.gui import library_flow
    from studyapp.study.progress import KEPT_FIGURES_KEY

    monkeypatch.setattr(library_flow, "COUNT_AFTER_PAINT_CARDS", 0)  # every library is "big"
    first = make_window()
    qtbot.waitUntil(lambda: not first.library_flow.counting)
    numbers = [row.numbers_label.text() for row in first.library.rows]
    assert numbers[0].startswith("0 due today  ·  10 new  ·  0 of 10 mastered")
    assert first.store.setting(KEPT_FIGURES_KEY) is not None  # saved for the next start
    first.close()
    first.store.close()

    second = make_window()  # big too: opened on the decks' listing, loaded after the paint
    assert [row.numbers_label.text() for row in second.library.rows] == numbers
    qtbot.waitUntil(lambda: not second.library_flow.counting)
    assert [len(deck.cards) for deck in second.decks] == [10, 3]
    assert [row.numbers_label.text() for row in second.library.rows] == numbers


def test_a_big_library_loads_its_decks_after_the_first_paint_when_the_library_opens(
    make_window, qtbot, monkeypatch
):
    """A big library opens on the listing of its decks (titles, sections, figures) and loads
    the decks themselves right after the first paint, then studies as always; it loads them
    first when the reader opens first, or when an exam date needs the cards."""
    from studyapp.gui import library_flow

    first = make_window()  # the first start loads the decks and saves their listing
    first.close()
    first.store.close()
    monkeypatch.setattr(library_flow, "COUNT_AFTER_PAINT_CARDS", 0)  # every library is "big"
    window = make_window()
    assert window.library_flow.loading
    assert [deck.id for deck in window.decks] == ["ketamine-anesthesia", "ketamine-depression"]
    assert window.library.rows[0].title_label.text() == "Ketamine in anesthesia"
    qtbot.waitUntil(lambda: not window.library_flow.counting)
    assert [len(deck.cards) for deck in window.decks] == [10, 3]
    qtbot.keyClick(window.library, Qt.Key.Key_S)
    assert window.current_screen is Screen.QUIZ
    window.leave_quiz()
    window.open_reader("ketamine-anesthesia")
    window.close()
    window.store.close()

    reading = make_window()
    assert not reading.library_flow.loading  # the reader shows cards' sections: loaded first
    assert reading.current_screen is Screen.READER
    reading.set_screen(Screen.LIBRARY)
    reading.store.set_exam(["ketamine-anesthesia"], date(2026, 4, 1))
    reading.close()
    reading.store.close()
    with_exam = make_window()
    assert not with_exam.library_flow.loading  # the exam panel needs the cards
    assert with_exam.library.exam_panel.cards


def test_a_new_window_shows_counting_before_its_first_paint(make_window, monkeypatch):
    """Before the first paint a big library's rows say "Counting…", never zeros."""
    from studyapp.gui import library_flow

    monkeypatch.setattr(library_flow, "COUNT_AFTER_PAINT_CARDS", 0)
    monkeypatch.setattr(library_flow.LibraryFlow, "_count_after_paint", lambda self: None)
    window = make_window()
    assert window.library_flow.counting
    assert all(row.numbers_label.text().startswith("Counting…") for row in window.library.rows)
    window.refresh_library()  # any refresh counts what is missing
    assert not window.library_flow.counting
    assert window.library.rows[0].numbers_label.text().startswith("0 due today")


def test_changed_answers_waiting_for_a_choice_show_once_a_big_librarys_decks_load(
    make_window, qtbot, deck_dir, monkeypatch
):
    """A changed answer the student has not decided on yet is asked about again at the next
    start, also when the decks load after the first paint."""
    from studyapp.gui import library_flow

    window = make_window()
    state, entry = window.scheduler.review("dep-1", None, Rating.GOOD, window.ctx.clock())
    window.store.record_review(state, entry)

    def new_answer(data: dict) -> None:
        data["cards"][0]["answer"] = "Treatment-resistant and bipolar depression"

    with qtbot.waitSignal(window.decks_reloaded, timeout=5000):
        _edit_deck_file(deck_dir / "ketamine-depression.yaml", new_answer)
    assert window.library.changed_box is not None
    window.close()
    window.store.close()

    monkeypatch.setattr(library_flow, "COUNT_AFTER_PAINT_CARDS", 0)
    again = make_window()
    assert again.library_flow.loading
    qtbot.waitUntil(lambda: not again.library_flow.counting)
    box = again.library.changed_box
    assert box is not None and "The answer of 1 card changed" in box.findChild(QLabel).text()


def test_a_big_librarys_first_start_of_a_day_counts_after_the_paint(make_window, monkeypatch):
    """On the first start of a study day a big library opened on its decks' listing says
    "Counting…" at its first paint rather than counting every card before it."""
    from studyapp.gui import library_flow
    from studyapp.study.progress import KEPT_FIGURES_KEY

    first = make_window()
    first.close()
    first.store.set_setting(KEPT_FIGURES_KEY, None)  # as when they were for another day
    first.store.close()
    monkeypatch.setattr(library_flow, "COUNT_AFTER_PAINT_CARDS", 5)  # 13 cards are "many"
    monkeypatch.setattr(library_flow.LibraryFlow, "_count_after_paint", lambda self: None)
    window = make_window()
    assert window.library_flow.loading
    assert all(row.numbers_label.text().startswith("Counting…") for row in window.library.rows)


def test_a_big_librarys_figures_are_painted_before_its_decks_load(make_window, qtbot, monkeypatch):
    """On the first start of a study day a big library's figures come first: while its decks
    load, no row says "Counting…", the figures on screen were painted laid out (no label cut
    short), and they are the figures the decks give once loaded."""
    from PySide6.QtCore import QEvent, QObject

    from studyapp.gui import library_flow
    from studyapp.study.progress import KEPT_FIGURES_KEY

    first = make_window()
    expected = [row.numbers_label.text() for row in first.library.rows]
    first.close()
    first.store.set_setting(KEPT_FIGURES_KEY, None)  # as when they were for another day
    first.store.close()
    monkeypatch.setattr(library_flow, "COUNT_AFTER_PAINT_CARDS", 5)  # 13 cards are "many"

    class PaintedWidth(QObject):
        """Notes the width of a label each time it is painted."""

        def __init__(self) -> None:
            super().__init__()
            self.widths: dict[QObject, int] = {}

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(watched, QLabel):
                self.widths[watched] = watched.width()
            return False

    painted = PaintedWidth()
    seen_at_load: list[str] = []
    cut_short: list[str] = []  # mastery figures on screen, painted narrower than their text
    real_load = library_flow.LibraryFlow._load_decks

    def load(flow: library_flow.LibraryFlow) -> None:
        for row in flow.window.library.rows:
            seen_at_load.append(row.numbers_label.text())
            label = row.mastery_label
            if painted.widths.get(label, 0) < label.sizeHint().width():
                cut_short.append(label.text())
        real_load(flow)

    monkeypatch.setattr(library_flow.LibraryFlow, "_load_decks", load)
    window = make_window()
    assert all(row.numbers_label.text().startswith("Counting…") for row in window.library.rows)
    for row in window.library.rows:
        row.mastery_label.installEventFilter(painted)
    qtbot.waitUntil(lambda: not window.library_flow.counting)
    assert seen_at_load == expected and cut_short == []
    assert [row.numbers_label.text() for row in window.library.rows] == expected
    assert [len(deck.cards) for deck in window.decks] == [10, 3]
