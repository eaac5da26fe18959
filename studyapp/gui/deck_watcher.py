"""Noticing when an instructor saves a deck file, and what to keep when the new file is broken.

:class:`DeckFileWatcher` watches every deck file and deck folder and emits ``decks_changed``
once an editor has finished writing (saves come in bursts; editors often replace the file,
which drops it from the watch list, so the list is renewed after each reload).
:func:`merge_reload` decides which decks to show after a reload: every deck that loaded, plus
the last good version of any deck whose file now fails, so studying can go on while the
errors are listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from studyapp.model import Deck

RELOAD_DELAY_MS = 250  # editors write in bursts; reload once they are done


def deck_files(paths: Sequence[Path]) -> list[Path]:
    """The deck files under ``paths`` (folders are searched for ``*.yaml`` and ``*.yml``)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml")))
        elif path.exists():
            files.append(path)
    return files


def merge_reload(previous: Sequence[Deck], result: Any) -> tuple[list[Deck], list[str]]:
    """Decks to show after reloading (``result`` is a ``deck.LoadResult``) and error lines.

    A deck whose file now has errors keeps its previous version; its errors are reported.
    """
    failed = {Path(p.path).resolve() for p in result.errors}
    loaded_ids = {d.id for d in result.decks}
    kept = [
        d
        for d in previous
        if d.path is not None and Path(d.path).resolve() in failed and d.id not in loaded_ids
    ]
    return list(result.decks) + kept, [p.format() for p in result.errors]


class DeckFileWatcher(QObject):
    """Emits ``decks_changed`` a moment after any deck file or folder changes on disk."""

    decks_changed = Signal()

    def __init__(
        self, paths: Sequence[Path], parent: QObject | None = None, delay_ms: int = RELOAD_DELAY_MS
    ) -> None:
        super().__init__(parent)
        self.paths = list(paths)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._changed)
        self.watcher.directoryChanged.connect(self._changed)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self._settled)
        self.rewatch()

    def rewatch(self) -> None:
        """Watch every current deck file and folder (a replaced file must be added again)."""
        watched = set(self.watcher.files()) | set(self.watcher.directories())
        wanted = [str(p) for p in deck_files(self.paths)]
        wanted += [str(p) for p in self.paths if p.is_dir()]
        missing = [p for p in wanted if p not in watched]
        if missing:
            self.watcher.addPaths(missing)

    def stop(self) -> None:
        """Watch nothing more: a closed window must not reload decks into a closed store
        when its folder changes later (a temporary folder being removed, an editor saving)."""
        self.timer.stop()
        watched = self.watched()
        if watched:
            self.watcher.removePaths(watched)

    def watched(self) -> list[str]:
        """Every path being watched."""
        return list(self.watcher.files()) + list(self.watcher.directories())

    def _changed(self, _path: str) -> None:
        self.timer.start()

    def _settled(self) -> None:
        self.decks_changed.emit()
