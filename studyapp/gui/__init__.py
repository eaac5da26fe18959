"""The PySide6 desktop GUI: a thin layer of passive views over the Qt-free core.

Importing the package loads PySide6 and applies :func:`pyside_fixes.quick_feature_scan` first,
so that every GUI module imported after it is cheaper to import.
"""

import PySide6.QtCore  # noqa: F401  (loads PySide6's import hook, which the fix replaces)

from studyapp.gui.pyside_fixes import quick_feature_scan

quick_feature_scan()
