"""The main window opens inside the screen it is on, and a saved size from a bigger monitor is
shrunk to fit the one it opens on now."""

from __future__ import annotations

import base64

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QWidget

from studyapp.gui import geometry
from studyapp.gui.main_window import GEOMETRY_KEY

LAPTOP = QRect(0, 0, 1366, 768 - 32)  # a 1366×768 screen less a 32 px panel
NETBOOK = QRect(0, 0, 1024, 600 - 27)
FULL_HD = QRect(0, 0, 1920, 1080 - 40)
SECOND_MONITOR = QRect(1366, 0, 2560, 1440)


def frame_fits(rect: QRect, available: QRect) -> bool:
    """The window with its title bar and borders lies inside ``available``."""
    return geometry.usable_area(available).contains(rect)


def test_the_first_window_fits_a_laptop_screen_title_bar_and_all():
    """On 1366×768 the first window is shorter than the screen and centred in it."""
    rect = geometry.first_geometry(LAPTOP)
    assert frame_fits(rect, LAPTOP)
    assert rect.width() == geometry.PREFERRED_SIZE.width()  # wide enough: not shrunk
    assert rect.height() == LAPTOP.height() - geometry.TITLE_BAR - geometry.SIDE_FRAME
    assert abs(rect.center().x() - LAPTOP.center().x()) <= 1


def test_on_a_big_screen_the_first_window_has_its_preferred_size():
    """With room to spare the window is 1120×760 in the middle of the screen."""
    rect = geometry.first_geometry(FULL_HD)
    assert rect.size() == geometry.PREFERRED_SIZE
    assert frame_fits(rect, FULL_HD)


def test_a_window_saved_on_a_big_monitor_is_shrunk_and_moved_onto_the_laptop():
    """1900×1300 at x=1500 (a second monitor, now gone) becomes a window inside the laptop."""
    saved = QRect(1500, 60, 1900, 1300)
    rect = geometry.clamp_geometry(saved, LAPTOP)
    assert frame_fits(rect, LAPTOP)
    assert rect.size() == geometry.usable_area(LAPTOP).size()


def test_a_saved_window_that_fits_is_left_where_the_student_put_it():
    """Clamping never nudges a window that already lies inside the screen."""
    saved = QRect(2000, 300, 1000, 700)
    assert geometry.clamp_geometry(saved, SECOND_MONITOR) == saved
    small = QRect(100, 40, 800, 500)
    assert geometry.clamp_geometry(small, NETBOOK) == small


def test_a_window_half_off_the_screen_is_pulled_back_whole():
    """A window hanging off the right and bottom edges is moved in, keeping its size."""
    saved = QRect(1000, 500, 800, 540)
    rect = geometry.clamp_geometry(saved, LAPTOP)
    assert rect.size() == saved.size()
    assert frame_fits(rect, LAPTOP)


def test_place_window_restores_a_saved_geometry_clamped_to_the_screen(qtbot):
    """A geometry saved on a 2560×1440 monitor opens within this (800×800 offscreen) screen."""
    big = QWidget()
    qtbot.addWidget(big)
    big.setGeometry(100, 100, 2400, 1300)
    saved = bytes(big.saveGeometry().toBase64().data()).decode("ascii")
    window = QWidget()
    qtbot.addWidget(window)
    geometry.place_window(window, saved)
    available = window.screen().availableGeometry()
    assert geometry.usable_area(available).contains(window.geometry())
    assert window.minimumSize() == geometry.MINIMUM_SIZE.boundedTo(
        geometry.usable_area(available).size()
    )


def test_place_window_ignores_a_damaged_saved_geometry(qtbot):
    """Garbage in the saved setting gives the first-start geometry, not an error."""
    window = QWidget()
    qtbot.addWidget(window)
    geometry.place_window(window, base64.b64encode(b"not a geometry").decode("ascii"))
    available = window.screen().availableGeometry()
    assert window.geometry() == geometry.first_geometry(available)


def test_the_main_window_opens_inside_the_screen_and_keeps_a_fitting_size(make_window):
    """A first start fits the screen; a saved size from a huge monitor comes back clamped."""
    window = make_window()
    available = window.screen().availableGeometry()
    assert geometry.usable_area(available).contains(window.geometry())
    huge = QWidget()
    huge.setGeometry(50, 50, 2500, 1400)
    window.store.set_setting(
        GEOMETRY_KEY, bytes(huge.saveGeometry().toBase64().data()).decode("ascii")
    )
    huge.deleteLater()
    window.close()
    window.store.close()
    again = make_window()
    assert geometry.usable_area(available).contains(again.geometry())
    assert again.size() != QSize(2500, 1400)
