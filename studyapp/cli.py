"""The ``studyapp`` command line: ``studyapp [gui|generate|validate|...]``.

Each subcommand lives in its own module under :mod:`studyapp.commands`, exposing
``register(subparsers)`` and ``run(args) -> int``. Only the ``gui`` command imports Qt, and only
when it runs. The library raises typed errors; this layer turns them into one-line messages and
exit codes (0 ok, 1 problems found or failure, 2 bad usage), never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import sys
from collections.abc import Sequence

from studyapp import __version__
from studyapp.errors import StudyappError


def command_modules() -> list[str]:
    """Names of the subcommand modules, in the order ``--help`` lists them (their ``ORDER``)."""
    import pkgutil  # here, not at the top: the app's start does not list the commands

    import studyapp.commands as package

    names = [info.name for info in pkgutil.iter_modules(package.__path__)]
    modules = [importlib.import_module(f"studyapp.commands.{name}") for name in names]
    return [command_name(m.__name__) for m in sorted(modules, key=lambda m: m.ORDER)]


def module_name(command: str) -> str:
    """The module of a subcommand: ``install-desktop`` lives in ``install_desktop``."""
    return command.replace("-", "_")


def command_name(module: str) -> str:
    """The subcommand a module (``studyapp.commands.install_desktop``) adds: ``install-desktop``."""
    return module.rsplit(".", 1)[-1].replace("_", "-")


def named_command(word: str) -> str | None:
    """``word`` when it names a subcommand, found without importing the other modules."""
    name = module_name(word)
    if not name.isidentifier() or name.startswith("_"):
        return None
    found = importlib.util.find_spec(f"studyapp.commands.{name}")
    return word if found is not None else None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser: every command, or just ``only`` when that is the one being run.

    Describing every command means importing every command module and letting argparse
    translate all their help texts: about 5 ms, paid on each start of the app otherwise.
    """
    parser = argparse.ArgumentParser(
        prog="studyapp",
        description="Study a text: read it section by section, then quiz yourself with "
        "spaced repetition (FSRS). Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"studyapp {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in command_modules() if only is None else [only]:
        module = importlib.import_module(f"studyapp.commands.{module_name(name)}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (
        args_list[0].startswith("-") and args_list[0] not in ("-h", "--help", "--version")
    ):
        args_list = ["gui", *args_list]
    parser = build_parser(only=named_command(args_list[0]))
    args = parser.parse_args(args_list)
    if args.command is None:
        args = parser.parse_args(["gui"])
    module = importlib.import_module(f"studyapp.commands.{module_name(args.command)}")
    try:
        return int(module.run(args))
    except StudyappError as error:
        print(f"studyapp: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("studyapp: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into e.g. `head`, which stopped reading: not an error worth a traceback.
        # Point stdout at devnull so the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def gui_main() -> int:
    """The ``studyapp-gui`` launcher: the app, with the same options as ``studyapp gui``.

    Installed as a gui-script, so Windows starts it without a console window; there (under
    pythonw) there is no stderr, and a one-line error must not become a crash of its own.
    """
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives as long as the app)
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    return main(["gui", *sys.argv[1:]])
