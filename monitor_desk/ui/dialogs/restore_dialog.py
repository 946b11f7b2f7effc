"""File ▸ Restore from Backup…: the library's rolling copies, newest first, with their
dates, article counts and state; or a backup file the analyst chooses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.backups import BackupInfo, backup_infos, describe_backup
from ...core.errors import LibraryFileError
from ...core.restore import set_aside_name, verify_copy
from ..workers import Worker

COLUMNS = ("Made", "Articles", "Size", "State")


def _row(info: BackupInfo) -> list[str]:
    made = info.made.strftime("%Y-%m-%d %H:%M:%S")
    size = f"{info.size / 1e6:.1f} MB"
    if info.state == "unchecked":
        return [made, "…", size, "checking…"]
    articles = "—" if info.articles is None else f"{info.articles:,}"
    return [made, articles, size, info.state]


class RestoreDialog(QDialog):
    """Attributes:
        chosen: the copy to restore once accepted (None before).
        copies: the ``QTreeWidget`` listing the rolling copies (objectName ``backupList``);
            dates and sizes at once, article counts and states once checked.

    Signals:
        checked(): every copy was checked (states and counts shown).
        checkFailed(str): the check could not run (why).
    """

    checked = Signal()
    checkFailed = Signal(str)

    def __init__(self, library: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle("Restore from Backup")
        self.library = library
        self.chosen: Path | None = None
        self.infos = backup_infos(library, check=False)  # checked in the background
        intro = QLabel(
            f"Put a copy in place of “{library.name}”. The current file is kept beside it "
            f"as {set_aside_name(library).name}, so nothing is lost; changes made after the "
            "copy are not in it. Copies are made automatically when the library is opened.",
            self,
        )
        intro.setWordWrap(True)
        self.copies = QTreeWidget(self)
        self.copies.setObjectName("backupList")
        self.copies.setRootIsDecorated(False)
        self.copies.setHeaderLabels(list(COLUMNS))
        self.items: list[QTreeWidgetItem] = []
        for info in self.infos:
            item = QTreeWidgetItem()
            item.setData(0, Qt.ItemDataRole.UserRole, str(info.path))
            item.setToolTip(0, str(info.path))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.items.append(item)
        self.copies.addTopLevelItems(self.items)
        header = self.copies.header()
        header.setStretchLastSection(False)
        for col in range(len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel("There are no automatic copies of this library yet.", self)
        self.empty.setVisible(not self.infos)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreChosen")
        self.file_button = QPushButton("Choose a &File…", self)
        self.file_button.setObjectName("restoreFromFile")
        buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button.clicked.connect(self._restore_chosen)
        self.file_button.clicked.connect(self._choose_file)
        buttons.rejected.connect(self.reject)
        self.copies.currentItemChanged.connect(self._update)
        self.copies.itemDoubleClicked.connect(lambda *_: self._restore_chosen())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.copies, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(620, 360)
        self._show_infos(self.infos)
        # Checking every copy reads it whole (seconds for a large library): off this thread.
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.worker = Worker(backup_infos, library)
        self.worker.signals.result.connect(self._checked)
        self.worker.signals.error.connect(lambda msg, _tb: self.checkFailed.emit(msg))
        self.pool.start(self.worker)

    def _show_infos(self, infos: list[BackupInfo]) -> None:
        for item, info in zip(self.items, infos, strict=True):
            for col, text in enumerate(_row(info)):
                item.setText(col, text)
            item.setDisabled(info.state != "intact")
        first = next((i for i, info in enumerate(infos) if info.state == "intact"), None)
        if first is not None and self._current() is None:
            self.copies.setCurrentItem(self.items[first])
        self._update()

    def _checked(self, infos: list[BackupInfo]) -> None:
        if [i.path for i in infos] == [i.path for i in self.infos]:
            self.infos = infos
            self._show_infos(infos)
        self.checked.emit()

    def done(self, result: int) -> None:
        self.pool.waitForDone()  # no thread outlives the dialog
        super().done(result)

    def _current(self) -> Path | None:
        item = self.copies.currentItem()
        if item is None or item.isDisabled():
            return None
        return Path(str(item.data(0, Qt.ItemDataRole.UserRole)))

    def _update(self) -> None:
        self.restore_button.setEnabled(self._current() is not None)

    def _restore_chosen(self) -> None:
        copy = self._current()
        if copy is not None:
            self.chosen = copy
            self.accept()

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            "Restore from a backup file",
            str(self.library.parent),
            "Monitor Desk libraries (*.sqlite *.db);;All files (*)",
        )
        if not name:
            return
        copy = Path(name)
        try:
            verify_copy(copy)
        except LibraryFileError as exc:
            QMessageBox.warning(self, "Restore from Backup", str(exc))
            return
        info = describe_backup(copy)
        count = "an unknown number of" if info.articles is None else f"{info.articles:,}"
        answer = QMessageBox.question(
            self,
            "Restore from Backup",
            f"Put {copy.name} ({count} articles) in place of {self.library.name}? The current "
            f"file is kept as {set_aside_name(self.library).name}.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.chosen = copy
            self.accept()
