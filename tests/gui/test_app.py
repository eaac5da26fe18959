"""Starting the app: a broken or busy progress database is explained, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from studyapp import paths
from studyapp.gui import app as gui_app
from studyapp.gui.main_window import MainWindow
from studyapp.review_types import Rating
from studyapp.store.database import Store
from studyapp.study.preferences import WELCOME_DISMISSED_KEY
from studyapp.study.scheduler import Scheduler, SchedulerSettings
from tests.gui.conftest import START
from tests.read_only import run_seeing_read_only


def answer_next_dialog(button_text: str, seen: list[str]) -> None:
    """When a message box appears, note its text and press the button labelled ``button_text``."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.text() + "\n" + box.informativeText())
        for button in box.buttons():
            if button.text() == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r} in {[b.text() for b in box.buttons()]}")

    QTimer.singleShot(20, press)


def test_damaged_database_is_explained_and_the_app_quits_cleanly(qapp, deck_dir, tmp_path):
    """A corrupt progress file gives a dialog naming `studyapp doctor`, then exit code 1."""
    data = tmp_path / "data"
    data.mkdir()
    paths.database_path(data).write_bytes(b"this is not a database at all" * 100)
    seen: list[str] = []
    answer_next_dialog("Quit", seen)
    code = gui_app.run_app(decks=[str(deck_dir)], data_dir=str(data))
    assert code == 1
    [message] = seen
    assert "damaged" in message and "studyapp doctor" in message
    assert paths.database_path(data).read_bytes().startswith(b"this is not a database")


def test_busy_data_folder_can_be_opened_read_only(qapp, deck_dir, tmp_path):
    """With another studyapp holding the folder, "Open read-only" shows the decks anyway."""
    data = tmp_path / "data"
    holder = Store.open(paths.database_path(data))
    try:
        seen: list[str] = []
        answer_next_dialog("Open read-only", seen)
        opened: list[MainWindow] = []

        def close_when_open() -> None:
            windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
            shown = [w for w in windows if w.isVisible()]
            if not shown:
                QTimer.singleShot(20, close_when_open)
                return
            opened.extend(shown)
            shown[0].close()

        QTimer.singleShot(40, close_when_open)
        code = gui_app.run_app(decks=[str(deck_dir)], data_dir=str(data))
        assert code == 0
        assert "already running" in seen[0]
        [window] = opened
        assert window.ctx.read_only
        assert len(window.library.rows) == 2
    finally:
        holder.close()


def test_read_only_window_does_not_write(make_window, isolated_data_dir, qtbot):
    """In read-only mode reading and closing leave the database untouched."""
    Store.open(paths.database_path(isolated_data_dir)).close()
    window = make_window(read_only=True)
    window.open_reader("ketamine-anesthesia")
    qtbot.wait(50)
    window.close()
    assert window.store.read_sections("ketamine-anesthesia") == {}
    assert window.store.setting("ui.screen") is None


def test_unexpected_errors_are_logged_and_shown_not_fatal(qapp, tmp_path):
    """An error no one caught is written to studyapp.log and shown; the app keeps running."""
    previous = sys.excepthook
    seen: list[str] = []
    log_file = tmp_path / "data" / "studyapp.log"
    try:
        gui_app.install_excepthook(log_file=log_file)
        for message in ("boom in a slot", "second boom"):
            answer_next_dialog("OK", seen)
            try:
                raise RuntimeError(message)
            except RuntimeError as error:
                sys.excepthook(type(error), error, error.__traceback__)
    finally:
        sys.excepthook = previous
    assert "boom in a slot" in seen[0] and "second boom" in seen[1]
    logged = log_file.read_text(encoding="utf-8")
    assert logged.count(" ERROR unexpected error:") == 2  # appended, not overwritten
    assert "RuntimeError: boom in a slot" in logged and "Traceback" in logged


def test_an_unwritable_error_log_still_shows_the_error(qapp, tmp_path):
    """When studyapp.log cannot be written the error is still shown, and nothing else breaks."""
    previous = sys.excepthook
    seen: list[str] = []
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    try:
        gui_app.install_excepthook(log_file=blocker / "studyapp.log")
        answer_next_dialog("OK", seen)
        error = RuntimeError("boom with nowhere to log")
        sys.excepthook(RuntimeError, error, None)
    finally:
        sys.excepthook = previous
    assert "boom with nowhere to log" in seen[0]


def test_known_errors_show_their_own_message(qapp):
    """A store failure mid-session shows what went wrong and the doctor command, no traceback."""
    from studyapp.store.dbfile import StoreFullError

    previous = sys.excepthook
    seen: list[str] = []
    try:
        gui_app.install_excepthook()
        answer_next_dialog("OK", seen)
        error = StoreFullError("the disk is full: the last change was not saved")
        sys.excepthook(StoreFullError, error, None)
    finally:
        sys.excepthook = previous
    [message] = seen
    assert message.startswith("the disk is full")
    assert "studyapp doctor" in message
    assert "unexpected" not in message and "Traceback" not in message


def test_app_uses_the_configured_folders(qapp, deck_dir, isolated_data_dir, monkeypatch):
    """With STUDYAPP_DECKS set, the app opens those decks and keeps progress in the data folder."""
    monkeypatch.setenv("STUDYAPP_DECKS", str(deck_dir))
    opened: list[MainWindow] = []
    seen: list[str] = []
    previous = sys.excepthook

    def close_when_open() -> None:
        shown = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        if not shown:
            QTimer.singleShot(20, close_when_open)
            return
        opened.extend(shown)
        if shown[0].welcome is not None:
            shown[0].welcome.accept()
        answer_next_dialog("OK", seen)
        sys.excepthook(RuntimeError, RuntimeError("boom while open"), None)
        shown[0].close()

    QTimer.singleShot(40, close_when_open)
    try:
        assert gui_app.run_app() == 0
    finally:
        sys.excepthook = previous
    assert [row.deck_id for row in opened[0].library.rows] == [
        "ketamine-anesthesia",
        "ketamine-depression",
    ]
    assert Path(opened[0].store.path).parent == isolated_data_dir
    assert "boom while open" in seen[0]
    assert "boom while open" in (isolated_data_dir / "studyapp.log").read_text(encoding="utf-8")


def close_when_open(opened: list[MainWindow]) -> None:
    """Once the main window shows, note it and close it (ending ``run_app``)."""
    shown = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    if not shown:
        QTimer.singleShot(20, lambda: close_when_open(opened))
        return
    opened.extend(shown)
    if shown[0].welcome is not None:
        shown[0].welcome.accept()
    shown[0].close()


def studied_folder(data: Path, deck_dir: Path, answers: int = 12) -> Path:
    """A data folder with answers on the test decks and a backup holding them; the database."""
    from studyapp.decks.load import load_decks

    db = paths.database_path(data)
    scheduler = Scheduler(SchedulerSettings())
    decks = load_decks([deck_dir]).decks
    with Store.open(db, now=START) as store:
        store.sync_decks(decks, START)
        for n in range(answers):
            card = decks[0].cards[n % len(decks[0].cards)]
            at = START + timedelta(hours=n)
            state, entry = scheduler.review(card.id, store.card_state(card.id), Rating.GOOD, at)
            store.record_review(state, entry)
    Store.open(db, now=START + timedelta(days=1)).close()  # the backup of those answers
    return db


def test_emptied_database_offers_its_backup_and_restores_it(qapp, deck_dir, tmp_path):
    """A zero-length progress file is not shown as a fresh start: the dialog names the backup
    holding the answers, and "Restore backup" opens the app with all of them back."""
    db = studied_folder(tmp_path / "data", deck_dir)
    db.write_bytes(b"")
    seen: list[str] = []
    answer_next_dialog("Restore backup", seen)
    opened: list[MainWindow] = []
    QTimer.singleShot(40, lambda: close_when_open(opened))
    assert gui_app.run_app(decks=[str(deck_dir)], data_dir=str(tmp_path / "data")) == 0
    [message] = seen
    assert "is empty, but the backup progress-" in message and "holds 12 answers" in message
    assert "Restore progress-" in message
    assert not opened[0].ctx.read_only
    with Store.open_read_only(paths.database_path(tmp_path / "data")) as store:
        assert len(store.reviews()) == 12
    kept = [p.name for p in (tmp_path / "data" / "backups").iterdir()]
    assert any(name.startswith("before-restore-") for name in kept)  # the empty file, kept


def test_folder_in_place_of_the_database_is_explained(qapp, deck_dir, tmp_path):
    """A folder where the progress file goes gives the same clear sentence as the command
    line, not "unexpected error"; Quit ends the app."""
    from studyapp.store.dbfile import not_a_file_message

    db = paths.database_path(tmp_path / "data")
    db.mkdir(parents=True)
    seen: list[str] = []
    answer_next_dialog("Quit", seen)
    assert gui_app.run_app(decks=[str(deck_dir)], data_dir=str(tmp_path / "data")) == 1
    [message] = seen
    assert not_a_file_message(db) in message and "unexpected" not in message
    assert db.is_dir()


_READ_ONLY_CHILD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from studyapp.gui import app as gui_app
from studyapp.gui.main_window import MainWindow

app = QApplication([])

def look():
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        print("DIALOG", box.text().replace("\\n", " "))
        box.buttons()[-1].click()
    shown = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if not shown:
        QTimer.singleShot(20, look)
        return
    window = shown[0]
    if window.welcome is not None:
        window.welcome.accept()
    mark = window.findChild(QLabel, "read_only_mark")
    print("READ_ONLY", window.ctx.read_only)
    print("DECKS", len(window.library.rows))
    print("ANSWERS", len(window.store.reviews()))
    print("MARK", mark.text() if mark is not None else None)
    print("STATUS", window.statusBar().currentMessage())
    window.close()

QTimer.singleShot(50, look)
print("EXIT", gui_app.run_app(decks=[sys.argv[1]], data_dir=sys.argv[2]))
"""


def test_read_only_folder_opens_the_library_read_only_with_a_notice(deck_dir, tmp_path):
    """On a read-only disk the app opens the library read-only, says so, and changes nothing:
    no "unexpected error" about the deck cache, no dialog to get past."""
    data = tmp_path / "data"
    studied_folder(data, deck_dir)
    before = {p.name: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    child = run_seeing_read_only(data, "-c", _READ_ONLY_CHILD, str(deck_dir), str(data))
    lines = dict(line.split(" ", 1) for line in child.stdout.splitlines() if " " in line)
    assert "DIALOG" not in lines, child.stdout
    assert lines.get("EXIT") == "0", child.stdout + child.stderr
    assert lines["READ_ONLY"] == "True" and lines["DECKS"] == "2" and lines["ANSWERS"] == "12"
    assert lines["MARK"] == "Read-only: progress is not saved"
    assert "read-only" in lines["STATUS"] and str(data) in lines["STATUS"]
    assert {p.name: p.read_bytes() for p in data.rglob("*") if p.is_file()} == before


def test_the_hourly_backup_is_taken_after_the_window_is_up(qapp, deck_dir, tmp_path):
    """The window opens without waiting for the backup; it is taken beside it, on a worker."""
    from studyapp.store.backups import check_file, list_backups

    data = tmp_path / "data"
    db_path = paths.database_path(data)
    with Store.open(db_path) as store:
        store.set_setting(WELCOME_DISMISSED_KEY, True)  # progress worth a backup
    seen_at_show: list[int] = []
    threads: list[str] = []
    real_take = Store.take_backup

    def close_once_backed_up() -> None:
        shown = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        if not shown:
            QTimer.singleShot(10, close_once_backed_up)
            return
        if not seen_at_show:
            seen_at_show.append(len(list_backups(db_path)))
        if list_backups(db_path):
            shown[0].close()
        else:
            QTimer.singleShot(20, close_once_backed_up)

    def take_and_note(self: Store, now):  # the real backup, noting the thread it ran on
        threads.append(threading.current_thread().name)
        return real_take(self, now)

    QTimer.singleShot(10, close_once_backed_up)
    Store.take_backup = take_and_note  # type: ignore[method-assign]
    try:
        code = gui_app.run_app(decks=[str(deck_dir)], data_dir=str(data))
    finally:
        Store.take_backup = real_take  # type: ignore[method-assign]
    assert code == 0
    assert seen_at_show == [0]  # no backup yet when the window was first shown
    [backup] = list_backups(db_path)
    assert check_file(backup.path) == []
    assert threads and threads[0] != threading.main_thread().name


_LEAN_START_CHILD = """
import gc, sys, time
from studyapp.cli import main

def look(deadline):
    from PySide6.QtWidgets import QApplication
    from studyapp.gui.main_window import MainWindow

    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    later = not gc.isenabled() or QApplication.instance().windowIcon().isNull()
    waiting = not shown or not shown[0].isVisible() or later
    if waiting and time.monotonic() < deadline:  # collector and icon come a moment after
        QTimer.singleShot(20, lambda: look(deadline))
        return
    if not shown:
        QApplication.instance().quit()
        return
    if shown[0].welcome is not None:
        shown[0].welcome.accept()
    print("LOADED", " ".join(sorted(LATER & set(sys.modules))) or "-")
    print("COLLECTING", gc.isenabled(), gc.get_freeze_count())
    print("ICON", not QApplication.instance().windowIcon().isNull())
    shown[0].close()

LATER = {
    "studyapp.gui.exchange_flow", "studyapp.gui.exam_browser_flow", "studyapp.gui.text_import",
    "studyapp.gui.quiz", "studyapp.gui.reader", "studyapp.gui.stats", "studyapp.study.session",
    "hashlib", "PySide6.QtSvg", "yaml", "fsrs",
}
import studyapp.gui.app  # noqa: E402  (the command imports it too; this only adds a look)
from PySide6.QtCore import QTimer  # noqa: E402

QTimer.singleShot(0, lambda: look(time.monotonic() + float(sys.argv[3])))
print("EXIT", main(["gui", "--decks", sys.argv[1], "--data-dir", sys.argv[2]]))
"""


def test_start_loads_only_what_the_library_needs_and_collects_garbage_once_open(deck_dir, tmp_path):
    """`studyapp gui` opens the library without loading the other screens, the import and
    export code, OpenSSL or the YAML parser (the decks come from the cache); once the window
    is up it collects garbage again and has its icon."""
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with Store.open(paths.database_path(data)) as store:  # no welcome page in the way
        store.set_setting(WELCOME_DISMISSED_KEY, True)
    for deck in deck_dir.iterdir():  # saved a while ago: the cache keeps only settled files
        os.utime(deck, (deck.stat().st_atime - 60, deck.stat().st_mtime - 60))
    for wait in ("0", "10"):  # the first start writes the deck cache, the second reads it
        child = subprocess.run(
            [sys.executable, "-c", _LEAN_START_CHILD, str(deck_dir), str(data), wait],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
    lines = dict(line.split(" ", 1) for line in child.stdout.splitlines() if " " in line)
    assert lines.get("EXIT") == "0", child.stdout + child.stderr
    assert lines["LOADED"] == "-"
    assert lines["COLLECTING"] == "True 0"  # back on, nothing frozen: the app lives on
    assert lines["ICON"] == "True"
