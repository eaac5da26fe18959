"""The layers hold: the core never imports Qt, so it runs and is tested headless."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import studyapp

PACKAGE_DIR = Path(studyapp.__file__).parent


def core_modules() -> list[str]:
    """Every module of the package outside studyapp.gui."""
    names = []
    for info in pkgutil.walk_packages([str(PACKAGE_DIR)], prefix="studyapp."):
        if info.name == "studyapp.gui" or info.name.startswith("studyapp.gui."):
            continue
        names.append(info.name)
    return names


def test_core_and_cli_do_not_load_pyside6():
    """Importing every core module and building the CLI loads no PySide6 module."""
    modules = [m for m in core_modules() if m != "studyapp.__main__"]
    assert "studyapp.cli" in modules and "studyapp.model" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "import studyapp.cli\n"
        "studyapp.cli.build_parser()\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "", f"core loaded Qt: {result.stdout}"


def test_gui_package_is_the_only_place_that_imports_qt():
    """No source file outside studyapp/gui names PySide6 in an import."""
    offenders = []
    for path in PACKAGE_DIR.rglob("*.py"):
        if "gui" in path.relative_to(PACKAGE_DIR).parts:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("import PySide6", "from PySide6")):
                offenders.append(f"{path}: {stripped}")
    assert offenders == []


def test_what_the_gui_command_loads_before_qt_is_qt_free_and_fsrs_free():
    """`studyapp gui` imports its core before Qt, and the library's recall needs no fsrs.

    Both keep start-up short (see studyapp.commands.gui and studyapp.study.scheduler).
    """
    code = (
        "import importlib, sys\n"
        "from datetime import UTC, datetime, timedelta\n"
        "from studyapp.commands.gui import CORE_BEFORE_QT\n"
        "for name in CORE_BEFORE_QT:\n"
        "    importlib.import_module(name)\n"
        "from studyapp.review_types import CardState, Phase\n"
        "from studyapp.study.scheduler import Scheduler\n"
        "now = datetime(2026, 3, 2, tzinfo=UTC)\n"
        "state = CardState(Phase.REVIEW, None, 5.0, 5.0, now, now - timedelta(days=3))\n"
        "assert 0 < Scheduler().retrievability(state, now) < 1\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'fsrs'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == ""


# -- layers and cycles --------------------------------------------------------------------------

# What each part of the package may import of studyapp, besides itself and the kernel modules
# (model, review_types, errors, wording, contrast, digest, collector, __init__).
# See studyapp/__init__.py.
ALLOWED: dict[str, set[str]] = {
    "kernel": set(),
    "outline": set(),
    "cards": {"outline"},
    "decks": set(),
    "store": set(),
    "study": {"store"},
    "paths": {"decks"},
    "exchange": {"decks", "store", "study"},
    "commands": {"outline", "cards", "decks", "store", "study", "paths", "exchange"},
    "cli": {"commands"},
    "__main__": {"cli"},
    "gui": {"outline", "cards", "decks", "store", "study", "paths", "exchange", "cli"},
}
SHARED = {
    "model",
    "review_types",
    "errors",
    "wording",
    "contrast",
    "digest",
    "collector",
    "__init__",
}


def module_name(path: Path) -> str:
    """``studyapp.store.database`` for studyapp/store/database.py."""
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_blocks(tree: ast.AST) -> set[int]:
    """ids of the import nodes inside ``if TYPE_CHECKING:`` blocks (they never run)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            found.update(id(inner) for stmt in node.body for inner in ast.walk(stmt))
    return found


def imported_modules(path: Path, *, runtime_only: bool = False) -> set[str]:
    """Every studyapp module ``path`` imports, at any depth (in functions too); with
    ``runtime_only``, without the imports made for type checking alone."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_blocks(tree) if runtime_only else set()
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "studyapp")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "studyapp":
                continue
            for alias in node.names:  # `from studyapp.store import backups` names a module
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in ALL_MODULES else target)
    return {name for name in found if name in ALL_MODULES and name != here}


ALL_MODULES = {module_name(p) for p in PACKAGE_DIR.rglob("*.py")}


def part_of(module: str) -> str:
    """The layer a module belongs to: "kernel" for the shared modules at the top, else its
    package (or, for cli, paths and __main__, its own name)."""
    parts = module.split(".")
    if len(parts) == 1 or (len(parts) == 2 and parts[1] in SHARED):
        return "kernel"
    return parts[1]


def import_graph(*, runtime_only: bool = False) -> dict[str, set[str]]:
    """Module -> the studyapp modules it imports (see :func:`imported_modules`)."""
    return {
        module_name(p): imported_modules(p, runtime_only=runtime_only)
        for p in PACKAGE_DIR.rglob("*.py")
    }


def layer_violations(graph: dict[str, set[str]]) -> list[str]:
    """``"a -> b"`` for every import of ``graph`` that its layer's rule does not allow."""
    offenders = []
    for module, imports in sorted(graph.items()):
        layer = part_of(module)
        allowed = ALLOWED[layer] | {layer, "kernel"}
        if module == "studyapp.commands.gui":  # `studyapp gui` starts the app, lazily
            allowed = allowed | {"gui"}
        offenders.extend(
            f"{module} -> {target}" for target in sorted(imports) if part_of(target) not in allowed
        )
    return offenders


def test_each_package_imports_only_the_layers_below_it():
    """Outline knows nothing of cards, study never imports cards, the core never the GUI."""
    assert layer_violations(import_graph()) == []


def test_the_layer_check_sees_a_step_up():
    """A core module importing the GUI, or study importing cards, is reported."""
    graph = {
        "studyapp.study.session": {"studyapp.cards.generate", "studyapp.store.database"},
        "studyapp.store.database": {"studyapp.gui.app", "studyapp.model"},
    }
    assert layer_violations(graph) == [
        "studyapp.store.database -> studyapp.gui.app",
        "studyapp.study.session -> studyapp.cards.generate",
    ]


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of ``graph`` as a list of nodes, or [] when there is none."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_no_module_import_cycles():
    """No two modules import each other, directly or round a longer loop, when the program
    runs (a flow may name its window's class for type checking only)."""
    assert _cycle(import_graph(runtime_only=True)) == []


def test_no_package_import_cycles():
    """Packages depend one way: no package imports one that imports it back."""
    packages: dict[str, set[str]] = {}
    for module, imports in import_graph().items():
        if module == "studyapp.commands.gui":  # the one sanctioned lazy step up: `studyapp gui`
            imports = {i for i in imports if not i.startswith("studyapp.gui")}
        here = part_of(module)
        packages.setdefault(here, set()).update(part_of(i) for i in imports if part_of(i) != here)
    assert _cycle(packages) == []


def test_the_cycle_finder_finds_a_cycle():
    """The checker itself sees a loop when there is one (so the tests above can fail)."""
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) == []
