"""The import report the window shows names duplicates apart from rejected files."""

from __future__ import annotations

from monitor_desk.core.models import FileOutcome, ImportReport
from monitor_desk.ui.progress import report_text


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
