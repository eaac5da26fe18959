"""``studyapp install-desktop [--uninstall]``: the launcher, icon and metainfo in the XDG folders.

A wheel cannot put files in the desktop's folders itself, so this copies the ones it ships
(:func:`studyapp.paths.desktop_files_dir`) under ``$XDG_DATA_HOME`` (``~/.local/share``):
``applications/``, ``icons/hicolor/<size>/apps/`` and ``metainfo/``. The launcher's ``Exec``
line names this installation's own ``studyapp-gui`` (or its Python with ``-m studyapp``), so it
works from a virtual environment that is not on ``PATH``. ``--uninstall`` removes exactly those
files. Windows and macOS have no XDG folders: there the command says how to start the app.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ORDER = 50  # position in `studyapp --help`

GUI_SCRIPT = "studyapp-gui"  # [project.gui-scripts] in pyproject.toml
# Characters that make the desktop entry spec ask for a quoted Exec argument.
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``install-desktop`` subcommand."""
    parser = subparsers.add_parser(
        "install-desktop",
        help="add studyapp to the desktop's applications menu (Linux)",
        description="Put studyapp's launcher (.desktop file), icons and AppStream metainfo in "
        "your XDG data folder ($XDG_DATA_HOME, by default ~/.local/share), so the desktop's "
        "applications menu, dock and software centre show it. --uninstall removes them.",
    )
    parser.add_argument(
        "--uninstall", action="store_true", help="remove the files an earlier run put there"
    )


def xdg_data_home() -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset or not absolute (the spec)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    return Path.home() / ".local" / "share"


def launcher_command() -> list[str]:
    """The command that starts this installation's app.

    The ``studyapp-gui`` script beside this Python (a virtual environment's ``bin``, pipx's
    own environment) when there is one, else this Python with ``-m studyapp``.
    """
    python = Path(sys.executable)
    script = python.parent / GUI_SCRIPT
    if script.is_file():
        return [str(script)]
    return [str(python), "-m", "studyapp"]


def exec_line(command: Sequence[str]) -> str:
    """``command`` as a desktop entry's ``Exec`` value, quoted as the spec asks.

    An argument with reserved characters goes in double quotes, with ``"``, `````, ``$`` and
    ``\\`` escaped by a backslash; ``%`` is doubled. The key file format then escapes each
    backslash again.
    """
    words = []
    for word in command:
        word = word.replace("%", "%%")
        if any(ch in _EXEC_RESERVED for ch in word):
            escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in word)
            word = f'"{escaped}"'
        words.append(word)
    return " ".join(words).replace("\\", "\\\\")


def desktop_entry(template: str, command: Sequence[str]) -> str:
    """The shipped desktop entry with its ``Exec`` line starting ``command``."""
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_line(command)}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def planned_files(source: Path, data_home: Path) -> list[tuple[Path, Path]]:
    """(shipped file, where it goes) for the launcher, every icon and the metainfo."""
    from studyapp.paths import APP_ID

    pairs = []
    for shipped in sorted(source.rglob(f"{APP_ID}.*")):
        pairs.append((shipped, data_home / shipped.relative_to(source)))
    return pairs


def refresh_desktop_caches(data_home: Path) -> None:
    """Tell the desktop about the change where its cache tools exist (harmless elsewhere)."""
    tools = (
        ["update-desktop-database", "-q", str(data_home / "applications")],
        ["gtk-update-icon-cache", "-q", "-t", "-f", str(data_home / "icons" / "hicolor")],
    )
    for tool in tools:
        if shutil.which(tool[0]) is None:
            continue
        # A stale cache only delays the menu entry until the next login: never an error.
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(tool, check=False, capture_output=True, timeout=60)


def install(source: Path, data_home: Path) -> list[Path]:
    """Copy the desktop files under ``data_home``; returns the files written."""
    from studyapp.errors import StudyappError

    written = []
    try:
        for shipped, target in planned_files(source, data_home):
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.suffix == ".desktop":
                template = shipped.read_text(encoding="utf-8")
                target.write_text(desktop_entry(template, launcher_command()), encoding="utf-8")
            else:
                shutil.copyfile(shipped, target)
            written.append(target)
    except OSError as error:
        raise StudyappError(f"could not install the desktop files: {error}") from error
    return written


def uninstall(source: Path, data_home: Path) -> list[Path]:
    """Remove the files :func:`install` writes; returns those that were there."""
    from studyapp.errors import StudyappError

    removed = []
    try:
        for _shipped, target in planned_files(source, data_home):
            if target.is_file():
                target.unlink()
                removed.append(target)
    except OSError as error:
        raise StudyappError(f"could not remove the desktop files: {error}") from error
    return removed


def run(args: argparse.Namespace) -> int:
    """Install (or remove) the desktop files and say which files changed."""
    from studyapp.paths import desktop_files_dir

    if sys.platform == "win32" or sys.platform == "darwin":
        print(
            "studyapp: install-desktop is for Linux desktops. Start the app with "
            f"`{GUI_SCRIPT}` (no console window) or `python -m studyapp`.",
            file=sys.stderr,
        )
        return 1
    source = desktop_files_dir()
    if not source.is_dir():
        print(f"studyapp: error: the desktop files are missing ({source})", file=sys.stderr)
        return 1
    data_home = xdg_data_home()
    if args.uninstall:
        removed = uninstall(source, data_home)
        for path in removed:
            print(f"removed {path}")
        if not removed:
            print(f"nothing to remove in {data_home}")
    else:
        for path in install(source, data_home):
            print(f"installed {path}")
        print("studyapp is in your applications menu (it may need a new login to show).")
    refresh_desktop_caches(data_home)
    return 0
