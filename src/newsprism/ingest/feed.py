"""RSS and Atom feeds, parsed with feedparser: one article per entry, sources ``path#N``.

Entry text comes from the full content when the feed carries it, else from the summary; HTML in it
is turned into text. The feed's title is the outlet, its language the entries' language.
"""

from __future__ import annotations

import re
import time
import warnings
from collections.abc import Iterator
from typing import Any

import feedparser

from newsprism.errors import EmptyInputError, MalformedRecordError
from newsprism.ingest.dates import normalize_date
from newsprism.ingest.html_page import host_name, normalize_language
from newsprism.ingest.htmltext import html_to_text
from newsprism.ingest.normalize import normalize_line, normalize_text
from newsprism.model import RawArticle, Rejection

# RSS <author> is an e-mail address with the name in brackets: "desk@example.org (Ana Ruiz)".
_EMAIL_WITH_NAME = re.compile(r"^\s*\S+@\S+\s*\((?P<name>[^)]+)\)\s*$")
_NAME_WITH_EMAIL = re.compile(r"^\s*(?P<name>[^<]+?)\s*<\S+@\S+>\s*$")
_BARE_EMAIL = re.compile(r"^\s*\S+@\S+\s*$")


def read_feed(data: bytes, source: str) -> Iterator[RawArticle | Rejection]:
    with warnings.catch_warnings():
        # feedparser warns about some legacy date and encoding handling; those are not our errors.
        warnings.simplefilter("ignore")
        parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    if not parsed.entries:
        if parsed.get("bozo"):
            problem = " ".join(str(parsed.get("bozo_exception", "not well-formed")).split())
            raise MalformedRecordError(source, f"malformed feed: {problem}")
        raise EmptyInputError(source, "feed has no entries")
    channel = parsed.get("feed", {})
    outlet = normalize_line(_plain(channel.get("title_detail"), channel.get("title")))
    language = normalize_language(channel.get("language"))
    for number, entry in enumerate(parsed.entries, 1):
        yield _entry(entry, f"{source}#{number}", outlet, language, channel)


def _entry(
    entry: Any, source: str, outlet: str | None, language: str | None, channel: Any
) -> RawArticle | Rejection:
    text = _entry_text(entry)
    if not text.strip():
        return Rejection(source, "feed entry has no text")
    url = entry.get("link") or None
    metadata: dict[str, Any] = {}
    raw_date = entry.get("published") or entry.get("updated") or entry.get("created")
    published = normalize_date(raw_date) or _from_struct(
        entry.get("published_parsed") or entry.get("updated_parsed")
    )
    if published is None and raw_date:
        metadata["published_raw"] = raw_date
    if entry.get("id"):
        metadata["id"] = entry["id"]
    tags = [tag.get("term") for tag in entry.get("tags", []) if tag.get("term")]
    if tags:
        metadata["tags"] = tags
    if str(channel.get("link", "")).startswith(("http://", "https://")):
        metadata["feed_link"] = channel["link"]
    return RawArticle(
        source=source,
        text=text,
        url=url,
        outlet=outlet or host_name(url),
        title=normalize_line(_plain(entry.get("title_detail"), entry.get("title"))),
        byline=_byline(entry),
        published=published,
        language=normalize_language(entry.get("language")) or language,
        input_format="feed",
        metadata=metadata,
    )


def _entry_text(entry: Any) -> str:
    candidates = [*entry.get("content", []), entry.get("summary_detail")]
    for detail in candidates:
        if detail and (detail.get("value") or "").strip():
            text = normalize_text(_plain(detail, detail.get("value")) or "")
            if text.strip():
                return text.strip()
    return ""


def _plain(detail: Any, value: str | None) -> str | None:
    """The text of a feed field, HTML turned into text when the feed says it is HTML."""
    if not value:
        return None
    kind = (detail or {}).get("type") or "text/html"
    return html_to_text(value) if "html" in kind else value


def _byline(entry: Any) -> str | None:
    # feedparser splits "desk@example.org (Ana Ruiz)" badly into name and e-mail; read the raw string
    # unless there are several authors (Atom), whose names are given apart.
    authors = entry.get("authors") or []
    raw = [author.get("name") for author in authors] if len(authors) > 1 else [entry.get("author")]
    names = [name for name in (_author_name(value) for value in raw) if name]
    return normalize_line(", ".join(dict.fromkeys(names))) if names else None


def _author_name(value: Any) -> str | None:
    if not isinstance(value, str) or _BARE_EMAIL.match(value):
        return None
    match = _EMAIL_WITH_NAME.match(value) or _NAME_WITH_EMAIL.match(value)
    return match.group("name") if match else value


def _from_struct(value: time.struct_time | None) -> str | None:
    if not value:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", value)
