from __future__ import annotations

from monitor_desk.core.anchoring import make_anchor, reanchor

TEXT = "Ivanov met Albright at the UN. Later, Ivanov met Clinton in Washington. 🙂 Конец."


def anchor_of(quote: str, occurrence: int = 0):  # type: ignore[no-untyped-def]
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(quote, start + 1)
    return make_anchor(TEXT, start, start + len(quote))


def test_same_text_keeps_offsets() -> None:
    a = anchor_of("Clinton")
    r = reanchor(a, TEXT)
    assert (r.start, r.end, r.method) == (a.start, a.end, "hash")


def test_inserted_text_moves_the_anchor_to_the_same_occurrence() -> None:
    a = anchor_of("Ivanov met", occurrence=1)
    new = "Monday. " + TEXT.replace("Later,", "Later that day,")
    r = reanchor(a, new)
    assert r.method == "exact"
    assert new[r.start : r.end] == "Ivanov met"
    assert new[r.end : r.end + 8] == " Clinton"


def test_code_point_offsets_survive_emoji_and_cyrillic() -> None:
    a = anchor_of("Конец")
    new = "🙂🙂 " + TEXT
    r = reanchor(a, new)
    assert new[r.start : r.end] == "Конец"


def test_a_slightly_edited_quote_is_found_fuzzily() -> None:
    a = anchor_of("Later, Ivanov met Clinton in Washington")
    new = TEXT.replace("Later, Ivanov met Clinton", "Later, Ivanov met with Clinton")
    r = reanchor(a, new)
    assert r.method == "fuzzy"
    assert new[r.start : r.end].startswith("Later, Ivanov met with Clinton")


def test_a_removed_quote_becomes_an_orphan_not_wrong_text() -> None:
    a = anchor_of("Ivanov met Albright at the UN.")
    new = "Nothing about that meeting survives in this version of the story at all."
    assert reanchor(a, new).orphan
