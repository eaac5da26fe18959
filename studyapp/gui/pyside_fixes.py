"""Work-arounds for defects of the PySide6 release the app runs on, applied at start-up.

PySide6 6.12's ``SignalInstance.emit()`` returns ``True`` without taking a new reference, so
every ``signal.emit(...)`` made from Python steals one reference to ``True``. On Python 3.12+
``True`` is immortal and nothing happens; on Python 3.11 its count reaches zero after a few
thousand emits and the interpreter aborts ("Fatal Python error: bool_dealloc"), mid-session or
at exit. :func:`keep_bools_alive` gives ``True`` and ``False`` a reference count no run can use
up, which is what 3.12 does for every interpreter.

PySide6's import hook asks of every module imported after it whether its source mentions
"PySide6" (to scope ``__feature__`` switches), through ``inspect.getsource``: about a tenth of a
millisecond per module, ten at the app's start. :func:`quick_feature_scan` answers the same
question by searching the file's bytes.
"""

from __future__ import annotations

import sys
from types import ModuleType

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


def quick_feature_scan() -> None:
    """Make PySide6's per-import "does this module use PySide6?" check read the module's file
    directly instead of through ``inspect`` (same answer; idempotent; a PySide6 without that
    hook is left alone)."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or getattr(original, "studyapp_quick", False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        """Whether ``module``'s source file mentions PySide6 (PySide's own check otherwise)."""
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(original(module))

    uses_pyside.studyapp_quick = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
