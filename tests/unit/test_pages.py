"""Which page an offset of a stored revision is on (core/pages.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from monitor_desk.core import articles, pages
from monitor_desk.core.ingest import parse_document
from monitor_desk.core.library import Library


def test_page_for_counts_from_one_and_puts_a_leading_header_on_page_one() -> None:
    starts = [10, 50, 90]
    assert pages.page_for(starts, 0) == 1  # a header above the first page
    assert pages.page_for(starts, 10) == 1
    assert pages.page_for(starts, 49) == 1
    assert pages.page_for(starts, 50) == 2
    assert pages.page_for(starts, 500) == 3
    assert pages.page_for([], 5) is None


def test_a_stored_revision_answers_the_page_of_an_offset(tmp_path: Path) -> None:
    text = "Page one text.\n\nPage two text.\n\nPage three text.\n"
    doc = replace(parse_document(text.encode(), "a.txt"), page_starts=(0, 16, 32))
    plain = parse_document(b"No pages here at all.\n", "b.txt")
    with Library.open(tmp_path / "lib.sqlite") as lib:
        with lib.db.atomic():
            db = lib.db
            paged_id = articles.insert_article(db, doc, "a.pdf", "sha-a")
            plain_id = articles.insert_article(db, plain, "b.txt", "sha-b")
        paged = lib.articles.get(paged_id).revision_id
        unpaged = lib.articles.get(plain_id).revision_id
        db = lib.db
        assert pages.page_at(db, paged, text.index("two")) == 2
        assert pages.page_at(db, paged, text.index("three")) == 3
        assert pages.page_at(db, unpaged, 3) is None
        assert pages.page_count(db, paged) == 3
        assert pages.page_count(db, unpaged) == 0
        found = pages.pages_at(db, [(paged, 0), (paged, 40), (unpaged, 1)])
        assert found == {(paged, 0): 1, (paged, 40): 3, (unpaged, 1): None}


def test_pages_survive_the_json_round_trip_and_a_bad_one_is_refused(tmp_path: Path) -> None:
    import json

    import pytest
    from pdf_bytes import simple_pdf

    from monitor_desk.core.errors import MonitorDeskError

    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(simple_pdf([["Page one says hello."], ["    Page two says goodbye."]], "Two"))
    with Library.open(tmp_path / "a.sqlite") as lib:
        (outcome,) = lib.import_paths([pdf], analyze=False).files
        before = lib.articles.get(outcome.article_id or 0).page_starts
        lib.exports.write("json", tmp_path / "out.json")
    assert len(before) == 2
    with Library.open(tmp_path / "b.sqlite") as other:
        other.import_json(tmp_path / "out.json")
        (copy,) = other.articles.list()
        assert copy.pages == 2
        assert other.articles.get(copy.id).page_starts == before
    doc = json.loads((tmp_path / "out.json").read_text("utf-8"))
    doc["articles"][0]["revisions"][0]["page_starts"] = [5, 2]
    (tmp_path / "bad.json").write_text(json.dumps(doc), "utf-8")
    with Library.open(tmp_path / "c.sqlite") as third:
        with pytest.raises(MonitorDeskError, match="page_starts"):
            third.import_json(tmp_path / "bad.json")
        assert third.articles.list() == []
