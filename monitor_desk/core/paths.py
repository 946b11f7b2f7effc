"""Where things live: the default library file and the bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "MonitorDesk"
DB_ENV = "MONITOR_DESK_DB"


def default_library_path() -> Path:
    """``$MONITOR_DESK_DB`` if set, else the platform's user data folder."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "library.sqlite"


def resources_dir() -> Path:
    """The ``resources/`` folder: beside a frozen app, or at the top of the source tree."""
    env = os.environ.get("MONITOR_DESK_RESOURCES")
    if env:
        return Path(env)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def samples_dir() -> Path:
    return resources_dir() / "samples"
