"""Cues taught from the Claims tab's offers (a bar, not a dialog), applied by a background
re-analysis, undoable, and listed and revocable next to the entity corrections."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor

from monitor_desk.core.library import Library
from monitor_desk.ui.dialogs.corrections_dialog import CorrectionsDialog

BRIEF = """Title: Talks in Oslo

Boris Yeltsin trumpeted that the talks in Oslo had succeeded. Igor Ivanov trumpeted that \
Moscow had won the argument.

Boris Yeltsin denied the report on Tuesday. Igor Ivanov denied the rumour on Wednesday. Ivanov \
made it clear that Moscow would not yield.
"""


@pytest.fixture
def lib(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "brief.txt"
    path.write_text(BRIEF, encoding="utf-8")
    with Library.open(tmp_path / "lib.sqlite") as library:
        library.import_paths([path])  # analysed: the pipeline is loaded, as in a session
        yield library


def _cues(lib: Library) -> list[tuple[str, str, bool]]:
    return [(c.lemma, c.kind, c.object_only) for c in lib.cues.list()]


def _select(window, needle: str) -> None:  # type: ignore[no-untyped-def]
    view = window.reader.view
    start = window.library.articles.get(1).text.index(needle)
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(start))
    cursor.setPosition(view.offsets.to_utf16(start + len(needle)), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def _table(window) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    model = window.claims.model
    return [(c.speaker_label, c.cue.text) for c in model.claims]


def _delete(window, content: str) -> None:  # type: ignore[no-untyped-def]
    panel = window.claims
    (row,) = [i for i, c in enumerate(panel.model.claims) if c.content.text == content]
    panel.select_row(row)
    panel.delete_current()


def test_teach_a_verb_from_an_added_claim_and_a_never_rule_from_deletions(
    qtbot, make_window, lib: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(lib)
    window.open_article(1)
    panel, offers = window.claims, window.extras.cue_offers
    assert not any(c.cue.text == "trumpeted" for c in lib.claims.list(1))

    _select(window, "that the talks in Oslo had succeeded")
    panel.add_from_selection()
    panel.dialog.speaker.setText("Boris Yeltsin")
    panel.dialog.cue.setText("trumpeted")
    panel.dialog.accept()
    assert offers.isVisible()
    assert "“trumpet” as a reporting verb" in offers.label.text()
    offers.accept_button.click()
    assert _cues(lib) == [("trumpet", "cue", False)]
    assert offers.accept_button.text() == "Re-analyse 1 Article(s)"
    with qtbot.waitSignal(window.jobs.analysisFinished, timeout=60000):
        offers.accept_button.click()
    assert not offers.isVisible()
    found = [(c.origin, c.speaker_label) for c in lib.claims.list(1) if c.cue.text == "trumpeted"]
    # Ivanov's is found now; Yeltsin's is the analyst's own, not found a second time
    assert found == [("user", "Boris Yeltsin"), ("auto", "Igor Ivanov")]
    assert ("Igor Ivanov", "trumpeted") in [(s, c) for s, c in _table(window)]

    window.undo_stack.undo()  # the teaching, not the claim
    assert _cues(lib) == []
    window.undo_stack.redo()
    assert _cues(lib) == [("trumpet", "cue", False)]

    _delete(window, "the report")
    assert not offers.isVisible()  # one deletion is not a pattern
    _delete(window, "the rumour")
    assert offers.isVisible()
    assert "Never treat “deny” + object as a claim" in offers.label.text()
    offers.accept_button.click()
    assert _cues(lib) == [("trumpet", "cue", False), ("deny", "never", True)]

    dialog = CorrectionsDialog(window.corrections, window)
    tab = dialog.cues_tab
    assert [tab.items.item(i).text() for i in range(tab.items.count())] == [
        "Treat “trumpet” as a reporting verb",
        "Never treat “deny” + object as a claim",
    ]
    tab.items.setCurrentRow(0)
    tab.revoke_button.click()
    assert _cues(lib) == [("deny", "never", True)]
    assert tab.items.count() == 1
    with qtbot.waitSignal(window.jobs.analysisFinished, timeout=60000):
        tab.reanalyse_button.click()  # the revoked word's articles, as the lexicon reads them
    assert not any(c.origin == "auto" and c.cue.text == "trumpeted" for c in lib.claims.list(1))
    window.undo_stack.undo()  # the revoke
    assert tab.items.count() == 2
    dialog.close()


def test_a_known_verb_and_the_analysts_own_claims_offer_nothing(
    qtbot, make_window, lib: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(lib)
    window.open_article(1)
    panel, offers = window.claims, window.extras.cue_offers
    _select(window, "that Moscow would not yield")
    panel.add_from_selection()
    panel.dialog.cue.setText("insisted")  # in the lexicon
    panel.dialog.accept()
    assert not offers.isVisible()
    (mine,) = [c for c in lib.claims.list(1) if c.origin == "user"]
    for _ in range(2):  # deleting one's own claim says nothing about the extractor
        _delete(window, mine.content.text)
        window.undo_stack.undo()
    assert not offers.isVisible()


def test_a_verb_taught_in_the_corrections_dialog_is_undoable(
    qtbot, make_window, lib: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(lib)
    tab = CorrectionsDialog(window.corrections, window).cues_tab
    tab.word.setText("Gush")
    tab.how.setCurrentIndex(2)  # never + object
    tab.teach_button.click()
    assert _cues(lib) == [("gush", "never", True)]
    assert tab.items.item(0).text() == "Never treat “gush” + object as a claim"
    tab.word.setText("two words")
    tab.teach_button.click()  # refused, told in the status bar
    assert "not a word to teach" in window.statusBar().currentMessage()
    window.undo_stack.undo()
    assert _cues(lib) == []
    assert tab.items.count() == 0


def test_an_offer_while_an_analysis_keeps_the_model_reads_by_the_rule(
    qtbot, make_window, lib: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(lib)
    window.open_article(1)
    panel, offers = window.claims, window.extras.cue_offers
    pipeline = lib.pipeline
    parsed: list[str] = []

    class Model:  # the loaded model, noting the parses the offer asks of it
        def __call__(self, text: str) -> object:
            parsed.append(text)
            return pipeline.nlp(text)

    lib._pipeline = dataclasses.replace(pipeline, nlp=Model())
    taken, done = threading.Event(), threading.Event()

    def batch() -> None:  # an analysis batch on the work queue, keeping the model
        with pipeline.lock:
            taken.set()
            done.wait(60)

    holder = threading.Thread(target=batch)
    holder.start()
    taken.wait(60)
    try:
        _select(window, "that the talks in Oslo had succeeded")
        panel.add_from_selection()
        panel.dialog.speaker.setText("Boris Yeltsin")
        panel.dialog.cue.setText("trumpeted")
        panel.dialog.accept()  # the GUI thread does not wait for the batch
    finally:
        done.set()
        holder.join()
    assert "“trumpet” as a reporting verb" in offers.label.text()
    assert parsed == []  # the model was busy: the rule read the verb

    offers.hide()
    _select(window, "that Moscow had won the argument")
    panel.add_from_selection()
    panel.dialog.speaker.setText("Igor Ivanov")
    panel.dialog.cue.setText("trumpeted")
    panel.dialog.accept()
    assert offers.isVisible()
    assert len(parsed) == 1  # free again: the model read it
