"""The layers hold: the core never imports Qt, so it runs and is tested headless."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import studyapp

PACKAGE_DIR = Path(studyapp.__file__).parent


def core_modules() -> list[str]:
    """Every module of the package outside studyapp.gui."""
    names = []
    for info in pkgutil.walk_packages([str(PACKAGE_DIR)], prefix="studyapp."):
        if info.name == "studyapp.gui" or info.name.startswith("studyapp.gui."):
            continue
        names.append(info.name)
    return names


def test_core_and_cli_do_not_load_pyside6():
    """Importing every core module and building the CLI loads no PySide6 module."""
    modules = [m for m in core_modules() if m != "studyapp.__main__"]
    assert "studyapp.cli" in modules and "studyapp.model" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "import studyapp.cli\n"
        "studyapp.cli.build_parser()\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "", f"core loaded Qt: {result.stdout}"


def test_gui_package_is_the_only_place_that_imports_qt():
    """No source file outside studyapp/gui names PySide6 in an import."""
    offenders = []
    for path in PACKAGE_DIR.rglob("*.py"):
        if "gui" in path.relative_to(PACKAGE_DIR).parts:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("import PySide6", "from PySide6")):
                offenders.append(f"{path}: {stripped}")
    assert offenders == []


def test_what_the_gui_command_loads_before_qt_is_qt_free_and_fsrs_free():
    """`studyapp gui` imports its core before Qt, and the library's recall needs no fsrs.

    Both keep start-up short (see studyapp.commands.gui and studyapp.scheduler).
    """
    code = (
        "import importlib, sys\n"
        "from datetime import UTC, datetime, timedelta\n"
        "from studyapp.commands.gui import CORE_BEFORE_QT\n"
        "for name in CORE_BEFORE_QT:\n"
        "    importlib.import_module(name)\n"
        "from studyapp.review_types import CardState, Phase\n"
        "from studyapp.scheduler import Scheduler\n"
        "now = datetime(2026, 3, 2, tzinfo=UTC)\n"
        "state = CardState(Phase.REVIEW, None, 5.0, 5.0, now, now - timedelta(days=3))\n"
        "assert 0 < Scheduler().retrievability(state, now) < 1\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'fsrs'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == ""
