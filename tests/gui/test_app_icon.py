"""The app's icon: every PNG size is the SVG rendered, and the window carries the icon."""

from __future__ import annotations

from PySide6.QtGui import QImage

from studyapp import paths
from studyapp.gui import app_icon


def _difference(a: QImage, b: QImage) -> float:
    """Mean absolute difference of two same-size images' RGBA channels (0..255)."""
    total = 0
    for y in range(a.height()):
        for x in range(a.width()):
            ca, cb = a.pixelColor(x, y), b.pixelColor(x, y)
            total += abs(ca.red() - cb.red()) + abs(ca.green() - cb.green())
            total += abs(ca.blue() - cb.blue()) + abs(ca.alpha() - cb.alpha())
    return total / (a.width() * a.height() * 4)


def test_every_png_is_the_svg_rendered_at_its_size(qapp) -> None:
    """Each shipped PNG has its size and matches a fresh render of the SVG (kept in step)."""
    svg = app_icon.svg_path()
    for size in app_icon.PNG_SIZES:
        shipped = QImage(str(app_icon.png_path(size)))
        assert (shipped.width(), shipped.height()) == (size, size), size
        if size > 64:
            continue  # the small ones show any drift just as well, at a fraction of the time
        fresh = app_icon.render_png(svg, size).convertToFormat(shipped.format())
        assert _difference(shipped, fresh) < 2.0, f"{size} px PNG is stale: run app_icon"


def test_the_application_names_itself_and_shows_the_icon(qapp) -> None:
    """Docks and task bars see studyapp's name, its launcher's id and its icon."""
    from studyapp.gui.app import give_icon, identify_application

    identify_application(qapp)
    give_icon(qapp)
    assert qapp.applicationName() == paths.APP_NAME
    assert qapp.desktopFileName() == paths.APP_ID
    icon = qapp.windowIcon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= {16, 32, 48, 256}
