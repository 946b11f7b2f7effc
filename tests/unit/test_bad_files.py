"""Bad files: whatever bytes a folder holds, an import finishes, says in one line why each
refused file was refused, and imports every other file."""

from __future__ import annotations

import codecs
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitor_desk.core.library import Library
from monitor_desk.core.models import ImportReport

MARKER = "Marker brief"
CONTROL = "Control brief\n\nA plain brief that every import must take in.\n"

# Words that stay words in any decoder: letters, digits, punctuation and spaces only.
_WORDS = st.text(
    alphabet=st.characters(categories=["L", "N", "P", "Zs"], exclude_characters="\x85"),
    min_size=1,
    max_size=300,
)
_LATIN = [
    "Le ministre a déclaré à la presse que les négociations étaient terminées.",
    "Die Regierung erklärte, die Gespräche über Zölle seien gescheitert.",
    "El gobierno señaló que la reunión se celebrará en otoño.",
]
_CYRILLIC = [
    "Министр иностранных дел заявил в понедельник, что переговоры зашли в тупик.",
    "Представители правительства сообщили о новых санкциях против компаний.",
]


@contextmanager
def _no_hang(seconds: int) -> Iterator[None]:
    """Fail (instead of hanging the suite) when one example takes longer than ``seconds``."""

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"import still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@st.composite
def truncated_utf8(draw: st.DrawFn) -> tuple[str, bytes, str]:
    data = (MARKER + " " + draw(_WORDS) + "\n" + draw(_WORDS)).encode("utf-8")
    cut = draw(st.integers(len(MARKER) + 1, len(data)))
    return "must import", data[:cut], ".txt"


@st.composite
def truncated_utf16(draw: st.DrawFn) -> tuple[str, bytes, str]:
    bom = draw(st.booleans())
    codec = draw(st.sampled_from(["utf-16-le", "utf-16-be"]))
    # Without a BOM, UTF-16 is recognised by its pattern: Latin or Cyrillic text.
    body = draw(st.sampled_from(_LATIN[:1] + _CYRILLIC)) * draw(st.integers(1, 20))
    text = MARKER + " " + body
    data = (codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE) * bom
    data += text.encode(codec)
    cut = draw(st.integers(2 * bom + 2 * len(MARKER) + 1, len(data)))
    return "must import", data[:cut], ".txt"


@st.composite
def with_nuls(draw: st.DrawFn) -> tuple[str, bytes, str]:
    data = bytearray((MARKER + " " + draw(_WORDS)).encode("utf-8"))
    for _ in range(draw(st.integers(1, 5))):
        data.insert(draw(st.integers(0, len(data))), 0)
    return "must reject", bytes(data), ".txt"


@st.composite
def huge_line(draw: st.DrawFn) -> tuple[str, bytes, str]:
    unit = draw(st.sampled_from(["x", "word ", "слово ", "\u00e9"]))
    count = draw(st.integers(100_000, 600_000))
    return "must import", (MARKER + " " + unit * count).encode("utf-8"), ".txt"


@st.composite
def bom_only(draw: st.DrawFn) -> tuple[str, bytes, str]:
    bom = draw(st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE]))
    spaces = draw(st.sampled_from(["", " ", "\n", "\r\n\t "]))
    codec = "utf-8" if bom == codecs.BOM_UTF8 else "utf-16-le"
    if bom == codecs.BOM_UTF16_BE:
        codec = "utf-16-be"
    return "must reject", bom + spaces.encode(codec), draw(st.sampled_from([".txt", ".html"]))


@st.composite
def mixed_encodings(draw: st.DrawFn) -> tuple[str, bytes, str]:
    """UTF-8 lines and lines in one legacy code page, as when two files are pasted together."""
    cyrillic = draw(st.booleans())
    pool, legacy = (_CYRILLIC, "cp1251") if cyrillic else (_LATIN, "cp1252")
    lines = draw(st.lists(st.tuples(st.sampled_from(pool), st.booleans()), min_size=2))
    lines = [(pool[0], True), (pool[-1], False), *lines]
    data = (MARKER + "\n").encode() + b"".join(
        (line + "\n").encode("utf-8" if utf8 else legacy) for line, utf8 in lines
    )
    return "must import", data, ".txt"


@st.composite
def nested_html(draw: st.DrawFn) -> tuple[str, bytes, str]:
    depth = draw(st.integers(500, 30_000))
    tag = draw(st.sampled_from(["div", "span", "b", "p", "table", "li"]))
    closed = draw(st.booleans())
    text = f"<{tag}>" * depth + f"{MARKER} in deep markup" + (f"</{tag}>" * depth if closed else "")
    return "must import", f"<html><body>{text}</body></html>".encode(), ".html"


@st.composite
def random_bytes(draw: st.DrawFn) -> tuple[str, bytes, str]:
    suffix = draw(st.sampled_from([".txt", ".html", ".xml", ".md", ".bin"]))
    return "any", draw(st.binary(max_size=4096)), suffix


BAD_FILE = st.one_of(
    truncated_utf8(),
    truncated_utf16(),
    with_nuls(),
    huge_line(),
    bom_only(),
    mixed_encodings(),
    nested_html(),
    random_bytes(),
)


def _one_clear_line(reason: str | None) -> None:
    assert reason, "a refused file must say why"
    assert "\n" not in reason
    assert "\r" not in reason
    assert len(reason) < 200
    assert "Traceback" not in reason


def _check(report: ImportReport, lib: Library, files: dict[Path, tuple[str, bytes]]) -> None:
    outcomes = {Path(f.path).name: f for f in report.files}
    assert len(report.files) == len(files) + 1 == len(outcomes)
    assert outcomes["control.txt"].status == "imported"
    imported = 0
    for path, (expect, _data) in files.items():
        outcome = outcomes[path.name]
        assert outcome.status in ("imported", "rejected", "duplicate")
        if outcome.status == "duplicate":  # the same text as another file: one article
            _one_clear_line(outcome.reason)
            assert expect != "must reject", f"{path.name} read as a duplicate"
            assert outcome.article_id is not None
            if expect == "must import":
                assert MARKER in lib.articles.get(outcome.article_id).text
            continue
        if outcome.status == "rejected":
            _one_clear_line(outcome.reason)
            assert expect != "must import", f"{path.name} refused: {outcome.reason}"
            continue
        imported += 1
        assert expect != "must reject", f"{path.name} imported"
        assert outcome.article_id is not None
        text = lib.articles.get(outcome.article_id).text
        if expect == "must import":
            assert MARKER in text
        assert "\x00" not in text
    assert len(lib.articles.list()) == imported + 1


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(BAD_FILE, min_size=1, max_size=4))
def test_a_folder_of_bad_files_imports_the_good_and_explains_the_rest(
    bad: list[tuple[str, bytes, str]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        (folder / "control.txt").write_text(CONTROL, encoding="utf-8")
        files: dict[Path, tuple[str, bytes]] = {}
        for i, (expect, data, suffix) in enumerate(bad):
            path = folder / f"file{i}{suffix}"
            path.write_bytes(data)
            files[path] = (expect, data)
        with _no_hang(60), Library.open(Path(tmp) / "lib.sqlite") as lib:
            report = lib.import_paths([folder], analyze=False)
            _check(report, lib, files)
            control = next(f for f in report.files if f.path.endswith("control.txt"))
            assert control.article_id is not None
            assert lib.articles.get(control.article_id).text == CONTROL


@settings(max_examples=25, deadline=None, derandomize=True)
@given(st.sampled_from(_LATIN), st.sampled_from(_CYRILLIC), st.integers(1, 6))
def test_utf8_lines_in_a_legacy_file_read_as_written(latin: str, cyrillic: str, n: int) -> None:
    """Pasted-together files keep every line readable: no mojibake on either side."""
    from monitor_desk.core.ingest import parse_document

    for line, legacy in ((latin, "cp1252"), (cyrillic, "cp1251")):
        data = ((line + "\n").encode() + (line + "\n").encode(legacy)) * n
        doc = parse_document(data, "mixed.txt")
        assert doc.text == (line + "\n") * 2 * n


def test_a_50_mb_file_is_refused_by_size_and_the_rest_imported(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    big = folder / "huge.txt"
    with big.open("wb") as f:
        block = b"A line of a very long brief that nobody should import whole.\n" * 1024
        while f.tell() < 50 * 1024 * 1024:
            f.write(block)
    (folder / "control.txt").write_text(CONTROL, encoding="utf-8")
    with _no_hang(60), Library.open(tmp_path / "lib.sqlite") as lib:
        report = lib.import_paths([folder], analyze=False)
        (rejected,) = report.rejected
        assert rejected.path == str(big)
        _one_clear_line(rejected.reason)
        assert rejected.reason.startswith("too large: 50.")
        assert [a.title for a in lib.articles.list()] == ["Control brief"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (codecs.BOM_UTF8, "empty file"),
        (codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), "empty file"),
        (b"text\x00with a NUL byte in it " * 10, "binary file (not text)"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file (not text)"),
    ],
)
def test_each_refusal_names_its_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with Library.open(tmp_path / "lib.sqlite") as lib:
        report = lib.import_paths([path], analyze=False)
    assert [(f.status, f.reason) for f in report.files] == [("rejected", reason)]
