"""pyproject.toml admits only the releases the lock pins and the tests ran on.

Installing without the lock (pip, a distribution's packager) takes the newest release a range
admits. PySide6-Essentials ``>=6.8`` let in 6.12.0, which on Python 3.11 loses a reference to
``None`` on every call and aborts the GUI (``Fatal Python error: none_dealloc``) after about
240 article opens. Each range must stay inside the major.minor release the lock pins.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", re.MULTILINE)


def _pins(lock: str) -> dict[str, Version]:
    text = (ROOT / lock).read_text(encoding="utf-8")
    return {canonicalize_name(name): Version(v) for name, v in PIN.findall(text)}


def _requirements() -> list[tuple[str, Requirement]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    out = [("runtime", Requirement(r)) for r in project["dependencies"]]
    for extra, reqs in project.get("optional-dependencies", {}).items():
        out += [(extra, Requirement(r)) for r in reqs]
    return out


def _other_releases(pinned: Version) -> list[Version]:
    """Releases of another major.minor than ``pinned``: the neighbours on both sides, a few
    minors and majors further, and the first pre-release of the next minor."""
    major, minor = pinned.major, pinned.minor
    out = [Version(f"{major}.{minor + n}.0") for n in range(1, 6)]
    out += [Version(f"{major + n}.0.0") for n in range(1, 4)]
    out += [Version(f"{major}.{minor + 1}.0a1"), Version(f"{major}.{minor + 1}.0rc1")]
    if minor > 0:
        out.append(Version(f"{major}.{minor - 1}.9999"))
    if major > 0:
        out.append(Version(f"{major - 1}.9999.9999"))
    return out


REQUIREMENTS = _requirements()


@pytest.mark.parametrize(("group", "req"), REQUIREMENTS, ids=[r.name for _, r in REQUIREMENTS])
def test_each_range_admits_only_the_locked_major_minor(group: str, req: Requirement) -> None:
    pinned = _pins("requirements-dev.lock").get(canonicalize_name(req.name))
    assert pinned is not None, f"{req.name} ({group}) is not pinned in requirements-dev.lock"
    assert req.specifier.contains(pinned, prereleases=True), (
        f"{req} does not admit the locked {pinned}"
    )
    admitted = [
        str(v) for v in _other_releases(pinned) if req.specifier.contains(v, prereleases=True)
    ]
    assert admitted == [], (
        f"{req} ({group}) admits {', '.join(admitted)}, but the lock pins and the tests ran "
        f"on {pinned}: bound it to >={pinned},<{pinned.major}.{pinned.minor + 1}"
    )


def test_the_runtime_lock_pins_the_same_versions_as_the_dev_lock() -> None:
    """The packaged app (requirements.lock) runs on what the tests ran on."""
    runtime, dev = _pins("requirements.lock"), _pins("requirements-dev.lock")
    for group, req in REQUIREMENTS:
        if group == "runtime":
            name = canonicalize_name(req.name)
            assert runtime.get(name) == dev[name], f"{req.name}: {runtime.get(name)} != {dev[name]}"


def test_pyside6_6_12_is_refused() -> None:
    """The release that aborts the GUI on Python 3.11 cannot be installed from the ranges."""
    (pyside,) = [r for _, r in REQUIREMENTS if canonicalize_name(r.name) == "pyside6-essentials"]
    assert not pyside.specifier.contains("6.12.0")
