"""GUI fixtures: a small analysed library (the real model, loaded once per session),
temp settings, and windows that are always closed (their work queue drained)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from monitor_desk.core.library import Library

BORDER_TALKS = """Publication: Monitor Volume: 7 Issue: 88 Date: April 10, 2001

BORDER TALKS RESUME IN TBILISI

Georgian Foreign Minister Irakli Menagharishvili said on Monday that talks with Russia \
on the border regime would resume next week. Russian Ambassador Vladimir Gudev told \
reporters that Moscow "has no wish to isolate Georgia" (Interfax, April 9; Kavkasia-Press, \
April 8).

The opposition warned that the agreement would cost Tbilisi its control over the Pankisi \
Gorge (Prime-News, April 9).

Menagharishvili insisted that Georgia would not give up its claim to the gorge. Officials \
in Moscow said that the talks would focus on the customs posts along the border \
(Interfax, April 10).
"""

KYIV_NOTES = """Publication: Monitor Volume: 7 Issue: 89 Date: April 11, 2001

NOTES FROM KYIV 🙂

Головна новина дня 😀: Ukrainian President Leonid Kuchma met NATO Secretary General George \
Robertson in Kyiv on Tuesday. Kuchma said that Ukraine would keep its course toward Europe \
(UNIAN, April 10). The <b>opposition</b> in Kyiv called the meeting a show (Interfax, \
April 11).
"""

ARTICLES = {"border_talks.txt": BORDER_TALKS, "kyiv_notes.txt": KYIV_NOTES}


def write_articles(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in ARTICLES.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="session")
def analysed_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library file with the fixture articles analysed by the real model (built once)."""
    folder = tmp_path_factory.mktemp("template")
    os.environ.pop("MONITOR_DESK_FORCE_FALLBACK", None)
    with Library.open(folder / "lib.sqlite") as lib:
        report = lib.import_paths(write_articles(folder / "articles"), analyze=True)
        assert report.count("imported") == 2, report.to_dict()
        assert not lib.pipeline.is_fallback, "these tests need the spaCy model"
    return folder / "lib.sqlite"


@pytest.fixture
def gui_library(analysed_template: Path, tmp_path: Path) -> Iterator[Library]:
    """A fresh copy of the analysed library."""
    path = tmp_path / "lib.sqlite"
    shutil.copy(analysed_template, path)
    lib = Library.open(path)
    yield lib
    lib.close()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings in a temp ini file: tests never touch the user's settings."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, settings: QSettings) -> Iterator[Callable[..., object]]:  # type: ignore[no-untyped-def]
    from monitor_desk.ui.main_window import MainWindow

    windows: list[MainWindow] = []

    def make(library: Library, settings_: QSettings | None = None, **kwargs: object) -> MainWindow:
        window = MainWindow(library, settings_ or settings, **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
        assert window.queue.pool.activeThreadCount() == 0, "a worker outlived its window"


@pytest.fixture
def article_files(tmp_path: Path) -> list[Path]:
    """The fixture articles written to a temp folder (not yet imported)."""
    return write_articles(tmp_path / "in")
