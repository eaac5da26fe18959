"""Long sessions emit many signals; the app must not abort however many it emits."""

from __future__ import annotations

import subprocess
import sys

EMIT_MANY = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication
from studyapp.gui.pyside_fixes import keep_singletons_alive
keep_singletons_alive()
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


CALL_MANY = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QLabel
from studyapp.gui.pyside_fixes import keep_singletons_alive
calls = 3 * sys.getrefcount(None)  # more than the references None has without the fix
if sys.argv[1] == "fixed":
    keep_singletons_alive()
app = QApplication([])
label = QLabel("card")
for n in range(calls):
    label.setText("question")  # returns nothing, as most widget calls do
    if n % 1000 == 0:
        app.processEvents()
print(calls)
"""


def test_hundreds_of_thousands_of_widget_calls_do_not_crash_the_app():
    """Widget calls that return nothing, many times over, never abort the app."""
    result = subprocess.run(
        [sys.executable, "-c", CALL_MANY, "fixed"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert int(result.stdout) > 10_000
    assert "Fatal Python error" not in result.stderr


def test_the_defect_is_still_there_where_the_fix_is_needed():
    """Without the fix, PySide6 on Python 3.11 aborts: the fix is still needed (or can go)."""
    if sys.version_info >= (3, 12):
        return  # immortal singletons: nothing to fix, nothing to show
    result = subprocess.run(
        [sys.executable, "-c", CALL_MANY, "plain"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "none_dealloc" in result.stderr
