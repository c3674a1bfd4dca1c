"""Normalise the text of a kept paragraph: whitespace, HTML entities, mojibake, Unicode NFC.

Only the *cleaned* text is normalised; removals keep the input's own characters and offsets.
ftfy is slow relative to everything else here (milliseconds per article), so it only runs when a
paragraph shows a typical mojibake sequence.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from typing import Any

_SPACE_RUN = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,6}|[a-zA-Z]{2,10});")
# UTF-8 read as Latin-1/cp1252 ("â€™", "Ã©"), or C1 control characters.
_MOJIBAKE = re.compile(
    r"[ÂÃâ][\u0080-\u00bf\u2018-\u203a\u20ac\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]|[\u0080-\u009f]"
)


@functools.cache
def _ftfy_config() -> Any:
    import ftfy

    # Keep curly quotes and full-width forms: they carry meaning (quote boundaries, CJK text).
    return ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, explain=False)


def paragraph(text: str) -> str:
    text = _ZERO_WIDTH.sub("", text)
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
    if _MOJIBAKE.search(text):
        import ftfy

        text = ftfy.fix_text(text, _ftfy_config())
    text = _SPACE_RUN.sub(" ", text).strip()
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text
