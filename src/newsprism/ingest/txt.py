"""Plain text files (scraped text, no metadata): decoded and normalised, line structure kept."""

from __future__ import annotations

from collections.abc import Iterator

from newsprism.errors import EmptyInputError
from newsprism.ingest.decode import decode_bytes
from newsprism.model import RawArticle


def read_txt(data: bytes, source: str) -> Iterator[RawArticle]:
    text = decode_bytes(data, source)
    if not text.strip():
        raise EmptyInputError(source, "empty file")
    yield RawArticle(source=source, text=text, input_format="txt")
