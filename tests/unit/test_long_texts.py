"""Texts over spaCy's 1,000,000 characters, and one failing text among others (issue 13,
item 12): long texts are analysed in chunks of paragraphs with offsets mapped back; a
failure is recorded for its article and the others are analysed all the same."""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from monitor_desk.core.library import Library
from monitor_desk.core.models import Analysis
from monitor_desk.core.nlp import analysis as analysis_module
from monitor_desk.core.nlp import analyze_many, load_pipeline
from monitor_desk.core.nlp.chunks import chunk_bounds, chunk_prepared
from monitor_desk.core.nlp.pipeline import LoadedPipeline
from monitor_desk.core.nlp.prepare import mask_body

HEADER = "Publication: Monitor Volume: 9 Issue: 12\n\n"
NAMES = ["Vladimir Putin", "Igor Ivanov", "Yevgeny Primakov", "Boris Yeltsin"]
PLACES = ["Moscow", "Kyiv", "Tbilisi", "Minsk", "Chechnya"]


def long_body(chars: int, seed: int = 1) -> str:
    """Paragraphs of news-like sentences, some with citations, ``chars`` long or more."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < chars:
        sentences = [
            f"{rng.choice(NAMES)} said on Tuesday that talks in {rng.choice(PLACES)} "
            f"would resume (Interfax, September {rng.randint(1, 28)})."
            if rng.random() < 0.3
            else f"Officials in {rng.choice(PLACES)} met {rng.choice(NAMES)} again."
            for _ in range(rng.randint(2, 6))
        ]
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs) + "\n"


@pytest.fixture(scope="module")
def fallback() -> LoadedPipeline:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
        return load_pipeline()


# -- chunks -----------------------------------------------------------------------------


def test_chunks_cover_the_text_in_order_at_paragraph_breaks() -> None:
    text = long_body(60_000)
    bounds = chunk_bounds(text, 5_000)
    assert (bounds[0][0], bounds[-1][1]) == (0, len(text))
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))
    assert all(0 < end - start <= 5_000 for start, end in bounds)
    # Each cut is right after a paragraph break.
    assert all(text[start - 2 : start] == "\n\n" for start, _ in bounds[1:])


def test_a_paragraph_longer_than_a_chunk_is_cut_at_a_sentence_end() -> None:
    text = "Short one.\n\n" + "The talks went on. " * 2_000 + "\n\nLast."
    bounds = chunk_bounds(text, 5_000)
    assert all(end - start <= 5_000 for start, end in bounds)
    assert "".join(text[s:e] for s, e in bounds) == text
    for start, _ in bounds[1:]:
        assert text[start - 2 : start] in (". ", "\n\n")
    # No white space to cut at: a hard cut, still complete.
    solid = "x" * 12_000
    assert [e - s for s, e in chunk_bounds(solid, 5_000)] == [5_000, 5_000, 2_000]


def test_a_chunk_maps_its_offsets_to_the_full_text() -> None:
    body = long_body(20_000)
    text = HEADER + body
    cuts = [(m, m + 18) for m in range(len(HEADER) + 500, len(text) - 100, 1_700)]
    masked, omap = mask_body(text, len(HEADER), cuts)
    from monitor_desk.core.nlp.prepare import Prepared

    prep = Prepared(text, len(HEADER), masked, omap, ())
    for start, end in chunk_bounds(masked, 3_000):
        chunk = chunk_prepared(prep, start, end)
        assert chunk.masked == masked[start:end]
        for pos in range(0, end - start, 7):
            assert chunk.offsets.start(pos) == omap.start(start + pos)
            assert chunk.offsets.end(pos + 1) == omap.end(start + pos + 1)


# -- analysis ---------------------------------------------------------------------------


@pytest.mark.slow
def test_a_text_over_a_million_characters_is_analysed_to_its_end(
    fallback: LoadedPipeline,
) -> None:
    body = long_body(1_300_000) + "Finally NATO met in Brussels (Reuters, October 2).\n"
    text = HEADER + body
    short = HEADER + "NATO met in Brussels (Reuters, October 2).\n"
    big, small = analyze_many([(text, len(HEADER), {}), (short, len(HEADER), {})], fallback)
    assert (big.error, small.error) == (None, None)
    assert all(text[e.start : e.end] == e.text for e in big.entities)
    assert any(e.text == "NATO" and e.start > 1_250_000 for e in big.entities)
    assert [c.text for c in big.citations][-1] == "(Reuters, October 2)"
    assert all(c.covers for c in big.citations)
    assert [e.text for e in small.entities if e.text == "NATO"] == ["NATO"]


@pytest.mark.model
def test_chunked_analysis_finds_what_the_whole_text_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real model on a text cut into small chunks: spans map back exactly, and the
    entities and claims are those of the text analysed whole (boundaries aside)."""
    model = load_pipeline()
    if model.is_fallback:
        pytest.skip("no spaCy model installed")
    text = HEADER + long_body(12_000, seed=7)
    (whole,) = analyze_many([(text, len(HEADER), {})], model)
    monkeypatch.setattr(analysis_module, "LONG_TEXT", 2_000)
    monkeypatch.setattr(analysis_module, "CHUNK_CHARS", 1_500)
    (chunked,) = analyze_many([(text, len(HEADER), {})], model)
    for found in (chunked.entities, [c.content for c in chunked.claims]):
        assert all(text[s.start : s.end] == s.text for s in found)
    same = {(e.start, e.end) for e in whole.entities} & {(e.start, e.end) for e in chunked.entities}
    assert len(same) >= 0.9 * len(whole.entities)
    cues = {c.cue.start for c in whole.claims} & {c.cue.start for c in chunked.claims}
    assert len(cues) >= 0.9 * len(whole.claims) > 0
    assert any(c.citation is not None for c in chunked.claims)


def _poisoned(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the analysis of any text holding "Poison" fail (as a bug would)."""
    real = analysis_module.model_entity_spans

    def spans(doc: Any, prep: Any) -> Any:
        if "Poison" in prep.masked:
            raise ValueError("cannot analyse this")
        return real(doc, prep)

    monkeypatch.setattr(analysis_module, "model_entity_spans", spans)


def test_one_failing_text_does_not_stop_the_others(
    fallback: LoadedPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    _poisoned(monkeypatch)
    texts = [HEADER + "NATO met.\n", HEADER + "Poison for NATO.\n", HEADER + "NATO again.\n"]
    results = list(analyze_many([(t, len(HEADER), {}) for t in texts], fallback))
    assert [r.error is None for r in results] == [True, False, True]
    assert "cannot analyse this" in (results[1].error or "")
    assert [len(r.entities) > 0 for r in results] == [True, False, True]


@pytest.fixture
def lib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Library]:
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    library = Library.open(tmp_path / "lib.sqlite")
    yield library
    library.close()


def test_an_import_with_a_failing_file_imports_and_analyses_the_others(
    lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _poisoned(monkeypatch)
    folder = tmp_path / "in"
    folder.mkdir()
    for name, body in (
        ("a.txt", "NATO met.\n"),
        ("b.txt", "Poison here.\n"),
        ("c.txt", "NATO met again.\n"),
    ):
        (folder / name).write_text(HEADER + body, encoding="utf-8")
    report = lib.import_paths([folder])
    assert report.count("imported") == 3
    reasons = {Path(f.path).name: f.reason for f in report.files}
    assert "analysis failed" in (reasons["b.txt"] or "")
    assert (reasons["a.txt"], reasons["c.txt"]) == (None, None)
    assert all(lib.articles.analysis(i) is not None for i in (1, 3))
    assert lib.articles.analysis(1).entities  # type: ignore[union-attr]
    # Stamped, so the GUI's background analysis does not try it again at every start.
    assert lib.articles.unanalyzed_ids() == []


def test_reanalysis_records_a_failure_and_goes_on_even_when_the_model_breaks(
    lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, body in (
        ("a.txt", "NATO met.\n"),
        ("b.txt", "It breaks.\n"),
        ("c.txt", "NATO met again.\n"),
    ):
        (tmp_path / name).write_text(HEADER + body, encoding="utf-8")
    lib.import_paths([tmp_path / n for n in ("a.txt", "b.txt", "c.txt")], analyze=False)
    assert lib.articles.unanalyzed_ids() == [1, 2, 3]
    real = lib._analyzer

    def analyzer(processes: int) -> Any:
        def analyze(items: Iterable[tuple[str, int, Mapping[str, str]]]) -> Iterator[Analysis]:
            items = list(items)
            if any("breaks" in text for text, _, _ in items):  # the model dies mid-batch
                raise RuntimeError("E088-like failure inside spaCy")
            return real(processes)(items)

        return analyze

    monkeypatch.setattr(lib, "_analyzer", analyzer)
    failed: list[tuple[int, str]] = []
    assert lib.reanalyze(None, failed=failed) == 3
    assert [f[0] for f in failed] == [2]
    assert lib.articles.unanalyzed_ids() == []
    for article_id in (1, 3):
        assert lib.articles.analysis(article_id).entities  # type: ignore[union-attr]
