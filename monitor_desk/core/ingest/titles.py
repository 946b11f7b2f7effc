"""Choose an article's title when the header does not give one."""

from __future__ import annotations

import re

MAX_TITLE_CHARS = 100
_HEADLINE_MAX_CHARS = 150
_ALL_CAPS_MAX_CHARS = 200
_UNTITLED = "Untitled"
# A sentence ends at . ! ? or … followed by space and an upper-case letter, a quote or a
# digit — not after an initial ("J. Smith") or a common abbreviation ("Mr. Ivanov").
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”»)]?\s+(?=[\"'“«(]?[^\W_a-zа-я])")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_ABBREVIATIONS = frozenset(
    ("mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "jr", "sr", "prof", "rep", "sen")
    + ("gov", "inc", "co", "corp", "ltd", "no", "vol", "jan", "feb", "mar", "apr", "jun", "jul")
    + ("aug", "sep", "sept", "oct", "nov", "dec", "vs", "etc", "u.s", "u.n", "u.k", "e.g", "i.e")
)


def _lines(text: str, start: int, count: int) -> list[str]:
    """The first ``count`` lines of text[start:], without reading the whole body."""
    lines: list[str] = []
    pos = start
    while len(lines) < count and pos <= len(text):
        end = text.find("\n", pos)
        if end == -1:
            lines.append(text[pos:])
            break
        lines.append(text[pos:end])
        pos = end + 1
    return lines


def _is_all_caps(line: str) -> bool:
    # Has cased letters, none of them lower-case ("SEARS <S> TO RESTRUCTURE").
    return line == line.upper() and line != line.lower()


def _first_sentence(paragraph: str) -> str:
    for match in _SENTENCE_END.finditer(paragraph):
        before = paragraph[: match.start()].rstrip("\"'”»)")
        last_word = before.rsplit(None, 1)[-1].rstrip(".!?…").lower() if before.strip() else ""
        if last_word in _ABBREVIATIONS or (len(last_word) == 1 and before.endswith(".")):
            continue
        return paragraph[: match.start()].strip()
    return paragraph.strip()


# Asides a title can do without: a pair of dashes ("Ivanov–which included talks…–appears"),
# brackets, and a comma-enclosed relative clause (", who met him in May,").
# Each with what it leaves: a dash pair may swallow the spaces around it, so it leaves one.
_ASIDES = (
    (re.compile(r"\s*[–—]\s*[^–—]{1,300}?\s*[–—]\s*"), " "),
    (re.compile(r"\s+--\s+.{1,300}?\s+--\s+"), " "),
    (re.compile(r"\s*\([^()]{0,300}\)"), ""),
    (re.compile(r",\s+(?:which|who|whose|whom|where)\b[^,]{0,300},"), ""),
)
# Where a subject ends and its verb begins, for the first noun phrase of a long sentence.
_VERB = re.compile(
    r"\s(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|"
    r"appears?|appeared|seems?|seemed|remains?|remained|says?|said|told|announced|"
    r"declared|warned|urged|insisted|denied|agreed|called|became|came|went|met|made)\s"
)
_MIN_SUBJECT = 20  # characters: "The minister" alone is no title


def _main_clause(sentence: str) -> str:
    """The sentence without its asides (what a headline writer would drop first)."""
    for aside, left in _ASIDES:
        sentence = aside.sub(left, sentence)
    return " ".join(sentence.split())


def _subject(sentence: str) -> str | None:
    """The first noun phrase: the words before the first verb, when they say enough."""
    verb = _VERB.search(sentence)
    if verb is None or verb.start() < _MIN_SUBJECT or len(sentence[: verb.start()].split()) < 3:
        return None
    subject = sentence[: verb.start()].rstrip(" ,;:")
    return subject if len(subject) <= MAX_TITLE_CHARS else None


def _headline(sentence: str) -> str:
    """A title from a first sentence: whole if short, else its main clause (asides dropped),
    else its first noun phrase; only when none fits is it cut at a word boundary."""
    if len(sentence) <= MAX_TITLE_CHARS:
        return sentence
    clause = _main_clause(sentence)
    if len(clause) <= MAX_TITLE_CHARS:
        return clause.rstrip(".")
    return _subject(clause) or _cut(sentence)


def _cut(sentence: str) -> str:
    if len(sentence) <= MAX_TITLE_CHARS:
        return sentence
    room = sentence[: MAX_TITLE_CHARS - 1]
    cut = room.rsplit(None, 1)[0] if " " in room.strip() else room
    return cut.rstrip(" ,;:—–-") + "…"


def choose_title(text: str, body_start: int, metadata: dict[str, str]) -> str:
    """The header's title, else an all-caps first line, else a short stand-alone first line
    (a headline: no final period, a blank line after it), else the body's first sentence cut
    at a word boundary; "Untitled" only when the body is empty."""
    if metadata.get("title", "").strip():
        return " ".join(metadata["title"].split())
    pos = body_start
    while pos < len(text) and text[pos].isspace():
        pos += 1
    lines = _lines(text, pos, 2)
    if not lines or not lines[0].strip():
        return _UNTITLED
    first = lines[0].strip()
    if len(first) <= _ALL_CAPS_MAX_CHARS and _is_all_caps(first):
        return " ".join(first.split())
    standalone = len(lines) == 1 or not lines[1].strip()
    if standalone and len(first) <= _HEADLINE_MAX_CHARS and not first.endswith("."):
        return " ".join(first.split())
    # Only the start of the first paragraph matters: a longer sentence is cut anyway.
    window = text[pos : pos + 8 * MAX_TITLE_CHARS]
    blank = _BLANK_LINE.search(window)
    paragraph = " ".join((window[: blank.start()] if blank else window).split())
    return _headline(_first_sentence(paragraph[: 4 * MAX_TITLE_CHARS])) or _UNTITLED
