"""Pipes, sockets and devices in an import: skipped with a reason, never opened for
reading (a FIFO blocks the open forever, and with it Cancel and closing the window)."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pytest

from monitor_desk.core.ingest import RejectedFile, documents, read_document
from monitor_desk.core.library import Library

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX"),
    pytest.mark.timeout(60),  # the failure these tests catch is a hang
]

BRIEF = "A brief\n\nOfficials said the talks would resume on Monday.\n"


def test_a_fifo_and_a_socket_in_the_folder_are_skipped_with_a_reason(tmp_path: Path) -> None:
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "a.txt").write_text(BRIEF, encoding="utf-8")
    os.mkfifo(folder / "b.txt")
    (folder / "c.txt").write_text(BRIEF.replace("A brief", "C brief"), encoding="utf-8")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(folder / "d.txt"))
        with Library.open(tmp_path / "lib.sqlite") as lib:
            report = lib.import_paths([folder], analyze=False)
            titles = sorted(a.title for a in lib.articles.list())
    finally:
        server.close()
    assert titles == ["A brief", "C brief"]
    reasons = {Path(f.path).name: f.reason for f in report.rejected}
    assert reasons == {
        "b.txt": "not a regular file (a named pipe), skipped",
        "d.txt": "not a regular file (a socket), skipped",
    }


def test_a_file_swapped_for_a_fifo_after_its_check_does_not_hang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between the ``stat`` that says "regular file" and the open, the file becomes a
    FIFO: the open must not wait for a writer."""
    regular = tmp_path / "regular.txt"
    regular.write_text(BRIEF, encoding="utf-8")
    fifo = tmp_path / "brief.txt"
    os.mkfifo(fifo)
    real_stat = os.stat

    def stat_before_the_swap(path: object, *args: object, **kwargs: object) -> os.stat_result:
        return real_stat(regular if Path(str(path)) == fifo else path)  # type: ignore[arg-type]

    monkeypatch.setattr(documents.os, "stat", stat_before_the_swap)
    with pytest.raises(RejectedFile, match="named pipe"):
        read_document(fifo)


def test_a_device_named_on_the_command_line_is_not_read(tmp_path: Path) -> None:
    """/dev/zero would never end; /dev/null is empty but no brief either."""
    with Library.open(tmp_path / "lib.sqlite") as lib:
        report = lib.import_paths(["/dev/zero", "/dev/null"], analyze=False)
    assert [(f.status, f.reason) for f in report.files] == [
        ("rejected", "not a regular file (a device), skipped")
    ] * 2
