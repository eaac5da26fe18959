"""Work a window's start leaves for right after its first paint.

A start does before the first paint only what the window shows; the rest (a big library's
decks and figures, the app's icon) is queued right behind the first paint pass with
:func:`after_first_paint`, and run after :data:`UNPAINTED_WAIT_MS` if no paint comes (a window
started minimized). With ``guard_input``, a key press or click that comes between the paint
and the queued call runs the call first, so no action finds the work undone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

UNPAINTED_WAIT_MS = 1000
"""What is left for after the first paint is done after this long if no paint comes."""

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
    }
)


class FirstPaint(QObject):
    """Calls ``then`` once the watched window has finished its first paint pass; with
    ``guard_input``, at once when the student presses a key or clicks before that call came."""

    def __init__(self, then: Callable[[], None], *, guard_input: bool = True) -> None:
        super().__init__()
        self._then = then
        self._guard_input = guard_input
        self._guarding = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the first paint event: queue ``then`` behind the paint pass and, until it runs,
        run it first should a key press or click come (an action finds the work done)."""
        kind = event.type()
        if kind == QEvent.Type.Paint and not self._guarding:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
            app = QCoreApplication.instance()
            if self._guard_input and app is not None:  # input goes to the focused widget
                self._guarding = True
                app.installEventFilter(self)
        elif self._guarding and kind in _INPUT:
            self.stop()
            self._then()
        return False

    def stop(self) -> None:
        """Watch nothing any more."""
        app = QCoreApplication.instance()
        if self._guarding and app is not None:
            app.removeEventFilter(self)
        self._guarding = False


def after_first_paint(window: QWidget, then: Callable[[], None]) -> FirstPaint:
    """Run ``then`` once, right after ``window``'s first paint (or :data:`UNPAINTED_WAIT_MS`
    after this call if no paint comes)."""
    ran = False

    def once() -> None:
        nonlocal ran
        if not ran:
            ran = True
            window.removeEventFilter(watcher)
            then()

    watcher = FirstPaint(once, guard_input=False)
    window.installEventFilter(watcher)
    QTimer.singleShot(UNPAINTED_WAIT_MS, window, once)
    return watcher
