"""Composition root of the desktop app: builds the real objects and opens the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from studyapp import paths


def run_app(decks: list[str] | None = None, data_dir: str | None = None) -> int:
    """Open the main window on the given decks and data folder; returns the exit code."""
    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("studyapp")
    names = sorted(p.stem for folder in paths.decks_dirs(decks) for p in folder.glob("*.yaml"))
    window.setCentralWidget(QLabel("\n".join(names) or "No decks found."))
    window.resize(1000, 700)
    window.show()
    return app.exec()
