"""Help ▸ About: what this is, which library is open and how it is analysed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget


def show_about(parent: QWidget, library_path: Path | None, pipeline_message: str) -> None:
    QMessageBox.about(
        parent,
        "About Monitor Desk",
        "Monitor Desk — an offline reader for news briefs: entities, claims, sources, "
        f"highlights and notes.\n\nLibrary: {library_path or 'in memory'}\n"
        f"Analysis: {pipeline_message or 'loading…'}",
    )
