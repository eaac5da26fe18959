"""Writing imported decks and their images into a folder: validated first, then all or nothing.

Everything goes to a staging folder inside the target first; the staged decks are loaded with
the app's own validator, and only when they load without an error do they replace the files
in the target. A deck file there that studyapp did not import is never overwritten.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from studyapp.decks.load import load_decks
from studyapp.errors import ExchangeError
from studyapp.model import Deck

IMPORT_MARK = "# Imported by studyapp"
MEDIA_FOLDER = "media"
"""Images of imported decks go to this folder beside the deck files."""


def _scalar(value: object) -> str:
    """A YAML scalar: numbers and booleans as they are, every text double-quoted (a JSON
    string is a valid YAML double-quoted scalar, and quoting keeps ``yes`` or ``1.0`` text)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _emit(value: object, indent: str, out: list[str]) -> None:
    """Block-style YAML of the deck's mappings and lists, much faster than ``yaml.dump``
    (100,000 cards in about a second); what it writes is then checked by the loader."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                out.append(f"{indent}{key}:\n")
                _emit(item, indent + "  ", out)
            else:
                out.append(f"{indent}{key}: {_scalar(item) if item != [] else '[]'}\n")
    else:
        for item in value:  # type: ignore[attr-defined]
            if isinstance(item, dict):
                first = True
                for key, field in item.items():
                    lead = f"{indent}- " if first else f"{indent}  "
                    first = False
                    if isinstance(field, list):
                        out.append(f"{lead}{key}:\n")
                        out.extend(f"{indent}  - {_scalar(v)}\n" for v in field)
                    else:
                        out.append(f"{lead}{key}: {_scalar(field)}\n")
            else:
                out.append(f"{indent}- {_scalar(item)}\n")


def deck_yaml(deck: Deck, origin: str) -> str:
    """The YAML text of an imported deck, saying where it came from."""
    out = [f"{IMPORT_MARK} from {origin}; importing again overwrites hand edits.\n"]
    _emit(deck.to_dict(), "", out)
    return "".join(out)


def slug(text: str) -> str:
    """An id made of a name: its first words, lower case, joined by hyphens."""
    words = re.findall(r"\w+", text.casefold())
    return "-".join(words[:8]) or "deck"


def safe_file_name(name: str) -> str:
    """A media name as a file name the image syntax can hold (no spaces, no odd characters)."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    clean = re.sub(r"[^\w.-]+", "_", stem).strip("._") or "image"
    return f"{clean}.{suffix.lower()}" if suffix else clean


def write_imported(
    decks: list[Deck],
    media: Mapping[str, bytes],
    out_dir: Path,
    origin: str,
    in_use: Mapping[str, Path] | None = None,
) -> list[Path]:
    """Write ``decks`` (as ``<id>.yaml``) and ``media`` (file name → bytes, into
    :data:`MEDIA_FOLDER`) into ``out_dir``; the deck files written.

    ``in_use`` maps deck and card ids of the student's other deck files to those files: an
    import that reuses one is refused (the library would load only one of the two).
    Raises :class:`ExchangeError`, writing nothing, when a deck would overwrite a file
    studyapp did not import, when an id is in use, or when the decks do not validate.
    """
    for deck in decks:
        for some_id in (deck.id, *(card.id for card in deck.cards)):
            other = (in_use or {}).get(some_id)
            if other is not None and other.parent.resolve() != out_dir.resolve():
                raise ExchangeError(
                    f"'{some_id}' is already in your library ({other.name}): these cards are "
                    "there already; nothing was imported"
                )
    targets = [out_dir / f"{deck.id}.yaml" for deck in decks]
    for target in targets:
        if target.exists() and IMPORT_MARK not in _head(target):
            raise ExchangeError(
                f"{target} exists and was not imported by studyapp; choose another folder "
                "(nothing was written)"
            )
    created = not out_dir.exists()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".studyapp-import-", dir=out_dir))
    except OSError as error:
        raise ExchangeError(f"cannot write to {out_dir}: {error.strerror or error}") from None
    written = False
    try:
        staged = _stage(decks, media, staging, origin)
        result = load_decks(staged)
        if result.errors:
            raise ExchangeError(
                f"the imported decks do not validate: {result.errors[0].format()} "
                "(nothing was written)"
            )
        if media:
            (out_dir / MEDIA_FOLDER).mkdir(exist_ok=True)
            for name in media:
                (staging / MEDIA_FOLDER / name).replace(out_dir / MEDIA_FOLDER / name)
        for source, target in zip(staged, targets, strict=True):
            source.replace(target)
        written = True
    except OSError as error:
        raise ExchangeError(f"cannot write to {out_dir}: {error.strerror or error}") from None
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
            if created and not written:  # leave no empty folder behind either
                out_dir.rmdir()
    return targets


def _stage(decks: list[Deck], media: Mapping[str, bytes], staging: Path, origin: str) -> list[Path]:
    if media:
        (staging / MEDIA_FOLDER).mkdir()
        for name, data in media.items():
            (staging / MEDIA_FOLDER / name).write_bytes(data)
    staged = []
    for deck in decks:
        path = staging / f"{deck.id}.yaml"
        path.write_text(deck_yaml(deck, origin), encoding="utf-8")
        staged.append(path)
    return staged


def _head(path: Path) -> str:
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return handle.read(400)
    except OSError:
        return ""
