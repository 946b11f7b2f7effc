"""The analyst's claims and grades across a revised file and a re-analysis (issue 13, item 7),
and only the current revision's claims in the search index (item 17).

The analyses come from a small regex extractor standing in for spaCy, so that what the
"pipeline" finds is known exactly; one test runs the real model end to end.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pytest

from monitor_desk.core.library import Library
from monitor_desk.core.models import Analysis, Citation, CitationItem, Claim, Span

ARTICLE = """Publication: Monitor Volume: 9 Issue: 12 Date: May 14, 2003

HARBOUR DISPUTE DEEPENS

Oleh Petrenko said that the new tariff would stand (Interfax, May 13). \
Port officials hinted at a compromise in the autumn.

Anna Kovalenko said that the union would strike in June.
"""
LEAD = "\n\nThe ministry met union leaders on Monday behind closed doors."

_SAID = re.compile(r"([A-Z][a-z]+ [A-Z][a-z]+) (said) that ([^.(]+?)(?= \(|\.)")
_CITE = re.compile(r"\((Interfax), ([A-Z][a-z]+ \d+)\)")


def _span(text: str, m: re.Match[str], group: int) -> Span:
    return Span(m.start(group), m.end(group), m.group(group))


def fake_analysis(text: str) -> Analysis:
    """Claims "X Y said that ..." and citations "(Interfax, May 13)", as a pipeline would."""
    citations = [
        Citation(m.start(), m.end(), m.group(0), (CitationItem(m[1], m[2], None, None, m[1]),), ())
        for m in _CITE.finditer(text)
    ]
    claims = []
    for m in _SAID.finditer(text):
        cited = next((i for i, c in enumerate(citations) if 0 < c.start - m.end() < 3), None)
        sp = _span(text, m, 1)
        claims.append(
            Claim(sp, sp.text, _span(text, m, 2), _span(text, m, 3), "indirect", citation=cited)
        )
    return Analysis("fake", "1", [], claims, citations)


def _fake_analyzer(processes: int) -> object:
    def analyze(items: Iterable[tuple[str, int, Mapping[str, str]]]) -> Iterator[Analysis]:
        for text, _, _ in items:
            yield fake_analysis(text)

    return analyze


@pytest.fixture
def lib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Library]:
    library = Library.open(tmp_path / "lib.sqlite")
    monkeypatch.setattr(library, "_analyzer", _fake_analyzer)
    (tmp_path / "brief.txt").write_text(ARTICLE, encoding="utf-8")
    assert library.import_paths([tmp_path / "brief.txt"]).count("imported") == 1
    yield library
    library.close()


def _revise(lib: Library, tmp_path: Path, text: str) -> str:
    (tmp_path / "brief.txt").write_text(text, encoding="utf-8")
    report = lib.import_paths([tmp_path / "brief.txt"])
    (outcome,) = report.files
    assert outcome.status == "revised"
    return outcome.reason or ""


def _claim(lib: Library, content: str) -> int:
    text = lib.articles.get(1).text
    return next(c.id for c in lib.claims.list(1) if c.content.text == content and text)


def _find(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def _claims_csv(lib: Library) -> list[dict[str, str]]:
    out = io.StringIO()
    lib.exports.write("claims", out)
    return list(csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff"))))


def _anchored(lib: Library) -> None:
    """Every listed claim's spans quote the article's current text."""
    text = lib.articles.get(1).text
    for c in lib.claims.list(1):
        for span in (c.cue, c.content, c.speaker):
            if span is not None:
                assert text[span.start : span.end] == span.text


def test_added_claim_grade_and_outlet_grade_survive_a_revised_file(
    lib: Library, tmp_path: Path
) -> None:
    graded = _claim(lib, "the new tariff would stand")
    lib.claims.set_credibility(graded, 2)
    text = lib.articles.get(1).text
    added = lib.claims.add(
        1, _find(text, "a compromise in the autumn"), "Port officials", cue=_find(text, "hinted")
    ).id
    lib.claims.set_credibility(added, 4)
    lib.sources.set_reliability("Interfax", "B")
    # A paragraph before the claims (every offset moves) and a line appended at the end.
    head, body = ARTICLE.split("\n\n", 1)
    _revise(lib, tmp_path, f"{head}{LEAD}\n\n{body}One more line.\n")

    _anchored(lib)
    by_content = {c.content.text: c for c in lib.claims.list(1)}
    assert by_content["the new tariff would stand"].credibility == 2
    assert by_content["the new tariff would stand"].citation is not None
    mine = by_content["a compromise in the autumn"]
    assert (mine.id, mine.origin, mine.credibility, mine.cue.text) == (added, "user", 4, "hinted")
    assert mine.speaker_label == "Port officials"
    assert len(by_content) == 3  # no duplicate of the graded claim
    rows = {r["content"]: r for r in _claims_csv(lib)}
    assert rows["the new tariff would stand"]["credibility"] == "2"
    assert rows["the new tariff would stand"]["outlet_reliability"] == "B"
    assert (
        rows["a compromise in the autumn"]["origin"],
        rows["a compromise in the autumn"]["credibility"],
    ) == ("user", "4")
    assert {r["status"] for r in rows.values()} == {"anchored"}
    assert lib.sources.reliability("Interfax") == "B"


def test_a_revision_without_analysis_keeps_the_grade_for_the_next_analysis(
    lib: Library, tmp_path: Path
) -> None:
    graded = _claim(lib, "the union would strike in June")
    lib.claims.set_credibility(graded, 3)
    head, body = ARTICLE.split("\n\n", 1)
    (tmp_path / "brief.txt").write_text(f"{head}{LEAD}\n\n{body}", encoding="utf-8")
    assert lib.import_paths([tmp_path / "brief.txt"], analyze=False).count("revised") == 1
    _anchored(lib)
    assert [c.credibility for c in lib.claims.list(1)] == [3]
    lib.reanalyze([1])
    _anchored(lib)
    grades = {c.content.text: c.credibility for c in lib.claims.list(1)}
    assert grades == {"the new tariff would stand": None, "the union would strike in June": 3}


def test_a_claim_whose_words_left_the_text_is_kept_as_an_orphan(
    lib: Library, tmp_path: Path
) -> None:
    text = lib.articles.get(1).text
    added = lib.claims.add(1, _find(text, "a compromise in the autumn"), "Port officials").id
    graded = _claim(lib, "the union would strike in June")
    lib.claims.set_credibility(graded, 5)
    revised = ARTICLE.replace(
        "Port officials hinted at a compromise in the autumn.", "Nothing else was said."
    ).replace("Anna Kovalenko said that the union would strike in June.", "The union was silent.")
    reason = _revise(lib, tmp_path, revised)

    assert "2 claim(s)" in reason
    current = lib.claims.list(1)
    assert [c.content.text for c in current] == ["the new tariff would stand"]
    orphans = {c.id: c for c in lib.claims.orphans(1)}
    assert set(orphans) == {added, graded}
    assert {c.status for c in orphans.values()} == {"orphan"}
    assert orphans[graded].credibility == 5
    assert orphans[added].content.text == "a compromise in the autumn"
    rows = _claims_csv(lib)
    assert sorted((r["content"], r["status"]) for r in rows) == [
        ("a compromise in the autumn", "orphan"),
        ("the new tariff would stand", "anchored"),
        ("the union would strike in June", "orphan"),
    ]
    # Orphans are not on the text, so not in the search either.
    assert not [h for h in lib.search("compromise autumn") if h.kind == "claim"]


def test_grade_and_edits_of_an_extracted_claim_survive_reanalysis(lib: Library) -> None:
    edited = _claim(lib, "the new tariff would stand")
    lib.claims.update(edited, speaker_name="Deputy Minister Oleh Petrenko", kind="mixed")
    lib.claims.set_credibility(edited, 1)
    graded = _claim(lib, "the union would strike in June")
    lib.claims.set_credibility(graded, 6)
    text = lib.articles.get(1).text
    added = lib.claims.add(1, _find(text, "a compromise in the autumn"), "Port officials").id

    assert lib.reanalyze([1]) == 1
    by_id = {c.id: c for c in lib.claims.list(1)}
    assert set(by_id) == {edited, graded, added}
    assert by_id[edited].speaker_name == "Deputy Minister Oleh Petrenko"
    assert (by_id[edited].kind, by_id[edited].credibility) == ("mixed", 1)
    assert by_id[edited].citation is not None
    assert by_id[graded].credibility == 6
    assert [h.kind for h in lib.search("tariff stand")].count("claim") == 1


def test_only_the_current_revisions_claims_are_searchable(lib: Library, tmp_path: Path) -> None:
    def claim_hits(query: str) -> int:
        return sum(h.kind == "claim" for h in lib.search(query))

    assert claim_hits("tariff") == 1
    _revise(lib, tmp_path, ARTICLE.replace("new tariff", "new levy"))
    assert claim_hits("tariff") == 0
    assert claim_hits("levy") == 1
    assert claim_hits("strike June") == 1  # unchanged claim: one hit, not one per revision
    _revise(lib, tmp_path, ARTICLE)
    assert (claim_hits("tariff"), claim_hits("levy"), claim_hits("strike June")) == (1, 0, 1)


def test_opening_an_older_library_drops_old_revisions_claims_from_the_search(
    tmp_path: Path,
) -> None:
    """Libraries revised before the fix hold stale claim rows; the upgrade removes them."""
    from sqlite_utils import Database

    from monitor_desk.core.schema import migrations

    path = tmp_path / "old.sqlite"
    db = Database(path)
    migrations.apply(db, stop_before="0004_search_current_claims")
    db.execute("PRAGMA user_version = 2")
    db.executescript(
        """
        INSERT INTO articles(id, title, current_revision_id, imported, modified)
            VALUES (1, 'Brief', 2, 'x', 'x');
        INSERT INTO revisions(id, article_id, number, text, text_sha256, created)
            VALUES (1, 1, 1, 'Petrenko said the tariff would stand.', 'a', 'x'),
                   (2, 1, 2, 'Petrenko said the levy would stand.', 'b', 'x');
        INSERT INTO claims(id, revision_id, cue_start, cue_end, cue_text, content_start,
                           content_end, content_text, kind, credibility)
            VALUES (1, 1, 9, 13, 'said', 14, 36, 'the tariff would stand', 'indirect', 2),
                   (2, 2, 9, 13, 'said', 14, 34, 'the levy would stand', 'indirect', NULL);
        INSERT INTO search_fts(rowid, article_id, title, body) VALUES
            (4, 1, 'Brief', 'Petrenko said the levy would stand.'),
            (6, 1, '', 'Petrenko: the tariff would stand'),
            (10, 1, '', 'Petrenko: the levy would stand');
        """
    )
    db.conn.commit()
    db.close()
    with Library.open(path) as lib:
        assert [(h.kind, h.snippet.count("levy")) for h in lib.search("tariff")] == []
        assert sorted(h.kind for h in lib.search("levy")) == ["article", "claim"]
        # The claim columns of the new step: old rows are anchored, unedited, keyed.
        row = lib.db.execute(
            "SELECT status, edited, extracted_key FROM claims WHERE id = 1"
        ).fetchone()
        assert row == ("anchored", 0, "said\x1fthe tariff would stand")
