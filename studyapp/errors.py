"""The typed errors the core raises; the CLI and GUI turn them into messages, never tracebacks."""

from __future__ import annotations


class StudyappError(Exception):
    """Base of every error studyapp reports to a user."""


class DeckError(StudyappError):
    """A deck file could not be loaded or is invalid.

    ``problems`` holds every problem found (validation collects them all, then raises once).
    """

    def __init__(self, message: str, problems: list | None = None) -> None:
        super().__init__(message)
        self.problems = list(problems or [])


class OutlineError(StudyappError):
    """A source outline could not be read (not text, too large, nothing to study in it)."""


class StoreError(StudyappError):
    """The progress database cannot be used (corrupt, locked, read-only, disk full)."""
