"""The publication rule dialog: "volume 1 of *Monitor* is 1995, daily", set once for a
publication, or removed (core/publication_rules.py)."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from ...core.publication_rules import CADENCES, PublicationRule

EXPLAIN = (
    "Volume numbers are taken as years: each later volume is the next year. Articles of "
    "this publication without a year get one: an undated article its volume's year (a "
    "monthly issue 1–12 also its month), a dateline or citations' date without a year "
    "that day of the year. A date from the file's header or metadata, a dateline with "
    "its year and dates you edited are never changed. Undo takes it back."
)


class PublicationRuleDialog(QDialog):
    """Publication, a volume and its year, and the cadence; *Remove Rule* when one exists.

    Attributes:
        removed: the analyst chose *Remove Rule* (``accept`` follows).
    """

    def __init__(
        self, publication: str, rule: PublicationRule | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("publicationRuleDialog")
        self.setWindowTitle("Publication Rule")
        self.setMinimumWidth(480)
        self.removed = False
        form = QFormLayout(self)
        self.publication = QLineEdit(rule.publication if rule else publication, self)
        self.publication.setObjectName("rulePublication")
        self.publication.setPlaceholderText("the publication's name, as in the list")
        self.volume = QSpinBox(self)
        self.volume.setObjectName("ruleVolume")
        self.volume.setRange(0, 100_000)
        self.volume.setValue(rule.volume if rule else 1)
        self.year = QSpinBox(self)
        self.year.setObjectName("ruleYear")
        self.year.setRange(1, 9999)
        self.year.setGroupSeparatorShown(False)
        self.year.setValue(rule.year if rule else 2000)
        self.cadence = QComboBox(self)
        self.cadence.setObjectName("ruleCadence")
        self.cadence.addItem("not said", None)
        for cadence in CADENCES:
            self.cadence.addItem(cadence, cadence)
        if rule and rule.cadence:
            self.cadence.setCurrentIndex(self.cadence.findData(rule.cadence))
        explain = QLabel(EXPLAIN, self)
        explain.setObjectName("ruleExplain")
        explain.setWordWrap(True)
        # Quieter than a field, as the other dialogs' notes, yet readable: a disabled label's
        # grey (#bebebe on #efefef, 1.6:1) could hardly be read.
        explain.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        form.addRow("&Publication", self.publication)
        form.addRow("&Volume", self.volume)
        form.addRow("is the &year", self.year)
        form.addRow("&Cadence", self.cadence)
        form.addRow(explain)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        if rule is not None:
            remove = buttons.addButton("&Remove Rule", QDialogButtonBox.ButtonRole.DestructiveRole)
            remove.setObjectName("ruleRemove")
            remove.clicked.connect(self._remove)
        self.error = QLabel(self)
        self.error.setObjectName("ruleError")
        self.error.setVisible(False)
        form.addRow(self.error)
        form.addRow(buttons)

    def _ok(self) -> None:
        if not self.publication.text().strip():
            self.error.setText("Name the publication the rule is for.")
            self.error.setVisible(True)
            return
        self.accept()

    def _remove(self) -> None:
        self.removed = True
        self.accept()

    def rule(self) -> PublicationRule:
        """The rule as the analyst set it (checked again by the library)."""
        return PublicationRule(
            self.publication.text().strip(),
            self.volume.value(),
            self.year.value(),
            self.cadence.currentData(),
        )
