"""HTML pages: the article body and its metadata, extracted with trafilatura.

The body is trafilatura's main-content tree rendered block by block with a blank line between
paragraphs, headings, lists and quotes. Metadata: title, author, site name, canonical URL and date
come from trafilatura; the language (``<html lang>``, ``Content-Language``, ``og:locale``) and a
publication time more precise than trafilatura's day (``article:published_time``, ``datePublished``
in microdata or JSON-LD) are read here from the page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from lxml.html import HtmlElement
from trafilatura.xml import xmltotxt

from newsprism.errors import NoArticleError
from newsprism.ingest.dates import normalize_date
from newsprism.ingest.decode import decode_raw
from newsprism.ingest.normalize import normalize_line, normalize_text
from newsprism.model import RawArticle

NO_ARTICLE = "no article text found in HTML page"

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.issued",
    "parsely-pub-date",
    "sailthru.date",
)


def read_html(
    data: bytes, source: str, *, url: str | None = None, declared: str | None = None
) -> Iterator[RawArticle]:
    """One article from the bytes of an HTML page (``declared``: charset from an HTTP header)."""
    # The page is decoded but not normalised: only the extracted text and metadata are (much cheaper).
    yield extract_article(decode_raw(data, source, declared=declared, markup=True), source, url=url)


def extract_article(page: str, source: str, *, url: str | None = None) -> RawArticle:
    """The article of a decoded HTML page; raises :class:`NoArticleError` when there is none."""
    page = _XML_DECLARATION.sub("", page, count=1)
    tree = trafilatura.load_html(page) if page.strip() else None
    if tree is None:
        raise NoArticleError(source, NO_ARTICLE)
    language = page_language(tree)
    published_raw = page_published(tree)
    document: Any = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_images=False, include_links=False
    )
    text = _body_text(document)
    if document is None or not has_prose(text):
        raise NoArticleError(source, NO_ARTICLE)
    metadata: dict[str, Any] = {}
    published = normalize_date(published_raw) or normalize_date(document.date)
    if published is None and (published_raw or document.date):
        metadata["published_raw"] = published_raw or document.date
    canonical = document.url if _is_web_url(document.url) else None
    if url and canonical and canonical != url:
        metadata["canonical_url"] = canonical
    for key in ("description", "categories", "tags"):
        value = getattr(document, key, None)
        if value:
            metadata[key] = normalize_line(value) if isinstance(value, str) else list(value)
    final_url = url or canonical
    return RawArticle(
        source=source,
        text=text,
        url=final_url,
        outlet=normalize_line(document.sitename) or host_name(final_url),
        title=normalize_line(document.title),
        byline=normalize_line(document.author),
        published=published,
        language=normalize_language(language),
        input_format="html",
        metadata=metadata,
    )


def _body_text(document: Any) -> str:
    if document is None or document.body is None:
        return ""
    blocks = (xmltotxt(child, False).strip() for child in document.body)
    return normalize_text("\n\n".join(block for block in blocks if block)).strip()


def has_prose(text: str) -> bool:
    """Whether ``text`` holds at least one sentence-like line, not only menu and button labels.

    Trafilatura's fallbacks return whatever text a page has; a consent wall gives "Accept all".
    A line of 8 words, or of 50 characters for scripts written without spaces, counts as prose.
    """
    return any(len(line.split()) >= 8 or len(line.strip()) >= 50 for line in text.split("\n"))


def page_language(tree: HtmlElement) -> str | None:
    for value in (
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        *tree.xpath(
            '//meta[translate(@http-equiv, "CONTENTLAGU", "contentlagu")="content-language"]/@content'
        ),
        *tree.xpath('//meta[@property="og:locale"]/@content'),
    ):
        if value and value.strip():
            return str(value)
    return None


def page_published(tree: HtmlElement) -> str | None:
    """The publication time a page states in its metadata, as written there."""
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in _PUBLISHED_META and normalize_date(meta.get("content")):
            return str(meta.get("content"))
    for node in tree.xpath('//*[@itemprop="datePublished"][@datetime]'):
        if normalize_date(node.get("datetime")):
            return str(node.get("datetime"))
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            found = _find_key(json.loads(script), "datePublished")
        except ValueError:
            continue
        if isinstance(found, str) and normalize_date(found):
            return found
    return None


def _find_key(value: Any, key: str, depth: int = 0) -> Any:
    if depth > 6:
        return None
    if isinstance(value, dict):
        if key in value:
            return value[key]
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            found = _find_key(item, key, depth + 1)
            if found is not None:
                return found
    return None


def normalize_language(value: str | None) -> str | None:
    """The primary language subtag, lower-case (``en-GB`` and ``en_US`` give ``en``)."""
    if not value:
        return None
    primary = re.split(r"[-_,;\s]", value.strip(), maxsplit=1)[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def host_name(url: str | None) -> str | None:
    """The host of a web URL without ``www.``, as a fallback outlet name."""
    if not _is_web_url(url):
        return None
    host = (urlsplit(url or "").hostname or "").lower()
    return host.removeprefix("www.") or None


def _is_web_url(url: str | None) -> bool:
    return bool(url) and str(url).lower().startswith(("http://", "https://"))
