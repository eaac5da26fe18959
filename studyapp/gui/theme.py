"""The look of the app: light, dark or the system's choice, as a QPalette plus a small stylesheet.

Other widgets take their colours from :func:`colors` by name (``accent``, ``good``, ``hard``,
``again``, ``easy``, ``muted`` ...), so a theme change restyles every screen at once and no
widget hard-codes a colour. Widgets mark their role with ``setProperty("role", ...)`` (for
example ``"title"``, ``"muted"``, ``"card"``) and the stylesheet does the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from studyapp.contrast import AA_NON_TEXT, AA_TEXT, blend, contrast_ratio

RATING_COLOR_NAMES = ("again", "hard", "good", "easy")  # the rating colours, by name
DEFAULT_FONT_SIZE = 11
MIN_FONT_SIZE = 8
MAX_FONT_SIZE = 20


class ThemeChoice(StrEnum):
    """What the student picked in Settings; the value is what the settings store holds."""

    LIGHT = "light"
    DARK = "dark"
    SYSTEM = "system"


@dataclass(frozen=True)
class ThemeColors:
    """The named colours of one theme, as ``#rrggbb`` strings."""

    window: str
    surface: str
    surface_alt: str
    text: str
    muted: str
    border: str
    accent: str
    accent_text: str
    accent_soft: str
    highlight: str
    good: str
    hard: str
    again: str
    easy: str
    dark: bool

    def qcolor(self, name: str) -> QColor:
        """The named colour as a QColor (for painting code)."""
        return QColor(getattr(self, name))

    def names(self) -> list[str]:
        """Every colour name (the fields that hold a colour)."""
        return [f.name for f in fields(self) if f.name != "dark"]


LIGHT = ThemeColors(
    window="#f4f5f8",
    surface="#ffffff",
    surface_alt="#eef0f5",
    text="#1c2230",
    muted="#5d667a",
    border="#dfe3ea",
    accent="#4657ce",
    accent_text="#ffffff",
    accent_soft="#e6e9fa",
    highlight="#fff1b8",
    good="#1d7649",
    hard="#905c0a",
    again="#bd312d",
    easy="#236b9f",
    dark=False,
)

DARK = ThemeColors(
    window="#15171c",
    surface="#1e2128",
    surface_alt="#262a33",
    text="#e7e9ee",
    muted="#9aa2b1",
    border="#323744",
    accent="#8c97f5",
    accent_text="#11131a",
    accent_soft="#2b3050",
    highlight="#5a4a12",
    good="#4cc27e",
    hard="#e3a545",
    again="#f07575",
    easy="#5cb3ea",
    dark=True,
)

_current: ThemeColors = LIGHT

PROPOSED_TINT_ALPHA = 40  # of 255: the fill of the rating an answer check proposes
CHART_LABEL_ALPHA = 175  # of 255: the text colour of the charts' labels, softened


@dataclass(frozen=True)
class ContrastCheck:
    """A colour drawn on another somewhere in the app, and the WCAG AA ratio it needs.

    ``tint`` (a colour name) is laid over the background at ``PROPOSED_TINT_ALPHA`` first, as
    behind a proposed rating; ``foreground_alpha`` draws the foreground translucent.
    """

    what: str
    foreground: str  # colour name
    background: str  # colour name
    minimum: float
    tint: str = ""
    foreground_alpha: int = 255


# Where the app draws one theme colour on another. Text needs 4.5:1; focus outlines and the
# bars one must tell apart from their track, 3:1. Disabled controls are exempt (WCAG 1.4.3).
CONTRAST_CHECKS = (
    *(
        ContrastCheck(f"text on {bg}", "text", bg, AA_TEXT)
        for bg in ("window", "surface", "surface_alt", "accent_soft", "highlight")
    ),
    *(
        ContrastCheck(f"muted text on {bg}", "muted", bg, AA_TEXT)
        for bg in ("window", "surface", "surface_alt")
    ),
    ContrastCheck("primary button text", "accent_text", "accent", AA_TEXT),
    ContrastCheck("link text", "accent", "surface", AA_TEXT),
    ContrastCheck("error text", "again", "surface", AA_TEXT),
    *(
        ContrastCheck(f"chart labels on {bg}", "text", bg, AA_TEXT, foreground_alpha=label)
        for bg in ("window", "surface")
        for label in [CHART_LABEL_ALPHA]
    ),
    *(
        ContrastCheck(f"rating {r} on its button", r, "surface", AA_TEXT)
        for r in RATING_COLOR_NAMES
    ),
    *(
        ContrastCheck(f"rating {r}, proposed", r, "surface", AA_TEXT, tint=r)
        for r in RATING_COLOR_NAMES
    ),
    *(
        ContrastCheck(f"key number on proposed {r}", "muted", "surface", AA_TEXT, tint=r)
        for r in RATING_COLOR_NAMES
    ),
    ContrastCheck("focus outline on window", "accent", "window", AA_NON_TEXT),
    ContrastCheck("focus outline on surface", "accent", "surface", AA_NON_TEXT),
    *(
        ContrastCheck(f"{level} bar on its track", level, "surface_alt", AA_NON_TEXT)
        for level in ("good", "hard", "again")
    ),
)


def contrast_figures(c: ThemeColors) -> list[tuple[ContrastCheck, float]]:
    """Each :data:`CONTRAST_CHECKS` pair with its measured contrast ratio in theme ``c``."""
    figures = []
    for check in CONTRAST_CHECKS:
        background = getattr(c, check.background)
        if check.tint:
            background = blend(getattr(c, check.tint), PROPOSED_TINT_ALPHA / 255, background)
        foreground = blend(getattr(c, check.foreground), check.foreground_alpha / 255, background)
        figures.append((check, contrast_ratio(foreground, background)))
    return figures


def contrast_table() -> str:
    """The measured ratios of both themes as a Markdown table (docs/accessibility.md has it)."""
    rows = [
        "| where | needs | light | dark |",
        "|---|---|---|---|",
    ]
    light, dark = contrast_figures(LIGHT), contrast_figures(DARK)
    for (check, on_light), (_same, on_dark) in zip(light, dark, strict=True):
        rows.append(f"| {check.what} | {check.minimum:.1f} | {on_light:.2f} | {on_dark:.2f} |")
    return "\n".join(rows) + "\n"


def colors() -> ThemeColors:
    """The colours of the theme in use (light until :func:`apply_theme` is called)."""
    return _current


def mastery_color(mastery: float | None) -> QColor:
    """The dot colour for a section's mastery: grey none, red low, amber some, green good."""
    c = colors()
    if mastery is None:
        return QColor(c.border)
    if mastery < 0.05:
        return QColor(c.border)
    if mastery < 0.5:
        return QColor(c.again)
    if mastery < 0.85:
        return QColor(c.hard)
    return QColor(c.good)


def system_prefers_dark() -> bool:
    """Whether the desktop asks for a dark scheme (False when it cannot tell)."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def resolve(choice: ThemeChoice | str) -> ThemeColors:
    """The colours for a choice; ``system`` follows the desktop's light/dark setting."""
    try:
        picked = ThemeChoice(choice)
    except ValueError:
        picked = ThemeChoice.SYSTEM
    if picked is ThemeChoice.DARK:
        return DARK
    if picked is ThemeChoice.LIGHT:
        return LIGHT
    return DARK if system_prefers_dark() else LIGHT


def build_palette(c: ThemeColors) -> QPalette:
    """A QPalette from the named colours, so plain Qt widgets match the stylesheet."""
    p = QPalette()
    role = QPalette.ColorRole
    p.setColor(role.Window, QColor(c.window))
    p.setColor(role.WindowText, QColor(c.text))
    p.setColor(role.Base, QColor(c.surface))
    p.setColor(role.AlternateBase, QColor(c.surface_alt))
    p.setColor(role.Text, QColor(c.text))
    p.setColor(role.PlaceholderText, QColor(c.muted))
    p.setColor(role.Button, QColor(c.surface))
    p.setColor(role.ButtonText, QColor(c.text))
    p.setColor(role.Highlight, QColor(c.accent))
    p.setColor(role.HighlightedText, QColor(c.accent_text))
    p.setColor(role.ToolTipBase, QColor(c.surface))
    p.setColor(role.ToolTipText, QColor(c.text))
    p.setColor(role.Link, QColor(c.accent))
    p.setColor(role.Mid, QColor(c.border))
    p.setColor(role.Midlight, QColor(c.surface_alt))
    p.setColor(role.Dark, QColor(c.border))
    p.setColor(role.Light, QColor(c.surface))
    p.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor(c.muted))
    p.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor(c.muted))
    p.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor(c.muted))
    return p


def build_stylesheet(c: ThemeColors, font_size: int) -> str:
    """The app-wide stylesheet: calm surfaces, rounded cards, clear buttons, readable type."""
    big = font_size + 9
    medium = font_size + 3
    small = max(font_size - 1, MIN_FONT_SIZE)
    return f"""
QWidget {{ color: {c.text}; }}
QMainWindow, QDialog, QStackedWidget > QWidget {{ background: {c.window}; }}
QLabel[role="title"] {{ font-size: {big}pt; font-weight: 600; }}
QLabel[role="subtitle"] {{ font-size: {medium}pt; font-weight: 600; }}
QLabel[role="muted"] {{ color: {c.muted}; }}
QLabel[role="small"] {{ color: {c.muted}; font-size: {small}pt; }}
QLabel[role="group"] {{ color: {c.muted}; font-size: {small}pt; font-weight: 600;
    letter-spacing: 1px; padding-top: 6px; }}
QLabel[role="notice"] {{ color: {c.muted}; font-size: {small}pt; }}
QLabel[role="error"] {{ color: {c.again}; }}
QFrame[role="card"] {{ background: {c.surface}; border: 1px solid {c.border};
    border-radius: 10px; }}
QFrame[role="card"][selected="true"] {{ border: 2px solid {c.accent}; }}
QFrame[role="errorcard"] {{ background: {c.surface}; border: 1px solid {c.again};
    border-radius: 10px; }}
QFrame[role="footer"] {{ background: {c.surface_alt}; border-top: 1px solid {c.border}; }}
QPushButton {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 7px;
    padding: 6px 14px; min-height: 20px; }}
QPushButton:hover {{ border-color: {c.accent}; }}
QPushButton:focus {{ border: 2px solid {c.accent}; padding: 5px 13px; }}
QPushButton:disabled {{ color: {c.muted}; background: {c.surface_alt}; }}
QPushButton[primary="true"] {{ background: {c.accent}; color: {c.accent_text};
    border: 1px solid {c.accent}; font-weight: 600; }}
QPushButton[primary="true"]:focus {{ border: 2px solid {c.text}; padding: 5px 13px; }}
QPushButton[primary="true"]:disabled {{ background: {c.accent_soft}; color: {c.muted};
    border-color: {c.accent_soft}; }}
QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
QTreeWidget, QListWidget {{ background: {c.surface}; border: 1px solid {c.border};
    border-radius: 8px; padding: 4px; outline: none; }}
QTreeWidget::item, QListWidget::item {{ padding: 4px 2px; border-radius: 5px; }}
QTreeWidget::item:selected, QListWidget::item:selected {{ background: {c.accent_soft};
    color: {c.text}; }}
QTreeView::item {{ border-radius: 0; padding: 4px 2px; }}
QTreeView::branch:selected {{ background: {c.accent_soft}; }}
QTreeWidget:focus, QListWidget:focus {{ border: 2px solid {c.accent}; padding: 3px; }}
QScrollBar:vertical {{ background: transparent; width: 10px; margin: 2px; }}
QScrollBar::handle:vertical {{ background: {c.border}; border-radius: 3px; min-height: 32px; }}
QScrollBar::handle:vertical:hover {{ background: {c.muted}; }}
QScrollBar:horizontal {{ background: transparent; height: 10px; margin: 2px; }}
QScrollBar::handle:horizontal {{ background: {c.border}; border-radius: 3px; min-width: 32px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
QTextBrowser {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 8px; }}
QLineEdit {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 6px;
    padding: 4px 8px; min-height: 20px; }}
QLineEdit:focus {{ border: 2px solid {c.accent}; padding: 3px 7px; }}
QSpinBox, QDoubleSpinBox, QComboBox {{ min-height: 24px; padding: 1px 6px; }}
QComboBox {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 6px; }}
QComboBox:focus {{ border: 2px solid {c.accent}; padding: 0px 5px; }}
QCheckBox {{ spacing: 8px; border: 2px solid transparent; border-radius: 5px; padding: 2px; }}
QCheckBox:focus {{ border-color: {c.accent}; }}
QProgressBar {{ background: {c.surface_alt}; border: none; border-radius: 3px;
    max-height: 6px; min-height: 6px; }}
QProgressBar::chunk {{ background: {c.good}; border-radius: 3px; }}
QProgressBar[level="low"]::chunk {{ background: {c.again}; }}
QProgressBar[level="mid"]::chunk {{ background: {c.hard}; }}
QMenuBar {{ background: {c.window}; }}
QMenuBar::item:selected {{ background: {c.accent_soft}; border-radius: 4px; }}
QMenu {{ background: {c.surface}; border: 1px solid {c.border}; padding: 4px; }}
QMenu::item {{ padding: 5px 24px 5px 14px; border-radius: 4px; }}
QMenu::item:selected {{ background: {c.accent_soft}; color: {c.text}; }}
QStatusBar {{ color: {c.muted}; }}
QSplitter::handle {{ background: transparent; }}
QToolTip {{ background: {c.surface}; color: {c.text}; border: 1px solid {c.border};
    padding: 4px; }}
"""


STYLE = "Fusion"  # the widget style the palette and stylesheet are made for, on every desktop
_STYLED = "studyappStyle"  # property on the QApplication: STYLE is already in use


def create_application(argv: list[str]) -> QApplication:
    """The QApplication, born with :data:`STYLE` (``-style`` on its command line).

    Setting the style afterwards would first build the desktop's default style and then,
    asking or changing it from Python, wrap Qt's QStyle with all its enums: a few ms of
    start-up for nothing.
    """
    app = QApplication([*argv[:1], "-style", STYLE, *argv[1:]])
    app.setProperty(_STYLED, True)
    return app


def apply_theme(
    app: QApplication, choice: ThemeChoice | str, font_size: int = DEFAULT_FONT_SIZE
) -> ThemeColors:
    """Restyle the whole app: palette, stylesheet and base font size. Returns the colours."""
    global _current
    size = max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, int(font_size)))
    _current = resolve(choice)
    if app.property(_STYLED) is not True:  # an app made elsewhere (tests): set it once
        app.setStyle(STYLE)
        app.setProperty(_STYLED, True)
    app.setPalette(build_palette(_current))
    font = QFont(app.font())
    font.setPointSize(size)
    app.setFont(font)
    app.setStyleSheet(build_stylesheet(_current, size))
    return _current
