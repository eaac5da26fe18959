"""A screen reader can name every control: each screen's focusable widgets, and the custom
ones (rating buttons, deck rows, mastery bars, charts, the reader's outline), have an
accessible name and description; charts say in words what they draw."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractSpinBox, QProgressBar, QWidget

from studyapp import paths
from studyapp.gui.charts import _Chart
from studyapp.gui.rating_buttons import RatingButton
from studyapp.review_types import Rating


def reachable(root: QWidget) -> Iterator[QWidget]:
    """``root`` and its descendants that are on screen and take keyboard focus.

    A spin box's inner line edit is part of the spin box: the reader announces the spin box.
    """
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QAbstractSpinBox):
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            yield widget


def accessible_text(widget: QWidget, kind: QAccessible.Text) -> str:
    """What a screen reader gets for ``widget`` (its accessible interface's text)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(kind).strip() if interface is not None else ""


def unnamed(widgets: Iterator[QWidget] | list[QWidget], *, described: bool = True) -> list[str]:
    """``Class 'objectName' text`` of each widget missing an accessible name or description."""
    missing = []
    for widget in widgets:
        name = accessible_text(widget, QAccessible.Text.Name)
        description = accessible_text(widget, QAccessible.Text.Description)
        if not name or (described and not description):
            label = getattr(widget, "text", lambda: "")()
            missing.append(f"{type(widget).__name__} {label!r} name={name!r}")
    return missing


def custom_controls(root: QWidget) -> list[QWidget]:
    """The widgets drawn by the app itself, which Qt cannot name on its own."""
    kinds = (RatingButton, QProgressBar, _Chart)
    return [w for w in root.findChildren(QWidget) if isinstance(w, kinds) and w.isVisibleTo(root)]


@pytest.fixture
def window(make_window):
    """The main window on the shipped decks, as a student first sees it."""
    return make_window(decks=[paths.shipped_decks_dir()])


def test_library_controls_have_names(window):
    """The library, each deck row and its mastery bar are named and described."""
    assert unnamed(reachable(window)) == []
    assert unnamed(custom_controls(window.library)) == []
    row = window.library.rows[0]
    assert row.summary.deck.title in accessible_text(row, QAccessible.Text.Name)
    assert "mastery" in accessible_text(row.bar, QAccessible.Text.Name).lower()
    assert window.library.rows[0].summary.deck.title in accessible_text(
        window.library, QAccessible.Text.Description
    )  # the selected deck is read out with the library


def test_reader_controls_and_outline_have_names(window):
    """The reader and its outline (with each section's read mark and mastery) are named."""
    deck = window.decks[0]
    window.open_reader(deck.id, deck.sections[1].id)
    assert unnamed(reachable(window)) == []
    tree = window.reader.tree
    assert unnamed([tree]) == []
    item = tree.currentItem()
    assert item is not None
    spoken = item.data(0, Qt.ItemDataRole.AccessibleTextRole)
    assert deck.sections[1].title in spoken and "mastery" in spoken


def test_quiz_question_answer_and_rating_buttons_have_names(window):
    """Question and answer sides: every control and the four rating buttons are named."""
    window.study_all_due()
    quiz = window.quiz
    assert unnamed(reachable(window)) == []
    quiz.reveal()
    assert unnamed(reachable(window)) == []
    buttons = list(quiz.rating_buttons.values())
    assert unnamed(buttons) == []
    good = quiz.rating_buttons[Rating.GOOD]
    assert accessible_text(good, QAccessible.Text.Name).startswith("Good")
    assert "3" in accessible_text(good, QAccessible.Text.Description)
    answer = accessible_text(quiz, QAccessible.Text.Description)
    assert "Proposed: Good" in answer and "Space accept" in answer
    window.session.finish()
    assert unnamed(reachable(window)) == []
    assert quiz.summary_page.title.text() in accessible_text(quiz, QAccessible.Text.Description)


def test_progress_charts_say_what_they_show(window):
    """Every chart on the progress screen is named and describes its figures in words."""
    window.study_all_due()
    window.quiz.reveal()
    window.quiz.rate(Rating.GOOD)
    window.show_progress()
    assert unnamed(reachable(window)) == []
    charts = custom_controls(window.progress)
    assert len([c for c in charts if isinstance(c, _Chart)]) >= 4
    assert unnamed(charts) == []
    forecast = accessible_text(window.progress.forecast_chart, QAccessible.Text.Description)
    assert "today" in forecast.lower()


def test_settings_and_welcome_controls_have_names(window, qtbot):
    """The Settings dialog's fields and the welcome's buttons are named and described."""
    from studyapp.gui.settings_dialog import SettingsDialog
    from studyapp.study import preferences

    dialog = SettingsDialog(preferences.load_preferences(window.store), window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed(reachable(dialog)) == []
    dialog.reject()
    welcome = window.show_welcome()
    assert unnamed(reachable(welcome)) == []
    welcome.reject()


def test_the_walk_finds_an_unnamed_control(qtbot):
    """A focusable widget with no text, name or tooltip is reported (the check can fail)."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    button = QPushButton()
    layout.addWidget(button)
    assert unnamed(reachable(root)) == ["QPushButton '' name=''"]
    button.setAccessibleName("Study")
    button.setAccessibleDescription("Study the selected deck")
    assert unnamed(reachable(root)) == []


def tab_chain(root: QWidget) -> list[QWidget]:
    """The widgets Tab visits in ``root``, in order, starting from the first one."""
    focusable = list(reachable(root))
    focusable = [w for w in focusable if w is not root and w.isEnabled()]
    if not focusable:
        return []
    chain, widget = [], focusable[0]
    while True:
        if widget in focusable and widget not in chain:
            chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is focusable[0]:
            return chain


def reading_order(root: QWidget, widgets: list[QWidget]) -> list[QWidget]:
    """``widgets`` sorted as one reads the screen: by line (top), then left to right."""

    def place(widget: QWidget) -> tuple[int, int]:
        corner = widget.mapTo(root, widget.rect().topLeft())
        return (corner.y() // 12, corner.x())  # same line when tops are within 12 px

    return sorted(widgets, key=place)


def test_tab_follows_the_screen_in_settings_welcome_and_progress(window, qtbot):
    """Tab goes top to bottom, left to right through Settings, the welcome and Progress."""
    from studyapp.gui.settings_dialog import SettingsDialog
    from studyapp.study import preferences

    dialog = SettingsDialog(preferences.load_preferences(window.store), window)
    qtbot.addWidget(dialog)
    dialog.show()
    welcome = window.show_welcome()
    window.show_progress()
    for root in (dialog, welcome, window.progress):
        chain = tab_chain(root)
        assert len(chain) >= 2, type(root).__name__
        assert chain == reading_order(root, chain), [type(w).__name__ for w in chain]
    welcome.reject()
    dialog.reject()


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_focus_is_visible_on_every_kind_of_control(qtbot, qapp, theme_name):
    """Each kind of focusable control looks different with the keyboard focus, in both themes."""
    from studyapp.gui import theme
    from studyapp.gui.settings_dialog import SettingsDialog
    from studyapp.gui.welcome import WelcomeDialog
    from studyapp.study.preferences import Preferences

    theme.apply_theme(qapp, theme_name)
    try:
        dialog = SettingsDialog(Preferences())
        welcome = WelcomeDialog()
        checks = [  # (control, a control of the same window to move the focus to)
            (dialog.new_per_day, dialog.font_size),
            (dialog.retention, dialog.font_size),
            (dialog.learning_steps, dialog.font_size),
            (dialog.theme, dialog.font_size),
            (dialog.save_button, dialog.font_size),
            (welcome.dont_show, welcome.start_button),
            (welcome.start_button, welcome.dont_show),
        ]
        for box in (dialog, welcome):
            qtbot.addWidget(box)
            box.show()
            qtbot.waitExposed(box)
        for control, elsewhere in checks:
            control.window().activateWindow()
            elsewhere.setFocus()
            qapp.processEvents()
            without = control.grab().toImage()
            control.setFocus()
            qapp.processEvents()
            assert control.hasFocus(), type(control).__name__
            assert control.grab().toImage() != without, f"{type(control).__name__} shows no focus"
    finally:
        theme.apply_theme(qapp, "light")
