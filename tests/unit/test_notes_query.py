"""The Notes list's query: which highlights it shows, in which order, and their rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor_desk.core.errors import InvalidInputError
from monitor_desk.core.library import Library
from monitor_desk.core.models import Highlight

FIRST = """Publication: Monitor Volume: 3 Issue: 1

PIPELINE TALKS

The ministers met in Baku on Monday. Delegates called the deal 100% certain, while
the file name pipeline_v2 leaked. An aide said "no comment" and left the STRASSE café.
"""

SECOND = """Publication: Monitor Volume: 3 Issue: 2

GAS PRICES

Gazprom raised prices again. In Kyiv the minister was unhappy. The Straße sign stayed up.
Доклад о газе в Москве вышел в понедельник.
"""


def _add(lib: Library, article: int, words: str, tags: list[str], note: str = "") -> int:
    start = lib.articles.get(article).text.index(words)
    return lib.highlights.add(article, start, start + len(words), tags=tags, note=note).id


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(FIRST, encoding="utf-8")
    (folder / "b.txt").write_text(SECOND, encoding="utf-8")
    with Library.open(tmp_path / "lib.sqlite") as library:
        library.import_paths([folder], analyze=False)
        yield library


@pytest.fixture
def ids(lib: Library) -> dict[str, int]:
    """Highlights added out of text order, so the list's order is the query's doing."""
    return {
        "kyiv": _add(lib, 2, "In Kyiv the minister", ["claim/denial"], note="Check UNIAN"),
        "left": _add(lib, 1, "left the STRASSE café", ["people"]),
        "baku": _add(lib, 1, "met in Baku", ["claim"], note="date of meeting"),
        "pct": _add(lib, 1, "100% certain", ["claimant"], note="sure?"),
        "file": _add(lib, 1, "pipeline_v2", ["leaks"], note='"quoted" note \\ slash'),
        "gazprom": _add(lib, 2, "Gazprom raised prices", ["energy/gas"]),
        "sign": _add(lib, 2, "Straße sign", ["places"]),
        "moscow": _add(lib, 2, "Доклад о газе в Москве", ["energy"], note="Русский отчёт"),
    }


def _matching(lib: Library, **filters: object) -> list[int]:
    return list(lib.highlights.ids(**filters).ids)  # type: ignore[arg-type]


def _python_filter(found: list[Highlight], text: str) -> list[int]:
    """What the Notes tab did before the filter moved into SQL (the reference)."""
    words = text.casefold().split()
    return [
        h.id
        for h in found
        if all(w in f"{h.exact}\n{h.note}\n{' '.join(h.tags)}".casefold() for w in words)
    ]


def test_whole_library_in_the_order_of_list_highlights(lib: Library, ids: dict[str, int]) -> None:
    order = [h.id for h in lib.highlights.list()]
    assert _matching(lib) == order
    assert order[:4] == [ids["baku"], ids["pct"], ids["file"], ids["left"]]  # by position


def test_one_article_only(lib: Library, ids: dict[str, int]) -> None:
    assert _matching(lib, article_id=2) == [ids["gazprom"], ids["kyiv"], ids["sign"], ids["moscow"]]


def test_tag_takes_sub_tags_but_not_longer_names(lib: Library, ids: dict[str, int]) -> None:
    assert _matching(lib, tag="claim") == [ids["baku"], ids["kyiv"]]
    assert _matching(lib, tag=" Energy ") == [ids["gazprom"], ids["moscow"]]
    assert _matching(lib, tag="energy", article_id=1) == []
    with pytest.raises(InvalidInputError):
        lib.highlights.ids(tag="/")


def test_every_word_must_occur_in_quote_note_or_tags(lib: Library, ids: dict[str, int]) -> None:
    assert _matching(lib, text="MINISTER unian") == [ids["kyiv"]]  # quote + note
    assert _matching(lib, text="baku claim") == [ids["baku"]]  # quote + tag
    assert _matching(lib, text="denial kyiv") == [ids["kyiv"]]  # a sub-tag's name counts
    assert _matching(lib, text="baku unian") == []  # words of two different highlights
    assert _matching(lib, text="gas", tag="energy") == [ids["gazprom"]]  # both filters
    assert _matching(lib, text="   ") == _matching(lib)


def test_case_folding_beyond_ascii(lib: Library, ids: dict[str, int]) -> None:
    assert _matching(lib, text="strasse") == [ids["left"], ids["sign"]]  # "ß" folds to "ss"
    assert _matching(lib, text="STRAßE") == [ids["left"], ids["sign"]]
    assert _matching(lib, text="МОСКВЕ отчёт") == [ids["moscow"]]
    assert _matching(lib, text="CAFÉ") == [ids["left"]]


@pytest.mark.parametrize(
    ("text", "key"),
    [("%", "pct"), ("_", "file"), ("e_v", "file"), ('"quoted"', "file"), ("\\", "file")],
)
def test_wildcards_and_quotes_are_literal(
    lib: Library, ids: dict[str, int], text: str, key: str
) -> None:
    assert _matching(lib, text=text) == [ids[key]]


@pytest.mark.parametrize(
    "text",
    ["a", "in", "the s", "ss", "Ü", "claim", "gas energy", "e", "'", "%%", "o в", "100% SURE?"],
)
def test_same_result_as_the_python_filter(lib: Library, ids: dict[str, int], text: str) -> None:
    assert _matching(lib, text=text) == _python_filter(lib.highlights.list(), text)


def test_orphans_are_counted(lib: Library, ids: dict[str, int], tmp_path: Path) -> None:
    assert lib.highlights.ids().orphans == 0
    (tmp_path / "in" / "a.txt").write_text(FIRST.replace("met in Baku", "met"), encoding="utf-8")
    lib.import_paths([tmp_path / "in"], analyze=False)
    assert lib.highlights.ids().orphans == 1
    assert lib.highlights.ids(article_id=2).orphans == 0
    assert lib.highlights.get(ids["baku"]).status == "orphan"


def test_rows_come_back_for_ids_in_their_order(lib: Library, ids: dict[str, int]) -> None:
    everything = lib.highlights.list()
    assert lib.highlights.by_ids(_matching(lib)) == everything
    wanted = [ids["moscow"], 99_999, ids["baku"]]
    got = lib.highlights.by_ids(wanted)
    assert [h.id for h in got] == [ids["moscow"], ids["baku"]]  # the missing id is left out
    assert got[1].tags == ["claim"]
    assert got[1].note == "date of meeting"
    assert lib.highlights.by_ids([]) == []


def test_many_ids_in_one_call(lib: Library, ids: dict[str, int]) -> None:
    # More ids than one SQL statement takes at once (chunks of 500), repeats included.
    wanted = list(ids.values()) * 130
    assert [h.id for h in lib.highlights.by_ids(wanted)] == wanted
