"""Screenshots of cards and reading with images and math, in light and dark.

``python -m studyapp.gui.media_screenshots docs/screenshots/`` opens the real app on the
example deck ``docs/examples/images-and-math.yaml`` and saves ``card-image``, ``card-math``
and ``reader-math`` as ``<screen>-<theme>.png`` (the answer side of each card).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from datetime import UTC
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from studyapp.gui.app import build_main_window, open_store
from studyapp.gui.screenshots import NOW, WINDOW_SIZE, TickingClock, advance_to, quiz_of, settle

EXAMPLE_DECK = Path(__file__).resolve().parents[2] / "docs" / "examples"
SCREENS = {
    "card-image": "example-images-and-math-image-1",
    "card-math": "example-images-and-math-math-1",
}


def render_media_screens(
    app: QApplication, out: Path, theme: str, decks: Path = EXAMPLE_DECK
) -> list[Path]:
    """The example cards' answers and the reader on the math section; the files written."""
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="studyapp-shots-") as tmp:
        data = Path(tmp)
        store = open_store(data)
        store.set_setting("ui.theme", theme)
        store.set_setting("ui.welcome_dismissed", True)
        store.close()
        window = build_main_window(
            [decks],
            data,
            clock=TickingClock(NOW),
            tz=UTC,
            open_file=lambda _p: None,
            rng=random.Random(3),
        )
        window.resize(*WINDOW_SIZE)
        window.show()
        settle(app)
        deck = window.decks[0]
        for name, card_id in SCREENS.items():
            card = next(c for c in deck.cards if c.id == card_id)
            window.start_quiz([deck], section=card.section, cram=True)
            if advance_to(window, lambda c, wanted=card_id: c.id == wanted):  # type: ignore[misc]
                quiz_of(window).reveal()
                settle(app)
                path = out / f"{name}-{theme}.png"
                window.grab().save(str(path))
                written.append(path)
        window.open_reader(deck.id, "kinetics")
        settle(app)
        path = out / f"reader-math-{theme}.png"
        window.grab().save(str(path))
        written.append(path)
        window.close()
        window.store.close()
    return written


def main(argv: list[str] | None = None) -> int:
    """Write the screenshots into the folder given on the command line."""
    args = list(sys.argv[1:] if argv is None else argv)
    out = Path(args[0] if args else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(["studyapp-screenshots"])
    files = [p for theme in ("light", "dark") for p in render_media_screens(app, out, theme)]  # type: ignore[arg-type]
    sys.stderr.write(f"wrote {len(files)} screenshots to {out}\n")
    return 0 if len(files) == 2 * (len(SCREENS) + 1) else 1


if __name__ == "__main__":
    raise SystemExit(main())
