"""Text reuse and likely origin (newsprism.align.reuse, newsprism.align.provenance).

Every text here is invented for these tests (fictional places, people and events); the demo corpus
is fictional too. The seed articles are read by path and no text of theirs is written here.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from newsprism.align.provenance import likely_origins
from newsprism.align.reuse import find_repeats, find_reuse
from newsprism.demo import DEMO_STORIES
from newsprism.model import Article, Evidence, Origin, Reuse

# --------------------------------------------------------------------------- invented fixtures

DATELINE = "CALLOWAY, March 4 (Reuters) - "
P1 = (
    "Engineers on Thursday began draining the flooded Calloway rail tunnel beneath the Merrin estuary, "
    "two days after a burst water main forced the line to close and stranded around 4,000 commuters "
    "overnight."
)
P2 = (
    "The regional rail operator said pumps were {verb} about 900 litres a second and that it expected "
    "the tunnel to be dry by Saturday, although the signalling equipment would need to be replaced "
    "before trains could run again."
)
S1 = (
    "Maintenance crews first noticed water seeping through the north portal shortly after midnight on Monday."
)
S2 = "Within an hour the water had reached the level of the rails."
S3 = "The last train of the night was halted at Dunsby and its passengers were taken on by bus."
P4 = (
    "The water utility has apologised and said it would pay for the repairs. An inquiry will examine why "
    "the main, which was laid in 1962, had not been replaced during works on the tunnel last spring."
)
LOCAL = (
    "In Harlow Green, where many of the stranded commuters live, the parish council opened its hall on "
    "Tuesday night and volunteers served soup until the early hours."
)
WIRE_TEXT = "\n\n".join([DATELINE + P1, P2.format(verb="removing"), f"{S1} {S2} {S3}", P4])
COPY_TEXT = "\n\n".join([P1, P2.format(verb="extracting"), f"{S1} {S3}", LOCAL, P4])

UNRELATED = (
    "The Ostrava Lane allotment society has won this year's county prize for its community orchard, "
    "beating eleven other gardens.\n\nJudges praised the pear trees planted along the old railway "
    "embankment and a rainwater scheme built by volunteers over three winters.\n\nThe society's "
    "chairwoman, Imke Salter, said the prize money would pay for a new greenhouse and a tool shed."
)
# Same event as the wire story, written independently: names and facts shared, no sentences.
INDEPENDENT = (
    "Commuters who rely on the Calloway line face a third day of disruption after the tunnel under the "
    "Merrin estuary filled with water from a broken main.\n\nThe operator hopes to have the tunnel pumped "
    "out by the weekend, but new signals must go in before any service resumes, it said.\n\nAbout 4,000 "
    "people were stuck on Tuesday night, many of them sleeping in a sports hall at Dunsby."
)


def _article(aid: str, text: str, **kw: object) -> Article:
    return Article(id=aid, source=f"{aid}.txt", text=text, **kw)  # type: ignore[arg-type]


def _check_evidence(reuse: Reuse, by_id: dict[str, Article]) -> None:
    a, b = reuse.article_ids
    assert a != b and a < b
    assert len(reuse.evidence) % 2 == 0 and reuse.evidence
    for k, e in enumerate(reuse.evidence):
        assert e.article_id == (a if k % 2 == 0 else b)
        text = by_id[e.article_id].text
        assert 0 <= e.start < e.end <= len(text) and text[e.start : e.end] == e.text


# --------------------------------------------------------------------------- reuse


def test_reprint_with_light_edits_gives_exact_shared_chars() -> None:
    wire = _article("a-wire", WIRE_TEXT)
    copy = _article("b-copy", COPY_TEXT)
    (reuse,) = find_reuse([copy, wire])
    assert reuse.article_ids == ("a-wire", "b-copy")
    _check_evidence(reuse, {"a-wire": wire, "b-copy": copy})
    # Counted on each side: everything but the dateline, the changed word (with its two spaces), the
    # dropped sentence, and the text between the passages that the other side lacks.
    on_wire = len(WIRE_TEXT) - len(DATELINE) - (len("removing") + 2) - (len(S2) + 2) - 2
    on_copy = len(COPY_TEXT) - (len("extracting") + 2) - 1 - (len(LOCAL) + 4)
    assert on_wire == on_copy == reuse.shared_chars
    # Three aligned passages: up to the dropped sentence, from it to the local paragraph, and after.
    texts = [e.text for e in reuse.evidence]
    assert len(texts) == 6
    assert texts[0].startswith("Engineers on Thursday") and texts[0].endswith(S1)
    assert "removing" in texts[0] and "extracting" in texts[1]  # a changed word stays inside its passage
    assert texts[2] == texts[3] == S3
    assert texts[4] == texts[5] == P4
    assert S2 not in "".join(texts)


def test_lifted_paragraph_inside_other_text_is_found() -> None:
    host = _article("host", UNRELATED + "\n\n" + P4 + "\n\nThe orchard opens to visitors in May.")
    wire = _article("wire", WIRE_TEXT)
    (reuse,) = find_reuse([wire, host])
    _check_evidence(reuse, {"host": host, "wire": wire})
    assert [e.text for e in reuse.evidence] == [P4, P4]
    assert reuse.shared_chars == len(P4)


def test_unrelated_and_independent_articles_share_nothing() -> None:
    wire = _article("wire", WIRE_TEXT)
    assert find_reuse([wire, _article("garden", UNRELATED)]) == ()
    assert find_reuse([wire, _article("independent", INDEPENDENT)]) == ()
    assert find_reuse([wire]) == ()
    assert find_reuse([]) == ()


def test_min_chars_is_a_floor_on_the_shared_passage() -> None:
    host = _article("host", UNRELATED + "\n\n" + S2)
    wire = _article("wire", WIRE_TEXT)
    assert len(S2) < 80
    assert find_reuse([wire, host]) == ()
    (reuse,) = find_reuse([wire, host], min_chars=40)
    assert reuse.shared_chars == len(S2)
    assert [e.text for e in reuse.evidence] == [S2, S2]


def test_order_of_input_does_not_matter_and_pairs_are_sorted() -> None:
    wire = _article("w", WIRE_TEXT)
    copy = _article("c", COPY_TEXT)
    host = _article("h", UNRELATED + "\n\n" + P4)
    one = find_reuse([wire, copy, host])
    two = find_reuse([host, copy, wire, wire])
    assert one == two
    assert [r.article_ids for r in one] == [("c", "w"), ("c", "h"), ("h", "w")]
    assert [r.shared_chars for r in one] == sorted((r.shared_chars for r in one), reverse=True)


def test_a_paragraph_printed_twice_in_the_copy_is_matched_once() -> None:
    wire = _article("w", WIRE_TEXT)
    doubled = _article("d", COPY_TEXT + "\n\n" + P4)
    (reuse,) = find_reuse([wire, doubled])
    p4_spans = [e for e in reuse.evidence if e.text == P4]
    assert len(p4_spans) == 2  # once on each side, not twice on the doubled side


def test_repeated_paragraph_inside_one_article() -> None:
    quote = "We pumped for two days and the water kept coming back through the cracks in the old brick lining"
    text = "\n\n".join(
        [
            P1,
            f"“{quote},” said Orla Benn.",
            S1 + " " + S3,
            f"Orla Benn, the site manager, described the night: “{quote}.” The crews stay until Sunday.",
        ]
    )
    article = _article("one", text)
    repeats = find_repeats(article)
    assert len(repeats) == 2
    first, second = repeats
    assert first.end <= second.start
    assert first.text == second.text == f"“{quote}"
    for e in repeats:
        assert e.article_id == "one" and text[e.start : e.end] == e.text
    # Printed three times: each later copy is paired once with an earlier one.
    thrice = _article("thrice", "\n\n".join([P4, S1, P4, S3, P4]))
    spans = find_repeats(thrice)
    assert len(spans) == 4 and all(e.text == P4 for e in spans)
    assert len({(e.start, e.end) for e in spans[1::2]}) == 2
    # The same article never shows up as a reuse pair with itself.
    assert find_reuse([article, article]) == ()
    assert find_repeats(_article("plain", WIRE_TEXT)) == ()


def test_speed_ten_articles_of_four_kilobytes() -> None:
    rng = random.Random(7)
    vocab = [f"w{n}" for n in range(3000)] + ["the", "of", "and", "to", "in", "said", "a", "on"] * 40

    def words(n: int) -> str:
        return " ".join(rng.choice(vocab) for _ in range(n))

    shared = [words(120) + "." for _ in range(3)]
    articles = []
    for k in range(10):
        parts = [words(100) + "." for _ in range(7)]
        parts.insert(2, shared[k % 3])
        text = "\n\n".join(parts)[:4096]
        articles.append(_article(f"art{k}", text))
    best = min(_timed(articles) for _ in range(3))
    found = find_reuse(articles)
    assert len(found) == 3 * 3 + 3  # articles sharing the same passage: C(4,2) + C(3,2) + C(3,2)
    assert best < 0.1, f"{best * 1000:.0f} ms"


def _timed(articles: list[Article]) -> float:
    start = time.perf_counter()
    find_reuse(articles)
    return time.perf_counter() - start


# --------------------------------------------------------------------------- likely origin


def _origins(a: Article, b: Article) -> tuple[Origin, ...]:
    reuse = find_reuse([a, b])
    assert reuse
    origins = likely_origins([a, b], reuse)
    assert len(origins) == len(reuse[0].evidence) // 2
    for o in origins:
        assert o.passage.article_id != o.counterpart.article_id
        assert o.reasoning and o.reasoning.count(". ") == 0  # one sentence
    return origins


def test_origin_by_wire_credit() -> None:
    wire = _article("z-wire", WIRE_TEXT, wire=("Reuters",), outlet="Wire Desk")
    copy = _article("a-copy", COPY_TEXT, outlet="Harlow Gazette")
    origins = _origins(wire, copy)
    assert {(o.origin_article_id, o.origin_wire) for o in origins} == {("z-wire", "Reuters")}
    assert all(o.passage.article_id == "a-copy" for o in origins)
    assert "Wire Desk credits Reuters" in origins[0].reasoning


def test_photo_credit_is_not_a_wire_origin() -> None:
    wire = _article("z-wire", WIRE_TEXT, wire=("AFP",), photo_credits=("AFP",))
    copy = _article("a-copy", COPY_TEXT)
    origins = _origins(wire, copy)
    assert all(o.origin_wire is None for o in origins)


def test_origin_by_date_and_shared_wire() -> None:
    early = _article("x-early", WIRE_TEXT, published="2026-03-04T09:00:00+00:00", outlet="Morning Post")
    late = _article("a-late", COPY_TEXT, published="2026-03-04T13:30:00+00:00", outlet="Evening Star")
    origins = _origins(early, late)
    assert {o.origin_article_id for o in origins} == {"x-early"}
    assert {o.origin_wire for o in origins} == {None}
    assert "Morning Post was published before Evening Star" in origins[0].reasoning
    both = _origins(
        _article("x-early", WIRE_TEXT, published="2026-03-04", wire=("AP",)),
        _article("a-late", COPY_TEXT, published="2026-03-05", wire=("AP",)),
    )
    assert {(o.origin_article_id, o.origin_wire) for o in both} == {("x-early", "AP")}
    # A date-only value against a time on the same day decides nothing: trimming decides here (the
    # wire text has a dateline and a sentence more inside a paragraph).
    same_day = _origins(
        _article("y", WIRE_TEXT, published="2026-03-04"),
        _article("x", COPY_TEXT, published="2026-03-04T13:30:00+00:00"),
    )
    assert {o.origin_article_id for o in same_day} == {"y"}
    assert "cuts it short" in same_day[0].reasoning


def test_origin_by_trimming() -> None:
    original = (
        "Harbour master Ilse Rannow closed the inner basin at Pellinger Quay on Friday morning after a "
        "fishing trawler sank at its mooring during the night, leaving a thin film of diesel on the water "
        "between the fish market and the ferry ramp. Divers from the port authority plugged the fuel vents "
        "of the wreck before dawn, and a floating boom now holds the spill against the north wall.\n\n"
        "Rannow said the basin would stay shut until the trawler had been lifted, which the salvage firm "
        "expected to do over the weekend, and that the ferry would use the outer berth until then. The "
        "owner of the trawler, a family firm that has fished from the quay for three generations, said "
        "the boat had been due for its annual survey next month."
    )
    trimmed = (
        "Harbour master Ilse Rannow closed the inner basin at Pellinger Quay on Friday morning after a "
        "fishing trawler sank at its mooring during the night. Divers from the port authority plugged the "
        "fuel vents of the wreck before dawn.\n\n"
        "Rannow said the basin would stay shut until the trawler had been lifted, which the salvage firm "
        "expected to do over the weekend. The owner of the trawler said the boat had been due for its "
        "annual survey next month."
    )
    origins = _origins(_article("b-orig", original), _article("a-trim", trimmed))
    assert {o.origin_article_id for o in origins} == {"b-orig"}
    assert all(o.passage.article_id == "a-trim" for o in origins)
    assert "cuts it short" in origins[0].reasoning


def test_shared_quotation_claims_no_origin() -> None:
    said = (
        "“We will keep the ferries running through the winter, whatever the fuel costs, because the "
        "islands have no other road to the mainland,” said transport councillor Edda Voss."
    )
    one = _article("a", UNRELATED + "\n\n" + said, wire=("Reuters",))
    two = _article("b", INDEPENDENT + "\n\n" + said.replace("said transport councillor", "Councillor"))
    origins = _origins(one, two)
    assert {(o.origin_article_id, o.origin_wire) for o in origins} == {(None, None)}
    assert "quoted words" in origins[0].reasoning


def test_undetermined_origin() -> None:
    one = _article("a", UNRELATED + "\n\n" + P4, published="2026-03-04")
    two = _article("b", INDEPENDENT + "\n\n" + P4, published="2026-03-04")
    origins = _origins(one, two)
    assert {o.origin_article_id for o in origins} == {None}
    assert origins[0].reasoning.startswith("undetermined")


# --------------------------------------------------------------------------- demo corpus (fictional)


# The demo_articles fixture lives in conftest.py.


DEMO_REPRINTS = [
    ("vellmoor-bridge", "vellmoor-bridge-lantern-post.txt", "vellmoor-bridge-northgate-herald.txt", "AFP"),
    (
        "dunmere-footbridge",
        "dunmere-footbridge-civic-ledger.txt",
        "dunmere-footbridge-brightwater-times.txt",
        "AP",
    ),
    (
        "kessling-port-strike",
        "kessling-port-strike-tidewater-markets.txt",
        "kessling-port-strike-lantern-post.txt",
        "Reuters",
    ),
]
AGENCY = {"AFP": "Agence France-Presse", "AP": "The Associated Press", "Reuters": "Reuters"}


@pytest.mark.parametrize(("story", "original", "reprint", "wire"), DEMO_REPRINTS)
def test_demo_wire_reprints(
    demo_articles: dict[str, Article], story: str, original: str, reprint: str, wire: str
) -> None:
    members = [demo_articles[name] for name in DEMO_STORIES[story]]
    by_id = {a.id: a for a in members}
    reuse = find_reuse(members)
    for r in reuse:
        _check_evidence(r, by_id)
    top = reuse[0]
    assert set(top.article_ids) == {demo_articles[original].id, demo_articles[reprint].id}
    assert top.shared_chars >= 1000
    assert all(r.shared_chars < top.shared_chars / 2 for r in reuse[1:])
    origins = likely_origins(members, [top])
    assert origins and {o.origin_wire for o in origins} == {AGENCY[wire]}


def test_demo_translation_shares_no_text(demo_articles: dict[str, Article]) -> None:
    members = [demo_articles[name] for name in DEMO_STORIES["vellmoor-bridge"]]
    translated = demo_articles["vellmoor-bridge-eurolumen.txt"].id
    assert all(translated not in r.article_ids for r in find_reuse(members))


def test_demo_reprint_origin_by_trimming(demo_articles: dict[str, Article]) -> None:
    original = demo_articles["vellmoor-bridge-lantern-post.txt"]
    reprint = demo_articles["vellmoor-bridge-northgate-herald.txt"]
    origins = likely_origins([original, reprint], find_reuse([original, reprint]))
    assert {o.origin_article_id for o in origins} == {original.id}


@pytest.mark.corpus
def test_seed_reuse_and_repeats(corpus_dir: Path) -> None:
    paths = sorted((corpus_dir / "seeds").glob("*.txt"))
    raw = [Article(id=p.stem, source=str(p), text=p.read_text(encoding="utf-8")) for p in paths]
    by_id = {a.id: a for a in raw}
    for r in find_reuse(raw):
        _check_evidence(r, by_id)
    repeats = {a.id[:3]: find_repeats(a) for a in raw}
    # One seed repeats a paragraph (a quotation printed alone, then again inside a paragraph).
    assert [k for k, v in repeats.items() if v] == ["001"]
    for a in raw:
        for e in repeats[a.id[:3]]:
            assert isinstance(e, Evidence) and a.text[e.start : e.end] == e.text
