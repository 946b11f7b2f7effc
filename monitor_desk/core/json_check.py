"""Checking a JSON export whole before anything of it is written.

``checked_export`` returns a clean copy of the document — every key present, types and
ranges right, every offset inside its text, text hashes recomputed — or raises one
``InvalidInputError`` naming the first bad field (``articles[2].highlights[0].start``).
The merge then never meets a value SQLite cannot take (an integer ≥ 2^63, a lone
surrogate, a nested list where text belongs), so a bad file writes nothing.
"""

from __future__ import annotations

from typing import Any, NoReturn

from .anchoring import text_sha256
from .article_dates import DATE_PRECISIONS, DATE_SOURCES, legacy_provenance
from .article_edits import EDITABLE
from .errors import InvalidInputError, MonitorDeskError
from .json_corrections import check_corrections
from .json_cues import check_cues
from .json_near import checked_link
from .json_rules import check_rules
from .outlet_links import check_links
from .tags import check_color, normalize_tag

INT64_MAX = 2**63 - 1
RELIABILITY = ("A", "B", "C", "D", "E", "F")
_MISSING = object()


def _show(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return "a number too large"
    kind = {dict: "an object", list: "a list", str: "text", bool: "true/false"}.get(type(value))
    if value is None:
        return "null"
    if kind in ("an object", "a list"):
        return str(kind)
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _fail(where: str, problem: str) -> NoReturn:
    # One printable line however odd the keys of a hand-edited file are.
    where = "".join(ch if ch.isprintable() else "?" for ch in where)
    where = where if len(where) <= 120 else where[:117] + "..."
    raise InvalidInputError(f"The export is malformed at {where}: {problem}; nothing was imported.")


def _get(obj: dict[str, Any], key: str, where: str, default: Any) -> Any:
    value = obj.get(key, _MISSING)
    if value is _MISSING:
        if default is _MISSING:
            _fail(f"{where}.{key}", "it is missing")
        return default
    return value


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        _fail(where, f"expected an object, found {_show(value)}")
    return value


def _list(obj: dict[str, Any], key: str, where: str, default: Any = _MISSING) -> list[Any]:
    value = _get(obj, key, where, default)
    if not isinstance(value, list):
        _fail(f"{where}.{key}", f"expected a list, found {_show(value)}")
    return value


def _text(value: Any, where: str, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        _fail(where, f"expected text, found {_show(value)}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        _fail(where, "the text has an unpaired surrogate (it is not valid Unicode)")
    return value


def _str(
    obj: dict[str, Any], key: str, where: str, default: Any = _MISSING, optional: bool = False
) -> Any:
    return _text(_get(obj, key, where, default), f"{where}.{key}", optional)


def _whole(value: Any, where: str, lo: int, hi: int, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        _fail(where, f"expected a whole number, found {_show(value)}")
    if not lo <= value <= hi:
        _fail(where, f"{_show(value)} is not within {lo}..{hi}")
    return value


def _int(
    obj: dict[str, Any],
    key: str,
    where: str,
    lo: int = 0,
    hi: int = INT64_MAX,
    default: Any = _MISSING,
    optional: bool = False,
) -> Any:
    return _whole(_get(obj, key, where, default), f"{where}.{key}", lo, hi, optional)


def _one_of(
    obj: dict[str, Any], key: str, where: str, allowed: tuple[Any, ...], default: Any
) -> Any:
    value = _get(obj, key, where, default)
    if value not in allowed or isinstance(value, bool):
        _fail(f"{where}.{key}", f"{_show(value)} is not one of {', '.join(map(str, allowed))}")
    return value


def _span(
    obj: dict[str, Any], keys: tuple[str, str], where: str, size: int, **kw: Any
) -> tuple[Any, Any]:
    """Two offsets ``start <= end`` inside a text of ``size`` code points."""
    start = _int(obj, keys[0], where, 0, size, **kw)
    end = _int(obj, keys[1], where, 0, size, **kw)
    if (start is None) != (end is None):
        _fail(f"{where}.{keys[0]}", "a span needs both its start and its end")
    if start is not None and start > end:
        _fail(f"{where}.{keys[1]}", f"the span {start}..{end} ends before it starts")
    return start, end


def _pair(value: Any, where: str, size: int, length: int) -> list[Any]:
    """``[start, end, …]`` inside the text, as entities, covers and quotes are stored."""
    if not isinstance(value, list) or len(value) != length:
        _fail(where, f"expected a list of {length} items, found {_show(value)}")
    start = _whole(value[0], f"{where}[0]", 0, size)
    end = _whole(value[1], f"{where}[1]", start, size)
    return [start, end, *(_text(v, f"{where}[{i}]") for i, v in enumerate(value[2:], 2))]


def _tag_name(value: Any, where: str) -> str:
    try:
        return normalize_tag(_text(value, where))
    except MonitorDeskError:
        _fail(where, f"{_show(value)} is not a tag name")


def _color(obj: dict[str, Any], key: str, where: str) -> str | None:
    value = _str(obj, key, where, None, optional=True)
    try:
        return check_color(value)
    except MonitorDeskError:
        _fail(f"{where}.{key}", f"{_show(value)} is not a colour (#rrggbb)")


def _citation(c: Any, where: str, size: int) -> dict[str, Any]:
    c = _object(c, where)
    start, end = _span(c, ("start", "end"), where, size)
    items = []
    for i, it in enumerate(_list(c, "items", where, [])):
        w = f"{where}.items[{i}]"
        it = _object(it, w)
        item = {k: _str(it, k, w, None, optional=True)
                for k in ("outlet_text", "date_text", "date_start", "date_end")}  # fmt: skip
        item["outlet"] = _str(it, "outlet", w)
        if not item["outlet"].strip():
            _fail(f"{w}.outlet", "an outlet needs a name")
        items.append(item)
    covers = [_pair(v, f"{where}.covers[{i}]", size, 2)
              for i, v in enumerate(_list(c, "covers", where, []))]  # fmt: skip
    return {"idx": _int(c, "idx", where), "start": start, "end": end,
            "text": _str(c, "text", where), "covers": covers, "items": items}  # fmt: skip


def _claim(cl: Any, where: str, size: int, citations: set[int]) -> dict[str, Any]:
    cl = _object(cl, where)
    out: dict[str, Any] = {}
    out["speaker_start"], out["speaker_end"] = _span(
        cl, ("speaker_start", "speaker_end"), where, size, default=None, optional=True
    )
    out["cue_start"], out["cue_end"] = _span(cl, ("cue_start", "cue_end"), where, size)
    out["content_start"], out["content_end"] = _span(
        cl, ("content_start", "content_end"), where, size
    )
    for key in ("speaker_text", "speaker_name"):
        out[key] = _str(cl, key, where, None, optional=True)
    out["cue_text"] = _str(cl, "cue_text", where)
    out["content_text"] = _str(cl, "content_text", where)
    out["kind"] = _one_of(cl, "kind", where, ("direct", "indirect", "mixed"), _MISSING)
    out["credibility"] = _int(cl, "credibility", where, 1, 6, default=None, optional=True)
    out["origin"] = _one_of(cl, "origin", where, ("auto", "user"), "auto")
    out["confidence"] = _confidence(cl, where)
    # An orphan (the analyst's claim whose words left the text) and an edited extracted
    # claim must come back as such, or the next re-analysis replaces the analyst's work.
    out["status"] = _one_of(cl, "status", where, ("anchored", "orphan"), "anchored")
    out["edited"] = _int(cl, "edited", where, 0, 1, default=0)
    out["extracted_key"] = _str(cl, "extracted_key", where, None, optional=True)
    out["quotes"] = [_pair(q, f"{where}.quotes[{i}]", size, 3)
                     for i, q in enumerate(_list(cl, "quotes", where, []))]  # fmt: skip
    out["citation"] = _int(cl, "citation", where, default=None, optional=True)
    if out["citation"] is not None and out["citation"] not in citations:
        _fail(f"{where}.citation", f"there is no citation {out['citation']} in this revision")
    return out


def _confidence(cl: dict[str, Any], where: str) -> float | None:
    """An extracted claim's confidence: a number 0–1, or absent/null (not scored)."""
    value = _get(cl, "confidence", where, None)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        _fail(f"{where}.confidence", f"expected a number 0..1 or null, found {_show(value)}")
    return float(value)


def _page_starts(starts: list[Any], where: str, size: int) -> list[int]:
    """A PDF's page starts: offsets into the text, in order."""
    for i, start in enumerate(starts):
        if isinstance(start, bool) or not isinstance(start, int) or not 0 <= start <= size:
            _fail(
                f"{where}.page_starts[{i}]", f"expected an offset 0..{size}, found {_show(start)}"
            )
        if i and start < starts[i - 1]:
            _fail(f"{where}.page_starts[{i}]", "page starts must not go backwards")
    return starts


def _revision(rev: Any, where: str) -> dict[str, Any]:
    rev = _object(rev, where)
    text = _str(rev, "text", where)
    size = len(text)
    out: dict[str, Any] = {
        "number": _int(rev, "number", where, 1),
        "text": text,
        "body_start": _int(rev, "body_start", where, 0, size, default=0),
        # Recomputed: revisions are matched by this hash, so it must be the text's own.
        "text_sha256": text_sha256(text),
        "created": _str(rev, "created", where, ""),
    }
    for key in ("encoding", "pipeline_name", "pipeline_version", "analyzed"):
        out[key] = _str(rev, key, where, None, optional=True)
    out["page_starts"] = _page_starts(_list(rev, "page_starts", where, []), where, size)
    out["entities"] = [
        _pair(e, f"{where}.entities[{i}]", size, 5)
        for i, e in enumerate(_list(rev, "entities", where, []))
    ]
    out["citations"] = [
        _citation(c, f"{where}.citations[{i}]", size)
        for i, c in enumerate(_list(rev, "citations", where, []))
    ]
    idxs = [c["idx"] for c in out["citations"]]
    if len(set(idxs)) != len(idxs):
        _fail(f"{where}.citations", "two citations have the same idx")
    out["claims"] = [
        _claim(cl, f"{where}.claims[{i}]", size, set(idxs))
        for i, cl in enumerate(_list(rev, "claims", where, []))
    ]
    return out


def _highlight(h: Any, where: str, texts: dict[int, str]) -> dict[str, Any]:
    h = _object(h, where)
    revision = _int(h, "revision", where, 1)
    if revision not in texts:
        _fail(f"{where}.revision", f"the article has no revision {revision}")
    start, end = _span(h, ("start", "end"), where, len(texts[revision]))
    if start == end:
        _fail(f"{where}.end", "a highlight must cover some text")
    out: dict[str, Any] = {"revision": revision, "start": start, "end": end}
    out["exact"] = _str(h, "exact", where)
    for key in ("prefix", "suffix", "note"):
        out[key] = _str(h, key, where, "")
    out["text_sha256"] = _str(h, "text_sha256", where, "")
    out["color"] = _color(h, "color", where)
    out["status"] = _one_of(h, "status", where, ("anchored", "orphan"), "anchored")
    out["created"] = _str(h, "created", where)
    out["modified"] = _str(h, "modified", where, out["created"])
    out["tags"] = [_tag_name(t, f"{where}.tags[{i}]")
                   for i, t in enumerate(_list(h, "tags", where, []))]  # fmt: skip
    return out


def checked_details(art: dict[str, Any], where: str, date: str | None) -> dict[str, Any]:
    """Where the date came from, its precision and the fields the analyst set; exports
    made before these existed say nothing, and their dates came from the files."""
    source, precision = legacy_provenance(date)
    if "date_source" in art or "date_precision" in art:
        source = _one_of(art, "date_source", where, (None, *DATE_SOURCES), None)
        precision = _one_of(art, "date_precision", where, (None, *DATE_PRECISIONS), None)
    fields = _list(art, "analyst_fields", where, [])
    for i, name in enumerate(fields):
        if name not in EDITABLE:
            _fail(f"{where}.analyst_fields[{i}]", f"{_show(name)} is not an article field")
    return {"date_source": source, "date_precision": precision, "analyst_fields": fields}


def _article(art: Any, where: str) -> dict[str, Any]:
    art = _object(art, where)
    out: dict[str, Any] = {"source_path": _str(art, "source_path", where, None, optional=True)}
    out["title"] = _str(art, "title", where)
    for key in ("publication", "volume", "issue", "date", "author"):
        out[key] = _str(art, key, where, None, optional=True)
    out.update(checked_details(art, where, out["date"]))
    out["date_rule"] = _str(art, "date_rule", where, None, optional=True)
    out["language"] = _str(art, "language", where, None, optional=True)
    out["language_override"] = _one_of(art, "language_override", where, (None, "en", "ru"), None)
    out["imported"] = _str(art, "imported", where, "")
    out["modified"] = _str(art, "modified", where, out["imported"])
    metadata = _object(_get(art, "metadata", where, {}), f"{where}.metadata")
    out["metadata"] = {k: _text(v, f"{where}.metadata.{k}") for k, v in metadata.items()}
    out["current_revision"] = _int(art, "current_revision", where, default=None, optional=True)
    revisions = _list(art, "revisions", where)
    if not revisions:
        _fail(f"{where}.revisions", "an article needs its text (at least one revision)")
    out["revisions"] = [_revision(r, f"{where}.revisions[{i}]") for i, r in enumerate(revisions)]
    texts = {r["number"]: r["text"] for r in out["revisions"]}
    if len(texts) != len(out["revisions"]):
        _fail(f"{where}.revisions", "two revisions have the same number")
    out["highlights"] = [
        _highlight(h, f"{where}.highlights[{i}]", texts)
        for i, h in enumerate(_list(art, "highlights", where, []))
    ]
    out["near_duplicate_of"] = checked_link(art, where)
    return out


def checked_export(doc: Any, format_name: str, format_version: int) -> dict[str, Any]:
    """A clean copy of ``doc``, or ``InvalidInputError`` naming the first bad field."""
    if not isinstance(doc, dict) or doc.get("format") != format_name:
        raise InvalidInputError("This is not a Monitor Desk library export (no format marker).")
    version = doc.get("version", 0)
    if not isinstance(version, int) or isinstance(version, bool):
        raise InvalidInputError(f"This export's format version {_show(version)} is not a number.")
    if version > format_version:
        raise InvalidInputError(
            f"This export was written by a newer Monitor Desk (format {_show(version)})."
        )
    tags = []
    for i, t in enumerate(_list(doc, "tags", "export", [])):
        w = f"tags[{i}]"
        t = _object(t, w)
        tags.append({"name": _tag_name(_get(t, "name", w, _MISSING), f"{w}.name"),
                     "color": _color(t, "color", w),
                     "created": _str(t, "created", w, None, optional=True) or ""})  # fmt: skip
    outlets = []
    for i, o in enumerate(_list(doc, "outlets", "export", [])):
        w = f"outlets[{i}]"
        o = _object(o, w)
        name = _str(o, "name", w)
        if not name.strip():
            _fail(f"{w}.name", "an outlet needs a name")
        reliability = _one_of(o, "reliability", w, (None, *RELIABILITY), None)
        outlets.append({"name": name, "reliability": reliability})
    articles = [
        _article(a, f"articles[{i}]") for i, a in enumerate(_list(doc, "articles", "export", []))
    ]
    return {"format": format_name, "version": version, "tags": tags, "outlets": outlets,
            "corrections": check_corrections(doc), "publication_rules": check_rules(doc),
            "taught_cues": check_cues(doc), "outlet_links": check_links(doc.get("outlet_links")),
            "articles": articles}  # fmt: skip
