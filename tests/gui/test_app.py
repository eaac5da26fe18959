"""Starting the app: a broken or busy progress database is explained, never a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from studyapp import paths
from studyapp.gui import app as gui_app
from studyapp.gui.main_window import MainWindow
from studyapp.store.database import Store


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
