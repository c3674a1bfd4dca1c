"""The :class:`Store`: articles, rejections and stories in one SQLite file.

Transactions. Every write method commits on its own: a run killed at any moment (``kill -9``
included) keeps everything committed before, and the database stays consistent. To amortise the
commit, group writes with ``with store.batch():`` -- one transaction for the whole block, rolled back
as a whole if the block raises. Inside a batch each write method still runs in its own savepoint, so
a write that fails leaves nothing half-written and the caller may catch the error and go on.

Concurrency. The database runs in WAL mode: any number of readers (other :class:`Store` objects, in
this or other processes) read while one writer writes, and see the last committed state; a reader
never waits for the writer nor the writer for readers. A second writer waits up to ``busy_timeout``
seconds for the first writer's transaction to end, then fails with :class:`StoreError`
("database is locked"). A :class:`Store` is bound to the thread that opened it (sqlite3's rule); open
one per thread or process.

Errors. SQLite failures raise :class:`StoreError` with a message naming the database path; asking for
an article or story that is not there raises :class:`UsageError`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, TypeVar

from newsprism.errors import StoreError, UsageError
from newsprism.model import REPORT_SCHEMA_ID, Article, Rejection, Removal, Span, Story, from_plain, to_plain
from newsprism.store.db import DEFAULT_BUSY_TIMEOUT, connect, translate_errors
from newsprism.store.migrate import migrate

_ARTICLE_COLUMNS = (
    "id, source, text, outlet, title, byline, published, language, url, "
    "wire, photo_credits, removed, headings, paragraphs, input_format, metadata"
)
_ARTICLE_NAMES = tuple(name.strip() for name in _ARTICLE_COLUMNS.split(","))
_INSERT_ARTICLE = (
    f"INSERT INTO articles ({_ARTICLE_COLUMNS}, added_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"
)
_JSON_FIELDS = ("wire", "photo_credits", "removed", "headings", "paragraphs", "metadata")
_STORY_KEYS = frozenset({"id", "title", "article_ids"})
_Flat = TypeVar("_Flat", Removal, Span)
_FIELD_NAMES = {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in (Removal, Span)}
_CHUNK = 500  # ids per "IN (...)" query, well below SQLite's limit on host parameters


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _dumps(value: Any) -> str:
    return json.dumps(to_plain(value), ensure_ascii=False, separators=(",", ":"))


def _dumps_flat(items: Sequence[_Flat], cls: type[_Flat]) -> str:
    """``_dumps(items)`` for scalar-only dataclasses, without model.to_plain's generic walk (3x faster)."""
    names = _FIELD_NAMES[cls]
    return json.dumps(
        [{name: getattr(item, name) for name in names} for item in items],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _build(cls: type[_Flat], data: dict[str, Any]) -> _Flat:
    """A dataclass of scalar fields from its plain dict, ignoring unknown keys as from_plain does."""
    return cls(**{name: data[name] for name in _FIELD_NAMES[cls] if name in data})


def _has_analysis(story: Story) -> bool:
    return any(getattr(story, f.name) for f in dataclasses.fields(story) if f.name not in _STORY_KEYS)


class Store:
    """Articles, rejections and stories in the SQLite database at ``path`` (``":memory:"`` works).

    Opening creates the file if needed and applies pending migrations; a database written by a newer
    newsprism raises :class:`MigrationError`. Use it as a context manager or call :meth:`close`.
    """

    def __init__(self, path: str | os.PathLike[str], *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
        self.path: str = os.fspath(path)
        self._depth = 0  # open write scopes: 0 = none, 1 = a transaction, more = savepoints in it
        self._conn: sqlite3.Connection | None = connect(self.path, busy_timeout=busy_timeout)
        try:
            migrate(self._conn, self.path)
        except BaseException:
            self.close()
            raise

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        """Close the connection, rolling back an unfinished batch. Closing twice is harmless."""
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            if conn.in_transaction:
                conn.rollback()
        finally:
            conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._conn is None else "open"
        return f"Store({self.path!r}, {state})"

    @property
    def schema_version(self) -> int:
        """The highest migration applied to the database."""
        row = self._read("SELECT MAX(version) FROM schema_migrations", (), "read the schema version")
        return int(row[0][0] or 0)

    # ------------------------------------------------------------------ transactions

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Run the block's writes in one transaction: all committed at the end, or none if it raises.

        Batches nest (an inner batch is a savepoint: its failure undoes only its own writes).
        """
        with self._write("run a batch"):
            yield

    @contextlib.contextmanager
    def _write(self, doing: str) -> Iterator[sqlite3.Connection]:
        """A transaction (outermost) or a savepoint (nested) around a unit of writes."""
        conn = self._connection()
        level = self._depth
        undo: tuple[str, ...]
        if level == 0:
            begin, commit, undo = "BEGIN IMMEDIATE", "COMMIT", ("ROLLBACK",)
        else:
            name = f"newsprism_{level}"
            begin, commit = f"SAVEPOINT {name}", f"RELEASE {name}"
            undo = (f"ROLLBACK TO {name}", f"RELEASE {name}")
        with translate_errors(self.path, f"cannot {doing}"):
            conn.execute(begin)
        self._depth = level + 1
        try:
            yield conn
            if self._conn is not conn:
                raise StoreError(f"store {self.path}: the store was closed before it could {doing}")
            with translate_errors(self.path, f"cannot {doing}"):
                conn.execute(commit)
        except BaseException:
            # SQLite may already have rolled the whole transaction back (e.g. on a full disk), or
            # close() did; then there is nothing left to undo here.
            if self._conn is conn and conn.in_transaction:
                with translate_errors(self.path, f"cannot undo a failed attempt to {doing}"):
                    for statement in undo:
                        conn.execute(statement)
            raise
        finally:
            self._depth = level

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"store {self.path}: the store is closed")
        return self._conn

    @contextlib.contextmanager
    def _snapshot(self) -> Iterator[None]:
        """Make the reads inside see one committed state, even while another process writes."""
        conn = self._connection()
        if conn.in_transaction:  # inside a batch: already one snapshot
            yield
            return
        with translate_errors(self.path, "cannot start reading"):
            conn.execute("BEGIN")  # deferred: takes no lock, never blocks or is blocked by a writer
        try:
            yield
        finally:
            if self._conn is conn and conn.in_transaction:
                with translate_errors(self.path, "cannot finish reading"):
                    conn.execute("COMMIT")

    def _read(self, sql: str, params: Sequence[Any], doing: str) -> list[Any]:
        conn = self._connection()
        with translate_errors(self.path, f"cannot {doing}"):
            return conn.execute(sql, params).fetchall()

    # ------------------------------------------------------------------ articles

    def add_article(self, article: Article) -> bool:
        """Store ``article`` and record its source; False if an article with its id was already there.

        An article already present is left unchanged (its id is a hash of its content); only
        ``article.source`` is added to its sources if new.
        """
        try:
            row = (
                article.id, article.source, article.text, article.outlet, article.title, article.byline,
                article.published, article.language, article.url, _dumps(list(article.wire)),
                _dumps(list(article.photo_credits)),
                _dumps_flat(article.removed, Removal), _dumps_flat(article.headings, Span),
                _dumps_flat(article.paragraphs, Span),
                article.input_format, _dumps(article.metadata), _now(),
            )  # fmt: skip
        except (TypeError, ValueError) as exc:
            raise StoreError(f"store {self.path}: cannot store article {article.id}: {exc}") from exc
        doing = f"cannot add article {article.id}"
        with self._write(f"add article {article.id}") as conn, translate_errors(self.path, doing):
            cursor = conn.execute(_INSERT_ARTICLE, row)
            self._insert_source(conn, article.id, article.source)
        return cursor.rowcount == 1

    def add_source(self, article_id: str, source: str) -> bool:
        """Record that ``source`` also produced the stored article ``article_id``; False if known."""
        with self._write(f"add a source to article {article_id}") as conn:
            self._require_articles(conn, [article_id])
            with translate_errors(self.path, f"cannot add a source to article {article_id}"):
                return self._insert_source(conn, article_id, source)

    @staticmethod
    def _insert_source(conn: sqlite3.Connection, article_id: str, source: str) -> bool:
        cursor = conn.execute(
            "INSERT INTO article_sources (article_id, source, added_at) VALUES (?, ?, ?) "
            "ON CONFLICT (article_id, source) DO NOTHING",
            (article_id, source, _now()),
        )
        return cursor.rowcount == 1

    def sources(self, article_id: str) -> list[str]:
        """Every source that produced ``article_id``, first seen first (empty for an unknown id)."""
        rows = self._read(
            "SELECT source FROM article_sources WHERE article_id = ? ORDER BY seq",
            (article_id,),
            f"read the sources of article {article_id}",
        )
        return [row[0] for row in rows]

    def has_article(self, article_id: str) -> bool:
        rows = self._read("SELECT 1 FROM articles WHERE id = ?", (article_id,), "look up an article")
        return bool(rows)

    def article(self, article_id: str) -> Article:
        """The stored article ``article_id``; :class:`UsageError` if there is none."""
        return self.articles([article_id])[0]

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """All articles in insertion order, or those named by ``ids`` in the order given.

        An id that is not stored raises :class:`UsageError`.
        """
        select = f"SELECT {_ARTICLE_COLUMNS} FROM articles"
        if ids is None:
            return [self._article(row) for row in self._read(f"{select} ORDER BY seq", (), "read articles")]
        wanted = list(ids)
        found: dict[str, Article] = {}
        with self._snapshot():
            for chunk in _chunks(list(dict.fromkeys(wanted))):
                marks = ", ".join("?" * len(chunk))
                for row in self._read(f"{select} WHERE id IN ({marks})", chunk, "read articles"):
                    found[row[0]] = self._article(row)
        missing = [i for i in wanted if i not in found]
        if missing:
            raise UsageError(f"store {self.path}: no article {missing[0]!r}" + self._more(missing))
        return [found[i] for i in wanted]

    def article_ids(self) -> list[str]:
        """Ids of all articles, in insertion order."""
        return [row[0] for row in self._read("SELECT id FROM articles ORDER BY seq", (), "read article ids")]

    def article_count(self) -> int:
        return int(self._read("SELECT COUNT(*) FROM articles", (), "count articles")[0][0])

    def _article(self, row: Sequence[Any]) -> Article:
        # Decoded by hand rather than with model.from_plain, which resolves type hints on every call
        # and made reading articles ten times slower than writing them.
        data = dict(zip(_ARTICLE_NAMES, row, strict=True))
        try:
            for name in _JSON_FIELDS:
                data[name] = json.loads(data[name])
            data["wire"] = tuple(data["wire"])
            data["photo_credits"] = tuple(data["photo_credits"])
            data["removed"] = tuple(_build(Removal, item) for item in data["removed"])
            data["headings"] = tuple(_build(Span, item) for item in data["headings"])
            data["paragraphs"] = tuple(_build(Span, item) for item in data["paragraphs"])
            data["metadata"] = dict(data["metadata"])
            return Article(**data)
        except (TypeError, ValueError, KeyError) as exc:
            raise StoreError(f"store {self.path}: article {data['id']} is stored corrupt: {exc}") from exc

    def _require_articles(self, conn: sqlite3.Connection, ids: Sequence[str]) -> None:
        unique = list(dict.fromkeys(ids))
        present: set[str] = set()
        with translate_errors(self.path, "cannot look up articles"):
            for chunk in _chunks(unique):
                marks = ", ".join("?" * len(chunk))
                rows = conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
                present.update(row[0] for row in rows)
        missing = [i for i in unique if i not in present]
        if missing:
            raise UsageError(f"store {self.path}: no article {missing[0]!r}" + self._more(missing))

    @staticmethod
    def _more(missing: Sequence[str]) -> str:
        return f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""

    def published_dates(self) -> list[tuple[str, str | None]]:
        """``(id, published)`` of every article in insertion order (cheap: no text is read)."""
        return [
            (row[0], row[1])
            for row in self._read("SELECT id, published FROM articles ORDER BY seq", (), "read article dates")
        ]

    # ------------------------------------------------------------------ reprints

    def set_reprint(self, article_id: str, original_id: str, score: float) -> None:
        """Record that ``article_id`` is a near-duplicate of ``original_id`` (replacing an older link)."""
        with self._write(f"record reprint {article_id}") as conn:
            self._require_articles(conn, [article_id, original_id])
            with translate_errors(self.path, f"cannot record reprint {article_id}"):
                conn.execute(
                    "INSERT INTO article_reprints (article_id, original_id, score) VALUES (?, ?, ?) "
                    "ON CONFLICT (article_id) DO UPDATE SET original_id = excluded.original_id, "
                    "score = excluded.score",
                    (article_id, original_id, float(score)),
                )

    def reprints(self) -> dict[str, tuple[str, float]]:
        """Every recorded reprint: ``{article_id: (original_id, score)}``."""
        rows = self._read(
            "SELECT article_id, original_id, score FROM article_reprints ORDER BY article_id",
            (),
            "read reprints",
        )
        return {row[0]: (row[1], float(row[2])) for row in rows}

    # ------------------------------------------------------------------ rejections

    def add_rejection(self, rejection: Rejection) -> None:
        """Record an input that could not be read."""
        doing = "cannot record a rejection"
        with self._write("record a rejection") as conn, translate_errors(self.path, doing):
            conn.execute(
                "INSERT INTO rejections (source, reason, at) VALUES (?, ?, ?)",
                (rejection.source, rejection.reason, _now()),
            )

    def rejections(self) -> list[Rejection]:
        """Every rejection recorded, oldest first."""
        rows = self._read("SELECT source, reason FROM rejections ORDER BY seq", (), "read rejections")
        return [Rejection(source, reason) for source, reason in rows]

    # ------------------------------------------------------------------ stories

    def save_story(self, story: Story, *, analyzed: bool | None = None) -> None:
        """Store ``story``: its title, its members, and its analysis, replacing what was stored for it.

        A new story goes after the existing ones; a story saved again keeps its place and
        ``created_at``. The analysis (summary, facts, quotes, ...) is stored as the story's result when
        the story carries any, or when ``analyzed`` is True (an analysis that found nothing is still a
        result); otherwise the story is stored without a result (see :meth:`analyzed_at`). Every member
        must be a stored article (:class:`UsageError` otherwise).
        """
        with self._write(f"save story {story.id}") as conn:
            self._check_stories(conn, [story])
            with translate_errors(self.path, f"cannot save story {story.id}"):
                self._insert_story(conn, story, _now(), analyzed=analyzed)

    def replace_stories(self, stories: Iterable[Story]) -> None:
        """Replace the whole grouping by ``stories``, in this order, in one transaction.

        Results of the old stories are dropped with them. A story id that survives keeps its
        ``created_at`` and, unless the new story carries an analysis of its own, its stored result:
        ids are hashes of the members, so the same id means the same articles and the result holds.
        """
        new = list(stories)
        with self._write("replace the stories") as conn:
            self._check_stories(conn, new)
            with translate_errors(self.path, "cannot replace the stories"):
                created = dict(conn.execute("SELECT id, created_at FROM stories").fetchall())
                kept = {
                    row[0]: row
                    for row in conn.execute(
                        "SELECT story_id, schema, report_json, analyzed_at FROM story_results"
                    )
                }
                conn.execute("DELETE FROM story_results")
                conn.execute("DELETE FROM story_articles")
                conn.execute("DELETE FROM stories")
                now = _now()
                for story in new:
                    self._insert_story(conn, story, now, created.get(story.id, now))
                    if story.id in kept and not _has_analysis(story):
                        conn.execute(
                            "INSERT INTO story_results (story_id, schema, report_json, analyzed_at) "
                            "VALUES (?, ?, ?, ?)",
                            kept[story.id],
                        )

    def _check_stories(self, conn: sqlite3.Connection, stories: Sequence[Story]) -> None:
        seen: set[str] = set()
        for story in stories:
            if not story.id:
                raise UsageError(f"store {self.path}: a story has an empty id")
            if story.id in seen:
                raise UsageError(f"store {self.path}: story {story.id!r} is given twice")
            seen.add(story.id)
            if len(set(story.article_ids)) != len(story.article_ids):
                raise UsageError(f"store {self.path}: story {story.id!r} lists an article twice")
        self._require_articles(conn, [a for story in stories for a in story.article_ids])

    @staticmethod
    def _insert_story(
        conn: sqlite3.Connection,
        story: Story,
        now: str,
        created_at: str | None = None,
        *,
        analyzed: bool | None = None,
    ) -> None:
        conn.execute(
            "INSERT INTO stories (id, title, created_at, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET title = excluded.title, updated_at = excluded.updated_at",
            (story.id, story.title, created_at or now, now),
        )
        conn.execute("DELETE FROM story_articles WHERE story_id = ?", (story.id,))
        conn.executemany(
            "INSERT INTO story_articles (story_id, article_id, position) VALUES (?, ?, ?)",
            [(story.id, article_id, i) for i, article_id in enumerate(story.article_ids)],
        )
        conn.execute("DELETE FROM story_results WHERE story_id = ?", (story.id,))
        if analyzed or (analyzed is None and _has_analysis(story)):
            conn.execute(
                "INSERT INTO story_results (story_id, schema, report_json, analyzed_at) VALUES (?, ?, ?, ?)",
                (story.id, REPORT_SCHEMA_ID, _dumps(story), now),
            )

    def story(self, story_id: str) -> Story:
        """The stored story ``story_id`` with its analysis, if any; :class:`UsageError` if unknown."""
        found = self._stories("WHERE s.id = ?", (story_id,))
        if not found:
            raise UsageError(f"store {self.path}: no story {story_id!r}")
        return found[0]

    def stories(self) -> list[Story]:
        """Every stored story, in grouping order, each with its analysis if any."""
        return self._stories("", ())

    def _stories(self, where: str, params: Sequence[Any]) -> list[Story]:
        with self._snapshot():
            rows = self._read(
                "SELECT s.id, s.title, r.schema, r.report_json FROM stories s "
                f"LEFT JOIN story_results r ON r.story_id = s.id {where} ORDER BY s.seq",
                params,
                "read stories",
            )
            pairs = self._read(
                "SELECT sa.story_id, sa.article_id FROM story_articles sa "
                f"JOIN stories s ON s.id = sa.story_id {where} ORDER BY sa.story_id, sa.position",
                params,
                "read story members",
            )
        members: dict[str, list[str]] = {row[0]: [] for row in rows}
        for story_id, article_id in pairs:
            members[story_id].append(article_id)
        return [self._story(sid, title, members[sid], schema, raw) for sid, title, schema, raw in rows]

    def _story(
        self, story_id: str, title: str, members: list[str], schema: str | None, raw: str | None
    ) -> Story:
        # The tables are the truth for id, title and members; the result adds the analysis. A result
        # written under another report schema is stale: it is ignored until the story is analysed again.
        bare = Story(story_id, title, tuple(members))
        if raw is None or schema != REPORT_SCHEMA_ID:
            return bare
        try:
            analysed: Story = from_plain(Story, json.loads(raw))
        except (TypeError, ValueError, KeyError) as exc:
            problem = f"the result of story {story_id} is stored corrupt"
            raise StoreError(f"store {self.path}: {problem}: {exc}") from exc
        return dataclasses.replace(analysed, id=bare.id, title=bare.title, article_ids=bare.article_ids)

    def story_ids_for_article(self, article_id: str) -> list[str]:
        """Ids of the stories that contain ``article_id``, in grouping order."""
        rows = self._read(
            "SELECT s.id FROM story_articles sa JOIN stories s ON s.id = sa.story_id "
            "WHERE sa.article_id = ? ORDER BY s.seq",
            (article_id,),
            f"read the stories of article {article_id}",
        )
        return [row[0] for row in rows]

    def analyzed_at(self, story_id: str) -> str | None:
        """When the stored result of ``story_id`` was written, or None if it has none to use."""
        rows = self._read(
            "SELECT analyzed_at FROM story_results WHERE story_id = ? AND schema = ?",
            (story_id, REPORT_SCHEMA_ID),
            f"read the result of story {story_id}",
        )
        return rows[0][0] if rows else None

    def clear_results(self, story_ids: Iterable[str] | None = None) -> int:
        """Delete the analysis results (of ``story_ids``, or all) so they can be rebuilt; return how many.

        The stories and their members stay; :meth:`story` returns them without analysis until they are
        saved again with one.
        """
        with self._write("clear story results") as conn, translate_errors(self.path, "cannot clear results"):
            if story_ids is None:
                return conn.execute("DELETE FROM story_results").rowcount
            ids = list(dict.fromkeys(story_ids))
            cleared = 0
            for chunk in _chunks(ids):
                marks = ", ".join("?" * len(chunk))
                sql = f"DELETE FROM story_results WHERE story_id IN ({marks})"
                cleared += conn.execute(sql, chunk).rowcount
            return cleared


__all__ = ["Store"]
