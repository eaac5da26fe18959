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


def test_quick_feature_scan_gives_pysides_own_answers(tmp_path):
    """The faster start-up check tells exactly the modules that use PySide6 from the others."""
    import importlib.util

    from studyapp.gui import theme  # importing the GUI package applies the fix

    feature = sys.modules["shibokensupport.feature"]
    assert getattr(feature._mod_uses_pyside, "studyapp_quick", False)
    modules = []
    for name, text in (("uses_qt", "from PySide6.QtCore import Qt\n"), ("plain", "x = 1\n")):
        path = tmp_path / f"{name}.py"
        path.write_text(text, encoding="utf-8")
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        modules.append(module)
    modules += [sys, subprocess, theme, sys.modules["json"]]
    import inspect

    def pysides_answer(module):
        try:
            return "PySide6" in inspect.getsource(module)
        except (TypeError, OSError):
            return False

    answers = [feature._mod_uses_pyside(m) for m in modules]
    assert answers == [pysides_answer(m) for m in modules]
    assert answers[:3] == [True, False, False]
