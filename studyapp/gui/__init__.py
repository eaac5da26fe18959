"""The PySide6 desktop GUI: a thin layer of passive views over the Qt-free core."""
