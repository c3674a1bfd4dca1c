"""A small, wholly invented report (a ferry running aground, told by two invented outlets).

The other ``test_report_*`` modules import :func:`sample_report` and friends from here; the tests in
this module check the sample itself and the model's round trip.
"""

from __future__ import annotations

import json

from newsprism.model import (
    Article,
    Discrepancy,
    DiscrepancySide,
    Entity,
    Evidence,
    Exclusive,
    Fact,
    Quote,
    Removal,
    Rendering,
    Report,
    Reuse,
    Span,
    Story,
    SummarySentence,
    TimelineEntry,
    evidence_for,
)

SCRIPT = "<script>alert(1)</script>"
GENERATED_AT = "2024-03-06T08:00:00Z"

HERALD_TEXT = (
    "The passenger ferry Morning Tern ran aground off Gull Point on Tuesday evening, the Lenmark port "
    "authority said. All 112 passengers were brought ashore by lifeboat crews within three hours.\n\n"
    '"The crew acted quickly and nobody was seriously hurt," said harbour master Ilse Varga. '
    "Investigators will examine the ship's navigation records.\n\n"
    "The Morning Tern had left Lenmark at 6 p.m. on 4 March."
)

COURIER_TEXT = (
    "A ferry carrying 120 passengers struck rocks near Gull Point on Tuesday. Lifeboat crews needed "
    "four hours to bring everyone ashore.\n\n"
    "Harbour master Ilse Varga said the crew had acted quickly and that nobody was seriously hurt. "
    "A passenger told the Courier that the lights went out before the impact.\n\n"
    f"Readers asked about the odd line {SCRIPT} in an earlier version | of this * story [1](#x)."
)

HERALD = Article(
    id="herald-0001",
    source="inputs/harbour-herald/ferry.html",
    text=HERALD_TEXT,
    outlet="The Harbour Herald",
    title="Ferry runs aground off Gull Point; 112 passengers rescued",
    byline="Mira Okonjo",
    published="2024-03-05",
    language="en",
    url="https://harbour-herald.invalid/ferry",
    removed=(
        Removal("Subscribe to the Herald newsletter", "boilerplate", 812, 846),
        Removal("Share | Tweet | # Email\n- Print", "share widget"),
    ),
    paragraphs=(Span(0, HERALD_TEXT.index("\n\n"), HERALD_TEXT[: HERALD_TEXT.index("\n\n")]),),
    input_format="html",
    metadata={"section": "local"},
)

COURIER = Article(
    id="courier-0002",
    source="inputs/courier.jsonl#3",
    text=COURIER_TEXT,
    outlet="Coastline Courier",
    title=f"Ferry strikes rocks {SCRIPT}",
    byline=None,
    published=None,
    language=None,
    wire=("Lenmark Press Agency",),
    input_format="jsonl",
)

UNUSED = Article(id="unused-0003", source="inputs/other.txt", text="A council meeting about parking.")


def span(article: Article, needle: str, occurrence: int = 0) -> Evidence:
    """Evidence for the ``occurrence``-th appearance of ``needle`` in ``article.text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(needle, start + 1)
    return evidence_for(article, start, start + len(needle))


def rendering(article: Article, needle: str, **kwargs: object) -> Rendering:
    ev = span(article, needle)
    return Rendering(ev.article_id, ev.start, ev.end, ev.text, **kwargs)  # type: ignore[arg-type]


def sample_story() -> Story:
    return Story(
        id="story-ferry",
        title=f"Ferry runs aground off Gull Point {SCRIPT}",
        article_ids=(HERALD.id, COURIER.id),
        summary=(
            SummarySentence(
                "A ferry ran aground off Gull Point on Tuesday.",
                (
                    span(HERALD, "ran aground off Gull Point on Tuesday"),
                    span(COURIER, "struck rocks near Gull Point"),
                ),
            ),
            SummarySentence("Harbour master Ilse Varga said nobody was seriously hurt.", ()),
        ),
        facts=(
            Fact(
                id="f1",
                text="The ferry ran aground near Gull Point on Tuesday",
                article_ids=(HERALD.id, COURIER.id),
                independent_sources=2,
                evidence=(
                    span(HERALD, "ran aground off Gull Point on Tuesday"),
                    span(COURIER, "near Gull Point"),
                ),
            ),
        ),
        quotes=(
            Quote(
                id="q1",
                speaker="Ilse Varga",
                text="The crew acted quickly and nobody was seriously hurt",
                renderings=(
                    rendering(
                        HERALD,
                        "The crew acted quickly and nobody was seriously hurt",
                        direct=True,
                        speaker_mention="harbour master Ilse Varga",
                        cue="said",
                        relation="exact",
                    ),
                    rendering(
                        COURIER,
                        "the crew had acted quickly and that nobody was seriously hurt",
                        direct=False,
                        speaker_mention="Harbour master Ilse Varga",
                        cue="said",
                        relation="paraphrase",
                    ),
                ),
            ),
        ),
        discrepancies=(
            Discrepancy(
                id="d1",
                kind="count",
                about="passengers on board",
                sides=(
                    DiscrepancySide("112", (HERALD.id,), (span(HERALD, "All 112 passengers"),)),
                    DiscrepancySide("120", (COURIER.id,), (span(COURIER, "carrying 120 passengers"),)),
                ),
            ),
        ),
        entities=(
            Entity(
                id="e1",
                name="Ilse Varga",
                type="person",
                variants=("harbour master Ilse Varga", "Harbour master Ilse Varga"),
                article_ids=(HERALD.id, COURIER.id),
            ),
        ),
        timeline=(
            TimelineEntry(
                "2024-03-04", "The Morning Tern leaves Lenmark", (span(HERALD, "left Lenmark at 6 p.m."),)
            ),
        ),
        exclusive=(
            Exclusive(
                COURIER.id,
                "A passenger says the lights went out before the impact.",
                (span(COURIER, "the lights went out before the impact"),),
            ),
        ),
        reuse=(
            Reuse(
                (HERALD.id, COURIER.id),
                len("Gull Point on Tuesday"),
                (span(HERALD, "Gull Point on Tuesday"), span(COURIER, "Gull Point on Tuesday")),
            ),
        ),
    )


def sample_report() -> Report:
    return Report(generated_at=GENERATED_AT, articles=(HERALD, COURIER), stories=(sample_story(),))


def empty_analysis_report() -> Report:
    """A story with members and nothing found yet in any analysis array."""
    story = Story(id="story-bare", title="Ferry runs aground", article_ids=(HERALD.id, COURIER.id))
    return Report(generated_at=GENERATED_AT, articles=(HERALD, COURIER), stories=(story,))


# --------------------------------------------------------------------------- tests of the sample


def test_sample_offsets_hold() -> None:
    report = sample_report()
    texts = {a.id: a.text for a in report.articles}
    story = report.stories[0]
    spans: list[Evidence | Rendering] = [e for s in story.summary for e in s.evidence]
    spans += [e for f in story.facts for e in f.evidence]
    spans += [r for q in story.quotes for r in q.renderings]
    assert spans
    for item in spans:
        assert texts[item.article_id][item.start : item.end] == item.text


def test_report_round_trips_through_dict_and_json() -> None:
    report = sample_report()
    assert Report.from_dict(report.to_dict()) == report
    assert Report.from_json(report.to_json()) == report
    assert Report.from_dict(json.loads(json.dumps(report.to_dict()))) == report
    empty = empty_analysis_report()
    assert Report.from_dict(empty.to_dict()) == empty


def test_to_dict_puts_schema_marker_first() -> None:
    data = sample_report().to_dict()
    assert next(iter(data)) == "schema"
    assert data["schema"] == "newsprism.report/1"
