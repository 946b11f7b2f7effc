"""The context-menu entries that correct entities, in the reader and the Entities tab: on
an entity, Change Type ▸, Merge Into…, Keep Apart, Not an Entity, then Speaker Profile
(the request ``profile``); on a selection (reader), Mark as Entity ▸ type."""

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
        add_entity_entries(menu, entity.cluster, entity.label, [entity.text], request)
    elif selected and len(selected) <= 120:
        _type_menu(menu, "Mark as &Entity", None, lambda lab: request("add", selected, lab))


def add_entity_entries(
    menu: QMenu, name: str, label: str, texts: list[str], request: Request
) -> None:
    """The entries for one entity (its cluster ``name``): ``texts`` are the words of its
    mentions, each a name that can be kept apart from it. Shared by the reader and the
    Entities tab, so both make the same requests."""
    _type_menu(menu, "Change &Type", label, lambda lab: request("retype", name, lab))
    menu.addAction(f"&Merge “{name}” Into…").triggered.connect(lambda: request("merge", name, ""))
    apart = dict.fromkeys(" ".join(t.split()) for t in texts)
    for text in apart:
        if text and text != name:
            menu.addAction(f"&Keep “{text}” Apart from “{name}”").triggered.connect(
                lambda _=False, t=text: request("split", t, "")
            )
    menu.addAction(f"&Not an Entity: “{name}”").triggered.connect(
        lambda: request("ignore", name, "")
    )
    menu.addSeparator()
    menu.addAction(f"Speaker &Profile: “{name}”").triggered.connect(
        lambda: request("profile", name, label)
    )  # answered by the library views (ui/library_views.py), not by a correction
