"""Code points ↔ UTF-16: the one conversion, checked against QTextDocument itself."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from monitor_desk.ui.reader.text_offsets import OffsetMap, document_text

MIXED = "Привет 😀 мир\nKuchma 🙂🙂 met 𝔘 Robertson\r\nend"


def _qt_slice(doc: QTextDocument, a: int, b: int) -> str:
    cursor = QTextCursor(doc)
    cursor.setPosition(a)
    cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n")


def test_positions_match_qt_document_with_emoji_and_cyrillic(qapp: object) -> None:
    doc = QTextDocument()
    doc.setPlainText(document_text(MIXED))
    offsets = OffsetMap(MIXED)
    assert doc.characterCount() - 1 == offsets.utf16_length
    shown = document_text(MIXED)
    for word in ("мир", "Kuchma", "met", "Robertson", "end", "😀", "𝔘"):
        start = MIXED.index(word)
        a, b = offsets.span_to_utf16(start, start + len(word))
        assert _qt_slice(doc, a, b) == shown[start : start + len(word)] == word


def test_utf16_positions_count_surrogate_pairs() -> None:
    offsets = OffsetMap("a😀b")
    assert [offsets.to_utf16(i) for i in range(4)] == [0, 1, 3, 4]
    assert [offsets.to_code_point(u) for u in range(5)] == [0, 1, 1, 2, 3]


def test_crlf_keeps_its_length_for_qt() -> None:
    assert len(document_text("a\r\nb")) == len("a\r\nb")


@given(st.text(alphabet=st.sampled_from(list("aж\n😀𝔘 é"))))
def test_round_trip(text: str) -> None:
    offsets = OffsetMap(text)
    for cp in range(len(text) + 1):
        assert offsets.to_code_point(offsets.to_utf16(cp)) == cp
    assert offsets.utf16_length == len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("cp", [-5, 10_000])
def test_out_of_range_is_clamped(cp: int) -> None:
    offsets = OffsetMap("ж😀")
    assert 0 <= offsets.to_utf16(cp) <= offsets.utf16_length
