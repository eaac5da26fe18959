"""studyapp: learn from a text by reading it, then quizzing yourself with spaced repetition.

The packages, one per concern, and what each may import (``tests/test_architecture.py`` holds
the code to this; ``docs/architecture.md`` draws it):

- the shared kernel, modules at this level: :mod:`~studyapp.model` (decks, sections, cards),
  :mod:`~studyapp.review_types` (ratings, card states, log entries),
  :mod:`~studyapp.errors`, :mod:`~studyapp.wording`, :mod:`~studyapp.contrast` (WCAG contrast
  of colours), :mod:`~studyapp.digest` (the one hash), :mod:`~studyapp.collector` (the cycle
  collector paused around work that makes many objects and no cycles). They import nothing
  else of studyapp.
- :mod:`studyapp.outline`: a text becomes a section tree (kernel only).
- :mod:`studyapp.cards`: a section tree becomes cards and YAML deck files (outline, kernel).
- :mod:`studyapp.decks`: deck files are loaded and validated (kernel only).
- :mod:`studyapp.store`: the progress database (kernel only).
- :mod:`studyapp.study`: scheduling, sessions and the figures of progress (store, kernel).
- :mod:`studyapp.paths`: where decks and progress live (decks, kernel).
- :mod:`studyapp.exchange`: Anki packages and CSV/TSV in and out (decks, store, study, kernel).
- :mod:`studyapp.commands` and :mod:`studyapp.cli`: the command line (any core package).
- :mod:`studyapp.gui`: the PySide6 app, the only place Qt is imported (anything).

Data flows one way: text → outline → cards → YAML → decks → store → study → gui.
"""

__version__ = "0.1.0"
