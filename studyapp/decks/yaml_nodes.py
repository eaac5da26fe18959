"""Safe, bounded reading of one YAML file into a node tree, and typed access to its nodes.

This module owns everything about deck files that is not the deck format itself: the size
limit (checked before reading), UTF-8 decoding, composing the YAML with the safe loader (the
C one when present) into nodes that know their ``line:col``, and :class:`NodeReader`, which
reads typed values out of those nodes while collecting a :class:`Problem` for every mistake.

Nothing is ever *constructed* from tags: the loader only composes nodes, and the reader
accepts the plain YAML tags (text, numbers, booleans, null, lists, mappings) and reports any
other tag (``!!python/object...`` included) as an error. Aliases are shared node objects, so
an alias bomb costs nothing to compose; the reader counts every node it visits and stops past
:data:`MAX_NODE_VISITS`. libyaml refuses nesting deeper than 1000 levels while parsing, and
the reader only descends as deep as the deck format goes.
"""

from __future__ import annotations

import codecs
import difflib
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from studyapp.decks.problems import Problem, Severity

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Deck files larger than this are refused before they are read."""

MAX_NODE_VISITS = 1_000_000
"""How many YAML nodes one file may expand to (aliases counted each time they are used)."""

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"
MERGE = "tag:yaml.org,2002:merge"

_KINDS = {
    STR: "text",
    INT: "a number",
    FLOAT: "a number",
    BOOL: "true/false",
    NULL: "nothing (null)",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:binary": "binary data",
    SEQ: "a list",
    MAP: "a mapping",
}

_QUOTABLE = frozenset({INT, FLOAT, BOOL, "tag:yaml.org,2002:timestamp"})
"""Tags YAML gives unquoted text by itself: quoting the value makes it text."""


_SAFE_BASE: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SafeNodeLoader(_SAFE_BASE):  # type: ignore[misc, valid-type]
    """The safe loader (libyaml's when present) with a leaner resolver for composing.

    It gives every node the same tag the standard resolver would (the same implicit rules for
    plain scalars), but skips the path-resolver bookkeeping the standard one does per node,
    which is a large share of composing time.
    """

    _implicit = _SAFE_BASE.yaml_implicit_resolvers

    def resolve(self, kind: type, value: object, implicit: tuple[bool, bool]) -> str:
        """The tag of a node without an explicit one."""
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in self._implicit.get(value[:1], ()):  # type: ignore[index]
                    if regexp.match(value):
                        return tag
            return STR
        return SEQ if kind is SequenceNode else MAP

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        """No path resolvers are registered, so there is nothing to track."""

    def ascend_resolver(self) -> None:
        """No path resolvers are registered, so there is nothing to track."""


class NodeBudgetExceeded(Exception):
    """Raised inside a :class:`NodeReader` walk when a file expands to too many nodes."""

    def __init__(self, node: Node) -> None:
        super().__init__("node budget exceeded")
        self.node = node


def position(text: str | bytes, index: int) -> tuple[int, int]:
    """1-based (line, column) of character (or byte) ``index`` in ``text``."""
    newline = "\n" if isinstance(text, str) else b"\n"
    line = text.count(newline, 0, index) + 1  # type: ignore[arg-type]
    column = index - (text.rfind(newline, 0, index) + 1) + 1  # type: ignore[arg-type]
    return line, column


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """The text of a deck file, or None and the reason it cannot be a deck.

    Refuses folders, special files, files over :data:`MAX_FILE_BYTES` (checked before reading
    and again while reading), binary files, and anything that is not UTF-8.
    """

    def fail(message: str, line: int = 0, column: int = 0) -> tuple[None, list[Problem]]:
        return None, [Problem(path, line, column, message)]

    try:
        info = path.stat()
    except FileNotFoundError:
        return fail("no such file")
    except OSError as error:
        return fail(f"cannot read the file: {error.strerror or error}")
    if stat.S_ISDIR(info.st_mode):
        return fail("is a folder, not a deck file")
    if not stat.S_ISREG(info.st_mode):
        return fail("is not a regular file")
    limit_mb = MAX_FILE_BYTES / (1024 * 1024)
    too_large = (
        f"the file is over the {limit_mb:g} MB limit for a deck file; split it into smaller decks"
    )
    if info.st_size > MAX_FILE_BYTES:
        return fail(too_large)
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return fail(f"cannot read the file: {error.strerror or error}")
    if len(raw) > MAX_FILE_BYTES:
        return fail(too_large)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return fail("the file is saved as UTF-16; save it as UTF-8", 1, 1)
    nul = raw.find(b"\x00")
    if nul >= 0:
        return fail("this is a binary file, not a YAML deck (NUL byte)", *position(raw, nul))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = position(raw, error.start)
        byte = raw[error.start]
        return fail(
            f"the file is not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8", line, column
        )
    if not text.strip():
        return fail("the file is empty: a deck needs at least 'format', 'id' and 'title'")
    return text, []


def compose_text(text: str, path: Path) -> tuple[Node | None, list[Problem]]:
    """The root node of the single YAML document in ``text``, or None and why not.

    Only composes (no Python objects are made from tags), with the C safe loader when present.
    """
    try:
        root = yaml.compose(text, Loader=SafeNodeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = error.problem or "invalid YAML"
        if error.context:
            context_mark = error.context_mark
            where = f" (line {context_mark.line + 1})" if context_mark is not None else ""
            what = f"{what}, {error.context}{where}"
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
        return None, [Problem(path, line, column, f"invalid YAML: {what}")]
    except yaml.reader.ReaderError as error:
        line, column = position(text, min(error.position, len(text)))
        code = error.character if isinstance(error.character, int) else ord(error.character)
        message = f"invalid character U+{code:04X} in YAML: {error.reason}"
        return None, [Problem(path, line, column, message)]
    except yaml.YAMLError as error:
        return None, [Problem(path, 0, 0, f"invalid YAML: {error}")]
    except RecursionError:
        return None, [Problem(path, 0, 0, "invalid YAML: the document is nested too deeply")]
    if root is None:
        return None, [Problem(path, 0, 0, "the file has no YAML content, only comments")]
    return root, []


def tag_name(tag: str) -> str:
    """A tag as an author writes it: ``!!python/object`` rather than the long URI form."""
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,") else tag


def describe(node: Node) -> str:
    """What a node holds, for messages: ``text 'x'``, ``a number (42)``, ``a list``."""
    kind = _KINDS.get(node.tag)
    if kind is None:
        return f"a value tagged {tag_name(node.tag)}"
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.tag != NULL:
        value = node.value if len(node.value) <= 40 else node.value[:37] + "..."
        return f"{kind} {value!r}" if node.tag == STR else f"{kind} ({value})"
    return kind


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`` did you mean 'answer'?`` for a close candidate, else an empty string."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


class NodeReader:
    """Reads typed values out of one file's nodes and collects a problem for each mistake.

    Every mapping and list read counts its entries against :data:`MAX_NODE_VISITS` (an
    aliased list counts again each time it is used); past it the walk stops with
    :class:`NodeBudgetExceeded`, which the caller turns into one error for the file. The
    common case (a value of the right type) takes a short path; messages are only built for
    problems.
    """

    def __init__(self, path: Path, budget: int = MAX_NODE_VISITS) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.errors = 0
        self._budget = budget

    def report(self, node: Node, message: str, severity: Severity = "error") -> None:
        """Record a problem at ``node``'s position."""
        mark = node.start_mark
        if severity == "error":
            self.errors += 1
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, message, severity))

    def spend(self, node: Node, count: int) -> None:
        """Count ``count`` nodes (met at ``node``) against the budget."""
        self._budget -= count
        if self._budget < 0:
            raise NodeBudgetExceeded(node)

    def wrong_type(self, node: Node, what: str, expected: str) -> None:
        """Report a value of the wrong kind, naming what was expected and what was found."""
        if node.tag not in _KINDS:
            self.report(
                node,
                f"{what}: tag {tag_name(node.tag)} is not allowed; deck files hold only "
                "text, numbers, true/false, lists and mappings (tags are never executed)",
            )
        else:
            self.report(node, f"{what} must be {expected}, got {describe(node)}")

    def mapping(self, node: Node, what: str) -> dict[str, tuple[Node, Node]] | None:
        """The ``(key node, value node)`` entries of a mapping by key, or None if not one.

        The first occurrence of a key wins; duplicate keys, keys that are not text and merge
        keys (``<<``) are reported.
        """
        if type(node) is not MappingNode or node.tag != MAP:
            self.wrong_type(node, what, "a mapping of keys")
            return None
        pairs = node.value
        self.spend(node, 1 + 2 * len(pairs))
        entries: dict[str, tuple[Node, Node]] = {}
        for pair in pairs:
            key_node = pair[0]
            if key_node.tag == STR and type(key_node) is ScalarNode:
                key = key_node.value
                first = entries.get(key)
                if first is None:
                    entries[key] = pair
                    continue
                line = first[0].start_mark.line + 1
                message = f"duplicate key '{key}' in {what} (first at line {line}); keep one"
                self.report(key_node, message)
            elif key_node.tag == MERGE:
                message = f"{what}: merge keys ('<<') are not supported; write the keys out"
                self.report(key_node, message)
            else:
                self.wrong_type(key_node, f"a key in {what}", "text")
        return entries

    def check_keys(
        self,
        entries: dict[str, tuple[Node, Node]],
        node: Node,
        what: str,
        allowed: Iterable[str],
        required: Iterable[str] = (),
    ) -> None:
        """Report keys not in ``allowed`` (with a did-you-mean) and missing ``required`` keys."""
        allowed = tuple(allowed)
        for key, (key_node, _) in entries.items():
            if key not in allowed:
                self.report(key_node, f"unknown key '{key}' in {what}{did_you_mean(key, allowed)}")
        for key in required:
            if key not in entries:
                self.report(node, f"{what} is missing the required key '{key}'")

    def text(self, node: Node, what: str) -> str | None:
        """A text value (null counts as empty text), or None after reporting a wrong type."""
        if node.tag == STR and type(node) is ScalarNode:
            return node.value
        if node.tag == NULL and type(node) is ScalarNode:
            return ""
        hint = " (put it in quotes)" if node.tag in _QUOTABLE and type(node) is ScalarNode else ""
        self.wrong_type(node, what, "text" + hint)
        return None

    def integer(self, node: Node, what: str, minimum: int) -> int | None:
        """A whole number of at least ``minimum``, or None after reporting the problem."""
        if node.tag == INT and type(node) is ScalarNode:
            try:
                value = int(node.value.replace("_", ""), 0)
            except ValueError:
                value = None
            if value is not None and value >= minimum:
                return value
        self.wrong_type(node, what, f"a whole number of at least {minimum}")
        return None

    def boolean(self, node: Node, what: str) -> bool | None:
        """``true`` or ``false``, or None after reporting the problem."""
        if node.tag == BOOL and type(node) is ScalarNode:
            value = node.value.lower()
            if value in ("true", "yes", "on", "y"):
                return True
            if value in ("false", "no", "off", "n"):
                return False
        self.wrong_type(node, what, "true or false")
        return None

    def text_list(self, node: Node, what: str) -> tuple[str, ...] | None:
        """A list of non-empty texts, or None after reporting; reports each bad item."""
        if type(node) is not SequenceNode or node.tag != SEQ:
            self.wrong_type(node, what, "a list of text")
            return None
        self.spend(node, 1 + len(node.value))
        items = [
            item.value
            for item in node.value
            if item.tag == STR and type(item) is ScalarNode and item.value.strip()
        ]
        if len(items) == len(node.value):
            return tuple(items)
        for index, item in enumerate(node.value, start=1):
            value = self.text(item, f"item {index} of {what}")
            if value is not None and not value.strip():
                self.report(item, f"item {index} of {what} is empty")
        return None

    def sequence(self, node: Node, what: str) -> list[Node] | None:
        """The item nodes of a list (null counts as an empty list), or None after reporting."""
        if type(node) is SequenceNode and node.tag == SEQ:
            self.spend(node, 1 + len(node.value))
            return node.value
        if type(node) is ScalarNode and node.tag == NULL:
            return []
        self.wrong_type(node, what, "a list")
        return None
