"""The write lock: one writer per file whatever its name, never held by a dead process or
a child, never a write of its own (a full disk can still be read)."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from monitor_desk.core import filelock
from monitor_desk.core.errors import LibraryFileError
from monitor_desk.core.filelock import LibraryInUseError
from monitor_desk.core.library import Library

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks and fork")

TRY_WRITER = textwrap.dedent(
    """
    import sys
    from monitor_desk.core.filelock import LibraryInUseError
    from monitor_desk.core.library import Library
    try:
        Library.open(sys.argv[1]).close()
    except LibraryInUseError as exc:
        print("refused:", exc)
    else:
        print("opened")
    """
)


def _try_writer(name: Path) -> str:
    res = subprocess.run(
        [sys.executable, "-c", TRY_WRITER, str(name)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 0, res.stderr
    return res.stdout.strip()


def test_every_name_of_the_file_shares_one_lock(tmp_path: Path) -> None:
    """A symlink, a hard link in another folder and a relative path are the same library:
    while one writer has it, a second is refused through any of them."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    real = tmp_path / "a" / "lib.sqlite"
    with Library.open(real) as lib:
        lib.tags.create("first writer")
        (tmp_path / "b" / "sym.sqlite").symlink_to(real)
        os.link(real, tmp_path / "b" / "hard.sqlite")
        (tmp_path / "b" / "dir-link").symlink_to(tmp_path / "a", target_is_directory=True)
        names = [
            tmp_path / "b" / "sym.sqlite",
            tmp_path / "b" / "hard.sqlite",
            tmp_path / "b" / "dir-link" / "lib.sqlite",
            tmp_path / "b" / ".." / "a" / "lib.sqlite",
        ]
        for name in names:
            answer = _try_writer(name)
            assert answer.startswith("refused:"), (name, answer)
            assert f"(pid {os.getpid()})" in answer
            with pytest.raises(LibraryInUseError):  # and in this same process
                Library.open(name)
    for name in names:  # released on close, for every name
        assert _try_writer(name) == "opened"


CHILD_OUTLIVES_PARENT = textwrap.dedent(
    """
    import os, sys
    from monitor_desk.core.library import Library
    lib = Library.open(sys.argv[1])
    lib.tags.create("before the fork")
    r, w = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(1), os.close(2)  # (the test reads the output to its end)
        os.read(r, 1)  # a child stuck on a pipe that never closes, like a spaCy worker
        os._exit(0)
    print(child, flush=True)
    os._exit(0)  # the parent ends without closing anything, as if killed
    """
)


def test_a_forked_child_never_holds_the_library_after_its_parent_is_gone(
    tmp_path: Path,
) -> None:
    db = tmp_path / "lib.sqlite"
    res = subprocess.run(
        [sys.executable, "-c", CHILD_OUTLIVES_PARENT, str(db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 0, res.stderr
    child = int(res.stdout)
    try:
        assert Path(f"/proc/{child}").exists() or sys.platform != "linux"
        with Library.open(db) as lib:  # the orphan is still running, the library is free
            assert [t.name for t in lib.tags.list()] == ["before the fork"]
    finally:
        os.kill(child, signal.SIGKILL)


def test_the_message_names_a_live_holder_only(tmp_path: Path) -> None:
    """A lock kept by the child of a process that has ended: the message must not send
    the analyst looking for the dead pid."""
    if sys.platform != "linux":
        pytest.skip("the holder is read from /proc/locks")
    db = tmp_path / "lib.sqlite"
    Library.open(db).close()
    holder = textwrap.dedent(
        """
        import fcntl, os, sys
        fd = os.open(sys.argv[1], os.O_RDONLY)
        fcntl.flock(fd, fcntl.LOCK_EX)
        r, w = os.pipe()
        child = os.fork()
        if child == 0:
            os.close(1), os.close(2)
            os.read(r, 1)
            os._exit(0)
        print(os.getpid(), child, flush=True)
        os._exit(0)
        """
    )
    res = subprocess.run(
        [sys.executable, "-c", holder, str(db)], capture_output=True, text=True, timeout=60
    )
    dead, child = map(int, res.stdout.split())
    try:
        with pytest.raises(LibraryInUseError) as caught:
            Library.open(db)
        assert f"pid {dead}" not in str(caught.value)
        assert "(another program)" in str(caught.value)
    finally:
        os.kill(child, signal.SIGKILL)


def test_the_lock_file_note_is_optional_on_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the lock is a ``.lock`` file (not Linux), the pid written into it is a note:
    a full disk must not stop the library from opening."""
    monkeypatch.setattr(filelock, "_LOCK_ON_DATABASE", False)

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    db = tmp_path / "lib.sqlite"
    Library.open(db).close()
    monkeypatch.setattr(filelock.os, "write", full)
    with Library.open(db) as lib:
        assert lib.articles.list() == []


@pytest.mark.timeout(60)
@pytest.mark.parametrize("read_only", [False, True])
def test_a_fifo_as_the_library_is_refused_without_hanging(tmp_path: Path, read_only: bool) -> None:
    fifo = tmp_path / "lib.sqlite"
    os.mkfifo(fifo)
    with pytest.raises(LibraryFileError, match="not a regular file"):
        Library.open(fifo, read_only=read_only)


@pytest.mark.timeout(120)
def test_the_cli_refuses_a_db_that_is_a_fifo_or_a_device(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.sqlite"
    os.mkfifo(fifo)
    for db in (fifo, Path(os.devnull)):
        res = subprocess.run(
            [sys.executable, "-m", "monitor_desk", "--db", str(db), "list"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert res.returncode == 1
        assert res.stderr.strip().splitlines() == [
            f"monitor-desk: {db} is not a library file (it is not a regular file)."
        ]
    assert Path(os.devnull).is_char_device()
