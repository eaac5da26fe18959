"""Where the main window opens and how big: always inside the screen it opens on.

A first start picks the preferred size shrunk to the screen's available area (without the
task bar and panels), leaving room for the title bar, and centres it; on a 1366×768 laptop the
whole window, the library's notice line included, is on screen. A saved geometry is restored,
then moved and shrunk into the available area of the screen it lands on, so a window last
closed on a larger monitor still fits a laptop screen. The arithmetic is in plain functions of
rectangles (:func:`first_geometry`, :func:`clamp_geometry`), tested without a real screen.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

PREFERRED_SIZE = QSize(1120, 760)  # the window on a screen with room to spare
MINIMUM_SIZE = QSize(760, 520)  # every screen stays usable down to this (1024×600 netbooks)
TITLE_BAR = 36  # room kept above the window for the decorations the desktop adds
SIDE_FRAME = 8  # and on each side and below


def usable_area(available: QRect) -> QRect:
    """The part of ``available`` the window's contents may take, its frame around them."""
    return available.adjusted(SIDE_FRAME, TITLE_BAR, -SIDE_FRAME, -SIDE_FRAME)


def first_geometry(available: QRect, preferred: QSize = PREFERRED_SIZE) -> QRect:
    """The preferred size, shrunk to fit ``available`` with its frame, centred in it."""
    area = usable_area(available)
    size = preferred.boundedTo(area.size())
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(area.center())
    return rect


def clamp_geometry(saved: QRect, available: QRect) -> QRect:
    """``saved`` shrunk to fit ``available`` with its frame and moved inside it.

    A rectangle that already fits is returned unchanged, so a window the student placed is
    never nudged.
    """
    area = usable_area(available)
    size = saved.size().boundedTo(area.size())
    left = min(max(saved.left(), area.left()), area.right() - size.width() + 1)
    top = min(max(saved.top(), area.top()), area.bottom() - size.height() + 1)
    return QRect(left, top, size.width(), size.height())


def screen_for(rect: QRect, fallback: QScreen | None) -> QScreen | None:
    """The screen that shows the centre of ``rect``, else ``fallback`` (the window's own)."""
    return QGuiApplication.screenAt(rect.center()) or fallback


def place_window(window: QWidget, saved: object = None) -> None:
    """Size and place ``window`` for its screen: from ``saved`` (what
    ``saveGeometry().toBase64()`` gave, as text) when there is one, else a first geometry."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:  # no screen at all: Qt will place it
        window.resize(PREFERRED_SIZE)
        window.setMinimumSize(MINIMUM_SIZE)
        return
    available = screen.availableGeometry()
    window.setMinimumSize(MINIMUM_SIZE.boundedTo(usable_area(available).size()))
    if isinstance(saved, str) and window.restoreGeometry(
        QByteArray.fromBase64(saved.encode("ascii"))
    ):
        if window.windowState() & (
            Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen
        ):
            return  # the desktop sizes a maximised window to the screen itself
        landed = screen_for(window.geometry(), screen)
        if landed is not None:
            available = landed.availableGeometry()
        fitted = clamp_geometry(window.geometry(), available)
        if fitted != window.geometry():
            window.setGeometry(fitted)
        return
    window.setGeometry(first_geometry(available))
