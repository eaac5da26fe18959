"""`studyapp validate` prints every problem as path:line:col, a summary, and a telling exit code."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from studyapp.cli import main
from tests.locations import DECK_FIXTURES

FIXTURES = DECK_FIXTURES


def test_a_good_deck_passes_with_exit_code_0(capsys: pytest.CaptureFixture[str]) -> None:
    """A valid deck prints only the summary and exits 0."""
    code = main(["validate", str(FIXTURES / "good" / "complete.yaml")])
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines() == ["1 deck, 5 cards: 0 errors, 0 warnings"]


def test_a_folder_with_warnings_still_passes(capsys: pytest.CaptureFixture[str]) -> None:
    """Warnings are printed, counted, and do not fail validation."""
    folder = FIXTURES / "good"
    code = main(["validate", str(folder)])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    warnings_file = folder / "warnings_only.yml"
    assert lines == [
        f"{warnings_file}:13:16: warning: card 'example-warnings-1' has only 1 distractor(s); "
        "3 or more make guessing harder",
        f"{warnings_file}:14:3: warning: card 'example-warnings-2' has no 'section': it will "
        "not be linked to its place in the reading",
        "3 decks, 8 cards: 0 errors, 2 warnings",
    ]


def test_strict_makes_warnings_fail(capsys: pytest.CaptureFixture[str]) -> None:
    """With --strict, a deck with warnings exits 1."""
    assert main(["validate", "--strict", str(FIXTURES / "good" / "warnings_only.yml")]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == "1 deck, 2 cards: 0 errors, 2 warnings"


def test_every_error_is_printed_with_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A deck with several mistakes lists them all, in file order, and exits 1."""
    deck = tmp_path / "several.yaml"
    deck.write_text(
        textwrap.dedent(
            """\
            format: 1
            id: several
            title: Several errors
            sections:
            - id: s1
              title: One
              level: "two"
            cards:
            - id: several-1
              type: basic
              section: s1
              question: Which receptor?
              anwser: NMDA
            - id: several-2
              type: choice
              section: s2
              question: Pick
              answer: Right
              distractors: [Wrong, Right, Other]
            - id: several-3
              type: list
              section: s1
              question: Items?
              items: x
            """
        ),
        encoding="utf-8",
    )
    shutil.copy(FIXTURES / "good" / "minimal.yaml", tmp_path / "fine.yaml")
    code = main(["validate", str(tmp_path)])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert lines == [
        f"{deck}:7:10: error: 'level' of section 's1' must be a whole number of at least 1, "
        "got text 'two'",
        f"{deck}:9:3: error: card 'several-1' is missing the required key 'answer'",
        f"{deck}:13:3: error: unknown key 'anwser' in card 'several-1'; did you mean 'answer'?",
        f"{deck}:16:12: error: card 'several-2': section 's2' is not a section of this deck",
        f"{deck}:19:16: error: card 'several-2': the answer 'Right' is also one of the distractors",
        f"{deck}:24:10: error: 'items' of card 'several-3' must be a list of text, got text 'x'",
        "1 deck, 1 card: 6 errors, 0 warnings (1 file not loaded)",
    ]


def test_a_reused_id_is_printed_with_the_files_other_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second deck reusing ids and with a broken card lists all of it in one run, in order."""
    first = tmp_path / "1-first.yaml"
    first.write_text(
        "format: 1\nid: shared\ntitle: First\nsections: [{id: s, title: S}]\n"
        "cards:\n- {id: same-card, type: basic, section: s, question: Q1?, answer: A1}\n",
        encoding="utf-8",
    )
    second = tmp_path / "2-second.yaml"
    second.write_text(
        textwrap.dedent(
            """\
            format: 1
            id: shared
            title: Second
            sections: [{id: s, title: S}]
            cards:
            - id: second-1
              type: basic
              section: s
              question: Which receptor?
            - id: same-card
              type: basic
              section: s
              question: Q3?
              answer: A3
            """
        ),
        encoding="utf-8",
    )
    assert main(["validate", str(tmp_path)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{second}:2:5: error: deck id 'shared' is already used by {first}:2; deck ids must "
        "be unique",
        f"{second}:6:3: error: card 'second-1' is missing the required key 'answer'",
        f"{second}:10:3: error: card id 'same-card' is already used in {first}:6; card ids "
        "must be unique across decks",
        "1 deck, 1 card: 3 errors, 0 warnings (1 file not loaded)",
    ]


def test_a_missing_path_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Naming a file that does not exist reports it and exits 1, without a traceback."""
    missing = tmp_path / "nope.yaml"
    assert main(["validate", str(missing)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        f"{missing}: error: no such file or folder",
        "0 decks, 0 cards: 1 error, 0 warnings",
    ]
    assert "Traceback" not in captured.err


def test_unknown_option_is_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    """`studyapp validate --bogus` prints usage and exits 2."""
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", "--bogus", "decks"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "usage: studyapp" in err and "unrecognized arguments: --bogus" in err


def test_validate_without_paths_checks_the_decks_the_app_opens(capsys, monkeypatch, tmp_path):
    """`studyapp validate` alone checks $STUDYAPP_DECKS (or the shipped decks) and says so."""
    from studyapp import paths

    shutil.copy(next(paths.shipped_decks_dir().glob("*.yaml")), tmp_path / "one.yaml")
    monkeypatch.setenv("STUDYAPP_DECKS", str(tmp_path))
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert "1 deck," in out and "0 errors" in out
