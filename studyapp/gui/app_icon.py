"""The app's icon: the window's QIcon, and the PNGs of every size rendered from the one SVG.

The SVG in ``icons/hicolor/scalable/apps`` is the source; desktops that cannot scale it (and
Windows' task bar) use the PNGs beside it, which are rendered from it with Qt's SVG renderer:
``python -m studyapp.gui.app_icon`` writes them into the checkout's ``assets/desktop``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon

from studyapp import paths

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)  # the hicolor theme's usual sizes


def svg_path(folder: Path | None = None) -> Path:
    """The icon's SVG source inside a desktop-files folder (default: the shipped one)."""
    base = folder if folder is not None else paths.desktop_files_dir()
    return base / "icons" / "hicolor" / "scalable" / "apps" / f"{paths.APP_ID}.svg"


def png_path(size: int, folder: Path | None = None) -> Path:
    """Where the ``size`` x ``size`` PNG lives inside a desktop-files folder."""
    base = folder if folder is not None else paths.desktop_files_dir()
    return base / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{paths.APP_ID}.png"


def render_png(svg: Path, size: int) -> QImage:
    """The SVG drawn on a transparent ``size`` x ``size`` image."""
    # Imported here: the app's start needs only QIcon (these classes cost it a few ms to load).
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not an SVG image Qt can draw")
    image = QImage(QSize(size, size), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def write_pngs(folder: Path) -> list[Path]:
    """Render the PNG of every size in ``PNG_SIZES`` from ``folder``'s SVG; the files written."""
    written = []
    for size in PNG_SIZES:
        target = png_path(size, folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render_png(svg_path(folder), size).save(str(target)):
            raise OSError(f"{target}: could not write the PNG")
        written.append(target)
    return written


def app_icon(folder: Path | None = None) -> QIcon:
    """The window icon: every PNG size plus the SVG (Qt loads a file only when drawn)."""
    icon = QIcon()
    for size in PNG_SIZES:
        png = png_path(size, folder)
        if png.is_file():
            icon.addFile(str(png), QSize(size, size))
    svg = svg_path(folder)
    if svg.is_file():
        icon.addFile(str(svg))
    return icon


def main(argv: list[str] | None = None) -> int:
    """Render the PNGs into the desktop-files folder given (default: the checkout's)."""
    from PySide6.QtGui import QGuiApplication

    args = list(sys.argv[1:] if argv is None else argv)
    folder = Path(args[0]) if args else paths.desktop_files_dir()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # rendering needs no display
    _app = QGuiApplication.instance() or QGuiApplication(["studyapp-icons"])
    for path in write_pngs(folder):
        sys.stderr.write(f"wrote {path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
