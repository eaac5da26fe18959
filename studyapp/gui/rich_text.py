"""Images and math in card and section text, drawn for Qt.

Text may hold ``![alt](path)`` images and ``$...$`` / ``$$...$$`` formulas (the rules are
:mod:`studyapp.decks.markup`'s). Here they become pictures: an image is read only through
:func:`~studyapp.decks.markup.resolve_image` (a file inside the deck's folder, never a URL)
and scaled to fit; a formula is typeset by ziamath (pure Python: LaTeX → SVG, about 5-15 ms
a formula, cached) and drawn by QtSvg. Qt itself typesets no LaTeX: its rich text knows
neither TeX nor MathML. A formula ziamath cannot read shows as its source, in monospace.

Pictures go into the HTML as ``data:`` URLs, so a label never loads anything by itself.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QPainter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from studyapp.decks.markup import formula_problem, formulas, images, resolve_image

MAX_IMAGE_HEIGHT = 320
"""Tallest an image is shown in a card, in pixels (a card must fit the window with its
answer); wider than the column, it shrinks to the column."""

_MONO = "font-family: monospace;"


def has_media(text: str) -> bool:
    """Whether ``text`` holds an image or a formula (the cheap check before any work)."""
    return bool(images(text) or formulas(text))


def media_html(
    text: str,
    folder: Path | None,
    plain: Callable[[str], str],
    *,
    color: str,
    pixel_size: int,
    max_width: int,
) -> str:
    """Rich text of ``text``: its plain parts through ``plain``, its images and formulas as
    embedded pictures (``folder`` is the deck's; without one, images show their alt text)."""
    pieces: list[tuple[int, int, str]] = []
    for match in images(text):
        pieces.append((match.start(), match.end(), _image_html(match, folder, max_width)))
    for formula in formulas(text):
        if any(start <= formula.start < end for start, end, _ in pieces):
            continue
        pieces.append(
            (
                formula.start,
                formula.end,
                formula_html(formula.source, formula.display, color, pixel_size),
            )
        )
    pieces.sort()
    out: list[str] = []
    last = 0
    for start, end, fragment in pieces:
        if start < last:
            continue
        out.append(plain(text[last:start]))
        out.append(fragment)
        last = end
    out.append(plain(text[last:]))
    return "".join(out).replace("\\$", "$")


def _image_html(match: re.Match[str], folder: Path | None, max_width: int) -> str:
    alt, reference = match.group(1), match.group(2)
    target = resolve_image(folder, reference) if folder is not None else None
    picture = _image_png(str(target), max_width) if target is not None else None
    if picture is None:
        label = html.escape(alt or reference)
        return f'<span style="{_MONO}">[image: {label}]</span>'
    data, size = picture
    return (
        f'<img src="data:image/png;base64,{data}" width="{size.width()}" '
        f'height="{size.height()}" alt="{html.escape(alt)}">'
    )


@lru_cache(maxsize=64)
def _image_png(path: str, max_width: int) -> tuple[str, QSize] | None:
    """An image file as base64 PNG, scaled down to fit, with its shown size."""
    image = QImage(path)
    if image.isNull():
        return None
    size = image.size()
    if size.width() > max_width or size.height() > MAX_IMAGE_HEIGHT:
        size = size.scaled(max_width, MAX_IMAGE_HEIGHT, Qt.AspectRatioMode.KeepAspectRatio)
    ratio = _device_ratio()
    scaled = image.scaled(
        size * ratio,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    return _png(scaled), size


def formula_html(source: str, display: bool, color: str, pixel_size: int) -> str:
    """A formula as an embedded picture, or its source when it cannot be typeset."""
    picture = _formula_png(source, display, color, pixel_size)
    if picture is None:
        shown = html.escape(("$$" if display else "$") + source + ("$$" if display else "$"))
        return f'<span style="{_MONO}">{shown}</span>'
    data, size = picture
    tag = (
        f'<img src="data:image/png;base64,{data}" width="{size.width()}" '
        f'height="{size.height()}" style="vertical-align: middle" alt="{html.escape(source)}">'
    )
    return f"<br>{tag}<br>" if display else tag


@lru_cache(maxsize=256)
def _formula_png(
    source: str, display: bool, color: str, pixel_size: int
) -> tuple[str, QSize] | None:
    if formula_problem(source) is not None:
        return None
    svg = formula_svg(source, color, pixel_size * (1.15 if display else 1.0))
    if svg is None:
        return None
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        return None
    size = renderer.defaultSize()
    ratio = _device_ratio()
    image = QImage(size * ratio, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return _png(image), size


def formula_svg(source: str, color: str, size: float) -> str | None:
    """SVG of a LaTeX formula (SVG 1.1, which QtSvg draws), or None when it cannot be read."""
    import ziamath

    ziamath.config.svg2 = False  # QtSvg draws no SVG 2 <symbol>/<use> glyphs
    try:
        return str(ziamath.Latex(source, size=size, color=color).svg())
    except Exception:  # the LaTeX parser raises many kinds; each means "show the source"
        return None


def _device_ratio() -> int:
    app = QGuiApplication.instance()
    screen = QGuiApplication.primaryScreen() if app is not None else None
    return max(1, round(screen.devicePixelRatio())) if screen is not None else 1


def _png(image: QImage) -> str:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 takes str
    return base64.b64encode(bytes(buffer.data().data())).decode("ascii")


FORMULA_SCHEME = "studyapp-formula"


class ReaderMedia:
    """Images and formulas of a section shown as Markdown in a QTextBrowser.

    :meth:`prepare` turns each formula into an image reference of its own scheme (so the
    Markdown parser never sees LaTeX's underscores and stars); :meth:`load` is what the
    browser's ``loadResource`` answers for images: a formula, or an image file inside the
    deck's folder, scaled to the column. Anything else (a URL, a path outside) is refused.
    """

    def __init__(self) -> None:
        self.folder: Path | None = None
        self._formulas: list[tuple[str, bool]] = []

    def prepare(self, markdown: str) -> str:
        """``markdown`` with its formulas as ``![...](studyapp-formula:N)`` references."""
        self._formulas = []
        out: list[str] = []
        last = 0
        for formula in formulas(markdown):
            out.append(markdown[last : formula.start])
            last = formula.end
            if formula_problem(formula.source) is not None:  # shown as its source, as code
                out.append(f"`{markdown[formula.start : formula.end].replace('`', '')}`")
                continue
            self._formulas.append((formula.source, formula.display))
            number = len(self._formulas) - 1
            reference = f"![formula]({FORMULA_SCHEME}:{number})"
            out.append(f"\n\n{reference}\n\n" if formula.display else reference)
        out.append(markdown[last:])
        return "".join(out)

    def align_formulas(self, document: QTextDocument) -> None:
        """Set each inline formula on the middle of its line, as the card view does (the
        Markdown parser places images on the baseline)."""
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat() and fmt.toImageFormat().name().startswith(FORMULA_SCHEME):
                    cursor = QTextCursor(document)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(
                        fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                    )
                    image = fmt.toImageFormat()
                    image.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
                    cursor.setCharFormat(image)
                iterator += 1
            block = block.next()

    def load(self, name: str, color: str, pixel_size: int, max_width: int) -> QImage | None:
        """The picture for an image reference of the prepared text, or None (refused)."""
        if name.startswith(FORMULA_SCHEME + ":"):
            index = name.partition(":")[2]
            if not index.isdigit() or int(index) >= len(self._formulas):
                return None
            source, display = self._formulas[int(index)]
            return _formula_image(source, display, color, pixel_size)
        if self.folder is None:
            return None
        target = resolve_image(self.folder, name)
        if target is None:
            return None
        image = QImage(str(target))
        if image.isNull():
            return None
        if image.width() > max_width:
            image = image.scaledToWidth(max_width, Qt.TransformationMode.SmoothTransformation)
        return image


def _formula_image(source: str, display: bool, color: str, pixel_size: int) -> QImage | None:
    """A formula as an image (its source as text when it cannot be typeset)."""
    picture = _formula_png(source, display, color, pixel_size)
    if picture is None:
        return None
    data, size = picture
    image = QImage.fromData(base64.b64decode(data))
    image.setDevicePixelRatio(image.width() / max(size.width(), 1))
    return image
