"""``studyapp validate PATH...``: check deck files and print every problem with its line:col."""

from __future__ import annotations

import argparse
from pathlib import Path

ORDER = 20  # position in `studyapp --help`


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``validate`` subcommand."""
    parser = subparsers.add_parser(
        "validate",
        help="check deck files and report every problem with file:line:col",
        description="Check YAML deck files (or every *.yaml / *.yml in a folder) and print each "
        "problem as path:line:col: error|warning: message, then a summary. Exit status: 0 "
        "when there are no errors (warnings allowed), 1 when there are errors, 2 for bad usage.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="deck file or folder of decks (default: the decks the app opens: the shipped "
        "decks, or $STUDYAPP_DECKS)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="treat warnings as errors (exit 1 if any)"
    )


def run(args: argparse.Namespace) -> int:
    """Load the decks, print every problem and a summary line; 1 if any error."""
    from studyapp import paths
    from studyapp.decks.load import load_decks
    from studyapp.wording import count

    targets = [Path(p) for p in args.paths] if args.paths else paths.decks_dirs()
    result = load_decks(targets)
    for problem in result.problems:
        print(problem.format())
    cards = sum(len(deck.cards) for deck in result.decks)
    errors, warnings = len(result.errors), len(result.warnings)
    summary = (
        f"{count(len(result.decks), 'deck')}, {count(cards, 'card')}: "
        f"{count(errors, 'error')}, {count(warnings, 'warning')}"
    )
    not_loaded = len(result.files) - len(result.decks)
    if not_loaded:
        summary += f" ({count(not_loaded, 'file')} not loaded)"
    print(summary)
    return 1 if errors or (args.strict and warnings) else 0
