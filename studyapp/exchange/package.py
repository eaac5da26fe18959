"""Opening an Anki package (``.apkg``, ``.colpkg``) without trusting it.

A package is a zip holding a SQLite collection, a media map and the media files named ``0``,
``1``, ... Three generations exist, all read here:

- legacy 1: ``collection.anki2`` (schema 11), media map as JSON, media stored as is;
- legacy 2: ``collection.anki21`` beside a stub ``collection.anki2``, the same otherwise;
- latest (Anki 2.1.50+): ``collection.anki21b``, zstd-compressed, a ``meta`` entry saying so,
  the media map as zstd-compressed protobuf and each media file zstd-compressed.

Before anything is extracted every size is checked against :class:`Limits` (a zip bomb is
refused from its directory; a zstd stream is cut off at its limit while decompressing), and
every media name must be a plain file name (``../../x`` is refused). Nothing is written but
the collection, to a temporary folder removed on close.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

from studyapp.errors import ExchangeError

ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
"""Collection entries, newest first: a newer package keeps an older one only as a stub."""

_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Limits:
    """How large a package may be once unpacked; a zip bomb meets these before any disk."""

    collection_bytes: int = 2 << 30
    media_bytes: int = 4 << 30
    entries: int = 500_000
    ratio: int = 200  # uncompressed / compressed, for entries over a megabyte


class AnkiPackage:
    """An opened package: its collection on disk and its media, read on demand.

    Use as a context manager; :func:`open_package` makes one.
    """

    def __init__(self, path: Path, archive: zipfile.ZipFile, limits: Limits, workdir: Path) -> None:
        self.path = path
        self.limits = limits
        self._zip = archive
        self._workdir = workdir
        names = set(archive.namelist())
        self.latest = _meta_version(archive) >= 3 if "meta" in names else False
        entry = next((name for name in COLLECTIONS if name in names), None)
        if entry is None:
            raise ExchangeError(f"{path.name}: no Anki collection inside (not an Anki package)")
        self.collection_entry = entry
        self.media: dict[str, str] = _media_map(archive, path) if "media" in names else {}
        missing = sorted(set(self.media.values()) - names)
        if missing:
            raise ExchangeError(f"{path.name}: the media map names missing entries ({missing[0]})")
        self.collection_path = workdir / "collection.sqlite"
        with self.collection_path.open("wb") as target:
            out = _Capped(limits.collection_bytes, target)
            _read_entry(archive, entry, out, path, entry.endswith("anki21b"))

    def media_bytes(self, name: str) -> bytes:
        """The content of media file ``name`` (decompressed, at most the media limit)."""
        out = _Capped(self.limits.media_bytes)
        _read_entry(self._zip, self.media[name], out, self.path, self.latest)
        return bytes(out.data)

    def close(self) -> None:
        """Close the zip and remove the extracted collection."""
        self._zip.close()
        shutil.rmtree(self._workdir, ignore_errors=True)

    def __enter__(self) -> AnkiPackage:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def open_package(path: Path, limits: Limits | None = None) -> AnkiPackage:
    """Open ``path`` as an Anki package, or raise :class:`ExchangeError` saying why not."""
    limits = limits or Limits()
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise ExchangeError(f"{path.name} is not an Anki package (not a zip file)") from None
    except OSError as error:
        raise ExchangeError(f"{path.name} cannot be read: {error.strerror or error}") from None
    workdir = Path(tempfile.mkdtemp(prefix="studyapp-import-"))
    try:
        _check_directory(archive, path, limits)
        return AnkiPackage(path, archive, limits, workdir)
    except zipfile.BadZipFile as error:
        archive.close()
        shutil.rmtree(workdir, ignore_errors=True)
        raise ExchangeError(f"{path.name} is a damaged zip file: {error}") from None
    except BaseException:
        archive.close()
        shutil.rmtree(workdir, ignore_errors=True)
        raise


def _check_directory(archive: zipfile.ZipFile, path: Path, limits: Limits) -> None:
    """Refuse a zip bomb from the zip's own directory, before reading any entry."""
    infos = archive.infolist()
    if len(infos) > limits.entries:
        raise ExchangeError(f"{path.name} holds {len(infos):,} files; at most {limits.entries:,}")
    total = 0
    for info in infos:
        total += info.file_size
        big = info.file_size > _CHUNK
        if big and info.file_size > limits.ratio * max(info.compress_size, 1):
            raise ExchangeError(
                f"{path.name} looks like a zip bomb: '{info.filename}' unpacks "
                f"{info.file_size // max(info.compress_size, 1):,} times larger than it is stored"
            )
    if total > limits.collection_bytes + limits.media_bytes:
        raise ExchangeError(
            f"{path.name} unpacks to {total / 1e9:.1f} GB, more than studyapp imports"
        )


def _meta_version(archive: zipfile.ZipFile) -> int:
    """The package version in ``meta`` (protobuf field 1): 1 and 2 legacy, 3 the latest."""
    raw = archive.read("meta")[:16]
    fields = dict(_protobuf_fields(raw)) if raw else {}
    value = fields.get(1, 0)
    return value if isinstance(value, int) else 0


def _media_map(archive: zipfile.ZipFile, path: Path) -> dict[str, str]:
    """Media file name → zip entry, every name checked to be a plain file name."""
    out = _Capped(64 << 20)
    compressed = _read_entry(archive, "media", out, path, True)
    try:
        if compressed:
            pairs = _media_entries(bytes(out.data))
        else:
            mapping = json.loads(bytes(out.data) or b"{}")
            if not isinstance(mapping, dict):
                raise ValueError("not a mapping")
            pairs = [(str(name), str(entry)) for entry, name in mapping.items()]
    except (ValueError, UnicodeDecodeError):
        raise ExchangeError(f"{path.name}: its media list is damaged") from None
    media: dict[str, str] = {}
    for name, entry in pairs:
        if not name or name in (".", "..") or any(c in name for c in "/\\\x00:"):
            raise ExchangeError(
                f"{path.name}: the media file name '{name}' is not a plain file name "
                "(it could write outside the import folder); nothing was imported"
            )
        media[name] = entry
    return media


def _media_entries(raw: bytes) -> list[tuple[str, str]]:
    """(name, zip entry) pairs of the latest format's ``MediaEntries`` protobuf message:
    ``repeated MediaEntry entries = 1`` with ``name = 1``; the zip entry is its index."""
    pairs = []
    for index, (number, value) in enumerate(_protobuf_fields(raw)):
        if number != 1 or not isinstance(value, bytes):
            raise ValueError("unexpected field in the media list")
        fields = dict(_protobuf_fields(value))
        name = fields.get(1, b"")
        pairs.append(
            (name.decode("utf-8", "replace") if isinstance(name, bytes) else "", str(index))
        )
    return pairs


def _protobuf_fields(raw: bytes) -> Iterator[tuple[int, int | bytes]]:
    """(field number, value) of a protobuf message: varints and length-delimited fields."""
    position = 0
    while position < len(raw):
        key, position = _varint(raw, position)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, position = _varint(raw, position)
            yield number, value
        elif wire == 2:
            length, position = _varint(raw, position)
            yield number, raw[position : position + length]
            position += length
        elif wire == 5:
            position += 4
        elif wire == 1:
            position += 8
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")


def _varint(raw: bytes, position: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if position >= len(raw):
            raise ValueError("truncated protobuf varint")
        byte = raw[position]
        position += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, position
        shift += 7


class _Capped:
    """A byte buffer (or file) that refuses to grow past ``limit``."""

    def __init__(self, limit: int, target: IO[bytes] | None = None) -> None:
        self.limit = limit
        self.size = 0
        self.data = bytearray()
        self._target = target

    def write(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.limit:
            raise _TooLarge
        if self._target is None:
            self.data += chunk
        else:
            self._target.write(chunk)


class _TooLarge(Exception):
    pass


def _read_entry(
    archive: zipfile.ZipFile, entry: str, out: _Capped, path: Path, zstd_allowed: bool
) -> bool:
    """Copy a zip entry into ``out``, decompressing it when it is a zstd stream (and
    ``zstd_allowed``); whether it was compressed. Raises ExchangeError past the limit."""
    with archive.open(entry) as source:
        compressed = zstd_allowed and source.read(len(ZSTD_MAGIC)) == ZSTD_MAGIC
    with archive.open(entry) as source:
        if compressed:
            _decompress_into(source, out, path)
            return True
        try:
            while chunk := source.read(_CHUNK):
                out.write(chunk)
        except _TooLarge:
            raise ExchangeError(
                f"{path.name}: '{entry}' is larger than {out.limit / 1e9:.1f} GB; "
                "nothing was imported"
            ) from None
    return False


def _decompress_into(source: IO[bytes], out: _Capped, path: Path) -> None:
    """Stream-decompress zstd ``source`` into ``out``, a bounded piece at a time, stopping at
    its limit: memory never holds more than one piece, whatever the stream claims."""
    import zstandard

    reader = zstandard.ZstdDecompressor().stream_reader(source, read_across_frames=True)
    try:
        while chunk := reader.read(_CHUNK):
            out.write(chunk)
    except _TooLarge:
        raise ExchangeError(
            f"{path.name} looks like a zip bomb: a part unpacks to more than "
            f"{out.limit / 1e9:.1f} GB; nothing was imported"
        ) from None
    except zstandard.ZstdError as error:
        raise ExchangeError(f"{path.name}: a compressed part is damaged ({error})") from None
