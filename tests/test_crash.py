"""A run killed with SIGKILL loses nothing it committed, and a re-run completes the job."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsprism.store import Store

COUNT = 600


def _write_articles(folder: Path) -> None:
    for i in range(COUNT):
        (folder / f"{i:04d}.txt").write_text(
            f"Council approves budget number {i}\n\n"
            f"The town council of Ostermoor approved spending plan {i} on Tuesday after a long debate.\n\n"
            f"“This plan keeps {i} promises,” said council leader Ada Brinkholt.\n",
            encoding="utf-8",
        )


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_kill_9_mid_ingest_keeps_committed_articles_and_rerun_completes(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    _write_articles(folder)
    db = tmp_path / "news.db"
    command = [sys.executable, "-m", "newsprism", "-q", "ingest", str(folder), "--db", str(db)]

    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while _stored(db) < 50 and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.02)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL, "the child finished before it could be killed"

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    survived = _stored(db)
    assert 50 <= survived < COUNT

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with Store(db) as store:
        assert store.article_count() == COUNT
