"""How readable one colour is on another: WCAG 2 relative luminance and contrast ratio.

The themes' colours are checked with it (``studyapp.gui.theme.contrast_figures``): text needs
:data:`AA_TEXT` against what it is drawn on, and the parts of controls one must see (focus
outlines, bars) :data:`AA_NON_TEXT`. Colours are ``#rrggbb`` strings.
"""

from __future__ import annotations

AA_TEXT = 4.5  # WCAG 2 AA, success criterion 1.4.3, for text of normal size
AA_LARGE_TEXT = 3.0  # 1.4.3 for 18 pt text, or 14 pt bold
AA_NON_TEXT = 3.0  # 1.4.11: focus indicators, the parts of charts and controls


def _channels(color: str) -> tuple[int, int, int]:
    """The red, green and blue of ``#rrggbb`` (0..255); ValueError for anything else."""
    text = color.strip()
    if len(text) != 7 or not text.startswith("#"):
        raise ValueError(f"not a #rrggbb colour: {color!r}")
    value = int(text[1:], 16)
    return (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF


def relative_luminance(color: str) -> float:
    """WCAG's relative luminance: 0 for black, 1 for white (sRGB, linearised)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _channels(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG's contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def blend(color: str, alpha: float, background: str) -> str:
    """``color`` painted with opacity ``alpha`` (0..1) over ``background``: what the eye sees."""
    top, bottom = _channels(color), _channels(background)
    mixed = (round(alpha * t + (1 - alpha) * b) for t, b in zip(top, bottom, strict=True))
    return "#{:02x}{:02x}{:02x}".format(*mixed)
