"""Card text between studyapp's Markdown-like text and the HTML Anki keeps in its fields.

Both directions keep what the two share: line breaks, bold, images (``![alt](path)`` ⇄
``<img src>``), math (``$x$`` ⇄ ``\\(x\\)``, ``$$x$$`` ⇄ ``\\[x\\]``, the MathJax
delimiters Anki uses) and cloze deletions, which are the same ``{{c1::...}}`` in both.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from studyapp.decks.markup import IMAGE, MATH

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_TOKEN = re.compile(r"\x00(\d+)\x00")


def to_html(text: str, media_name: Callable[[str], str]) -> str:
    """Anki field HTML for ``text``; ``media_name`` maps an image path to its media name."""
    kept: list[str] = []

    def keep(fragment: str) -> str:
        kept.append(fragment)
        return f"\x00{len(kept) - 1}\x00"

    def math(match: re.Match[str]) -> str:
        if match.group("display") is not None:
            return keep(r"\[" + html.escape(match.group("display"), quote=False) + r"\]")
        return keep(r"\(" + html.escape(match.group("inline"), quote=False) + r"\)")

    def image(match: re.Match[str]) -> str:
        alt = html.escape(match.group(1))
        return keep(f'<img src="{html.escape(media_name(match.group(2)))}" alt="{alt}">')

    text = IMAGE.sub(image, MATH.sub(math, text))
    text = html.escape(text, quote=False).replace("\\$", "$")
    text = _BOLD.sub(r"<b>\1</b>", text).replace("\n", "<br>")
    return _TOKEN.sub(lambda m: kept[int(m.group(1))], text)


_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""\b(src|alt)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>|</(?:div|p|li|tr|h\d)>", re.IGNORECASE)
_LIST_ITEM = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_BOLD_TAG = re.compile(r"<(b|strong)\b[^>]*>(.*?)</\1>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_SOUND = re.compile(r"\[sound:[^\]]*\]")
_INLINE_MATH = re.compile(r"\\\((.+?)\\\)", re.DOTALL)
_DISPLAY_MATH = re.compile(r"\\\[(.+?)\\\]", re.DOTALL)
_MARKUP = re.compile(r"[<&\\$\[\n\r]")
_STYLE = re.compile(r"<(style|script)\b.*?</\1>", re.IGNORECASE | re.DOTALL)


def from_html(field: str, image_path: Callable[[str], str] = lambda name: name) -> str:
    """studyapp text for an Anki field; ``image_path`` maps a media name to the deck's path.

    Scripts, styles and sounds are dropped; other tags keep only their text.
    """
    if not _MARKUP.search(field):  # plain text, as most fields are: only the spacing changes
        return " ".join(field.split())
    kept: list[str] = []

    def keep(fragment: str) -> str:
        kept.append(fragment)
        return f"\x00{len(kept) - 1}\x00"

    def image(match: re.Match[str]) -> str:
        attrs = {
            m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or ""
            for m in _ATTR.finditer(match.group(0))
        }
        src = html.unescape(attrs.get("src", ""))
        if not src:
            return ""
        alt = html.unescape(attrs.get("alt", "")).replace("]", "").replace("\n", " ")
        return keep(f"![{alt}]({image_path(src)})")

    text = _STYLE.sub("", field.replace("\r\n", "\n").replace("\n", " "))
    text = _SOUND.sub("", _IMG_TAG.sub(image, text))
    text = _BOLD_TAG.sub(lambda m: f"**{m.group(2)}**", text)
    text = _LIST_ITEM.sub("- ", _BREAK.sub("\n", text))
    text = html.unescape(_TAG.sub("", text)).replace("\xa0", " ")
    if MATH.search(text):  # a dollar in Anki text is a dollar: keep it from reading as math
        text = text.replace("$", "\\$")
    text = _DISPLAY_MATH.sub(lambda m: keep(f"$${m.group(1).strip()}$$"), text)
    text = _INLINE_MATH.sub(lambda m: keep(f"${m.group(1).strip()}$"), text)
    text = _TOKEN.sub(lambda m: kept[int(m.group(1))], text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
