"""A Russian article in the window: its entities with the English tints and legend, its
language in the header, the analyst's override from Article Details (analysed again), and
the plain message for a language without analysis. Texts written for these tests."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from monitor_desk.core.library import Library
from monitor_desk.ui.dialogs.details_dialog import DetailsDialog

RUSSIAN = (
    "Title: Визит в Мурманск\n\n"
    "Губернатор Андрей Чибис встретился в Мурманске с руководством компании «Норникель». "
    "Как рассказал Андрей Чибис журналистам, Чибису обещали новые рабочие места.\n"
)
UKRAINIAN = (
    "Title: Візит до Львова\n\n"
    "Міський голова Андрій Садовий зустрівся у Львові з представниками бізнесу. Він "
    "розповів журналістам, що місто отримає нові робочі місця вже цього року.\n"
)


def _import(library: Library, folder: Path, name: str, text: str) -> int:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    article_id = library.import_paths([path]).files[0].article_id
    assert article_id is not None
    return article_id


def test_russian_entities_show_with_the_english_legend_and_the_language(
    qtbot, make_window, gui_library: Library, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    article_id = _import(gui_library, tmp_path, "ru.txt", RUSSIAN)
    window = make_window(gui_library, analyse_missing=False)
    window.library_panel.select_article(article_id)
    reader = window.reader
    assert "Russian" in reader.meta.text()
    assert not reader.status.isVisible()
    assert {"PERSON", "ORG", "GPE"} <= set(reader.legend.buttons)
    qtbot.waitUntil(reader.legend.buttons["PERSON"].isVisible)
    assert reader.legend.buttons["PERSON"].isChecked()
    clusters = {m.cluster for m in gui_library.articles.analysis(article_id).entities}
    assert "Андрей Чибис" in clusters
    assert "Чибису" not in clusters  # the dative surname joined the full name
    image = window.grab()
    assert not image.isNull()
    image.save(str(tmp_path / "russian_reader.png"))


def test_a_language_without_analysis_is_said_plainly(
    qtbot, make_window, gui_library: Library, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    article_id = _import(gui_library, tmp_path, "uk.txt", UKRAINIAN)
    window = make_window(gui_library, analyse_missing=False)
    window.library_panel.select_article(article_id)
    assert window.reader.status.isVisible()
    assert window.reader.status.text().startswith("No analysis for Ukrainian yet.")
    assert "Ukrainian" in window.reader.meta.text()


def test_the_language_set_in_article_details_analyses_the_article_again(
    qtbot, make_window, gui_library: Library, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    article_id = _import(gui_library, tmp_path, "ru.txt", RUSSIAN)
    window = make_window(gui_library, analyse_missing=False)
    window.library_panel.select_article(article_id)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DetailsDialog)
        assert dialog.language.currentText() == "Detected (Russian)"
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.accept()

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(window.jobs.analysisFinished, timeout=60000):
        window.reader.edit_details.click()
    article = gui_library.articles.get(article_id)
    assert (article.language, article.language_override) == ("en", "en")
    assert "English (set by you)" in window.reader.meta.text()
    assert gui_library.articles.analysis(article_id).pipeline_name != "natasha"

    assert window.undo.act_undo.text() == "&Undo Set Language"
    with qtbot.waitSignal(window.jobs.analysisFinished, timeout=60000):
        window.undo.act_undo.trigger()  # detected again, and analysed again in it
    article = gui_library.articles.get(article_id)
    assert (article.language, article.language_override) == ("ru", None)
    assert "English" not in window.reader.meta.text()
    analysis = gui_library.articles.analysis(article_id)
    assert analysis.pipeline_name == "natasha"
    assert any(m.cluster == "Андрей Чибис" for m in analysis.entities)

    with qtbot.waitSignal(window.jobs.analysisFinished, timeout=60000):
        window.undo.act_redo.trigger()
    assert gui_library.articles.get(article_id).language_override == "en"
