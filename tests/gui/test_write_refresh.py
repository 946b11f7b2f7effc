"""A write is not followed by reading back what it wrote: the window refreshes from the
``Changes`` the core returned, and undo commands keep what the write returned."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from monitor_desk.core.library import Library


def _count(monkeypatch: pytest.MonkeyPatch, calls: Counter[str], part: Any, *names: str) -> None:
    for name in names:
        real = getattr(part, name)

        def counted(*a: Any, _real: Any = real, _key: str = name, **k: Any) -> Any:
            calls[f"{type(part).__name__}.{_key}"] += 1
            return _real(*a, **k)

        monkeypatch.setattr(part, name, counted)


def test_a_new_highlight_is_not_read_back(
    qtbot, make_window, gui_library: Library, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library, analyse_missing=False)
    window.open_article(1)
    calls: Counter[str] = Counter()
    _count(monkeypatch, calls, gui_library.highlights, "get", "list")
    _count(monkeypatch, calls, gui_library.tags, "list")
    text = gui_library.articles.get(1).text
    start = text.index("Tbilisi")
    hid = window.highlighting.service.create(1, start, start + 7, [])
    assert hid is not None
    assert calls["Highlights.get"] == 0  # was 1: the command read back what it had written
    assert calls["Tags.list"] == 0  # was 1: no tag was touched
    assert calls["Highlights.list"] == 1  # the open article repainted, once
    assert hid in [h.id for h in window.reader.view.marks.highlights]
    assert window.notes.model.rowCount() == 1
    # Undo and redo stay exact though nothing was kept at creation.
    before = gui_library.highlights.get(hid)
    window.highlighting.service.stack.undo()
    assert window.notes.model.rowCount() == 0
    window.highlighting.service.stack.redo()
    assert gui_library.highlights.get(hid) == before


def test_opening_an_article_lists_its_claims_once(
    qtbot, make_window, gui_library: Library, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library, analyse_missing=False)
    calls: Counter[str] = Counter()
    _count(monkeypatch, calls, gui_library.claims, "list")
    window.open_article(1)
    assert calls["Claims.list"] == 1  # was 2: the reader's and the tab's
    assert window.claims.model.rowCount() == len(window.reader.view.marks.claims) > 0


def test_a_claim_span_edit_keeps_the_claim_it_returned(
    qtbot, make_window, gui_library: Library, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library, analyse_missing=False)
    window.open_article(1)
    claim = window.claims.model.claims[0]
    calls: Counter[str] = Counter()
    _count(monkeypatch, calls, gui_library.claims, "list", "snapshot", "get")
    span = (claim.content.start + 1, claim.content.end)
    stored = window.claims.edits.set_span(claim.id, "content", span)
    assert stored is not None
    assert stored.content.start == claim.content.start + 1
    assert calls["Claims.snapshot"] <= 2  # before and after, for undo (was 4-5)
    assert calls["Claims.get"] <= 1  # the core reads the one row it returns, in the write
    # The tab reloads once for the change; nothing lists all claims to find this one.
    assert calls["Claims.list"] <= 1


def test_a_claim_change_repaints_the_reader_without_reopening(
    qtbot, make_window, gui_library: Library, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library, analyse_missing=False)
    window.open_article(1)
    claim = window.claims.model.claims[0]
    calls: Counter[str] = Counter()
    _count(monkeypatch, calls, gui_library.articles, "get")
    span = (claim.content.start + 1, claim.content.end)
    window.claims.edits.set_span(claim.id, "content", span)
    marked = {c.id: c for c in window.reader.view.marks.claims}
    assert marked[claim.id].content.start == claim.content.start + 1  # the reader shows it
    window.undo_stack.undo()
    marked = {c.id: c for c in window.reader.view.marks.claims}
    assert marked[claim.id].content.start == claim.content.start  # and its undo
    assert calls["Articles.get"] == 0  # the article was not opened again (was 4 reads)
