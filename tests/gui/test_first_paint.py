"""Work queued behind a window's first paint: run once, and first when a key comes before it."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLineEdit

from studyapp.gui.first_paint import FirstPaint


def test_a_key_pressed_before_the_queued_load_runs_it_first(qtbot):
    """A key press between the first paint and the work queued behind it runs that work
    first, so the key acts on loaded decks; afterwards keys are left alone."""
    ran: list[str] = []
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    watcher = FirstPaint(lambda: ran.append("loaded"))
    field.installEventFilter(watcher)
    watcher.eventFilter(field, QPaintEvent(QRect(0, 0, 10, 10)))  # the first paint
    field.textChanged.connect(lambda _text: ran.append("typed"))
    qtbot.keyClick(field, Qt.Key.Key_A)
    assert ran == ["loaded", "typed"]
    ran.clear()
    qtbot.keyClick(field, Qt.Key.Key_B)
    assert ran == ["typed"]  # the work ran once: later keys are left alone
