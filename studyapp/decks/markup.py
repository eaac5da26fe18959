"""Images and math inside deck text: the syntax, where a reference may point, what is wrong.

A card's or section's text may hold ``![alt](path)`` images and ``$...$`` / ``$$...$$``
math. This module owns those rules in one place: the validator reports with them, the
exchange package converts with them and the GUI renders with them.

Images are local files beside the deck: a path relative to the deck file's folder that stays
inside it. URLs, absolute paths and paths that climb out (``../x``) are refused, so opening a
deck never reads another file of the computer and never touches the network.

Math follows the Markdown convention (pandoc's): ``$x$`` needs a non-space right after the
opening and right before the closing dollar, and no digit right after the closing one, so
"costs $5 and $10" stays text; ``\\$`` is a literal dollar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

IMAGE = re.compile(r"!\[([^\]\n]*)\]\(([^)\s]+)\)")
"""``![alt](path)``: group 1 the alt text, group 2 the path (no spaces; write ``%20``)."""

MATH = re.compile(
    r"(?<![\\$])\$\$(?P<display>.+?)\$\$"
    r"|(?<![\\$])\$(?![\s$])(?P<inline>(?:\\.|[^$\\\n])+?)(?<![\s\\])\$(?!\d)",
    re.DOTALL,
)
"""``$$display$$`` (may span lines) or ``$inline$`` (one line)."""

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp"})
"""The image formats the app shows (Qt reads each of them without extra plugins)."""

MAX_IMAGE_BYTES = 20 * 1024 * 1024
"""An image larger than this is refused: a card is read on screen, not printed."""

_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"BM",
)


@dataclass(frozen=True, slots=True)
class Formula:
    """One math span: its LaTeX source, whether it is displayed on its own line, where."""

    source: str
    display: bool
    start: int
    end: int


def images(text: str) -> list[re.Match[str]]:
    """Every ``![alt](path)`` of ``text`` (cheap when there is none)."""
    return list(IMAGE.finditer(text)) if "![" in text else []


def formulas(text: str) -> list[Formula]:
    """Every math span of ``text``, in order (cheap when there is no dollar)."""
    if "$" not in text:
        return []
    found = []
    for match in MATH.finditer(text):
        display = match.group("display") is not None
        source = match.group("display") if display else match.group("inline")
        found.append(Formula(source.strip(), display, match.start(), match.end()))
    return found


def image_path_problem(reference: str) -> str | None:
    """Why ``reference`` may never be loaded (a URL, absolute, climbing out), or None."""
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", reference) or reference.startswith("//"):
        return (
            f"image '{reference}' is not a local file: images are loaded only from files "
            "beside the deck, never from the network"
        )
    posix = PurePosixPath(reference.replace("\\", "/"))
    if posix.is_absolute() or ".." in posix.parts:
        return (
            f"image '{reference}' is outside the deck's folder: write a path relative to the "
            "deck file that stays inside its folder"
        )
    return None


def resolve_image(deck_dir: Path, reference: str) -> Path | None:
    """The file an image reference names, or None when it may not be loaded.

    The one gate every reader of images goes through: the path must be relative, stay inside
    ``deck_dir`` (also after following symbolic links) and have an image suffix.
    """
    if image_path_problem(reference) is not None:
        return None
    base = deck_dir.resolve()
    target = (base / reference.replace("\\", "/")).resolve()
    if not target.is_relative_to(base) or target.suffix.lower() not in IMAGE_SUFFIXES:
        return None
    return target


def image_problem(deck_dir: Path, reference: str) -> str | None:
    """What is wrong with an image reference of a deck in ``deck_dir``, or None when the
    file is there, readable, not too large and looks like an image."""
    refused = image_path_problem(reference)
    if refused is not None:
        return refused
    suffix = PurePosixPath(reference).suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        kinds = ", ".join(sorted(s.lstrip(".") for s in IMAGE_SUFFIXES))
        return f"image '{reference}' is not a kind of image the app shows ({kinds})"
    target = resolve_image(deck_dir, reference)
    if target is None:
        return f"image '{reference}' leads outside the deck's folder (a symbolic link?)"
    try:
        size = target.stat().st_size
        if not target.is_file():
            return f"image '{reference}' is not a file"
        with target.open("rb") as handle:
            head = handle.read(512)
    except FileNotFoundError:
        return f"image '{reference}' does not exist (looked for {target.name} beside the deck)"
    except OSError as error:
        return f"image '{reference}' cannot be read: {error.strerror or error}"
    if size > MAX_IMAGE_BYTES:
        return f"image '{reference}' is too large ({size // 1_000_000} MB; at most 20 MB)"
    if not _looks_like(suffix, head):
        return f"image '{reference}' is not a readable {suffix.lstrip('.').upper()} image"
    return None


def _looks_like(suffix: str, head: bytes) -> bool:
    """Whether the first bytes of a file match an image format (by its magic number)."""
    if suffix == ".svg":
        return b"<svg" in head or head.lstrip().startswith(b"<?xml")
    if suffix == ".webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    return head.startswith(_MAGIC)


def formula_problem(source: str) -> str | None:
    """Why a LaTeX formula cannot be rendered, or None. The card then shows its source."""
    if not source.strip():
        return "empty formula"
    from latex2mathml.converter import convert  # parsing only: about 0.3 ms a formula

    try:
        convert(source)
    except Exception as error:  # the parser raises many kinds; each means "cannot render"
        reason = type(error).__name__.removesuffix("Error")
        words = re.sub(r"(?<!^)(?=[A-Z])", " ", reason).lower()
        return f"formula '${source}$' cannot be rendered ({words}); it shows as its source"
    return None
