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


JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.just([]),
    st.just({}),
    st.just([None]),
    st.just({"name": None}),
)


def _check_whole(lib: Library) -> None:
    assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert lib.db.execute("PRAGMA foreign_key_check").fetchall() == []
    for a in lib.articles.list():
        art = lib.articles.get(a.id)
        assert isinstance(art.text, str)
        for h in lib.highlights.list(a.id):
            assert isinstance(h.exact, str)


@settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_a_mutated_export_merges_cleanly_or_fails_with_one_clear_error(
    export_doc: dict[str, Any], data: st.DataObject
) -> None:
    doc = copy.deepcopy(export_doc)
    targets = [p for p in _paths(doc) if p and p[0] != "format"]
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(targets))
        parent: Any = doc
        for key in path[:-1]:
            parent = parent[key] if isinstance(parent, dict | list) else None
            if parent is None:
                break
        if not isinstance(parent, dict | list):
            continue
        try:
            if isinstance(parent, dict) and data.draw(st.booleans()):
                del parent[path[-1]]
            else:
                parent[path[-1]] = data.draw(JUNK)
        except (KeyError, IndexError, TypeError):
            continue
    with Library.open(":memory:") as lib:
        try:
            lib.import_json(io.StringIO(json.dumps(doc)))
        except MonitorDeskError as exc:
            message = str(exc)
            assert message
            assert "\n" not in message
            assert len(message) < 400
        _check_whole(lib)


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
