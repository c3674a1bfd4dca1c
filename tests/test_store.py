"""The store: articles keyed by content hash, sources, rejections, stories and their results."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsprism.errors import NewsprismError, StoreError, UsageError
from newsprism.model import (
    REPORT_SCHEMA_ID,
    Article,
    Discrepancy,
    DiscrepancySide,
    Entity,
    Evidence,
    Exclusive,
    Fact,
    Quote,
    Rejection,
    Removal,
    Rendering,
    Reuse,
    Span,
    Story,
    SummarySentence,
    TimelineEntry,
)
from newsprism.store import Store
from newsprism.store.migrate import load_migrations as _load_migrations

LATEST = len(_load_migrations())


def make_article(n: int, source: str | None = None, **changes: Any) -> Article:
    text = f"Heading {n}\n\nBody of article {n}. It said “quoted” things. Ünïcode ✓."
    article = Article(id=f"hash{n:04d}", source=source or f"in/{n}.txt", text=text)
    return dataclasses.replace(article, **changes) if changes else article


FULL = Article(
    id="c0ffee",
    source="feeds/world.xml#3",
    text="Storm hits coast\n\nA storm hit the coast on Monday, officials said.",
    outlet="Example Times",
    title="Storm hits coast",
    byline="By A. Writer",
    published="2024-05-06T07:08:09+02:00",
    language="en",
    url="https://example.org/storm",
    wire=("AP", "Reuters"),
    removed=(Removal("Subscribe now!", "boilerplate", 120, 134), Removal("Share", "share-bar")),
    headings=(Span(0, 16, "Storm hits coast"),),
    paragraphs=(Span(18, 66, "A storm hit the coast on Monday, officials said."),),
    input_format="feed",
    metadata={"feed": "world", "tags": ["weather", "coast"], "rank": 3, "score": 0.5, "nested": {"a": None}},
)


def analysed_story(story_id: str, article_ids: tuple[str, ...]) -> Story:
    a = article_ids[0]
    ev = Evidence(a, 0, 7, "Heading")
    return Story(
        id=story_id,
        title=f"Story {story_id}",
        article_ids=article_ids,
        summary=(SummarySentence("Something happened.", (ev,)),),
        facts=(Fact("f1", "It happened.", article_ids, len(article_ids), (ev,)),),
        quotes=(
            Quote(
                "q1", "Officials", "quoted", (Rendering(a, 40, 46, "quoted", True, "it", "said", "exact"),)
            ),
        ),
        discrepancies=(Discrepancy("d1", "count", "people", (DiscrepancySide("3", (a,), (ev,)),)),),
        entities=(Entity("e1", "Coast", "LOC", ("coast",), article_ids),),
        timeline=(TimelineEntry("2024-05-06", "Storm", (ev,)),),
        exclusive=(Exclusive(a, "only here", (ev,)),),
        reuse=(Reuse(article_ids, 12, (ev,)),),
    )


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        yield s


# --------------------------------------------------------------------------- opening


def test_file_store_pragmas(tmp_path: Path) -> None:
    with Store(tmp_path / "news.db") as s:
        conn = s._conn
        assert conn is not None
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert s.schema_version == LATEST
        assert s.path == str(tmp_path / "news.db")


def test_memory_store_works_and_is_empty(store: Store) -> None:
    assert store.schema_version == LATEST
    assert store.article_count() == 0
    assert store.articles() == []
    assert store.stories() == []
    assert store.rejections() == []


def test_close_is_idempotent_and_closed_store_raises(tmp_path: Path) -> None:
    s = Store(tmp_path / "x.db")
    s.close()
    s.close()
    assert "closed" in repr(s)
    with pytest.raises(StoreError, match=r"x\.db: the store is closed"):
        s.article_count()


def test_not_a_database_raises_store_error_naming_path(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"this is not an sqlite database, just some text " * 50)
    with pytest.raises(StoreError, match=r"notes\.db.*not a database"):
        Store(bogus)


def test_missing_directory_raises_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no/such/dir/x\.db"):
        Store(tmp_path / "no" / "such" / "dir" / "x.db")


def test_store_error_is_a_newsprism_error() -> None:
    assert issubclass(StoreError, NewsprismError)


# --------------------------------------------------------------------------- articles


def test_article_round_trips_every_field(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with Store(path) as s:
        assert s.add_article(FULL) is True
        assert s.article(FULL.id) == FULL
    with Store(path) as s:  # and after reopening
        got = s.article(FULL.id)
    assert got == FULL
    assert got.removed[0] == Removal("Subscribe now!", "boilerplate", 120, 134)
    assert isinstance(got.wire, tuple) and isinstance(got.headings[0], Span)


def test_defaults_round_trip(store: Store) -> None:
    bare = Article(id="x", source="-", text="")
    store.add_article(bare)
    assert store.article("x") == bare


def test_readding_same_article_is_a_no_op(store: Store) -> None:
    a = make_article(1)
    assert store.add_article(a) is True
    assert store.add_article(a) is False
    assert store.add_article(a) is False
    assert store.article_count() == 1
    assert store.sources(a.id) == [a.source]


def test_same_article_from_two_files_is_stored_once_with_both_sources(store: Store) -> None:
    first = make_article(1, source="a/story.html")
    second = make_article(1, source="b/copy.html")
    assert store.add_article(first) is True
    assert store.add_article(second) is False
    assert store.article_count() == 1
    assert store.article(first.id) == first  # the first source stays the article's own
    assert store.sources(first.id) == ["a/story.html", "b/copy.html"]
    assert store.add_source(first.id, "c/third.html") is True
    assert store.add_source(first.id, "c/third.html") is False
    assert store.sources(first.id) == ["a/story.html", "b/copy.html", "c/third.html"]


def test_add_source_for_unknown_article_is_usage_error(store: Store) -> None:
    with pytest.raises(UsageError, match="no article 'nope'"):
        store.add_source("nope", "x.txt")
    assert store.sources("nope") == []


def test_articles_order_and_selection(store: Store) -> None:
    for n in (5, 3, 9, 1):
        store.add_article(make_article(n))
    assert [a.id for a in store.articles()] == ["hash0005", "hash0003", "hash0009", "hash0001"]
    assert store.article_ids() == ["hash0005", "hash0003", "hash0009", "hash0001"]
    assert [a.id for a in store.articles(["hash0001", "hash0005"])] == ["hash0001", "hash0005"]
    assert store.articles([]) == []
    assert store.has_article("hash0009") and not store.has_article("hash0002")


def test_articles_with_many_ids(store: Store) -> None:
    with store.batch():
        for n in range(1200):
            store.add_article(make_article(n))
    ids = [f"hash{n:04d}" for n in reversed(range(1200))]
    assert [a.id for a in store.articles(ids)] == ids


def test_unknown_article_is_usage_error(store: Store) -> None:
    store.add_article(make_article(1))
    with pytest.raises(UsageError, match=r"no article 'hash0002'"):
        store.article("hash0002")
    with pytest.raises(UsageError, match=r"no article 'a' \(and 1 more\)"):
        store.articles(["hash0001", "a", "b"])


def test_unserialisable_metadata_is_store_error_and_writes_nothing(store: Store) -> None:
    with pytest.raises(StoreError, match="cannot store article hash0001"):
        store.add_article(make_article(1, metadata={"when": object()}))
    assert store.article_count() == 0


def test_lone_surrogate_is_store_error_and_writes_nothing(store: Store) -> None:
    with pytest.raises(StoreError, match=r"cannot add article hash0001: .*surrogates not allowed"):
        store.add_article(make_article(1, text="broken \ud800 text"))
    assert store.article_count() == 0
    assert store.sources("hash0001") == []


def test_empty_id_is_rejected_by_the_schema(store: Store) -> None:
    with pytest.raises(StoreError, match=r":memory:.*CHECK constraint failed"):
        store.add_article(make_article(1, id=""))


# --------------------------------------------------------------------------- rejections


def test_rejections_are_recorded_in_order(store: Store) -> None:
    store.add_rejection(Rejection("a.bin", "binary data"))
    store.add_rejection(Rejection("b.txt", "empty"))
    store.add_rejection(Rejection("a.bin", "binary data"))
    assert store.rejections() == [
        Rejection("a.bin", "binary data"),
        Rejection("b.txt", "empty"),
        Rejection("a.bin", "binary data"),
    ]


# --------------------------------------------------------------------------- stories


@pytest.fixture
def articles(store: Store) -> list[Article]:
    made = [make_article(n) for n in range(6)]
    for a in made:
        store.add_article(a)
    return made


def test_story_round_trips_with_full_analysis(store: Store, articles: list[Article]) -> None:
    story = analysed_story("s1", ("hash0002", "hash0000"))
    store.save_story(story)
    assert store.story("s1") == story
    assert store.stories() == [story]
    assert store.analyzed_at("s1") is not None
    raw = store._conn.execute("SELECT schema FROM story_results").fetchone()  # type: ignore[union-attr]
    assert raw == (REPORT_SCHEMA_ID,)


def test_bare_story_has_no_result(store: Store, articles: list[Article]) -> None:
    story = Story("s1", "Bare", ("hash0001",))
    store.save_story(story)
    assert store.story("s1") == story
    assert store.analyzed_at("s1") is None


def test_saving_again_replaces_members_and_analysis_keeps_place(
    store: Store, articles: list[Article]
) -> None:
    store.save_story(Story("a", "A", ("hash0000",)))
    store.save_story(analysed_story("b", ("hash0001",)))
    store.save_story(Story("c", "C", ("hash0002",)))
    created = store._conn.execute("SELECT created_at FROM stories WHERE id='b'").fetchone()  # type: ignore[union-attr]
    store.save_story(Story("b", "B2", ("hash0003", "hash0001")))
    assert [s.id for s in store.stories()] == ["a", "b", "c"]
    assert store.story("b") == Story("b", "B2", ("hash0003", "hash0001"))
    assert store.analyzed_at("b") is None
    assert store.story_ids_for_article("hash0001") == ["b"]
    row = store._conn.execute("SELECT created_at, updated_at FROM stories WHERE id='b'").fetchone()  # type: ignore[union-attr]
    assert row[0] == created[0] and row[1] >= row[0]


def test_story_membership_lookup(store: Store, articles: list[Article]) -> None:
    store.replace_stories([Story("x", "X", ("hash0000", "hash0001")), Story("y", "Y", ("hash0001",))])
    assert store.story_ids_for_article("hash0001") == ["x", "y"]
    assert store.story_ids_for_article("hash0000") == ["x"]
    assert store.story_ids_for_article("hash0005") == []


def test_replace_stories_replaces_grouping_in_order(store: Store, articles: list[Article]) -> None:
    store.replace_stories([analysed_story("old", ("hash0000",)), Story("keep", "K", ("hash0001",))])
    created = store._conn.execute("SELECT created_at FROM stories WHERE id='keep'").fetchone()  # type: ignore[union-attr]
    new = [Story("z", "Z", ("hash0002", "hash0003")), Story("keep", "K2", ("hash0001",)), Story("a", "A", ())]
    store.replace_stories(new)
    assert store.stories() == new
    assert store.story_ids_for_article("hash0000") == []
    with pytest.raises(UsageError, match="no story 'old'"):
        store.story("old")
    assert store._conn.execute("SELECT COUNT(*) FROM story_results").fetchone()[0] == 0  # type: ignore[union-attr]
    again = store._conn.execute("SELECT created_at FROM stories WHERE id='keep'").fetchone()  # type: ignore[union-attr]
    assert again == created


def test_replace_stories_is_atomic(store: Store, articles: list[Article]) -> None:
    before = [analysed_story("s1", ("hash0000",)), Story("s2", "Two", ("hash0001",))]
    store.replace_stories(before)
    bad = [Story("n1", "N1", ("hash0002",)), Story("n2", "N2", ("missing-article",))]
    with pytest.raises(UsageError, match="no article 'missing-article'"):
        store.replace_stories(bad)
    assert store.stories() == before
    with pytest.raises(UsageError, match="story 'n1' is given twice"):
        store.replace_stories([Story("n1", "a", ()), Story("n1", "b", ())])
    assert store.stories() == before


def test_bad_stories_are_usage_errors(store: Store, articles: list[Article]) -> None:
    with pytest.raises(UsageError, match="lists an article twice"):
        store.save_story(Story("s", "S", ("hash0000", "hash0000")))
    with pytest.raises(UsageError, match="empty id"):
        store.save_story(Story("", "S", ()))
    with pytest.raises(UsageError, match="no article 'zzz'"):
        store.save_story(Story("s", "S", ("zzz",)))
    with pytest.raises(UsageError, match="no story 's'"):
        store.story("s")
    assert store.stories() == []


def test_foreign_keys_are_enforced(store: Store) -> None:
    conn = store._conn
    assert conn is not None
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        conn.execute("INSERT INTO story_articles (story_id, article_id, position) VALUES ('s', 'a', 0)")


def test_clear_results_and_rebuild(store: Store, articles: list[Article]) -> None:
    one, two = analysed_story("s1", ("hash0000",)), analysed_story("s2", ("hash0001", "hash0002"))
    store.replace_stories([one, two])
    assert store.clear_results(["s2", "s2", "nope"]) == 1
    assert store.story("s2") == Story("s2", two.title, two.article_ids)
    assert store.story("s1") == one
    assert store.clear_results() == 1
    assert store.stories() == [Story(s.id, s.title, s.article_ids) for s in (one, two)]
    # rebuild: the stories needing analysis are those without a result
    for story in store.stories():
        if store.analyzed_at(story.id) is None:
            store.save_story(analysed_story(story.id, story.article_ids))
    assert store.stories() == [one, analysed_story("s2", two.article_ids)]


def test_result_under_another_schema_is_ignored(store: Store, articles: list[Article]) -> None:
    store.save_story(analysed_story("s1", ("hash0000",)))
    store._conn.execute("UPDATE story_results SET schema = 'newsprism.report/0'")  # type: ignore[union-attr]
    assert store.story("s1") == Story("s1", "Story s1", ("hash0000",))
    assert store.analyzed_at("s1") is None


def test_corrupt_result_is_store_error(store: Store, articles: list[Article]) -> None:
    store.save_story(analysed_story("s1", ("hash0000",)))
    store._conn.execute("UPDATE story_results SET report_json = '{broken'")  # type: ignore[union-attr]
    with pytest.raises(StoreError, match="result of story s1 is stored corrupt"):
        store.story("s1")


# --------------------------------------------------------------------------- batches


def test_exception_mid_batch_rolls_back_only_that_batch(store: Store) -> None:
    store.add_article(make_article(0))
    with store.batch():
        store.add_article(make_article(1))
        store.add_article(make_article(2))
    with pytest.raises(RuntimeError, match="boom"), store.batch():
        store.add_article(make_article(3))
        store.add_article(make_article(4))
        store.add_rejection(Rejection("r", "bad"))
        store.add_source("hash0000", "also.txt")
        raise RuntimeError("boom")
    assert store.article_ids() == ["hash0000", "hash0001", "hash0002"]
    assert store.rejections() == []
    assert store.sources("hash0000") == ["in/0.txt"]
    with store.batch():  # the store goes on working
        store.add_article(make_article(5))
    assert store.article_count() == 4


def test_failed_write_inside_batch_undoes_only_itself(store: Store) -> None:
    with store.batch():
        store.add_article(make_article(1))
        with pytest.raises(StoreError):
            store.add_article(make_article(2, metadata={"x": {1, 2}}))
        with pytest.raises(UsageError):
            store.save_story(Story("s", "S", ("hash0001", "nope")))
        store.add_article(make_article(3))
    assert store.article_ids() == ["hash0001", "hash0003"]
    assert store.stories() == []


def test_nested_batch_is_a_savepoint(store: Store) -> None:
    with store.batch():
        store.add_article(make_article(1))
        with pytest.raises(KeyError), store.batch():
            store.add_article(make_article(2))
            raise KeyError("inner")
        store.add_article(make_article(3))
    assert store.article_ids() == ["hash0001", "hash0003"]


def test_close_inside_batch_rolls_back(tmp_path: Path) -> None:
    path = tmp_path / "b.db"
    s = Store(path)
    s.add_article(make_article(1))
    with pytest.raises(StoreError, match="closed"), s.batch():
        s.add_article(make_article(2))
        s.close()
    with Store(path) as again:
        assert again.article_ids() == ["hash0001"]


def test_every_article_field_has_a_column(store: Store) -> None:
    """Adding a field to Article must come with a migration and the store's encoding of it."""
    conn = store._conn
    assert conn is not None
    columns = {row[1] for row in conn.execute("PRAGMA table_info(articles)")}
    assert columns - {"seq", "added_at"} == {f.name for f in dataclasses.fields(Article)}


def test_reads_inside_a_batch_see_its_writes(store: Store, articles: list[Article]) -> None:
    with store.batch():
        store.replace_stories([Story("s", "S", ("hash0001",))])
        assert store.stories() == [Story("s", "S", ("hash0001",))]
        assert store.articles(["hash0001"]) == [articles[1]]


def test_an_analysis_that_found_nothing_is_still_a_result(store: Store, articles: list[Article]) -> None:
    empty = Story("s1", "Quiet", ("hash0001",))
    store.save_story(empty)
    assert store.analyzed_at("s1") is None
    store.save_story(empty, analyzed=True)
    assert store.analyzed_at("s1") is not None
    assert store.story("s1") == empty


def test_regrouping_keeps_the_results_of_stories_that_survive(store: Store, articles: list[Article]) -> None:
    kept = analysed_story("s1", ("hash0002", "hash0000"))
    gone = analysed_story("s2", ("hash0001",))
    store.replace_stories([kept, gone])
    survivor = Story(kept.id, kept.title, kept.article_ids)
    store.replace_stories([survivor, Story("s3", "New", ("hash0001",))])
    assert store.story("s1") == kept
    assert store.analyzed_at("s3") is None
