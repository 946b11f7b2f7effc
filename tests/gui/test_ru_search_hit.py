"""A search hit on a Russian word in another case form takes the reader to that word."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor_desk.core.library import Library
from monitor_desk.ui.panels.search_results import hit_span, snippet_parts


def test_the_reader_goes_to_the_inflected_word_the_snippet_marks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    (tmp_path / "ru.txt").write_text(
        "Title: Визит\n\nЗавод в Минске показали гостям. Потом слово дали Медведеву.\n",
        encoding="utf-8",
    )
    with Library.open(tmp_path / "lib.sqlite") as lib:
        lib.import_paths([tmp_path / "ru.txt"], analyze=False)
        (hit,) = lib.search("Медведев")
        article = lib.articles.get(hit.article_id)
    assert [t for t, is_hit in snippet_parts(hit.snippet) if is_hit] == ["Медведеву"]
    span = hit_span(hit, article)
    assert span is not None
    assert article.text[span[0] : span[1]] == "Медведеву"
