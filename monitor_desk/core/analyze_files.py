"""Analyse files without a library (``monitor-desk analyze``), and the JSON shape of it.

The JSON Lines format is documented in docs/ANALYZE_JSON.md; tests pin it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .ingest import ParsedDocument, RejectedFile, iter_import_files
from .ingest.parts import read_parts
from .models import Analysis, Span
from .path_text import path_text

if TYPE_CHECKING:
    from .nlp.pipeline import LoadedPipeline


@dataclass
class AnalyzedFile:
    path: Path
    doc: ParsedDocument | None
    analysis: Analysis | None
    error: str | None = None


def analyze_paths(
    paths: Iterable[str | Path], pipeline: LoadedPipeline, batch: int = 16
) -> Iterator[AnalyzedFile]:
    """Read and analyse every file under ``paths``, yielding one result per file in order."""
    from .nlp.analysis import analyze_many

    files: list[Path] = []
    for p in paths:
        path = Path(p)
        if not path.exists():
            yield AnalyzedFile(path, None, None, "no such file or folder")
            continue
        files.extend(iter_import_files([path]))
    for i in range(0, len(files), batch):
        chunk = files[i : i + batch]
        docs: list[tuple[Path, ParsedDocument | None, str | None]] = []
        for f in chunk:
            for part, parsed in read_parts(f):
                if isinstance(parsed, RejectedFile):
                    docs.append((part, None, str(parsed)))
                else:
                    docs.append((part, parsed, None))
        good = [(d.text, d.body_start, d.metadata) for _, d, _ in docs if d is not None]
        results = iter(analyze_many(good, pipeline))
        for f, d, err in docs:
            yield AnalyzedFile(f, d, next(results) if d is not None else None, err)


def _span(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": span.text}


def analysis_record(path: Path, doc: ParsedDocument, analysis: Analysis) -> dict[str, Any]:
    """One JSON object of ``monitor-desk analyze --json`` (offsets: code points into text)."""
    return {
        "path": path_text(path),
        "text": doc.text,
        "body_start": doc.body_start,
        "title": doc.title,
        "metadata": doc.metadata,
        "encoding": doc.encoding,
        "pipeline": {"name": analysis.pipeline_name, "version": analysis.pipeline_version},
        "language": analysis.language,
        "entities": [
            {"start": e.start, "end": e.end, "label": e.label, "text": e.text, "cluster": e.cluster}
            for e in analysis.entities
        ],
        "claims": [
            {
                "speaker": _span(c.speaker),
                "speaker_name": c.speaker_name,
                "cue": _span(c.cue),
                "content": _span(c.content),
                "kind": c.kind,
                "quotes": [_span(q) for q in c.quotes],
                "citation": c.citation,
                "frame": c.frame,
                "confidence": c.confidence,
            }
            for c in analysis.claims
        ],
        "citations": [
            {
                "start": c.start,
                "end": c.end,
                "text": c.text,
                "items": [
                    {
                        "outlet": it.outlet,
                        "date_text": it.date_text,
                        "date_start": it.date_start,
                        "date_end": it.date_end,
                    }
                    for it in c.items
                ],
                "covers": [{"start": s, "end": e} for s, e in c.covers],
            }
            for c in analysis.citations
        ],
    }
