"""Publication rules: the analyst tells the library once how a publication numbers its
volumes ("*Monitor*: volume 1 = 1995, daily"), and every article of it that has no year gets
one from its volume (``lib.rules``).

How a rule ranks among the date's sources (core/article_dates.py): it never overrides a date
from the file's header or metadata, a date the analyst edited, or a dateline or citation
date that has its own year. It gives a year to what has none:

- a dateline or a citations' lower bound without its year (``--09-26``) becomes that day of
  the volume's year (``1999-09-26``, still "on or after" for citations); ``date_source``
  stays ``dateline`` / ``citations``: the day came from there;
- an article with no date at all gets the volume's year (precision ``year``; ``month`` when
  a monthly publication's issue 1–12 names the month), ``date_source = analyst``: the year
  is the analyst's statement, made through the rule.

``articles.date_rule`` names the rule that took part, so a changed or removed rule takes
back exactly what it gave; an analyst's edit of the date clears it. Volumes are taken as
calendar years (volume ``v`` is year ``year + v - volume``); daily and weekly issue numbers
do not name a day (publications skip days), so they give no more than the year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlite_utils import Database

from .article_dates import INFERRED
from .changes import Changes, Counted
from .connection import Component
from .db import utc_now
from .errors import InvalidInputError, NotFoundError
from .sql import chunks, in_clause

Cadence = Literal["daily", "weekly", "monthly"]
CADENCES: tuple[Cadence, ...] = ("daily", "weekly", "monthly")


@dataclass(frozen=True, slots=True)
class PublicationRule:
    """Volume ``volume`` of ``publication`` is the year ``year``; issues come ``cadence``."""

    publication: str
    volume: int
    year: int
    cadence: Cadence | None = None

    def year_of(self, volume: str | None) -> int | None:
        """The year of a volume as an article states it (``"5"`` → 1999), or None."""
        text = (volume or "").strip()
        if not text.isdigit():
            return None
        year = self.year + int(text) - self.volume
        return year if 1 <= year <= 9999 else None

    def describe(self) -> str:
        cadence = f", {self.cadence}" if self.cadence else ""
        return f"{self.publication}: volume {self.volume} = {self.year}{cadence}"


def checked_rule(
    publication: str, volume: Any, year: Any, cadence: str | None = None
) -> PublicationRule:
    """A rule from what the analyst typed, or ``InvalidInputError`` saying what is wrong."""
    name = (publication or "").strip()
    if not name:
        raise InvalidInputError("a publication rule needs the publication's name")
    try:
        vol, yr = int(volume), int(year)
    except (TypeError, ValueError):
        raise InvalidInputError(
            f"volume and year must be whole numbers (got {volume!r} and {year!r})"
        ) from None
    if vol < 0:
        raise InvalidInputError(f"a volume number cannot be negative (got {vol})")
    if not 1 <= yr <= 9999:
        raise InvalidInputError(f"not a year: {yr} (write a year such as 1995)")
    if cadence is not None and cadence not in CADENCES:
        raise InvalidInputError(f"cadence must be one of {', '.join(CADENCES)} (got {cadence!r})")
    return PublicationRule(name, vol, yr, cadence)


Dated = tuple[str | None, str | None, str | None]  # date, date_source, date_precision


def evidence(
    date: str | None, source: str | None, precision: str | None, rule: str | None
) -> Dated:
    """The date as the article's own evidence gives it: what a rule added taken back."""
    if rule is None or not date:
        return date, source, precision
    if source == "analyst":
        return None, None, None  # the rule alone dated it
    if source in INFERRED and len(date) >= 10:
        return "--" + date[5:10], source, precision  # the year was the rule's
    return date, source, precision


def with_rule(
    found: Dated, rule: PublicationRule | None, volume: str | None, issue: str | None
) -> tuple[str | None, str | None, str | None, str | None]:
    """``found`` (the evidence) with the rule's year where it has none; the last value is
    the rule's publication when the rule took part."""
    date, source, precision = found
    year = rule.year_of(volume) if rule is not None else None
    if rule is None or year is None:
        return date, source, precision, None
    if not date:
        month = (issue or "").strip()
        if rule.cadence == "monthly" and month.isdigit() and 1 <= int(month) <= 12:
            return f"{year:04d}-{int(month):02d}", "analyst", "month", rule.publication
        return f"{year:04d}", "analyst", "year", rule.publication
    if source in INFERRED and date.startswith("--"):
        try:
            dt.date(year, int(date[2:4]), int(date[5:7]))
        except ValueError:
            return date, source, precision, None  # Feb 29 of a year without one
        return f"{year:04d}{date[1:]}", source, precision, rule.publication
    return date, source, precision, None


def rule_for(db: Database, publication: str | None) -> PublicationRule | None:
    if not publication:
        return None
    row = db.execute(
        "SELECT publication, volume, year, cadence FROM publication_rules WHERE publication = ?",
        [publication.strip()],
    ).fetchone()
    return PublicationRule(*row) if row else None


_ROWS = """SELECT id, publication, volume, issue, date, date_source, date_precision, date_rule,
                  analyst_fields FROM articles"""


def _redate(db: Database, rows: Iterable[tuple[Any, ...]]) -> list[int]:
    """Apply the rules to these article rows; returns the ids whose date changed."""
    rules: dict[str, PublicationRule | None] = {}
    updates: list[tuple[Any, ...]] = []
    for aid, pub, volume, issue, date, source, precision, used, fields in rows:
        if '"date"' in (fields or ""):
            continue  # the analyst's own date: no rule touches it
        key = (pub or "").strip().casefold()
        if key not in rules:
            rules[key] = rule_for(db, pub)
        new = with_rule(evidence(date, source, precision, used), rules[key], volume, issue)
        if new != (date, source, precision, used):
            updates.append((*new, aid))
    db.conn.executemany(
        """UPDATE articles SET date = ?, date_source = ?, date_precision = ?, date_rule = ?
           WHERE id = ?""",
        updates,
    )
    return [u[-1] for u in updates]


def apply_rules(db: Database, article_ids: Sequence[int]) -> list[int]:
    """After an import or an analysis wrote these articles' dates: the rules' years."""
    changed: list[int] = []
    for chunk in chunks(list(article_ids)):
        rows = db.execute(f"{_ROWS} WHERE id IN {in_clause(chunk)}", chunk).fetchall()
        changed += _redate(db, rows)
    return changed


def apply_publication(db: Database, publication: str) -> list[int]:
    """After a rule of ``publication`` was set, changed or removed: its articles again
    (and any article a rule of that name had dated, should its publication have changed)."""
    rows = db.execute(
        f"{_ROWS} WHERE publication = ? COLLATE NOCASE OR date_rule = ? COLLATE NOCASE",
        [publication.strip(), publication.strip()],
    ).fetchall()
    return _redate(db, rows)


def all_rules(db: Database) -> list[PublicationRule]:
    return [
        PublicationRule(*r)
        for r in db.execute(
            "SELECT publication, volume, year, cadence FROM publication_rules "
            "ORDER BY publication COLLATE NOCASE"
        )
    ]


def store_rule(db: Database, rule: PublicationRule, created: str | None = None) -> None:
    db.execute(
        """INSERT INTO publication_rules(publication, volume, year, cadence, created)
           VALUES (?, ?, ?, ?, ?) ON CONFLICT(publication) DO UPDATE SET
           publication = excluded.publication, volume = excluded.volume,
           year = excluded.year, cadence = excluded.cadence""",
        [rule.publication, rule.volume, rule.year, rule.cadence, created or utc_now()],
    )


class PublicationRules(Component):
    """``lib.rules``: the publication rules, set once and applied to every article."""

    def list(self) -> list[PublicationRule]:
        with self._connection.reading() as db:
            return all_rules(db)

    def get(self, publication: str) -> PublicationRule | None:
        with self._connection.reading() as db:
            return rule_for(db, publication)

    def set(self, publication: str, volume: Any, year: Any, cadence: str | None = None) -> Counted:
        """Set (or replace) a publication's rule and date its articles by it; the count is
        of the articles whose date changed."""
        rule = checked_rule(publication, volume, year, cadence)
        with self._connection.writing() as db:
            store_rule(db, rule)
            changed = apply_publication(db, rule.publication)
        return Counted(len(changed), Changes.of(articles=changed, library=True, details=changed))

    def remove(self, publication: str) -> Counted:
        """Remove a publication's rule and take back the years it gave."""
        with self._connection.writing() as db:
            gone = db.execute(
                "DELETE FROM publication_rules WHERE publication = ?", [publication.strip()]
            ).rowcount
            if not gone:
                raise NotFoundError(f"There is no publication rule for {publication!r}.")
            changed = apply_publication(db, publication)
        return Counted(len(changed), Changes.of(articles=changed, library=True, details=changed))

    def restore(self, publication: str, rule: PublicationRule | None) -> Changes:
        """Put a publication's rule back as it was (None: no rule), for undo."""
        with self._connection.writing() as db:
            db.execute("DELETE FROM publication_rules WHERE publication = ?", [publication])
            if rule is not None:
                store_rule(db, rule)
            changed = apply_publication(db, publication)
        return Changes.of(articles=changed, library=True, details=changed)
