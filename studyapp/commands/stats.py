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
        description="Show, per deck, how many cards there are, how many are due today, new, in "
        "learning and mastered, and how many answers were given (the same figures as the "
        "app's library and progress view). Reads the decks and the progress "
        "database; writes nothing.",
    )
    add_location_options(parser)


def run(args: argparse.Namespace) -> int:
    """Print the per-deck table and totals; 1 when the decks have errors."""
    from studyapp.commands import load_library
    from studyapp.store.database import Store
    from studyapp.study.preferences import stored_scheduler_settings
    from studyapp.study.progress import ProgressModel
    from studyapp.study.progress_report import totals
    from studyapp.study.scheduler import Scheduler
    from studyapp.wording import count

    now = datetime.now(UTC)
    loaded, folder = load_library(args)
    # Only reads: a copy in memory takes the deck sync, the file is never written.
    store = Store.snapshot(paths.database_path(folder))
    store.sync_decks(loaded.decks, now)
    with store:
        model = ProgressModel(store, Scheduler(stored_scheduler_settings(store)))
        figures = [f for f in model.decks(loaded.decks, now) if f.total]
        answers = store.review_counts()
        retention = store.true_retention()
    header = ("deck", "cards", "due", "new", "learning", "mastered", "answers")
    rows = [
        (
            f.deck.title,
            [f.total, f.due_today, f.new, f.learning, f.mastered, answers.get(f.deck.id, 0)],
        )
        for f in figures
    ]
    sums = totals(figures)
    all_answers = sum(answers.get(f.deck.id, 0) for f in figures)
    width = max([len(header[0])] + [len(title) for title, _ in rows])
    print(f"{header[0]:<{width}}  " + "  ".join(f"{h:>8}" for h in header[1:]))
    for title, numbers in rows:
        print(f"{title:<{width}}  " + "  ".join(f"{n:>8}" for n in numbers))
    summed = [sums.total, sums.due_today, sums.new, sums.learning, sums.mastered, all_answers]
    print(f"{'total':<{width}}  " + "  ".join(f"{n:>8}" for n in summed))
    rate = retention.rate
    shown = "-" if rate is None else f"{rate:.0%} of {retention.total}"
    print(
        f"{count(len(rows), 'deck')}; due means due today (the study day ends at "
        f"{model.scheduler.settings.day_rollover_hour}:00); true retention {shown}"
    )
    return 1 if loaded.errors else 0
