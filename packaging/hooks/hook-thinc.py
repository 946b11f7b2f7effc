"""thinc without its tests and GPU/other-framework shims' test data (replaces contrib's)."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata

hiddenimports = collect_submodules("thinc", filter=lambda name: ".tests" not in name)
datas = collect_data_files("thinc", excludes=["tests/**", "**/*.pyx", "**/*.pxd", "**/*.pyi"])
datas += copy_metadata("thinc")
excludedimports = ["thinc.tests"]
