"""A long session in the real main window: articles opened from the list again and again,
highlights created, deleted, undone and redone — and nothing piles up.

PySide6 6.12 on Python 3.11 loses a reference to ``None`` on every call: after about 240
article opens ``None``'s count reaches zero and the GUI aborts (``Fatal Python error:
none_dealloc``). Any such per-call leak (or a per-open one of ours) moves
``sys.getrefcount(None)`` by at least one per operation, so the count is compared before and
after: it may move by a bounded amount (caches warming), never by one per open.

The normal suite runs a short session (200 opens, 20 highlights, a few seconds);
``make reliability`` sets ``MONITOR_DESK_LONG_SESSION=1`` for 3,000 opens and 300
highlights. (From Python 3.12 ``None`` is immortal and its count constant: the window checks
at the end still run.)
"""

from __future__ import annotations

import gc
import os
import sys

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from monitor_desk.core.library import Library

LONG = os.environ.get("MONITOR_DESK_LONG_SESSION") == "1"
OPENS = 3000 if LONG else 200
HIGHLIGHT_EVERY = 10  # opens; each time one highlight is created, deleted, undone, redone
PAINT_EVERY = 1 if LONG else 10  # opens; painting the whole window is most of an open's time
TAG = "session/probe"


def _settle(paint: bool = True) -> None:
    """What the event loop does between two clicks: posted events (paints), then the
    deferred deletes (widgets replaced by ``deleteLater``) — a tight test loop would otherwise
    keep every replaced widget alive and see that as a leak."""
    if paint:
        QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _none_refs(window) -> int:  # type: ignore[no-untyped-def]
    # The undo stack keeps every change's snapshots by design: emptied before counting.
    window.highlighting.service.stack.clear()
    _settle()
    gc.collect()
    return sys.getrefcount(None)


@pytest.mark.timeout(1800 if LONG else 300)
def test_a_long_session_leaks_no_reference_and_the_window_still_works(
    make_window, gui_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    window = make_window(gui_library, analyse_missing=False)
    panel, service, view = window.library_panel, window.highlighting.service, window.reader.view
    ids = [a.id for a in gui_library.articles.list()]
    assert len(ids) == 2
    first_text = gui_library.articles.get(ids[0]).text
    start = first_text.index("Pankisi")

    def session(opens: int) -> int:
        made = 0
        for n in range(opens):
            article_id = ids[n % 2]
            assert panel.select_article(article_id)  # as a click in the library list
            assert window.article_id == article_id
            if n % HIGHLIGHT_EVERY == 0:
                hid = service.create(article_id, start, start + 7, [TAG], f"note {n}")
                assert hid is not None
                window.highlighting.delete([hid])
                service.stack.undo()  # the delete: back
                service.stack.redo()  # deleted again
                made += 1
            _settle(paint=n % PAINT_EVERY == 0)
        return made

    session(20)  # warm-up: lazy imports, caches, first paints
    before = _none_refs(window)
    made = session(OPENS)
    after = _none_refs(window)
    drift = after - before
    print(f"\nlong session: {OPENS} opens, {made} highlights, None refcount {before} -> {after}")
    # A per-call or per-open leak moves the count by >= OPENS; caches move it by a few.
    assert abs(drift) < OPENS // 2, f"None's refcount moved by {drift} over {OPENS} opens"

    # The window still works: open, highlight, see it, undo it.
    assert gui_library.highlights.list() == []  # every highlight of the session was deleted
    assert panel.select_article(ids[1])
    assert panel.select_article(ids[0])
    _settle()
    assert view.toPlainText().startswith(first_text[:20])
    hid = service.create(ids[0], start, start + 7, [TAG], "after the session")
    assert hid is not None
    assert [h.id for h in view.marks.highlights] == [hid]
    assert window.notes.model.rowCount() == 1
    service.stack.undo()
    assert view.marks.highlights == []
    assert gui_library.highlights.list() == []
    assert gui_library.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
