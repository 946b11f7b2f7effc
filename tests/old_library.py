"""A library as an older Monitor Desk left it: the schema before a given step, with
``count`` articles (text, revision, search row), for the upgrade tests (CLI, GUI, kill)."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from monitor_desk.core.schema import migrations

RUSSIAN = "Премьер-министр Дмитрий Медведев заявил, что переговоры продолжатся."


def brief(i: int) -> tuple[str, str]:
    """The title and body of article ``i``: English, with a Russian sentence in every one."""
    title = f"Brief {i} on the border talks"
    body = (
        f"Officials in Riga met on day {i} to discuss the border. "
        f"The ministers said the talks would resume in brief {i}.\n\n{RUSSIAN}\n"
    )
    return title, body


def old_library(path: Path, before: str, count: int) -> None:
    """Write ``path`` at the schema before step ``before`` with ``count`` articles."""
    db = Database(path)
    migrations.apply(db, stop_before=before)
    version = next(i for i, m in enumerate(migrations._migrations) if m.name == before)
    db.execute(f"PRAGMA user_version = {version}")
    stamp = "2020-01-01T00:00:00Z"
    with db.atomic():
        for i in range(1, count + 1):
            title, body = brief(i)
            text = f"{title}\n\n{body}"
            db.execute(
                """INSERT INTO articles(id, source_path, title, metadata_json,
                   current_revision_id, imported, modified)
                   VALUES (?, ?, ?, '{}', ?, ?, ?)""",
                [i, f"/briefs/{i}.txt", title, i, stamp, stamp],
            )
            db.execute(
                """INSERT INTO revisions(id, article_id, number, text, body_start, text_sha256,
                   encoding, created) VALUES (?, ?, 1, ?, ?, ?, 'utf-8', ?)""",
                [i, i, text, len(title) + 2, f"sha-{i}", stamp],
            )
            db.execute(
                "INSERT INTO search_fts(rowid, article_id, title, body) VALUES (?, ?, ?, ?)",
                [i * 4, i, title, body],
            )
    db.close()
