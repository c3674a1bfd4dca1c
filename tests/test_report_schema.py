"""The ``newsprism.report/1`` JSON Schema and :func:`validate_report`."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from newsprism.errors import ReportError, SchemaValidationError
from newsprism.model import Report
from newsprism.report import SCHEMA_ID, load_schema, validate_report
from newsprism.report.validate import MAX_LISTED_PROBLEMS, json_path
from tests.test_report_sample import COURIER, GENERATED_AT, HERALD, empty_analysis_report, sample_report


def data() -> dict[str, Any]:
    return sample_report().to_dict()


def rejected(document: dict[str, Any]) -> str:
    with pytest.raises(SchemaValidationError) as info:
        validate_report(document)
    return str(info.value)


def test_schema_is_valid_draft_2020_12_with_its_id() -> None:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] == SCHEMA_ID == "newsprism.report/1"
    assert schema["$schema"].endswith("/draft/2020-12/schema")


def test_load_schema_returns_a_copy() -> None:
    load_schema()["required"].append("oops")
    assert "oops" not in load_schema()["required"]


def test_sample_report_validates_as_dict_report_and_json() -> None:
    validate_report(data())
    validate_report(sample_report())
    validate_report(json.loads(sample_report().to_json()))


def test_empty_analysis_report_validates() -> None:
    validate_report(empty_analysis_report().to_dict())


def test_report_without_stories_validates() -> None:
    validate_report(Report(generated_at=GENERATED_AT, articles=(), stories=()).to_dict())


def test_extra_fields_are_allowed_everywhere() -> None:
    doc = data()
    doc["producer"] = {"version": "0.1.0"}
    doc["articles"][0]["word_count"] = 42
    doc["stories"][0]["confidence"] = 0.8
    doc["stories"][0]["facts"][0]["evidence"][0]["score"] = 1.0
    doc["stories"][0]["quotes"][0]["renderings"][0]["similarity"] = 1.0
    validate_report(doc)


def test_nullable_fields_accept_null() -> None:
    doc = data()
    for key in ("outlet", "title", "byline", "published", "language"):
        doc["articles"][0][key] = None
    quote = doc["stories"][0]["quotes"][0]
    quote["speaker"] = None
    for key in ("speaker_mention", "cue", "relation"):
        quote["renderings"][0][key] = None
    validate_report(doc)


Mutation = Callable[[dict[str, Any]], None]


def _set(path: list[Any], value: Any) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        target = doc
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return mutate


def _delete(path: list[Any]) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        target = doc
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]

    return mutate


FACT_EV = ["stories", 0, "facts", 0, "evidence", 0]
RENDERING = ["stories", 0, "quotes", 0, "renderings", 1]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (_set(["schema"], "newsprism.report/2"), "$.schema"),
        (_delete(["generated_at"]), "'generated_at' is a required property"),
        (_set(["generated_at"], "yesterday"), "$.generated_at"),
        (_set(["generated_at"], "2024-13-45T00:00:00Z"), "not a valid ISO-8601"),
        (_delete(["articles", 0, "title"]), "$.articles[0]: 'title' is a required property"),
        (_set(["articles", 0, "wire"], "AP"), "$.articles[0].wire"),
        (_delete(["stories", 0, "reuse"]), "'reuse' is a required property"),
        (_set(["stories", 0, "discrepancies", 0, "kind"], "mood"), "$.stories[0].discrepancies[0].kind"),
        (_set([*RENDERING, "relation"], "loose"), "$.stories[0].quotes[0].renderings[1].relation"),
        (_set([*RENDERING, "direct"], "yes"), "renderings[1].direct"),
        (_set([*FACT_EV, "start"], -1), f"{json_path(FACT_EV)}.start"),
        (_set([*FACT_EV, "start"], "3"), f"{json_path(FACT_EV)}.start"),
        (_set(["stories", 0, "facts", 0, "independent_sources"], -2), "independent_sources"),
        (_set(["stories", 0, "article_ids"], []), "$.stories[0].article_ids"),
        (_set(["stories", 0, "reuse", 0, "article_ids"], [HERALD.id]), "$.stories[0].reuse[0].article_ids"),
    ],
)
def test_schema_violations_are_rejected_with_their_path(mutate: Mutation, expected: str) -> None:
    doc = data()
    mutate(doc)
    assert expected in rejected(doc)


def test_broken_evidence_offsets_are_rejected() -> None:
    doc = data()
    doc["stories"][0]["facts"][0]["evidence"][0]["start"] += 1
    message = rejected(doc)
    assert f"{json_path(FACT_EV)}: text" in message
    assert HERALD.id in message


def test_offsets_outside_the_article_are_rejected() -> None:
    doc = data()
    evidence = doc["stories"][0]["summary"][0]["evidence"][0]
    evidence["start"], evidence["end"] = len(HERALD.text), len(HERALD.text) + 5
    assert "outside article" in rejected(doc)


def test_empty_span_is_rejected() -> None:
    doc = data()
    ev = doc["stories"][0]["timeline"][0]["evidence"][0]
    ev["end"] = ev["start"]
    assert "$.stories[0].timeline[0].evidence[0]" in rejected(doc)


def test_broken_rendering_offsets_are_rejected() -> None:
    doc = data()
    doc["stories"][0]["quotes"][0]["renderings"][1]["text"] = "nobody was hurt at all"
    assert f"{json_path(RENDERING)}: text" in rejected(doc)


def test_evidence_pointing_at_the_wrong_article_is_rejected() -> None:
    doc = data()
    doc["stories"][0]["facts"][0]["evidence"][0]["article_id"] = COURIER.id
    assert json_path(FACT_EV) in rejected(doc)


def test_broken_paragraph_span_is_rejected() -> None:
    doc = data()
    doc["articles"][0]["paragraphs"][0]["end"] -= 1
    assert "$.articles[0].paragraphs[0]" in rejected(doc)


@pytest.mark.parametrize(
    "path",
    [
        ["stories", 0, "article_ids", 1],
        ["stories", 0, "facts", 0, "article_ids", 0],
        ["stories", 0, "discrepancies", 0, "sides", 1, "article_ids", 0],
        ["stories", 0, "entities", 0, "article_ids", 1],
        ["stories", 0, "reuse", 0, "article_ids", 0],
        ["stories", 0, "exclusive", 0, "article_id"],
        ["stories", 0, "quotes", 0, "renderings", 0, "article_id"],
        ["stories", 0, "summary", 0, "evidence", 1, "article_id"],
    ],
)
def test_unknown_article_ids_are_rejected(path: list[Any]) -> None:
    doc = data()
    _set(path, "no-such-article")(doc)
    message = rejected(doc)
    assert "unknown article id 'no-such-article'" in message
    assert json_path(path) in message


def test_article_of_a_story_must_be_in_the_report() -> None:
    doc = data()
    del doc["articles"][1]
    assert "unknown article id 'courier-0002'" in rejected(doc)


def test_duplicate_story_article_ids_are_rejected() -> None:
    doc = data()
    doc["stories"][0]["article_ids"].append(HERALD.id)
    assert "$.stories[0].article_ids" in rejected(doc)


def test_duplicate_ids_are_rejected() -> None:
    doc = data()
    doc["articles"].append(copy.deepcopy(doc["articles"][0]))
    doc["stories"].append(copy.deepcopy(doc["stories"][0]))
    doc["stories"][0]["facts"].append(copy.deepcopy(doc["stories"][0]["facts"][0]))
    message = rejected(doc)
    assert "$.articles[2]: duplicate article id 'herald-0001'" in message
    assert "$.stories[1]: duplicate story id 'story-ferry'" in message
    assert "$.stories[0].facts[1]: duplicate fact id 'f1'" in message


def test_reuse_pair_must_name_two_articles() -> None:
    doc = data()
    doc["stories"][0]["reuse"][0]["article_ids"] = [HERALD.id, HERALD.id]
    assert "two different articles" in rejected(doc)


def test_message_lists_the_first_problems_and_counts_the_rest() -> None:
    doc = data()
    doc["stories"][0]["facts"] = [
        {**copy.deepcopy(doc["stories"][0]["facts"][0]), "id": f"f{n}", "article_ids": ["nope"]}
        for n in range(30)
    ]
    message = rejected(doc)
    assert message.startswith("report does not satisfy newsprism.report/1 (30 problem(s)):")
    assert len(message.splitlines()) == 1 + MAX_LISTED_PROBLEMS + 1
    assert message.splitlines()[-1] == f"  ... and {30 - MAX_LISTED_PROBLEMS} more"
    # Document order: facts[2] comes before facts[10].
    assert message.index("facts[2]") < message.index("facts[10]")


def test_non_object_is_rejected() -> None:
    with pytest.raises(SchemaValidationError):
        validate_report([])  # type: ignore[arg-type]


def test_schema_validation_error_is_a_report_error() -> None:
    assert issubclass(SchemaValidationError, ReportError)


def test_json_path_quotes_odd_keys() -> None:
    assert json_path(["stories", 0, "facts"]) == "$.stories[0].facts"
    assert json_path(["odd key", 1]) == '$["odd key"][1]'
