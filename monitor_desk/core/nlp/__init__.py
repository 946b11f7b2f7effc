"""NLP for Monitor Desk: pipeline loading, entities, citations and the per-article analysis.

spaCy is imported lazily inside functions, and this package imports its modules only when
one of the names below is first used: the window reads ``nlp.language`` and the claims'
quotation rule at start-up without loading the analysis (``tests/gui/test_overview.py``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .analysis import analyze_many, analyze_text
    from .citations import find_citations
    from .pipeline import LoadedPipeline, load_pipeline

__all__ = ["LoadedPipeline", "analyze_many", "analyze_text", "find_citations", "load_pipeline"]

_HOMES = {
    "LoadedPipeline": "pipeline",
    "analyze_many": "analysis",
    "analyze_text": "analysis",
    "find_citations": "citations",
    "load_pipeline": "pipeline",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
