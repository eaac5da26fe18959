"""Long sessions emit many signals; the app must not abort however many it emits."""

from __future__ import annotations

import subprocess
import sys

EMIT_MANY = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication
from studyapp.gui.pyside_fixes import keep_bools_alive
keep_bools_alive()
app = QApplication([])
class Card(QObject):
    rated = Signal(str)
card = Card()
seen = []
card.rated.connect(seen.append)
for n in range(200_000):
    card.rated.emit("good")
print(len(seen))
"""


def test_two_hundred_thousand_signals_do_not_crash_the_app():
    """A process emitting 200,000 signals (years of study) runs to the end and exits cleanly."""
    result = subprocess.run(
        [sys.executable, "-c", EMIT_MANY], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "200000"
    assert "Fatal Python error" not in result.stderr
