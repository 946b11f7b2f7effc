"""An entity correction on a Russian name reaches the name in every case form: the
revisions are found through the search index's stems, the mentions by their stems.

The mentions are stored by hand (as the Russian pipeline would store them, inflected
text, cluster as found): these tests need no model."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor_desk.core.analysis_store import store_analysis
from monitor_desk.core.entity_case_forms import form_spans, revisions_with_forms, same_name
from monitor_desk.core.library import Library
from monitor_desk.core.models import Analysis, EntityMention

# Our own sentences: the full name, the full name in the genitive, the surname in the
# genitive and the dative, and another man.
BRIEFS = {
    "nom": ("Премьер-министр Дмитрий Медведев заявил, что переговоры продолжатся.\n",
            "Дмитрий Медведев", "Дмитрий Медведев"),
    "gen_full": ("По словам Дмитрия Медведева, цены на газ не изменятся.\n",
                 "Дмитрия Медведева", "Дмитрий Медведев"),
    "gen": ("Журналисты спросили Медведева о ценах на газ.\n", "Медведева", "Медведева"),
    "dat": ("Президент вечером позвонил Медведеву.\n", "Медведеву", "Медведеву"),
    "other": ("Министр Сергей Лавров встретился с послом.\n", "Сергей Лавров", "Сергей Лавров"),
}  # fmt: skip


def put(lib: Library, folder: Path, key: str, mention: bool = True) -> int:
    text, words, cluster = BRIEFS[key]
    path = folder / f"{key}.txt"
    path.write_text(text, encoding="utf-8")
    (outcome,) = lib.import_paths([path], analyze=False).files
    assert outcome.article_id is not None
    art = lib.articles.get(outcome.article_id)
    s = art.text.index(words)
    ents = [EntityMention(s, s + len(words), "PERSON", words, cluster)] if mention else []
    with lib.db.atomic():
        store_analysis(lib.db, art.revision_id, Analysis("test", "1", ents, []))
    return art.id


def shown(lib: Library, article_id: int) -> list[tuple[str, str]]:
    analysis = lib.articles.analysis(article_id)
    assert analysis is not None
    return [(e.text, e.cluster) for e in analysis.entities]


@pytest.fixture
def lib(tmp_path: Path):  # type: ignore[no-untyped-def]
    with Library.open(tmp_path / "lib.sqlite") as library:
        yield library


def test_the_revisions_of_a_russian_name_are_found_in_every_case_form(
    lib: Library, tmp_path: Path
) -> None:
    ids = {key: put(lib, tmp_path, key) for key in BRIEFS}
    revision = {key: lib.articles.get(i).revision_id for key, i in ids.items()}
    medvedev = {revision[k] for k in ("nom", "gen_full", "gen", "dat")}
    assert revisions_with_forms(lib.db, ["Медведев"]) == medvedev
    assert revisions_with_forms(lib.db, ["медведева"]) == medvedev  # any form, any case
    assert revisions_with_forms(lib.db, ["Дмитрий Медведев"]) == {
        revision["nom"],
        revision["gen_full"],
    }
    assert revisions_with_forms(lib.db, ["Лавров"]) == {revision["other"]}
    assert revisions_with_forms(lib.db, ["Medvedev"]) == set()  # Latin: found as written


def test_a_merge_reaches_every_case_form_and_its_revocation_gives_them_back(
    lib: Library, tmp_path: Path
) -> None:
    ids = {key: put(lib, tmp_path, key) for key in BRIEFS}
    before = {key: shown(lib, i) for key, i in ids.items()}
    created = lib.corrections.add("merge", ["Дмитрий Медведев", "Медведев"], "Dmitry Medvedev")
    medvedev = {ids[k] for k in ("nom", "gen_full", "gen", "dat")}
    assert created.changes.articles == medvedev
    for key in ("nom", "gen_full", "gen", "dat"):
        ((text, cluster),) = shown(lib, ids[key])
        assert (text, cluster) == (BRIEFS[key][1], "Dmitry Medvedev"), key
    assert shown(lib, ids["other"]) == before["other"]
    people = {e.name: e.mentions for e in lib.entities.list(type="PERSON")}
    assert people["Dmitry Medvedev"] == 4
    lib.corrections.revoke(created.id)
    assert {key: shown(lib, i) for key, i in ids.items()} == before


def test_a_correction_made_before_an_article_applies_to_its_case_forms_when_stored(
    lib: Library, tmp_path: Path
) -> None:
    lib.corrections.add("merge", ["Медведев"], "Dmitry Medvedev")
    dat = put(lib, tmp_path, "dat")
    assert shown(lib, dat) == [("Медведеву", "Dmitry Medvedev")]
    lib.corrections.add("ignore", ["Лавров"])
    other = put(lib, tmp_path, "other")
    assert shown(lib, other) == [("Сергей Лавров", "Сергей Лавров")]  # the full name stays


def test_an_added_name_is_marked_in_every_case_form(lib: Library, tmp_path: Path) -> None:
    ids = {key: put(lib, tmp_path, key, mention=False) for key in ("gen", "dat", "other")}
    lib.corrections.add("add", ["Медведев"], "PERSON")
    assert shown(lib, ids["gen"]) == [("Медведева", "Медведев")]
    assert shown(lib, ids["dat"]) == [("Медведеву", "Медведев")]
    assert shown(lib, ids["other"]) == []


def test_bears_and_a_first_name_with_the_surnames_stem_are_not_the_man() -> None:
    # Snowball gives "Медведи" (bears) and "Лавр" (a first name) the stems of the surnames
    assert same_name("Медведеву", "медведев")
    assert same_name("Медведевым", "Медведев")
    assert not same_name("Медведи", "Медведев")
    assert not same_name("Лавр", "Лавров")
    assert same_name("Дмитрия Медведева", "дмитрий медведев")
    text = "Медведи проснулись. Медведев и Медведевым."
    assert [text[s:e] for s, e in form_spans(text, "Медведев")] == ["Медведев", "Медведевым"]


def test_form_spans_need_the_whole_name_capitalised_and_adjacent() -> None:
    text = "Встреча Дмитрия  Медведева и медведева; Дмитрия, Медведева."
    assert [text[s:e] for s, e in form_spans(text, "Дмитрий Медведев")] == ["Дмитрия  Медведева"]
    assert form_spans(text, "Medvedev") == []


def test_the_full_path_with_the_russian_pipeline(lib: Library, tmp_path: Path) -> None:
    """Imported and analysed by the Russian pipeline (natasha): a merge of the surname
    reaches it in the genitive and the dative, in articles analysed before and after."""
    texts = {
        "a.txt": "Журналисты спросили Медведева о ценах на газ. Медведев ответил коротко.\n",
        "b.txt": "Президент вечером позвонил Медведеву и Лаврову.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    lib.import_paths([tmp_path / "a.txt"], analyze=True)
    lib.corrections.add("merge", ["Медведев"], "Dmitry Medvedev")
    lib.import_paths([tmp_path / "b.txt"], analyze=True)
    found = {e for a in lib.articles.list() for e in shown(lib, a.id)}
    assert found == {
        ("Медведева", "Dmitry Medvedev"),
        ("Медведев", "Dmitry Medvedev"),
        ("Медведеву", "Dmitry Medvedev"),
        ("Лаврову", "Лавров"),
    }
