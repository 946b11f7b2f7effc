"""File paths as text that can go anywhere: SQLite, JSON, CSV, the terminal, the GUI.

On Linux a file name is bytes; a name that is not valid UTF-8 reaches Python with its odd
bytes as lone surrogates (``os.fsdecode``'s surrogateescape), which SQLite, ``json`` and a
UTF-8 terminal refuse. Such a name is shown with each undecodable byte as ``\\xNN``
("caf\\xe9.txt"): the same file gives the same text every time, so a re-import finds it.
"""

from __future__ import annotations

import os


def path_text(path: str | os.PathLike[str]) -> str:
    """``path`` as valid Unicode text (unchanged unless its name is not valid UTF-8)."""
    text = os.fspath(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text
