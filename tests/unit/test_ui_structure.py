"""The GUI's shape, read from its source (no Qt needed): imports run one way (in the GUI and
in the whole package), and the window alone makes the undo stack that every change goes on."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "monitor_desk" / "ui"


def _module(path: Path) -> str:
    parts = path.relative_to(UI.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every ui module ``path`` imports, anywhere in it (TYPE_CHECKING blocks and
    function bodies too: a cycle hidden there is still a cycle)."""
    package = _module(path) if path.name == "__init__.py" else _module(path).rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = f"{base}.{node.module}" if node.level and node.module else node.module
            target = target or base
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _graph(root: Path = UI) -> dict[str, set[str]]:
    """Which module of ``root`` imports which other module of ``root``."""
    files = {_module(p): p for p in root.rglob("*.py")}
    return {
        name: {m for m in _imports(path) if m in files and m != name}
        for name, path in files.items()
    }


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as a path of modules, or [] when there is none."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return []

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return []


def test_the_ui_has_no_import_cycle() -> None:
    graph = _graph()
    assert "monitor_desk.ui.main_window" in graph  # the graph was read
    assert _cycle(graph) == []


def test_the_package_has_no_import_cycle() -> None:
    """Core, CLI and GUI together: a cycle through the faces is a cycle too."""
    graph = _graph(UI.parent)
    assert {"monitor_desk.ui.main_window", "monitor_desk.core.library"} <= set(graph)
    assert _cycle(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_only_the_window_makes_an_undo_stack() -> None:
    makers = sorted(
        _module(p)
        for p in UI.rglob("*.py")
        for node in ast.walk(ast.parse(p.read_text("utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "QUndoStack"
    )
    assert makers == ["monitor_desk.ui.main_window"]
