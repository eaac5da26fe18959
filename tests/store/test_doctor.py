"""`studyapp doctor` and `studyapp stats`: check, restore, rebuild, and progress per deck."""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from studyapp import paths
from studyapp.cli import main
from studyapp.model import Card, CardType, Deck, Section
from studyapp.review_types import Rating
from studyapp.store.backups import list_backups
from studyapp.store.database import Store
from studyapp.store.dbfile import StoreHistoryMissingError, not_a_file_message
from studyapp.study.scheduler import Scheduler, SchedulerSettings
from tests.read_only import run_seeing_read_only

T0 = datetime(2026, 2, 2, 9, 0, tzinfo=UTC)


def study(data: Path, answers: int = 30, at: datetime = T0) -> dict:
    """Answer cards of a two-deck collection with the real scheduler; the cached states."""
    rng = random.Random(4)
    scheduler = Scheduler(SchedulerSettings())
    decks = [
        Deck(
            name,
            name.title(),
            sections=(Section("I", "One"),),
            cards=tuple(
                Card(f"{name}-{i}", CardType.BASIC, f"q{i}?", f"a{i}", section="I")
                for i in range(count)
            ),
        )
        for name, count in (("pharma", 6), ("physio", 4))
    ]
    with Store.open(paths.database_path(data), now=at) as store:
        store.sync_decks(decks, at)
        now = at
        for _ in range(answers):
            card_id = rng.choice([c.id for c in decks[0].cards])
            now += timedelta(hours=rng.randint(1, 30))
            state = store.card_state(card_id)
            new, entry = scheduler.review(card_id, state, Rating(rng.randint(1, 4)), now)
            store.record_review(new, entry)
        return store.card_states()


def write_decks(folder: Path) -> None:
    """The same two decks as YAML files, as the app ships them."""
    folder.mkdir()
    for name, count in (("pharma", 6), ("physio", 4)):
        deck = Deck(
            name,
            name.title(),
            sections=(Section("I", "One"),),
            cards=tuple(
                Card(f"{name}-{i}", CardType.BASIC, f"q{i}?", f"a{i}", section="I")
                for i in range(count)
            ),
        )
        (folder / f"{name}.yaml").write_text(yaml.safe_dump(deck.to_dict(), sort_keys=False))


def test_doctor_reports_a_healthy_database(tmp_path: Path, capsys) -> None:
    """`studyapp doctor` on sound progress says so and exits 0."""
    study(tmp_path)
    assert main(["doctor", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "integrity: ok" in out
    assert "10 cards, 30 answers logged" in out
    assert "agrees with the review log" in out


def test_doctor_on_an_empty_folder(tmp_path: Path, capsys) -> None:
    """Before the first start there is nothing to check, and doctor says so."""
    assert main(["doctor", "--data-dir", str(tmp_path / "none")]) == 0
    assert "no progress database yet" in capsys.readouterr().out


def test_doctor_finds_a_stale_cache_and_rebuild_fixes_it(tmp_path: Path, capsys) -> None:
    """A schedule that disagrees with the answer history is found and rebuilt from it."""
    cached = study(tmp_path)
    conn = sqlite3.connect(paths.database_path(tmp_path))
    conn.execute("UPDATE card_state SET last_review = 0, stability = 1.0")
    conn.commit()
    conn.close()
    assert main(["doctor", "--data-dir", str(tmp_path)]) == 1
    assert "--rebuild" in capsys.readouterr().out
    assert main(["doctor", "--data-dir", str(tmp_path), "--rebuild"]) == 0
    assert f"rebuilt the schedule of {len(cached)} cards" in capsys.readouterr().out
    with Store.open(paths.database_path(tmp_path), backups=0) as store:
        assert store.card_states() == cached
    assert main(["doctor", "--data-dir", str(tmp_path)]) == 0


def test_damaged_database_is_reported_without_a_traceback(tmp_path: Path, capsys) -> None:
    """A damaged file gives one clear message everywhere, and doctor offers the backup."""
    study(tmp_path)
    Store.open(paths.database_path(tmp_path), now=T0 + timedelta(days=2)).close()  # backup
    backup = list_backups(paths.database_path(tmp_path))[0].path.name
    db = paths.database_path(tmp_path)
    db.write_bytes(random.Random(2).randbytes(db.stat().st_size))
    assert main(["stats", "--data-dir", str(tmp_path), "--decks", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("studyapp: error:") and "studyapp doctor" in err
    assert "Traceback" not in err
    assert main(["doctor", "--data-dir", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "DAMAGED" in out and f"--restore {backup}" in out


def test_list_and_restore_backups(tmp_path: Path, capsys) -> None:
    """Backups can be listed and one restored; the replaced file is kept."""
    before = study(tmp_path)
    db = paths.database_path(tmp_path)
    Store.open(db, now=T0 + timedelta(days=2)).close()
    with Store.open(db, backups=0) as store:
        store.reset_card(next(iter(before)))
    assert main(["doctor", "--data-dir", str(tmp_path), "--list-backups"]) == 0
    listed = capsys.readouterr().out.split()
    assert listed[0] == "progress-20260204T090000Z.sqlite3"
    assert main(["doctor", "--data-dir", str(tmp_path), "--restore", listed[0]]) == 0
    assert "the previous database was kept as" in capsys.readouterr().out
    with Store.open(db, backups=0) as store:
        assert store.card_states() == before
    assert main(["doctor", "--data-dir", str(tmp_path), "--restore", "nope.sqlite3"]) == 1
    assert "--list-backups" in capsys.readouterr().err


def test_restore_refused_while_studyapp_runs(tmp_path: Path, capsys) -> None:
    """Restoring under a running app is refused with the reason, changing nothing."""
    study(tmp_path)
    db = paths.database_path(tmp_path)
    Store.open(db, now=T0 + timedelta(days=2)).close()
    name = list_backups(db)[0].path.name
    with Store.open(db, backups=0):
        assert main(["doctor", "--data-dir", str(tmp_path), "--restore", name]) == 1
        assert "already running" in capsys.readouterr().err
        assert main(["doctor", "--data-dir", str(tmp_path)]) == 0
        assert "in use by a running studyapp" in capsys.readouterr().out


def test_stats_per_deck(tmp_path: Path, capsys) -> None:
    """`studyapp stats` lists each deck's cards, due, new, learning, mastered and answers."""
    data, decks = tmp_path / "data", tmp_path / "decks"
    study(data, answers=12, at=datetime.now(UTC) - timedelta(days=400))
    write_decks(decks)
    assert main(["stats", "--data-dir", str(data), "--decks", str(decks)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["deck", "cards", "due", "new", "learning", "mastered", "answers"]
    pharma = lines[1].split()
    studied = 6 - int(pharma[3])
    assert pharma[0] == "Pharma" and pharma[1] == "6" and 1 <= studied <= 6
    assert pharma[6] == "12" and int(pharma[2]) == studied  # long ago: all of them due
    assert pharma[5] == "0"  # overdue by a year: recall below 90 %, so none mastered
    assert lines[2].split() == ["Physio", "4", "0", "4", "0", "0", "0"]
    assert lines[3].split()[:2] == ["total", "10"]
    assert lines[4].startswith("2 decks; due means due today")


def test_stats_while_studyapp_runs_reads_the_saved_progress(tmp_path: Path, capsys) -> None:
    """Stats still work while the app has the data folder open."""
    data, decks = tmp_path / "data", tmp_path / "decks"
    study(data, answers=5)
    write_decks(decks)
    with Store.open(paths.database_path(data), backups=0):
        assert main(["stats", "--data-dir", str(data), "--decks", str(decks)]) == 0
    out = capsys.readouterr().out
    assert "Pharma" in out and "total" in out


@pytest.mark.parametrize("command", ["doctor", "stats"])
def test_commands_have_help(command: str, capsys) -> None:
    """Both commands explain themselves and their options."""
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    assert "--data-dir" in capsys.readouterr().out


def test_damaged_database_without_backups_says_what_to_do(tmp_path: Path, capsys) -> None:
    """With no backup to restore, doctor explains how to start afresh."""
    paths.database_path(tmp_path).write_bytes(b"not a database at all" * 100)
    assert main(["doctor", "--data-dir", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "DAMAGED" in out and "no backup to restore" in out


def saved_folder(data: Path) -> tuple[Path, str]:
    """A data folder with 30 answers and a backup of them; (database, the backup's name)."""
    study(data)
    db = paths.database_path(data)
    Store.open(db, now=T0 + timedelta(days=2)).close()  # the backup at the next day's start
    return db, list_backups(db)[0].path.name


def test_an_emptied_database_beside_a_backup_is_damage_not_a_fresh_start(
    tmp_path: Path, capsys
) -> None:
    """A zero-length progress file is reported everywhere with the backup that holds the
    answers; nothing is reset, and restoring that backup brings all of them back."""
    db, backup = saved_folder(tmp_path)
    db.write_bytes(b"")
    decks = tmp_path / "decks"
    write_decks(decks)
    assert main(["stats", "--data-dir", str(tmp_path), "--decks", str(decks)]) == 1
    err = capsys.readouterr().err
    assert "is empty, but the backup" in err and "holds 30 answers" in err
    assert f"studyapp doctor --restore {backup}" in err and "Traceback" not in err
    with pytest.raises(StoreHistoryMissingError, match="holds 30 answers"):
        Store.open(db, now=T0 + timedelta(days=9))
    assert db.read_bytes() == b"" and len(list_backups(db)) == 1
    assert main(["doctor", "--data-dir", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "EMPTY:" in out and f"--restore {backup}" in out and "integrity: ok" not in out
    assert main(["doctor", "--data-dir", str(tmp_path), "--restore", backup]) == 0
    capsys.readouterr()
    assert main(["doctor", "--data-dir", str(tmp_path)]) == 0
    assert "30 answers logged" in capsys.readouterr().out


def test_a_missing_database_beside_a_backup_is_reported(tmp_path: Path, capsys) -> None:
    """A deleted progress file with a backup of answers beside it is not a first start."""
    db, backup = saved_folder(tmp_path)
    db.unlink()
    assert main(["doctor", "--data-dir", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "MISSING:" in out and "is missing, but the backup" in out and backup in out
    with pytest.raises(StoreHistoryMissingError):
        Store.open(db)
    assert not db.exists()


def test_doctor_says_when_a_backup_holds_more_history(tmp_path: Path, capsys) -> None:
    """A database that lost its answers (recreated empty) is named beside the backup that
    still has them; hourly opens never rotate that backup away."""
    db, backup = saved_folder(tmp_path)
    db.unlink()
    (db.parent / "backups").rename(tmp_path / "away")
    with Store.open(db, now=T0 + timedelta(days=3)):  # a fresh database, as the old bug made
        pass
    (tmp_path / "away").rename(db.parent / "backups")
    for hour in range(12):  # a day of hourly starts, each changing something
        at = T0 + timedelta(days=4, hours=hour)
        with Store.open(db, now=at) as store:
            store.set_setting("ui.screen", hour)
    kept = [b.path.name for b in list_backups(db)]
    assert len(kept) == 6 and kept[-1] == backup  # the newest five, and the one with history
    assert main(["doctor", "--data-dir", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"the backup {backup} holds 30 answers, more than the database's 0" in out
    assert f"studyapp doctor --restore {backup}" in out


def test_a_folder_in_place_of_the_database_gets_one_clear_message(tmp_path: Path, capsys) -> None:
    """A folder named like the progress file gives the same sentence in stats and doctor."""
    paths.database_path(tmp_path).mkdir()
    decks = tmp_path / "decks"
    write_decks(decks)
    assert main(["stats", "--data-dir", str(tmp_path), "--decks", str(decks)]) == 1
    err = capsys.readouterr().err
    assert err == f"studyapp: error: {not_a_file_message(paths.database_path(tmp_path))}\n"
    assert main(["doctor", "--data-dir", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert not_a_file_message(paths.database_path(tmp_path)) in out
    assert "no progress database yet" not in out
    assert main(["doctor", "--data-dir", str(tmp_path), "--rebuild"]) == 1
    assert "is a folder, not a file" in capsys.readouterr().err


def test_stats_writes_nothing(tmp_path: Path, capsys) -> None:
    """`studyapp stats` reads: the database, its folder and its backups stay byte for byte,
    also when the decks have cards the database has not seen yet."""
    data, decks = tmp_path / "data", tmp_path / "decks"
    study(data, answers=5)
    write_decks(decks)
    deck = yaml.safe_load((decks / "physio.yaml").read_text())
    deck["cards"].append({"id": "physio-new", "type": "basic", "question": "q?", "answer": "a"})
    (decks / "physio.yaml").write_text(yaml.safe_dump(deck, sort_keys=False))
    before = {p.name: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    assert main(["stats", "--data-dir", str(data), "--decks", str(decks)]) == 0
    assert "Physio" in capsys.readouterr().out.splitlines()[2]
    assert {p.name: p.read_bytes() for p in data.rglob("*") if p.is_file()} == before
    assert main(["stats", "--data-dir", str(tmp_path / "new"), "--decks", str(decks)]) == 0
    assert not (tmp_path / "new").exists()


def test_read_only_folder_is_cannot_write_not_damage(tmp_path: Path) -> None:
    """In a read-only data folder doctor says it cannot write there, not that the intact file
    is damaged, and stats shows the progress."""
    data, decks = tmp_path / "data", tmp_path / "decks"
    study(data, answers=5)
    write_decks(decks)
    before = {p.name: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    doctor = run_seeing_read_only(data, "-m", "studyapp", "doctor", "--data-dir", str(data))
    assert doctor.returncode == 1, doctor.stderr
    assert "cannot write here" in doctor.stdout and "This is not damage" in doctor.stdout
    assert "integrity: ok" in doctor.stdout and "5 answers logged" in doctor.stdout
    assert "DAMAGED" not in doctor.stdout and "--restore" not in doctor.stdout
    stats = run_seeing_read_only(
        data, "-m", "studyapp", "stats", "--data-dir", str(data), "--decks", str(decks)
    )
    assert stats.returncode == 0, stats.stderr
    assert stats.stdout.splitlines()[1].split()[:2] == ["Pharma", "6"]
    assert {p.name: p.read_bytes() for p in data.rglob("*") if p.is_file()} == before
