"""The wheel stands alone: built, then installed into a fresh virtual environment away from the
checkout, it has its commands, its decks, its desktop files, and it opens the window and studies.

This test builds and installs (18 to 30 s here with pip's cache warm, most of it installing
PySide6), so it is marked ``slow``: CI runs it, ``-m 'not slow'`` skips it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import studyapp
from studyapp import paths
from tests.locations import ROOT

# Run inside the installed app: open the main window offscreen on the shipped decks, answer
# one card, grab the window, and report what it saw.
OPEN_AND_STUDY = """
import sys
from pathlib import Path
from studyapp import paths
from studyapp.gui import theme
from studyapp.gui.app import build_main_window, give_icon, identify_application
from studyapp.review_types import Rating

data = Path(sys.argv[1])
app = theme.create_application(["studyapp"])
identify_application(app)
give_icon(app)
window = build_main_window(paths.library_paths(None, data), data)
window.show()
app.processEvents()
window.study_all_due()
window.quiz.reveal()
window.quiz.rate(Rating.GOOD)
app.processEvents()
window.grab().save(sys.argv[2])
print(paths.shipped_decks_dir())
print(len(window.decks), len(window.store.reviews()), app.windowIcon().isNull())
window.store.close()
"""


def run(command: list[str | Path], cwd: Path, env: dict[str, str]) -> str:
    """Run a command; its output, or a failure that shows what it printed."""
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.mark.slow
def test_the_wheel_installed_alone_validates_its_decks_and_opens_the_window(tmp_path: Path):
    """From a fresh venv outside the checkout: --version, validate, the window, one answer."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "STUDYAPP_DECKS", "VIRTUAL_ENV", "PYTHONHOME")
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["STUDYAPP_DATA_DIR"] = str(tmp_path / "data")
    dist = tmp_path / "dist"
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, ROOT], tmp_path, env)
    (wheel,) = dist.glob("studyapp-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "studyapp/docs/deck.schema.json" in names
    assert "studyapp/cards/data/english-words.txt" in names  # the card generator's words
    assert f"studyapp/desktop/applications/{paths.APP_ID}.desktop" in names
    assert f"studyapp/desktop/icons/hicolor/scalable/apps/{paths.APP_ID}.svg" in names
    assert any(n.startswith("studyapp/shipped_decks/") and n.endswith(".yaml") for n in names)
    metadata = zipfile.ZipFile(wheel).read(
        f"studyapp-{studyapp.__version__}.dist-info/entry_points.txt"
    )
    assert b"[gui_scripts]\nstudyapp-gui = studyapp.cli:gui_main" in metadata

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", venv], tmp_path, env)
    bin_dir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    python = bin_dir / "python"
    run([python, "-m", "pip", "install", "-q", wheel], tmp_path, env)
    assert (bin_dir / "studyapp-gui").exists() or (bin_dir / "studyapp-gui.exe").exists()

    version = run([bin_dir / "studyapp", "--version"], tmp_path, env)
    assert version.strip() == f"studyapp {studyapp.__version__}"
    checked = run([bin_dir / "studyapp", "validate"], tmp_path, env)
    assert checked.strip().endswith("0 errors, 0 warnings"), checked

    shot = tmp_path / "window.png"
    seen = run([python, "-c", OPEN_AND_STUDY, tmp_path / "data", shot], tmp_path, env)
    decks_dir, figures = seen.strip().splitlines()[-2:]
    assert Path(decks_dir).is_relative_to(venv), "the decks must come from the installed wheel"
    deck_count, reviews, icon_missing = figures.split()
    assert int(deck_count) == len(list(paths.shipped_decks_dir().glob("*.yaml")))
    assert (reviews, icon_missing) == ("1", "False")
    assert shot.stat().st_size > 10_000  # a real picture of the window, not an empty grab
