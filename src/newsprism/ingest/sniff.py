"""Which reader a file needs: by its extension, else by its first bytes."""

from __future__ import annotations

import re

from newsprism.ingest.decode import bom_encoding

EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "xml",
    ".warc": "warc",
}

_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]")
_HTML_MARK = re.compile(
    r"<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div|article|h1|title|meta)[\s>/]"
)


def format_from_name(name: str | None) -> tuple[str | None, bool]:
    """The format an extension names (None when unknown) and whether the name ends in ``.gz``."""
    if not name:
        return None, False
    lower = name.lower()
    compressed = lower.endswith(".gz")
    if compressed:
        lower = lower[:-3]
    dot = lower.rfind(".")
    slash = max(lower.rfind("/"), lower.rfind("\\"))
    extension = lower[dot:] if dot > slash else ""
    return EXTENSIONS.get(extension), compressed


def sniff(data: bytes) -> str:
    """``json``, ``feed``, ``xml``, ``html`` or ``txt`` from the first bytes of a text document."""
    head = data[:4096]
    bom = bom_encoding(head)
    text = head[bom[1] :].decode(bom[0], errors="ignore") if bom else head.decode("latin-1")
    text = text.lstrip().lower()
    if text.startswith(("{", "[")):
        return "json"
    if text.startswith("<"):
        if _FEED_ROOT.search(text) and "<html" not in text:
            return "feed"
        if _HTML_MARK.search(text):
            return "html"
        if text.startswith("<?xml"):
            return "xml"
    return "txt"
