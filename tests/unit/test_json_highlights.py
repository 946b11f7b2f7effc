"""Highlights through `export json` / `import-json`: every distinct one comes back, none
twice, and each sits on the words it quoted in this library's text, or is an orphan."""

from __future__ import annotations

import copy
import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from monitor_desk.cli import main
from monitor_desk.core.errors import MonitorDeskError
from monitor_desk.core.library import Library

V1 = (
    "Border brief\n\nThe minister said the border talks would resume on Monday.\n\n"
    "Customs posts stay closed.\n"
)
NEW_PARAGRAPH = "Observers doubted the promise of an early agreement.\n\n"
V2 = V1.replace("Customs posts", NEW_PARAGRAPH + "Customs posts")


def _doc(lib: Library) -> dict[str, Any]:
    buf = io.StringIO()
    lib.exports.write("json", buf)
    doc: dict[str, Any] = json.loads(buf.getvalue())
    return doc


def _import(lib: Library, doc: dict[str, Any]) -> dict[str, int]:
    return lib.import_json(io.StringIO(json.dumps(doc)))


def _seen(lib: Library) -> list[tuple[Any, ...]]:
    """What the analyst sees of each highlight."""
    return sorted(
        (h.exact, h.start, h.end, h.note, tuple(h.tags), h.color, h.status)
        for h in lib.highlights.list()
    )


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    path = tmp_path / "brief.txt"
    path.write_text(V1, encoding="utf-8")
    return path


def test_two_highlights_on_one_span_both_survive_a_round_trip(brief: Path) -> None:
    with Library.open(":memory:") as lib:
        lib.import_paths([brief], analyze=False)
        s = V1.index("border talks")
        # Made within the same second: the same span, quote and creation time.
        lib.highlights.add(1, s, s + 12, tags=["border"], note="first reading")
        lib.highlights.add(1, s, s + 12, tags=["talks"], note="second reading", color="#aa0000")
        lib.highlights.add(1, s, s + 12, tags=["border"], note="first reading")  # a twin
        lib.highlights.add(1, s, s + 12)
        before = _seen(lib)
        doc = _doc(lib)
    assert len(before) == 4
    with Library.open(":memory:") as other:
        assert _import(other, doc)["highlights_added"] == 4
        assert _seen(other) == before
        assert _import(other, doc) == {
            "articles_added": 0, "articles_merged": 1, "highlights_added": 0
        }  # fmt: skip
        assert _seen(other) == before
        assert sum(hit.kind == "highlight" for hit in other.search("reading")) == 3


def test_a_merge_adds_only_the_highlights_the_library_lacks(brief: Path) -> None:
    with Library.open(":memory:") as lib:
        lib.import_paths([brief], analyze=False)
        s = V1.index("border talks")
        lib.highlights.add(1, s, s + 12, tags=["border"], note="shared")
        shared = _doc(lib)
        lib.highlights.add(1, s, s + 12, tags=["border"], note="made later")
        later = _doc(lib)
    with Library.open(":memory:") as other:
        _import(other, shared)
        assert _import(other, later)["highlights_added"] == 1
        assert sorted(h.note for h in other.highlights.list()) == ["made later", "shared"]


def _notes_csv(lib: Library) -> list[dict[str, str]]:
    buf = io.StringIO(newline="")
    lib.exports.write("notes", buf, bom=False)
    return list(csv.DictReader(io.StringIO(buf.getvalue(), newline="")))


def test_a_highlight_on_text_this_library_lacks_comes_in_as_an_orphan(
    brief: Path, tmp_path: Path
) -> None:
    with Library.open(tmp_path / "a.sqlite") as a:
        a.import_paths([brief], analyze=False)  # version 1
    brief.write_text(V2, encoding="utf-8")
    with Library.open(tmp_path / "b.sqlite") as b:
        b.import_paths([brief], analyze=False)  # version 2 only
        new = V2.index("the promise")
        old = V2.index("Customs posts")
        b.highlights.add(1, new, new + 11, note="only in version 2")
        b.highlights.add(1, old, old + 13, note="in both versions")
        b.exports.write("json", tmp_path / "b.json")
    assert main(["--db", str(tmp_path / "a.sqlite"), "import-json", str(tmp_path / "b.json")]) == 0
    with Library.open(tmp_path / "a.sqlite") as a:
        art = a.articles.get(1)
        assert art.text == V1  # A keeps its own current text
        by_note = {h.note: h for h in a.highlights.list(1)}
        lost = by_note["only in version 2"]
        assert lost.status == "orphan"
        kept = by_note["in both versions"]
        assert kept.status == "anchored"
        assert (kept.revision_id, kept.start) == (art.revision_id, V1.index("Customs posts"))
        assert art.text[kept.start : kept.end] == kept.exact == "Customs posts"
        rows = {r["note"]: r for r in _notes_csv(a)}
        row = rows["in both versions"]
        assert V1[int(row["start"]) : int(row["end"])] == row["quote"] == "Customs posts"


@pytest.fixture
def exported(brief: Path) -> dict[str, Any]:
    with Library.open(":memory:") as lib:
        lib.import_paths([brief], analyze=False)
        s = V1.index("border talks")
        lib.highlights.add(1, s, s + 12, tags=["border"], note="n")
        return _doc(lib)


def test_a_quote_that_is_not_at_its_offsets_is_placed_by_the_quote(
    exported: dict[str, Any],
) -> None:
    doc = copy.deepcopy(exported)
    h = doc["articles"][0]["highlights"][0]
    h["exact"] = "Customs posts"  # elsewhere in the text; offsets and hash left as they were
    h["prefix"] = h["suffix"] = ""
    with Library.open(":memory:") as lib:
        _import(lib, doc)
        (got,) = lib.highlights.list()
        assert got.status == "anchored"
        assert (got.start, got.exact) == (V1.index("Customs posts"), "Customs posts")
    h["exact"] = "words the brief never had"
    with Library.open(":memory:") as lib:
        _import(lib, doc)
        (got,) = lib.highlights.list()
        assert got.status == "orphan"


@pytest.mark.parametrize(
    ("start", "end"),
    [(30, 20), (-5, 10), (10, 10_000), (10, 10)],
    ids=["reversed", "negative", "past-the-end", "empty"],
)
def test_offsets_outside_the_text_are_refused_and_nothing_is_written(
    exported: dict[str, Any], start: int, end: int
) -> None:
    doc = copy.deepcopy(exported)
    doc["articles"][0]["highlights"][0].update(start=start, end=end)
    with Library.open(":memory:") as lib:
        with pytest.raises(MonitorDeskError, match=r"articles\[0\]\.highlights\[0\]\.(start|end)"):
            _import(lib, doc)
        assert lib.articles.list() == []
        assert lib.tags.list() == []
