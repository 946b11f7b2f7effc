"""One spaCy model, two threads: in the GUI an analysis runs on the work queue while the
GUI thread may parse a sentence for the taught-cue offer. Each takes the pipeline's lock,
so neither parses (nor reads a doc of the shared vocabulary) while the other does."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterable, Iterator
from typing import Any

import pytest

from monitor_desk.core.nlp.analysis import analyze_many
from monitor_desk.core.nlp.claims.taught import cue_reading
from monitor_desk.core.nlp.pipeline import LoadedPipeline, load_pipeline

pytestmark = pytest.mark.model

TEXTS = [
    f"Title: Note {n}\n\nThe minister of {place} said that the harbour would reopen in "
    f"spring. Officials in {place} trumpeted the deal on Monday.\n"
    for n, place in enumerate(["Oslo", "Riga", "Tallinn", "Vilnius", "Helsinki"] * 4)
]
SENTENCE = "The envoy trumpeted that the talks had succeeded, and the mayor made the offer."


class WatchedModel:
    """The real model, noting each use made while another thread could take the lock."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.lock: Any = None
        self.uses = 0
        self.unguarded = 0

    def _note_use(self) -> None:
        free: list[bool] = []

        def probe() -> None:  # another thread: can it take the lock right now?
            if self.lock.acquire(blocking=False):
                self.lock.release()
                free.append(True)
            else:
                free.append(False)

        thread = threading.Thread(target=probe)
        thread.start()
        thread.join()
        self.uses += 1
        self.unguarded += free[0]

    def __call__(self, text: str) -> Any:
        self._note_use()
        return self.nlp(text)

    def pipe(self, texts: Iterable[str], **kwargs: Any) -> Iterator[Any]:
        for doc in self.nlp.pipe(texts, **kwargs):
            self._note_use()
            yield doc

    def __getattr__(self, name: str) -> Any:
        return getattr(self.nlp, name)


@pytest.fixture
def watched() -> tuple[LoadedPipeline, WatchedModel]:
    real = load_pipeline()
    if real.is_fallback:
        pytest.skip("no spaCy model installed")
    model = WatchedModel(real.nlp)
    pipeline = dataclasses.replace(real, nlp=model, lock=type(real.lock)())
    model.lock = pipeline.lock
    return pipeline, model


def _summary(analysis: Any) -> tuple[Any, ...]:
    claims = [(c.cue.start, c.cue.end, c.content.start, c.content.end) for c in analysis.claims]
    return analysis.error, [(e.text, e.label) for e in analysis.entities], claims


def _reading(pipeline: LoadedPipeline, cue: str, content: str) -> tuple[str, bool] | None:
    start, body = SENTENCE.index(cue), SENTENCE.index(content)
    with pipeline.borrowed(60) as nlp:
        if nlp is None:
            return None
        return cue_reading(nlp, SENTENCE, (start, start + len(cue)), (body, body + len(content)))


def test_an_analysis_and_cue_readings_on_two_threads_take_the_model_in_turn(
    watched: tuple[LoadedPipeline, WatchedModel],
) -> None:
    pipeline, model = watched
    alone = [_summary(a) for a in analyze_many([(t, 0, {}) for t in TEXTS], pipeline)]
    expected = [_reading(pipeline, "trumpeted", "that"), _reading(pipeline, "made", "the offer")]
    assert expected == [("trumpet", False), ("make", True)]

    results: list[tuple[Any, ...]] = []
    started = threading.Event()

    def analyse() -> None:  # as the work queue does, on its own thread
        for analysis in analyze_many([(t, 0, {}) for t in TEXTS], pipeline, batch_size=2):
            started.set()
            results.append(_summary(analysis))

    worker = threading.Thread(target=analyse)
    worker.start()
    started.wait(60)
    readings = []
    while worker.is_alive() or not readings:  # as the GUI thread does, while it runs
        readings.append(_reading(pipeline, "trumpeted", "that"))
        readings.append(_reading(pipeline, "made", "the offer"))
    worker.join()

    assert results == alone
    assert set(readings) == set(expected)
    assert model.uses > len(TEXTS)
    assert model.unguarded == 0  # every parse, either thread's, held the lock


def test_a_model_kept_busy_is_not_waited_for(
    watched: tuple[LoadedPipeline, WatchedModel],
) -> None:
    pipeline, model = watched
    taken, done = threading.Event(), threading.Event()

    def batch() -> None:  # an analysis batch that keeps the model
        with pipeline.lock:
            taken.set()
            done.wait(60)

    holder = threading.Thread(target=batch)
    holder.start()
    taken.wait(60)
    try:
        with pipeline.borrowed(0.01) as nlp:
            assert nlp is None  # the caller reads by the rule instead of freezing
    finally:
        done.set()
        holder.join()
    with pipeline.borrowed(0.01) as nlp:
        assert nlp is model
