"""Russian articles through the library: language, natasha's entities with English labels,
names in every case as one person, the override, and the lazy load. Every text here was
written for these tests."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

from monitor_desk.cli.main import main
from monitor_desk.core.library import Library
from monitor_desk.core.nlp import load_pipeline
from monitor_desk.core.nlp.analysis import analyze_many, analyze_text

ARTICLE = (
    "Title: Переговоры в Сочи\n\n"
    "Премьер-министр Дмитрий Медведев провёл в Сочи встречу с руководством компании "
    "«Северные верфи». Как сообщила пресс-служба правительства, Медведеву доложили о "
    "строительстве двух новых судов.\n\n"
    "После встречи Дмитрия Медведева спросили о планах Министерства обороны. Медведев "
    "ответил, что решение примут в Москве до конца года."
)
MIXED = (
    "Prime Minister Dmitry Medvedev visited Sochi on Monday and met shipbuilders there.\n\n"
    "Премьер-министр Дмитрий Медведев провёл в Сочи встречу с руководством верфи."
)


@pytest.fixture
def russian_file(tmp_path: Path) -> Path:
    path = tmp_path / "sochi.txt"
    path.write_text(ARTICLE, encoding="cp1251")
    return path


def test_a_russian_article_gets_people_organisations_and_places(
    library: Library, russian_file: Path
) -> None:
    report = library.import_paths([russian_file])
    article_id = report.files[0].article_id
    assert article_id is not None
    article = library.articles.get(article_id)
    assert article.language == "ru"
    analysis = library.articles.analysis(article_id)
    assert analysis is not None
    assert analysis.language == "ru"
    labels = {m.label for m in analysis.entities}
    assert {"PERSON", "ORG", "GPE"} <= labels
    persons = [m for m in analysis.entities if m.label == "PERSON"]
    # every case of the name, and the surname alone, is one person: the nominative full name
    assert {m.text for m in persons} >= {"Дмитрий Медведев", "Медведеву", "Дмитрия Медведева"}
    assert {m.cluster for m in persons} == {"Дмитрий Медведев"}
    places = {m.cluster for m in analysis.entities if m.label == "GPE"}
    assert {"Сочи", "Москва"} <= places  # "в Москве" is Moscow
    assert any(m.text == "Северные верфи" for m in analysis.entities if m.label == "ORG")
    mentions = library.entities.mentions("Дмитрий Медведев", "PERSON")
    assert len(mentions) == 4


def test_a_correction_links_the_russian_name_to_the_english_one(
    library: Library, russian_file: Path, tmp_path: Path
) -> None:
    english = tmp_path / "english.txt"
    english.write_text(
        "Title: Sochi talks\n\nPrime Minister Dmitry Medvedev met shipbuilders in Sochi on "
        "Monday. Medvedev said the ships would be ready next year.",
        encoding="utf-8",
    )
    library.import_paths([russian_file, english])
    library.corrections.add("merge", ["Дмитрий Медведев"], "Dmitry Medvedev")
    mentions = library.entities.mentions("Dmitry Medvedev", "PERSON")
    texts = {m.text for m in mentions}
    assert {"Медведеву", "Dmitry Medvedev"} <= texts
    assert len({m.article_id for m in mentions}) == 2
    (entity,) = [e for e in library.entities.list(type="PERSON") if e.name == "Dmitry Medvedev"]
    assert entity.mentions == len(mentions)
    profile = library.speakers.profile(library.claim_views.speaker("Dmitry Medvedev"))
    assert {"Дмитрий Медведев", "Медведеву", "Medvedev"} <= set(profile.aliases)


def test_a_mixed_text_analyses_each_paragraph_in_its_language() -> None:
    analysis = analyze_text(MIXED, 0, {}, load_pipeline())
    persons = {(m.text, m.cluster) for m in analysis.entities if m.label == "PERSON"}
    assert ("Dmitry Medvedev", "Dmitry Medvedev") in persons
    assert ("Дмитрий Медведев", "Дмитрий Медведев") in persons
    assert analysis.language == "en"  # more English letters than Russian


def test_analyze_json_says_the_language(
    russian_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", "--json", str(russian_file)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["language"] == "ru"
    assert record["encoding"].lower() in {"cp1251", "windows-1251"}
    assert {"Дмитрий Медведев"} == {
        e["cluster"] for e in record["entities"] if e["label"] == "PERSON"
    }


def test_the_analyst_overrides_the_language_through_the_cli(
    russian_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "cli.sqlite")
    assert main(["--db", db, "import", str(russian_file)]) == 0
    assert main(["--db", db, "edit", "1", "--language", "en"]) == 0
    with Library.open(db) as lib:
        article = lib.articles.get(1)
        assert (article.language, article.language_override) == ("en", "en")
        analysis = lib.articles.analysis(1)
        assert analysis is not None
        # read by the English model: the cases of the name are no longer one person
        assert "Дмитрия Медведева" in {m.cluster for m in analysis.entities}
    capsys.readouterr()
    assert main(["--db", db, "show", "1"]) == 0
    assert "Language: English (en), set by the analyst" in capsys.readouterr().out
    assert main(["--db", db, "edit", "1", "--language", "auto"]) == 0
    with Library.open(db) as lib:
        article = lib.articles.get(1)
        assert (article.language, article.language_override) == ("ru", None)


def test_an_override_survives_reanalysis_reimport_and_json(
    library: Library, russian_file: Path, tmp_path: Path
) -> None:
    article_id = library.import_paths([russian_file]).files[0].article_id
    assert article_id is not None
    library.set_language([article_id], "en")
    library.reanalyze()
    assert library.articles.get(article_id).language == "en"
    russian_file.write_text(ARTICLE + "\n\nНовый абзац о верфи.", encoding="cp1251")
    library.import_paths([russian_file])  # a revision: still read as the analyst said
    assert library.articles.get(article_id).language == "en"
    out = tmp_path / "export.json"
    library.exports.write("json", out)
    with Library.open(tmp_path / "other.sqlite") as other:
        other.import_json(out)
        (copied,) = other.articles.list()
        article = other.articles.get(copied.id)
        assert (article.language, article.language_override) == ("en", "en")
        other.reanalyze()
        assert other.articles.get(copied.id).language == "en"


def test_a_language_choice_is_taken_back_and_the_article_analysed_again(
    library: Library, russian_file: Path
) -> None:
    article_id = library.import_paths([russian_file]).files[0].article_id
    assert article_id is not None
    people = {m.text for m in library.articles.analysis(article_id).entities}
    before = library.details.language_snapshot([article_id])
    library.set_language([article_id], "en")
    assert library.articles.get(article_id).language == "en"
    assert _analysed_by(library, article_id)[0] != "natasha"  # read by the English model
    assert {m.text for m in library.articles.analysis(article_id).entities} != people

    changes = library.restore_language(before)
    assert article_id in changes.articles
    article = library.articles.get(article_id)
    assert (article.language, article.language_override) == ("ru", None)
    assert _analysed_by(library, article_id)[0] == "natasha"
    assert {m.text for m in library.articles.analysis(article_id).entities} == people


def test_english_analysis_never_loads_natasha() -> None:
    code = (
        "import sys\n"
        "from monitor_desk.core.nlp import analyze_text, load_pipeline\n"
        "a = analyze_text('Title: T\\n\\nIgor Ivanov said on Monday that talks went well.', 10,"
        " {}, load_pipeline())\n"
        "print(a.language, 'Igor Ivanov' in [m.text for m in a.entities],"
        " 'natasha' in sys.modules, 'pymorphy2' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "en True False False"


def test_russian_articles_analysed_before_languages_are_analysed_again(tmp_path: Path) -> None:
    from sqlite_utils import Database

    from monitor_desk.core.schema import migrations

    path = tmp_path / "old.sqlite"
    with Library.open(path) as lib:
        lib.import_paths([_write(tmp_path, "ru.txt", ARTICLE), _write(tmp_path, "en.txt", MIXED)])
    db = Database(path)  # as a library before 0019: its columns and its record gone
    db.execute("ALTER TABLE articles DROP COLUMN language_override")
    db.execute("ALTER TABLE articles DROP COLUMN language")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = '0019_article_language'")
    db.execute(f"PRAGMA user_version = {len(migrations._migrations) - 1}")
    db.conn.commit()
    db.close()
    with Library.open(path) as lib:
        assert lib.articles.unanalyzed_ids() == [1]  # the Russian one; the English one kept
        assert lib.articles.get(1).language is None
        lib.reanalyze(lib.articles.unanalyzed_ids())
        assert lib.articles.get(1).language == "ru"


ENGLISH = "Prime Minister Dmitry Medvedev visited Sochi on Monday and met shipbuilders.\n"


def _analysed_by(lib: Library, article_id: int) -> tuple[str, str]:
    analysis = lib.articles.analysis(article_id)
    assert analysis is not None
    return analysis.pipeline_name, analysis.pipeline_version


def test_a_natasha_upgrade_marks_the_russian_articles_stale_and_a_model_change_the_english(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from monitor_desk.core.nlp.russian import pipeline as russian

    paths = [_write(tmp_path, f"{n}.txt", t) for n, t in (("ru", ARTICLE), ("en", ENGLISH))]
    library.import_paths([*paths, _write(tmp_path, "mixed.txt", MIXED)])
    model = library.pipeline
    natasha = russian.natasha_version()
    assert _analysed_by(library, 1) == ("natasha", natasha)
    assert _analysed_by(library, 2) == (model.name, model.version)
    mixed = (f"{model.name}+natasha", f"{model.version}+{natasha}")
    assert _analysed_by(library, 3) == mixed
    assert library.reanalyze(only_stale=True) == 0

    monkeypatch.setattr(russian, "natasha_version", lambda: "99.0")
    assert library.reanalyze(only_stale=True) == 2  # the Russian and the mixed article
    assert _analysed_by(library, 1) == ("natasha", "99.0")
    assert _analysed_by(library, 3) == (mixed[0], f"{model.version}+99.0")
    assert library.reanalyze(only_stale=True) == 0

    monkeypatch.setattr(library, "_pipeline", dataclasses.replace(model, version="99.1"))
    assert library.reanalyze(only_stale=True) == 2  # the English and the mixed article
    assert _analysed_by(library, 1) == ("natasha", "99.0")  # no spaCy in it: not stale
    assert _analysed_by(library, 2) == (model.name, "99.1")


def test_russian_articles_analysed_before_natasha_was_stored_are_stale(tmp_path: Path) -> None:
    from sqlite_utils import Database

    from monitor_desk.core.schema import migrations

    path = tmp_path / "old.sqlite"
    with Library.open(path) as lib:
        lib.import_paths([_write(tmp_path, "ru.txt", ARTICLE), _write(tmp_path, "en.txt", ENGLISH)])
        model = lib.pipeline
    db = Database(path)  # as before 0021: the Russian one under the English model's name
    db.execute(
        "UPDATE revisions SET pipeline_name = ?, pipeline_version = ?", [model.name, model.version]
    )
    db.execute("DELETE FROM _sqlite_migrations WHERE name = '0021_russian_analysed_by'")
    db.execute(f"PRAGMA user_version = {len(migrations._migrations) - 1}")
    db.conn.commit()
    db.close()
    with Library.open(path) as lib:
        assert _analysed_by(lib, 1) == ("natasha", "unknown")
        assert _analysed_by(lib, 2) == (model.name, model.version)
        assert lib.reanalyze(only_stale=True) == 1
        assert _analysed_by(lib, 1)[1] != "unknown"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_worker_processes_handle_russian_articles() -> None:
    items = [(ARTICLE, ARTICLE.index("\n\n") + 2, {}), (MIXED, 0, {})] * 3
    pipeline = load_pipeline()
    alone = list(analyze_many(items, pipeline))
    assert alone[0].language == "ru"
    assert alone[0].entities
    assert list(analyze_many(items, pipeline, batch_size=2, n_process=2)) == alone


def test_organisations_in_quotes_and_abbreviations() -> None:
    text = (
        "Представители США встретились с руководством компании «Уральские моторы» и "
        "сотрудниками МЧС. Об этом сообщил источник в ОАО «Северный порт»."
    )
    found = {(m.text, m.label) for m in analyze_text(text, 0, {}, load_pipeline()).entities}
    assert ("США", "GPE") in found  # a country's abbreviation is a place
    assert ("МЧС", "ORG") in found
    assert any(label == "ORG" and "Уральские моторы" in name for name, label in found)
    # no name keeps a quotation mark it does not close
    assert all(name.count("«") == name.count("»") for name, _ in found)


def test_the_corpus_russian_feeds_in_every_encoding_get_entities(corpus: Path) -> None:
    from monitor_desk.core.analyze_files import analyze_paths

    folders = sorted((corpus / "encodings" / "chardet").iterdir())
    folders = [f for f in folders if f.is_dir()] + [corpus / "encodings" / "derived"]
    done = list(analyze_paths(folders, load_pipeline()))
    assert len({f.doc.encoding for f in done if f.doc}) >= 5  # KOI8-R, cp1251, IBM866, …
    for result in done:
        assert result.analysis is not None, result.path
        assert result.analysis.language == "ru", result.path
        labels = {m.label for m in result.analysis.entities}
        assert labels & {"PERSON", "ORG"}, result.path
        assert labels & {"GPE", "LOC"}, result.path


def test_with_worker_processes_natasha_runs_in_them() -> None:
    code = (
        "import sys\n"
        "from monitor_desk.core.nlp import analyze_many, load_pipeline\n"
        f"items = [({ARTICLE!r}, 0, {{}})] * 4\n"
        "out = list(analyze_many(items, load_pipeline(), batch_size=1, n_process=2))\n"
        "print({m.cluster for a in out for m in a.entities if m.label == 'PERSON'},"
        " 'natasha' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "{'Дмитрий Медведев'} False"


def test_a_governing_body_before_a_place_is_an_organisation() -> None:
    text = "Представители мэрии Новосибирска обсудили проект с сотрудниками посольства Франции."
    found = {
        (m.text, m.label, m.cluster) for m in analyze_text(text, 0, {}, load_pipeline()).entities
    }
    assert ("мэрии Новосибирска", "ORG", "мэрия Новосибирска") in found
    assert ("посольства Франции", "ORG", "посольство Франции") in found
