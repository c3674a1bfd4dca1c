"""WARC archives and gzip-compressed inputs, truncated ones included. Fixtures are built in tmp_path."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsprism.ingest.warc as warc
from newsprism.ingest import read_path
from newsprism.model import RawArticle, Rejection

ARTICLE = """<!DOCTYPE html><html lang="en"><head><title>{title}</title>
<meta property="og:site_name" content="Coastal Ledger"></head>
<body><nav><a href="/">Home</a></nav><article><h1>{title}</h1>
<p>The lifeboat crew at Port Ellis was called out three times on Sunday as strong winds caught small boats
off the headland, the station's volunteer coordinator said.</p>
<p>Nobody was hurt, and all three boats were towed back to the harbour before dark.</p>
</article></body></html>"""


def http_response(
    body: bytes, status: str = "200 OK", content_type: str = "text/html; charset=utf-8"
) -> bytes:
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode("ascii") + body


def warc_record(number: int, kind: str, uri: str, block: bytes, content_type: str) -> bytes:
    head = (
        "WARC/1.0\r\n"
        f"WARC-Type: {kind}\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        "WARC-Date: 2025-07-06T08:30:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{number:012d}>\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    )
    return head.encode("ascii") + block + b"\r\n\r\n"


def warc_records() -> list[bytes]:
    """A small crawl: a request, two article pages, an image, a 404 page and a page with no article."""
    http = "application/http; msgtype=response"
    page = ARTICLE.format(title="Lifeboat called out three times").encode()
    second = ARTICLE.format(title="Second rescue story").encode()
    return [
        warc_record(1, "request", "https://ledger.example/a", b"GET /a HTTP/1.1\r\n\r\n", "application/http"),
        warc_record(2, "response", "https://ledger.example/a", http_response(page), http),
        warc_record(
            3,
            "response",
            "https://ledger.example/logo.png",
            http_response(b"\x89PNG..", "200 OK", "image/png"),
            http,
        ),
        warc_record(4, "response", "https://ledger.example/gone", http_response(page, "404 Not Found"), http),
        warc_record(
            5,
            "response",
            "https://ledger.example/menu",
            http_response(b"<html><body><a>Menu</a></body></html>"),
            http,
        ),
        warc_record(6, "response", "https://ledger.example/b", http_response(second), http),
    ]


def check_crawl(items: list[RawArticle | Rejection], path: str) -> None:
    assert [item.source for item in items] == [f"{path}#2", f"{path}#5", f"{path}#6"]
    first, menu, second = items
    assert isinstance(first, RawArticle) and isinstance(second, RawArticle)
    assert first.input_format == "warc"
    assert first.url == "https://ledger.example/a"
    assert first.outlet == "Coastal Ledger"
    assert first.title == "Lifeboat called out three times"
    assert first.published == "2025-07-06T08:30:00+00:00"  # WARC-Date, as the page gives none
    assert first.metadata["warc_date"] == "2025-07-06T08:30:00Z"
    assert "three boats were towed back" in (first.text or "")
    assert menu == Rejection(f"{path}#5", "no article text found in HTML page")
    assert second.title == "Second rescue story"


def test_plain_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"".join(warc_records()))
    check_crawl(list(read_path(path)), str(path))


def test_gzipped_warc_one_member_per_record(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(gzip.compress(record) for record in warc_records()))
    check_crawl(list(read_path(path)), str(path))


def test_warc_is_sniffed_without_its_extension(tmp_path: Path) -> None:
    path = tmp_path / "crawl.bin.gz"
    path.write_bytes(gzip.compress(b"".join(warc_records())))
    check_crawl(list(read_path(path)), str(path))


def test_truncated_gzipped_warc_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    members = [gzip.compress(record) for record in warc_records()]
    data = b"".join(members[:2]) + members[2][: len(members[2]) // 2]
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data)
    items = list(read_path(path))
    assert isinstance(items[0], RawArticle) and items[0].source == f"{path}#2"
    assert items[-1] == Rejection(str(path), "truncated gzip stream after 2 records")
    assert len(items) == 2


def test_truncated_plain_warc(tmp_path: Path) -> None:
    records = warc_records()
    path = tmp_path / "cut.warc"
    cut = records[5][: len(records[5]) - 200]
    path.write_bytes(b"".join(records[:5]) + cut)
    items = list(read_path(path))
    assert items[-1] == Rejection(str(path), "truncated WARC file after 5 records")
    assert [item.source for item in items[:-1]] == [f"{path}#2", f"{path}#5"]


def test_malformed_warc(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc"
    path.write_bytes(b"This is not an archive at all.\n")
    (rejection,) = list(read_path(path))
    assert isinstance(rejection, Rejection) and rejection.reason.startswith("malformed WARC")


@pytest.mark.parametrize("name", ["story.html.gz", "story.gz"])
def test_gzipped_html(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(ARTICLE.format(title="Gzipped page").encode()))
    (article,) = list(read_path(path))
    assert isinstance(article, RawArticle)
    assert (article.input_format, article.title, article.source) == ("html", "Gzipped page", str(path))


def test_gzipped_jsonl_and_its_truncation(tmp_path: Path) -> None:
    lines = "".join(
        json.dumps({"text": f"Item number {n} about the ferry timetable."}) + "\n" for n in range(1, 200)
    )
    whole = gzip.compress(lines.encode())
    path = tmp_path / "items.jsonl.gz"
    path.write_bytes(whole)
    assert sum(isinstance(item, RawArticle) for item in read_path(path)) == 199
    path.write_bytes(whole[: len(whole) * 2 // 3])
    items = list(read_path(path))
    *records, last = items
    assert records and all(isinstance(item, RawArticle) for item in records)
    assert [item.source for item in records] == [f"{path}#{n}" for n in range(1, len(records) + 1)]
    assert last == Rejection(str(path), f"truncated gzip stream after {len(records)} records")


def test_truncated_gzipped_document_and_corrupt_gzip(tmp_path: Path) -> None:
    data = gzip.compress(ARTICLE.format(title="Cut short").encode() * 20)
    path = tmp_path / "cut.html.gz"
    path.write_bytes(data[: len(data) // 2])
    assert list(read_path(path)) == [Rejection(str(path), "truncated gzip stream")]
    corrupt = tmp_path / "corrupt.txt.gz"
    corrupt.write_bytes(data[:10] + b"\xff" * 40)
    (rejection,) = list(read_path(corrupt))
    assert isinstance(rejection, Rejection) and rejection.reason.startswith("corrupt gzip stream")


def test_decompressed_size_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 200_000))
    assert list(read_path(path, max_bytes=100_000)) == [
        Rejection(str(path), "decompressed content too large (over 97.7 KB)")
    ]


def test_one_failing_page_does_not_end_the_archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = warc.read_html

    def flaky(data: bytes, source: str, **kwargs: Any) -> Iterator[RawArticle]:
        if source.endswith("#2"):
            raise RuntimeError("extractor crashed")
        return real(data, source, **kwargs)

    monkeypatch.setattr(warc, "read_html", flaky)
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"".join(warc_records()))
    items = list(read_path(path))
    assert items[0] == Rejection(f"{path}#2", "could not read: RuntimeError: extractor crashed")
    assert isinstance(items[-1], RawArticle) and items[-1].source == f"{path}#6"
