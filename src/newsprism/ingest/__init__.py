"""ingest stage: files, folders and standard input to :class:`~newsprism.model.RawArticle` values.

``read_inputs(paths, stdin=None, max_bytes=...)`` yields, in a deterministic order, one
:class:`~newsprism.model.RawArticle` per article read and one :class:`~newsprism.model.Rejection`
per input (or record) that could not be read. Formats, one module each: plain text (:mod:`.txt`),
HTML pages (:mod:`.html_page`), JSON and JSON Lines (:mod:`.json_records`), RSS/Atom feeds
(:mod:`.feed`), WARC archives (:mod:`.warc`); any of them may be gzip-compressed. After ingest
``RawArticle.text`` is always set and normalised (:mod:`.normalize`), ``html`` is None.
"""

from __future__ import annotations

from newsprism.ingest.html_page import extract_article
from newsprism.ingest.htmltext import html_to_text
from newsprism.ingest.normalize import hash_text, normalize_text
from newsprism.ingest.reader import DEFAULT_MAX_BYTES, STDIN_SOURCE, read_inputs, read_path
from newsprism.model import RawArticle

__all__ = ["DEFAULT_MAX_BYTES", "STDIN_SOURCE", "content_hash", "normalize_text", "read_inputs", "read_path"]


def content_hash(raw: RawArticle) -> str:
    """sha256 hex of the article's normalised body text (NFC, ``\\n`` line ends, outer blanks ignored).

    The same article read twice, under any file name or container, gets the same hash. When only
    ``html`` is set, the hash is that of the text extracted from it.
    """
    if raw.text is not None:
        return hash_text(raw.text)
    if raw.html is not None:
        try:
            text = extract_article(raw.html, raw.source).text or ""
        except Exception:  # not a page trafilatura can read: fall back to all of its visible text
            text = html_to_text(raw.html)
        return hash_text(text)
    return hash_text("")
