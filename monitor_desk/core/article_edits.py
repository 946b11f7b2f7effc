"""The analyst's edits of an article's details (title, date, publication, volume, issue,
author), one article or many: ``lib.details``.

An edited field is remembered in ``articles.analyst_fields`` so that a re-import of a
revised file or a re-analysis never overwrites it; an edited date has ``date_source =
analyst``. ``snapshot`` / ``restore`` give the GUI's undo an exact way back (``language_snapshot``
for a language choice, which ``Library.restore_language`` puts back and analyses again).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from .article_dates import parse_date
from .changes import Changes
from .connection import Component
from .db import utc_now
from .errors import InvalidInputError, NotFoundError
from .nlp.language import AUTO, OVERRIDE_KEY, OVERRIDES
from .publication_rules import apply_rules
from .search import set_title
from .sql import chunks, in_clause

METADATA_WITH_LANGUAGE = (
    "CASE WHEN a.language_override IS NULL THEN a.metadata_json ELSE "
    f"json_set(a.metadata_json, '$.\"{OVERRIDE_KEY}\"', a.language_override) END"
)
"""An article's metadata as its analysis is given it: with the analyst's language, if set
(``nlp.language.override_of`` reads it)."""
EDITABLE = ("title", "date", "publication", "volume", "issue", "author")
_DATE_COLUMNS = ("date", "date_source", "date_precision", "date_rule")


def analyst_fields(db: Database, article_id: int) -> set[str]:
    row = db.execute("SELECT analyst_fields FROM articles WHERE id = ?", [article_id]).fetchone()
    return set(json.loads(row[0])) if row else set()


def without_analyst_fields(
    db: Database, article_id: int, values: Mapping[str, Any]
) -> dict[str, Any]:
    """``values`` (a file's metadata) less the fields the analyst set: those win."""
    kept = analyst_fields(db, article_id)
    if "date" in kept:
        kept.update(_DATE_COLUMNS)
    return {k: v for k, v in values.items() if k not in kept}


@dataclass(frozen=True, slots=True)
class DetailsSnapshot:
    """Everything an edit may change on one article, to put it back exactly."""

    article_id: int
    values: tuple[tuple[str, Any], ...]


_SNAPSHOT_COLUMNS = (*EDITABLE, "date_source", "date_precision", "date_rule", "analyst_fields")


def _checked(fields: Mapping[str, str | None]) -> dict[str, Any]:
    """Column values for the given fields (None: not edited; "" clears a field)."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise InvalidInputError(f"not an article field: {', '.join(sorted(unknown))}")
    values: dict[str, Any] = {}
    for name, raw in fields.items():
        if raw is None:
            continue
        text = raw.strip()
        if name == "title" and not text:
            raise InvalidInputError("an article needs a title: the new title is empty")
        if name == "date":
            if not text:
                values.update(date=None, date_source=None, date_precision=None, date_rule=None)
                continue
            found = parse_date(text)
            if found is None:
                raise InvalidInputError(
                    f"not a date: {raw!r} (write YYYY-MM-DD, YYYY-MM, YYYY, "
                    "'26 September 1999' or '>= 1999-09-26' for 'on or after')"
                )
            values.update(
                date=found[0], date_source="analyst", date_precision=found[1], date_rule=None
            )
            continue
        values[name] = text or None
    return values


class ArticleDetails(Component):
    """``lib.details``: edit the details of one article or many at once."""

    def edit(self, article_ids: Sequence[int], **fields: str | None) -> Changes:
        """Set each given field on every article; ``""`` clears a field (a cleared date
        may be inferred again at the next import or analysis). Raises ``NotFoundError``
        naming ids that are not articles, ``InvalidInputError`` for a bad value; nothing is
        written then."""
        values = _checked(fields)
        ids = list(dict.fromkeys(article_ids))
        if not values or not ids:
            return Changes()
        edited = {k for k in values if k in EDITABLE}
        with self._connection.writing() as db:
            self._require(db, ids)
            for article_id in ids:
                marked = analyst_fields(db, article_id)
                marked |= edited
                if "date" in edited and values["date"] is None:
                    marked.discard("date")  # no date: let the file or its citations say
                row = {**values, "analyst_fields": json.dumps(sorted(marked)), "id": article_id}
                self._update(db, row)
            if "date" in edited and values["date"] is None or {"publication", "volume"} & edited:
                apply_rules(db, ids)  # a cleared date, or another volume: the rules' year
        return Changes.of(articles=ids, details=ids)

    def set_language(self, article_ids: Sequence[int], language: str) -> Changes:
        """Set the articles' language (``en``, ``ru``) or let it be detected (``auto``).
        Only the choice is written: ``Library.set_language`` also analyses them again."""
        language = language.strip().lower()
        if language not in (*sorted(OVERRIDES), AUTO):
            raise InvalidInputError(
                f"not a language Monitor Desk analyses: {language!r} (give en, ru or auto)"
            )
        ids = list(dict.fromkeys(article_ids))
        with self._connection.writing() as db:
            self._require(db, ids)
            for chunk in chunks(ids):
                db.execute(
                    f"UPDATE articles SET language_override = ?, modified = ? "
                    f"WHERE id IN {in_clause(chunk)}",
                    [None if language == AUTO else language, utc_now(), *chunk],
                )
        return Changes.of(articles=ids, details=ids)

    def snapshot(self, article_ids: Sequence[int]) -> list[DetailsSnapshot]:
        """What ``restore`` needs to undo an edit of these articles."""
        return self._snapshot(article_ids, _SNAPSHOT_COLUMNS)

    def language_snapshot(self, article_ids: Sequence[int]) -> list[DetailsSnapshot]:
        """The analyst's language choices of these articles (None: detected), for
        ``Library.restore_language`` to undo ``set_language``."""
        return self._snapshot(article_ids, ("language_override",))

    def _snapshot(
        self, article_ids: Sequence[int], columns: tuple[str, ...]
    ) -> list[DetailsSnapshot]:
        out: list[DetailsSnapshot] = []
        cols = ", ".join(columns)
        with self._connection.reading() as db:
            for chunk in chunks(list(article_ids)):
                for row in db.execute(
                    f"SELECT id, {cols} FROM articles WHERE id IN {in_clause(chunk)}", chunk
                ):
                    out.append(DetailsSnapshot(row[0], tuple(zip(columns, row[1:], strict=True))))
        return out

    def restore(self, snapshots: Sequence[DetailsSnapshot]) -> Changes:
        """Put the details back as they were (articles since deleted are passed over)."""
        with self._connection.writing() as db:
            for snap in snapshots:
                self._update(db, {**dict(snap.values), "id": snap.article_id})
        ids = [s.article_id for s in snapshots]
        return Changes.of(articles=ids, details=ids)

    @staticmethod
    def _require(db: Database, ids: list[int]) -> None:
        found: set[int] = set()
        for chunk in chunks(ids):
            found.update(
                r[0]
                for r in db.execute(
                    f"SELECT id FROM articles WHERE id IN {in_clause(chunk)}", chunk
                )
            )
        missing = [str(i) for i in ids if i not in found]
        if missing:
            raise NotFoundError(f"There is no article {', '.join(missing)}.")

    @staticmethod
    def _update(db: Database, row: dict[str, Any]) -> None:
        sets = ", ".join(f"{k} = :{k}" for k in row if k != "id")
        db.execute(
            f"UPDATE articles SET {sets}, modified = :now WHERE id = :id", {**row, "now": utc_now()}
        )
        if "title" in row:  # the article's own search row carries its title
            set_title(db, row["id"])
