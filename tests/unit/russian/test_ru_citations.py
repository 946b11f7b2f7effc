"""Russian citations: outlets in every case, dates in every case, one outlet with its Latin
name, and references in running text."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor_desk.core.library import Library
from monitor_desk.core.nlp.citations import find_citations, normalize_outlet

ISSUE = {"date": "1999-09-27"}


def items(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [
        (i.outlet, i.outlet_text, i.date_start, i.date_end)
        for c in find_citations(text, 0, ISSUE)
        for i in c.items
    ]


def test_parenthesised_russian_citations_resolve_outlets_and_dates() -> None:
    assert items("Бои продолжаются (ИТАР-ТАСС, 22–26 сентября; Известия, 25 сентября).") == [
        ("Itar-Tass", "ИТАР-ТАСС", "1999-09-22", "1999-09-26"),
        ("Izvestia", "Известия", "1999-09-25", "1999-09-25"),
    ]
    assert items("Указ подписан (РИА Новости, 3 марта 2000 г.).") == [
        ("RIA Novosti", "РИА Новости", "2000-03-03", "2000-03-03")
    ]
    assert items("Сделка сорвалась (Коммерсантъ, Москва, 25 сент.).") == [
        ("Kommersant", "Коммерсантъ", "1999-09-25", "1999-09-25")
    ]


def test_references_in_running_text() -> None:
    text = (
        "По данным «Коммерсанта», сделка сорвалась. Как сообщает агентство «Интерфакс», "
        "переговоры продолжатся. Как сообщил Лавров, визит состоится."
    )
    cites = find_citations(text, 0, ISSUE)
    assert [c.text for c in cites] == [
        "По данным «Коммерсанта»",
        "Как сообщает агентство «Интерфакс»",
    ]
    assert [c.items[0].outlet for c in cites] == ["Kommersant", "Interfax"]
    assert cites[0].covers == ((0, text.index("Как") - 1),)


@pytest.mark.parametrize(
    "written",
    ["Интерфакс", "Интерфакса", "Интерфаксу", "«Интерфаксом»", "Interfax", "INTERFAX"],
)
def test_every_form_of_an_outlet_is_one_outlet(written: str) -> None:
    assert normalize_outlet(written) == "Interfax"


def test_russian_outlets_in_other_cases() -> None:
    assert normalize_outlet("Независимой газеты") == "Nezavisimaya Gazeta"
    assert normalize_outlet("Эха Москвы") == "Ekho Moskvy"
    assert normalize_outlet("Ведомостей") == "Vedomosti"
    assert normalize_outlet("«Вечерней Москвы»") == "Вечерней Москвы"  # unknown: as written


def test_a_parenthesis_that_is_no_citation_stays_text() -> None:
    assert items("Он приехал (в сентябре) и уехал (см. выше).") == []
    assert items("Встреча прошла (Москва, Киев, 25 сентября).") == []


def test_one_grade_for_interfax_cited_in_english_and_in_russian(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    (tmp_path / "en.txt").write_text(
        "Date: 1999-09-27\n\nThe talks stalled (Interfax, September 25).\n", encoding="utf-8"
    )
    (tmp_path / "ru.txt").write_text(
        "Date: 1999-09-27\n\nПереговоры зашли в тупик (Интерфакс, 25 сентября).\n",
        encoding="utf-8",
    )
    with Library.open(tmp_path / "lib.sqlite") as lib:
        lib.import_paths([tmp_path / "en.txt", tmp_path / "ru.txt"], analyze=True)
        lib.sources.set_reliability("Interfax", "B")
        ids = [a.id for a in lib.articles.list()]
        entries = [lib.sources.list(i)[0] for i in ids]
    assert {(e.outlet, e.reliability) for e in entries} == {("Interfax", "B")}
    assert sorted(e.items[0].outlet_text or "" for e in entries) == ["Interfax", "Интерфакс"]
    assert {e.items[0].date_start for e in entries} == {"1999-09-25"}


def test_the_analyst_links_an_outlet_the_table_does_not_know_and_takes_it_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    (tmp_path / "en.txt").write_text(
        "Date: 1999-09-27\n\nThe deal collapsed (Novye Izvestia, September 25).\n",
        encoding="utf-8",
    )
    (tmp_path / "ru.txt").write_text(
        "Date: 1999-09-27\n\nСделка сорвалась (Новые Известия, 25 сентября).\n",
        encoding="utf-8",
    )
    with Library.open(tmp_path / "lib.sqlite") as lib:
        lib.import_paths([tmp_path / "en.txt", tmp_path / "ru.txt"], analyze=True)
        ids = [a.id for a in lib.articles.list()]

        def outlets() -> set[tuple[str, str | None]]:
            return {(e.outlet, e.reliability) for i in ids for e in lib.sources.list(i)}

        lib.sources.set_reliability("Новые Известия", "C")
        assert outlets() == {("Novye Izvestia", None), ("Новые Известия", "C")}
        assert lib.sources.link("Новые Известия", "Novye Izvestia").library
        assert outlets() == {("Novye Izvestia", "C")}
        lib.reanalyze()  # the analyst's word holds for every later analysis
        assert outlets() == {("Novye Izvestia", "C")}
        assert lib.sources.aliases() == {"Новые Известия": "Novye Izvestia"}
        lib.exports.write("json", tmp_path / "all.json")
        lib.sources.unlink("Новые Известия")
        assert {e for e, _ in outlets()} == {"Novye Izvestia", "Новые Известия"}
        assert lib.sources.aliases() == {}

    # the link travels with the JSON export: the other library has one outlet too
    with Library.open(tmp_path / "other.sqlite") as other:
        other.import_json(tmp_path / "all.json")
        assert other.sources.aliases() == {"Новые Известия": "Novye Izvestia"}
        names = {e.outlet for a in other.articles.list() for e in other.sources.list(a.id)}
        assert names == {"Novye Izvestia"}


def test_the_command_line_links_and_lists_outlets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from monitor_desk.cli import main

    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    (tmp_path / "ru.txt").write_text("Сделка сорвалась (Новые Известия, 25 сентября).\n")
    db = str(tmp_path / "lib.sqlite")
    assert main(["--db", db, "import", str(tmp_path / "ru.txt")]) == 0
    assert main(["--db", db, "outlet", "link", "Новые Известия", "Novye Izvestia"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "outlet", "links"]) == 0
    assert capsys.readouterr().out == "Новые Известия = Novye Izvestia\n"
    assert main(["--db", db, "outlet", "unlink", "Газета"]) == 1  # never linked
