"""The ingest entry points: paths, folders and standard input to raw articles and rejections.

Every problem with one input becomes a :class:`~newsprism.model.Rejection` and the batch goes on:
readers raise :class:`~newsprism.errors.InputError` subclasses, converted here at the boundary.
"""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from newsprism.errors import (
    DecodeError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MalformedRecordError,
)
from newsprism.ingest.compressed import GZIP_MAGIC, GzipReader, format_size, read_bounded
from newsprism.ingest.decode import check_not_binary
from newsprism.ingest.feed import read_feed
from newsprism.ingest.html_page import read_html
from newsprism.ingest.json_records import read_json, read_jsonl
from newsprism.ingest.sniff import format_from_name, sniff
from newsprism.ingest.txt import read_txt
from newsprism.ingest.warc import read_warc
from newsprism.model import RawArticle, Rejection

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
STDIN = "-"
STDIN_SOURCE = "<stdin>"

Item = RawArticle | Rejection

_READERS = {"txt": read_txt, "html": read_html, "json": read_json, "jsonl": read_jsonl, "feed": read_feed}


def read_inputs(
    paths: Iterable[str | os.PathLike[str]],
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Item]:
    """Raw articles and rejections from files, folders (walked recursively, sorted) and ``-`` (stdin).

    Inside folders, hidden files and folders (names starting with ``.``) and files whose extension
    names no article format (a README.md, a picture, a script) are skipped: a folder of articles
    often carries such companions. Files named explicitly are always read. The format is chosen by
    extension (``.gz`` of any of them too), else sniffed from the content.
    """
    for path in paths:
        if os.fspath(path) == STDIN:
            yield from _guard(STDIN_SOURCE, _read_stdin(stdin, max_bytes))
        else:
            yield from read_path(path, max_bytes=max_bytes)


def read_path(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Raw articles and rejections from one file (or, given a folder, from every file in it)."""
    source = os.fspath(path)
    try:
        is_dir = stat.S_ISDIR(os.stat(source).st_mode)
    except OSError as error:
        yield Rejection(source, _os_reason(error))
        return
    if not is_dir:
        yield from _guard(source, _read_file(source, max_bytes))
        return
    for file, problem in _walk(source):
        if problem:
            yield Rejection(file, problem)
        elif not _is_companion(file):
            yield from _guard(file, _read_file(file, max_bytes))


def _walk(root: str) -> list[tuple[str, str | None]]:
    """Every non-hidden file under ``root`` in sorted order, with folders that could not be listed."""
    found: list[tuple[list[str], str, str | None]] = []

    def failed(error: OSError) -> None:
        name = str(error.filename) if error.filename else root
        found.append((os.path.relpath(name, root).split(os.sep), name, _os_reason(error)))

    for folder, dirs, files in os.walk(root, onerror=failed):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in files:
            if not name.startswith("."):
                full = os.path.join(folder, name)
                found.append((os.path.relpath(full, root).split(os.sep), full, None))
    found.sort(key=lambda entry: entry[0])
    return [(path, problem) for _, path, problem in found]


def _is_companion(path: str) -> bool:
    """A file in a folder of articles that is not one: an unknown extension and plain-text or binary.

    Pages saved as ``.php`` or ``.aspx`` still sniff as HTML and are read; a README.md or a picture
    beside the articles is not an article.
    """
    known, _compressed = format_from_name(path)
    name = os.path.basename(path)
    if known is not None or "." not in (name[:-3] if name.lower().endswith(".gz") else name):
        return False
    try:
        with open(path, "rb") as stream:
            head = stream.read(4096)
        check_not_binary(head, path)
    except (OSError, InputError):
        return True
    return sniff(head) == "txt"


def _guard(source: str, items: Iterator[Item]) -> Iterator[Item]:
    """Turn what a reader raises into one last rejection, keeping what it yielded before."""
    try:
        yield from items
    except InputError as error:
        yield Rejection(error.source, error.reason)
    except OSError as error:
        yield Rejection(source, _os_reason(error))
    except Exception as error:  # a library failing on odd input must not stop the batch
        message = " ".join(str(error).split())[:200]
        yield Rejection(source, f"could not read: {type(error).__name__}: {message}")


def _os_reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def _read_stdin(stdin: BinaryIO | None, max_bytes: int) -> Iterator[Item]:
    stream = stdin if stdin is not None else sys.stdin.buffer
    data = read_bounded(stream, STDIN_SOURCE, max_bytes)
    yield from _read_stream(io.BytesIO(data), STDIN_SOURCE, None, max_bytes)


def _read_file(source: str, max_bytes: int) -> Iterator[Item]:
    info = os.stat(source)
    if stat.S_ISREG(info.st_mode):
        # Check the size before reading anything: a huge file must not be loaded to be refused.
        if info.st_size > max_bytes:
            raise InputTooLargeError(
                source, f"file too large ({format_size(info.st_size)}, limit {format_size(max_bytes)})"
            )
        if info.st_size == 0:
            raise EmptyInputError(source, "empty file")
    with open(source, "rb") as stream:
        if not stream.seekable():  # a pipe or device: read it whole, within the limit
            stream = io.BytesIO(read_bounded(stream, source, max_bytes))  # type: ignore[assignment]
        yield from _read_stream(stream, source, source, max_bytes)


def _read_stream(stream: BinaryIO, source: str, name: str | None, max_bytes: int) -> Iterator[Item]:
    """Dispatch a seekable stream by name and content; WARCs are streamed, other formats read whole."""
    named, _ = format_from_name(name)
    head = stream.read(16)
    stream.seek(0)
    if head.startswith(GZIP_MAGIC):
        gzip = GzipReader(stream, source)
        inflated = io.BufferedReader(gzip, buffer_size=1 << 16)
        if named == "warc" or inflated.peek(16).startswith(b"WARC/"):
            yield from read_warc(inflated, source, gzip=gzip)
            return
        data = read_bounded(inflated, source, max_bytes, "decompressed content")
        yield from _read_document(data, source, named, truncated=gzip.truncated)
        return
    if named == "warc" or head.startswith(b"WARC/"):
        yield from read_warc(stream, source)
        return
    yield from _read_document(read_bounded(stream, source, max_bytes), source, named, truncated=False)


def _read_document(data: bytes, source: str, named: str | None, *, truncated: bool) -> Iterator[Item]:
    if not data.strip():
        raise (
            DecodeError(source, "truncated gzip stream")
            if truncated
            else EmptyInputError(source, "empty file")
        )
    check_not_binary(data, source)
    kind = named if named not in (None, "xml") else sniff(data)
    if named == "xml" and kind != "feed":
        raise MalformedRecordError(source, "XML file is not an RSS or Atom feed")
    if kind == "xml":
        kind = "feed"  # an XML document of unknown name: let the feed parser judge it
    if kind == "json" and named is None and _looks_like_lines(data):
        kind = "jsonl"
    if not truncated:
        yield from _READERS[kind](data, source)
        return
    if kind != "jsonl" and not (kind == "json" and _looks_like_lines(data)):
        raise DecodeError(source, "truncated gzip stream")
    # Keep the complete lines read before the cut, then report the truncation.
    count = 0
    for item in read_jsonl(data[: data.rfind(b"\n") + 1], source):
        count += 1
        yield item
    raise DecodeError(source, f"truncated gzip stream after {count} records")


def _looks_like_lines(data: bytes) -> bool:
    lines = [line for line in data[:65536].split(b"\n")[:3] if line.strip()]
    return len(lines) > 1 and all(
        line.strip().startswith(b"{") and line.strip().endswith(b"}") for line in lines
    )
