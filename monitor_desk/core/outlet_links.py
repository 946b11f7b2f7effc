"""The analyst's word that one cited outlet is another ("Новые Известия" is "Novye
Izvestia"): kept in ``outlet_aliases`` (schema step 0020) and followed by every later
analysis (``analysis_store.outlet_id``); shared by ``Sources`` and the JSON merge."""

from __future__ import annotations

from sqlite_utils import Database

from .analysis_store import outlet_id
from .db import utc_now
from .errors import InvalidInputError, NotFoundError

_CITING = """SELECT DISTINCT a.id FROM citation_items ci
    JOIN citations c ON c.id = ci.citation_id
    JOIN articles a ON a.current_revision_id = c.revision_id"""


def link_outlet(db: Database, outlet: str, same_as: str, must_exist: bool = True) -> list[int]:
    """``outlet`` is ``same_as``: its citations move there (its grade too, if ``same_as``
    has none). Callers hold the transaction. The articles whose citations moved."""
    same_as = " ".join(same_as.split())
    if not same_as or same_as.casefold() == outlet.casefold():
        raise InvalidInputError("Link an outlet to another outlet's name.")
    row = db.execute("SELECT id, reliability FROM outlets WHERE name = ?", [outlet]).fetchone()
    if row is None and must_exist:
        raise NotFoundError(f"There is no outlet {outlet!r}.")
    moved: list[int] = []
    if row is not None:
        source, grade = row
        moved = [r[0] for r in db.execute(f"{_CITING} WHERE ci.outlet_id = ?", [source])]
        target = outlet_id(db, same_as)
        db.execute("UPDATE citation_items SET outlet_id = ? WHERE outlet_id = ?", [target, source])
        db.execute(
            "UPDATE outlets SET reliability = coalesce(reliability, ?) WHERE id = ?",
            [grade, target],
        )
        db.execute("DELETE FROM outlets WHERE id = ?", [source])
    # "A is B" then "B is C": A is C too
    db.execute("UPDATE outlet_aliases SET outlet = ? WHERE outlet = ?", [same_as, outlet])
    db.execute(
        "INSERT OR REPLACE INTO outlet_aliases(name, outlet, created) VALUES (?, ?, ?)",
        [outlet, same_as, utc_now()],
    )
    return moved


def unlink_outlet(db: Database, outlet: str) -> list[int]:
    """Take back ``link_outlet``: the citations that name ``outlet`` are its own again.
    The articles whose citations moved."""
    from .nlp.citations import normalize_outlet

    row = db.execute("SELECT outlet FROM outlet_aliases WHERE name = ?", [outlet]).fetchone()
    if row is None:
        raise NotFoundError(f"{outlet!r} is not linked to another outlet.")
    db.execute("DELETE FROM outlet_aliases WHERE name = ?", [outlet])
    own = outlet_id(db, outlet)
    items = db.execute(
        """SELECT ci.id, ci.outlet_text FROM citation_items ci
           JOIN outlets o ON o.id = ci.outlet_id WHERE o.name = ?""",
        [row[0]],
    ).fetchall()
    mine = [
        (own, item_id)
        for item_id, written in items
        if written and normalize_outlet(written).casefold() == outlet.casefold()
    ]
    db.conn.executemany("UPDATE citation_items SET outlet_id = ? WHERE id = ?", mine)
    return [r[0] for r in db.execute(f"{_CITING} WHERE ci.outlet_id = ?", [own])]


def outlet_links(db: Database) -> dict[str, str]:
    """Every outlet linked to another: its name → the other's."""
    rows = db.execute("SELECT name, outlet FROM outlet_aliases ORDER BY name")
    return {name: same_as for name, same_as in rows}


def check_links(raw: object) -> dict[str, str]:
    """A JSON export's ``outlet_links`` (exports made before links existed have none)."""
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip()
        for k, v in raw.items()
    ):
        raise InvalidInputError("outlet_links: expected an object of outlet names.")
    return dict(raw)


def merge_outlet_links(db: Database, links: dict[str, str]) -> None:
    """Add the links this library lacks (its own link for an outlet wins)."""
    have = outlet_links(db)
    for outlet, same_as in links.items():
        if outlet not in have and outlet.casefold() != same_as.casefold():
            link_outlet(db, outlet, same_as, must_exist=False)
