"""The screenshot tool renders every screen of the real app to PNG files."""

from __future__ import annotations

from PySide6.QtGui import QImage

from studyapp.gui import screenshots, theme


def test_every_screen_is_rendered_in_a_theme(qapp, tmp_path):
    """One theme gives a full-size PNG of each of the ten screens, none of them blank."""
    try:
        decks = [screenshots.paths.shipped_decks_dir()]
        files = screenshots.render_theme(qapp, tmp_path, decks, "dark")
    finally:
        theme.apply_theme(qapp, "light")
    assert sorted(p.name for p in files) == sorted(f"{s}-dark.png" for s in screenshots.SCREENS)
    for path in files:
        image = QImage(str(path))
        assert (image.width(), image.height()) == screenshots.WINDOW_SIZE, path.name
        corner = image.pixelColor(5, image.height() - 5)
        assert corner.lightness() < 80, f"{path.name} is not dark"
        colours = {
            image.pixelColor(x, y).name()
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 9)
        }
        assert len(colours) > 20, f"{path.name} looks empty"  # text is anti-aliased
