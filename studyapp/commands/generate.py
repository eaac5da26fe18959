"""``studyapp generate SOURCE --out DIR``: make topic decks from a text or Markdown outline.

Prints each file written with its card counts. A missing, unreadable, binary or empty source
is an :class:`~studyapp.errors.OutlineError`, which the CLI prints as ``studyapp: error: ...``.
``--notice`` is the notice shown with every deck; it defaults to the medical notice because the
shipped source is medical (pass ``--notice ""`` for none).
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
    from studyapp.model import MEDICAL_NOTICE

    parser = subparsers.add_parser(
        "generate",
        help="make topic decks (YAML) from a text or Markdown outline",
        description="Parse an outline (Roman/lettered/numbered sections, Markdown headings or "
        "nested bullets), drop what is not study material (site names, sales text, author "
        "bios, navigation) and write one deck per top-level topic.",
    )
    parser.add_argument("source", metavar="SOURCE", help="the outline: a UTF-8 .txt or .md file")
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
        default=MEDICAL_NOTICE,
        help="notice shown with each deck (default: the medical-advice notice)",
    )


def run(args: argparse.Namespace) -> int:
    """Generate the decks and report what was written."""
    from studyapp.errors import OutlineError
    from studyapp.generate import default_prefix, generate_decks, write_decks
    from studyapp.outline import parse_file

    source = Path(args.source)
    outline = parse_file(source)
    label = _project_relative(source)
    prefix = args.prefix or default_prefix(source, outline)
    decks = generate_decks(outline, prefix=prefix, source_file=label, notice=args.notice)
    if not decks:
        raise OutlineError(f"{source}: no topic with study text found")
    command = "studyapp generate " + " ".join(
        shlex.quote(part)
        for part in [label, "--out", _project_relative(Path(args.out))]
        + (["--prefix", args.prefix] if args.prefix else [])
    )
    paths = write_decks(decks, Path(args.out), label, command)
    if outline.removals:
        reasons = Counter(r.reason for r in outline.removals)
        summary = ", ".join(f"{n} {reason}" for reason, n in sorted(reasons.items()))
        print(f"left out as not study material: {summary}")
    total = 0
    for deck, path in zip(decks, paths, strict=True):
        counts = Counter(card.type.value for card in deck.cards)
        detail = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
        print(f"wrote {path} ({len(deck.cards)} cards: {detail})")
        total += len(deck.cards)
    print(f"{len(paths)} decks, {total} cards")
    return 0


def _project_relative(path: Path) -> str:
    """``path`` relative to the working folder when inside it (as written in the decks)."""
    try:
        relative = Path(os.path.relpath(path.resolve(), Path.cwd().resolve()))
    except ValueError:
        return path.as_posix()
    return relative.as_posix() if not relative.as_posix().startswith("..") else path.as_posix()
