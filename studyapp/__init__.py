"""studyapp: learn from a text by reading it, then quizzing yourself with spaced repetition.

The package is a Qt-free core (outline parsing, deck model, scheduling, store, study
session) with a thin PySide6 GUI under :mod:`studyapp.gui`.
"""

__version__ = "0.1.0"
