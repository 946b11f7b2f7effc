"""``monitor-desk``: the command line face of ``core.library``.

``main.py`` reads the command and maps errors to exit codes, ``parser.py`` holds the
arguments; the commands live by what they do: ``library_file.py`` (opening the library,
``restore-backup``), ``importing.py`` (``import``, ``analyze``, ``reanalyze``,
``import-json``), ``reading.py`` (``list``, ``show``, ``search``), ``exporting.py``
(``export``), ``window.py`` (``gui``, ``screenshot``).
"""

from .main import main

__all__ = ["main"]
