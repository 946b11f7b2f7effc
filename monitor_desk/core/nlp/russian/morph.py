"""pymorphy2 0.9.1 (natasha's morphology) made to load on Python 3.11+ without setuptools.

Two things in it break here, and both are mended for its own classes only (nothing global):

- it finds its dictionary through ``pkg_resources`` entry points (setuptools, not installed
  and absent from the frozen app): the dictionary's path is given explicitly instead —
  ``PYMORPHY2_DICT_PATH`` when set, else ``pymorphy2_dicts_ru.get_path()`` (which is
  ``<bundle>/pymorphy2_dicts_ru/data`` in the PyInstaller app, where the spec puts it);
- its analyser units read their parameters with ``inspect.getargspec``, removed in Python
  3.11: ``BaseAnalyzerUnit._get_param_names`` is replaced with the same list read through
  ``inspect.signature``.

Why not pymorphy3 (the maintained fork): natasha 1.6 imports pymorphy2 itself
(``natasha.morph.vocab``), so pymorphy3 would ship a second analyser and a second 15 MB
dictionary beside it for the same output. The pins in pyproject.toml keep this shim's
target fixed (pymorphy2 has had no release since 2019).
"""

from __future__ import annotations

import inspect
import os
from typing import Any

DICT_PATH_ENV = "PYMORPHY2_DICT_PATH"


def _param_names(cls: Any) -> list[str]:
    if cls.__init__ is object.__init__:
        return []
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    return sorted(p.name for p in params if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD))


def patch_pymorphy2() -> None:
    """Replace the one ``getargspec`` call (idempotent)."""
    from pymorphy2.units.base import BaseAnalyzerUnit

    BaseAnalyzerUnit._get_param_names = classmethod(_param_names)


def dictionary_path() -> str:
    """The Russian dictionary's folder, found without ``pkg_resources``."""
    explicit = os.environ.get(DICT_PATH_ENV)
    if explicit:
        return explicit
    import pymorphy2_dicts_ru

    return str(pymorphy2_dicts_ru.get_path())


def morph_vocab() -> Any:
    """natasha's ``MorphVocab`` (a pymorphy2 ``MorphAnalyzer``) over the Russian dictionary."""
    patch_pymorphy2()
    from natasha.morph.vocab import MorphForm, MorphVocab
    from pymorphy2.analyzer import MorphAnalyzer

    class _Vocab(MorphVocab):
        def __init__(self) -> None:
            MorphAnalyzer.__init__(self, path=dictionary_path(), lang="ru", result_type=MorphForm)

    return _Vocab()
