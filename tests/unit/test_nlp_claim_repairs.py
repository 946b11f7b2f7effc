"""Parse repairs on hand-built parses: the misparses of the small model, fixed in shape."""

from __future__ import annotations

from typing import Any

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc, Span  # noqa: E402

from monitor_desk.core.nlp.claims.repairs import (  # noqa: E402
    dangling_end,
    fronted_speaker,
    stray_that_clause,
)


def _doc(rows: list[tuple[str, str, str, int]], ents: list[tuple[int, int, str]] = ()) -> Any:
    """``rows`` of (word, pos, dep, head index); the root points at itself."""
    vocab = spacy.blank("en").vocab
    words = [r[0] for r in rows]
    doc = Doc(
        vocab,
        words=words,
        pos=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        heads=[r[3] for r in rows],
        sent_starts=[True] + [False] * (len(rows) - 1),
    )
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


# "Her assertions in Kyiv that Minsk wants talks drew doubt ." with the clause on "Kyiv"
_STRAY = [
    ("Her", "PRON", "poss", 1),
    ("assertions", "NOUN", "nsubj", 8),
    ("in", "ADP", "prep", 1),
    ("Kyiv", "PROPN", "pobj", 2),
    ("that", "SCONJ", "mark", 6),
    ("Minsk", "PROPN", "nsubj", 6),
    ("wants", "VERB", "acl", 3),
    ("talks", "NOUN", "dobj", 6),
    ("drew", "VERB", "ROOT", 8),
    ("doubt", "NOUN", "dobj", 8),
    (".", "PUNCT", "punct", 8),
]


def test_a_that_clause_hung_on_a_nearby_noun_is_found_for_the_cue() -> None:
    doc = _doc(_STRAY)
    clause = stray_that_clause(doc[1])
    assert clause is not None
    assert clause.text == "wants"


def test_a_clause_after_a_comma_is_not_taken() -> None:
    rows = list(_STRAY)
    rows[2] = (",", "PUNCT", "punct", 1)
    assert stray_that_clause(_doc(rows)[1]) is None


def test_a_relative_that_without_its_own_subject_is_not_taken() -> None:
    rows = list(_STRAY)
    rows[5] = ("Minsk", "PROPN", "dobj", 6)  # "that wants Minsk": a relative clause
    assert stray_that_clause(_doc(rows)[1]) is None


def test_a_span_ending_on_a_bare_preposition_takes_the_next_noun_phrase() -> None:
    # "... view the accord as the foundation of peace drew ..."
    rows = [
        ("view", "VERB", "ROOT", 0),
        ("the", "DET", "det", 2),
        ("accord", "NOUN", "dobj", 0),
        ("as", "ADP", "prep", 0),
        ("the", "DET", "det", 5),
        ("foundation", "NOUN", "nsubj", 6),
        ("drew", "VERB", "conj", 0),
    ]
    doc = _doc(rows)
    assert dangling_end(doc, 3, len(doc)) == 5  # "as the foundation"
    assert dangling_end(doc, 3, 5) == 4  # never past the limit
    assert dangling_end(doc, 2, len(doc)) == 2  # not a preposition: unchanged


_FRONTED = [
    ("While", "SCONJ", "mark", 5),
    ("in", "ADP", "prep", 5),
    ("Riga", "PROPN", "compound", 3),
    ("Petrova", "PROPN", "pobj", 1),
    ("also", "ADV", "advmod", 5),
    ("repeated", "VERB", "ROOT", 5),
    ("the", "DET", "det", 7),
    ("offer", "NOUN", "dobj", 5),
]


def test_a_name_swallowed_by_a_fronted_phrase_is_the_speaker() -> None:
    doc = _doc(_FRONTED, ents=[(2, 3, "GPE"), (3, 4, "PERSON")])
    speaker = fronted_speaker(doc[5])
    assert speaker is not None
    assert speaker.text == "Petrova"


def test_a_verb_with_a_subject_keeps_it() -> None:
    rows = list(_FRONTED)
    rows[3] = ("Petrova", "PROPN", "nsubj", 5)
    doc = _doc(rows, ents=[(2, 3, "GPE"), (3, 4, "PERSON")])
    assert fronted_speaker(doc[5]) is None


def test_a_name_inside_a_subject_phrase_is_not_borrowed() -> None:
    # "... a student in Riga asked ...": the name belongs to the subject, not a fronted phrase
    rows = [
        ("a", "DET", "det", 1),
        ("student", "NOUN", "dep", 4),
        ("in", "ADP", "prep", 1),
        ("Riga", "PROPN", "pobj", 2),
        ("asked", "VERB", "ROOT", 4),
    ]
    doc = _doc(rows, ents=[(3, 4, "PERSON")])
    assert fronted_speaker(doc[4]) is None
