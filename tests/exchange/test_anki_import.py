"""Anki packages built by the real anki library import into decks that validate and study."""

from __future__ import annotations

import sqlite3
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studyapp.decks.load import load_decks
from studyapp.errors import ExchangeError
from studyapp.exchange.anki_import import import_anki_package, read_anki_package
from studyapp.exchange.history import store_history
from studyapp.exchange.package import Limits
from studyapp.model import CardType
from studyapp.review_types import Phase
from studyapp.store.database import Store
from studyapp.study.scheduler import Scheduler, SchedulerSettings
from tests.exchange.anki_packages import FIRST_REVIEW, HISTORY, Built, build_package

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    """The student's collection as a current .apkg, a .colpkg and a legacy .apkg."""
    folder = tmp_path_factory.mktemp("anki")
    return {
        "apkg": build_package(folder / "apkg", "apkg"),
        "colpkg": build_package(folder / "colpkg", "colpkg"),
        "legacy": build_package(folder / "legacy", "apkg", legacy=True),
    }


@pytest.mark.parametrize("kind", ["apkg", "colpkg", "legacy"])
def test_a_package_with_images_and_clozes_becomes_decks_that_validate(
    packages: dict[str, Built], kind: str, tmp_path: Path
) -> None:
    """Notes, cloze notes, tags, the deck tree and images arrive as a valid YAML deck."""
    built = packages[kind]
    result = import_anki_package(built.path, tmp_path / "out")
    loaded = load_decks([tmp_path / "out"])
    assert loaded.errors == []
    (deck,) = loaded.decks
    assert deck.title == "Cardiology"
    assert [s.title for s in deck.sections] == ["Cardiology", "Drugs"]
    by_id = {card.id: card for card in deck.cards}
    basic = by_id[f"anki-{built.basic_guid}"]
    assert basic.question == "Which organ is this? ![](media/heart_diagram.png)"
    assert basic.answer == "The **heart** & its valves"
    assert basic.tags == ("anatomy", "organ")
    assert basic.section == "cardiology.drugs"
    assert (tmp_path / "out" / "media" / "heart_diagram.png").read_bytes()[:4] == b"\x89PNG"
    first, second = by_id[f"anki-{built.cloze_guid}-1"], by_id[f"anki-{built.cloze_guid}-2"]
    assert first.text == "{{c1::Digoxin}} slows the heart; $E = mc^2$ is physics."
    assert second.text == "Digoxin slows the heart; $E = mc^2$ is {{c2::physics}}."
    assert [c.type for c in deck.cards].count(CardType.TYPED) == 1
    assert result.images == 1 and result.skipped == []


@pytest.mark.parametrize("kind", ["apkg", "colpkg"])
def test_the_review_history_replays_to_the_state_ankis_fsrs_had(
    packages: dict[str, Built], kind: str, tmp_path: Path
) -> None:
    """After import the card's FSRS stability and difficulty are Anki's (within 0.01 %) and
    its next review is the day Anki's FSRS gives."""
    built = packages[kind]
    result = import_anki_package(built.path, tmp_path / "out")
    card_id = f"anki-{built.basic_guid}"
    store = Store.in_memory()
    unfuzzed = Scheduler(SchedulerSettings(fuzz=False), tz=UTC)
    report = store_history(result, store, unfuzzed, NOW)
    assert report.answers == len(HISTORY) and report.suspended == 1
    state = store.card_state(card_id)
    assert state is not None and state.phase is Phase.REVIEW
    assert state.stability == pytest.approx(built.anki_memory["s"], rel=1e-4)
    assert state.difficulty == pytest.approx(built.anki_memory["d"], rel=1e-4)
    last = FIRST_REVIEW + timedelta(days=HISTORY[-1][0])
    assert state.last_review == last
    # at 90 % retention FSRS schedules the next review after the stability, rounded to days
    # (both apps then spread it by the same fuzz, which this leaves out)
    assert state.due - last == timedelta(days=round(built.anki_memory["s"]))
    assert len(store.reviews(card_id)) == len(HISTORY)


def test_importing_the_same_package_again_keeps_ids_and_adds_no_answers(
    packages: dict[str, Built], tmp_path: Path
) -> None:
    """A second import overwrites its own decks, keeps every card id and doubles nothing."""
    built = packages["colpkg"]
    store = Store.in_memory()
    scheduler = Scheduler(SchedulerSettings(), tz=UTC)
    first = import_anki_package(built.path, tmp_path)
    store_history(first, store, scheduler, NOW)
    second = import_anki_package(built.path, tmp_path)
    report = store_history(second, store, scheduler, NOW)
    assert [c.id for d in first.decks for c in d.cards] == [
        c.id for d in second.decks for c in d.cards
    ]
    assert report.answers == 0
    assert len(store.reviews()) == len(HISTORY)


def test_a_genanki_package_imports(tmp_path: Path) -> None:
    """A package made by genanki (the legacy schema) imports, cloze and all."""
    import genanki

    model = genanki.Model(
        1_091_735_104,
        "Simple",
        fields=[{"name": "Q"}, {"name": "A"}],
        templates=[{"name": "C", "qfmt": "{{Q}}", "afmt": "{{A}}"}],
    )
    deck = genanki.Deck(2_059_400_110, "Language::French")
    deck.add_note(genanki.Note(model=model, fields=["chat", "cat"], tags=["animals"]))
    cloze = genanki.Model(
        1_091_735_105,
        "Cloze",
        fields=[{"name": "Text"}, {"name": "Extra"}],
        templates=[{"name": "C", "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}"}],
        model_type=genanki.Model.CLOZE,
    )
    deck.add_note(genanki.Note(model=cloze, fields=["Le {{c1::chat}} dort.", "extra"]))
    package = tmp_path / "french.apkg"
    genanki.Package(deck).write_to_file(str(package))
    result = import_anki_package(package, tmp_path / "out")
    assert load_decks([tmp_path / "out"]).errors == []
    cards = result.decks[0].cards
    assert [(c.type, c.question or c.text) for c in cards] == [
        (CardType.BASIC, "chat"),
        (CardType.CLOZE, "Le {{c1::chat}} dort."),
    ]
    assert result.reviews == []


# -- refused packages ---------------------------------------------------------------------


def _copy_with(source: Path, target: Path, replace: dict[str, bytes]) -> Path:
    """A copy of a real package with some entries replaced or added."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename not in replace:
                new.writestr(info, old.read(info))
        for name, data in replace.items():
            new.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return target


def _refused(path: Path, out: Path, message: str, limits: Limits | None = None) -> None:
    """Importing ``path`` fails with ``message`` and leaves ``out`` unmade."""
    with pytest.raises(ExchangeError, match=message):
        import_anki_package(path, out, limits)
    assert not out.exists()


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    """A text file named .apkg gets one clear line and nothing is written."""
    fake = tmp_path / "notes.apkg"
    fake.write_text("front,back\n", encoding="utf-8")
    _refused(fake, tmp_path / "out", "not an Anki package \\(not a zip file\\)")


def test_a_zip_bomb_is_refused_before_extracting(
    packages: dict[str, Built], tmp_path: Path
) -> None:
    """A package with an entry that unpacks a thousand times larger is refused unread."""
    bomb = _copy_with(packages["legacy"].path, tmp_path / "bomb.apkg", {"9": bytes(50 << 20)})
    _refused(bomb, tmp_path / "out", "looks like a zip bomb")


def test_a_zstd_bomb_is_cut_off_at_the_limit(packages: dict[str, Built], tmp_path: Path) -> None:
    """A compressed collection larger than the limit stops decompressing there."""
    _refused(
        packages["apkg"].path,
        tmp_path / "out",
        "looks like a zip bomb",
        Limits(collection_bytes=20_000),
    )


def test_a_media_name_that_climbs_out_is_refused(
    packages: dict[str, Built], tmp_path: Path
) -> None:
    """A media map naming ``../../x`` is refused: nothing is written anywhere."""
    evil = _copy_with(
        packages["legacy"].path, tmp_path / "evil.apkg", {"media": b'{"0": "../../x.png"}'}
    )
    _refused(evil, tmp_path / "out", "not a plain file name")
    assert not (tmp_path / "x.png").exists()


def test_a_collection_with_a_missing_table_is_refused(
    packages: dict[str, Built], tmp_path: Path
) -> None:
    """A collection without its notes table is named as damaged."""
    with zipfile.ZipFile(packages["legacy"].path) as archive:
        (tmp_path / "c.db").write_bytes(archive.read("collection.anki21"))
    with sqlite3.connect(tmp_path / "c.db") as conn:
        conn.execute("DROP TABLE notes")
    broken = _copy_with(
        packages["legacy"].path,
        tmp_path / "broken.apkg",
        {"collection.anki21": (tmp_path / "c.db").read_bytes()},
    )
    _refused(broken, tmp_path / "out", "no 'notes' table")


def test_a_deck_that_studyapp_did_not_import_is_never_overwritten(
    packages: dict[str, Built], tmp_path: Path
) -> None:
    """An instructor's own deck file of the same name stays as it was."""
    own = tmp_path / "cardiology.yaml"
    own.write_text("format: 1\nid: mine\ntitle: Mine\n", encoding="utf-8")
    with pytest.raises(ExchangeError, match="was not imported by studyapp"):
        import_anki_package(packages["apkg"].path, tmp_path)
    assert own.read_text(encoding="utf-8").startswith("format: 1\nid: mine")
    assert not (tmp_path / "media").exists()


def test_reading_a_package_writes_nothing(packages: dict[str, Built], tmp_path: Path) -> None:
    """Looking into a package (for the GUI's preview) leaves no file behind."""
    result, media = read_anki_package(packages["apkg"].path)
    assert result.decks and list(media) == ["heart_diagram.png"]
    assert list(tmp_path.iterdir()) == []


def test_decks_that_would_not_validate_are_not_written(tmp_path: Path) -> None:
    """When the written decks would fail validation, no file and no folder is left behind."""
    from studyapp.exchange.deck_writer import write_imported
    from studyapp.model import Card, Deck

    broken = Deck("d", "D", (), (Card("c", CardType.CLOZE, text="no deletion here"),))
    with pytest.raises(ExchangeError, match="do not validate"):
        write_imported([broken], {"x.png": b"\x89PNG\r\n\x1a\n"}, tmp_path / "out", "test")
    assert not (tmp_path / "out").exists()
