"""The editor schema (docs/deck.schema.json) accepts the shipped decks, agrees with the loader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from studyapp.decks.load import load_deck_file
from tests.locations import DECK_FIXTURES, ROOT

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = json.loads((ROOT / "docs" / "deck.schema.json").read_text(encoding="utf-8"))
FIXTURES = DECK_FIXTURES
SHIPPED = sorted((ROOT / "decks").glob("*.yaml"))


def schema_errors(path: Path) -> list[str]:
    """What the schema finds wrong with a deck file (a file safe_load refuses counts too)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        return [f"not loadable: {error}"]
    validator = jsonschema.Draft202012Validator(SCHEMA)
    return [error.message for error in validator.iter_errors(data)]


def loader_errors(path: Path) -> list[str]:
    """What the loader finds wrong with a deck file (errors only)."""
    return [p.message for p in load_deck_file(path)[1] if p.severity == "error"]


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    """Editors can use the schema: it is itself valid, and every property is described."""
    jsonschema.Draft202012Validator.check_schema(SCHEMA)

    def undescribed(node: object, where: str) -> list[str]:
        missing: list[str] = []
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                if isinstance(prop, dict) and "description" not in prop:
                    missing.append(f"{where}.{name}")
            for key, value in node.items():
                if key not in ("if", "then"):  # per-type rules restate described properties
                    missing += undescribed(value, f"{where}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                missing += undescribed(value, f"{where}[{index}]")
        return missing

    assert undescribed(SCHEMA, "$") == []


@pytest.mark.skipif(not SHIPPED, reason="no shipped decks in decks/ yet")
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_deck_matches_the_schema_and_loads(path: Path) -> None:
    """Each deck in decks/ passes both the editor schema and the loader."""
    assert schema_errors(path) == []
    assert loader_errors(path) == []


@pytest.mark.parametrize("path", sorted((FIXTURES / "good").glob("*.y*ml")), ids=lambda p: p.name)
def test_schema_and_loader_both_accept_the_good_fixtures(path: Path) -> None:
    """A deck the loader accepts is also valid for the editor."""
    assert schema_errors(path) == []
    assert loader_errors(path) == []


@pytest.mark.parametrize("path", sorted((FIXTURES / "bad").glob("*.yaml")), ids=lambda p: p.stem)
def test_schema_and_loader_both_refuse_the_bad_fixtures(path: Path) -> None:
    """Structural mistakes are flagged by the editor as well as by `studyapp validate`."""
    assert schema_errors(path) != []
    assert loader_errors(path) != []


@pytest.mark.parametrize(
    "path", sorted((FIXTURES / "bad_semantic").glob("*.yaml")), ids=lambda p: p.stem
)
def test_only_the_loader_sees_cross_reference_mistakes(path: Path) -> None:
    """Duplicate ids, unknown sections and similar are beyond a schema; the loader finds them."""
    assert schema_errors(path) == []
    assert loader_errors(path) != []
