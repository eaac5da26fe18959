"""Themes: light and dark restyle the whole app, and other screens can ask for colours by name."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QColor, QPalette

from studyapp.gui import theme


@pytest.fixture(autouse=True)
def back_to_light(qapp):
    """Leave the app light for the next test."""
    yield
    theme.apply_theme(qapp, "light")


def test_dark_theme_darkens_the_palette_and_reports_its_colours(qapp):
    """Choosing dark gives a dark window and light text, and ``colors()`` says so."""
    colours = theme.apply_theme(qapp, "dark")
    assert colours is theme.DARK and theme.colors() is theme.DARK
    window = qapp.palette().color(QPalette.ColorRole.Window)
    text = qapp.palette().color(QPalette.ColorRole.WindowText)
    assert window.lightness() < 60 < 200 < text.lightness()


def test_light_theme_is_light(qapp):
    """Choosing light gives a light window and dark text."""
    theme.apply_theme(qapp, "light")
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 200
    assert qapp.palette().color(QPalette.ColorRole.Text).lightness() < 80


def test_named_colours_exist_in_both_themes_and_differ(qapp):
    """accent, good, hard, again, easy ... are valid colours in both themes."""
    for name in ("accent", "good", "hard", "again", "easy", "muted", "surface", "highlight"):
        for colours in (theme.LIGHT, theme.DARK):
            assert QColor(getattr(colours, name)).isValid(), name
    assert theme.LIGHT.surface != theme.DARK.surface
    assert set(theme.LIGHT.names()) == set(theme.DARK.names())


def test_font_size_is_applied_and_kept_in_range(qapp):
    """The text size setting sets the app font, within 8-20 pt."""
    theme.apply_theme(qapp, "light", 15)
    assert qapp.font().pointSize() == 15
    theme.apply_theme(qapp, "light", 40)
    assert qapp.font().pointSize() == theme.MAX_FONT_SIZE
    theme.apply_theme(qapp, "light", theme.DEFAULT_FONT_SIZE)


def test_unknown_choice_follows_the_system(qapp):
    """A value the app does not know means "follow the system" (light when it cannot tell)."""
    assert theme.resolve("sepia") is (theme.DARK if theme.system_prefers_dark() else theme.LIGHT)


@pytest.mark.parametrize(
    ("make_app", "expected"),
    [
        ("theme.create_application(['studyapp'])", "QFusionStyle QFusionStyle"),
        ("QApplication(['elsewhere'])", "QWindowsStyle QFusionStyle"),  # as tests make it
    ],
)
def test_the_app_uses_its_own_style_whatever_the_desktop_default(make_app, expected):
    """On a desktop whose default style is another one, the app still has the look it was
    made for, once themed."""
    code = (
        "from PySide6.QtWidgets import QApplication\n"
        "from studyapp.gui import theme\n"
        f"app = {make_app}\n"
        "before = app.style().metaObject().className()\n"
        "theme.apply_theme(app, 'dark')\n"
        "app.setStyleSheet('')  # to see the style under the stylesheet\n"
        "print(before, app.style().metaObject().className())\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_STYLE_OVERRIDE="windows")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.stdout.split() == expected.split(), result.stderr


@pytest.mark.parametrize("colours", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_every_colour_pair_the_app_draws_meets_wcag_aa(colours):
    """Text is 4.5:1 or more on what it is drawn on; focus outlines and bars 3:1 or more."""
    too_faint = [
        f"{check.what}: {ratio:.2f} < {check.minimum}"
        for check, ratio in theme.contrast_figures(colours)
        if ratio < check.minimum
    ]
    assert too_faint == []


def test_the_contrast_check_sees_a_faint_colour():
    """Grey #999999 as muted text on white is reported (2.85:1), so the check can fail."""
    from dataclasses import replace

    faint = replace(theme.LIGHT, muted="#999999")
    failed = [c.what for c, ratio in theme.contrast_figures(faint) if ratio < c.minimum]
    assert "muted text on surface" in failed


def test_the_accessibility_page_shows_the_measured_contrast():
    """docs/accessibility.md carries the table the themes give today."""
    from tests.locations import ROOT

    page = (ROOT / "docs" / "accessibility.md").read_text(encoding="utf-8")
    assert theme.contrast_table() in page
