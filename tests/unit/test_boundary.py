"""core/ must never import Qt: the CLI, scripts and the test suite rely on it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "monitor_desk" / "core"
QT_IMPORT = re.compile(r"^\s*(from|import)\s+(PySide6|PyQt[56]|shiboken6|qtpy)\b", re.M)


def test_no_core_module_mentions_a_qt_import() -> None:
    offenders = [str(p) for p in CORE.rglob("*.py") if QT_IMPORT.search(p.read_text("utf-8"))]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt_and_no_spacy() -> None:
    modules = sorted(
        "monitor_desk." + ".".join(p.relative_to(CORE.parent).with_suffix("").parts)
        for p in CORE.rglob("*.py")
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m.replace('.__init__', ''))\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'PySide6', 'shiboken6', 'spacy', 'natasha', 'pymorphy2'})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
