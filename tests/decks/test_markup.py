"""Images and math in deck text: validate reports bad ones at file:line:col."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from studyapp.decks.load import load_deck_file
from studyapp.decks.markup import formulas, image_path_problem, resolve_image

PNG = b"\x89PNG\r\n\x1a\n" + bytes(32)

DECK = """\
format: 1
id: pics
title: Pictures
sections:
- id: s
  title: Section
  body: |
    See ![the map](img/map.png) and ![gone](img/gone.png) here.
    A formula $\\frac{a}{$ that breaks, and $x^2$ that works.
cards:
- id: c1
  type: basic
  section: s
  question: "Which? ![x](../outside.png)"
  answer: "![y](https://example.com/y.png)"
- id: c2
  type: basic
  section: s
  question: "Fake ![z](img/fake.png)"
  answer: It costs $5 and $10 today
"""


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    """The deck above, with a real image, a fake one and one outside its folder."""
    folder = tmp_path / "deck"
    (folder / "img").mkdir(parents=True)
    (folder / "img" / "map.png").write_bytes(PNG)
    (folder / "img" / "fake.png").write_text("not a picture", encoding="utf-8")
    (tmp_path / "outside.png").write_bytes(PNG)
    path = folder / "pics.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


def test_bad_images_are_errors_and_bad_formulas_warnings_at_their_place(deck_file: Path) -> None:
    """Missing, outside, remote and fake images are errors, a broken formula a warning, each
    at the line and column where it is written."""
    deck, problems = load_deck_file(deck_file)
    assert deck is None
    found = [(p.line, p.column, p.severity, p.message.split(": ", 1)[1][:30]) for p in problems]
    assert found == [
        (8, 37, "error", "image 'img/gone.png' does not "),
        (9, 15, "warning", "formula '$\\frac{a}{$' cannot b"),
        (14, 21, "error", "image '../outside.png' is outs"),
        (15, 12, "error", "image 'https://example.com/y.p"),
        (19, 19, "error", "image 'img/fake.png' is not a "),
    ]


def test_dollars_for_money_are_not_math() -> None:
    """ "$5 and $10" stays text; "$x$" and "$$y$$" are formulas; "\\$" is a dollar."""
    assert formulas("It costs $5 and $10 today") == []
    assert [f.source for f in formulas("a $x$ b $$y = 2$$ c \\$3")] == ["x", "y = 2"]


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_a_symbolic_link_out_of_the_folder_is_never_followed(tmp_path: Path) -> None:
    """A link inside the deck folder pointing outside it resolves to nothing."""
    secret = tmp_path / "secret.png"
    secret.write_bytes(PNG)
    folder = tmp_path / "deck"
    folder.mkdir()
    (folder / "link.png").symlink_to(secret)
    assert resolve_image(folder, "link.png") is None
    assert image_path_problem("C:\\\\x.png") is not None
    assert image_path_problem("/etc/x.png") is not None
