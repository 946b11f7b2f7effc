"""The command line's progress lines: ``[120/400] file.txt  35.2/s  0:08 left``, and
``Upgrading library: [2/4] search index 35%`` while an older library is upgraded.

Drawn on a terminal only, at most ten times a second (and always at the end); into a pipe,
a file or with ``--quiet`` nothing is written, so scripts read clean output.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from ..core.upgrade import UpgradeProgress

_REDRAW = 0.1  # seconds between two drawings of the line


def clock(seconds: float) -> str:
    """``0:08``, ``12:30``, ``1:02:03``."""
    s = max(0, round(seconds))
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class TerminalProgress:
    """Counts ``done`` of ``total`` (None: unknown) ``unit``s with their rate and the time
    left; the rate is measured from the first unit done, so start-up (loading the model) is
    not counted as work."""

    def __init__(self, stream: TextIO, unit: str) -> None:
        self.stream = stream
        self.unit = unit
        self.started: float | None = None
        self.since: float | None = None
        self.first = 0
        self.drawn = 0.0
        self.width = 0
        self.last: tuple[int, int | None, str] | None = None  # reported but maybe not drawn

    def line(self, done: int, total: int | None, name: str = "", now: float | None = None) -> str:
        now = time.monotonic() if now is None else now
        if self.started is None:
            self.started = now
        if self.since is None and done > 0:  # work starts with the first unit done
            self.since, self.first = now, done
        elapsed = now - self.started
        count = f"[{done}/{total}]" if total is not None else f"[{done}]"
        parts = [count, self.unit]
        if name:
            parts.append(name[:40])
        work = done - self.first
        busy = now - self.since if self.since is not None else 0.0
        if busy > 0.5 and work > 0:
            rate = work / busy
            parts.append(f"{rate:.1f}/s" if rate < 100 else f"{rate:.0f}/s")
            if total is not None and done < total:
                parts.append(f"{clock((total - done) / rate)} left")
        if total is not None and done >= total:
            parts.append(f"in {clock(elapsed)}")
        return "  ".join(parts)

    def __call__(self, done: int, total: int | None = None, name: str = "") -> None:
        now = time.monotonic()
        final = total is not None and done >= total
        self.last = None if final else (done, total, name)
        if not final and now - self.drawn < _REDRAW and self.started is not None:
            return
        self.draw(done, total, name, now, final)

    def draw(self, done: int, total: int | None, name: str, now: float, final: bool) -> None:
        self.drawn = now
        text = self.line(done, total, Path(name).name if name else "", now)
        pad = max(0, self.width - len(text))
        self.width = len(text)
        self.stream.write("\r" + text + " " * pad + ("\n" if final else ""))
        self.stream.flush()

    def finish(self) -> None:
        """End a line whose total was unknown with its last count (nothing if none came)."""
        if self.last is not None:
            done, total, name = self.last
            self.draw(done, total, name, time.monotonic(), final=False)
            self.last = None
        if self.width:
            self.stream.write("\n")
            self.stream.flush()
            self.width = 0


def terminal_progress(args: argparse.Namespace, unit: str) -> TerminalProgress | None:
    """A progress line on stderr when it is a terminal and ``--quiet`` was not given."""
    if getattr(args, "quiet", False) or not sys.stderr.isatty():
        return None
    return TerminalProgress(sys.stderr, unit)


def add_quiet(parser: argparse.ArgumentParser) -> None:
    """``-q/--quiet`` on a command (it may also come before the command)."""
    parser.add_argument(
        "-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help="no progress line"
    )


class UpgradeLine:
    """The line while an older library is upgraded at open:
    ``Upgrading library: [2/4] search index 35%``, ended with the steps' time and the copy
    made before the first step."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.started = time.monotonic()
        self.drawn = 0.0
        self.step = -1
        self.width = 0

    def __call__(self, at: UpgradeProgress) -> None:
        now = time.monotonic()
        if not at.finished and at.step == self.step and now - self.drawn < _REDRAW:
            return
        self.step, self.drawn = at.step, now
        if at.finished:
            text = f"{at.steps} step{'s' if at.steps != 1 else ''} in {clock(now - self.started)}"
            if at.backup is not None:
                text += f"; the library as it was is kept as {at.backup.name}"
        elif at.step == 0:
            text = at.label
        else:
            text = f"[{at.step}/{at.steps}] {at.label}"
            if at.percent is not None:
                text += f" {at.percent}%"
        text = "Upgrading library: " + text
        pad = max(0, self.width - len(text))
        self.width = len(text)
        self.stream.write("\r" + text + " " * pad + ("\n" if at.finished else ""))
        self.stream.flush()


def upgrade_progress(args: argparse.Namespace) -> UpgradeLine | None:
    """The upgrade's line on stderr when it is a terminal and ``--quiet`` was not given."""
    if getattr(args, "quiet", False) or not sys.stderr.isatty():
        return None
    return UpgradeLine(sys.stderr)
