"""The readers on real third-party files from the shared corpus (read only, never copied)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from monitor_desk.core.ingest import read_document

pytestmark = pytest.mark.corpus

CORPUS = Path(
    os.environ.get("MONITOR_DESK_CORPUS")
    or Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
)
ENCODINGS = CORPUS / "encodings"
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_LETTER = re.compile(r"[^\W\d_]")


def _files(folder: Path, pattern: str = "*") -> list[Path]:
    if not folder.is_dir():
        pytest.skip(f"corpus folder absent: {folder}")
    return sorted(
        p for p in folder.glob(pattern) if p.is_file() and not p.name.startswith("LICENSE")
    )


def test_every_encoded_file_decodes_to_cyrillic() -> None:
    for path in _files(ENCODINGS, "**/*"):
        doc = read_document(path)
        letters = len(_LETTER.findall(doc.text))
        cyrillic = len(_CYRILLIC.findall(doc.text))
        assert cyrillic > 0.6 * letters, (path.name, doc.encoding)


def test_expected_code_page_for_each_chardet_folder() -> None:
    expected = {
        "KOI8-R": "koi8-r",
        "windows-1251-russian": "cp1251",
        "IBM866": "cp866",
        "iso-8859-5-russian": "iso8859-5",
        "MacCyrillic": "mac-cyrillic",
    }
    for path in _files(ENCODINGS / "chardet", "*/*"):
        assert read_document(path).encoding == expected[path.parent.name], path


def test_derived_variants_decode_to_the_same_text() -> None:
    variants = _files(ENCODINGS / "derived", "newsru_2006-01_items.*")
    reference = read_document(ENCODINGS / "derived" / "newsru_2006-01_items.utf8.txt").text
    assert len(variants) >= 6
    for path in variants:
        assert read_document(path).text == reference, path.name


def test_derived_files_use_the_code_page_in_their_name() -> None:
    # The KOI8-R twins are not byte-for-byte the same text (KOI8-R has no « »), so each
    # file is checked against the code page its name states.
    expected = {"cp1251": "cp1251", "cp1251-crlf": "cp1251", "koi8r": "koi8-r"}
    for path in _files(ENCODINGS / "derived", "*.txt"):
        label = path.name.split(".")[-2]
        if label in expected:
            assert read_document(path).encoding == expected[label], path.name


@pytest.mark.parametrize("feed", ["aif.ru.health.xml", "newsru.com.xml", "aviaport.ru.xml"])
def test_one_feed_in_every_encoding_gives_the_same_text(feed: str) -> None:
    texts = [read_document(p).text for p in _files(ENCODINGS / "chardet", f"*/{feed}")]
    assert len(texts) == 5
    longest = max(texts, key=len)
    assert "<" not in longest
    assert "&quot;" not in longest
    for text in texts:
        # Some chardet samples are cut short: their text is a prefix of the complete one.
        assert longest.startswith(text)
        assert text.count("\n\n") >= 10


def test_monitor_article_header() -> None:
    path = CORPUS / "monitor" / "000_04f6411dca48fe90.txt"
    if not path.is_file():
        pytest.skip("Monitor article absent")
    doc = read_document(path)
    assert doc.metadata["publication"] == "Monitor"
    assert doc.metadata["volume"] == "5"
    assert doc.metadata["issue"] == "177"
    body = doc.text[doc.body_start :]
    assert not body.startswith("Publication")
    assert body[:1].isalpha()
    assert doc.text.startswith("Publication: Monitor")


def test_reuters_stories_have_title_and_date() -> None:
    paths = _files(CORPUS / "news" / "reuters21578", "*.txt")
    for path in paths:
        doc = read_document(path)
        assert doc.metadata["publication"].startswith("Reuters-21578"), path.name
        assert (doc.date or "").startswith("1987-"), path.name
        assert doc.title not in ("", "Untitled"), path.name
        assert not doc.title.startswith("Publication"), path.name


def test_bbc_titles_are_first_lines() -> None:
    for path in _files(CORPUS / "news" / "bbc_politics", "*.txt")[:50]:
        doc = read_document(path)
        first_line = doc.text.split("\n", 1)[0].strip()
        assert doc.title == first_line, path.name
