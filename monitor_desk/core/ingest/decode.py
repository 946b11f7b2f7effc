"""Turn a file's bytes into text, or refuse them with a clear reason.

Order matters: a BOM is proof; BOM-less UTF-16 shows as a NUL pattern; otherwise NULs,
control bytes and magic numbers mean binary; strict UTF-8 is the fast path for almost every
file; a declared charset (``<meta charset>``, ``<?xml encoding?>``) is honoured when it
decodes cleanly and is not contradicted; Cyrillic code pages are scored by us (detectors
confuse them); charset-normalizer handles everything else.
"""

from __future__ import annotations

import codecs
import re

from monitor_desk.core.ingest.cyrillic import CYRILLIC_CODECS, cyrillic_quality, guess_cyrillic
from monitor_desk.core.ingest.errors import RejectedFile

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC: tuple[bytes, ...] = (
    b"%PDF-",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\x89PNG\r\n\x1a\n",
    b"\x7fELF",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"\x1f\x8b",  # gzip
    b"BZh91AY&SY",
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # old MS Office
    b"SQLite format 3\x00",
    b"\xca\xfe\xba\xbe",
    b"\xcf\xfa\xed\xfe",
    b"\xce\xfa\xed\xfe",
    b"\x28\xb5\x2f\xfd",  # zstd
    b"OggS",
    b"ID3",
    b"II*\x00",
    b"MM\x00*",
    b"\x00asm",
    b"wOFF",
    b"wOF2",
    b"{\\rtf",
)
# Bytes that ordinary text never contains: C0 controls except TAB, LF, VT, FF, CR, plus
# ESC/SUB (seen in old DOS files) tolerated, and DEL.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 26, 27)) + b"\x7f"
_TEXT_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_MAX_CONTROL_SHARE = 0.02
_LATIN_FAMILY = frozenset({"latin-1", "iso8859-1", "cp1252", "iso8859-15", "ascii"})
_DECLARATION_ALIASES = {"x-mac-cyrillic": "mac-cyrillic", "x-cp1251": "cp1251"}
_DECLARED = re.compile(
    rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']"""
    rb"""|<meta[^>]*?charset\s*=\s*["']?([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_TIE_PREFERENCE = ("cp1252", "iso8859_15", "latin_1")
UNDECODABLE = (
    "could not decode the text (tried UTF-8, UTF-16, cp1251, KOI8-R, IBM866, ISO-8859-5, "
    "MacCyrillic and automatic detection)"
)
BINARY = "binary file (not text)"
EMPTY = "empty file"


def sniff_declared_encoding(data: bytes) -> str | None:
    """The charset an XML prolog or HTML ``<meta>`` declares in the first 4 KB, if any."""
    match = _DECLARED.search(data[:4096])
    if match is None:
        return None
    return (match.group(1) or match.group(2)).decode("ascii").lower()


def _codec_name(label: str) -> str | None:
    label = _DECLARATION_ALIASES.get(label.strip().lower(), label.strip().lower())
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the bytes show UTF-16's alternating pattern, else None."""
    if len(data) < 4:
        return None  # an odd length is a file cut short: the caller drops the half unit
    sample = data[:8192]
    even, odd = sample[0::2], sample[1::2]
    # In UTF-16 text the high byte of each unit repeats (0x00 for Latin, 0x04 for Cyrillic);
    # the low byte is almost never NUL.
    for high, low, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if low.count(0) > len(low) // 50:
            continue
        common = max(high.count(0), high.count(4))
        if high.count(0) + high.count(4) >= 0.9 * len(high) and common >= 0.3 * len(high):
            return codec
    return None


def _reject_binary(data: bytes) -> None:
    if data.startswith(_MAGIC) or data[4:12] in (b"ftypisom", b"ftypmp42"):
        raise RejectedFile(BINARY)
    sample = data[:65536]
    if b"\x00" in sample:
        raise RejectedFile(BINARY)
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise RejectedFile(BINARY)


def _check_text(text: str, codec: str) -> tuple[str, str]:
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise RejectedFile(EMPTY)
    if "\x00" in text:
        raise RejectedFile(BINARY)
    return text, codec


def _declared(data: bytes, declared: str | None) -> tuple[str, str] | None:
    codec = _codec_name(declared) if declared else None
    if codec is None or codec.startswith(("utf-16", "utf-32")):
        return None  # an ASCII-readable file cannot really be UTF-16 (HTML spec does the same)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if codec in _LATIN_FAMILY or codec in CYRILLIC_CODECS:
        # Single-byte declarations always "decode"; trust them unless the bytes clearly
        # read as Cyrillic in another code page (a stale or wrong declaration).
        guess = guess_cyrillic(data)
        if guess is not None and guess.plausible and guess.codec != codec:
            own = cyrillic_quality(text)
            if codec in _LATIN_FAMILY or own < 0.5 * guess.score:
                return None
    return text, codec


def _charset_normalizer(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes  # imported lazily: rarely needed, slow-ish

    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    # Several code pages often tie exactly on the detector's scores (French reads as cp1250
    # or cp1252 alike, though "à" becomes "ŕ" in cp1250): prefer the most common one.
    tied = [m.encoding for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    preferred = next((name for name in _TIE_PREFERENCE if name in tied), best.encoding)
    if preferred is None:
        return None
    codec = _codec_name(preferred) or preferred
    try:
        return data.decode(codec), codec
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode a file's bytes; return ``(text, codec)`` with any BOM removed.

    Raises RejectedFile for empty, binary or undecodable content.
    """
    if not data or data.isspace():
        raise RejectedFile(EMPTY)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(_decode_cut(data, codec), codec)
            except UnicodeDecodeError:
                raise RejectedFile(UNDECODABLE) from None
    utf16 = _utf16_without_bom(data) if b"\x00" in data[:8192] else None
    if utf16 is not None:
        try:
            return _check_text(_decode_cut(data, utf16), utf16)
        except UnicodeDecodeError:
            pass  # not UTF-16 after all; the binary check below decides
    _reject_binary(data)
    try:
        return _check_text(_decode_cut(data, "utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _mixed_lines(data, declared)
    if mixed is not None:
        return _check_text(*mixed)
    for attempt in (
        lambda: _declared(data, declared),
        lambda: _cyrillic(data),
        lambda: _charset_normalizer(data),
    ):
        result = attempt()
        if result is not None:
            text, codec = result
            _reject_controls(text)
            return _check_text(text, codec)
    raise RejectedFile(UNDECODABLE)


def _decode_cut(data: bytes, codec: str) -> str:
    """Decode strictly, except that a file cut short inside its last character (an
    interrupted download or copy) loses that character instead of being refused."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        if exc.reason not in ("unexpected end of data", "truncated data"):
            raise
        error = exc
    for cut in (1, 2, 3):
        try:
            return data[:-cut].decode(codec)
        except UnicodeDecodeError:
            continue
    raise error


def _single_byte(data: bytes, declared: str | None) -> tuple[str, str] | None:
    """The non-UTF-8 lines of a mixed file: too few bytes for the detector to be sure, so
    after a declaration and Cyrillic the commonest Western code page is tried first."""
    for attempt in (
        lambda: _declared(data, declared),
        lambda: _cyrillic(data),
        lambda: _strict(data, "cp1252"),
        lambda: _charset_normalizer(data),
    ):
        result = attempt()
        if result is not None:
            return result
    return None


def _strict(data: bytes, codec: str) -> tuple[str, str] | None:
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError:
        return None


def _mixed_lines(data: bytes, declared: str | None) -> tuple[str, str] | None:
    """A file pasted together from UTF-8 and another encoding, line by line: UTF-8 lines
    read as UTF-8, the rest in the code page they read as together. None unless the UTF-8
    lines hold real non-ASCII text (a single-byte file almost never has a whole line of
    valid UTF-8 sequences)."""
    lines = data.splitlines(keepends=True)
    decoded: list[str | None] = []
    multibyte = 0
    for line in lines:
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            decoded.append(None)
            continue
        decoded.append(text)
        multibyte += len(line) - len(text)
    if multibyte < 4 or None not in decoded:
        return None
    rest = b"".join(line for line, text in zip(lines, decoded, strict=True) if text is None)
    found = _single_byte(rest, declared)
    if found is None:
        return None
    codec = found[1]
    try:
        parts = [
            t if t is not None else b.decode(codec) for b, t in zip(lines, decoded, strict=True)
        ]
    except UnicodeDecodeError:
        return None
    text = "".join(parts)
    _reject_controls(text)
    return text, f"utf-8+{codec}"


def _cyrillic(data: bytes) -> tuple[str, str] | None:
    guess = guess_cyrillic(data)
    if guess is None or not guess.plausible:
        return None
    try:
        return data.decode(guess.codec), guess.codec
    except UnicodeDecodeError:  # a byte past the scored sample is undefined in this code page
        return None


def _reject_controls(text: str) -> None:
    """C1 controls (U+0080..U+009F) in a single-byte decoding also mean binary."""
    sample = text[:65536]
    c1 = sum(1 for ch in sample if "\x80" <= ch <= "\x9f")
    if c1 > _MAX_CONTROL_SHARE * len(sample):
        raise RejectedFile(BINARY)
