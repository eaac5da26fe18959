"""Answering the quiz with the keyboard alone, as a student does (shared by the GUI tests)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from studyapp.gui.quiz import QuizWidget
from studyapp.model import CardType


def reveal_by_keyboard(qtbot, quiz: QuizWidget) -> None:
    """Answer the card on screen right with keys only: type it, pick its number, or Space."""
    card = quiz.card
    assert card is not None and quiz.phase == "question"
    if card.type is CardType.TYPED:
        qtbot.keyClicks(quiz.card_view.typed, card.answer)
        qtbot.keyClick(quiz.card_view.typed, Qt.Key.Key_Return)
    elif card.type is CardType.CHOICE:
        number = quiz.card_view.options.index(card.answer) + 1
        qtbot.keyClick(quiz, str(number))
    else:
        qtbot.keyClick(quiz, Qt.Key.Key_Space)
    assert quiz.phase == "answer", f"card {card.id} was not revealed"
