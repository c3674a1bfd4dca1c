"""Text normalisation shared by every reader, and the content hash of a raw article.

:func:`normalize_text` is what every decoded body goes through: byte-order marks dropped, mojibake
repaired (encoding repair only: quotes and dashes are left as they are), line ends made ``\\n``,
odd spaces made plain spaces, invisible format characters dropped, and NFC composition. It is
idempotent, so normalising twice changes nothing.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import ftfy

# Characters mapped by str.translate after line ends are fixed. Spaces of every width become one
# ASCII space; separators that end a line become newlines; invisible format characters go.
_TRANSLATE: dict[int, str | None] = {
    0x00A0: " ",  # no-break space
    0x1680: " ",  # ogham space mark
    0x202F: " ",  # narrow no-break space
    0x205F: " ",  # medium mathematical space
    0x3000: " ",  # ideographic space
    0x000B: "\n",  # vertical tab
    0x000C: "\n",  # form feed
    0x0085: "\n",  # next line
    0x2028: "\n",  # line separator
    0x2029: "\n\n",  # paragraph separator
    0x00AD: None,  # soft hyphen
    0x200B: None,  # zero-width space
    0x2060: None,  # word joiner
    0xFEFF: None,  # byte-order mark / zero-width no-break space
}
_TRANSLATE.update({cp: " " for cp in range(0x2000, 0x200B)})  # en quad .. hair space
# Other C0 and C1 control characters (tab and newline stay) carry no text.
_TRANSLATE.update({cp: None for cp in (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F) if cp not in _TRANSLATE})
_TRANSLATE.update({cp: None for cp in range(0x80, 0xA0) if cp not in _TRANSLATE})

_ODD = re.compile(
    "[\r\u00a0\u00ad\u0085\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)
_SPACES = re.compile(r"\s+")


def repair_encoding(text: str) -> str:
    """Undo mojibake (UTF-8 read as Windows-1252 and the like) without touching quotes or dashes."""
    if text.isascii():
        return text
    return ftfy.fix_encoding(text)


def normalize_text(text: str) -> str:
    """The normalised form of a decoded text (see the module docstring)."""
    return normalize_characters(repair_encoding(text))


def normalize_characters(text: str) -> str:
    """Line ends, spaces, invisible characters and NFC, without mojibake repair (cheap)."""
    if _ODD.search(text):
        text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_TRANSLATE)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text


def normalize_line(value: str | None) -> str | None:
    """A one-line metadata value (title, byline, outlet): normalised, runs of space collapsed, stripped."""
    if value is None:
        return None
    line = _SPACES.sub(" ", normalize_text(value)).strip()
    return line or None


def hash_text(text: str) -> str:
    """sha256 hex of a body text after normalisation, with leading and trailing whitespace ignored.

    Mojibake repair is left out: ingested text is already repaired, and repeating it is the costly part.
    """
    return hashlib.sha256(normalize_characters(text).strip().encode("utf-8")).hexdigest()
