"""Where studyapp finds decks and keeps progress.

Progress lives in the platform's user data folder unless ``--data-dir`` or
``STUDYAPP_DATA_DIR`` say otherwise. Decks come from the shipped ``decks/`` folder unless
``--decks`` or ``STUDYAPP_DECKS`` say otherwise; the shipped folder is found both in a source
checkout and in an installed wheel (where it is package data). Decks the student made from
their own texts in the app live in ``decks/`` inside the data folder and are always part of
the library (:func:`library_paths`). The launcher, icon and AppStream files come with the
package the same way (:func:`desktop_files_dir`).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "studyapp"
# The desktop's name for the app: the launcher, icon and metainfo files are named after it,
# and the window tells the desktop it (Wayland app id), so docks match window and launcher.
APP_ID = "org.studyapp.StudyApp"
DATA_DIR_ENV = "STUDYAPP_DATA_DIR"
DECKS_ENV = "STUDYAPP_DECKS"
DATABASE_NAME = "progress.sqlite3"
IMPORTED_DECKS_NAME = "decks"  # in the data folder: decks made in the app from a text


def shipped_decks_dir() -> Path:
    """The decks that come with studyapp: package data in a wheel, ``decks/`` in a checkout."""
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "shipped_decks"
    if installed.is_dir():
        return installed
    return package_dir.parent / "decks"


def desktop_files_dir() -> Path:
    """The launcher, icons and metainfo: package data in a wheel, ``assets/desktop`` in a checkout.

    Laid out as they go under ``$XDG_DATA_HOME``: ``applications/``, ``metainfo/`` and
    ``icons/hicolor/<size>/apps/``.
    """
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "desktop"
    if installed.is_dir():
        return installed
    return package_dir.parent / "assets" / "desktop"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder holding the progress database and its backups (not created here)."""
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def decks_dirs(overrides: list[str] | None = None) -> list[Path]:
    """Deck folders or files to load; ``STUDYAPP_DECKS`` may list several (``os.pathsep``)."""
    if overrides:
        return [Path(p).expanduser() for p in overrides]
    from_env = os.environ.get(DECKS_ENV)
    if from_env:
        return [Path(p).expanduser() for p in from_env.split(os.pathsep) if p]
    return [shipped_decks_dir()]


def database_path(data_folder: Path) -> Path:
    """The progress database inside a data folder."""
    return data_folder / DATABASE_NAME


def imported_decks_dir(data_folder: Path) -> Path:
    """Where the app writes the decks it makes from the student's own texts."""
    return data_folder / IMPORTED_DECKS_NAME


def library_paths(overrides: list[str] | None, data_folder: Path) -> list[Path]:
    """What the library shows: :func:`decks_dirs`, then the student's own decks if any."""
    found = decks_dirs(overrides)
    mine = imported_decks_dir(data_folder)
    if not mine.is_dir() or mine in found:
        return found
    from studyapp.decks.load import deck_files  # the loader's own rule for what is a deck file

    has_decks, _ = deck_files([mine])
    if has_decks:
        found.append(mine)
    return found
