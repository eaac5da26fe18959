"""The typed errors the core raises; the CLI and GUI turn them into messages, never tracebacks."""

from __future__ import annotations


class StudyappError(Exception):
    """Base of every error studyapp reports to a user."""


class OutlineError(StudyappError):
    """A source outline could not be read (not text, too large, nothing to study in it)."""


class StoreError(StudyappError):
    """The progress database cannot be used (corrupt, locked, read-only, disk full)."""


class ExchangeError(StudyappError):
    """A file to import or export cannot be used (not a package, damaged, unsafe, too large)."""
