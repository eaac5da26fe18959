"""The quiz screen, driven by keyboard and mouse over a real session, store and scheduler."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from studyapp.gui.card_view import BLANK, cloze_html
from studyapp.gui.quiz import QuizWidget, context_line, section_titles
from studyapp.model import Card, CardType, Deck, Section
from studyapp.review_types import Rating, ReviewMode
from studyapp.store.database import Store
from studyapp.study.scheduler import Scheduler, SchedulerSettings, format_interval
from studyapp.study.session import StudySession
from tests.gui.keyboard import reveal_by_keyboard

START = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


class Clock:
    """A UTC clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


def quiz_deck() -> Deck:
    """Two cards of each type, each from its own source sentence."""
    cards = [
        Card("b1", CardType.BASIC, "What does ketamine block?", "The NMDA receptor", section="A"),
        Card("b2", CardType.BASIC, "Ketamine is what kind of anesthetic?", "Dissociative"),
        Card("z1", CardType.CLOZE, text="Ketamine keeps {{c1::airway reflexes}} intact."),
        Card("z2", CardType.CLOZE, text="Induction dose is {{c1::1 to 2}} mg/kg IV."),
        Card("l1", CardType.LIST, "Name two routes.", items=("IV", "IM"), ordered=True),
        Card("l2", CardType.LIST, "Name two effects.", items=("Analgesia", "Amnesia")),
        Card("m1", CardType.CHOICE, "Main enzyme?", "CYP3A4", distractors=("CYP2D6", "COMT")),
        Card("m2", CardType.CHOICE, "Receptor?", "NMDA", distractors=("GABA-A", "Opioid mu")),
        Card("t1", CardType.TYPED, "Active metabolite?", "norketamine"),
        Card("t2", CardType.TYPED, "Isomer sold as a nasal spray?", "esketamine"),
    ]
    cards = [replace(c, source=f"Sentence behind {c.id}.") for c in cards]
    sections = (Section("T", "Ketamine", 1), Section("A", "Mechanism", 2, number="A."))
    return Deck("ket", "Ketamine basics", sections, tuple(cards))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A real progress database in a fresh folder, with the quiz deck synced."""
    opened = Store.open(tmp_path / "data" / "progress.db", backups=0, now=START)
    opened.sync_decks([quiz_deck()], START)
    yield opened
    opened.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def quiz(qtbot, clock: Clock) -> QuizWidget:
    widget = QuizWidget(clock=clock, tz=UTC)
    qtbot.addWidget(widget)
    widget.resize(900, 650)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def start(quiz: QuizWidget, store: Store, clock: Clock, mode=ReviewMode.REVIEW) -> StudySession:
    """A real session over the quiz deck, shown in ``quiz``."""
    import random

    deck = quiz_deck()
    scheduler = Scheduler(SchedulerSettings(), tz=UTC)
    session = StudySession(
        store, scheduler, [deck], quiz, mode=mode, clock=clock, rng=random.Random(5)
    )
    quiz.start(session)
    return session


def answer_correctly(qtbot, quiz: QuizWidget, clock: Clock) -> None:
    """Answer the card on screen right, by keyboard only."""
    clock.now += timedelta(seconds=6)
    reveal_by_keyboard(qtbot, quiz)


def test_whole_session_by_keyboard_ends_in_a_summary(qtbot, quiz, store, clock):
    """Space, digits and typing answer every card; the log holds each answer; a summary shows."""
    session = start(quiz, store, clock)
    seen_types: set[CardType] = set()
    answers = 0
    with qtbot.waitSignal(quiz.finished, timeout=5000) as finished:
        while quiz.phase != "finished":
            assert answers < 60, "the session never ended"
            seen_types.add(quiz.card.type)
            answer_correctly(qtbot, quiz, clock)
            # accept the proposed rating (Good) with Space; Easy with 4 every third answer
            if answers % 3 == 2:
                qtbot.keyClick(quiz, "4")
            else:
                qtbot.keyClick(quiz, Qt.Key.Key_Space)
            answers += 1
    assert seen_types == set(CardType)
    log = store.reviews()
    assert len(log) == answers and {e.card_id for e in log} == {c.id for c in quiz_deck().cards}
    assert all(e.rating in (Rating.GOOD, Rating.EASY) for e in log)
    summary = finished.args[0]
    assert summary.answered == answers and summary.correct == answers
    assert quiz.pages.currentIndex() == 1
    page = quiz.summary_page
    assert page.values["answered"].text() == str(answers)
    assert page.values["accuracy"].text() == "100 %"
    assert page.values["time"].text() == f"{round(answers * 6 / 60)} min"
    assert page.title.text() == "Session complete"
    # every card graduated to days away: the next one is due on a later day
    assert summary.next_due is not None and summary.next_due > START + timedelta(hours=12)
    assert page.next_label.text().startswith("Next card due ")
    assert session.progress.remaining == 0


def test_rating_buttons_show_the_sessions_intervals(qtbot, quiz, store, clock):
    """After revealing, each button shows its next interval and Good is preselected."""
    session = start(quiz, store, clock)
    while quiz.card.type in (CardType.TYPED, CardType.CHOICE):
        answer_correctly(qtbot, quiz, clock)
        qtbot.keyClick(quiz, "3")
    qtbot.keyClick(quiz, Qt.Key.Key_Return)
    assert quiz.phase == "answer" and quiz.rating_row.isVisible()
    assert not quiz.reveal_button.isVisible()
    intervals = session.intervals
    shown = [quiz.rating_buttons[r].interval.text() for r in Rating]
    assert shown == [format_interval(intervals[r]) for r in Rating]
    assert shown[0] == "1m" and shown[3].endswith("d")
    assert quiz.rating_buttons[Rating.GOOD].proposed
    assert not quiz.rating_buttons[Rating.AGAIN].proposed


def test_card_fits_its_text_and_nothing_moves_on_reveal(qtbot, quiz, store, clock):
    """Every card's sheet is as tall as its text (no blank space after a taller card), and a
    reveal leaves the question and the row of buttons where they were."""
    start(quiz, store, clock)
    sheet = quiz.card_view.parentWidget()
    assert isinstance(sheet, QWidget)
    layout = sheet.layout()
    assert layout is not None

    def fits() -> bool:
        QApplication.processEvents()
        return sheet.height() == layout.totalHeightForWidth(sheet.width())

    shown = 0
    while quiz.phase == "question":
        assert fits(), f"blank space in the question of {quiz.card.id}"
        question_at = quiz.card_view.question.mapTo(quiz, quiz.card_view.question.rect().topLeft())
        buttons_at = quiz.buttons.geometry()
        answer_correctly(qtbot, quiz, clock)
        assert fits(), f"blank space in the answer of {quiz.card.id}"
        assert quiz.card_view.question.mapTo(quiz, quiz.card_view.question.rect().topLeft()) == (
            question_at
        )
        assert quiz.buttons.geometry() == buttons_at
        qtbot.keyClick(quiz, "3")
        shown += 1
    assert shown >= len(quiz_deck().cards)


def test_typed_answer_enter_submits_and_shows_the_difference(qtbot, quiz, store, clock):
    """Digits and Space type into the box; Enter checks; a typo shows the diff and proposes Hard."""
    session = start(quiz, store, clock)
    while quiz.card.type is not CardType.TYPED:
        answer_correctly(qtbot, quiz, clock)
        qtbot.keyClick(quiz, "4")
    card = quiz.card
    assert quiz.card_view.typed.hasFocus()
    typo = card.answer[:3] + card.answer[4:]  # one letter left out
    qtbot.keyClicks(quiz.card_view.typed, "1 " + typo)
    assert quiz.phase == "question" and quiz.card_view.typed.text() == "1 " + typo
    quiz.card_view.typed.setText(typo)
    qtbot.keyClick(quiz.card_view.typed, Qt.Key.Key_Enter)
    assert quiz.phase == "answer"
    assert store.reviews() != [] and len(store.reviews()) == session.progress.done  # not rated
    assert quiz.proposed is Rating.HARD and quiz.rating_buttons[Rating.HARD].proposed
    diff = quiz.card_view.diff.text()
    assert quiz.card_view.diff.isVisible() and "You typed" in diff and "Expected" in diff
    assert "underline" in diff  # the missing letter is marked
    assert "Almost" in quiz.card_view.verdict.text()
    done = session.progress.done
    qtbot.keyClick(quiz, Qt.Key.Key_Space)  # accepts the proposed Hard
    assert store.reviews()[-1].rating is Rating.HARD and session.progress.done == done + 1


def test_choice_by_number_key_gives_feedback(qtbot, quiz, store, clock):
    """A wrong option picked with its number turns red, the right one green; Again is proposed."""
    start(quiz, store, clock)
    while quiz.card.type is not CardType.CHOICE:
        answer_correctly(qtbot, quiz, clock)
        qtbot.keyClick(quiz, "4")
    card = quiz.card
    options = quiz.card_view.options
    assert sorted(options) == sorted([card.answer, *card.distractors])
    wrong = next(i for i, text in enumerate(options) if text != card.answer)
    right = options.index(card.answer)
    qtbot.keyClick(quiz, str(wrong + 1))
    buttons = quiz.card_view.option_buttons
    assert buttons[wrong].property("state") == "wrong"
    assert buttons[right].property("state") == "right"
    assert "Not quite" in quiz.card_view.verdict.text()
    assert quiz.proposed is Rating.AGAIN and quiz.rating_buttons[Rating.AGAIN].proposed
    qtbot.keyClick(quiz, Qt.Key.Key_Return)
    assert store.reviews()[-1].rating is Rating.AGAIN


def test_choice_by_mouse_click(qtbot, quiz, store, clock):
    """Clicking the right option marks it green and proposes Good."""
    start(quiz, store, clock)
    while quiz.card.type is not CardType.CHOICE:
        answer_correctly(qtbot, quiz, clock)
        qtbot.keyClick(quiz, "4")
    right = quiz.card_view.options.index(quiz.card.answer)
    qtbot.mouseClick(quiz.card_view.option_buttons[right], Qt.MouseButton.LeftButton)
    assert quiz.card_view.option_buttons[right].property("state") == "right"
    assert quiz.proposed is Rating.GOOD


@pytest.mark.parametrize("undo_key", ["u", "ctrl+z"])
def test_undo_restores_the_previous_card(qtbot, quiz, store, clock, undo_key):
    """U or Ctrl+Z takes back the last answer: that card's question returns, its log entry goes."""
    start(quiz, store, clock)
    first = quiz.card
    answer_correctly(qtbot, quiz, clock)
    qtbot.keyClick(quiz, "4")
    assert quiz.card != first and len(store.reviews()) == 1
    if undo_key == "u":
        qtbot.keyClick(quiz, "u")
    else:
        qtbot.keyClick(quiz, "z", Qt.KeyboardModifier.ControlModifier)
    assert quiz.card == first and quiz.phase == "question"
    assert store.reviews() == [] and store.card_state(first.id) is None


def test_undo_with_nothing_to_undo_does_nothing(qtbot, quiz, store, clock):
    """U on the first card changes nothing and raises nothing."""
    start(quiz, store, clock)
    first = quiz.card
    qtbot.keyClick(quiz, "u")
    assert quiz.card == first and quiz.phase == "question"


def test_escape_leaves_and_keys_ask_for_source_and_edit(qtbot, quiz, store, clock):
    """Esc emits left; S and V ask for the card's source, E for its deck file."""
    start(quiz, store, clock)
    card = quiz.card
    with qtbot.waitSignal(quiz.show_in_source_requested) as source:
        qtbot.keyClick(quiz, "s")
    assert source.args == [card]
    with qtbot.waitSignal(quiz.show_in_source_requested):
        qtbot.keyClick(quiz, "v")
    with qtbot.waitSignal(quiz.edit_deck_requested) as edit:
        qtbot.keyClick(quiz, "e")
    assert edit.args == [card]
    with qtbot.waitSignal(quiz.left):
        qtbot.keyClick(quiz, Qt.Key.Key_Escape)


def test_escape_in_the_typed_box_leaves_too(qtbot, quiz, store, clock):
    """Esc works while typing an answer."""
    start(quiz, store, clock)
    while quiz.card.type is not CardType.TYPED:
        answer_correctly(qtbot, quiz, clock)
        qtbot.keyClick(quiz, "4")
    qtbot.keyClicks(quiz.card_view.typed, "sE-@u")  # letters that are keys elsewhere are text
    assert quiz.card_view.typed.text() == "sE-@u" and quiz.phase == "question"
    with qtbot.waitSignal(quiz.left):
        qtbot.keyClick(quiz.card_view.typed, Qt.Key.Key_Escape)


def test_bury_and_suspend_take_the_card_away(qtbot, quiz, store, clock):
    """'-' buries and '@' suspends the card on screen, the next one follows; undo restores."""
    session = start(quiz, store, clock)
    first = quiz.card
    qtbot.keyClick(quiz, "-")
    second = quiz.card
    assert second != first and session.progress.remaining == 9
    qtbot.keyClick(quiz, "@")
    assert quiz.card not in (first, second) and session.progress.remaining == 8
    assert store.due_card_ids(["ket"], START + timedelta(days=400)) == []
    qtbot.keyClick(quiz, "u")
    assert quiz.card == second


def test_progress_line_counts_new_cards(qtbot, quiz, store, clock):
    """The top line shows the new/learning/review counts and done/remaining."""
    start(quiz, store, clock)
    assert "10 new" in quiz.counts.text() and "0 learning" in quiz.counts.text()
    assert quiz.position.text() == "0 done · 10 to go"
    answer_correctly(qtbot, quiz, clock)
    qtbot.keyClick(quiz, "3")  # Good on a new card: it comes back as learning
    assert "9 new" in quiz.counts.text() and "1 learning" in quiz.counts.text()
    assert quiz.position.text() == "1 done · 10 to go"
    assert quiz.progress_bar.value() == 1 and quiz.progress_bar.maximum() == 11


def test_context_line_names_deck_and_section(qtbot, quiz, store, clock):
    """Above each question: the deck title and the card's section."""
    deck = quiz_deck()
    titles = section_titles(deck)
    assert context_line(deck, titles, "A") == "Ketamine basics  ›  A. Mechanism"
    assert context_line(deck, titles, "") == "Ketamine basics"
    start(quiz, store, clock)
    assert quiz.card_view.context.text().startswith("Ketamine basics")


def test_cloze_blank_is_shown_then_filled():
    """A cloze shows a styled […] blank, and the highlighted answer on reveal."""
    text = "Ketamine keeps {{c1::airway reflexes}} intact."
    question, answer = cloze_html(text, False), cloze_html(text, True)
    assert BLANK in question and "airway" not in question
    assert "airway reflexes" in answer and BLANK not in answer and "background-color" in answer


def test_cram_mode_shows_a_score_and_no_intervals(qtbot, quiz, store, clock):
    """A cram run leaves intervals blank and ends with a score."""
    start(quiz, store, clock, mode=ReviewMode.CRAM)
    answered = 0
    while quiz.phase != "finished":
        answer_correctly(qtbot, quiz, clock)
        assert quiz.rating_buttons[Rating.GOOD].interval.text().strip() == ""
        qtbot.keyClick(quiz, "1" if answered == 0 else "3")
        answered += 1
        if quiz.phase == "question":
            assert f"{answered - 1} of {answered} right so far" in quiz.counts.text()
    assert answered == 10
    assert quiz.summary_page.title.text() == "Score: 9 / 10"
    assert quiz.summary_page.values["accuracy"].text() == "90 %"
    assert "do not change your schedule" in quiz.summary_page.next_label.text()
    assert store.card_states() == {}


def test_a_learning_card_45_minutes_off_ends_the_session_with_when(qtbot, quiz, store, clock):
    """Again on the only new card with a 45-minute step: the summary says when it is due
    ("in 45 min"), and u brings the card back."""
    import random

    settings = SchedulerSettings(new_per_day=1, learning_steps=(timedelta(minutes=45),))
    session = StudySession(
        store, Scheduler(settings, tz=UTC), [quiz_deck()], quiz, clock=clock, rng=random.Random(5)
    )
    quiz.start(session)
    first = quiz.card
    answer_correctly(qtbot, quiz, clock)
    qtbot.keyClick(quiz, "1")
    assert quiz.phase == "finished"
    assert quiz.summary_page.title.text() == "Session complete"
    assert quiz.summary_page.next_label.text() == "Next card due in 45 min (at 12:45)."
    qtbot.keyClick(quiz, "u")
    assert quiz.phase == "question" and quiz.card == first


def test_summary_keys_go_back_or_study_more(qtbot, quiz, store, clock):
    """On the summary, Space asks to study more and Esc leaves."""
    session = start(quiz, store, clock)
    session.finish()
    assert quiz.phase == "finished" and quiz.summary_page.title.text() == (
        "Nothing to study right now"
    )
    with qtbot.waitSignal(quiz.study_more_requested):
        qtbot.keyClick(quiz, Qt.Key.Key_Space)
    with qtbot.waitSignal(quiz.left):
        qtbot.keyClick(quiz, Qt.Key.Key_Escape)


def test_keys_work_right_after_opening(qtbot, store, clock):
    """Right after start the quiz takes keyboard focus from whatever had it (the typed box on
    a typed card)."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    other = QLineEdit()  # e.g. a search box on the screen the student came from
    quiz = QuizWidget(clock=clock, tz=UTC)
    layout.addWidget(other)
    layout.addWidget(quiz)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    other.setFocus()
    assert QApplication.focusWidget() is other
    start(quiz, store, clock)
    assert QApplication.focusWidget() is quiz
    while quiz.card.type is not CardType.TYPED:
        answer_correctly(qtbot, quiz, clock)
        qtbot.keyClick(quiz, "4")
    assert QApplication.focusWidget() is quiz.card_view.typed
    qtbot.keyClick(quiz.card_view.typed, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is quiz  # after checking, Space/1-4 rate again


def test_buttons_work_by_mouse(qtbot, quiz, store, clock):
    """Show answer and a rating button can be clicked; the click records that rating."""
    start(quiz, store, clock)
    while quiz.card.type in (CardType.TYPED, CardType.CHOICE):
        answer_correctly(qtbot, quiz, clock)
        qtbot.keyClick(quiz, "4")
    done = len(store.reviews())
    qtbot.mouseClick(quiz.reveal_button, Qt.MouseButton.LeftButton)
    assert quiz.phase == "answer"
    qtbot.mouseClick(quiz.rating_buttons[Rating.HARD], Qt.MouseButton.LeftButton)
    assert len(store.reviews()) == done + 1 and store.reviews()[-1].rating is Rating.HARD


def test_undo_on_the_summary_brings_the_last_card_back(qtbot, quiz, store, clock):
    """U after the last answer leaves the summary and shows that card's question again."""
    start(quiz, store, clock)
    while quiz.phase != "finished":
        answer_correctly(qtbot, quiz, clock)
        last = quiz.card
        qtbot.keyClick(quiz, "4")
    answers = len(store.reviews())
    qtbot.keyClick(quiz, "u")
    assert quiz.phase == "question" and quiz.pages.currentIndex() == 0 and quiz.card == last
    assert len(store.reviews()) == answers - 1


def test_a_held_down_key_does_not_rate_several_cards(qtbot, quiz, store, clock):
    """Auto-repeated Space (a key held down) is ignored; one press is one step."""
    start(quiz, store, clock)
    while quiz.card.type in (CardType.TYPED, CardType.CHOICE):
        answer_correctly(qtbot, quiz, clock)
        qtbot.keyClick(quiz, "4")
    card = quiz.card
    repeat = QKeyEvent(
        QEvent.Type.KeyPress, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, " ", True
    )
    QApplication.sendEvent(quiz, repeat)
    assert quiz.phase == "question" and quiz.card == card
