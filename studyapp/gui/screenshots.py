"""Render every screen of the app to PNG files, in light and dark, without a display.

``python -m studyapp.gui.screenshots docs/screenshots/`` builds the real app on the shipped decks
(or ``STUDYAPP_DECKS``) over a temporary data folder with a seeded review history, then saves
the library, welcome, reader, quiz (question, answer, multiple choice, typed answer with its
diff, summary), progress and settings screens as ``<screen>-<theme>.png``; then, in the light
theme, the same screens as the window first opens on a 1024×600 netbook screen and maximised
on a 1920×1080 one, as ``sizes/<screen>-light-<screen size>.png``.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from studyapp import paths
from studyapp.gui.app import build_main_window, open_store
from studyapp.gui.main_window import MainWindow
from studyapp.gui.quiz import QuizWidget
from studyapp.gui.sample_history import write_history
from studyapp.model import Card, CardType
from studyapp.review_types import Rating
from studyapp.study import preferences

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
WINDOW_SIZE = (1180, 780)
# Screen sizes every screen must stay usable at: the window as it first opens on the small
# one (studyapp.gui.geometry), maximised on the large one.
SCREEN_SIZES = ((1024, 600), (1920, 1080))
SIZES_FOLDER = "sizes"
SCREENS = (
    "library",
    "browser",
    "exam-dates",
    "welcome",
    "reader",
    "quiz-question",
    "quiz-answer",
    "quiz-choice",
    "quiz-typed",
    "summary",
    "progress",
    "settings",
)


def settle(app: QApplication, rounds: int = 3) -> None:
    """Let layouts and deferred work finish before a grab."""
    for _ in range(rounds):
        app.processEvents()


def with_dialog(window: QWidget, dialog: QWidget) -> QPixmap:
    """The window dimmed, with ``dialog`` drawn over its centre (as a user would see it)."""
    base = window.grab()
    painter = QPainter(base)
    painter.fillRect(base.rect(), QColor(0, 0, 0, 90))
    shot = dialog.grab()
    x = (base.width() - shot.width()) // 2
    y = (base.height() - shot.height()) // 2
    painter.drawPixmap(QPoint(x, y), shot)
    painter.setPen(QColor(0, 0, 0, 60))
    painter.drawRect(x - 1, y - 1, shot.width() + 1, shot.height() + 1)
    painter.end()
    return base


def prepare_data(data: Path, deck_paths: list[Path], theme: str) -> None:
    """A data folder with weeks of seeded reviews and the chosen theme."""
    from studyapp.decks.load import load_decks
    from studyapp.study.exam_status import replan
    from studyapp.study.scheduler import Scheduler

    decks = load_decks(deck_paths).decks
    store = open_store(data)
    try:
        store.sync_decks(decks, NOW - timedelta(days=50))
        scheduler = Scheduler(preferences.stored_scheduler_settings(store), UTC)
        # Decks begun at different times (the last one not yet), so the library shows a mix.
        rng = random.Random(7)
        for index, deck in enumerate(decks[:-1]):
            days = max(3, 40 - 9 * index)
            write_history(
                store,
                scheduler,
                [deck],
                NOW - timedelta(days=days),
                NOW - timedelta(hours=3),
                rng,
                new_per_day=4,
            )
        # An exam in three weeks for the first two decks, and one for the last deck (not
        # begun: the plan warns that it will not fit) in five days.
        exam_decks = [deck.id for deck in decks[:2]]
        store.set_exam(exam_decks, (NOW + timedelta(days=21)).date())
        store.set_exam([decks[-1].id], (NOW + timedelta(days=5)).date())
        replan(store, scheduler, [deck.id for deck in decks])
        store.set_setting("ui.theme", theme)
        store.set_setting("ui.welcome_dismissed", True)
        for index, deck in enumerate(decks[:-1]):  # earlier decks read further
            for section in deck.sections[: max(1, len(deck.sections) - 3 * index)]:
                store.mark_section_read(deck.id, section.id, NOW - timedelta(days=40))
    finally:
        store.close()


class TickingClock:
    """A clock that moves a few seconds on each reading, so time spent is not zero."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=4)
        return self.now


def quiz_of(window: MainWindow) -> QuizWidget:
    """The window's quiz screen (it exists once a session was started)."""
    if window.quiz is None:
        raise RuntimeError("no study session was started")
    return window.quiz


def advance_to(window: MainWindow, wanted: Callable[[Card], bool], limit: int = 400) -> bool:
    """Answer cards (mostly Good, some Again) until the quiz shows one ``wanted`` accepts."""
    quiz = quiz_of(window)
    for _ in range(limit):
        card = quiz.card
        if quiz.phase != "question" or card is None:
            return False
        if wanted(card):
            return True
        if card.type is CardType.TYPED:
            quiz.submit_typed(card.answer)
        elif card.type is CardType.CHOICE:
            quiz.choose_option(quiz.card_view.options.index(card.answer))
        else:
            quiz.reveal()
        lapse = len(window.store.reviews()) % 5 == 3  # now and then the student forgets
        quiz.rate(Rating.AGAIN if lapse else quiz.proposed)
    return False


def quiz_card_of_type(window: MainWindow, kind: CardType) -> bool:
    """Open a quiz on the section holding a card of ``kind`` and go to that card.

    New and due cards come first, so the answer shows real intervals (a review session);
    if none is reachable that way, the section is practised (cram).
    """
    states = window.store.card_states()
    candidates = [
        (deck, card)
        for deck in window.decks
        for card in deck.cards
        if card.type is kind and card.section
    ]
    now = window.ctx.clock()

    def waiting(card: Card) -> bool:
        """Seen and not due yet: only reachable by practising."""
        state = states.get(card.id)
        return state is not None and state.due > now

    candidates.sort(key=lambda pair: waiting(pair[1]))
    for cram in (False, True):
        for deck, card in candidates:
            window.start_quiz([deck], section=card.section, cram=cram)
            if advance_to(window, lambda c, wanted=card.id: c.id == wanted):  # type: ignore[misc]
                return True
    return False


def window_size_on(screen: tuple[int, int]) -> tuple[int, int]:
    """The window's size on a screen of this size: as it first opens, or maximised on a
    screen larger than the window wants."""
    from studyapp.gui.geometry import PREFERRED_SIZE, first_geometry

    width, height = screen
    if width > PREFERRED_SIZE.width() + 200:
        return screen  # maximised: the whole screen (a desktop's panels are not drawn)
    size = first_geometry(QRect(0, 0, width, height)).size()
    return size.width(), size.height()


def render_theme(
    app: QApplication,
    out: Path,
    deck_paths: list[Path],
    theme: str,
    screen: tuple[int, int] | None = None,
) -> list[Path]:
    """Every screen in one theme (as on a ``screen`` of that size, when given); returns the
    files written."""
    size = window_size_on(screen) if screen else WINDOW_SIZE
    suffix = f"-{screen[0]}x{screen[1]}" if screen else ""
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="studyapp-shots-") as tmp:
        data = Path(tmp)
        prepare_data(data, deck_paths, theme)
        window = build_main_window(
            deck_paths,
            data,
            clock=TickingClock(NOW),
            tz=UTC,
            open_file=lambda _p: None,
            rng=random.Random(3),
        )
        window.resize(*size)
        window.show()
        window.show_library()
        settle(app)

        def save(name: str, pixmap: QPixmap | None = None) -> None:
            settle(app)
            path = out / f"{name}-{theme}{suffix}.png"
            (pixmap or window.grab()).save(str(path))
            written.append(path)

        save("library")
        welcome = window.show_welcome()
        settle(app)
        save("welcome", with_dialog(window, welcome))
        welcome.reject()

        deck = window.decks[0]
        section = max(deck.sections[:8], key=lambda s: len(s.body))
        window.open_reader(deck.id, section.id)
        save("reader")

        if quiz_card_of_type(window, CardType.CHOICE):
            save("quiz-choice")
        if quiz_card_of_type(window, CardType.TYPED):
            quiz = quiz_of(window)
            answer = quiz.card.answer if quiz.card is not None else ""
            typo = answer[:-2] + answer[-1:] if len(answer) > 4 else "x"  # one letter dropped
            QTest.keyClicks(quiz.card_view.typed, typo)
            QTest.keyClick(quiz.card_view.typed, Qt.Key.Key_Return)
            save("quiz-typed")
            quiz.rate(quiz.proposed)

        window.study_all_due()
        quiz = quiz_of(window)
        if advance_to(window, lambda c: c.type in (CardType.BASIC, CardType.CLOZE)):
            save("quiz-question")
            quiz.reveal()
            save("quiz-answer")
            quiz.rate(quiz.proposed)
        for _ in range(8):
            advance_to(window, lambda c: False, limit=1)
        if quiz.phase != "finished" and window.session is not None:
            window.session.finish()
        save("summary")

        window.show_progress()
        save("progress")

        from studyapp.gui.exam_dialog import ExamDialog

        window.show_library()
        exams = ExamDialog(window.store, window.decks, window.scheduler, window.ctx.clock, window)
        exams.show()
        settle(app)
        save("exam-dates", with_dialog(window, exams))
        exams.reject()

        browser = window.exams_and_browser.browse_cards()  # the shipped decks: at once
        if browser is not None:
            browser.resize(*size)
            browser.deck_box.setCurrentIndex(1)
            browser.view.sortByColumn(8, Qt.SortOrder.AscendingOrder)  # recall, lowest first
            save("browser", browser.grab())
            browser.close()

        from studyapp.gui.settings_dialog import SettingsDialog

        window.show_library()
        dialog = SettingsDialog(preferences.load_preferences(window.store), window)
        if screen:
            dialog.fit_to_screen(QRect(0, 0, *screen))
        dialog.show()
        settle(app)
        save("settings", with_dialog(window, dialog))
        dialog.reject()
        window.close()
        window.store.close()
    return written


def main(argv: list[str] | None = None) -> int:
    """Write the screenshots into the folder given on the command line."""
    args = list(sys.argv[1:] if argv is None else argv)
    out = Path(args[0] if args else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(["studyapp-screenshots"])
    deck_paths = paths.decks_dirs()
    files: list[Path] = []
    for theme in ("light", "dark"):
        files += render_theme(app, out, deck_paths, theme)  # type: ignore[arg-type]
    sizes = out / SIZES_FOLDER
    sizes.mkdir(exist_ok=True)
    for screen in SCREEN_SIZES:
        files += render_theme(app, sizes, deck_paths, "light", screen)  # type: ignore[arg-type]
    expected = [f"{s}-{t}.png" for t in ("light", "dark") for s in SCREENS]
    expected += [f"{SIZES_FOLDER}/{s}-light-{w}x{h}.png" for w, h in SCREEN_SIZES for s in SCREENS]
    missing = [name for name in expected if not (out / name).exists()]
    sys.stderr.write(f"wrote {len(files)} screenshots to {out}\n")
    if missing:
        sys.stderr.write("missing: " + ", ".join(missing) + "\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
