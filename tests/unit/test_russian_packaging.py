"""The Russian pipeline in the frozen app: every file it opens lies in a package folder the
PyInstaller spec collects (and not in the part it leaves out), and pymorphy2's dictionary is
found by path, never through ``pkg_resources`` (absent in the app)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SPEC = Path(__file__).resolve().parents[2] / "packaging" / "monitor_desk.spec"


def test_the_spec_collects_every_file_natasha_and_pymorphy2_open() -> None:
    import natasha
    import pymorphy2_dicts_ru
    from natasha import data

    spec = SPEC.read_text("utf-8")
    assert 'collect_data_files("natasha")' in spec
    assert 'collect_data_files("pymorphy2_dicts_ru")' in spec
    assert '"/data/dict" not in' in spec  # the one part left out ...
    natasha_root = Path(natasha.__file__).parent
    for model in (data.NEWS_EMBEDDING, data.NEWS_MORPH, data.NEWS_SYNTAX, data.NEWS_NER):
        path = Path(model)
        assert path.is_file()
        assert path.is_relative_to(natasha_root)
        assert "dict" not in path.relative_to(natasha_root).parts  # ... is not one of these
    dictionary = Path(pymorphy2_dicts_ru.get_path())
    assert dictionary.is_relative_to(Path(pymorphy2_dicts_ru.__file__).parent)
    assert (dictionary / "words.dawg").is_file()
    for module in ("monitor_desk.core.nlp.russian.pipeline", "natasha", "dawg_python"):
        assert f'"{module}"' in spec


def test_pymorphy2_loads_without_pkg_resources_from_a_given_path(tmp_path: Path) -> None:
    import pymorphy2_dicts_ru

    # pkg_resources made unimportable, as in the frozen app; the path given by environment
    blocker = tmp_path / "pkg_resources.py"
    blocker.write_text("raise ImportError('not in the frozen app')\n")
    code = (
        "from monitor_desk.core.nlp.russian.morph import morph_vocab\n"
        "print(morph_vocab().parse('Медведеву')[0].normal)\n"
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path]),
        "PYMORPHY2_DICT_PATH": str(pymorphy2_dicts_ru.get_path()),
    }
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.strip() == "медведев"
