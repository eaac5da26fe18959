"""``studyapp stats``: per-deck progress (cards, due, new, mastered, answers) from the store."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from studyapp import paths

ORDER = 30  # position in `studyapp --help`


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``stats`` subcommand."""
    from studyapp.commands import add_location_options

    parser = subparsers.add_parser(
        "stats",
        help="show progress per deck",
        description="Show, per deck, how many cards there are, how many are due now, new and "
        "mastered, and how many answers were given. Reads the decks and the progress "
        "database (read-only when studyapp is running).",
    )
    add_location_options(parser)


def run(args: argparse.Namespace) -> int:
    """Print the per-deck table and totals; 1 when the decks have errors."""
    from studyapp.decks.load import load_decks
    from studyapp.store.database import Store
    from studyapp.store.dbfile import StoreLockedError

    now = datetime.now(UTC)
    folder = paths.data_dir(args.data_dir)
    loaded = load_decks(paths.library_paths(args.decks, folder))
    for problem in loaded.errors:
        print(problem.format())
    db_path = paths.database_path(folder)
    try:
        store = Store.open(db_path)
    except StoreLockedError:
        if not db_path.is_file():
            raise
        print("(studyapp is running: showing progress as last saved)")
        store = Store.open_read_only(db_path)
    else:
        store.sync_decks(loaded.decks, now)
    with store:
        counts = store.deck_counts(now)
        answers = store.review_counts()
        retention = store.true_retention()
    rows: list[tuple[str, list[int]]] = [
        (
            deck.title,
            [c.total, c.due, c.new, c.mastered, answers.get(deck.id, 0)],
        )
        for deck in loaded.decks
        if (c := counts.get(deck.id)) is not None
    ]
    header = ("deck", "cards", "due", "new", "mastered", "answers")
    width = max([len(header[0])] + [len(title) for title, _ in rows])
    print(f"{header[0]:<{width}}  " + "  ".join(f"{h:>8}" for h in header[1:]))
    for title, numbers in rows:
        print(f"{title:<{width}}  " + "  ".join(f"{n:>8}" for n in numbers))
    totals = [sum(numbers[i] for _, numbers in rows) for i in range(5)]
    print(f"{'total':<{width}}  " + "  ".join(f"{n:>8}" for n in totals))
    rate = retention.rate
    shown = "-" if rate is None else f"{rate:.0%} of {retention.total}"
    print(f"{len(rows)} decks; true retention {shown}")
    return 1 if loaded.errors else 0
