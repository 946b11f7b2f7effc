"""spaCy for Monitor Desk: every module spaCy registers at run time, English only.

Replaces the contrib hook (``collect_submodules("spacy")``), which also bundles the tests
and the ~70 other languages. ``spacy.registrations`` imports registered functions by module
name, so all of spaCy's own modules stay; of ``spacy.lang`` only the shared modules and
``en`` (what ``en_core_web_sm`` and ``blank("en")`` use) are kept.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata

KEEP_LANGS = ("en",)
SHARED_LANG_MODULES = {
    "spacy.lang",
    "spacy.lang.char_classes",
    "spacy.lang.lex_attrs",
    "spacy.lang.norm_exceptions",
    "spacy.lang.punctuation",
    "spacy.lang.tokenizer_exceptions",
}


def _wanted(name: str) -> bool:
    if name.startswith("spacy.tests") or ".tests." in name:
        return False
    if name.startswith("spacy.lang"):
        parts = name.split(".")
        return name in SHARED_LANG_MODULES or (len(parts) > 2 and parts[2] in KEEP_LANGS)
    return True


hiddenimports = collect_submodules("spacy", filter=_wanted)
datas = collect_data_files(
    "spacy",
    excludes=["tests/**", "lang/**", "**/*.pyx", "**/*.pxd", "**/*.pyi", "**/*.c", "**/*.h"],
)
# spaCy finds the pipelines and plug-in registries through package metadata.
datas += copy_metadata("spacy")
excludedimports = ["spacy.tests"]
