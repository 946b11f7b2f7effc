"""PDF import (issue 17 item 1): pdfminer.six against pypdf on real-shaped PDFs, and a
300-page PDF through ``Library.import_paths``.

The PDFs are made by ``tests/fixtures/make_pdf.py`` (Qt's PDF writer, fonts embedded and
subset as office programs do): a one-column brief and a two-column brief whose lines are
drawn row by row across the columns (the file's order is not the reading order), both with
a running header, page numbers and hyphenated line ends. For each library it prints the
seconds per page and the text quality against the paragraphs as written:

- ``word_similarity``: the words in order (Indel similarity of the word sequences, 1.0 =
  the same words in the same order) after joining hyphenated line ends;
- ``paragraphs_exact``: the share of paragraphs recovered exactly (Monitor Desk's reader
  only: raw library output has no paragraphs).

pypdf is measured when installed (it is not a dependency). Prints one JSON line.

    python bench/pdf_import.py [--pages 20] [--big 300]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import REPO, report
from rapidfuzz.distance import Indel

from monitor_desk.core.ingest.pdf import read_pdf
from monitor_desk.core.library import Library

MAKE_PDF = REPO / "tests" / "fixtures" / "make_pdf.py"
_HYPHEN_END = re.compile(r"(\w)-\s*\n\s*(\w)")


def make(out: Path, *args: str) -> dict[str, Any]:
    subprocess.run([sys.executable, str(MAKE_PDF), "brief", str(out), *args], check=True)
    return json.loads(out.with_suffix(".json").read_text("utf-8"))  # type: ignore[no-any-return]


def words(text: str) -> list[str]:
    return _HYPHEN_END.sub(r"\1\2", text.replace("\t", " ")).split()


def similarity(expected: list[str], text: str) -> float:
    return round(Indel.normalized_similarity(expected, words(text)), 4)


def measure(path: Path, info: dict[str, Any]) -> dict[str, Any]:
    data = path.read_bytes()
    paragraphs = [p["text"] for p in info["paragraphs"]]
    expected = " ".join(paragraphs).split()
    pages = info["pages"]
    out: dict[str, Any] = {"pages": pages}

    start = time.perf_counter()
    laid, _ = read_pdf(data)
    elapsed = time.perf_counter() - start
    got = laid.text.strip().split("\n\n")
    out["monitor_desk_reader"] = {
        "s_per_page": round(elapsed / pages, 4),
        "word_similarity": similarity(expected, laid.text),
        "paragraphs_exact": round(sum(p in got for p in paragraphs) / len(paragraphs), 3),
    }

    from pdfminer.high_level import extract_text

    start = time.perf_counter()
    raw = extract_text(str(path))
    elapsed = time.perf_counter() - start
    out["pdfminer_extract_text"] = {
        "s_per_page": round(elapsed / pages, 4),
        "word_similarity": similarity(expected, raw),
    }
    try:
        from pypdf import PdfReader
    except ImportError:
        out["pypdf"] = "not installed"
        return out
    for mode in ("plain", "layout"):
        start = time.perf_counter()
        reader = PdfReader(str(path))
        text = "\n".join(page.extract_text(extraction_mode=mode) for page in reader.pages)
        elapsed = time.perf_counter() - start
        out[f"pypdf_{mode}"] = {
            "s_per_page": round(elapsed / pages, 4),
            "word_similarity": similarity(expected, text),
        }
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=20)
    ap.add_argument("--big", type=int, default=300)
    args = ap.parse_args()
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        one = folder / "one.pdf"
        two = folder / "two.pdf"
        figures["one_column"] = measure(one, make(one, "--pages", str(args.pages)))
        info = make(two, "--pages", str(args.pages), "--columns", "2", "--rows", "--seed", "2")
        figures["two_columns_out_of_order"] = measure(two, info)

        big = folder / "big.pdf"
        info = make(big, "--pages", str(args.big), "--seed", "3")
        calls: list[tuple[int, int]] = []
        with Library.open(folder / "lib.sqlite") as lib:
            start = time.perf_counter()
            result = lib.import_paths(
                [big], analyze=False, progress=lambda d, t, _: calls.append((d, t))
            )
            elapsed = time.perf_counter() - start
            (outcome,) = result.files
            article = lib.articles.get(outcome.article_id or 0)
        figures["big_import"] = {
            "pages": info["pages"],
            "megabytes": round(big.stat().st_size / 2**20, 2),
            "status": outcome.status,
            "seconds": round(elapsed, 2),
            "s_per_page": round(elapsed / info["pages"], 4),
            "pages_stored": len(article.page_starts),
            "characters": len(article.text),
            "progress_calls": len(calls),
        }
    # The headline figures, flat: seconds per page of our reader and of the big import.
    figures["s_per_page"] = figures["two_columns_out_of_order"]["monitor_desk_reader"]["s_per_page"]
    figures["big_import_seconds"] = figures["big_import"]["seconds"]
    report("pdf_import", **figures)


if __name__ == "__main__":
    main()
