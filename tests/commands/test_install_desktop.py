"""`studyapp install-desktop` puts the launcher, icons and metainfo in the XDG folders and
`--uninstall` takes them away again."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from studyapp import paths
from studyapp.cli import main
from studyapp.commands import install_desktop


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh $XDG_DATA_HOME, so no test touches the real desktop."""
    folder = tmp_path / "xdg data"  # a space, as in many home folders
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG folders are Linux's")
def test_install_puts_launcher_icons_and_metainfo_where_the_desktop_looks(
    data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After install-desktop the menu entry, every icon size and the metainfo are there."""
    assert main(["install-desktop"]) == 0
    app_id = paths.APP_ID
    launcher = data_home / "applications" / f"{app_id}.desktop"
    assert launcher.is_file()
    assert (data_home / "metainfo" / f"{app_id}.metainfo.xml").is_file()
    assert (data_home / "icons/hicolor/scalable/apps" / f"{app_id}.svg").is_file()
    for size in (16, 32, 48, 128, 256, 512):
        assert (data_home / f"icons/hicolor/{size}x{size}/apps/{app_id}.png").is_file()
    out = capsys.readouterr().out
    assert f"installed {launcher}" in out
    exec_lines = [line for line in launcher.read_text().splitlines() if line.startswith("Exec=")]
    assert exec_lines == [f"Exec={install_desktop.exec_line(install_desktop.launcher_command())}"]


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG folders are Linux's")
def test_uninstall_removes_exactly_what_install_put_there(
    data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--uninstall leaves no studyapp file behind and keeps other apps' files."""
    other = data_home / "applications" / "other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n")
    assert main(["install-desktop"]) == 0
    assert main(["install-desktop", "--uninstall"]) == 0
    left = [p for p in data_home.rglob("*") if p.is_file() and paths.APP_ID in p.name]
    assert left == []
    assert other.is_file()
    assert main(["install-desktop", "--uninstall"]) == 0
    assert "nothing to remove" in capsys.readouterr().out


NEEDS_DESKTOP_FILE_VALIDATE = pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="needs desktop-file-utils"
)


@NEEDS_DESKTOP_FILE_VALIDATE
def test_the_installed_launcher_is_a_valid_desktop_entry(data_home: Path) -> None:
    """The launcher as installed (its Exec line rewritten) passes desktop-file-validate."""
    assert main(["install-desktop"]) == 0
    launcher = data_home / "applications" / f"{paths.APP_ID}.desktop"
    result = subprocess.run(
        ["desktop-file-validate", str(launcher)], capture_output=True, text=True, timeout=60
    )
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_the_launcher_starts_this_installation() -> None:
    """The command is the studyapp-gui beside this Python, or this Python with -m studyapp."""
    command = install_desktop.launcher_command()
    script = Path(sys.executable).parent / install_desktop.GUI_SCRIPT
    expected = [str(script)] if script.is_file() else [sys.executable, "-m", "studyapp"]
    assert command == expected


def test_exec_arguments_with_spaces_and_specials_are_quoted_as_the_spec_asks() -> None:
    """Paths with spaces, dollars, quotes, backslashes and percents survive the Exec line."""
    line = install_desktop.exec_line(["/home/ann smith/$venv/bin/py", "-m", "study%app", 'a"b\\c'])
    assert line == ('"/home/ann smith/\\\\$venv/bin/py" -m study%%app "a\\\\"b\\\\\\\\c"')
    assert install_desktop.exec_line(["/opt/venv/bin/studyapp-gui"]) == "/opt/venv/bin/studyapp-gui"


def test_xdg_data_home_falls_back_to_local_share(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unset or relative $XDG_DATA_HOME means ~/.local/share, as the XDG spec says."""
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert install_desktop.xdg_data_home() == Path.home() / ".local" / "share"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    assert install_desktop.xdg_data_home() == Path.home() / ".local" / "share"


def test_on_windows_and_macos_it_says_how_to_start_the_app(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Where there are no XDG folders the command names studyapp-gui and python -m studyapp."""
    monkeypatch.setattr(sys, "platform", "win32")
    assert main(["install-desktop"]) == 1
    err = capsys.readouterr().err
    assert "studyapp-gui" in err and "python -m studyapp" in err
