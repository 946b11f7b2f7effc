"""A natasha ``Doc`` ready for ``extract_claims_ru`` (segmented, tagged, parsed, NER,
lemmatised, normalised), for the Russian benchmarks: the product's own loader
(core/nlp/russian/pipeline.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def russian_parser() -> Callable[[str], Any]:
    """``parse(text) -> natasha.Doc``; the models load once."""
    from monitor_desk.core.nlp.russian.pipeline import load_russian

    return load_russian().parse
