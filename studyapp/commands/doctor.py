"""``studyapp doctor``: check the progress database; list or restore backups; rebuild state."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from studyapp import paths

ORDER = 40  # position in `studyapp --help`


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``doctor`` subcommand."""
    from studyapp.commands import add_location_options

    parser = subparsers.add_parser(
        "doctor",
        help="check the progress database, restore a backup, or rebuild card state",
        description="Check the progress database (integrity, schema, card state against the "
        "review log) and its backups. Without options only reads; --restore and --rebuild "
        "need studyapp to be closed.",
    )
    add_location_options(parser)
    action = parser.add_mutually_exclusive_group()
    action.add_argument(
        "--list-backups", action="store_true", help="list the automatic backups, newest first"
    )
    action.add_argument(
        "--restore",
        metavar="BACKUP",
        help="replace the database with BACKUP (a name from --list-backups or a path); "
        "the current file is kept beside the backups first",
    )
    action.add_argument(
        "--rebuild",
        action="store_true",
        help="recompute every card's schedule from the review log (the log is the truth)",
    )


def _print_backups(db_path: Path) -> None:
    """One line per backup: file name, when it was taken, size."""
    from studyapp.store.backups import list_backups

    found = list_backups(db_path)
    if not found:
        print("no backups yet")
    for backup in found:
        taken = backup.taken_at.strftime("%Y-%m-%d %H:%M UTC")
        print(f"{backup.path.name}  {taken}  {backup.size / 1024:.0f} KiB")


def run(args: argparse.Namespace) -> int:
    """Examine, list backups, restore or rebuild; 0 when all is well, 1 otherwise."""
    from studyapp.store import doctor
    from studyapp.store.backups import history_missing_message
    from studyapp.store.dbfile import not_a_file_message
    from studyapp.wording import count

    db_path = paths.database_path(paths.data_dir(args.data_dir))
    if args.list_backups:
        _print_backups(db_path)
        return 0
    if args.restore:
        used, kept = doctor.restore(db_path, args.restore, datetime.now(UTC))
        print(f"restored {used.name}; the previous database was kept as {kept}")
        return 0
    if args.rebuild:
        from studyapp.study.exam import ExamCalendar
        from studyapp.study.preferences import stored_scheduler_settings
        from studyapp.study.scheduler import Scheduler

        rebuilt = doctor.rebuild(
            db_path,
            lambda store: Scheduler(
                stored_scheduler_settings(store), exams=ExamCalendar(store.exam_days_by_card())
            ),
        )
        print(f"rebuilt the schedule of {rebuilt} cards from the review log")
        return 0
    found = doctor.examine(db_path)
    print(f"database: {db_path}")
    if found.not_a_file:
        print(f"NOT A FILE: {not_a_file_message(db_path)}")
        return 1
    if not found.exists:
        if found.richer is not None:
            print(f"MISSING: {history_missing_message(db_path, found.richer)}")
            return 1
        print("no progress database yet (it is created when studyapp first opens)")
        return 0
    if found.running_pid:
        print(f"in use by a running studyapp (pid {found.running_pid})")
    if not found.writable:
        print(
            "cannot write here: the file or its folder is read-only (a protected folder or a "
            "read-only disk). This is not damage: studyapp opens your progress read-only "
            "(read and browse, not study). To study, make it writable or use --data-dir."
        )
    if found.problems:
        print("integrity: DAMAGED")
        for problem in found.problems[:20]:
            print(f"  {problem}")
        newest = found.backups[0].path.name if found.backups else None
        if newest:
            print(f"restore the newest backup with: studyapp doctor --restore {newest}")
        else:
            print(
                "there is no backup to restore; to start afresh, move the damaged file "
                "away (studyapp then creates a new one)"
            )
        return 1
    if found.empty and found.richer is not None:
        print(f"EMPTY: {history_missing_message(db_path, found.richer)}")
        return 1
    print(
        "integrity: ok" + (" (an empty file: studyapp starts afresh in it)" if found.empty else "")
    )
    if found.unknown:
        print(f"schema: written by a newer studyapp ({', '.join(found.unknown)})")
        return 1
    if found.pending:
        print(f"schema: will be upgraded on next open ({', '.join(found.pending)})")
    else:
        print(f"schema: current; {found.cards} cards, {found.reviews} answers logged")
        if found.stale_states:
            print(
                f"card state: {found.stale_states} cards disagree with the review log; "
                "fix with: studyapp doctor --rebuild"
            )
        else:
            print("card state: agrees with the review log")
    if found.richer is not None:
        name = found.richer.backup.path.name
        print(
            f"history: the backup {name} holds {count(found.richer.answers, 'answer')}, more "
            f"than the database's {found.reviews}; if answers are missing, restore it with: "
            f"studyapp doctor --restore {name} (the current file is kept)"
        )
    print(
        f"backups: {len(found.backups)}"
        + (f", newest {found.backups[0].path.name}" if found.backups else "")
    )
    return 0 if found.healthy else 1
