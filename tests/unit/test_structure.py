"""The shape that issue 14 asked for, read from the code: ``Library`` is composed (no
mixins), no module takes a private name from another, and no module outgrows ~400 lines."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from monitor_desk.core.library import Library

PACKAGE = Path(__file__).resolve().parents[2] / "monitor_desk"
CORE = PACKAGE / "core"
MAX_LINES = 400  # past this a module is split by role (docs/ARCHITECTURE.md, Rules)


def test_library_has_no_mixins_and_its_parts_are_components() -> None:
    from monitor_desk.core.connection import Component

    assert Library.__mro__ == (Library, object)
    with Library.open(":memory:") as lib:
        parts = ("articles", "highlights", "tags", "claims", "sources", "entities", "exports")
        assert all(isinstance(getattr(lib, p), Component) for p in parts)


def _private_uses(path: Path) -> list[str]:
    """``from x import _name``, and ``obj._name`` where ``_name`` is not defined in this file
    (``self._x`` and an object of this module's own class are fine)."""
    tree = ast.parse(path.read_text("utf-8"))
    own = {
        getattr(n, "name", None) or getattr(n, "attr", None) or getattr(n, "id", None)
        for n in ast.walk(tree)
        if isinstance(n, ast.FunctionDef | ast.ClassDef)
        or (isinstance(n, ast.Attribute | ast.Name) and isinstance(n.ctx, ast.Store))
    }
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            found += [
                f"{path.name}: from {node.module} import {a.name}"
                for a in node.names
                if a.name.startswith("_") and not a.name.startswith("__")
            ]
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id not in ("self", "cls")
            and node.value.id not in sys.stdlib_module_names  # os._exit is the stdlib's own
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and node.attr not in own
        ):
            found.append(f"{path.name}: {node.value.id}.{node.attr}")
    return found


def test_no_core_module_uses_a_private_name_of_another() -> None:
    offenders = [f for p in sorted(CORE.rglob("*.py")) for f in _private_uses(p)]
    assert offenders == []


def test_no_module_of_the_faces_uses_a_private_name_of_another() -> None:
    offenders = [
        f for p in sorted(PACKAGE.rglob("*.py")) if CORE not in p.parents for f in _private_uses(p)
    ]
    assert offenders == []


def test_no_module_is_over_400_lines() -> None:
    sizes = {
        str(p.relative_to(PACKAGE.parent)): len(p.read_text("utf-8").splitlines())
        for p in PACKAGE.rglob("*.py")
    }
    assert len(sizes) > 100  # the package was read
    assert {path: n for path, n in sizes.items() if n > MAX_LINES} == {}
