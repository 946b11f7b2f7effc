"""One ``Analysis`` per article: citations, entities (with clusters) and claims.

Citations are found first with regexes so they can be hidden from the model; the body is
parsed with ``nlp.pipe``; every offset is mapped back to the full text.
"""

from __future__ import annotations

import functools
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from ..models import Analysis, Claim, Span
from .citations import scan_citations, with_coverage
from .clusters import cluster_mentions
from .entities import entity_spans
from .pipeline import LoadedPipeline, gazetteer_patterns
from .prepare import OffsetMap, Prepared, prepare
from .script import latin_script


def _claims_extractor() -> Callable[[Any], list[Claim]] | None:
    try:  # written by the claims helper; analysis still works without it
        from .claims import extract_claims
    except ImportError:
        return None
    return extract_claims


_extract_claims = _claims_extractor()


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


def _english_script(prep: Prepared) -> bool:
    """On Russian or other non-Latin text the English model tags ordinary words as people
    and organisations ("Всё" as an ORG): such text gets citations but no entities or
    claims rather than wrong ones."""
    return latin_script(prep.masked)


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


def _map_claim(claim: Claim, text: str, omap: OffsetMap, covers: list[tuple[int, ...]]) -> Claim:
    cue = _map_span(claim.cue, text, omap)
    citation = None
    for index, spans in enumerate(covers):
        if any(s <= cue.start < e for s, e in zip(spans[::2], spans[1::2], strict=True)):
            citation = index
            break
    return Claim(
        speaker=_map_span(claim.speaker, text, omap) if claim.speaker else None,
        speaker_name=claim.speaker_name,
        cue=cue,
        content=_map_span(claim.content, text, omap),
        kind=claim.kind,
        quotes=tuple(_map_span(q, text, omap) for q in claim.quotes),
        citation=citation,
    )


def _finish(prep: Prepared, doc: Any, pipeline: LoadedPipeline) -> Analysis:
    text = prep.text
    if doc is None:  # not English: nothing was parsed
        citations = with_coverage(prep.citations, text, prep.body_start, None)
        return Analysis(pipeline.name, pipeline.version, [], [], citations)
    has_sents = doc.has_annotation("SENT_START")
    sentences = _sentences(doc, prep) if has_sents else None
    citations = with_coverage(prep.citations, text, prep.body_start, sentences)
    entities = cluster_mentions(text, entity_spans(doc, prep))
    claims: list[Claim] = []
    if _extract_claims is not None and not pipeline.is_fallback:
        covers = [tuple(x for span in c.covers for x in span) for c in citations]
        claims = [_map_claim(c, text, prep.offsets, covers) for c in _extract_claims(doc)]
    return Analysis(pipeline.name, pipeline.version, entities, claims, citations)


def analyze_many(
    items: Iterable[tuple[str, int, Mapping[str, str]]],
    pipeline: LoadedPipeline,
    *,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[Analysis]:
    """Analyse many texts through ``nlp.pipe``; results come in input order."""
    pending: deque[tuple[Prepared, bool]] = deque()

    def masked_texts() -> Iterator[str]:
        for text, body_start, metadata in items:
            prep = _prepare(text, body_start, metadata)
            english = _english_script(prep)
            pending.append((prep, english))
            yield prep.masked if english else ""

    if n_process > 1:
        from .workers import pipe_in_workers

        docs = pipe_in_workers(pipeline.nlp, masked_texts(), n_process, batch_size)
    else:
        docs = pipeline.nlp.pipe(masked_texts(), batch_size=batch_size)
    try:
        for doc in docs:
            prep, english = pending.popleft()
            yield _finish(prep, doc if english else None, pipeline)
    finally:
        close = getattr(docs, "close", None)
        if close is not None:  # the workers stop now, not whenever this is collected
            close()


def analyze_text(
    text: str, body_start: int, metadata: Mapping[str, str], pipeline: LoadedPipeline
) -> Analysis:
    """Analyse one text (header before ``body_start`` is ignored)."""
    prep = _prepare(text, body_start, metadata)
    doc = pipeline.nlp(prep.masked) if _english_script(prep) else None
    return _finish(prep, doc, pipeline)
