"""Hard-wrapped wire copy shows as paragraphs in the reader, while highlights made across a
joined line are stored with the file's own text and offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from highlight_helpers import background_at, select_by_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from monitor_desk.core.library import Library

WIRE = (
    "RIGA, Oct 3 - Officials from the three Baltic states agreed\n"
    "on Tuesday to resume talks on the joint border regime after 20\n"
    "days of silence, a spokesman for the foreign ministry said.\n"
    "    The talks will open in Vilnius next week and are expected\n"
    "to cover customs posts, fishing rights and the rail link to\n"
    "the port, the spokesman told reporters.\n"
)


@pytest.fixture
def wire_window(make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    brief = tmp_path / "wire.txt"
    brief.write_text("Title: Border talks\n\n" + WIRE, encoding="utf-8")
    lib = Library.open(tmp_path / "wire.sqlite")
    lib.import_paths([brief], analyze=False)
    window = make_window(lib, analyse_missing=False)
    window.open_article(lib.articles.list()[0].id)
    yield window, lib
    lib.close()


def test_wrapped_lines_show_as_two_paragraphs(wire_window) -> None:  # type: ignore[no-untyped-def]
    window, lib = wire_window
    shown = window.reader.view.document().toPlainText()
    assert "after 20 days of silence" in shown
    assert "after 20\ndays" not in shown
    stored = lib.articles.get(lib.articles.list()[0].id).text
    assert "after 20\ndays" in stored  # the display's join is not written back
    assert len(shown) == len(stored)


def test_a_highlight_across_a_joined_line_keeps_the_stored_text(qtbot, wire_window) -> None:  # type: ignore[no-untyped-def]
    window, lib = wire_window
    article_id = lib.articles.list()[0].id
    text = lib.articles.get(article_id).text
    start = text.index("regime after 20")
    end = text.index("of silence") + len("of silence")
    view = window.reader.view
    select_by_keys(qtbot, view, start, end)
    assert view.selected_span() == (start, end)
    qtbot.keyClick(view, Qt.Key.Key_H)
    tag_input = window.findChild(QLineEdit, "tagInput")
    tag_input.setText("borders")
    qtbot.keyClick(tag_input, Qt.Key.Key_Return)
    (h,) = lib.highlights.list(article_id)
    assert (h.start, h.end) == (start, end)
    assert h.exact == "regime after 20\ndays of silence"  # the file's words, not the display's
    # Painted on both sides of the join, and not beyond it.
    join = text.index("\ndays")
    assert background_at(view, join - 2) == background_at(view, join + 2)
    assert background_at(view, join + 2) != background_at(view, end + 3)
