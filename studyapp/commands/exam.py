"""``studyapp exam``: set, list and clear exam dates; the schedule then aims at them.

``studyapp exam set DECK... --on 2027-01-15`` (``--section`` for one section of one deck),
``studyapp exam list`` (countdown, readiness, and whether the plan fits), ``studyapp exam
clear [DECK...]``. A deck is named by its id or its title.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from studyapp import paths
from studyapp.errors import StudyappError

if TYPE_CHECKING:
    from studyapp.model import Deck
    from studyapp.store.database import Store
    from studyapp.study.scheduler import Scheduler

ORDER = 35  # position in `studyapp --help`


def _exam_day(text: str) -> date:
    """An exam date as YYYY-MM-DD (argparse turns the error into a usage message)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2027-01-15"
        ) from None


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``exam`` subcommand with ``set``, ``list`` and ``clear``."""
    from studyapp.commands import add_location_options

    parser = subparsers.add_parser(
        "exam",
        help="set, list or clear exam dates",
        description="Study toward an exam: until its date, no review is pushed past the exam "
        "without one shortly before it, and new cards are spread so all are seen in time.",
    )
    actions = parser.add_subparsers(dest="exam_action", metavar="ACTION", required=True)
    set_parser = actions.add_parser("set", help="set (or move) the exam date of decks")
    set_parser.add_argument("names", nargs="+", metavar="DECK", help="deck id or title")
    set_parser.add_argument(
        "--on", required=True, type=_exam_day, metavar="DATE", help="the exam day, YYYY-MM-DD"
    )
    set_parser.add_argument(
        "--section", default="", metavar="ID", help="only this section of the (one) deck"
    )
    list_parser = actions.add_parser("list", help="list exams with countdown and readiness")
    clear_parser = actions.add_parser("clear", help="remove exam dates (all without DECK)")
    clear_parser.add_argument("names", nargs="*", metavar="DECK", help="deck id or title")
    clear_parser.add_argument("--section", metavar="ID", help="only this section's exam")
    for sub in (set_parser, list_parser, clear_parser):
        add_location_options(sub)


def find_decks(names: Sequence[str], decks: Sequence[Deck]) -> list[Deck]:
    """The decks named by id or (case-insensitive) title; an unknown name is an error that
    lists the decks there are."""
    found = []
    for name in names:
        match = [d for d in decks if d.id == name] or [
            d for d in decks if d.title.casefold() == name.casefold()
        ]
        if not match:
            known = ", ".join(d.id for d in decks) or "none loaded"
            raise StudyappError(f"no deck {name!r} (decks: {known})")
        found.extend(match)
    return list(dict.fromkeys(found))


def run(args: argparse.Namespace) -> int:
    """Do the action; 0 on success, 1 when decks have errors or a name is unknown."""
    from studyapp.commands import load_library
    from studyapp.store.database import Store
    from studyapp.study.exam import ExamCalendar
    from studyapp.study.preferences import stored_scheduler_settings
    from studyapp.study.scheduler import Scheduler

    now = datetime.now(UTC)
    loaded, folder = load_library(args)
    with Store.open(paths.database_path(folder)) as store:
        store.sync_decks(loaded.decks, now)
        exams = ExamCalendar(store.exam_days_by_card())
        scheduler = Scheduler(stored_scheduler_settings(store), exams=exams)
        if args.exam_action == "set":
            _set(store, scheduler, loaded.decks, args, now)
        elif args.exam_action == "clear":
            _clear(store, scheduler, loaded.decks, args)
        _list(store, scheduler, loaded.decks, now)
    return 1 if loaded.errors else 0


def _set(
    store: Store,
    scheduler: Scheduler,
    decks: Sequence[Deck],
    args: argparse.Namespace,
    now: datetime,
) -> None:
    from studyapp.study.exam_status import set_exam

    chosen = find_decks(args.names, decks)
    if args.section:
        if len(chosen) != 1:
            raise StudyappError("--section names a section of one deck; give exactly one DECK")
        if not chosen[0].cards_in_section(args.section):
            raise StudyappError(f"deck {chosen[0].id} has no cards in section {args.section!r}")
    if args.on <= scheduler.study_day(now):
        raise StudyappError(f"the exam day {args.on.isoformat()} has to be after today")
    set_exam(store, scheduler, [deck.id for deck in chosen], args.on, args.section)


def _clear(
    store: Store, scheduler: Scheduler, decks: Sequence[Deck], args: argparse.Namespace
) -> None:
    from studyapp.study.exam_status import clear_exams

    chosen = find_decks(args.names, decks) if args.names else None
    deck_ids = None if chosen is None else [deck.id for deck in chosen]
    removed = clear_exams(store, scheduler, deck_ids, args.section)
    print(f"cleared {removed} exam date{'s' if removed != 1 else ''}")


def _list(store: Store, scheduler: Scheduler, decks: Sequence[Deck], now: datetime) -> None:
    """One line per exam: date, countdown, deck (› section), readiness; then any warning."""
    from studyapp.study.exam_status import exam_statuses

    statuses = exam_statuses(store, decks, scheduler, now)
    if not statuses:
        print("no exam dates set (studyapp exam set DECK --on YYYY-MM-DD)")
        return
    for status in statuses:
        print(
            f"{status.exam.day.isoformat()}  {status.countdown:<16}  {status.scope}: "
            f"ready {status.readiness:.0%} ({status.cards - status.unseen} of {status.cards} "
            "cards studied)"
        )
        if status.message and status.days_left > 0:
            print(f"  {status.message}")
        for section, value in status.sections():
            title = f"{section.number} {section.title}".strip()
            print(f"  {title}: ready {value:.0%}")
