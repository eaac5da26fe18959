"""Work-arounds for defects of the PySide6 release the app runs on, applied at start-up.

PySide6 6.12 returns Python's singletons without taking a new reference: every call of a
method that returns nothing (``label.setText(...)``, ``widget.show()``,
``app.processEvents()``, ...) steals one reference to ``None``, and every
``signal.emit(...)`` steals one to ``True``. On Python 3.12+ the singletons are immortal and
nothing happens; on Python 3.11 their counts fall with every such call and the interpreter
aborts ("Fatal Python error: none_dealloc" or "bool_dealloc") once one reaches zero: after a
few thousand to some hundred thousand calls, that is mid-session or at exit.
:func:`keep_singletons_alive` gives ``None``, ``True`` and ``False`` a reference count no run
can use up, which is what 3.12 does for every interpreter.
"""

from __future__ import annotations

import sys

_SPARE_REFERENCES = 1 << 40
_applied = False


def keep_singletons_alive() -> None:
    """Make ``None``, ``True`` and ``False`` effectively immortal on CPython before 3.12
    (idempotent; call it before the first Qt call)."""
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    for value in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(value)).value += _SPARE_REFERENCES
    _applied = True
