"""The SQLite connection behind :class:`newsprism.store.Store`: pragmas and error translation."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator

from newsprism.errors import StoreError

DEFAULT_BUSY_TIMEOUT = 5.0
"""Seconds a connection waits for another connection's lock before failing with "database is locked"."""


@contextlib.contextmanager
def translate_errors(path: str, doing: str) -> Iterator[None]:
    """Turn any :class:`sqlite3.Error` raised inside into a :class:`StoreError` naming ``path``.

    So too :class:`UnicodeEncodeError`: sqlite3 stores text as UTF-8 and refuses lone surrogates.
    """
    try:
        yield
    except (sqlite3.Error, UnicodeEncodeError) as exc:
        raise StoreError(f"store {path}: {doing}: {exc}") from exc


def connect(path: str, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> sqlite3.Connection:
    """Open ``path`` (or ``":memory:"``) in autocommit mode with the store's pragmas set.

    ``isolation_level=None`` turns off the sqlite3 module's implicit transactions: the store issues
    ``BEGIN IMMEDIATE`` / ``COMMIT`` / ``SAVEPOINT`` itself, so every transaction boundary is explicit.
    """
    with translate_errors(path, "cannot open the database"):
        conn = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
    try:
        with translate_errors(path, "cannot configure the database"):
            _configure(conn, path, busy_timeout)
    except BaseException:
        conn.close()
        raise
    return conn


def _configure(conn: sqlite3.Connection, path: str, busy_timeout: float) -> None:
    # Wait this long for a lock held by another connection (a writer, a checkpoint) instead of failing
    # at once. sqlite3.connect(timeout=...) sets the same handler; the pragma makes it explicit.
    conn.execute(f"PRAGMA busy_timeout = {max(0, int(busy_timeout * 1000))}")

    # Foreign keys are off by default in SQLite and per connection; the schema relies on them.
    conn.execute("PRAGMA foreign_keys = ON")
    if conn.execute("PRAGMA foreign_keys").fetchone()[0] != 1:
        raise StoreError(f"store {path}: this SQLite build does not enforce foreign keys")

    # Write-ahead logging: readers never block the writer and the writer never blocks readers, so a
    # second process can read the store while a run is adding articles. The mode is persistent in the
    # file. A database in memory reports "memory" and stays so; that is fine for tests.
    # This first statement that touches the file also fails on a file that is not a database.
    conn.execute("PRAGMA journal_mode = WAL").fetchone()

    # synchronous=NORMAL under WAL: a COMMIT appends the transaction to the WAL file with write() but
    # does not fsync it; the WAL is fsynced at checkpoints. A committed transaction is then in the
    # operating system's page cache, which outlives the process, so a process that dies in any way
    # (kill -9, a crash, the OOM killer) loses nothing it committed, and the database is never
    # corrupted. Only an operating-system crash or a power loss can undo the last few commits (the
    # database still opens, consistent, at an earlier commit). FULL would fsync on every commit, which
    # costs far more than one-transaction-per-article ingest can afford.
    conn.execute("PRAGMA synchronous = NORMAL")
