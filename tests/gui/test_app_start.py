"""Starting the GUI on a damaged library offers the newest intact automatic copy."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from monitor_desk.core import backups
from monitor_desk.core.library import Library
from monitor_desk.ui import library_open


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
    lib = library_open.open_or_explain(str(db))
    assert lib is not None
    try:
        assert [t.name for t in lib.tags.list()] == ["kept"]
    finally:
        lib.close()
    assert "damaged" in shown[0]
    assert "lib.sqlite.damaged" in shown[0]
    assert backups.list_backups(db)


def _record_boxes(monkeypatch: pytest.MonkeyPatch, click: str | None = None) -> list[str]:
    """Every message the start shows; ``click`` names the button to press in a QMessageBox."""
    shown: list[str] = []

    def box_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        if click is not None:
            next(b for b in box.buttons() if b.text() == click).click()
        return 0

    def critical(parent: object, title: str, text: str, *a: object) -> object:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    def question(parent: object, title: str, text: str, *a: object) -> object:
        shown.append(text)
        return QMessageBox.StandardButton.Open

    monkeypatch.setattr(QMessageBox, "exec", box_exec)
    monkeypatch.setattr(QMessageBox, "critical", critical)
    monkeypatch.setattr(QMessageBox, "question", question)
    return shown


def _with_copy(db: Path, tag: str) -> None:
    with Library.open(db) as lib:
        lib.tags.create(tag)
    backups.make_backup(db)


def test_a_newer_library_is_refused_with_its_version_and_no_restore_is_offered(
    qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from monitor_desk.core.schema import SCHEMA_VERSION

    db = tmp_path / "lib.sqlite"
    _with_copy(db, "older")
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = db.read_bytes()
    shown = _record_boxes(monkeypatch, click="Restore copy")
    assert library_open.open_or_explain(str(db)) is None
    (message,) = shown
    assert "newer Monitor Desk" in message
    assert f"schema {SCHEMA_VERSION + 1}" in message
    assert "Restore" not in message
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("lib.sqlite.damaged*"))


def test_another_programs_database_is_refused_and_not_replaced(
    qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    db = tmp_path / "lib.sqlite"
    _with_copy(db, "mine")
    db.unlink()
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE photos(name)")
    conn.close()
    before = db.read_bytes()
    shown = _record_boxes(monkeypatch, click="Restore copy")
    assert library_open.open_or_explain(str(db)) is None
    assert len(shown) == 1
    assert "another program's database" in shown[0]
    assert db.read_bytes() == before


def test_damage_inside_the_file_offers_the_newest_copy(
    qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import random
    import sqlite3

    db = tmp_path / "lib.sqlite"
    with Library.open(db) as lib:
        for i in range(300):
            lib.tags.create(f"tag {i} " + "x" * 200)
    backups.make_backup(db)
    conn = sqlite3.connect(db)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    data = bytearray(db.read_bytes())
    rng = random.Random(1)
    for page in (pages // 2, pages - 2):
        data[page * 4096 : (page + 1) * 4096] = bytes(rng.randrange(256) for _ in range(4096))
    db.write_bytes(bytes(data))
    shown = _record_boxes(monkeypatch, click="Restore copy")
    lib = library_open.open_or_explain(str(db))
    assert lib is not None
    try:
        assert len(lib.tags.list()) == 300
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        lib.close()
    assert "damaged" in shown[0]
    assert (tmp_path / "lib.sqlite.damaged").exists()


def test_a_library_on_a_read_only_disk_opens_read_only(
    qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from monitor_desk.core import library_file

    folder = tmp_path / "mnt"
    db = folder / "lib.sqlite"
    _with_copy(db, "readable")
    real = os.access
    monkeypatch.setattr(
        library_file.os,
        "access",
        lambda p, mode, *a, **k: False if mode & os.W_OK and str(p).startswith(str(folder))
        else real(p, mode, *a, **k),
    )  # fmt: skip
    shown = _record_boxes(monkeypatch)
    lib = library_open.open_or_explain(str(db))
    assert lib is not None
    try:
        assert lib.read_only
        assert [t.name for t in lib.tags.list()] == ["readable"]
    finally:
        lib.close()
    assert "read-only disk" in shown[0]
    assert "no automatic copy" not in shown[0]
