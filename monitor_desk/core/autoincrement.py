"""Give tables ``AUTOINCREMENT`` ids, so the id of a deleted row is never handed out again.

Without it SQLite gives a new row ``max(id) + 1``: delete the newest highlight, import a JSON
export, and an imported highlight gets the deleted one's id — an undo then takes it for the
deleted highlight. SQLite cannot add ``AUTOINCREMENT`` to an existing table (nor can
``Table.transform()``, which only keeps it), so the table is rebuilt the way SQLite documents
(https://sqlite.org/lang_altertable.html#otheralter): foreign keys off, new table, copy,
drop, rename, indexes and triggers back, ``foreign_key_check``, all in one transaction.
"""

from __future__ import annotations

import re
import sqlite3

from sqlite_utils import Database

_ID_COLUMN = re.compile(r"\bid\s+INTEGER\s+PRIMARY\s+KEY\b(?!\s+AUTOINCREMENT)", re.IGNORECASE)


def has_autoincrement(db: Database, table: str) -> bool:
    row = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
    ).fetchone()
    if row is None:
        raise ValueError(f"there is no table {table!r}")
    return "AUTOINCREMENT" in row[0].upper()


def add_autoincrement(db: Database, tables: list[str]) -> None:
    """Rebuild each of ``tables`` (an ``id INTEGER PRIMARY KEY`` table) with ``AUTOINCREMENT``,
    rows, indexes and triggers unchanged; tables that have it already are left alone, so a
    step killed after its commit and before its record runs again harmlessly.

    Must be called outside a transaction: ``PRAGMA foreign_keys`` can only be switched off
    there, and with it on, dropping the old table would cascade-delete the rows that refer
    to it (a highlight's tags).
    """
    todo = [t for t in tables if not has_autoincrement(db, t)]
    if not todo:
        return
    conn = db.conn
    if conn.in_transaction:
        raise RuntimeError("add_autoincrement() must run outside a transaction")
    fks_were_on = bool(conn.execute("PRAGMA foreign_keys").fetchone()[0])
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        if conn.execute("PRAGMA foreign_keys").fetchone()[0]:
            raise RuntimeError("foreign keys could not be switched off for the rebuild")
        with db.atomic():
            for table in todo:
                _rebuild(db, table)
            if conn.execute("PRAGMA foreign_key_check").fetchall():
                raise sqlite3.IntegrityError("FOREIGN KEY constraint failed after a rebuild")
    finally:
        if fks_were_on:
            conn.execute("PRAGMA foreign_keys = ON")


def _rebuild(db: Database, table: str) -> None:
    create_sql = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
    ).fetchone()[0]
    # Indexes and triggers go with the old table; their SQL puts them back on the new one.
    extras = [
        r[0]
        for r in db.execute(
            """SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger')
               AND sql IS NOT NULL ORDER BY type, name""",
            [table],
        )
    ]
    new_name = f"_{table}_autoincrement"
    new_sql, found = _ID_COLUMN.subn("id INTEGER PRIMARY KEY AUTOINCREMENT", create_sql, count=1)
    if found != 1:
        raise ValueError(f"{table!r} has no 'id INTEGER PRIMARY KEY' column")
    new_sql, named = re.subn(
        rf'^\s*CREATE\s+TABLE\s+"?{re.escape(table)}"?',
        f'CREATE TABLE "{new_name}"',
        new_sql,
        count=1,
        flags=re.IGNORECASE,
    )
    if named != 1:
        raise ValueError(f"cannot read the definition of {table!r}")
    legacy = db.execute("PRAGMA legacy_alter_table").fetchone()[0]
    db.execute(new_sql)
    # Same definition, same column order: SELECT * copies every row with its id, and the
    # new table's sequence starts at the highest id.
    db.execute(f'INSERT INTO "{new_name}" SELECT * FROM "{table}"')
    db.execute(f'DROP TABLE "{table}"')
    # Legacy renaming leaves other tables' references to ``table`` as written: they name the
    # rebuilt table once it has the old name.
    db.execute("PRAGMA legacy_alter_table = ON")
    db.execute(f'ALTER TABLE "{new_name}" RENAME TO "{table}"')
    db.execute(f"PRAGMA legacy_alter_table = {int(legacy)}")
    for sql in extras:
        db.execute(sql)
