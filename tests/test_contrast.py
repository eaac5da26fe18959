"""Contrast ratios are WCAG's: black on white is 21:1, a colour on itself 1:1."""

from __future__ import annotations

import pytest

from studyapp.contrast import blend, contrast_ratio, relative_luminance


def test_the_extremes_and_a_known_pair_match_wcag():
    """Black/white is 21, order does not matter, and #777777 on white is WCAG's 4.48."""
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#4657ce", "#4657ce") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert relative_luminance("#ffffff") == pytest.approx(1.0)
    assert relative_luminance("#ff0000") == pytest.approx(0.2126)


def test_a_tint_is_the_colour_seen_through_the_background():
    """Opacity 0 is the background, 1 the colour, and half way is the midpoint."""
    assert blend("#ff0000", 0.0, "#ffffff") == "#ffffff"
    assert blend("#ff0000", 1.0, "#ffffff") == "#ff0000"
    assert blend("#000000", 0.5, "#ffffff") == "#808080"


def test_a_colour_that_is_not_rrggbb_is_refused():
    """Named colours or short forms raise ValueError rather than a wrong figure."""
    for bad in ("red", "#fff", "#12345g", ""):
        with pytest.raises(ValueError):
            contrast_ratio(bad, "#ffffff")
