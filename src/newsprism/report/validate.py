"""Validation of ``newsprism.report/1`` documents: the JSON Schema plus the checks it cannot express."""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

from newsprism.errors import SchemaValidationError
from newsprism.model import REPORT_SCHEMA_ID, Report

#: How many problems the message of :class:`SchemaValidationError` lists.
MAX_LISTED_PROBLEMS = 20

_EVIDENCE_PARTS = ("summary", "facts", "timeline", "exclusive", "reuse")
_ID_PARTS = {"facts": "fact", "quotes": "quote", "discrepancies": "discrepancy", "entities": "entity"}


@functools.cache
def _schema() -> dict[str, Any]:
    text = resources.files("newsprism.report").joinpath("schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@functools.cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(_schema())


def load_schema() -> dict[str, Any]:
    """The JSON Schema of ``newsprism.report/1`` (a fresh copy, safe to modify)."""
    return copy.deepcopy(_schema())


def json_path(parts: Sequence[Any]) -> str:
    """``$.stories[0].facts[1]`` for ``["stories", 0, "facts", 1]``."""
    out = "$"
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif isinstance(part, str) and part.isidentifier():
            out += f".{part}"
        else:
            out += f"[{json.dumps(str(part), ensure_ascii=False)}]"
    return out


def schema_problems(data: Any) -> list[str]:
    """JSON Schema problems of ``data``, each ``path: reason``, in document order."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: _path_key(e.absolute_path))
    return [f"{json_path(list(e.absolute_path))}: {_shorten(e.message)}" for e in errors]


def semantic_problems(data: Mapping[str, Any]) -> list[str]:
    """Problems JSON Schema cannot see: offsets, cross references, duplicate ids.

    ``data`` must already satisfy the schema (this function relies on the types it guarantees).
    """
    return list(_SemanticChecker(data).problems())


def validate_report(data: Mapping[str, Any] | Report) -> None:
    """Check ``data`` against ``newsprism.report/1``; raise :class:`SchemaValidationError` if it fails.

    The checks: the JSON Schema (``schema.json``), then, when that passes, that every evidence,
    rendering, heading and paragraph span satisfies ``article.text[start:end] == text`` with
    ``0 <= start < end <= len(article.text)`` for an article of the report; that every ``article_id``
    and ``article_ids`` entry names an article of the report; that article ids, story ids, a story's
    ``article_ids`` and the ids of facts, quotes, discrepancies and entities within a story are
    unique; that a reuse pair names two different articles; and that ``generated_at`` is a real
    ISO-8601 timestamp. The message lists the first problems, each as ``JSON path: reason``.
    """
    if isinstance(data, Report):
        data = data.to_dict()
    problems = schema_problems(data)
    if not problems:
        problems = semantic_problems(data)
    if problems:
        listed = problems[:MAX_LISTED_PROBLEMS]
        more = len(problems) - len(listed)
        lines = [f"report does not satisfy {REPORT_SCHEMA_ID} ({len(problems)} problem(s)):"]
        lines += [f"  {p}" for p in listed]
        if more:
            lines.append(f"  ... and {more} more")
        raise SchemaValidationError("\n".join(lines))


def _path_key(parts: Sequence[Any]) -> list[tuple[int, int, str]]:
    return [(0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in parts]


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _SemanticChecker:
    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.texts: dict[str, str] = {}
        for article in data["articles"]:
            self.texts.setdefault(article["id"], article["text"])

    def problems(self) -> Iterator[str]:
        yield from self._timestamp()
        yield from self._articles()
        yield from _duplicates([s["id"] for s in self.data["stories"]], ["stories"], "story id")
        for i, story in enumerate(self.data["stories"]):
            yield from self._story(story, ["stories", i])

    def _timestamp(self) -> Iterator[str]:
        value = self.data["generated_at"]
        try:
            datetime.fromisoformat(value.replace(",", "."))
        except ValueError:
            yield f"{json_path(['generated_at'])}: {value!r} is not a valid ISO-8601 date or date-time"

    def _articles(self) -> Iterator[str]:
        articles = self.data["articles"]
        yield from _duplicates([a["id"] for a in articles], ["articles"], "article id")
        for i, article in enumerate(articles):
            for key in ("headings", "paragraphs"):
                for j, span in enumerate(article.get(key) or ()):
                    yield from self._span(article["text"], article["id"], span, ["articles", i, key, j])

    def _story(self, story: Mapping[str, Any], path: list[Any]) -> Iterator[str]:
        yield from _duplicates(story["article_ids"], [*path, "article_ids"], "article id")
        yield from self._ids(story["article_ids"], [*path, "article_ids"])
        for part, noun in _ID_PARTS.items():
            yield from _duplicates([item["id"] for item in story[part]], [*path, part], f"{noun} id")
        for part in _EVIDENCE_PARTS:
            for j, item in enumerate(story[part]):
                yield from self._evidence_list(item["evidence"], [*path, part, j, "evidence"])
        for j, fact in enumerate(story["facts"]):
            yield from self._ids(fact["article_ids"], [*path, "facts", j, "article_ids"])
        for j, quote in enumerate(story["quotes"]):
            for k, rendering in enumerate(quote["renderings"]):
                rendering_path = [*path, "quotes", j, "renderings", k]
                yield from self._evidence(rendering, rendering_path)
                yield from self._optional_span(rendering, "speaker", "speaker_mention", rendering_path)
                yield from self._optional_span(rendering, "cue", "cue", rendering_path)
        # Fields beyond the contract's minimum that still point into articles (extraction results).
        for j, entity in enumerate(story["entities"]):
            yield from self._evidence_list(entity.get("mentions", ()), [*path, "entities", j, "mentions"])
        for part in ("figures", "dates"):
            for j, item in enumerate(story.get(part, ())):
                yield from self._evidence(item, [*path, part, j])
        for j, origin in enumerate(story.get("provenance", ())):
            for side in ("passage", "counterpart"):
                yield from self._evidence(origin[side], [*path, "provenance", j, side])
        for j, score in enumerate(story.get("translation", ())):
            yield from self._evidence_list(score.get("evidence", ()), [*path, "translation", j, "evidence"])
        for j, discrepancy in enumerate(story["discrepancies"]):
            for k, side in enumerate(discrepancy["sides"]):
                side_path = [*path, "discrepancies", j, "sides", k]
                yield from self._ids(side["article_ids"], [*side_path, "article_ids"])
                yield from self._evidence_list(side["evidence"], [*side_path, "evidence"])
        for j, entity in enumerate(story["entities"]):
            yield from self._ids(entity["article_ids"], [*path, "entities", j, "article_ids"])
        for j, exclusive in enumerate(story["exclusive"]):
            yield from self._ids(
                [exclusive["article_id"]], [*path, "exclusive", j, "article_id"], single=True
            )
        for j, reuse in enumerate(story["reuse"]):
            ids_path = [*path, "reuse", j, "article_ids"]
            yield from self._ids(reuse["article_ids"], ids_path)
            if len(set(reuse["article_ids"])) != len(reuse["article_ids"]):
                yield f"{json_path(ids_path)}: a reuse pair must name two different articles"

    def _optional_span(
        self, rendering: Mapping[str, Any], prefix: str, text_field: str, path: list[Any]
    ) -> Iterator[str]:
        """``speaker_start``/``speaker_end`` (or ``cue_*``) must locate the rendering's mention or cue."""
        start, end = rendering.get(f"{prefix}_start", -1), rendering.get(f"{prefix}_end", -1)
        if start == -1 and end == -1:
            return
        text = self.texts.get(rendering["article_id"])
        if text is not None and rendering.get(text_field) is not None:
            span = {"start": start, "end": end, "text": rendering[text_field]}
            yield from self._span(text, rendering["article_id"], span, [*path, f"{prefix}_start"])

    def _ids(self, ids: Sequence[str], path: list[Any], single: bool = False) -> Iterator[str]:
        for k, article_id in enumerate(ids):
            if article_id not in self.texts:
                where = path if single else [*path, k]
                yield f"{json_path(where)}: unknown article id {article_id!r} (not in the report's articles)"

    def _evidence_list(self, evidence: Sequence[Mapping[str, Any]], path: list[Any]) -> Iterator[str]:
        for k, item in enumerate(evidence):
            yield from self._evidence(item, [*path, k])

    def _evidence(self, item: Mapping[str, Any], path: list[Any]) -> Iterator[str]:
        article_id = item["article_id"]
        text = self.texts.get(article_id)
        if text is None:
            yield (
                f"{json_path([*path, 'article_id'])}: unknown article id {article_id!r} "
                "(not in the report's articles)"
            )
            return
        yield from self._span(text, article_id, item, path)

    @staticmethod
    def _span(text: str, article_id: str, span: Mapping[str, Any], path: list[Any]) -> Iterator[str]:
        start, end = span["start"], span["end"]
        if not 0 <= start < end <= len(text):
            yield (
                f"{json_path(path)}: span {start}:{end} is empty or outside article {article_id!r} "
                f"of length {len(text)}"
            )
        elif text[start:end] != span["text"]:
            yield (
                f"{json_path(path)}: text {_shorten(repr(span['text']), 60)} != article {article_id!r} "
                f"text[{start}:{end}] {_shorten(repr(text[start:end]), 60)}"
            )


def _duplicates(values: Sequence[str], path: list[Any], what: str) -> Iterator[str]:
    seen: set[str] = set()
    for k, value in enumerate(values):
        if value in seen:
            yield f"{json_path([*path, k])}: duplicate {what} {value!r}"
        seen.add(value)
