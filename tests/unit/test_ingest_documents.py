"""Whole files: parse_document, read_document limits and errors, iter_import_files."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from monitor_desk.core.ingest import (
    MAX_FILE_BYTES,
    ParsedDocument,
    RejectedFile,
    iter_import_files,
    parse_document,
    read_document,
)

BRIEF = (
    "Publication: Monitor Volume: 7 Issue: 12 Date: September 25, 1999\n"
    "\n"
    "Moscow and Kyiv agreed on gas transit terms (Interfax, September 24).\n"
    "\n"
    "The deal still needs the Rada's approval.\n"
)
RUSSIAN_BRIEF = (
    "Переговоры в Москве\n\nМинистры встретились в понедельник и обсудили транзит газа.\n"
)


def test_brief_is_parsed() -> None:
    doc = parse_document(BRIEF.encode(), "brief.txt")
    assert doc == ParsedDocument(
        text=BRIEF,
        body_start=BRIEF.index("Moscow"),
        metadata={
            "publication": "Monitor",
            "volume": "7",
            "issue": "12",
            "date": "September 25, 1999",
        },
        title="Moscow and Kyiv agreed on gas transit terms (Interfax, September 24).",
        date="1999-09-25",
        encoding="utf-8",
        kind="txt",
        date_source="header",
    )


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_endings_are_normalised(newline: str) -> None:
    doc = parse_document(BRIEF.replace("\n", newline).encode("cp1251"), "brief.txt")
    assert doc.text == BRIEF
    assert doc.body_start == BRIEF.index("Moscow")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + RUSSIAN_BRIEF.encode(), "utf-8-sig"),
        (RUSSIAN_BRIEF.encode("utf-16"), "utf-16"),
        (RUSSIAN_BRIEF.replace("\n", "\r\n").encode("utf-16-le"), "utf-16-le"),
        (RUSSIAN_BRIEF.encode("koi8-r"), "koi8-r"),
    ],
)
def test_encodings_give_the_same_document(data: bytes, encoding: str) -> None:
    doc = parse_document(data, "brief")
    assert (doc.text, doc.encoding, doc.title) == (RUSSIAN_BRIEF, encoding, "Переговоры в Москве")


@pytest.mark.parametrize(
    ("name", "kind"),
    [("a.TXT", "txt"), ("a", "txt"), ("a.log", "txt"), ("a.md", "md"), ("a.markdown", "md")]
    + [("a.HTM", "html"), ("a.xhtml", "html"), ("a.rss", "xml"), ("a.xml", "xml")],
)
def test_kind_follows_the_suffix(name: str, kind: str) -> None:
    assert parse_document(b"<p>Hello there</p>", name).kind == kind


def test_markup_in_plain_text_stays_literal() -> None:
    text = "<script>alert('x')</script> is what the attacker wrote.\n"
    assert parse_document(text.encode(), "note.txt").text == text


def test_markdown_kept_as_written_with_front_matter() -> None:
    text = "---\ntitle: Weekly notes\nauthor: A. Writer\n---\n\n# Heading\n\n*Body* text.\n"
    doc = parse_document(text.encode(), "notes.md")
    assert doc.text == text
    assert doc.title == "Weekly notes"
    assert doc.metadata == {"title": "Weekly notes", "author": "A. Writer"}
    assert doc.text[doc.body_start :].startswith("# Heading")


def test_read_document(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes(BRIEF.encode("cp1251"))
    assert read_document(path) == parse_document(BRIEF.encode(), "brief.txt")


def test_too_large_is_rejected_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:  # sparse: 13 MB on paper, nothing on disk
        handle.truncate(13 * 1024 * 1024)
    with pytest.raises(RejectedFile) as caught:
        read_document(path)
    assert str(caught.value) == "too large: 13.0 MB (limit 10 MB)"
    assert MAX_FILE_BYTES == 10 * 1024 * 1024


def test_limit_is_a_parameter(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_text("x" * 2000)
    with pytest.raises(RejectedFile, match="too large"):
        read_document(path, max_bytes=1000)
    assert read_document(path, max_bytes=2000).text == "x" * 2000


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (codecs.BOM_UTF8, "empty file"),
        (b"\n \n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (not text)"),
    ],
)
def test_rejections_from_files(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(RejectedFile) as caught:
        read_document(path)
    assert str(caught.value) == reason


def test_missing_and_directory_paths_are_unreadable(tmp_path: Path) -> None:
    with pytest.raises(RejectedFile, match="^unreadable: No such file"):
        read_document(tmp_path / "missing.txt")
    with pytest.raises(RejectedFile, match="^unreadable: Is a directory"):
        read_document(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_permission_denied_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("text")
    path.chmod(0)
    with pytest.raises(RejectedFile, match="^unreadable: Permission denied"):
        read_document(path)


def _tree(root: Path, files: list[str]) -> None:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name)


def test_iter_import_files_walks_folders_in_sorted_order(tmp_path: Path) -> None:
    _tree(tmp_path, ["b.txt", "a/z.txt", "a/y/x.md", ".hidden.txt", ".git/config", "c"])
    found = [p.relative_to(tmp_path).as_posix() for p in iter_import_files([tmp_path])]
    assert found == ["a/y/x.md", "a/z.txt", "b.txt", "c"]


def test_iter_import_files_keeps_given_files_and_order(tmp_path: Path) -> None:
    _tree(tmp_path, ["one.txt", "dir/two.txt", ".explicit.txt"])
    given = [tmp_path / ".explicit.txt", tmp_path / "dir", tmp_path / "missing.txt"]
    assert list(iter_import_files(given)) == [
        tmp_path / ".explicit.txt",
        tmp_path / "dir" / "two.txt",
        tmp_path / "missing.txt",
    ]


def test_iter_import_files_survives_symlink_loops(tmp_path: Path) -> None:
    _tree(tmp_path, ["root/a.txt", "root/sub/b.txt"])
    (tmp_path / "root" / "sub" / "loop").symlink_to(tmp_path / "root", target_is_directory=True)
    found = list(iter_import_files([tmp_path / "root", tmp_path / "root" / "a.txt"]))
    assert sorted(p.name for p in found) == ["a.txt", "b.txt"]
