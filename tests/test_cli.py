"""The command line answers --help and --version, and bad usage gets a message, not a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from studyapp import __version__
from studyapp.cli import build_parser, command_modules, main
from tests.locations import SOURCES


def test_version_prints_the_package_version(capsys):
    """`studyapp --version` prints the version and exits 0."""
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_every_command_has_help_text():
    """Every subcommand shows a one-line help in `studyapp --help`."""
    parser = build_parser()
    help_text = parser.format_help()
    names = command_modules()
    assert "gui" in names
    for name in names:
        assert name in help_text
    subparsers = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for choice in subparsers._choices_actions:
        assert choice.help, f"{choice.dest} has no help"


def test_bad_argument_gives_usage_and_exit_code_2(capsys):
    """An unknown option prints usage and exits with code 2."""
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", "--no-such-option"] if "validate" in command_modules() else ["--bogus"])
    assert exit_info.value.code == 2
    assert "usage:" in capsys.readouterr().err


@pytest.mark.parametrize("word", ["bogus", "__init__", "commands"])
def test_an_unknown_command_lists_the_real_ones(capsys, word):
    """A mistyped command is refused with the list of commands to choose from."""
    with pytest.raises(SystemExit) as exit_info:
        main([word, "extra"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    for name in command_modules():
        assert name in err


def test_a_command_s_own_help_and_options_still_work(capsys):
    """`studyapp validate --help` describes validate, though only that command was loaded."""
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: studyapp validate")


def test_python_dash_m_runs_the_cli():
    """`python -m studyapp --help` works as the console script does, without a traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "studyapp", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert "usage: studyapp" in result.stdout
    assert "Traceback" not in result.stderr


def test_output_piped_into_head_gives_no_traceback(tmp_path):
    """`studyapp generate ... | head -1` stops quietly when the reader closes the pipe."""

    source = SOURCES / "ketamine-therapeutic-uses.txt"
    producer = subprocess.Popen(
        [sys.executable, "-m", "studyapp", "generate", str(source), "--out", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert producer.stdout is not None
    producer.stdout.close()  # the reader goes away before anything is read
    _, stderr = producer.communicate(timeout=60)
    assert b"Traceback" not in stderr


def test_the_gui_launcher_takes_the_app_s_options_even_without_a_console(monkeypatch, capsys):
    """`studyapp-gui --help` (no stdout/stderr, as under Windows' pythonw) describes the app."""
    import studyapp.cli

    monkeypatch.setattr(sys, "argv", ["studyapp-gui", "--help"])
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "stdout", None)
    with pytest.raises(SystemExit) as raised:
        studyapp.cli.gui_main()
    assert raised.value.code == 0
    assert sys.stdout is not None and sys.stderr is not None  # pointed at the null device


def test_hyphenated_commands_run_their_module(capsys):
    """`studyapp install-desktop --help` finds studyapp.commands.install_desktop."""
    with pytest.raises(SystemExit):
        main(["install-desktop", "--help"])
    assert "--uninstall" in capsys.readouterr().out
