"""An unchanged deck opens from the cache exactly as parsed; any change is read afresh."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from studyapp import paths
from studyapp.decks import cache as deck_cache
from studyapp.decks.cache import SETTLE_NS, CachedFile, DeckCache
from studyapp.decks.load import load_decks
from studyapp.decks.problems import Problem
from studyapp.model import Card, CardType, Deck, Location, Section, SourceInfo
from tests.locations import DECK_FIXTURES

FIXTURES = DECK_FIXTURES


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
        "import sys; from pathlib import Path; from studyapp.decks.load import load_decks\n"
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


def test_reused_ids_of_broken_files_are_reported_the_same_from_the_cache(tmp_path: Path) -> None:
    """Ids a broken deck reuses are named at every start, from the cache as when parsed."""
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "1-first.yaml").write_text(
        "format: 1\nid: shared\ntitle: First\n"
        "cards:\n- {id: same-card, type: basic, question: Q1?, answer: A1}\n",
        encoding="utf-8",
    )
    (decks / "2-second.yaml").write_text(
        "format: 1\nid: shared\ntitle: Second\ncards:\n"
        "- {id: second-1, type: basic, question: Q2?}\n"
        "- {id: same-card, type: basc, question: Q3?, answer: A3}\n"
        "- {id: same-card, type: basic, question: Q4?, answer: A4}\n",
        encoding="utf-8",
    )
    for file in decks.iterdir():
        age(file)
    cache = tmp_path / "deck-cache.json"
    parsed = load_decks([decks])
    assert sum("already used" in p.message for p in parsed.errors) == 2
    first = load_decks([decks], cache)
    for file in sorted(decks.iterdir()):  # the second load below is answered by the cache
        key = deck_cache.file_key(file)
        assert key is not None and DeckCache(cache).get(file, key) is not None
    second = load_decks([decks], cache)
    assert full_picture(first) == full_picture(parsed)
    assert full_picture(second) == full_picture(parsed)


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
        sections=(Section("I", "One", 2, "I.", "body **t**", Location(3, 5), ("sect",)),),
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
        tags=("deck-tag",),
    )
    known = {
        Deck: {"id", "title", "sections", "cards", "source", "notice", "path", "tags"},
        Section: {"id", "title", "level", "number", "body", "location", "tags"},
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
    outcome = CachedFile(deck, [], ("d", Location(1, 5)), [("c", Location(9, 2))])
    cache.put(file, [1, 2], outcome)
    cache.save()
    back = DeckCache(tmp_path / "cache.json").get(file, [1, 2])
    assert back is not None
    assert repr(back.deck) == repr(deck)
    assert (back.deck_id, list(back.card_ids)) == (outcome.deck_id, outcome.card_ids)
    assert DeckCache(tmp_path / "cache.json").get(file, [1, 3]) is None


def test_cache_keeps_the_ids_of_a_file_with_errors(tmp_path: Path) -> None:
    """A broken file's deck and card ids come back from the cache, for the checks across files."""
    file = tmp_path / "broken.yaml"
    problem = Problem(file, 5, 3, "card 'x' is missing the required key 'answer'")
    ids = [("x", Location(5, 3)), ("y", Location(9, 3)), ("x", Location(12, 3))]
    for deck_id in (("broken", Location(2, 5)), None):
        cache = DeckCache(tmp_path / "cache.json")
        cache.put(file, [1, 2], CachedFile(None, [problem], deck_id, ids))
        cache.save()
        back = DeckCache(tmp_path / "cache.json").get(file, [1, 2])
        assert back == CachedFile(None, [problem], deck_id, ids)


def test_an_entry_from_before_the_ids_were_kept_is_read_again(tmp_path: Path) -> None:
    """An entry in the old shape (no card ids of broken files) is not used even by this loader."""
    file = tmp_path / "d.yaml"
    old_entry = {"key": [1, 2], "deck": None, "problems": [], "id_location": [0, 0]}
    data = {"loader": deck_cache.loader_key(), "files": {str(file): old_entry}}
    (tmp_path / "cache.json").write_text(json.dumps(data), encoding="utf-8")
    assert DeckCache(tmp_path / "cache.json").get(file, [1, 2]) is None


def test_a_cache_of_the_previous_format_is_rebuilt(tmp_path: Path, monkeypatch) -> None:
    """A cache written by the previous cache format is ignored as a whole."""
    file = tmp_path / "d.yaml"
    monkeypatch.setattr(deck_cache, "CACHE_FORMAT", deck_cache.CACHE_FORMAT - 1)
    cache = DeckCache(tmp_path / "cache.json")
    cache.put(file, [1, 2], CachedFile(None, []))
    cache.save()
    monkeypatch.undo()
    assert DeckCache(tmp_path / "cache.json").get(file, [1, 2]) is None


def test_cache_of_another_loader_version_is_not_used(tmp_path: Path, monkeypatch) -> None:
    """After an upgrade of studyapp, decks are parsed again rather than taken from the cache."""
    file = tmp_path / "d.yaml"
    cache = DeckCache(tmp_path / "cache.json")
    cache.put(file, [1, 2], CachedFile(None, []))
    cache.save()
    monkeypatch.setattr(deck_cache, "__version__", "99.0")
    assert DeckCache(tmp_path / "cache.json").get(file, [1, 2]) is None


def test_the_loader_key_names_files_that_exist():
    """Every loader source the cache key watches exists, so editing the loader (or moving its
    files) always invalidates cached decks instead of serving results of old code."""
    from studyapp.decks import cache

    here = Path(cache.__file__).parent
    missing = [name for name in cache._LOADER_MODULES if not (here / name).is_file()]
    assert missing == []
    assert ":-" not in cache.loader_key()
