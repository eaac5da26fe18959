"""A deck file opens at the card's line in an editor that takes a line, else as before."""

from __future__ import annotations

from pathlib import Path

from studyapp.gui.editor import editor_command, open_at_line

DECK = Path("/decks/anatomy.yaml")


def test_known_editors_are_told_the_line():
    """VS Code gets -g path:line, gvim +line path; VISUAL wins over EDITOR."""
    assert editor_command(DECK, 42, {"EDITOR": "code --wait"}) == [
        "code",
        "--wait",
        "-g",
        f"{DECK}:42",
    ]
    assert editor_command(DECK, 7, {"VISUAL": "/usr/bin/gvim", "EDITOR": "code"}) == [
        "/usr/bin/gvim",
        "+7",
        str(DECK),
    ]


def test_without_a_known_editor_the_desktop_opens_the_file():
    """No editor set, or one that cannot take a line: the desktop's default app opens it."""
    opened: list[Path] = []
    started: list[list[str]] = []
    open_at_line(DECK, 3, {}, opened.append, started.append)
    open_at_line(DECK, 3, {"EDITOR": "vi"}, opened.append, started.append)
    assert opened == [DECK, DECK] and started == []
    open_at_line(DECK, 3, {"EDITOR": "subl"}, opened.append, started.append)
    assert started == [["subl", f"{DECK}:3"]]


def test_an_editor_that_fails_to_start_falls_back():
    """A missing editor program does not lose the request: the desktop opens the file."""
    opened: list[Path] = []

    def fail(_command: list[str]) -> None:
        raise FileNotFoundError("code")

    open_at_line(DECK, 3, {"EDITOR": "code"}, opened.append, fail)
    assert opened == [DECK]
