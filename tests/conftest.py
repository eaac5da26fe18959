"""Shared test setup: Qt runs offscreen, and no test touches the real user data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point STUDYAPP_DATA_DIR at a fresh folder so tests never read or write real progress."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(folder))
    monkeypatch.delenv("STUDYAPP_DECKS", raising=False)
    return folder
