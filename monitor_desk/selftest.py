"""``monitor-desk --self-test``: prove an installed (or frozen) app works end to end.

Each step uses what a user would: a fresh library file, the bundled samples, the bundled
spaCy model (the rule fallback counts as a failure here: a package without its model is
broken), a highlight, a CSV export and the main window rendered offscreen. The report is
one line per step; the first failing step is named and the exit status is 1.
"""

from __future__ import annotations

import csv
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

WINDOW_SIZE = (1280, 800)
SELFTEST_TAG = "self-test"


class SelfTestFailure(Exception):
    """A step found something wrong (as opposed to crashing)."""


@dataclass
class _State:
    """What one step leaves for the next."""

    workdir: Path
    library: Any = None
    article_id: int | None = None
    quote: str = ""
    facts: dict[str, str] = field(default_factory=dict)


def _check(condition: object, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


def _open_library(state: _State) -> str:
    from .core.library import Library

    state.library = Library.open(state.workdir / "selftest.sqlite")
    return str(state.library.path)


def _import_samples(state: _State) -> str:
    from .core.paths import samples_dir

    folder = samples_dir()
    _check(folder.is_dir(), f"bundled samples not found at {folder}")
    files = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".html", ".htm"))
    _check(files, f"no sample articles in {folder}")
    report = state.library.import_paths([folder], analyze=False)
    rejected = [f"{f.path}: {f.reason}" for f in report.rejected]
    _check(not rejected, "samples rejected: " + "; ".join(rejected))
    imported = report.count("imported")
    _check(imported == len(files), f"{imported} of {len(files)} samples imported")
    return f"{imported} articles from {folder}"


def _load_model(state: _State) -> str:
    pipeline = state.library.pipeline
    _check(
        not pipeline.is_fallback,
        f"the bundled spaCy model did not load ({pipeline.message})",
    )
    _check("ner" in pipeline.nlp.pipe_names, f"{pipeline.name} has no NER component")
    return f"{pipeline.name} {pipeline.version}"


def _analyse(state: _State) -> str:
    lib = state.library
    count = lib.reanalyze()
    ids = lib.articles.ids()
    _check(count == len(ids), f"{count} of {len(ids)} articles analysed")
    model = lib.pipeline.name
    entities = claims = citations = 0
    labels: set[str] = set()
    for article_id in ids:
        analysis = lib.articles.analysis(article_id)
        _check(analysis is not None, f"article {article_id} has no stored analysis")
        _check(
            analysis.pipeline_name == model,
            f"article {article_id} was analysed by {analysis.pipeline_name}, not {model}",
        )
        entities += len(analysis.entities)
        claims += len(analysis.claims)
        citations += len(analysis.citations)
        labels.update(e.label for e in analysis.entities)
        if state.article_id is None and analysis.entities:
            state.article_id = article_id
    _check(entities > 0, "the model found no entities in the samples")
    _check(citations > 0, "no source citations found in the samples")
    # The gazetteer ruler alone never finds people and dates: both mean the model ran.
    _check({"PERSON", "DATE"} <= labels, f"entity labels look rule-only: {sorted(labels)}")
    return f"{entities} entities, {claims} claims, {citations} citations"


RUSSIAN_SAMPLE = (
    "Губернатор Андрей Чибис встретился в Мурманске с руководством компании «Норникель». "
    "Позже Андрея Чибиса спросили о планах на следующий год."
)


def _russian(state: _State) -> str:
    """natasha's models and pymorphy2's dictionary are found (in a frozen app: bundled as
    data files) and a Russian name in two cases is one person."""
    from .core.nlp.analysis import analyze_text

    analysis = analyze_text(RUSSIAN_SAMPLE, 0, {}, state.library.pipeline)
    _check(analysis.error is None, f"the Russian pipeline failed: {analysis.error}")
    _check(analysis.language == "ru", f"the Russian sample was read as {analysis.language}")
    people = {e.cluster for e in analysis.entities if e.label == "PERSON"}
    _check(people == {"Андрей Чибис"}, f"Russian people found: {sorted(people)}")
    return f"{len(analysis.entities)} entities in the Russian sample"


def _highlight(state: _State) -> str:
    lib = state.library
    _check(state.article_id is not None, "no analysed article to highlight")
    article = lib.articles.get(state.article_id)
    entity = lib.articles.analysis(state.article_id).entities[0]
    start, end = entity.start, entity.end
    highlight_id = lib.highlights.add(
        state.article_id, start, end, tags=[SELFTEST_TAG], note="made by the self-test"
    ).id
    stored = lib.highlights.get(highlight_id)
    _check(stored.exact == article.text[start:end], "the highlight does not quote its text")
    state.quote = stored.exact
    return f"article {state.article_id}, {stored.exact!r} tagged {SELFTEST_TAG}"


def _export_csv(state: _State) -> str:
    out = state.workdir / "notes.csv"
    rows = state.library.exports.write("notes", out)
    _check(rows == 1, f"{rows} notes exported, expected 1")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        records = list(csv.reader(fh))
    _check(len(records) == 2, f"{out} has {len(records)} lines, expected a header and 1 row")
    _check(state.quote in records[1], f"the exported row does not hold {state.quote!r}")
    return f"{out} ({out.stat().st_size} bytes)"


def _render_window(state: _State) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFontDatabase, QImage
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    families = QFontDatabase.families()
    _check(families, "Qt found no fonts (install fontconfig-config and a font, e.g. DejaVu)")
    out = state.workdir / "main-window.png"
    try:
        from .ui.screenshot import render_screenshot
    except ImportError:  # an older tree: grab the window directly
        render_screenshot = _grab_window
    render_screenshot(state.library, out, state.article_id, WINDOW_SIZE)
    image = QImage(str(out))
    _check(not image.isNull(), f"{out} is not a readable PNG")
    _check(
        (image.width(), image.height()) == WINDOW_SIZE,
        f"{out} is {image.width()}x{image.height()}",
    )
    colours = _colour_count(image)
    _check(colours > 16, f"the window looks blank ({colours} colours)")
    del app
    return f"{out} ({image.width()}x{image.height()}, {colours} colours, {len(families)} fonts)"


def _grab_window(
    library: Any,
    out: Path,
    article_id: int | None,
    size: tuple[int, int],
    tab: str | None = None,
) -> None:
    from PySide6.QtWidgets import QApplication

    from .ui.main_window import MainWindow

    window = MainWindow(library)
    window.resize(*size)
    window.show()
    for _ in range(5):
        QApplication.processEvents()
    if article_id is not None and hasattr(window, "open_article"):
        window.open_article(article_id)
        QApplication.processEvents()
    window.grab().save(str(out), "PNG")
    window.close()


def _colour_count(image: Any, step: int = 7) -> int:
    seen: set[int] = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
    return len(seen)


STEPS: tuple[tuple[str, Callable[[_State], str]], ...] = (
    ("library", _open_library),
    ("import", _import_samples),
    ("model", _load_model),
    ("analysis", _analyse),
    ("russian", _russian),
    ("highlight", _highlight),
    ("export", _export_csv),
    ("window", _render_window),
)


def run_self_test(workdir: Path | None = None, out: TextIO | None = None) -> int:
    """Run every step, print one line each; 0 when all pass, else 1 (first failure named).

    ``workdir`` keeps the library, CSV and PNG for inspection (default: a temp folder that
    is removed afterwards; ``$MONITOR_DESK_SELFTEST_DIR`` also sets it).
    """
    out = out or sys.stdout
    env_dir = os.environ.get("MONITOR_DESK_SELFTEST_DIR")
    if workdir is None and env_dir:
        workdir = Path(env_dir)
    if workdir is not None:
        workdir.mkdir(parents=True, exist_ok=True)
        return _run(workdir, out)
    with tempfile.TemporaryDirectory(prefix="monitor-desk-selftest-") as tmp:
        return _run(Path(tmp), out)


def _run(workdir: Path, out: TextIO) -> int:
    from . import __version__

    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    python = sys.version.split()[0]
    print(f"Monitor Desk {__version__} self-test ({frozen}, Python {python})", file=out)
    state = _State(workdir)
    began = time.perf_counter()
    try:
        for name, step in STEPS:
            t0 = time.perf_counter()
            try:
                detail = step(state)
            except SelfTestFailure as exc:
                print(f"FAIL {name:<10} {exc}", file=out)
                return 1
            except Exception as exc:  # a crash is a failure to report, with its type
                print(f"FAIL {name:<10} {type(exc).__name__}: {exc}", file=out)
                return 1
            ms = (time.perf_counter() - t0) * 1000
            print(f"ok   {name:<10} {detail} [{ms:.0f} ms]", file=out)
    finally:
        if state.library is not None:
            state.library.close()
    print(f"self-test passed in {time.perf_counter() - began:.1f} s", file=out)
    return 0
