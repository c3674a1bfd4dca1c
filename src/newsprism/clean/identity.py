"""The id of an article: a content hash of the raw input, so re-ingesting is idempotent.

The ingest stage owns the canonical hash (``newsprism.ingest.content_hash``) and it is used when it is
there; otherwise (an install without ingest) the same idea locally: sha256 of the NFC-normalised text,
first 16 hex characters. Looked up at run time so that swapping the hash touches one place.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import unicodedata
from collections.abc import Callable

from newsprism.model import RawArticle


@functools.cache
def _ingest_hash() -> Callable[[RawArticle], str] | None:
    try:
        module = importlib.import_module("newsprism.ingest")
    except ImportError:
        return None
    function = getattr(module, "content_hash", None)
    return function if callable(function) else None


def article_id(raw: RawArticle) -> str:
    hasher = _ingest_hash()
    if hasher is not None:
        return str(hasher(raw))
    return fallback_id(raw.text if raw.text is not None else raw.html or "")


def fallback_id(text: str) -> str:
    return hashlib.sha256(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()[:16]
