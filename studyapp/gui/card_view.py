"""How one quiz card looks, for each card type: question side, then answer side.

:class:`CardView` renders a :class:`~studyapp.model.Card` in large, readable type in a centred
column: basic question and answer; cloze with styled ``[…]`` blanks that are filled and
highlighted on reveal; list recall with numbered or bulleted items; multiple choice as numbered
option buttons with green/red feedback; typed answers in a line edit with the difference between
what was typed and what was expected. It holds no quiz logic: it reports clicks and submissions
through signals and the quiz screen (:mod:`studyapp.gui.quiz`) decides what they mean.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontInfo, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studyapp.gui import theme
from studyapp.gui.rich_text import has_media, media_html
from studyapp.gui.wrapped_label import WrappedLabel
from studyapp.model import Card, CardType
from studyapp.study.answers import AnswerCheck, DiffOp

CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::([^}]*))?\}\}", re.DOTALL)
_BOLD = re.compile(r"\*\*(.+?)\*\*")
BLANK = "[…]"


def inline_html(text: str) -> str:
    """Card text as safe rich text: escaped, ``**bold**`` kept, line breaks kept."""
    escaped = html.escape(text, quote=False)
    return _BOLD.sub(r"<b>\1</b>", escaped).replace("\n", "<br>")


def cloze_html(text: str, revealed: bool, inline: Callable[[str], str] = inline_html) -> str:
    """A cloze text with each deletion as a styled blank, or filled in and highlighted;
    ``inline`` turns the text around and inside the deletions into rich text."""
    c = theme.colors()
    out: list[str] = []
    last = 0
    for match in CLOZE.finditer(text):
        out.append(inline(text[last : match.start()]))
        answer, hint = match.group(1), match.group(2)
        if revealed:
            out.append(
                f'<span style="background-color:{c.highlight}; font-weight:600;">'
                f"&nbsp;{inline(answer)}&nbsp;</span>"
            )
        else:
            shown = f"[{hint}]" if hint else BLANK
            out.append(
                f'<span style="background-color:{c.accent_soft}; color:{c.accent}; '
                f'font-weight:600;">&nbsp;{html.escape(shown)}&nbsp;</span>'
            )
        last = match.end()
    out.append(inline(text[last:]))
    return "".join(out)


def list_html(
    items: Sequence[str], ordered: bool, inline: Callable[[str], str] = inline_html
) -> str:
    """Items of a list card as a numbered or bulleted list."""
    tag = "ol" if ordered else "ul"
    rows = "".join(f"<li style='margin-bottom:4px'>{inline(i)}</li>" for i in items)
    return f"<{tag} style='margin-left:0px'>{rows}</{tag}>"


def diff_html(check: AnswerCheck) -> str:
    """Two lines: what was typed (wrong parts struck through in red) and what was expected
    (the parts not typed underlined in green)."""
    c = theme.colors()
    typed, expected = [], []
    for op, text in check.diff:
        piece = html.escape(text).replace(" ", "&nbsp;")
        if op is DiffOp.SAME:
            typed.append(piece)
            expected.append(piece)
        elif op is DiffOp.EXTRA:
            typed.append(
                f'<span style="color:{c.again}; text-decoration:line-through;">{piece}</span>'
            )
        else:
            expected.append(
                f'<span style="color:{c.good}; text-decoration:underline; '
                f'font-weight:600;">{piece}</span>'
            )
    given = "".join(typed) if check.given.strip() else f'<i style="color:{c.muted}">(nothing)</i>'
    # judged against an accepted variant ("11"): the card's own answer ("A.D. 11") too
    answer = (
        f'<tr><td style="color:{c.muted}">Answer&nbsp;&nbsp;</td>'
        f"<td>{html.escape(check.answer)}</td></tr>"
        if check.answer
        else ""
    )
    return (
        f'<table cellspacing="0" cellpadding="3">'
        f'<tr><td style="color:{c.muted}">You typed&nbsp;&nbsp;</td><td>{given}</td></tr>'
        f'<tr><td style="color:{c.muted}">Expected&nbsp;&nbsp;</td>'
        f"<td>{''.join(expected)}</td></tr>{answer}</table>"
    )


def verdict_text(check: AnswerCheck) -> tuple[str, str]:
    """A short verdict and its colour name: correct, a typo away, or wrong."""
    if check.correct:
        return "✓ Correct", "good"
    if check.close:
        return "≈ Almost — one small slip", "hard"
    return "✗ Not quite", "again"


def _plain_text(card: Card) -> str:
    """What the card shows as plain text: the cloze filled in, else the question."""
    if card.type is CardType.CLOZE:
        return CLOZE.sub(lambda m: m.group(1), card.text)
    return card.question


def _same_text(a: str, b: str) -> bool:
    """True when two texts differ only in case, spacing and punctuation (the source line
    would just repeat the card)."""

    def words(text: str) -> list[str]:
        return re.findall(r"\w+", text.casefold())

    return words(a) == words(b)


def _label(role: str = "", scale: float = 1.0, bold: bool = False) -> WrappedLabel:
    label = WrappedLabel()
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if role:
        label.setProperty("role", role)
    if scale != 1.0 or bold:
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
    return label


class CardView(QWidget):
    """One card, question then answer. Signals: ``option_chosen(int)`` (0-based index of the
    clicked choice) and ``typed_submitted(str)`` (Enter in the answer box)."""

    option_chosen = Signal(int)
    typed_submitted = Signal(str)

    MAX_WIDTH = 760

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card: Card | None = None
        self.options: list[str] = []
        self.media_folder: Path | None = None  # the deck's folder: where its images are
        self.setMaximumWidth(self.MAX_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        self.context = _label("small")
        self.question = _label(scale=1.65, bold=False)
        self.typed = QLineEdit()
        self.typed.setPlaceholderText("Type your answer, then press Enter")
        self.typed.setAccessibleName("Your answer")
        self.typed.setAccessibleDescription("Type the answer, then press Enter to check it")
        font = QFont(self.typed.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.typed.setFont(font)
        self.typed.installEventFilter(self)
        self.options_box = QWidget()
        self.options_layout = QVBoxLayout(self.options_box)
        self.options_layout.setContentsMargins(0, 4, 0, 4)
        self.options_layout.setSpacing(8)
        self.option_buttons: list[QPushButton] = []  # the current card's (of the pool)
        self._option_pool: list[QPushButton] = []
        self.rule = QFrame()
        self.rule.setFixedHeight(1)
        self.rule.setStyleSheet(f"background:{theme.colors().border}; border:none;")
        self.verdict = _label(scale=1.15, bold=True)
        self.answer = _label(scale=1.4)
        self.diff = _label(scale=1.15)
        self.source = _label("small")
        for widget in (self.context, self.question, self.options_box, self.typed):
            layout.addWidget(widget)
        # The answer side is filled in while hidden and then shown at once: each widget shown
        # in a visible window makes Qt lay the whole window out there and then.
        self.answer_side = QWidget()
        answer_layout = QVBoxLayout(self.answer_side)
        answer_layout.setContentsMargins(0, 0, 0, 0)
        answer_layout.setSpacing(layout.spacing())
        for widget in (self.rule, self.verdict, self.diff, self.answer, self.source):
            answer_layout.addWidget(widget)
        layout.addWidget(self.answer_side)

    # -- question side -----------------------------------------------------------------------
    def show_question(self, card: Card, context: str, options: Sequence[str] = ()) -> None:
        """The question side of ``card``; ``options`` are the choices of a choice card."""
        self.card = card
        self.options = list(options)
        rule_style = f"background:{theme.colors().border}; border:none;"
        if self.rule.styleSheet() != rule_style:  # the theme changed (restyling costs a polish)
            self.rule.setStyleSheet(rule_style)
        self.context.setText(html.escape(context))
        self.context.setVisible(bool(context))
        if card.type is CardType.CLOZE:
            self.question.setText(cloze_html(card.text, False, self._rich_for(self.question)))
        else:
            self.question.setText(self._rich_for(self.question)(card.question))
        self._build_options(self.options if card.type is CardType.CHOICE else [])
        is_typed = card.type is CardType.TYPED
        self.typed.setVisible(is_typed)
        self.typed.clear()
        self.typed.setReadOnly(False)
        self.answer_side.setVisible(False)
        self._size_changed()
        if is_typed:
            self.typed.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_options(self, options: Sequence[str]) -> None:
        """Numbered option buttons (1..n); they never take focus, so keys keep working.

        The buttons are kept from card to card and styled by one style sheet on their box:
        making and styling new ones took most of the step to a choice card. They are set up
        with the box hidden, so the window is laid out once when it shows.
        """
        self.options_box.setVisible(False)
        sheet = self._options_sheet()
        if self.options_box.styleSheet() != sheet:  # first use, or the theme or font changed
            self.options_box.setStyleSheet(sheet)
        while len(self._option_pool) < len(options):
            index = len(self._option_pool)
            button = QPushButton()
            button.setProperty("role", "option")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, i=index: self.option_chosen.emit(i))
            self.options_layout.addWidget(button)
            self._option_pool.append(button)
        for index, button in enumerate(self._option_pool):
            if index < len(options):
                button.setText(f"{index + 1}   {options[index]}")
                self._set_option_state(button, "")
            button.setVisible(index < len(options))
        self.option_buttons = self._option_pool[: len(options)]
        self.options_box.setVisible(bool(options))

    def _options_sheet(self) -> str:
        """The option buttons' style: plain, ``right`` (green), ``wrong`` (red) or ``dim``."""
        c = theme.colors()
        size = self.font().pointSizeF() * 1.15
        base = f"text-align:left; padding:10px 14px; border-radius:8px; font-size:{size:.1f}pt;"
        button = 'QPushButton[role="option"]'
        return (
            f"{button} {{ {base} }}"
            f'{button}[state="right"] {{ border:2px solid {c.good}; color:{c.good}; }}'
            f'{button}[state="wrong"] {{ border:2px solid {c.again}; color:{c.again}; }}'
            f'{button}[state="dim"] {{ color:{c.muted}; }}'
        )

    @staticmethod
    def _set_option_state(button: QPushButton, state: str) -> None:
        """Give an option button its look for ``state`` (see :meth:`_options_sheet`)."""
        if button.property("state") == state:
            return
        button.setProperty("state", state)
        style = button.style()
        style.unpolish(button)
        style.polish(button)
        button.update()

    # -- answer side -------------------------------------------------------------------------
    def show_answer(self, card: Card, check: AnswerCheck | None) -> None:
        """The answer side: the answer (per type), feedback on a typed or chosen answer."""
        self.card = card
        self.answer_side.setVisible(False)  # shown once it is filled in, below
        self.rule.setVisible(card.type is not CardType.CHOICE)
        self.answer.setVisible(True)
        if card.type is CardType.CLOZE:
            self.question.setText(cloze_html(card.text, True, self._rich_for(self.question)))
            self.answer.setVisible(False)
            self.rule.setVisible(False)
        elif card.type is CardType.LIST:
            self.answer.setText(list_html(card.items, card.ordered, self._rich_for(self.answer)))
        elif card.type is CardType.CHOICE:
            self.answer.setVisible(False)
            self._mark_options(card, check)
        else:
            self.answer.setText(self._rich_for(self.answer)(card.answer))
        if card.type is CardType.TYPED:
            self.typed.setReadOnly(True)
            self.typed.setVisible(False)
            self.answer.setVisible(check is None)
        self.diff.setVisible(card.type is CardType.TYPED and check is not None)
        if check is not None and card.type is CardType.TYPED:
            self.diff.setText(diff_html(check))
        self.verdict.setVisible(check is not None)
        if check is not None:
            text, color = verdict_text(check)
            self.verdict.setText(
                f'<span style="color:{getattr(theme.colors(), color)}">{html.escape(text)}</span>'
            )
        show_source = bool(card.source) and not _same_text(card.source, _plain_text(card))
        self.source.setVisible(show_source)
        if show_source:
            self.source.setText("Source: “" + self._rich_for(self.source)(card.source) + "”")
        parts = (self.rule, self.verdict, self.diff, self.answer, self.source)
        self._size_changed()
        self.answer_side.setVisible(any(not part.isHidden() for part in parts))

    def _size_changed(self) -> None:
        """Tell the widgets around the card, up to the scroll area's widget, that its size
        changed.

        Qt keeps each widget's size hints in its parent's layout and forgets them only when
        told; with word-wrapped text nested this deep, a card after a taller one kept the
        taller one's height (blank space spread between its lines) unless told here.
        """
        widget: QWidget | None = self
        while widget is not None and not widget.isWindow():
            widget.updateGeometry()
            parent = widget.parentWidget()
            if parent is None or isinstance(parent.parentWidget(), QAbstractScrollArea):
                break  # ``widget`` is the scroll area's widget (``parent`` its viewport)
            widget = parent

    def _rich_for(self, label: QLabel) -> Callable[[str], str]:
        """Rich text for ``label``: images and formulas drawn at its font size, in its colour
        (see :mod:`studyapp.gui.rich_text`); plain text as :func:`inline_html` makes it."""

        def rich(text: str) -> str:
            if not has_media(text):
                return inline_html(text)
            return media_html(
                text,
                self.media_folder,
                inline_html,
                color=theme.colors().text,
                pixel_size=QFontInfo(label.font()).pixelSize(),
                max_width=self.MAX_WIDTH - 40,
            )

        return rich

    def _mark_options(self, card: Card, check: AnswerCheck | None) -> None:
        """Right option green, a wrong pick red, the rest dimmed."""
        chosen = check.given if check is not None else None
        for button, text in zip(self.option_buttons, self.options, strict=True):
            if text == card.answer:
                state = "right"
            elif text == chosen:
                state = "wrong"
            else:
                state = "dim"
            self._set_option_state(button, state)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the answer box submits it and is consumed (it must not also rate)."""
        if (
            watched is self.typed
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not self.typed.isReadOnly()
        ):
            self.typed_submitted.emit(self.typed.text())
            return True
        return super().eventFilter(watched, event)
