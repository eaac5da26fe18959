"""The image and math screenshots are rendered from the example deck, with the pictures drawn."""

from __future__ import annotations

from PySide6.QtGui import QImage

from studyapp.gui import media_screenshots, screenshots, theme


def test_the_image_and_math_cards_are_rendered_in_dark(qapp, tmp_path):
    """Both cards and the reader come out full-size and dark, with more than text in them."""
    try:
        files = media_screenshots.render_media_screens(qapp, tmp_path, "dark")
    finally:
        theme.apply_theme(qapp, "light")
    assert sorted(p.name for p in files) == [
        "card-image-dark.png",
        "card-math-dark.png",
        "reader-math-dark.png",
    ]
    for path in files:
        image = QImage(str(path))
        assert (image.width(), image.height()) == screenshots.WINDOW_SIZE
        assert image.pixelColor(5, image.height() - 5).lightness() < 80
    picture = QImage(str(tmp_path / "card-image-dark.png"))
    pinks = sum(
        1
        for x in range(0, picture.width(), 6)
        for y in range(0, picture.height(), 6)
        if picture.pixelColor(x, y).red() > 200 and picture.pixelColor(x, y).blue() < 190
    )
    assert pinks > 200  # the heart diagram is on the card
