"""Studying from the main window: which cards a session covers, the quiz screen, and back.

Study a deck, a section (crammed when nothing there is due or new, by the one rule of
:mod:`studyapp.study.progress`) or everything due; open the quiz on a new
:class:`~studyapp.study.session.StudySession`; leave it for where it was started; pause it to
show a card in its source section. The window keeps the screens and the session; this keeps
the decisions about them out of the window's class.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from studyapp.gui.context import Screen
from studyapp.model import Card, Deck

if TYPE_CHECKING:
    from studyapp.gui.main_window import MainWindow
    from studyapp.gui.quiz import QuizWidget


class StudyFlow:
    """The studying actions of one main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.quiz_paused = False  # the reader was opened from a quiz ("show in source")
        self.scope: tuple[list[Deck], str | None, bool] = ([], None, False)  # "study more"
        self.only: Collection[str] | None = None  # and its cards, for the browser's sessions

    def study_deck(self, deck_id: str) -> None:
        """Study a deck's due cards and today's new ones."""
        deck = self.window.deck_by_id(deck_id)
        if deck is not None:
            self.start_quiz([deck])

    def study_section(self, deck_id: str, section_id: str) -> None:
        """Quiz the cards of one section (and its subsections).

        With nothing due or new there, the section is practised without scheduling (cram).
        """
        deck = self.window.deck_by_id(deck_id)
        if deck is None or not deck.cards_in_section(section_id):
            return
        now = self.window.ctx.clock()
        pending = self.window.progress_model.has_cards_to_review(deck, section_id, now)
        self.start_quiz([deck], section=section_id, cram=not pending)

    def study_all_due(self) -> None:
        """Study every deck's due cards (and today's new ones) together."""
        if self.window.decks:
            self.start_quiz(list(self.window.decks))

    def start_quiz(
        self,
        decks: Sequence[Deck],
        *,
        section: str | None = None,
        cram: bool = False,
        only: Collection[str] | None = None,
    ) -> None:
        """Open the quiz screen on a new study session over ``decks`` (or one section; or
        only the cards ``only`` names: the browser's custom study)."""
        if self.window.ctx.read_only:
            from PySide6.QtWidgets import QMessageBox  # imported when needed

            QMessageBox.information(
                self.window,
                "Read-only",
                "Progress cannot be saved in this session, so studying is off. "
                "Close the other studyapp window (or fix the data folder) and start again.",
            )
            return
        from studyapp.review_types import ReviewMode

        quiz = self._quiz_screen()
        if self.window.current_screen is not Screen.QUIZ:
            self.window.return_screen = self.window.current_screen
        self.window.session = self.window.ctx.make_session(
            self.window.store,
            self.window.scheduler,
            list(decks),
            quiz,
            section=section,
            mode=ReviewMode.CRAM if cram else ReviewMode.REVIEW,
            clock=self.window.ctx.clock,
            rng=self.window.ctx.rng,
            only=only,
        )
        self.scope = (list(decks), section, cram)
        self.only = only
        self.window.set_screen(Screen.QUIZ)
        quiz.start(self.window.session)

    def _quiz_screen(self) -> QuizWidget:
        """The quiz widget, built on first use (start-up does not load it)."""
        if self.window.quiz is None:
            from studyapp.gui.quiz import QuizWidget

            self.window.quiz = QuizWidget(clock=self.window.ctx.clock, tz=self.window.ctx.tz)
            self.window.quiz.left.connect(self.leave_quiz)
            self.window.quiz.study_more_requested.connect(self._study_more)
            self.window.quiz.show_in_source_requested.connect(self.show_card_source)
            self.window.quiz.edit_deck_requested.connect(self._edit_deck_of_card)
            self.window.stack.addWidget(self.window.quiz)
        return self.window.quiz

    def _study_more(self) -> None:
        decks, section, cram = self.scope
        self.start_quiz(decks, section=section, cram=cram, only=self.only)

    def leave_quiz(self) -> None:
        """Back from the quiz to where it was started, with the numbers brought up to date."""
        deck = self.window._reader_deck()
        if self.window.return_screen is Screen.READER and deck is not None:
            self.window.open_reader(deck.id, self.window.reader.current_section_id())
        else:
            self.window.show_library()

    def _deck_of_card(self, card: Card) -> Deck | None:
        session = self.window.session
        deck = session.deck_of(card) if session is not None else None  # indexed: no search
        if deck is not None:
            return deck
        return next((d for d in self.window.decks if any(c.id == card.id for c in d.cards)), None)

    def _edit_deck_of_card(self, card: Card) -> None:
        deck = self._deck_of_card(card)
        if deck is not None:
            self.window.edit_deck(deck.id)

    def show_card_source(self, card: Card) -> None:
        """Open the reader on the card's section with its source sentence highlighted."""
        deck = self._deck_of_card(card)
        if deck is None:
            return
        self.quiz_paused = self.window.current_screen is Screen.QUIZ
        self.window.open_reader(deck.id, card.section or None)
        self.window.reader.show_card_source(card)

    def leave_reader(self) -> None:
        """Esc in the reader: back to a quiz paused for "show in source", else the library."""
        quiz = self.window.quiz
        if self.quiz_paused and quiz is not None and quiz.phase != "finished":
            self.quiz_paused = False
            self.window.set_screen(Screen.QUIZ)
        else:
            self.quiz_paused = False
            self.window.show_library()
