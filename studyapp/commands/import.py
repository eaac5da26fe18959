"""``studyapp import FILE``: an Anki package or a CSV/TSV file becomes YAML decks.

(The module is named for the command, as every command module is; Python code never
imports it by name, :mod:`studyapp.cli` loads it with ``importlib``.)
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

ORDER = 45  # position in `studyapp --help`


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``import`` subcommand."""
    from studyapp.commands import add_location_options

    parser = subparsers.add_parser(
        "import",
        help="turn an Anki package (.apkg/.colpkg) or a CSV/TSV file into decks",
        description="Turn an Anki package (.apkg, .colpkg) or a CSV/TSV export of Anki or "
        "Quizlet into YAML decks that validate, with images as files beside them. A package "
        "that carries scheduling brings its review history into your progress, replayed with "
        "FSRS. Nothing is written when the file is refused.",
    )
    parser.add_argument("file", metavar="FILE", help="the .apkg, .colpkg, .csv, .tsv or .txt")
    parser.add_argument(
        "--out",
        metavar="DIR",
        help="folder for the decks (default: your own decks in the data folder, which the "
        "app shows)",
    )
    parser.add_argument("--no-history", action="store_true", help="leave the review history out")
    add_location_options(parser)


def run(args: argparse.Namespace) -> int:
    """Import the file, print what came in and what was left out; 1 when refused."""
    from studyapp import paths
    from studyapp.decks.load import load_decks
    from studyapp.wording import count

    source = Path(args.file)
    folder = paths.data_dir(args.data_dir)
    out = Path(args.out) if args.out else paths.imported_decks_dir(folder)
    library = load_decks(paths.library_paths(args.decks, folder)).decks
    in_use = {  # an id another deck file of the library uses may not be imported again
        some_id: deck.path
        for deck in library
        if deck.path is not None
        for some_id in (deck.id, *(card.id for card in deck.cards))
    }
    if source.suffix.lower() in (".csv", ".tsv", ".txt"):
        from studyapp.exchange.csv_io import import_csv

        result = import_csv(source, out, in_use)
        print(f"wrote {result.files[0]}: {count(len(result.deck.cards), 'card')}")
        for line in result.skipped:
            print(f"left out: {line}")
        return 0
    from studyapp.exchange.anki_import import import_anki_package

    imported = import_anki_package(source, out, in_use=in_use)
    cards = sum(len(deck.cards) for deck in imported.decks)
    print(
        f"wrote {count(len(imported.files), 'deck')} to {out}: {count(cards, 'card')}, "
        f"{count(imported.images, 'image')} ({imported.seconds:.1f} s)"
    )
    for line in imported.skipped:
        print(f"left out: {line}")
    if imported.reviews and not args.no_history:
        from studyapp.exchange.history import store_history
        from studyapp.store.database import Store
        from studyapp.study.preferences import stored_scheduler_settings
        from studyapp.study.scheduler import Scheduler

        with Store.open(paths.database_path(folder)) as store:
            scheduler = Scheduler(stored_scheduler_settings(store))
            report = store_history(imported, store, scheduler, datetime.now(UTC))
        print(
            f"history: {count(report.answers, 'answer')} of {count(report.cards, 'card')} "
            f"added to your progress, {count(report.suspended, 'card')} suspended"
        )
    return 0
