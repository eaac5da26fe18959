"""``studyapp export DECKS... --to FILE``: decks as an Anki package or a CSV/TSV file."""

from __future__ import annotations

import argparse
from pathlib import Path

ORDER = 40  # position in `studyapp --help`
FORMATS = (".apkg", ".csv", ".tsv", ".txt")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``export`` subcommand."""
    parser = subparsers.add_parser(
        "export",
        help="write decks as an Anki package (.apkg) or a CSV/TSV file",
        description="Write deck files (or every deck in a folder) as an Anki package (.apkg: one "
        "Anki deck per deck, a subdeck per section, images as media; notes keep the card ids, "
        "so importing a new export into Anki updates them) or as CSV/TSV, one row a card, "
        "for Anki's and Quizlet's importers. Decks with errors are not exported.",
    )
    parser.add_argument(
        "decks", nargs="*", metavar="DECK", help="deck file or folder (default: the app's decks)"
    )
    parser.add_argument(
        "--to", required=True, metavar="FILE", help="the file to write: .apkg, .csv or .tsv"
    )


def run(args: argparse.Namespace) -> int:
    """Load the decks, refuse any with errors, write the file and say what it holds."""
    from studyapp import paths
    from studyapp.decks.load import load_decks
    from studyapp.wording import count

    out = Path(args.to)
    if out.suffix.lower() not in FORMATS:
        print(f"studyapp export: error: {out.name}: write .apkg, .csv or .tsv")
        return 2
    targets = [Path(p) for p in args.decks] if args.decks else paths.decks_dirs()
    loaded = load_decks(targets)
    if loaded.errors:
        for problem in loaded.errors:
            print(problem.format())
        print("nothing exported: fix the errors above first (studyapp validate)")
        return 1
    if out.suffix.lower() == ".apkg":
        from studyapp.exchange.anki_export import export_apkg

        result = export_apkg(loaded.decks, out)
        print(
            f"wrote {out}: {count(len(loaded.decks), 'deck')} as "
            f"{count(result.decks, 'Anki deck')}, {count(result.notes, 'note')}, "
            f"{count(result.media, 'image')} ({result.seconds:.1f} s)"
        )
    else:
        from studyapp.exchange.csv_io import export_csv

        rows = export_csv(loaded.decks, out)
        print(f"wrote {out}: {count(rows, 'card')} from {count(len(loaded.decks), 'deck')}")
    return 0
