"""The service the GUI and the CLI share: import, revisions, highlights, tags, search."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor_desk.core.errors import InvalidInputError, NotFoundError
from monitor_desk.core.library import Library

BRIEF = """Publication: Monitor Volume: 7 Issue: 12 Date: February 3, 2001

Foreign Minister Anna Petrova told reporters in Riga that talks on the border treaty would resume in March. "We are closer than ever," she said (Interfax, February 2).

The opposition in Tallinn was unimpressed. Its leader, Jaan Kask, said the treaty gave away too much.
"""


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "briefs"
    write(f, "a.txt", BRIEF)
    write(f, "sub/b.txt", BRIEF.replace("Issue: 12", "Issue: 13").replace("Riga", "Vilnius"))
    write(f, "sub/c_cp1251.txt", "Министр иностранных дел заявил журналистам в Москве.\n", "cp1251")
    return f


def test_import_folder_recursively_and_list(library: Library, folder: Path) -> None:
    report = library.import_paths([folder], analyze=False)
    assert report.ok
    assert report.count("imported") == 3
    arts = {Path(a.source_path or "").name: a for a in library.articles.list()}
    assert set(arts) == {"a.txt", "b.txt", "c_cp1251.txt"}
    a = arts["a.txt"]
    assert (a.publication, a.volume, a.issue) == ("Monitor", "7", "12")
    assert a.date == "2001-02-03"
    full = library.articles.get(a.id)
    assert full.text.startswith("Publication: Monitor")
    assert full.text[full.body_start :].startswith("Foreign Minister Anna Petrova")
    assert "Министр" in library.articles.get(arts["c_cp1251.txt"].id).text


def test_reimport_adds_nothing_and_a_changed_file_becomes_a_revision(
    library: Library, folder: Path
) -> None:
    library.import_paths([folder], analyze=False)
    again = library.import_paths([folder], analyze=False)
    assert again.count("unchanged") == 3
    assert len(library.articles.list()) == 3

    art = next(a for a in library.articles.list() if a.source_path.endswith("a.txt"))
    text = library.articles.get(art.id).text
    start = text.index("Jaan Kask")
    hid = library.highlights.add(art.id, start, start + len("Jaan Kask"), tags=["people"]).id

    write(folder, "a.txt", BRIEF.replace("was unimpressed", "was not at all impressed"))
    report = library.import_paths([folder], analyze=False)
    assert report.count("revised") == 1
    assert report.count("unchanged") == 2
    revised = library.articles.get(art.id)
    assert revised.revision_count == 2
    assert "not at all impressed" in revised.text
    h = library.highlights.get(hid)
    assert h.status == "anchored"
    assert revised.text[h.start : h.end] == "Jaan Kask"
    assert len(library.articles.list()) == 3


def test_a_highlight_whose_text_is_gone_becomes_an_orphan(library: Library, tmp_path: Path) -> None:
    path = write(tmp_path, "x.txt", BRIEF)
    library.import_paths([path], analyze=False)
    (art,) = library.articles.list()
    text = library.articles.get(art.id).text
    start = text.index("The opposition in Tallinn")
    hid = library.highlights.add(art.id, start, start + 40, note="check this").id
    write(tmp_path, "x.txt", BRIEF.split("The opposition")[0] + "Nothing else happened.\n")
    library.import_paths([path], analyze=False)
    h = library.highlights.get(hid)
    assert h.status == "orphan"
    assert h.note == "check this"
    assert h.exact.startswith("The opposition in Tallinn")


def test_bad_files_are_reported_and_the_rest_imported(library: Library, tmp_path: Path) -> None:
    write(tmp_path, "good.txt", BRIEF)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    report = library.import_paths([tmp_path, tmp_path / "missing.txt"], analyze=False)
    assert report.count("imported") == 1
    reasons = {Path(f.path).name: f.reason for f in report.rejected}
    # the library file itself (in the same folder here) is never imported or reported
    assert set(reasons) == {"empty.txt", "image.png", "missing.txt"}
    assert all(reasons.values())
    assert not report.ok


def test_import_reports_progress_and_can_be_cancelled(library: Library, tmp_path: Path) -> None:
    for i in range(70):
        write(tmp_path, f"n{i:03}.txt", BRIEF.replace("Issue: 12", f"Issue: {i}"))
    seen: list[tuple[int, int]] = []

    class StopAfter40:
        def is_set(self) -> bool:
            return len(seen) > 40

    report = library.import_paths(
        [tmp_path],
        analyze=False,
        progress=lambda d, t, p: seen.append((d, t)),
        cancel=StopAfter40(),
    )
    assert report.cancelled
    # The total comes first (before any file is read), then the count moves file by file.
    assert seen[:3] == [(0, 70), (1, 70), (2, 70)]
    assert [d for d, _ in seen] == list(range(len(seen)))
    assert 40 <= len(library.articles.list()) < 70
    rest = library.import_paths([tmp_path], analyze=False)
    assert rest.ok
    assert len(library.articles.list()) == 70


def test_highlights_tags_and_notes(library: Library, tmp_path: Path) -> None:
    library.import_paths([write(tmp_path, "x.txt", BRIEF)], analyze=False)
    (art,) = library.articles.list()
    text = library.articles.get(art.id).text
    s = text.index("border treaty")
    h1 = library.highlights.add(art.id, s, s + 13, tags=["claim", " arms control / borders "]).id
    h2 = library.highlights.add(art.id, s + 7, s + 40, tags=["claimant"], note="overlaps h1").id
    assert library.highlights.get(h1).tags == ["arms control/borders", "claim"]
    assert library.highlights.get(h1).exact == "border treaty"
    assert [h.id for h in library.highlights.list(tag="claim")] == [h1]
    assert [h.id for h in library.highlights.list(tag="arms control")] == [h1]
    assert {h.id for h in library.highlights.list(art.id)} == {h1, h2}

    library.highlights.update(h2, note="edited", tags=["claim/denial"])
    assert {h.id for h in library.highlights.list(tag="claim")} == {h1, h2}
    assert library.highlights.get(h2).note == "edited"

    assert library.tags.merge("claim/denial", "claim").count == 1
    assert {t.name: t.count for t in library.tags.list()}["claim"] == 2
    library.tags.rename("claim", "claims")
    assert library.highlights.get(h2).tags == ["claims"]
    assert library.tags.delete("claims").count == 2
    assert library.highlights.get(h1).tags == ["arms control/borders"]

    library.highlights.delete(h2)
    with pytest.raises(NotFoundError):
        library.highlights.get(h2)
    with pytest.raises(InvalidInputError):
        library.highlights.add(art.id, 5, 5)
    with pytest.raises(InvalidInputError):
        library.highlights.add(art.id, 0, len(text) + 1)
    with pytest.raises(InvalidInputError):
        library.highlights.add(art.id, 0, 4, color="red; drop table")


def test_search_finds_text_notes_and_treats_syntax_literally(
    library: Library, tmp_path: Path
) -> None:
    library.import_paths([write(tmp_path, "x.txt", BRIEF)], analyze=False)
    (art,) = library.articles.list()
    hits = library.search("border treaty")
    assert [(h.article_id, h.kind) for h in hits] == [(art.id, "article")]
    assert "border" in hits[0].snippet
    assert library.search("Publication") == []  # the header is not body text
    text = library.articles.get(art.id).text
    s = text.index("Riga")
    hid = library.highlights.add(
        art.id, s, s + 4, tags=["places"], note="50% of -votes (OR) NOT"
    ).id
    note_hits = library.search("50% -votes (OR) NOT")
    assert [(h.kind, h.highlight_id) for h in note_hits] == [("highlight", hid)]
    assert library.search('"; DROP TABLE articles; --') == []
    assert library.search("   ") == []
    assert len(library.articles.list()) == 1


def test_filters(library: Library, folder: Path) -> None:
    library.import_paths([folder], analyze=False)
    assert len(library.articles.list(publication="monitor")) == 2
    ids = library.articles.ids("title")
    assert library.articles.ids("title", descending=True) == ids[::-1]
    assert [a.id for a in library.articles.summaries(ids[::-1])] == ids[::-1]


def test_articles_ids_takes_a_restriction_of_100k_ids(library: Library, folder: Path) -> None:
    library.import_paths([folder], analyze=False)
    every = library.articles.ids()
    assert len(every) >= 2
    # More ids than SQLite takes as bound parameters: they go in as one JSON array.
    wanted = [every[0], *range(10**6, 10**6 + 100_000)]
    assert library.articles.ids(ids=wanted) == [every[0]]
    assert library.articles.ids(ids=every[:1]) == every[:1]
