"""Crash safety and concurrency of the store, with real processes killed by SIGKILL.

The writer child prints one line per committed article and the parent stops reading after a few
hundred lines and kills it. The child cannot run far ahead of the parent: once the pipe (64 KiB, about
950 lines) is full its next print blocks, so with 3,000 articles and two rounds of at most
300 + 950 new articles each it is always killed mid-run.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsprism.errors import StoreError
from newsprism.model import Article
from newsprism.store import Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")

GENERATE = """
import hashlib
from newsprism.model import Article, Span

def make(i):
    body = f"Article {i}. " + "The council met on Tuesday and voted on the budget. " * 20
    return Article(
        id=hashlib.sha256(body.encode()).hexdigest(),
        source=f"gen/{i}.txt",
        text=body,
        title=f"Article {i}",
        paragraphs=(Span(0, len(body), body),),
        metadata={"n": i},
    )
"""

WRITER = """
import sys
from newsprism.store import Store

with Store(sys.argv[1]) as store:
    for i in range(int(sys.argv[2])):
        article = make(i)
        added = store.add_article(article)  # commits before returning
        print("new" if added else "old", article.id, flush=True)
print("done", flush=True)
"""

BATCH_WRITER = """
import sys, time
from newsprism.store import Store

with Store(sys.argv[1]) as store:
    for i in range(10):
        store.add_article(make(i))
    print("committed", flush=True)
    with store.batch():
        for i in range(10, 60):
            store.add_article(make(i))
        print("in batch", flush=True)
        time.sleep(60)
"""

READER = """
import sys
from newsprism.store import Store

with Store(sys.argv[1], busy_timeout=0.5) as store:
    print(store.article_count(), *store.article_ids(), flush=True)
"""

N = 3000


def make(i: int) -> Article:
    namespace: dict[str, object] = {}
    exec(GENERATE, namespace)
    return namespace["make"](i)  # type: ignore[operator]


EXPECTED = [make(i).id for i in range(N)]


def run_child(script: str, *args: object, kill_after: int | None = None) -> tuple[list[str], int, str]:
    """Run ``script``; SIGKILL it once it has printed ``kill_after`` lines. Return lines, status, stderr."""
    command = [sys.executable, "-c", GENERATE + script, *map(str, args)]
    lines: list[str] = []
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None
        while kill_after is None or len(lines) < kill_after:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line.rstrip("\n"))
        if kill_after is not None:
            os.kill(proc.pid, signal.SIGKILL)
        _, err = proc.communicate(timeout=30)
    return lines, proc.returncode, err


def integrity(path: Path) -> list[tuple[str]]:
    raw = sqlite3.connect(path)
    try:
        return raw.execute("PRAGMA integrity_check").fetchall()
    finally:
        raw.close()


def check_prefix(path: Path) -> int:
    """The store is intact and holds the first k generated articles, once each, in order; return k."""
    assert integrity(path) == [("ok",)]
    with Store(path) as store:
        ids = store.article_ids()
        k = len(ids)
        assert ids == EXPECTED[:k]
        if k:
            assert store.article(ids[-1]) == make(k - 1)
        conn = store._conn
        assert conn is not None
        assert conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT article_id) FROM article_sources"
        ).fetchone() == (k, k)
    return k


def test_kill_9_keeps_every_committed_article_and_rerun_completes(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    committed = 0
    for _ in range(2):
        # each round re-adds the committed articles (reported "old") and commits 300 or more new ones
        lines, status, err = run_child(WRITER, path, N, kill_after=committed + 300)
        assert status == -signal.SIGKILL, err
        old = [line for line in lines if line.startswith("old ")]
        new = [line.split()[1] for line in lines if line.startswith("new ")]
        # articles committed before are found again, reported as already present
        assert len(old) == committed
        stored = check_prefix(path)
        # every article the child reported committed is there (and maybe the one it was writing)
        reported = committed + len(new)
        assert reported <= stored < N
        assert new == EXPECTED[committed:reported]
        committed = stored

    lines, status, err = run_child(WRITER, path, N)
    assert status == 0, err
    assert lines[-1] == "done"
    assert sum(line.startswith("old ") for line in lines) == committed
    assert sum(line.startswith("new ") for line in lines) == N - committed
    assert check_prefix(path) == N


def test_kill_9_inside_a_batch_loses_only_that_batch(tmp_path: Path) -> None:
    path = tmp_path / "batch.db"
    lines, status, err = run_child(BATCH_WRITER, path, kill_after=2)
    assert lines == ["committed", "in batch"]
    assert status == -signal.SIGKILL, err
    assert check_prefix(path) == 10


def test_reader_process_reads_while_writer_writes(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    with Store(path) as writer:
        for i in range(5):
            writer.add_article(make(i))
        with writer.batch():  # holds the write lock, uncommitted
            for i in range(5, 8):
                writer.add_article(make(i))
            lines, status, err = run_child(READER, path)
            assert status == 0, err
            assert lines == [" ".join(["5", *EXPECTED[:5]])]
        lines, status, err = run_child(READER, path)
        assert status == 0, err
        assert lines == [" ".join(["8", *EXPECTED[:8]])]


def test_second_writer_times_out_with_store_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.db"
    with Store(path) as first, Store(path, busy_timeout=0.1) as second:
        with first.batch():
            first.add_article(make(0))
            assert second.article_count() == 0  # reading is fine
            with pytest.raises(StoreError, match=r"locked\.db.*database is locked"):
                second.add_article(make(1))
        assert second.add_article(make(1)) is True
        assert first.article_ids() == EXPECTED[:2]
