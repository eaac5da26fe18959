"""The quiz screen: one card at a time, answered with Anki's keys, then a session summary.

:class:`QuizWidget` is the GUI's implementation of the session's ``SessionView`` Protocol: the
:class:`~studyapp.study.session.StudySession` tells it what to show (``show_question``,
``show_answer``, ``show_finished``) and it forwards what the student does (reveal, rate, typed
or chosen answers, undo, bury, suspend) back to the session. The card itself is drawn by
:class:`~studyapp.gui.card_view.CardView`, the end of the session by
:class:`~studyapp.gui.summary.SummaryWidget`.

Keys: Space/Enter reveal, then Space/Enter accept the proposed rating (Good unless a typed or
chosen answer proposed another); 1 Again, 2 Hard, 3 Good, 4 Easy; on a choice card 1..n pick an
option; U or Ctrl+Z undo; S or V show in source; E edit the deck file; - bury; @ suspend; Esc
leaves. In the typed-answer box digits and Space are text and Enter submits.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QTextDocumentFragment
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studyapp.errors import StudyappError
from studyapp.gui import theme
from studyapp.gui.card_view import CardView
from studyapp.gui.rating_buttons import RatingButton
from studyapp.gui.summary import SummaryWidget
from studyapp.gui.wrapped_label import WrappedLabel
from studyapp.model import Card, CardType, Deck
from studyapp.review_types import Rating, ReviewMode
from studyapp.study.answers import AnswerCheck
from studyapp.study.session import Progress, SessionSummary, StudySession, utc_now

HINT_QUESTION = "Space show answer  ·  U undo  ·  S source  ·  E edit  ·  − bury  ·  @ suspend"
HINT_TYPED = "Enter check answer  ·  Esc leave"
HINT_ANSWER = "Space accept  ·  1–4 rate  ·  U undo  ·  S source  ·  E edit  ·  Esc leave"


class QuizWidget(QWidget):
    """The quiz screen; implements the session's ``SessionView`` Protocol.

    Use: build ``StudySession(store, scheduler, decks, view=quiz, clock=...)`` then
    ``quiz.start(session)``; the session's decks give the deck › section line above each
    question. ``clock`` and ``tz`` (constructor) say when the session ended and in which
    zone "next card due at 09:30" is written.
    Signals: ``left()`` (Esc or the back button), ``finished(summary)`` (the session ended;
    the summary page is showing), ``show_in_source_requested(Card)`` (S or V),
    ``edit_deck_requested(Card)`` (E), ``study_more_requested()`` (from the summary page).
    """

    left = Signal()
    finished = Signal(object)
    show_in_source_requested = Signal(object)
    edit_deck_requested = Signal(object)
    study_more_requested = Signal()

    def __init__(
        self,
        clock: Callable[[], datetime] = utc_now,
        tz: tzinfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.session: StudySession | None = None
        self.card: Card | None = None
        self.phase = "idle"  # idle | question | answer | finished
        self.proposed = Rating.GOOD
        self.summary: SessionSummary | None = None
        self._section_titles: dict[str, dict[str, str]] = {}  # per deck id, built when shown
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Study")

        self.pages = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        quiz_page = QWidget()
        page = QVBoxLayout(quiz_page)
        page.setContentsMargins(24, 14, 24, 14)
        page.setSpacing(10)
        top = QHBoxLayout()
        self.back_button = QPushButton("← Library")
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.setToolTip("Leave the quiz (Esc); your answers are already saved")
        self.back_button.clicked.connect(self.left)
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.position = QLabel()
        self.position.setProperty("role", "muted")
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.counts)
        top.addSpacing(16)
        top.addWidget(self.position)
        page.addLayout(top)
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setAccessibleName("Session progress")
        page.addWidget(self.progress_bar)

        self.card_view = CardView()
        self.card_view.option_chosen.connect(self.choose_option)
        self.card_view.typed_submitted.connect(self.submit_typed)
        sheet = QFrame()
        sheet.setProperty("role", "card")
        sheet.setMaximumWidth(CardView.MAX_WIDTH + 2 * 40)
        sheet_layout = QVBoxLayout(sheet)
        sheet_layout.setContentsMargins(40, 32, 40, 36)
        sheet_layout.addWidget(self.card_view)
        column = QWidget()
        centred = QHBoxLayout(column)
        centred.setContentsMargins(0, 20, 0, 12)
        centred.addStretch(1)
        centred.addWidget(sheet, 100)
        centred.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(column)
        holder_layout.addStretch(1)
        scroll.setWidget(holder)
        page.addWidget(scroll, 1)

        # The reveal button and the rating buttons are two pages of one stack as tall as the
        # taller: switching them on a reveal leaves every other widget where it was (a change
        # of height made Qt lay the card out again at every step).
        self.buttons = QStackedWidget()
        self.buttons.setMaximumWidth(CardView.MAX_WIDTH + 2 * 40)
        self.reveal_button = QPushButton("Show answer")
        self.reveal_button.setProperty("primary", True)
        self.reveal_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.reveal_button.setMinimumSize(260, 46)
        font = QFont(self.reveal_button.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.reveal_button.setFont(font)
        self.reveal_button.clicked.connect(self.reveal)
        self.reveal_button.setAccessibleDescription("Show the answer (Space or Enter)")
        reveal_page = self.reveal_page = QWidget()
        reveal_layout = QHBoxLayout(reveal_page)
        reveal_layout.setContentsMargins(0, 0, 0, 0)
        reveal_layout.addWidget(
            self.reveal_button,
            0,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
        )
        self.buttons.addWidget(reveal_page)
        self.rating_buttons: dict[Rating, RatingButton] = {}
        self.rating_row = QWidget()
        row = QHBoxLayout(self.rating_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        for rating in Rating:
            button = RatingButton(rating)
            button.clicked.connect(lambda _=False, r=rating: self.rate(r))
            row.addWidget(button)
            self.rating_buttons[rating] = button
        self.buttons.addWidget(self.rating_row)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.buttons, 100)
        bottom.addStretch(1)
        page.addLayout(bottom)
        self.hint = WrappedLabel()  # its few texts alternate: their heights are kept
        self.hint.setText(HINT_QUESTION)
        self.hint.setProperty("role", "small")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        page.addWidget(self.hint)
        self.pages.addWidget(quiz_page)

        self.summary_page = SummaryWidget(tz)
        self.summary_page.back_requested.connect(self.left)
        self.summary_page.study_more_requested.connect(self.study_more_requested)
        self.pages.addWidget(self.summary_page)
        self._set_phase("idle")
        self._describe()

    def _describe(self) -> None:
        """Say in words what the quiz shows, for screen readers: the card, then the keys."""

        def plain(text: str) -> str:
            return QTextDocumentFragment.fromHtml(text).toPlainText().strip()

        if self.phase == "finished":
            page = self.summary_page
            parts = [plain(page.title.text()), plain(page.next_label.text())]
        else:
            view = self.card_view
            parts = [plain(view.question.text())]
            parts += [f"{n}: {option}" for n, option in enumerate(view.options, start=1)]
            if self.phase == "answer":
                shown = (view.verdict, view.diff, view.answer)
                parts += [plain(label.text()) for label in shown if label.isVisibleTo(self)]
                parts.append(f"Proposed: {self.proposed.name.capitalize()}")
            parts.append(plain(self.hint.text()))
        self.setAccessibleDescription(". ".join(part for part in parts if part))

    # -- driving ---------------------------------------------------------------------------
    def start(self, session: StudySession) -> None:
        """Study with ``session`` (whose view is this widget): shows its first card."""
        self.session = session
        self.summary = None
        self._section_titles = {}
        self.pages.setCurrentIndex(0)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self._act(session.start)

    def _set_phase(self, phase: str) -> None:
        self.phase = phase
        self.hint.setText(HINT_ANSWER if phase == "answer" else HINT_QUESTION)
        self.buttons.setCurrentWidget(self.rating_row if phase == "answer" else self.reveal_page)
        self.buttons.setVisible(phase in ("question", "answer"))

    # -- SessionView -------------------------------------------------------------------------
    def show_question(self, card: Card, progress: Progress) -> None:
        """Show the question side of ``card`` and where the session stands."""
        self.card = card
        self.proposed = Rating.GOOD
        self.pages.setCurrentIndex(0)
        self._show_progress(progress)
        options = self._options(card)
        deck = self.session.deck_of(card) if self.session is not None else None
        path = deck.path if deck is not None else None
        self.card_view.media_folder = path.parent if path else None  # where its images are
        self.card_view.show_question(card, self._context(card), options)
        self._set_phase("question")
        if card.type is CardType.TYPED:
            self.reveal_button.setText("Check answer")
            self.hint.setText(HINT_TYPED)
            self.card_view.typed.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.reveal_button.setText("Show answer")
            if card.type is CardType.CHOICE:
                self.hint.setText(f"1–{len(options)} pick an answer  ·  " + HINT_QUESTION)
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        self._describe()

    def show_answer(
        self, card: Card, intervals: dict[Rating, timedelta], check: AnswerCheck | None
    ) -> None:
        """Show the answer side, each button's next interval, and the proposed rating."""
        self.card = card
        self.proposed = check.proposed if check is not None else Rating.GOOD
        self.card_view.show_answer(card, check)
        for rating, button in self.rating_buttons.items():
            button.set_interval(intervals.get(rating))
            button.set_proposed(rating == self.proposed)
        self._set_phase("answer")
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self._describe()

    def show_finished(self, summary: SessionSummary) -> None:
        """Show the end-of-session summary and emit ``finished``."""
        self.summary = summary
        self.card = None
        self._set_phase("finished")
        self.summary_page.show_summary(summary, self.clock())
        self.pages.setCurrentIndex(1)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self._describe()
        self.finished.emit(summary)

    # -- what the session tells us about the card ------------------------------------------
    def _options(self, card: Card) -> list[str]:
        """The choice options in the order the session shuffled them."""
        if card.type is not CardType.CHOICE or self.session is None:
            return []
        return list(self.session.options)

    def _context(self, card: Card) -> str:
        """The deck › section line above the question (the deck's section titles are worked
        out when its first card is shown, not for every card at the start)."""
        deck = self.session.deck_of(card) if self.session is not None else None
        if deck is None:
            return ""
        titles = self._section_titles.get(deck.id)
        if titles is None:
            titles = self._section_titles[deck.id] = section_titles(deck)
        return context_line(deck, titles, card.section)

    def _show_progress(self, progress: Progress) -> None:
        """Counts of new / learning / review cards left and a thin bar of the done share."""
        c = theme.colors()
        if self.session is not None and self.session.mode is ReviewMode.CRAM:
            so_far = self.session.summary()  # cheap in cram mode: no due-date query
            self.counts.setText(
                f'<b>Exam practice</b> &nbsp;·&nbsp; <span style="color:{c.good}">'
                f"{so_far.correct} of {so_far.answered} right so far</span>"
            )
        else:
            self.counts.setText(
                f'<span style="color:{c.easy}">{progress.new} new</span> &nbsp;·&nbsp; '
                f'<span style="color:{c.again}">{progress.learning} learning</span> &nbsp;·&nbsp; '
                f'<span style="color:{c.good}">{progress.review} review</span>'
            )
        total = progress.done + progress.remaining
        self.position.setText(f"{progress.done} done · {progress.remaining} to go")
        self.progress_bar.setAccessibleDescription(f"{progress.done} of {total} cards done")
        self.progress_bar.setRange(0, max(1, total))
        self.progress_bar.setValue(progress.done)

    # -- actions -----------------------------------------------------------------------------
    def _act(self, action: Callable[..., object], *args: object) -> None:
        """Run a session action; a failure (e.g. the disk is full) is shown, never raised."""
        try:
            action(*args)
        except StudyappError as error:
            c = theme.colors()
            self.hint.setText(f'<span style="color:{c.again}">{error}</span>')
            self._describe()

    def reveal(self) -> None:
        """Show the answer (on a typed card: check what was typed)."""
        if self.phase != "question" or self.card is None or self.session is None:
            return
        if self.card.type is CardType.TYPED:
            self.submit_typed(self.card_view.typed.text())
        else:
            self._act(self.session.reveal)

    def submit_typed(self, text: str) -> None:
        """Check a typed answer (Enter in the answer box)."""
        if self.phase == "question" and self.session is not None:
            self._act(self.session.answer_typed, text)

    def choose_option(self, index: int) -> None:
        """Pick option ``index`` (0-based) of a choice card."""
        options = self.card_view.options
        if self.phase == "question" and self.session is not None and 0 <= index < len(options):
            self._act(self.session.answer_choice, index)

    def rate(self, rating: Rating) -> None:
        """Answer the shown card with ``rating``."""
        if self.phase == "answer" and self.session is not None:
            self._act(self.session.rate, Rating(rating))

    def undo(self) -> None:
        """Take back the last answer (or bury/suspend) and show that card again."""
        if self.session is not None and self.session.can_undo:
            self._act(self.session.undo)

    def bury(self) -> None:
        """Hide the card on screen until tomorrow."""
        if self.session is not None and self.phase in ("question", "answer"):
            self._act(self.session.bury)

    def suspend(self) -> None:
        """Hide the card on screen until it is unsuspended."""
        if self.session is not None and self.phase in ("question", "answer"):
            self._act(self.session.suspend)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Anki's reviewer keys (see the module docstring)."""
        key, text = event.key(), event.text()
        if event.isAutoRepeat():  # a held-down key must not rate card after card
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.left.emit()
        elif event.matches(QKeySequence.StandardKey.Undo) or text.lower() == "u":
            self.undo()
        elif self.phase == "finished":
            self.summary_page.handle_key(event)
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.phase == "question":
                self.reveal()
            elif self.phase == "answer":
                self.rate(self.proposed)
        elif text.isdigit() and text != "0":
            number = int(text)
            if self.phase == "answer" and number <= 4:
                self.rate(Rating(number))
            elif self.phase == "question" and self.card and self.card.type is CardType.CHOICE:
                self.choose_option(number - 1)
        elif self.card is not None and text.lower() in ("s", "v"):
            self.show_in_source_requested.emit(self.card)
        elif self.card is not None and text.lower() == "e":
            self.edit_deck_requested.emit(self.card)
        elif text == "-":
            self.bury()
        elif text == "@":
            self.suspend()
        else:
            super().keyPressEvent(event)
            return
        event.accept()


def section_titles(deck: Deck) -> dict[str, str]:
    """Each section's number and title as the context line shows them, by section id."""
    return {s.id: f"{s.number} {s.title}".strip() for s in deck.sections}


def context_line(deck: Deck, titles: dict[str, str], section_id: str) -> str:
    """The line shown above a question: "Deck › A. Section" (the deck alone without one)."""
    section = titles.get(section_id, "")
    return f"{deck.title}  ›  {section}" if section else deck.title
