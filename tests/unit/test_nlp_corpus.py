"""The Monitor article the product was specified from (read from the shared corpus)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from monitor_desk.core.models import Analysis
from monitor_desk.core.nlp import analyze_text, load_pipeline

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def monitor(request: pytest.FixtureRequest) -> tuple[str, Analysis]:
    corpus: Path = request.getfixturevalue("corpus_dir")
    path = corpus / "monitor" / "000_04f6411dca48fe90.txt"
    if not path.is_file():
        pytest.skip("Monitor article not in the corpus")
    loaded = load_pipeline()
    if loaded.is_fallback:
        pytest.skip("no spaCy model installed")
    try:
        from monitor_desk.core.ingest import parse_document

        doc = parse_document(path.read_bytes(), path.name)
        text, body_start, metadata = doc.text, doc.body_start, dict(doc.metadata)
    except ImportError:
        text = path.read_text(encoding="utf-8")
        body_start = text.index("\n") + 1
        metadata = {}
    return text, analyze_text(text, body_start, metadata, loaded)


@pytest.fixture(scope="module")
def corpus_dir() -> Path:
    default = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
    corpus = Path(os.environ.get("MONITOR_DESK_CORPUS", default))
    if not corpus.is_dir():
        pytest.skip("../shared/corpus is not present")
    return corpus


def test_people_are_persons(monitor: tuple[str, Analysis]) -> None:
    _, analysis = monitor
    persons = {e.text for e in analysis.entities if e.label == "PERSON"}
    wanted = {"Igor Ivanov", "Madeleine Albright", "Bill Clinton", "Samuel Berger", "Boris Yeltsin"}
    assert wanted <= persons


def test_ivanov_is_one_cluster(monitor: tuple[str, Analysis]) -> None:
    _, analysis = monitor
    ivanov = [e for e in analysis.entities if "Ivanov" in e.text]
    assert len(ivanov) > 3
    assert {e.cluster for e in ivanov} == {"Igor Ivanov"}


def test_places_and_treaty(monitor: tuple[str, Analysis]) -> None:
    _, analysis = monitor
    found = {(e.text, e.label) for e in analysis.entities}
    assert {("Washington", "GPE"), ("Moscow", "GPE"), ("ABM Treaty", "LAW")} <= found
    assert "State" not in {e.text for e in analysis.entities}


def test_header_and_citations_hold_no_entity(monitor: tuple[str, Analysis]) -> None:
    text, analysis = monitor
    body_start = text.index("\n") + 1
    for e in analysis.entities:
        assert e.start >= body_start
        assert text[e.start : e.end] == e.text
        assert not any(c.start < e.end and e.start < c.end for c in analysis.citations)


def test_two_citations_with_their_items(monitor: tuple[str, Analysis]) -> None:
    _, analysis = monitor
    items = [[(i.outlet, i.date_text) for i in c.items] for c in analysis.citations]
    assert items == [
        [("Reuters", "September 25")],
        [("International and Russian agencies", "September 22-26"), ("Izvestia", "September 25")],
    ]
