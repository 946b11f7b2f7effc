"""The reader's context-menu entries that correct entities: on an entity, Change Type ▸,
Merge Into…, Keep Apart, Not an Entity; on a selection, Mark as Entity ▸ type."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMenu

from ...core.models import EntityMention
from ..widgets.palette import ENTITY_NAMES

Request = Callable[[str, str, str], object]
"""(kind, name, target): ``target`` is a type, a canonical name, or "" (ask)."""


def _type_menu(menu: QMenu, title: str, current: str | None, pick: Callable[[str], object]) -> None:
    sub = QMenu(title, menu)  # parented: the menu keeps it alive (addMenu(str) did not)
    menu.addMenu(sub)
    for label, name in ENTITY_NAMES.items():
        act = sub.addAction(f"{name} ({label})")
        act.setEnabled(label != current)
        act.triggered.connect(lambda _=False, lab=label: pick(lab))


def add_correction_entries(
    menu: QMenu, entity: EntityMention | None, selected: str, request: Request
) -> None:
    selected = " ".join(selected.split())
    if entity is None and not selected:
        return
    menu.addSeparator()
    if entity is not None:
        name = entity.cluster
        _type_menu(menu, "Change &Type", entity.label, lambda lab: request("retype", name, lab))
        menu.addAction(f"&Merge “{name}” Into…").triggered.connect(
            lambda: request("merge", name, "")
        )
        if " ".join(entity.text.split()) != name:
            text = " ".join(entity.text.split())
            menu.addAction(f"&Keep “{text}” Apart from “{name}”").triggered.connect(
                lambda: request("split", text, "")
            )
        menu.addAction(f"&Not an Entity: “{name}”").triggered.connect(
            lambda: request("ignore", name, "")
        )
    elif selected and len(selected) <= 120:
        _type_menu(menu, "Mark as &Entity", None, lambda lab: request("add", selected, lab))
