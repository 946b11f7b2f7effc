"""The Russian paragraphs of one prepared text through natasha: sentences, entities with
their normal forms, and claims (from the Russian claims extractor when it is there), all in
full-text offsets but the claims.

The text given is the masked body with every non-Russian line blanked (same length), so
natasha's offsets are the masked text's and ``Prepared.offsets`` maps them back: the header
and the citations' parentheses are hidden from natasha exactly as from spaCy.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ...models import Claim
from ..prepare import Prepared
from .entities import doc_entities
from .pipeline import load_russian


@functools.lru_cache(maxsize=1)
def _claims_extractor() -> Callable[[Any], list[Claim]] | None:
    try:  # the Russian claims extractor (core/nlp/russian/claims.py) may not be there
        from .claims import extract_claims_ru  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    return extract_claims_ru  # type: ignore[no-any-return,unused-ignore]


@dataclass
class RussianFound:
    sentences: list[tuple[int, int]] = field(default_factory=list)
    entities: list[tuple[int, int, str]] = field(default_factory=list)
    normal: dict[tuple[int, int], str] = field(default_factory=dict)
    """Normal form (nominative) of an entity by its full-text span."""
    claims: list[Claim] = field(default_factory=list)
    """In masked-text offsets (the caller maps them, as it maps English claims)."""


def analyze_russian(prep: Prepared, russian_masked: str) -> RussianFound:
    """Parse ``russian_masked`` (``prep.masked`` with the non-Russian lines blanked)."""
    doc = load_russian().parse(russian_masked)
    omap = prep.offsets
    found = RussianFound()
    for sent in doc.sents:
        found.sentences.append((omap.start(sent.start), omap.end(sent.stop)))
    for start, end, label, normal in doc_entities(doc):
        s, e = omap.start(start), omap.end(end)
        if s < prep.body_start or e <= s:
            continue
        found.entities.append((s, e, label))
        found.normal[(s, e)] = normal
    extract = _claims_extractor()
    if extract is not None:
        found.claims = extract(doc)
    return found
