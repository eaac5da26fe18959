"""What deck loading reports: a :class:`Problem` at a file's ``line:col``.

Kept apart from :mod:`studyapp.decks.yaml_nodes` (which re-exports it) so that code handling
problems, and the deck cache, need not import the YAML library.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding of loading or validation, at a 1-based ``line:col`` (0 when file-wide)."""

    path: Path
    line: int
    column: int
    message: str
    severity: Severity = "error"

    def format(self) -> str:
        """``path:line:col: error: message`` (just ``path: error: ...`` when file-wide)."""
        where = f"{self.path}:{self.line}:{self.column}" if self.line else f"{self.path}"
        return f"{where}: {self.severity}: {self.message}"
