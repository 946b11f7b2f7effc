"""A hand-edited, damaged or hostile JSON export: one clear error or a clean merge, never a
traceback and never an article without its text."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitor_desk.cli import main
from monitor_desk.core.errors import MonitorDeskError
from monitor_desk.core.library import Library

TEXT = (
    "Export brief\n\nForeign Minister Ivan Petrov said on Monday that talks would resume "
    "(Interfax, March 3).\n"
)


@pytest.fixture(scope="module")
def export_doc(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("export")
    for i in range(3):
        (folder / f"b{i}.txt").write_text(TEXT.replace("Monday", f"day {i}"), encoding="utf-8")
    with Library.open(":memory:") as lib:
        lib.import_paths([folder], analyze=False)
        for a in lib.articles.list():
            lib.highlights.add(a.id, 14, 30, tags=["people", "x/y"], note="a note")
        buf = io.StringIO()
        lib.exports.write("json", buf)
    doc: dict[str, Any] = json.loads(buf.getvalue())
    return doc


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key/index path inside the export (the places a mutation can hit)."""
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


def _nested(depth: int) -> Any:
    node: Any = []
    for _ in range(depth):
        node = [node]
    return node


def _fresh(value: Any) -> st.SearchStrategy[Any]:
    """A new copy per draw: a shared list put inside itself would make the doc circular."""
    return st.builds(lambda: copy.deepcopy(value))


JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.sampled_from([2**63 - 1, 2**63, 2**64, -(2**63) - 1, 10**30]),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(["\ud800", "#zzzzzz", "orphan", "direct", "B"]),
    _fresh([]),
    _fresh({}),
    _fresh([None]),
    _fresh({"name": None}),
    _fresh([2**64, 1, "PERSON", "x", "x"]),
    st.builds(_nested, st.just(400)),
)


def _check_whole(lib: Library) -> None:
    assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert lib.db.execute("PRAGMA foreign_key_check").fetchall() == []
    for a in lib.articles.list():
        art = lib.articles.get(a.id)
        assert isinstance(art.text, str)
        for h in lib.highlights.list(a.id):
            assert isinstance(h.exact, str)
            if h.status == "anchored":  # painted where the analyst will see it
                assert h.revision_id == art.revision_id
                assert art.text[h.start : h.end] == h.exact


def _snapshot(lib: Library) -> dict[str, list[str]]:
    """Everything an import could change: every table's rows and the export of it all."""
    tables = [r[0] for r in lib.db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    rows = {t: sorted(map(repr, lib.db.execute(f'SELECT * FROM "{t}"'))) for t in tables
            if not t.startswith("search_fts_")}  # fmt: skip
    return rows


def _without_id_counters(snapshot: dict[str, list[str]]) -> dict[str, list[str]]:
    return {t: rows for t, rows in snapshot.items() if t != "sqlite_sequence"}


def _mutate(doc: dict[str, Any], data: st.DataObject) -> None:
    """Up to three changes: a value replaced by junk, a key deleted, or a span's ends
    swapped (and shifted) — the shapes a damaged or hand-edited export takes."""
    targets = [p for p in _paths(doc) if p and p[0] != "format"]
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(targets))
        try:
            parent: Any = doc
            for key in path[:-1]:
                parent = parent[key]
            spans = isinstance(parent, dict) and {"start", "end"} <= parent.keys()
            if spans and data.draw(st.booleans()):
                shift = data.draw(st.integers(-3, 3))
                parent["start"], parent["end"] = parent["end"], parent["start"] + shift
                continue
            if isinstance(parent, dict) and data.draw(st.booleans()):
                del parent[path[-1]]
            else:
                parent[path[-1]] = data.draw(JUNK)
        except (KeyError, IndexError, TypeError):
            continue


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_a_mutated_export_merges_cleanly_or_fails_with_one_clear_error(
    export_doc: dict[str, Any], data: st.DataObject
) -> None:
    doc = copy.deepcopy(export_doc)
    _mutate(doc, data)
    text = json.dumps(doc)
    with Library.open(":memory:") as lib:
        base = copy.deepcopy(export_doc)
        base["articles"] = base["articles"][:1]  # a library with work in it: a merge
        lib.import_json(io.StringIO(json.dumps(base)))
        before = _snapshot(lib)
        try:
            lib.import_json(io.StringIO(text))
        except MonitorDeskError as exc:
            message = str(exc)
            assert message
            assert "\n" not in message
            assert len(message) < 400
            assert _snapshot(lib) == before  # a bad file writes nothing at all
        else:
            after = _snapshot(lib)
            again = lib.import_json(io.StringIO(text))
            assert again["articles_added"] == again["highlights_added"] == 0
            # An upsert of an existing tag still advances AUTOINCREMENT's counter (ids
            # only ever grow, schema 0003): bookkeeping, not content.
            assert _without_id_counters(_snapshot(lib)) == _without_id_counters(after)
        _check_whole(lib)


def _set(doc: dict[str, Any], path: tuple[Any, ...], value: Any) -> None:
    node: Any = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


A0 = ("articles", 0)
R0 = (*A0, "revisions", 0)
CLAIM = {"speaker_start": None, "speaker_end": None, "speaker_text": None, "speaker_name": None,
         "cue_start": 0, "cue_end": 6, "cue_text": "Export", "content_start": 7,
         "content_end": 12, "content_text": "brief", "kind": "indirect", "credibility": None,
         "origin": "user", "quotes": [], "citation": None}  # fmt: skip


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        ((*A0, "highlights", 0, "start"), 2**64, "articles[0].highlights[0].start"),
        ((*A0, "highlights", 0, "end"), 2**63, "articles[0].highlights[0].end"),
        ((*R0, "body_start"), 2**64, "articles[0].revisions[0].body_start"),
        ((*R0, "number"), 2**64, "articles[0].revisions[0].number"),
        ((*R0, "entities"), [[2**64, 3, "GPE", "x", "x"]], "revisions[0].entities[0][0]"),
        ((*R0, "entities"), [[1, 3, "GPE", 2**64, "x"]], "revisions[0].entities[0][3]"),
        (("tags", 0, "name"), 2**64, "tags[0].name"),
        ((*A0, "highlights", 0, "tags", 0), 2**64, "highlights[0].tags[0]"),
        ((*A0, "highlights", 0, "note"), ["a", "list"], "highlights[0].note"),
        ((*A0, "highlights", 0, "start"), True, "highlights[0].start"),
        ((*A0, "highlights", 0, "start"), 1.5, "highlights[0].start"),
        ((*A0, "highlights", 0, "revision"), 7, "highlights[0].revision"),
        ((*A0, "metadata"), {"date": _nested(300)}, "articles[0].metadata.date"),
        ((*A0, "title"), None, "articles[0].title"),
        ((*R0, "claims"), [{**CLAIM, "cue_end": 2**64}], "revisions[0].claims[0].cue_end"),
        ((*R0, "claims"), [{**CLAIM, "content_end": 10**6}], "claims[0].content_end"),
        ((*R0, "claims"), [{**CLAIM, "credibility": 9}], "claims[0].credibility"),
        (("outlets",), [{"name": "Reuters", "reliability": "Z"}], "outlets[0].reliability"),
    ],
)
def test_a_bad_field_is_named_in_one_line_and_nothing_is_written(
    export_doc: dict[str, Any],
    tmp_path: Path,
    path: tuple[Any, ...],
    value: Any,
    field: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "lib.sqlite"
    good = tmp_path / "good.json"
    good.write_text(json.dumps({**export_doc, "articles": export_doc["articles"][1:]}))
    assert main(["--db", str(db), "import-json", str(good)]) == 0
    with Library.open(db) as lib:
        before = _snapshot(lib)
    doc = copy.deepcopy(export_doc)
    _set(doc, path, value)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    capsys.readouterr()
    assert main(["--db", str(db), "import-json", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert field in err
    assert "nothing was imported" in err
    with Library.open(db) as lib:
        assert _snapshot(lib) == before


@pytest.mark.parametrize(
    ("replace", "by", "reason"),
    [
        ('"version": 1', '"version": ' + "9" * 4300, "newer Monitor Desk"),
        ('"version": 1', '"version": ' + "9" * 5000, "too many digits"),
        ('"exported"', '"deep": ' + "[" * 100_000 + "]" * 100_000 + ', "exported"', "nested"),
        ('"note": "a note"', '"note": "\\ud800"', "surrogate"),
        ('"start": 14', '"start": NaN', "whole number"),
        ('"end": 30', '"end": 1e400', "whole number"),
    ],
)
def test_json_that_python_cannot_hold_is_refused_in_one_line(
    export_doc: dict[str, Any],
    tmp_path: Path,
    replace: str,
    by: str,
    reason: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = json.dumps(export_doc)
    assert replace in text
    bad = tmp_path / "bad.json"
    bad.write_text(text.replace(replace, by, 1))
    db = tmp_path / "lib.sqlite"
    assert main(["--db", str(db), "import-json", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert reason in err
    assert "Traceback" not in err
    with Library.open(db) as lib:
        assert lib.articles.list() == []


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe\x00garbage", b"", b"[]", b'{"format": "monitor-desk-library", "articles": {}}'],
)
def test_a_file_that_is_no_export_is_refused_clearly(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with Library.open(tmp_path / "lib.sqlite") as lib, pytest.raises(MonitorDeskError):
        lib.import_json(path)


def test_an_article_naming_a_missing_current_revision_still_has_its_text(
    export_doc: dict[str, Any],
) -> None:
    doc = copy.deepcopy(export_doc)
    for art in doc["articles"]:
        art["current_revision"] = 99
    with Library.open(":memory:") as lib:
        lib.import_json(io.StringIO(json.dumps(doc)))
        assert len(lib.articles.list()) == 3
        for a in lib.articles.list():
            assert lib.articles.get(a.id).text.startswith("Export brief")
