"""Hostile text in an article: markup shows literally, nothing is loaded, and highlights
after bidi overrides, zero-width and combining characters land on the right characters."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from highlight_helpers import background_at, select_by_keys, select_by_mouse
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFrame, QLineEdit, QTextBrowser

from monitor_desk.core.library import Library
from monitor_desk.ui.reader.reader_view import ReaderView

MARKUP = [
    "<script>alert(1)</script>",
    "<img src=file:///etc/passwd>",
    '<img src="http://example.com/pixel.gif">',
    "<a href=http://example.com>x</a>",
    "<style>body{background:url(file:///etc/shadow)}</style>",
    "&lt;b&gt; &amp; &#x202E;",
]
ODD = (
    "Rtl \u202etxet desrever\u202c here, zero\u200bwidth\u200d joiners\ufeff, "
    "cafe\u0301 a\u0300\u0301\u0302 combined, soft\u00adhyphen, no\u00a0break, "
    "tab\there, line\u2028sep, para\u2029sep, astral \U0001d518 and \U0001f600 done."
)
HOSTILE = (
    "A hostile brief\n\n"
    + "\n".join(MARKUP)
    + "\n"
    + ODD
    + "\nAfter all that, the Target Phrase sits here in plain words.\n"
)


@pytest.fixture
def hostile_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Library]:
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    with Library.open(tmp_path / "lib.sqlite") as lib:
        report = lib.import_paths([path], analyze=False)
        assert report.count("imported") == 1
        yield lib


@pytest.fixture
def requests(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every resource the reader or its document is asked to load."""
    asked: list[str] = []

    def browser_load(self: QTextBrowser, kind: int, url: QUrl) -> object:
        asked.append(url.toString())
        return None

    def document_load(self: QTextDocument, kind: int, url: QUrl) -> object:
        asked.append(url.toString())
        return None

    monkeypatch.setattr(ReaderView, "loadResource", browser_load, raising=False)
    monkeypatch.setattr(QTextDocument, "loadResource", document_load)
    return asked


def _open(make_window, lib: Library) -> ReaderView:  # type: ignore[no-untyped-def]
    window = make_window(lib, analyse_missing=False)
    window.open_article(1)
    view = window.findChild(QTextBrowser, "readerView")
    assert isinstance(view, ReaderView)
    return view


def test_markup_and_control_characters_are_shown_literally(
    make_window, hostile_library: Library, requests: list[str]
) -> None:  # type: ignore[no-untyped-def]
    view = _open(make_window, hostile_library)
    shown = view.toPlainText()
    for markup in MARKUP:
        assert markup in shown
    for ch in "\u202e\u202c\u200b\u200d\ufeff\u0301\u00ad\U0001d518\U0001f600":
        assert ch in shown, f"U+{ord(ch):04X} was dropped"
    # One QTextDocument position per UTF-16 unit of the stored text: nothing was parsed away.
    text = hostile_library.articles.get(1).text
    assert view.document().characterCount() - 1 == len(text.encode("utf-16-le")) // 2


def test_nothing_is_loaded_and_nothing_is_a_link_or_an_image(
    qtbot, make_window, hostile_library: Library, requests: list[str]
) -> None:  # type: ignore[no-untyped-def]
    view = _open(make_window, hostile_library)
    view.viewport().repaint()
    qtbot.wait(50)
    assert requests == []
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            assert not fmt.isImageFormat()
            assert not fmt.isAnchor()
            assert fmt.anchorHref() == ""
            it += 1
        block = block.next()
    assert not view.openLinks()
    assert not view.openExternalLinks()
    # The spy works: the same widget given HTML would have asked for the image.
    probe = ReaderView()
    qtbot.addWidget(probe)
    probe.setHtml('<p>probe <img src="probe:image"></p>')
    probe.resize(300, 200)
    probe.show()
    qtbot.wait(20)
    assert "probe:image" in requests


@pytest.mark.parametrize("select", [select_by_keys, select_by_mouse])
def test_a_highlight_after_the_odd_characters_lands_on_its_words(
    qtbot, make_window, hostile_library: Library, select
) -> None:  # type: ignore[no-untyped-def]
    view = _open(make_window, hostile_library)
    window = view.window()
    text = hostile_library.articles.get(1).text
    start = text.index("Target Phrase")
    end = start + len("Target Phrase")
    select(qtbot, view, start, end)
    assert view.selected_span() == (start, end)
    qtbot.keyClick(view, Qt.Key.Key_H)
    popup = window.findChild(QFrame, "tagPopup")
    assert popup.isVisible()
    window.findChild(QLineEdit, "tagInput").setText("odd; DROP TABLE tags")
    qtbot.keyClick(window.findChild(QLineEdit, "noteInput"), Qt.Key.Key_Return)
    (h,) = hostile_library.highlights.list(1)
    assert (h.start, h.end, h.exact) == (start, end, "Target Phrase")
    assert background_at(view, start + 1) != background_at(view, start - 2)
    assert background_at(view, end - 1) != background_at(view, end + 1)


def test_a_highlight_inside_the_reversed_and_combining_text_keeps_its_characters(
    make_window, hostile_library: Library
) -> None:  # type: ignore[no-untyped-def]
    text = hostile_library.articles.get(1).text
    for quote in ("txet desrever", "cafe\u0301 a\u0300", "\U0001d518 and \U0001f600"):
        start = text.index(quote)
        hostile_library.highlights.add(1, start, start + len(quote))
    view = _open(make_window, hostile_library)
    for h in hostile_library.highlights.list(1):
        a, b = view.offsets.span_to_utf16(h.start, h.end)
        cursor = view.textCursor()
        cursor.setPosition(a)
        cursor.setPosition(b, cursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == h.exact
