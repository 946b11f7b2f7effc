"""One ``Analysis`` per article: citations, entities (with clusters) and claims.

Citations are found first with regexes so they can be hidden from the model; the body is
parsed with ``nlp.pipe``; every offset is mapped back to the full text.
"""

from __future__ import annotations

import functools
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from ..models import Analysis, Claim, Span
from .chunks import chunk_bounds, chunk_prepared
from .citations import scan_citations, with_coverage
from .clusters import cluster_mentions
from .entities import model_entity_spans, text_entity_rules
from .language import ENGLISH, RUSSIAN, only_language, override_of, paragraph_languages
from .language import dominant as dominant_language
from .pipeline import LoadedPipeline, analysed_by, gazetteer_patterns
from .prepare import OffsetMap, Prepared, prepare

if TYPE_CHECKING:
    from .claims.taught import TaughtCues


def _claims_extractor() -> Callable[..., list[Claim]] | None:
    try:  # written by the claims helper; analysis still works without it
        from .claims import extract_claims
    except ImportError:
        return None
    return extract_claims


_extract_claims = _claims_extractor()
_log = logging.getLogger(__name__)

LONG_TEXT = 100_000
"""Texts longer than this (after masking) go to the model in chunks of paragraphs: spaCy
refuses texts over ``max_length`` (E088), and its memory grows with the text in flight.
Shorter texts go whole, as they always did."""
CHUNK_CHARS = 5_000
"""The size of those chunks: ``pipe`` holds ``batch_size`` (32) of them at once, so a long
text costs about the memory of a batch of ordinary articles (~160k characters)."""


@functools.lru_cache(maxsize=1)
def _known_forms() -> dict[str, str]:
    """How the gazetteer writes its words ("nato" -> "NATO"), for re-casing headlines."""
    forms: dict[str, str] = {}
    for p in gazetteer_patterns():
        if isinstance(p.get("pattern"), str):
            for word in p["pattern"].split():
                if word[:1].isupper():
                    forms.setdefault(word.lower(), word)
    return forms


def _prepare(text: str, body_start: int, metadata: Mapping[str, str]) -> Prepared:
    citations = scan_citations(text, body_start, metadata)
    return prepare(text, body_start, citations, _known_forms())


def _sentences(doc: Any, prep: Prepared) -> list[tuple[int, int]]:
    """Sentence spans in full-text offsets, whitespace trimmed (from token arrays: cheaper
    than building a Span per sentence)."""
    from spacy.attrs import IDX, SENT_START

    text = prep.masked  # == doc.text, which spaCy would rebuild from the tokens
    omap = prep.offsets
    if not len(doc):
        return []
    array = doc.to_array([SENT_START, IDX])
    starts: list[int] = array[array[:, 0] == 1, 1].tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    bounds = [*starts[1:], len(text)]
    out = []
    for start, end in zip(starts, bounds, strict=True):
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            lead = start + len(chunk) - len(chunk.lstrip())
            out.append((omap.start(lead), omap.end(lead + len(stripped))))
    return out


def _map_span(span: Span, text: str, omap: OffsetMap) -> Span:
    start, end = omap.start(span.start), omap.end(span.end)
    return Span(start, end, text[start:end])


def _map_claim(claim: Claim, text: str, omap: OffsetMap) -> Claim:
    return Claim(
        speaker=_map_span(claim.speaker, text, omap) if claim.speaker else None,
        speaker_name=claim.speaker_name,
        cue=_map_span(claim.cue, text, omap),
        content=_map_span(claim.content, text, omap),
        kind=claim.kind,
        quotes=tuple(_map_span(q, text, omap) for q in claim.quotes),
        frame=claim.frame,
        confidence=claim.confidence,
    )


def _with_citation(claim: Claim, covers: list[tuple[int, ...]]) -> Claim:
    for index, spans in enumerate(covers):
        if any(s <= claim.cue.start < e for s, e in zip(spans[::2], spans[1::2], strict=True)):
            return replace(claim, citation=index)
    return claim


@dataclass
class _Found:
    """What the docs of one text gave so far, in full-text offsets (the docs themselves are
    let go as soon as they are read: a long text never holds all its parses at once)."""

    prep: Prepared
    english: bool
    chunks: int
    language: str = ENGLISH
    russian: str | None = None
    """The masked text with only its Russian lines, when it has any."""
    parsed: Any = None
    """What a worker process made of them (a ``RussianFound``, or why it failed)."""
    sentences: list[tuple[int, int]] | None = field(default_factory=list)
    entities: list[tuple[int, int, str]] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    error: str | None = None

    def add(
        self, doc: Any, chunk: Prepared, pipeline: LoadedPipeline, taught: TaughtCues | None
    ) -> None:
        if self.error is not None:
            return
        try:
            if self.sentences is not None and doc.has_annotation("SENT_START"):
                self.sentences += _sentences(doc, chunk)
            else:  # no sentence boundaries: citations cover regex sentences instead
                self.sentences = None
            self.entities += model_entity_spans(doc, chunk)
            if _extract_claims is not None and not pipeline.is_fallback:
                text, omap = chunk.text, chunk.offsets
                extracted = _extract_claims(doc, taught) if taught else _extract_claims(doc)
                self.claims += [_map_claim(c, text, omap) for c in extracted]
        except Exception as exc:  # one odd text must not stop the others (see _failed)
            self.error = _failed(exc)


def _failed(exc: Exception) -> str:
    _log.exception("analysis of one text failed")
    return f"{type(exc).__name__}: {str(exc)[:200]}"


def _finish(found: _Found, pipeline: LoadedPipeline) -> Analysis:
    prep = found.prep
    text = prep.text
    lang = found.language
    # natasha for Russian lines, the model for English ones: an upgrade of either marks
    # the article stale (Library.reanalyze(only_stale=True))
    name, version = analysed_by(pipeline, found.english, found.russian is not None)
    if found.error is not None:
        return Analysis(name, version, error=found.error, language=lang)
    try:
        if not found.english and found.russian is None:  # nothing was parsed
            citations = with_coverage(prep.citations, text, prep.body_start, None)
            return Analysis(name, version, [], [], citations, language=lang)
        normal: dict[tuple[int, int], str] = {}
        if found.russian is not None:  # natasha (core/nlp/russian/), here or in a worker
            ru = found.parsed or _russian((prep, found.russian))
            if isinstance(ru, str):
                return Analysis(name, version, error=ru, language=lang)
            found.sentences = sorted((found.sentences or []) + ru.sentences)
            found.entities = sorted(found.entities + ru.entities)
            found.claims += [_map_claim(c, text, prep.offsets) for c in ru.claims]
            normal = ru.normal
        citations = with_coverage(prep.citations, text, prep.body_start, found.sentences)
        spans = text_entity_rules(prep, found.entities)
        entities = cluster_mentions(text, spans, normal)
        covers = [tuple(x for span in c.covers for x in span) for c in citations]
        claims = [_with_citation(c, covers) for c in found.claims]
        if found.chunks > 1 or found.russian is not None:
            claims.sort(key=lambda c: (c.cue.start, c.content.start))
        return Analysis(name, version, entities, claims, citations, language=lang)
    except Exception as exc:
        return Analysis(name, version, error=_failed(exc), language=lang)


def _russian(job: tuple[Prepared, str]) -> Any:
    """The Russian lines of one text through natasha (``RussianFound``), or why that failed
    (text: an odd text must not stop a worker process's batch)."""
    from .russian.analysis import analyze_russian

    try:
        return analyze_russian(*job)
    except Exception as exc:
        return _failed(exc)


def _chunks(masked: str, pipeline: LoadedPipeline) -> list[tuple[int, int]]:
    if len(masked) <= min(LONG_TEXT, pipeline.nlp.max_length):
        return [(0, len(masked))]
    return chunk_bounds(masked, min(CHUNK_CHARS, pipeline.nlp.max_length))


def analyze_many(
    items: Iterable[tuple[str, int, Mapping[str, str]]],
    pipeline: LoadedPipeline,
    *,
    batch_size: int = 32,
    n_process: int = 1,
    taught: TaughtCues | None = None,
) -> Iterator[Analysis]:
    """Analyse many texts through ``nlp.pipe``; results come in input order.

    ``taught``: the cues the analyst taught for the library (claims.taught); the workers
    only parse, so the claims are extracted here with exactly this set.

    A text longer than ``LONG_TEXT`` goes to the model in chunks of paragraphs; a text
    whose analysis fails gets an ``Analysis`` with ``error`` set, and the others go on.
    """
    pending: deque[tuple[_Found, Prepared, bool]] = deque()

    in_workers = n_process > 1  # then the Russian lines are parsed there too

    def masked_texts() -> Iterator[tuple[str, Any]]:
        for text, body_start, metadata in items:
            try:
                prep = _prepare(text, body_start, metadata)
                runs = paragraph_languages(prep.masked, override=override_of(metadata))
                english_text = only_language(prep.masked, runs, ENGLISH)
                russian_text = only_language(prep.masked, runs, RUSSIAN)
                language = dominant_language(prep.masked, runs)
            except Exception as exc:
                prep = Prepared(text, body_start, "", OffsetMap((0,), (body_start,)), ())
                found = _Found(prep, False, 1, error=_failed(exc))
                pending.append((found, prep, True))
                yield "", None
                continue
            english = english_text is not None
            # Only the English lines go to spaCy (the others blanked, offsets kept).
            english_prep = replace(prep, masked=english_text) if english_text else prep
            bounds = _chunks(english_prep.masked, pipeline) if english else [(0, 0)]
            found = _Found(prep, english, len(bounds), language, russian_text)
            for n, (start, end) in enumerate(bounds):
                chunk = chunk_prepared(english_prep, start, end)
                last = n == len(bounds) - 1
                pending.append((found, chunk, last))
                job = (prep, russian_text) if in_workers and last and russian_text else None
                yield chunk.masked if english else "", job

    docs: Iterator[tuple[Any, Any]]
    if in_workers:
        from .workers import pipe_in_workers

        docs = pipe_in_workers(pipeline.nlp, masked_texts(), n_process, batch_size, _russian)
    else:
        texts = (text for text, _ in masked_texts())
        docs = ((doc, None) for doc in pipeline.nlp.pipe(texts, batch_size=batch_size))
    try:
        while True:
            # The model and its docs are used only with the pipeline's lock held (another
            # thread may parse with it between two of our results); the lock is let go
            # before a result is handed on, so the caller's writes never keep it.
            with pipeline.lock:
                step = next(docs, None)
                if step is None:
                    break
                doc, russian = step
                found, chunk, last = pending.popleft()
                if found.english:
                    found.add(doc, chunk, pipeline, taught)
                if russian is not None:
                    found.parsed = russian
            if last:
                yield _finish(found, pipeline)  # natasha and our rules: not the spaCy model
    finally:
        close = getattr(docs, "close", None)
        if close is not None:  # the workers stop now, not whenever this is collected
            with pipeline.lock:  # spaCy's own generator ends in there
                close()


def analyze_text(
    text: str,
    body_start: int,
    metadata: Mapping[str, str],
    pipeline: LoadedPipeline,
    taught: TaughtCues | None = None,
) -> Analysis:
    """Analyse one text (header before ``body_start`` is ignored)."""
    return next(analyze_many([(text, body_start, metadata)], pipeline, taught=taught))
