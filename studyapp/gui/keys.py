"""Keyboard helpers shared by the screens that answer to plain letter keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

_COMMAND_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier


def is_command_chord(event: QKeyEvent) -> bool:
    """True for Ctrl+key or Meta+key: a menu shortcut's business, never a screen's letter key
    (Ctrl+Q must quit, not start a quiz because Q alone does)."""
    return bool(event.modifiers() & _COMMAND_MODIFIERS)
