"""Opening a deck file in the student's editor at a card's line.

The desktop's default application cannot be told a line, so when ``$VISUAL`` or ``$EDITOR``
names a graphical editor whose way of taking a line is known, that editor is started at the
line; otherwise the file opens as before, with the desktop's default application.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Mapping
from pathlib import Path

# How each editor is told a line: "+N path" or "path:N" (after an option for some).
_PLUS_LINE = {"gvim", "gedit", "kate", "emacs", "emacsclient", "mousepad", "xed", "pluma"}
_COLON_LINE = {"subl": [], "sublime_text": [], "zed": [], "code": ["-g"], "codium": ["-g"]}


def editor_command(path: Path, line: int, env: Mapping[str, str]) -> list[str] | None:
    """The command that opens ``path`` at ``line`` in the editor ``env`` names, or None when
    no known graphical editor is set (then the desktop's default application is used)."""
    for key in ("VISUAL", "EDITOR"):
        words = shlex.split(env.get(key, ""))
        if not words:
            continue
        name = Path(words[0]).name
        if name in _PLUS_LINE:
            return [*words, f"+{max(1, line)}", str(path)]
        if name in _COLON_LINE:
            return [*words, *_COLON_LINE[name], f"{path}:{max(1, line)}"]
    return None


def open_at_line(
    path: Path,
    line: int,
    env: Mapping[str, str],
    fallback: Callable[[Path], None],
    start: Callable[[list[str]], object] | None = None,
) -> None:
    """Open ``path`` at ``line`` in the student's editor, else with ``fallback``.
    ``start`` runs the command (default: a detached ``subprocess.Popen``)."""
    command = editor_command(path, line, env)
    if command is None:
        fallback(path)
        return
    if start is None:
        import subprocess  # only when an editor is started: the app opens without it

        start = subprocess.Popen
    try:
        start(command)
    except OSError:
        fallback(path)
