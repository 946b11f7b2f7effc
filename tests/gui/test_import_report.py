"""The import report the window shows names duplicates apart from rejected files."""

from __future__ import annotations

from pathlib import Path

from monitor_desk.core.library import Library
from monitor_desk.core.models import FileOutcome, ImportReport
from monitor_desk.ui.progress import report_text

STORY = " ".join(f"Word{i} of the border talks story, said the minister." for i in range(30))


def test_duplicates_are_counted_and_named_apart_from_rejected_files() -> None:
    report = ImportReport(
        [
            FileOutcome("/in/a.txt", "imported", 1),
            FileOutcome("/in/b.txt", "duplicate", 1, "same text as article 1 (BORDER TALKS)"),
            FileOutcome("/in/c.bin", "rejected", None, "binary file"),
        ]
    )
    summary, details = report_text(report)
    assert summary == "1 imported, 1 rejected, 1 duplicate(s) not imported."
    assert details.splitlines() == [
        "/in/c.bin: binary file",
        "/in/b.txt: same text as article 1 (BORDER TALKS)",
    ]


def test_the_import_report_lists_near_duplicates(tmp_path: Path, library: Library) -> None:
    """An imported near-duplicate is counted and named (it is imported, not an error)."""
    (tmp_path / "a.txt").write_text("BORDER TALKS\n\n" + STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Talks to resume\n\n" + STORY, encoding="utf-8")
    library.import_paths([tmp_path / "a.txt"], analyze=False)
    report = library.import_paths([tmp_path / "b.txt"], analyze=False)
    assert report.to_dict()["near_duplicates"] == [
        {"path": str(tmp_path / "b.txt"), "article_id": 2, "near_duplicate_of": 1}
    ]
    summary, details = report_text(report)
    assert summary == "1 imported, 1 near-duplicate(s) linked."
    assert details == f"{tmp_path / 'b.txt'}: near-duplicate of article 1 (BORDER TALKS)"
