"""Quotations in Russian text, found on the characters: «ёлочки» (nested „лапки“ inside
them stay part of the outer quote), „лапки“, “English” quotes and straight "quotes".

As in English (``claims/quotes.py``), a quote still open at a paragraph break is dropped.
"""

from __future__ import annotations

import re

from ..claims.quotes import QuoteIndex

_MARK_RE = re.compile(r"[«»„“”\"\n]")
_OPENERS_BEFORE = frozenset(" \t\n([{—–-/:;\u00a0«„")


def find_quotes_ru(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every outermost quotation, marks included, in text order."""
    quotes: list[tuple[int, int]] = []
    stack: list[str] = []  # the closing mark each open quote waits for
    open_at = -1
    for match in _MARK_RE.finditer(text):
        pos, char = match.start(), match.group()
        if char == "\n":
            stack, open_at = [], -1
            continue
        closer = _closer(text, pos, char, stack)
        if closer is None:  # an opening mark
            if not stack:
                open_at = pos
            stack.append({"«": "»", "„": "“", "“": "”"}.get(char, '"'))
        elif stack and closer == stack[-1]:
            stack.pop()
            if not stack:
                quotes.append((open_at, pos + 1))
                open_at = -1
    return quotes


def _closer(text: str, pos: int, char: str, stack: list[str]) -> str | None:
    """The mark ``char`` closes (its closing form), or None when it opens a quote."""
    if char in "»”":
        return char
    if char == "“":  # closes „лапки“, opens an English “quote”
        return "“" if stack and stack[-1] == "“" else None
    if char == '"':
        before = text[pos - 1] if pos else " "
        after = text[pos + 1] if pos + 1 < len(text) else " "
        if stack and stack[-1] == '"' and not before.isspace():
            return '"'
        if before in _OPENERS_BEFORE and not after.isspace():
            return None
        return '"'
    return None  # « and „ always open


def quote_index_ru(text: str) -> QuoteIndex:
    """``QuoteIndex`` over Russian quotation marks."""
    return QuoteIndex(text, find_quotes_ru)
