"""Making topic decks from a text file and writing them: one path for the CLI and the app.

``studyapp generate`` and the app's "Make decks from a text…" both parse the outline, drop
what is not study material, generate the decks and write them with :func:`make_decks`. It
refuses deck ids that other deck files already use (a second copy of a deck would only be
reported as a duplicate and left out), and turns every failure into a
:class:`~studyapp.errors.StudyappError` with a message a user can act on: an unreadable, binary,
empty or oversized text is an :class:`~studyapp.errors.OutlineError`; a folder that cannot be
written is a :class:`DeckWriteError`. Nothing is written unless the decks were made.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from studyapp.errors import OutlineError, StudyappError
from studyapp.model import Deck

STEPS = 4  # read, generate, check, write: what ``report(done, STEPS)`` counts


class DeckWriteError(StudyappError):
    """The decks were made but could not be written (disk full, no permission...)."""


class DeckIdsInUseError(StudyappError):
    """Some of the new decks have ids that decks from other files already use."""


@dataclass(frozen=True)
class MadeDecks:
    """What :func:`make_decks` wrote: the decks, their files, and what it left out of the text
    as not study material (reason -> how many lines)."""

    decks: list[Deck]
    paths: list[Path]
    left_out: Counter[str]

    @property
    def card_count(self) -> int:
        """Cards in all the decks made."""
        return sum(len(deck.cards) for deck in self.decks)

    def left_out_summary(self) -> str:
        """``2 sales text, 1 site name`` (empty when nothing was left out)."""
        return ", ".join(f"{n} {reason}" for reason, n in sorted(self.left_out.items()))


def make_decks(
    source: Path,
    out_dir: Path,
    *,
    label: str,
    command: str,
    prefix: str | None = None,
    notice: str | None = None,
    in_use: Mapping[str, Path] | None = None,
    report: Callable[[int, int], None] | None = None,
    join_small: bool = True,
) -> MadeDecks:
    """Generate the topic decks of ``source`` and write them to ``out_dir``.

    ``label`` names the source inside the decks and ``command`` is how to regenerate them (both
    go into each file's header). ``in_use`` maps deck ids already loaded from other files to
    those files; a new deck with one of those ids stops the whole write. ``report(done, total)``
    is told how far the work is. ``notice`` overrides the source's own notice (``None``: keep it).
    ``join_small=False`` keeps one deck per topic, however few cards it has.
    """
    from studyapp.cards.deck_files import write_decks
    from studyapp.cards.deck_names import default_prefix
    from studyapp.cards.generate import generate_decks
    from studyapp.outline.parse import parse_file

    def step(done: int) -> None:
        if report is not None:
            report(done, STEPS)

    step(0)
    outline = parse_file(source)
    step(1)
    decks = generate_decks(
        outline,
        prefix=prefix or default_prefix(source, outline),
        source_file=label,
        notice=notice,
        join_small=join_small,
    )
    if not decks:
        raise OutlineError(f"{source}: no topic with study text found")
    step(2)
    clashes = {deck.id: in_use[deck.id] for deck in decks if in_use and deck.id in in_use}
    if clashes:
        first_id, first_file = next(iter(clashes.items()))
        more = f" and {len(clashes) - 1} more" if len(clashes) > 1 else ""
        raise DeckIdsInUseError(
            f"{source.name}: these decks are already in the library: '{first_id}' "
            f"({first_file}){more}. Nothing was written."
        )
    step(3)
    try:
        paths = write_decks(decks, out_dir, label, command)
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise DeckWriteError(f"cannot write the decks to {out_dir}: {reason}") from None
    step(4)
    return MadeDecks(decks, paths, Counter(r.reason for r in outline.removals))
