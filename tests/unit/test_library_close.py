"""Closing a library: once, with one clear error after, and those who asked are told."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor_desk.core.errors import LibraryClosedError, LibraryFileError
from monitor_desk.core.library import Library


def test_a_closed_library_says_so_and_tells_who_asked(tmp_path: Path) -> None:
    lib = Library.open(tmp_path / "lib.sqlite")
    told: list[str] = []
    lib.when_closed(lambda: told.append("window"))
    forget = lib.when_closed(lambda: told.append("forgotten"))
    forget()
    assert not lib.closed
    lib.close()
    lib.close()  # again: nothing, and no one is told twice
    assert lib.closed
    assert told == ["window"]
    with pytest.raises(LibraryClosedError, match="The library was closed"):
        lib.articles.ids()
    with pytest.raises(LibraryFileError):  # what the faces already show as one line
        lib.tags.list()
    with Library.open(tmp_path / "lib.sqlite") as again:  # its lock was released
        assert again.articles.ids() == []
