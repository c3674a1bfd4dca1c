"""JSON and JSON Lines: one object, an array of objects (or ``{"articles": [...]}``), or one object a line.

Known fields and their aliases fill the article; every other field is kept in ``metadata``. Record
sources are ``path#N``: N is the 1-based index in an array, or the line number in JSON Lines. A
malformed line or a record without text is rejected on its own; the other records still come.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from newsprism.errors import EmptyInputError, InputError, MalformedRecordError, NoArticleError
from newsprism.ingest.dates import normalize_date
from newsprism.ingest.decode import decode_raw
from newsprism.ingest.html_page import extract_article, host_name, normalize_language
from newsprism.ingest.htmltext import html_to_text, looks_like_html
from newsprism.ingest.normalize import normalize_line, normalize_text
from newsprism.model import RawArticle, Rejection

TEXT_KEYS = ("text", "body", "content", "article", "full_text", "maintext")
HTML_KEYS = ("html", "raw_html", "content_html")
URL_KEYS = ("url", "link", "canonical_url")
OUTLET_KEYS = ("outlet", "source", "site_name", "sitename", "publisher", "domain")
TITLE_KEYS = ("title", "headline")
BYLINE_KEYS = ("byline", "author", "authors")
PUBLISHED_KEYS = (
    "published",
    "date",
    "published_at",
    "publishedAt",
    "pubDate",
    "datePublished",
    "publish_date",
)
LANGUAGE_KEYS = ("language", "lang")
_CONTAINER_KEYS = ("articles", "items", "records", "data", "documents")


def read_json(data: bytes, source: str) -> Iterator[RawArticle | Rejection]:
    """A JSON document; a file that turns out to hold JSON Lines is read as such."""
    text = decode_raw(data, source)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data" and _first_line_is_object(text):
            yield from _read_lines(text, source, "json")
            return
        raise MalformedRecordError(source, f"malformed JSON: {_describe(error)}") from None
    records = _records(document)
    if records is None:
        yield _article(document, source, "json")
        return
    if not records:
        raise EmptyInputError(source, "no records in JSON file")
    for number, record in enumerate(records, 1):
        yield _guarded(record, f"{source}#{number}", "json")


def read_jsonl(data: bytes, source: str) -> Iterator[RawArticle | Rejection]:
    """JSON Lines: one object a line; blank lines are skipped but still counted."""
    yield from _read_lines(decode_raw(data, source), source, "jsonl")


def _read_lines(text: str, source: str, input_format: str) -> Iterator[RawArticle | Rejection]:
    seen = False
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        seen = True
        record_source = f"{source}#{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Rejection(record_source, f"malformed JSON line: {error.msg} (column {error.colno})")
            continue
        yield _guarded(record, record_source, input_format)
    if not seen:
        raise EmptyInputError(source, "empty file")


def _guarded(record: Any, source: str, input_format: str) -> RawArticle | Rejection:
    try:
        return _article(record, source, input_format)
    except InputError as error:
        return Rejection(error.source, error.reason)


def _first_line_is_object(text: str) -> bool:
    first = next((line for line in text.split("\n") if line.strip()), "")
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return False


def _describe(error: json.JSONDecodeError) -> str:
    return f"{error.msg} (line {error.lineno}, column {error.colno})"


def _records(document: Any) -> list[Any] | None:
    if isinstance(document, list):
        return document
    if isinstance(document, dict) and not any(key in document for key in (*TEXT_KEYS, *HTML_KEYS)):
        for key in _CONTAINER_KEYS:
            if isinstance(document.get(key), list):
                return list(document[key])
    return None


def _take(fields: dict[str, Any], keys: tuple[str, ...]) -> Any:
    """The first non-empty value among ``keys``; that key and empty ones are removed from ``fields``."""
    for key in keys:
        if key not in fields:
            continue
        value = fields[key]
        if value is None or value == "" or value == [] or value == {}:
            del fields[key]
            continue
        return fields.pop(key)
    return None


def _as_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return "\n\n".join(value)
    if isinstance(value, dict):  # WordPress REST: {"rendered": "<p>...</p>"}
        return _as_text(value.get("rendered"))
    return None


def _as_name(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return _as_name(value.get("name") or value.get("title"))
    if isinstance(value, list):
        names = [name for name in (_as_name(item) for item in value) if name]
        return ", ".join(names) or None
    return None


def _article(record: Any, source: str, input_format: str) -> RawArticle:
    if not isinstance(record, dict):
        raise MalformedRecordError(source, f"record is a JSON {type(record).__name__}, not an object")
    fields = dict(record)
    text_value = _take(fields, TEXT_KEYS)
    html_value = _take(fields, HTML_KEYS)
    text = _as_text(text_value)
    html = _as_text(html_value)
    url = _take(fields, URL_KEYS)
    url = url if isinstance(url, str) else None
    page: RawArticle | None = None
    if text is not None and looks_like_html(text):
        text = html_to_text(text)
    if text is not None and text.strip():
        text = normalize_text(text)
    elif html is not None and html.strip():
        page = _from_html(html, source, url)
        text = page.text
    else:
        raise EmptyInputError(source, "record has no text or html")
    assert text is not None
    published_value = _take(fields, PUBLISHED_KEYS)
    published = normalize_date(published_value)
    outlet = normalize_line(_as_name(_take(fields, OUTLET_KEYS)))
    title = normalize_line(_as_name(_take(fields, TITLE_KEYS)))
    byline = normalize_line(_as_name(_take(fields, BYLINE_KEYS)))
    language_value = _take(fields, LANGUAGE_KEYS)
    language = normalize_language(language_value if isinstance(language_value, str) else None)
    metadata: dict[str, Any] = dict(page.metadata) if page else {}
    if published is None and published_value is not None:
        metadata["published_raw"] = published_value
    metadata.update(fields)  # whatever is left is unknown to newsprism, kept as given
    if page:
        url = url or page.url
        outlet, title, byline = outlet or page.outlet, title or page.title, byline or page.byline
        published, language = published or page.published, language or page.language
    return RawArticle(
        source=source,
        text=text,
        url=url,
        outlet=outlet or host_name(url),
        title=title,
        byline=byline,
        published=published,
        language=language,
        input_format=input_format,
        metadata=metadata,
    )


def _from_html(html: str, source: str, url: str | None) -> RawArticle:
    """A whole page goes through the article extractor; a fragment is simply turned into text."""
    try:
        return extract_article(html, source, url=url)
    except NoArticleError:
        if "<body" in html.lower():
            raise
    text = normalize_text(html_to_text(html))
    if not text.strip():
        raise NoArticleError(source, "no text in the record's HTML")
    return RawArticle(source=source, text=text)
