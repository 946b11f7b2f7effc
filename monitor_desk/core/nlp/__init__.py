"""NLP for Monitor Desk: pipeline loading, entities, citations and the per-article analysis.

spaCy is imported lazily inside functions so importing this package stays cheap.
"""

from __future__ import annotations

from .analysis import analyze_many, analyze_text
from .citations import find_citations
from .pipeline import LoadedPipeline, load_pipeline

__all__ = ["LoadedPipeline", "analyze_many", "analyze_text", "find_citations", "load_pipeline"]
