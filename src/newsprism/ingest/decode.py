"""From bytes to normalised text: binary detection and encoding detection.

The encoding is chosen in this order: a byte-order mark; the charset the container declares (an HTTP
header, an HTML ``<meta>``, an XML declaration); strict UTF-8; charset-normalizer's best guess.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from newsprism.errors import BinaryInputError, DecodeError
from newsprism.ingest.normalize import normalize_text

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Leading bytes of common binary formats that can never be read as an article.
_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"%PDF-",
    b"PK\x03\x04",  # zip, docx, epub
    b"\x7fELF",
    b"RIFF",  # webp, wav, avi
    b"OggS",
    b"ID3",  # mp3
    b"SQLite format 3\x00",
    b"wOFF",
    b"wOF2",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"\x28\xb5\x2f\xfd",  # zstd
    b"\xfd7zXZ\x00",
    b"BZh91AY&SY",
    b"\xca\xfe\xba\xbe",
    b"MZ\x90\x00",
)

_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c\x1b")
_CONTROL_TABLE = bytes.maketrans(b"", b"")
_SAMPLE = 8192

# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">, <?xml encoding="x"?>
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
# Labels that browsers read as Windows-1252, a superset of Latin-1 (WHATWG encoding standard).
_WESTERN = {"iso8859-1", "ascii", "cp1252", "iso8859-15"}


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces, and the mark's length."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text without a mark: mostly-ASCII text has a NUL in every other byte."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
        codec = "utf-16-le"
    elif even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
        codec = "utf-16-be"
    else:
        return None
    text = sample[: len(sample) // 2 * 2].decode(codec, errors="replace")
    controls = sum(1 for char in text if char < " " and char not in "\t\n\r")
    return codec if controls <= 0.05 * len(text) and text.count("\ufffd") <= 0.05 * len(text) else None


def check_not_binary(data: bytes, source: str) -> str | None:
    """Raise :class:`BinaryInputError` when ``data`` is not text; return a BOM-less UTF-16 codec if seen."""
    if bom_encoding(data):
        return None
    if data.startswith(_MAGIC):
        raise BinaryInputError(source, "binary content (not text)")
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        utf16 = _utf16_without_bom(sample)
        if utf16:
            return utf16
        raise BinaryInputError(source, "binary content (not text)")
    controls = len(sample) - len(sample.translate(_CONTROL_TABLE, _CONTROL))
    if controls > 0.05 * len(sample):
        raise BinaryInputError(source, "binary content (not text)")
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first bytes, when Python knows it."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    return codec_name((match.group(1) or match.group(2)).decode("ascii", "replace"))


def codec_name(label: str | None) -> str | None:
    """Python's codec name for a charset label, or None when unknown."""
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes, source: str, *, declared: str | None = None, markup: bool = False) -> str:
    """Decode and normalise ``data``.

    ``declared`` is a charset named by the container (HTTP header); with ``markup`` the document's own
    declaration (``<meta charset>``, ``<?xml encoding?>``) is honoured too. Raises
    :class:`BinaryInputError` for bytes that are not text and :class:`DecodeError` when no encoding fits.
    """
    return normalize_text(decode_raw(data, source, declared=declared, markup=markup))


def decode_raw(data: bytes, source: str, *, declared: str | None = None, markup: bool = False) -> str:
    """Like :func:`decode_bytes` without normalisation (JSON values are normalised one by one)."""
    bom = bom_encoding(data)
    if bom:
        name, length = bom
        return data[length:].decode(name, errors="replace")
    utf16 = check_not_binary(data, source)
    if utf16:
        return data.decode(utf16, errors="replace")
    declared = codec_name(declared) or (declared_charset(data) if markup else None)
    if declared and not declared.startswith(("utf-16", "utf-32")):
        if declared in _WESTERN:
            # Pages often declare Latin-1 but are UTF-8; valid non-ASCII UTF-8 is almost never Latin-1.
            text = _strict(data, "utf-8")
            if text is not None:
                return text
            declared = "cp1252"
        text = _strict(data, declared)
        if text is not None:
            return text
    text = _strict(data, "utf-8")
    if text is not None:
        return text
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise DecodeError(source, "could not detect the text encoding")
    # Short texts fit several code pages equally well; then Windows-1252, by far the most common
    # legacy encoding of news sites, wins the tie (French "è" must not become Czech "č").
    for match in matches:
        if (
            "cp1252" in match.could_be_from_charset
            and match.percent_chaos <= best.percent_chaos
            and match.percent_coherence >= best.percent_coherence
        ):
            return str(match)
    return str(best)
