"""One module per ``studyapp`` subcommand: ``register(subparsers)`` and ``run(args) -> int``.

:mod:`studyapp.cli` finds them here and runs the one asked for; the options several commands
share are defined once, below.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from studyapp.decks.load import LoadResult


def add_location_options(parser: argparse.ArgumentParser) -> None:
    """``--decks`` and ``--data-dir``, shared by the commands that open decks or progress."""
    parser.add_argument(
        "--decks",
        action="append",
        metavar="PATH",
        help="deck folder or file to use (repeatable; default: the shipped decks, "
        "or $STUDYAPP_DECKS)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder for the progress database (default: the user data folder, "
        "or $STUDYAPP_DATA_DIR)",
    )


def load_library(args: argparse.Namespace) -> tuple[LoadResult, Path]:
    """The decks of the library ``--decks``/``--data-dir`` name, each load error printed as
    ``file:line:col: message``; and the data folder."""
    from studyapp import paths
    from studyapp.decks.load import load_decks

    folder = paths.data_dir(args.data_dir)
    loaded = load_decks(paths.library_paths(args.decks, folder))
    for problem in loaded.errors:
        print(problem.format())
    return loaded, folder
