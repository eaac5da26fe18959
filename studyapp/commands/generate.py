"""``studyapp generate SOURCE --out DIR``: make topic decks from a text or Markdown outline.

Prints each file written with its card counts. A missing, unreadable, binary or empty source
is an :class:`~studyapp.errors.OutlineError`, which the CLI prints as ``studyapp: error: ...``.
Each deck shows the source's notice: a ``notice:`` line in the text's YAML front matter (the
shipped ketamine source has one: not medical advice). ``--notice TEXT`` replaces it, and
``--notice ""`` drops it; a text without one gets no notice.
"""

from __future__ import annotations

import argparse
import os
import shlex
from collections import Counter
from pathlib import Path

ORDER = 10  # position in `studyapp --help`


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``generate`` subcommand."""
    parser = subparsers.add_parser(
        "generate",
        help="make topic decks (YAML) from a text or Markdown outline",
        description="Parse an outline (Roman/lettered/numbered/decimal sections, Markdown or "
        "reStructuredText headings, underlined headings or nested bullets; tables are kept), "
        "drop what is not study material (a table of contents, markup, site names, sales "
        "text, author bios, navigation) and write one deck per top-level topic; neighbouring "
        "topics of one or two cards each are joined into decks of six cards or more. A "
        "'notice:' line in the text's YAML front matter is shown with its decks.",
    )
    parser.add_argument(
        "source", metavar="SOURCE", help="the outline: a UTF-8 .txt, .md or .rst file"
    )
    parser.add_argument("--out", metavar="DIR", required=True, help="folder to write decks to")
    parser.add_argument(
        "--prefix",
        metavar="NAME",
        help="deck id prefix (default: the first word of the source file name, or the "
        "title word the text mentions most when the name is not a word)",
    )
    parser.add_argument(
        "--notice",
        metavar="TEXT",
        default=None,
        help="notice shown with each deck (default: the source's own, a 'notice:' line in its "
        "front matter; none when it has none; --notice '' drops it)",
    )
    parser.add_argument(
        "--deck-per-topic",
        action="store_true",
        help="one deck for every top-level topic, even one of a single card (default: "
        "neighbouring small topics are studied as one deck)",
    )


def run(args: argparse.Namespace) -> int:
    """Generate the decks and report what was written."""
    from studyapp.cards import lexicon
    from studyapp.cards.deck_making import make_decks
    from studyapp.wording import count

    lexicon.settle_tables()  # a one-shot process: the word tables leave the collector's rounds

    source, out_dir = Path(args.source), Path(args.out)
    label = _project_relative(source)
    command = "studyapp generate " + " ".join(
        shlex.quote(part)
        for part in [label, "--out", _project_relative(out_dir)]
        + (["--prefix", args.prefix] if args.prefix else [])
        + (["--notice", args.notice] if args.notice is not None else [])
        + (["--deck-per-topic"] if args.deck_per_topic else [])
    )
    made = make_decks(
        source,
        out_dir,
        label=label,
        command=command,
        prefix=args.prefix,
        notice=args.notice,
        join_small=not args.deck_per_topic,
    )
    if made.left_out:
        print(f"left out as not study material: {made.left_out_summary()}")
    for deck, path in zip(made.decks, made.paths, strict=True):
        counts = Counter(card.type.value for card in deck.cards)
        detail = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
        print(f"wrote {path} ({count(len(deck.cards), 'card')}: {detail})")
    print(f"{count(len(made.paths), 'deck')}, {count(made.card_count, 'card')}")
    return 0


def _project_relative(path: Path) -> str:
    """``path`` relative to the working folder when inside it (as written in the decks)."""
    try:
        relative = Path(os.path.relpath(path.resolve(), Path.cwd().resolve()))
    except ValueError:
        return path.as_posix()
    return relative.as_posix() if not relative.as_posix().startswith("..") else path.as_posix()
