"""Edit ▸ Preferences… (Ctrl+,): reading, appearance, entity types, favourite tags,
backups, the analysis model and the export folder. OK and Apply change the running window
at once (``ui/preferences.py``); Cancel leaves everything as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.nlp.pipeline import installed_models
from ..preferences import Preferences
from ..theme import THEMES
from ..widgets.confidence import LOW_CHOICES, ConfidenceView, LowConfidence
from ..widgets.palette import ENTITY_NAMES

FAVOURITES = 9


class PreferencesDialog(QDialog):
    """Attributes:
    fields: the editors by preference name (``font``, ``size``, ``width``, ``theme``,
    ``model``, ``backups``, ``export``), types: a check box per entity label (checked =
    shown), favourites: nine tag boxes for keys 1–9.
    """

    def __init__(
        self,
        prefs: Preferences,
        tag_names: list[str],
        apply: Callable[[Preferences], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self.apply = apply
        self.fields: dict[str, QWidget] = {}
        font = QComboBox(self)
        font.addItem("Default serif (Charter, Georgia, Noto Serif …)", "")
        for family in QFontDatabase.families():
            font.addItem(family, family)
        font.setCurrentIndex(max(0, font.findData(prefs.font_family)))
        size = QDoubleSpinBox(self)
        size.setRange(8, 28)
        size.setDecimals(0)
        size.setSuffix(" pt")
        size.setValue(prefs.point_size)
        width = QSpinBox(self)
        width.setRange(40, 160)
        width.setSingleStep(5)
        width.setSuffix(" characters")
        width.setValue(prefs.width_chars)
        theme = QComboBox(self)
        for key, name in THEMES.items():
            theme.addItem(name, key)
        theme.setCurrentIndex(max(0, theme.findData(prefs.theme)))
        model = QComboBox(self)
        model.addItem("Automatic (the first model installed)", "")
        for name in installed_models():
            model.addItem(name, name)
        if prefs.model and model.findData(prefs.model) < 0:
            model.addItem(f"{prefs.model} (not installed)", prefs.model)
        model.setCurrentIndex(max(0, model.findData(prefs.model)))
        kept = QSpinBox(self)
        kept.setRange(1, 50)
        kept.setValue(prefs.backups_kept)
        kept.setToolTip("The oldest copies go when the next one is made")
        export = QLineEdit(prefs.export_folder, self)
        export.setPlaceholderText("Documents")
        choose = QPushButton("Choose…", self)
        choose.clicked.connect(self._choose_folder)
        threshold = QDoubleSpinBox(self)
        threshold.setRange(0, 1)
        threshold.setDecimals(2)
        threshold.setSingleStep(0.05)
        threshold.setValue(prefs.claims_confidence.threshold)
        threshold.setToolTip(
            "Extracted claims scored below this (0–1) are shown greyed or hidden; "
            "your own, edited and graded claims never are"
        )
        low = QComboBox(self)
        low.addItem("show muted", "muted")
        low.addItem("hide (counted)", "hidden")
        low.setCurrentIndex(max(0, low.findData(prefs.claims_confidence.low)))
        self.fields = {"font": font, "size": size, "width": width, "theme": theme}
        self.fields.update({"model": model, "backups": kept, "export": export})
        self.fields.update({"confidence": threshold, "low_confidence": low})
        for name, widget in self.fields.items():
            widget.setObjectName(f"pref_{name}")

        reading = QFormLayout()
        reading.addRow("Reader font:", font)
        reading.addRow("Text size:", size)
        reading.addRow("Line width:", width)
        reading.addRow("Theme:", theme)
        export_row = QHBoxLayout()
        export_row.addWidget(export, 1)
        export_row.addWidget(choose)
        library = QFormLayout()
        library.addRow("Analysis model:", model)
        library.addRow("Automatic copies kept:", kept)
        library.addRow("Export to:", export_row)
        confidence_row = QHBoxLayout()
        confidence_row.addWidget(threshold)
        confidence_row.addWidget(low, 1)
        library.addRow("Claims below confidence:", confidence_row)

        types_box = QGroupBox("Entity types shown in the reader", self)
        grid = QGridLayout(types_box)
        self.types: dict[str, QCheckBox] = {}
        for n, (label, name) in enumerate(ENTITY_NAMES.items()):
            check = QCheckBox(name, types_box)
            check.setToolTip(label)
            check.setChecked(label not in prefs.hidden_types)
            grid.addWidget(check, n // 3, n % 3)
            self.types[label] = check

        tags_box = QGroupBox("Favourite tags: keys 1–9 apply them to selected text", self)
        tags_grid = QGridLayout(tags_box)
        self.favourites: list[QComboBox] = []
        chosen = prefs.favourites + [""] * FAVOURITES
        for n in range(FAVOURITES):
            box = QComboBox(tags_box)
            box.setEditable(True)
            box.addItems(["", *tag_names])
            box.setCurrentText(chosen[n])
            box.setObjectName(f"favourite{n + 1}")
            number = QLabel(f"{n + 1}", tags_box)
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            tags_grid.addWidget(number, n // 3, (n % 3) * 2)
            tags_grid.addWidget(box, n // 3, (n % 3) * 2 + 1, 1, 1)
            tags_grid.setColumnStretch((n % 3) * 2 + 1, 1)
            self.favourites.append(box)
        note = QLabel("Empty keys use the most used tags.", tags_box)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        tags_grid.addWidget(note, 3, 0, 1, 6)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        apply_button = buttons.button(QDialogButtonBox.StandardButton.Apply)
        apply_button.clicked.connect(lambda: self._valid() and self.apply(self.preferences()))

        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addLayout(reading)
        left.addWidget(types_box)
        right.addLayout(library)
        right.addWidget(tags_box)
        right.addStretch(1)
        left.addStretch(1)
        columns.addLayout(left, 1)
        columns.addSpacing(12)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(buttons)

    def _choose_folder(self) -> None:
        line = self.fields["export"]
        assert isinstance(line, QLineEdit)
        folder = QFileDialog.getExistingDirectory(self, "Export to", line.text())
        if folder:
            line.setText(folder)

    def preferences(self) -> Preferences:
        """What the dialog shows now."""
        f = self.fields
        font, size, width, theme = f["font"], f["size"], f["width"], f["theme"]
        model, kept, export = f["model"], f["backups"], f["export"]
        assert isinstance(font, QComboBox)
        assert isinstance(theme, QComboBox)
        assert isinstance(model, QComboBox)
        assert isinstance(export, QLineEdit)
        assert isinstance(size, QDoubleSpinBox)
        assert isinstance(width, QSpinBox)
        assert isinstance(kept, QSpinBox)
        threshold, low = f["confidence"], f["low_confidence"]
        assert isinstance(threshold, QDoubleSpinBox)
        assert isinstance(low, QComboBox)
        low_data = str(low.currentData())
        chosen: LowConfidence = "hidden" if low_data == "hidden" else "muted"
        assert chosen in LOW_CHOICES
        favourites = [b.currentText().strip() for b in self.favourites]
        return Preferences(
            font_family=str(font.currentData() or ""),
            point_size=size.value(),
            width_chars=width.value(),
            theme=str(theme.currentData() or "system"),
            hidden_types={label for label, c in self.types.items() if not c.isChecked()},
            favourites=[t for t in dict.fromkeys(favourites) if t],
            backups_kept=kept.value(),
            model=str(model.currentData() or ""),
            export_folder=export.text().strip(),
            claims_confidence=ConfidenceView(round(threshold.value(), 2), chosen),
        )

    def _ok(self) -> None:
        if self._valid():
            self.apply(self.preferences())
            self.accept()

    def _valid(self) -> bool:
        folder = self.preferences().export_folder
        if folder and not Path(folder).is_dir():
            QMessageBox.warning(
                self, "Preferences", f"There is no folder {folder}; choose one that exists."
            )
            return False
        return True
