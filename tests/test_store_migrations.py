"""Numbered migrations: applied once, in order, in transactions; newer databases are refused."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from newsprism.errors import MigrationError, StoreError
from newsprism.model import Article
from newsprism.store import Store
from newsprism.store.db import connect
from newsprism.store.migrate import Migration, applied, load_migrations, migrate, split_statements
from newsprism.store.migrate import load_migrations as _load_migrations

LATEST = len(_load_migrations())


def test_shipped_migrations_are_numbered_from_one() -> None:
    migrations = load_migrations()
    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))
    assert migrations[0].label == "0001_initial"
    assert "CREATE TABLE articles" in migrations[0].sql


def test_new_database_records_applied_migrations(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with Store(path) as s:
        assert s.schema_version == len(load_migrations())
    with sqlite3.connect(path) as raw:
        rows = raw.execute("SELECT version, name, applied_at FROM schema_migrations").fetchall()
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    raw.close()
    assert [(v, n) for v, n, _ in rows] == [(m.version, m.name) for m in load_migrations()]
    assert rows[0][2].startswith("20")
    assert {
        "articles",
        "article_sources",
        "rejections",
        "stories",
        "story_articles",
        "story_results",
    } <= tables


def test_reopening_applies_nothing_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with Store(path) as s:
        s.add_article(Article("a", "a.txt", "text"))
    with Store(path) as s:
        assert s.article_count() == 1
        assert s._conn.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0] == LATEST  # type: ignore[union-attr]


def _record(path: Path, version: int, name: str) -> None:
    with sqlite3.connect(path) as raw:
        raw.execute(
            "INSERT INTO schema_migrations VALUES (?, ?, '2099-01-01T00:00:00+00:00')", (version, name)
        )
    raw.close()


def test_database_from_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Store(path).close()
    future = LATEST + 1
    _record(path, future, "from_the_future")
    with pytest.raises(MigrationError) as info:
        Store(path)
    message = str(info.value)
    assert str(path) in message
    assert f"schema version {future}" in message and f"{future:04d}_from_the_future" in message
    assert "newer newsprism" in message and "upgrade" in message
    assert isinstance(info.value, StoreError)


def test_renamed_migration_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "odd.db"
    Store(path).close()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE schema_migrations SET name = 'something_else' WHERE version = 1")
    raw.close()
    with pytest.raises(MigrationError, match="recorded as 'something_else'"):
        Store(path)


def _extra(sql: str, name: str = "extra") -> tuple[Migration, ...]:
    return (*load_migrations(), Migration(len(load_migrations()) + 1, name, sql))


def test_pending_migrations_are_applied_in_order(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    Store(path).close()
    latest = len(load_migrations())
    more = (
        *_extra("ALTER TABLE articles ADD COLUMN note TEXT;", "add_note"),
        Migration(latest + 2, "fill_note", "UPDATE articles SET note = 'x'; -- a trailing comment\n"),
    )
    conn = connect(str(path))
    try:
        assert migrate(conn, str(path), more) == latest + 2
        assert applied(conn) == {m.version: m.name for m in more}
        assert migrate(conn, str(path), more) == latest + 2  # idempotent
    finally:
        conn.close()


def test_failing_migration_rolls_back_and_raises(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    Store(path).close()
    broken = _extra("CREATE TABLE half_done (x INTEGER);\nINSERT INTO no_such_table VALUES (1);", "broken")
    conn = connect(str(path))
    try:
        with pytest.raises(MigrationError, match=rf"migration {LATEST + 1:04d}_broken failed: no such"):
            migrate(conn, str(path), broken)
        assert not conn.in_transaction
        assert sorted(applied(conn)) == list(range(1, LATEST + 1))
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "half_done" not in tables
    finally:
        conn.close()
    with Store(path) as s:  # the shipped schema still opens
        assert s.schema_version == LATEST


def test_split_statements_respects_strings_comments_and_triggers() -> None:
    sql = """
    -- a comment; with a semicolon
    CREATE TABLE t (x TEXT DEFAULT 'a;b');
    /* block; comment */ INSERT INTO t VALUES ('c;d');;
    CREATE TRIGGER tr AFTER INSERT ON t BEGIN
        UPDATE t SET x = x || ';';
    END;
    -- done
    """
    statements = split_statements(sql)
    assert len(statements) == 3
    assert statements[1].endswith("VALUES ('c;d');")
    assert statements[2].startswith("CREATE TRIGGER") and statements[2].endswith("END;")
    conn = sqlite3.connect(":memory:")
    try:
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()


def test_unterminated_statement_is_an_error() -> None:
    with pytest.raises(MigrationError, match="unterminated"):
        split_statements("CREATE TABLE a (x); CREATE TABLE b (y)")


def test_migration_dataclass_label() -> None:
    m = Migration(12, "add_index", "")
    assert m.label == "0012_add_index"
    assert dataclasses.replace(m, version=3).label == "0003_add_index"


def test_a_version_1_database_upgrades_and_keeps_its_articles(tmp_path: Path) -> None:
    from newsprism.model import Article
    from newsprism.store import Store

    path = tmp_path / "old.db"
    conn = connect(str(path))
    try:
        migrate(conn, str(path), load_migrations()[:1])
        conn.execute(
            "INSERT INTO articles (id, source, text, wire, removed, headings, paragraphs, input_format,"
            " metadata, added_at) VALUES ('a1', 'old.txt', 'Body.', '[\"AP\"]', '[]', '[]', '[]', 'txt',"
            " '{}', '2020-01-01T00:00:00Z')"
        )
        conn.commit()
    finally:
        conn.close()
    with Store(path) as store:
        assert store.schema_version == LATEST
        assert store.article("a1") == Article(id="a1", source="old.txt", text="Body.", wire=("AP",))
