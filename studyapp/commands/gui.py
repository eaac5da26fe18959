"""``studyapp gui``: open the desktop app (the default command). Imports Qt only when run."""

from __future__ import annotations

import argparse
import gc
import importlib

ORDER = 0  # position in `studyapp --help`

# The Qt-free modules the first window needs, imported before PySide6. Once PySide6 is loaded,
# its import hook (``shibokensupport.feature``) reads the whole source of every module imported
# after it, looking for PySide6 use: importing these first costs about 8 ms less at start-up.
CORE_BEFORE_QT = (
    "studyapp.paths",
    "studyapp.decks.load",
    "studyapp.decks.listing",
    "studyapp.store.database",
    "studyapp.study.scheduler",
    "studyapp.study.progress",
    "studyapp.study.preferences",
)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``gui`` subcommand."""
    from studyapp.commands import add_location_options

    parser = subparsers.add_parser(
        "gui", help="open the study app (default)", description="Open the study app window."
    )
    add_location_options(parser)


def run(args: argparse.Namespace) -> int:
    """Start the Qt application and block until its window closes."""
    gc.disable()  # until the start has settled: see studyapp.gui.app.resume_collection
    for name in CORE_BEFORE_QT:
        importlib.import_module(name)
    from studyapp.gui.pyside_fixes import keep_singletons_alive

    keep_singletons_alive()  # Qt-free: before PySide6, its ctypes import costs less (see above)
    from studyapp.gui.app import run_app

    return run_app(decks=args.decks, data_dir=args.data_dir)
