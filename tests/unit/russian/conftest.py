"""A natasha parser for the Russian tests, loaded once per session: the product's own
(core/nlp/russian/pipeline.py), so the claims extractor is tested on the ``Doc`` the
analysis hands it (segmented, morph-tagged, parsed, NER-tagged, lemmatised, normalised)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


@pytest.fixture(scope="session")
def ru_parse() -> Callable[[str], Any]:
    """``parse(text)``: a natasha ``Doc`` as the Russian pipeline hands it to the claims
    extractor."""
    pytest.importorskip("natasha")
    from monitor_desk.core.nlp.russian.pipeline import load_russian

    return load_russian().parse
