"""Ctrl+Z after File ▸ Import Library JSON puts back what was deleted and leaves every
imported highlight and tag as imported; an undo that would overwrite another row says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from monitor_desk.core.library import Library

RAIL = """Publication: Monitor Volume: 7 Issue: 90 Date: April 12, 2001

RAIL TALKS

The governor said the rail link would open in June. Unions called the plan rushed.
"""


@pytest.fixture
def window(make_window, gui_library: Library, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    w = make_window(gui_library, analyse_missing=False)
    w.open_article(1)
    return w


@pytest.fixture
def export_file(tmp_path: Path) -> Path:
    """Another library's JSON export: a new article with a tagged, annotated highlight."""
    (tmp_path / "rail.txt").write_text(RAIL, encoding="utf-8")
    start = RAIL.index("rail link")
    with Library.open(tmp_path / "other.sqlite") as other:
        other.import_paths([tmp_path / "rail.txt"], analyze=False)
        other.highlights.add(1, start, start + 9, tags=["imported"], note="imported note")
        other.exports.write("json", tmp_path / "other.json")
    return tmp_path / "other.json"


def _span(lib: Library, words: str) -> tuple[int, int]:
    start = lib.articles.get(1).text.index(words)
    return start, start + len(words)


def _import(qtbot, window, monkeypatch, path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(path), "")))
    window.act_import_json.trigger()
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "importJsonReport") is not None, timeout=20000
    )


def _ctrl_z(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.reader.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def _imported(lib: Library) -> tuple[str, list[str]]:
    found = [h for h in lib.highlights.list() if h.exact == "rail link"]
    assert len(found) == 1, (lib.highlights.list(), [a.title for a in lib.articles.list()])
    (h,) = found
    return h.note, h.tags


def test_undo_of_a_highlight_delete_after_an_import_keeps_the_imported_highlight(
    qtbot, window, gui_library: Library, export_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    service = window.highlighting.service
    assert service.create(1, *_span(gui_library, "Pankisi"), ["places"], "first") is not None
    newest = service.create(1, *_span(gui_library, "border regime"), ["borders"], "mine")
    assert newest is not None
    deleted = gui_library.highlights.get(newest)
    assert service.delete(newest)
    _import(qtbot, window, monkeypatch, export_file)
    assert _imported(gui_library) == ("imported note", ["imported"])
    _ctrl_z(qtbot, window)
    assert gui_library.highlights.get(newest) == deleted
    assert _imported(gui_library) == ("imported note", ["imported"])
    assert len(gui_library.highlights.list()) == 3


def test_undo_of_a_tag_delete_after_an_import_keeps_the_imported_tag(
    qtbot, window, gui_library: Library, export_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    service = window.highlighting.service
    hid = service.create(1, *_span(gui_library, "Pankisi"), ["places"], "")
    assert hid is not None
    assert service.delete_tag("places")
    _import(qtbot, window, monkeypatch, export_file)
    _ctrl_z(qtbot, window)
    assert gui_library.highlights.get(hid).tags == ["places"]
    assert _imported(gui_library) == ("imported note", ["imported"])
    assert {t.name: t.count for t in gui_library.tags.list()} == {"places": 1, "imported": 1}


def test_an_undo_that_would_overwrite_another_highlight_says_so_and_changes_nothing(
    qtbot, window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    service = window.highlighting.service
    newest = service.create(1, *_span(gui_library, "border regime"), ["borders"], "mine")
    assert newest is not None
    assert service.delete(newest)
    # Another highlight now holds the id (as a library written by another tool could have).
    other = gui_library.highlights.add(1, *_span(gui_library, "Moscow"), note="other").id
    gui_library.db.execute("UPDATE highlights SET id = ?, created = 'then' WHERE id = ?",
                           [newest, other])  # fmt: skip
    kept = gui_library.highlights.list()
    _ctrl_z(qtbot, window)
    assert gui_library.highlights.list() == kept
    assert "cannot be undone" in window.statusBar().currentMessage()
    assert service.stack.count() == 1  # the delete that cannot be undone is dropped


def test_an_undone_merge_that_is_refused_leaves_every_tag_in_place(
    qtbot, window, gui_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Merge “places” into a new tag, import an export with its own “places”, Ctrl+Z: the
    old “places” cannot come back (the name is taken), and the highlight keeps its tag."""
    service = window.highlighting.service
    hid = service.create(1, *_span(gui_library, "Pankisi"), ["places"], "")
    assert hid is not None
    with Library.open(tmp_path / "tags.sqlite") as other:
        other.tags.create("places", "#0072b2")
        other.exports.write("json", tmp_path / "tags.json")
    assert service.merge_tags("places", "caucasus")
    _import(qtbot, window, monkeypatch, tmp_path / "tags.json")
    _ctrl_z(qtbot, window)
    assert "places" in window.statusBar().currentMessage()
    assert gui_library.highlights.get(hid).tags == ["caucasus"]
    assert {t.name: t.count for t in gui_library.tags.list()} == {"caucasus": 1, "places": 0}
