"""WARC archives (plain or gzip), read with warcio: each HTML response becomes an article.

A record's source is ``path#N`` with N its 1-based position in the archive. Successful (2xx) HTTP
responses and resource records with an HTML payload go through the HTML extractor; the URL is the
WARC-Target-URI and WARC-Date stands in for the publication date when the page gives none. Other
records (requests, metadata, images, redirects) are passed over. A truncated archive still yields the
records before the cut, then fails with a :class:`DecodeError` naming how many records were read.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsprism.errors import DecodeError, InputError, MalformedRecordError
from newsprism.ingest.compressed import GzipReader
from newsprism.ingest.dates import normalize_date
from newsprism.ingest.html_page import read_html
from newsprism.model import RawArticle, Rejection

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([^\"';\s]+)", re.I)
_HTML_START = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body)", re.I)
_DRAIN = 1 << 16


def read_warc(
    stream: BinaryIO, source: str, *, gzip: GzipReader | None = None
) -> Iterator[RawArticle | Rejection]:
    """Articles from a WARC stream; ``gzip`` is the decompressing reader under ``stream``, if any."""
    complete = 0
    incomplete = False
    try:
        for number, record in enumerate(ArchiveIterator(stream), 1):
            if record.format != "warc":  # warcio also reads ARC files, or takes junk for them
                raise MalformedRecordError(source, f"malformed WARC: record {number} is not a WARC record")
            html = _html_payload(record)
            if record.raw_stream.limit > 0:  # the record ends before its Content-Length
                incomplete = True
                break
            complete += 1
            if html is not None:
                yield _article(record, html, f"{source}#{number}")
    except (ArchiveLoadFailed, ValueError, AttributeError, EOFError) as error:
        if not (gzip and gzip.truncated):
            problem = " ".join(str(error).split())[:200]
            raise MalformedRecordError(
                source, f"malformed WARC record after {complete} records: {problem}"
            ) from None
    if gzip and gzip.truncated:
        raise DecodeError(source, f"truncated gzip stream after {complete} records")
    if incomplete:
        raise DecodeError(source, f"truncated WARC file after {complete} records")
    if complete == 0:
        raise MalformedRecordError(source, "no WARC records found")


def _html_payload(record: Any) -> tuple[bytes, str | None] | None:
    """The HTML bytes and declared charset of a record, or None; always reads the record to its end."""
    html: tuple[bytes, str | None] | None = None
    if record.rec_type in ("response", "resource"):
        if record.rec_type == "response":
            headers = record.http_headers
            status = headers.get_statuscode() if headers else ""
            content_type = (headers.get_header("Content-Type") if headers else None) or ""
            wanted = status.startswith("2")
        else:
            content_type = record.rec_headers.get_header("Content-Type") or ""
            wanted = True
        if wanted and ("html" in content_type.lower() or not content_type):
            payload = record.content_stream().read()
            if "html" in content_type.lower() or _HTML_START.match(payload[:1024]):
                match = _CHARSET.search(content_type)
                html = (payload, match.group(1) if match else None)
    while record.raw_stream.read(_DRAIN):
        pass
    return html


def _article(record: Any, html: tuple[bytes, str | None], source: str) -> RawArticle | Rejection:
    url = record.rec_headers.get_header("WARC-Target-URI")
    warc_date = record.rec_headers.get_header("WARC-Date")
    payload, charset = html
    try:
        article = next(read_html(payload, source, url=url, declared=charset))
    except InputError as error:
        return Rejection(error.source, error.reason)
    except Exception as error:  # one odd page must not end the whole archive
        return Rejection(
            source, f"could not read: {type(error).__name__}: {' '.join(str(error).split())[:200]}"
        )
    metadata = dict(article.metadata)
    if warc_date:
        metadata["warc_date"] = warc_date
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    if record_id:
        metadata["warc_record_id"] = record_id
    return dataclasses.replace(
        article,
        published=article.published or normalize_date(warc_date),
        input_format="warc",
        metadata=metadata,
    )
