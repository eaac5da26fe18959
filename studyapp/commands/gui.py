"""``studyapp gui``: open the desktop app (the default command). Imports Qt only when run."""

from __future__ import annotations

import argparse

ORDER = 0  # position in `studyapp --help`


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``gui`` subcommand."""
    from studyapp.cli import add_location_options

    parser = subparsers.add_parser(
        "gui", help="open the study app (default)", description="Open the study app window."
    )
    add_location_options(parser)


def run(args: argparse.Namespace) -> int:
    """Start the Qt application and block until its window closes."""
    from studyapp.gui.app import run_app

    return run_app(decks=args.decks, data_dir=args.data_dir)
