"""Commands that open the window, on a screen (``gui``) or off one (``screenshot``)."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .library_file import open_library


def cmd_screenshot(args: argparse.Namespace) -> int:
    m = re.fullmatch(r"(\d{2,5})x(\d{2,5})", args.size)
    if not m:
        print(
            f"monitor-desk screenshot: --size takes WIDTHxHEIGHT, not {args.size!r}",
            file=sys.stderr,
        )
        return 2
    from ..ui.screenshot import render_screenshot

    with open_library(args) as lib:
        if lib.is_empty() and args.db is None:
            lib.seed_samples()
        render_screenshot(lib, Path(args.out), args.article, (int(m[1]), int(m[2])), args.tab)
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from ..ui.app import run_gui

    return run_gui(args.db)
