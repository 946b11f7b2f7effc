"""docs/ARCHITECTURE.md cannot drift from the tree: every module or folder it names in
backticks (or draws in the data path) exists where it says, and every package is named.

A path is looked for from the repository, from ``monitor_desk/``, from the package of its
section (``### `core/nlp/` — …``) and from any folder named before it in the same paragraph
or bullet (``ui/panels/`` — ``library_panel.py``), as a reader would look for it.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "monitor_desk"
DOC = ROOT / "docs" / "ARCHITECTURE.md"

PATH = re.compile(r"^[\w.*/-]+(\.py|\.sh|\.spec|/)$")
DRAWN = re.compile(r"(?<![\w/])((?:core|ui|cli)/[\w/]*(?:\.py)?)")


def _exists(name: str, bases: list[Path]) -> bool:
    return any(any(base.glob(name.rstrip("/"))) for base in bases)


def missing_paths(text: str, root: Path = ROOT) -> list[str]:
    """Each path named in ``text`` that none of its places holds, with its line."""
    package = root / "monitor_desk"
    missing: list[str] = []
    section: list[Path] = []
    named: list[Path] = []  # folders named so far in this paragraph or bullet
    fenced = False
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("```"):
            fenced = not fenced
            continue
        if fenced:  # the data path: paths from the package
            tokens = DRAWN.findall(line)
        else:
            tokens = [t for t in re.findall(r"`([^`]+)`", line) if PATH.match(t)]
        if line.startswith("#"):
            folders = [t for t in tokens if t.endswith("/")]
            section = [package / folders[0]] if folders else []
            named = []
        elif not line.strip() or line.lstrip().startswith("- "):
            named = []
        for token in tokens:
            bases = [root, package, *section, *named]
            if not _exists(token, bases):
                missing.append(f"line {number}: {token}")
            elif token.endswith("/"):
                named += [b / token for b in bases if (b / token).is_dir()]
    return missing


def test_every_path_the_architecture_names_exists() -> None:
    text = DOC.read_text("utf-8")
    assert "`core/`" in text  # the map was read
    assert missing_paths(text) == []


def test_every_package_is_on_the_map() -> None:
    text = DOC.read_text("utf-8")
    packages = sorted(
        f"{p.parent.relative_to(PACKAGE).as_posix()}/"
        for p in PACKAGE.rglob("__init__.py")
        if p.parent != PACKAGE
    )
    assert {"core/", "core/claims/", "ui/panels/", "cli/"} <= set(packages)
    assert [p for p in packages if f"`{p}`" not in text] == []


def test_a_path_that_is_not_there_is_found() -> None:
    doc = """### `core/` — the core

`library.py` and `claims/editing.py`, but not `review.py`.

- `ui/panels/` — `notes_panel.py`, `*_model.py`; not `highlight_commands.py`.

```
file ──► core/importer.py ──► core/store.py
```
"""
    assert missing_paths(doc) == [
        "line 3: review.py",
        "line 5: highlight_commands.py",
        "line 8: core/store.py",
    ]
