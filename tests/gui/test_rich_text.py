"""Images and formulas in card text are drawn; bad ones show their source, outside ones nothing."""

from __future__ import annotations

from pathlib import Path

from studyapp.gui.card_view import inline_html
from studyapp.gui.rich_text import ReaderMedia, media_html

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def rich(text: str, folder: Path | None) -> str:
    """The card view's rich text of ``text`` for a deck in ``folder``."""
    return media_html(text, folder, inline_html, color="#000000", pixel_size=20, max_width=600)


def test_a_formula_and_an_image_become_pictures(qapp, tmp_path: Path) -> None:
    """Both are embedded as data: pictures; the text around them stays escaped text."""
    (tmp_path / "dot.png").write_bytes(PNG)
    out = rich("a < b: $x^2$ and ![dot](dot.png) costs \\$5", tmp_path)
    assert out.count('src="data:image/png;base64,') == 2
    assert out.startswith("a &lt; b: ") and out.endswith(" costs $5")


def test_a_bad_formula_shows_its_source_and_a_refused_image_its_alt(qapp, tmp_path: Path) -> None:
    """An unreadable formula is shown as written; an image outside the folder is not read."""
    (tmp_path / "secret.png").write_bytes(PNG)
    folder = tmp_path / "deck"
    folder.mkdir()
    out = rich("$\\frac{a}{$ and ![the secret](../secret.png)", folder)
    assert "$\\frac{a}{$" in out and "data:" not in out
    assert "[image: the secret]" in out


def test_the_reader_shows_a_bad_formula_as_code(qapp) -> None:
    """In a section, an unreadable formula becomes inline code; a good one an image."""
    media = ReaderMedia()
    prepared = media.prepare("Good $x^2$, bad $\\frac{a}{$.")
    assert prepared == "Good ![formula](studyapp-formula:0), bad `$\\frac{a}{$`."
    assert media.load("studyapp-formula:0", "#000000", 20, 600) is not None
    assert media.load("studyapp-formula:1", "#000000", 20, 600) is None
