"""Work-arounds for defects of the PySide6 release the app runs on, applied at start-up.

PySide6 6.12's ``SignalInstance.emit()`` returns ``True`` without taking a new reference, so
every ``signal.emit(...)`` made from Python steals one reference to ``True``. On Python 3.12+
``True`` is immortal and nothing happens; on Python 3.11 its count reaches zero after a few
thousand emits and the interpreter aborts ("Fatal Python error: bool_dealloc"), mid-session or
at exit. :func:`keep_bools_alive` gives ``True`` and ``False`` a reference count no run can use
up, which is what 3.12 does for every interpreter.
"""

from __future__ import annotations

import sys

_SPARE_REFERENCES = 1 << 40
_applied = False


def keep_bools_alive() -> None:
    """Make ``True`` and ``False`` effectively immortal on CPython before 3.12 (idempotent)."""
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    for value in (True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(value)).value += _SPARE_REFERENCES
    _applied = True
