"""An unchanged deck opens from the cache exactly as parsed; any change is read afresh."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from pathlib import Path

from studyapp import deck_cache, paths
from studyapp.deck import load_decks
from studyapp.deck_cache import SETTLE_NS, CachedFile, DeckCache
from studyapp.model import Card, CardType, Deck, Location, Section, SourceInfo

FIXTURES = Path(__file__).parent / "fixtures" / "decks"


def full_picture(result) -> str:
    """Everything a load produced, locations and paths included (``==`` skips those)."""
    return repr((result.decks, result.problems, result.files))


def age(path: Path) -> None:
    """Make a file's last change old enough for the cache to keep it."""
    old = path.stat().st_mtime_ns - 2 * SETTLE_NS
    os.utime(path, ns=(old, old))


def copy_decks(tmp_path: Path, source: Path) -> Path:
    """A copy of a deck folder whose files last changed long ago."""
    target = tmp_path / "decks"
    shutil.copytree(source, target)
    for file in target.iterdir():
        age(file)
    return target


def test_shipped_decks_load_the_same_from_the_cache(tmp_path: Path) -> None:
    """The second start shows exactly the decks and warnings of the first, from the cache."""
    decks = copy_decks(tmp_path, paths.shipped_decks_dir())
    cache = tmp_path / "data" / "deck-cache.json"
    parsed = load_decks([decks])
    first = load_decks([decks], cache)
    assert cache.is_file()
    second = load_decks([decks], cache)
    assert full_picture(first) == full_picture(parsed)
    assert full_picture(second) == full_picture(parsed)
    assert len(second.decks) >= 1


def test_a_start_from_the_cache_does_not_load_yaml(tmp_path: Path) -> None:
    """With every deck cached, opening the decks does not even import the YAML parser."""
    decks = copy_decks(tmp_path, paths.shipped_decks_dir())
    cache = tmp_path / "deck-cache.json"
    load_decks([decks], cache)
    code = (
        "import sys; from pathlib import Path; from studyapp.deck import load_decks\n"
        f"r = load_decks([Path({str(decks)!r})], Path({str(cache)!r}))\n"
        "print(len(r.decks), 'yaml' in sys.modules)"
    )
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert ran.stdout.split() == [str(len(load_decks([decks]).decks)), "False"]


def test_edited_deck_is_read_again(tmp_path: Path) -> None:
    """Editing a deck file (even keeping its size) shows the edit at the next start."""
    decks = copy_decks(tmp_path, paths.shipped_decks_dir())
    cache = tmp_path / "deck-cache.json"
    load_decks([decks], cache)
    file = sorted(decks.glob("*.yaml"))[0]
    text = file.read_text(encoding="utf-8")
    title_line = next(line for line in text.splitlines() if line.startswith("title:"))
    new_title = "title: " + "X" * (len(title_line) - len("title: "))
    file.write_text(text.replace(title_line, new_title, 1), encoding="utf-8")
    reloaded = load_decks([decks], cache)
    assert full_picture(reloaded) == full_picture(load_decks([decks]))
    assert any(d.title == new_title[len("title: ") :] for d in reloaded.decks)


def test_problems_and_broken_files_come_back_from_the_cache(tmp_path: Path) -> None:
    """A deck with errors or warnings reports the same problems when read from the cache."""
    decks = tmp_path / "decks"
    decks.mkdir()
    for name in sorted(os.listdir(FIXTURES / "bad"))[:8]:
        shutil.copy(FIXTURES / "bad" / name, decks / name)
    shutil.copy(FIXTURES / "good" / "warnings_only.yml", decks / "warnings_only.yml")
    for file in decks.iterdir():
        age(file)
    cache = tmp_path / "deck-cache.json"
    parsed = load_decks([decks])
    assert parsed.errors and parsed.warnings and parsed.decks
    load_decks([decks], cache)
    assert full_picture(load_decks([decks], cache)) == full_picture(parsed)


def test_damaged_or_foreign_cache_is_ignored(tmp_path: Path) -> None:
    """A garbled cache file never stops the decks from loading; it is rewritten."""
    decks = copy_decks(tmp_path, paths.shipped_decks_dir())
    cache = tmp_path / "deck-cache.json"
    parsed = load_decks([decks])
    for garbage in ("{not json", '{"loader": 3, "files": []}', "[]"):
        cache.write_text(garbage, encoding="utf-8")
        assert full_picture(load_decks([decks], cache)) == full_picture(parsed)
    assert full_picture(load_decks([decks], cache)) == full_picture(parsed)


def test_cache_round_trips_every_field(tmp_path: Path) -> None:
    """Every field of a deck, section and card survives the cache, locations included."""
    file = tmp_path / "d.yaml"
    file.write_text("x", encoding="utf-8")
    deck = Deck(
        "d",
        "Deck",
        sections=(Section("I", "One", 2, "I.", "body **t**", Location(3, 5)),),
        cards=(
            Card(
                "c",
                CardType.TYPED,
                "q?",
                "a",
                "t",
                ("i1", "i2"),
                True,
                ("x",),
                ("alt",),
                "I",
                "src",
                ("tag",),
                Location(9, 2),
            ),
        ),
        source=SourceInfo("Src", "assets/s.txt", "II"),
        notice="notice",
        path=file,
    )
    known = {
        Deck: {"id", "title", "sections", "cards", "source", "notice", "path"},
        Section: {"id", "title", "level", "number", "body", "location"},
        Card: {
            "id",
            "type",
            "question",
            "answer",
            "text",
            "items",
            "ordered",
            "distractors",
            "accept",
            "section",
            "source",
            "tags",
            "location",
        },
        SourceInfo: {"title", "file", "topic"},
    }
    for kind, names in known.items():  # a new model field must be added to the cache too
        assert {f.name for f in dataclasses.fields(kind)} == names
    cache = DeckCache(tmp_path / "cache.json")
    cache.put(file, [1, 2], CachedFile(deck, [], Location(1, 1)))
    cache.save()
    back = DeckCache(tmp_path / "cache.json").get(file, [1, 2])
    assert back is not None
    assert repr(back.deck) == repr(deck)
    assert DeckCache(tmp_path / "cache.json").get(file, [1, 3]) is None


def test_cache_of_another_loader_version_is_not_used(tmp_path: Path, monkeypatch) -> None:
    """After an upgrade of studyapp, decks are parsed again rather than taken from the cache."""
    file = tmp_path / "d.yaml"
    cache = DeckCache(tmp_path / "cache.json")
    cache.put(file, [1, 2], CachedFile(None, [], Location()))
    cache.save()
    monkeypatch.setattr(deck_cache, "__version__", "99.0")
    assert DeckCache(tmp_path / "cache.json").get(file, [1, 2]) is None
