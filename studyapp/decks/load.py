"""Loading and validating YAML deck files into :class:`~studyapp.model.Deck` objects.

The public API of the deck format (docs/deck-format.md): :func:`load_deck_file` for one file,
:func:`load_decks` for files and folders, with every :class:`Problem` found. Reading is safe
and bounded (:mod:`studyapp.decks.yaml_nodes`); one file's keys and checks live in
:mod:`studyapp.decks.builder`. A deck with any error is left out while the others load, and
:func:`load_decks` also checks deck and card ids across files.

Given a cache file (:mod:`studyapp.decks.cache`), :func:`load_decks` takes an unchanged file's
outcome from it instead of parsing the YAML; the YAML modules are imported only when a file
must actually be parsed (the app's start-up reads every deck from the cache).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from studyapp.collector import collector_paused
from studyapp.decks.problems import Problem
from studyapp.model import Deck, Location

if TYPE_CHECKING:
    from studyapp.decks.cache import DeckCache

__all__ = ["DECK_SUFFIXES", "LoadResult", "Problem", "deck_files", "load_deck_file", "load_decks"]

DECK_SUFFIXES = (".yaml", ".yml")


IdAt = tuple[str, Location]
"""An id read from a deck file and where it sits there."""


@dataclass(frozen=True)
class _Loaded:
    """One file's outcome, with the ids the checks across files need.

    ``deck_id`` and ``card_ids`` are every deck and card id the builder could read, also when
    the file has errors elsewhere (then ``deck`` is None), so that a reused id is reported in
    the same run as the file's other errors rather than only after they are fixed.
    """

    deck: Deck | None
    problems: list[Problem]
    deck_id: IdAt | None = None
    card_ids: Sequence[IdAt] = ()


@dataclass
class LoadResult:
    """Every deck that loaded (a deck with errors is left out) and all problems found."""

    decks: list[Deck] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)  # every deck file that was read

    @property
    def errors(self) -> list[Problem]:
        """The problems that kept a deck from loading."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """The problems worth fixing that did not stop a deck from loading."""
        return [p for p in self.problems if p.severity == "warning"]


def _load(path: Path) -> _Loaded:
    """Read, compose and build one deck file; every failure becomes a problem."""
    from studyapp.decks.yaml_nodes import read_text

    text, problems = read_text(path)
    if text is None:
        return _Loaded(None, problems)
    with collector_paused():  # composing makes a large tree with no cycles (about a fifth
        return _build(path, text)  # of the load time went to the collector's scans)


def _build(path: Path, text: str) -> _Loaded:
    """Compose ``text`` and build its deck."""
    from studyapp.decks.builder import DeckBuilder
    from studyapp.decks.yaml_nodes import NodeBudgetExceeded, compose_text

    root, problems = compose_text(text, path)
    if root is None:
        return _Loaded(None, problems)
    builder = DeckBuilder(path, text)
    try:
        deck = builder.build(root)
    except NodeBudgetExceeded as stop:
        mark = stop.node.start_mark
        problem = Problem(
            path,
            mark.line + 1,
            mark.column + 1,
            "the file expands to too many values (aliases are counted each time they are "
            "used); it looks like an alias bomb and is not loaded",
        )
        return _Loaded(None, [*builder.r.problems, problem], builder.deck_id, builder.card_ids)
    return _Loaded(deck, builder.r.problems, builder.deck_id, builder.card_ids)


def load_deck_file(path: Path) -> tuple[Deck | None, list[Problem]]:
    """One deck file: the deck (None if it has any error) and every problem found in it.

    Never raises for a bad file: unreadable, too large, binary, invalid YAML or an invalid
    deck all come back as problems with their ``line:col``.
    """
    loaded = _load(Path(path))
    return loaded.deck, _sorted(loaded.problems)


def _sorted(problems: list[Problem]) -> list[Problem]:
    """Problems in file order (file-wide ones first)."""
    return sorted(problems, key=lambda p: (p.line, p.column))


def deck_files(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """The deck files named by ``paths`` (folders: their ``*.yaml``/``*.yml``, sorted).

    Missing paths and folders without decks are reported; hidden files are skipped and a
    file named twice is read once.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    seen: set[Path] = set()
    for path in map(Path, paths):
        if path.is_dir():
            try:
                found = sorted(
                    p
                    for p in path.iterdir()
                    if p.suffix.lower() in DECK_SUFFIXES and not p.name.startswith(".")
                )
            except OSError as error:
                reason = error.strerror or str(error)
                problems.append(Problem(path, 0, 0, f"cannot read the folder: {reason}"))
                continue
            if not found:
                problems.append(
                    Problem(path, 0, 0, "no deck files (*.yaml, *.yml) in this folder", "warning")
                )
        elif path.exists() or path.is_symlink():
            found = [path]
        else:
            problems.append(Problem(path, 0, 0, "no such file or folder"))
            continue
        for file in found:
            key = _identity(file)
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, problems


def _identity(path: Path) -> Path:
    """The real path of a file, to read it once; its absolute path when that cannot be known
    (a symlink loop, which :func:`load_deck_file` then reports)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _load_cached(file: Path, cache: DeckCache | None) -> _Loaded:
    """:func:`_load`, answered from ``cache`` when the file is unchanged (and remembered)."""
    if cache is None:
        return _load(file)
    from studyapp.decks.cache import CachedFile, file_key, settled

    key = file_key(file)
    with collector_paused():  # a cached deck is 100,000 new objects with no cycles, as a parse is
        cached = None if key is None else cache.get(file, key)
    if cached is not None:
        return _Loaded(cached.deck, cached.problems, cached.deck_id, cached.card_ids)
    loaded = _load(file)
    if key is not None and key == file_key(file) and settled(key):
        outcome = CachedFile(loaded.deck, loaded.problems, loaded.deck_id, loaded.card_ids)
        cache.put(file, key, outcome)
    return loaded


def _plain_ids(card_ids: Sequence[IdAt]) -> Sequence[str]:
    """Just the ids (a cached deck has them at hand, without making pairs)."""
    from studyapp.decks.card_texts import CardIds

    if isinstance(card_ids, CardIds):
        return card_ids.ids
    return [card_id for card_id, _where in card_ids]


@dataclass
class _IdOwners:
    """Where each deck id and card id was first seen: in a deck that loaded, or in a file left
    out for its errors.

    Card ids are first compared as a set (100,000 of them at every start); where each one sits
    is looked up only when a file reuses one.
    """

    decks: dict[str, tuple[Path, int]] = field(default_factory=dict)
    broken_decks: dict[str, tuple[Path, int]] = field(default_factory=dict)
    seen_cards: set[str] = field(default_factory=set)
    files: list[tuple[Path, _Loaded, bool]] = field(default_factory=list)
    _cards: dict[str, tuple[Path, int]] | None = None
    _broken_cards: dict[str, tuple[Path, int]] | None = None

    def _card_owners(self) -> tuple[dict[str, tuple[Path, int]], dict[str, tuple[Path, int]]]:
        """Card id -> (file, line) of its first use, in loaded decks and in broken files."""
        if self._cards is None or self._broken_cards is None:
            self._cards, self._broken_cards = {}, {}
            for file, loaded, kept in self.files:
                self._add_cards(file, loaded, kept)
        return self._cards, self._broken_cards

    def _add_cards(self, file: Path, loaded: _Loaded, kept: bool) -> None:
        assert self._cards is not None and self._broken_cards is not None
        cards = self._cards if kept else self._broken_cards
        for card_id, where in loaded.card_ids:
            cards.setdefault(card_id, (file, where.line))

    def reused(self, file: Path, loaded: _Loaded) -> list[Problem]:
        """Problems for the ids of ``file`` that an earlier file uses.

        Reusing an id of a deck that loaded is an error (the later file is left out). Reusing
        an id of a file left out for its own errors is a warning: the later deck still loads,
        so studying goes on, and the clash is known before the broken file is fixed. A card id
        repeated inside ``file`` is the builder's error, so each is reported once here.
        """
        problems: list[Problem] = []
        ids: list[tuple[str, IdAt]] = []
        if loaded.deck_id is not None:
            ids.append(("deck", loaded.deck_id))
        if not self.seen_cards.isdisjoint(_plain_ids(loaded.card_ids)):
            ids += [("card", c) for c in loaded.card_ids]
        reported: set[str] = set()
        for kind, (item_id, where) in ids:
            if kind == "card" and item_id in reported:
                continue
            if kind == "deck":
                owners, broken = self.decks, self.broken_decks
            else:
                owners, broken = self._card_owners()
            first = owners.get(item_id) or broken.get(item_id)
            if first is None or first[0] == file:
                continue
            reported.add(item_id)
            severity: Literal["error", "warning"] = "error" if item_id in owners else "warning"
            note = "" if severity == "error" else " (a file left out for its errors)"
            rule = (
                "deck ids must be unique"
                if kind == "deck"
                else "card ids must be unique across decks"
            )
            verb = "by" if kind == "deck" else "in"
            problems.append(
                Problem(
                    file,
                    where.line,
                    where.column,
                    f"{kind} id '{item_id}' is already used {verb} {first[0]}:{first[1]}"
                    f"{note}; {rule}",
                    severity,
                )
            )
        return problems

    def remember(self, file: Path, loaded: _Loaded, kept: bool) -> None:
        """Record the ids of ``file``, as owned by a loaded deck when ``kept``."""
        decks = self.decks if kept else self.broken_decks
        if loaded.deck_id is not None:
            deck_id, where = loaded.deck_id
            decks.setdefault(deck_id, (file, where.line))
        self.seen_cards.update(_plain_ids(loaded.card_ids))
        self.files.append((file, loaded, kept))
        if self._cards is not None:
            self._add_cards(file, loaded, kept)


def load_decks(paths: Iterable[Path], cache_file: Path | None = None) -> LoadResult:
    """Every deck in ``paths`` (files or folders), with all problems of all files.

    Besides each file's own checks, deck ids and card ids must be unique across files: the
    later occurrence is the error (naming the first file and line) and its deck is left out.
    The ids of a file with other errors take part too, so one run reports every problem; a
    valid deck that only clashes with such a file still loads, with a warning.
    With ``cache_file``, unchanged files are read from that cache (and it is updated): the
    result is the same, only faster; the library's listing is kept beside it
    (:mod:`studyapp.decks.listing`).
    """
    files, problems = deck_files(paths)
    result = LoadResult(problems=problems, files=files)
    owners = _IdOwners()
    cache = None
    if cache_file is not None:
        from studyapp.decks.cache import DeckCache

        with collector_paused():
            cache = DeckCache(cache_file, parse=load_deck_file)
    for file in files:
        loaded = _load_cached(file, cache)
        file_problems = [*loaded.problems, *owners.reused(file, loaded)]
        deck = loaded.deck
        kept = deck is not None and not any(p.severity == "error" for p in file_problems)
        if kept and deck is not None:
            result.decks.append(deck)
        owners.remember(file, loaded, kept)
        result.problems.extend(_sorted(file_problems))
    if cache is not None and cache_file is not None:
        from studyapp.decks.listing import save_listing

        cache.keep_only(files)
        cache.save()
        save_listing(cache_file, files, result.decks, result.problems)
    return result
