"""Starting the GUI on a damaged library offers the newest intact automatic copy."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from monitor_desk.core import backups
from monitor_desk.core.library import Library
from monitor_desk.ui import app


def test_a_damaged_library_offers_the_newest_copy_and_restores_it(
    qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "lib.sqlite"
    with Library.open(db) as lib:
        lib.tags.create("kept")
    later = time.time() + 5
    os.utime(db, (later, later))
    Library.open(db).close()  # the rolling copy
    db.write_bytes(b"this is no longer a database, the disk ate it")
    shown: list[str] = []

    def click_restore(box: QMessageBox) -> int:
        shown.append(box.text())
        next(b for b in box.buttons() if b.text() == "Restore copy").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_restore)
    lib = app._open_or_explain(str(db))
    assert lib is not None
    try:
        assert [t.name for t in lib.tags.list()] == ["kept"]
    finally:
        lib.close()
    assert "damaged" in shown[0]
    assert "lib.sqlite.damaged" in shown[0]
    assert backups.list_backups(db)
