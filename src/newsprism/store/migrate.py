"""Numbered schema migrations: ``migrations/NNNN_name.sql``, applied in order, one transaction each.

Every applied migration is recorded in ``schema_migrations(version, name, applied_at)``. A database
that records a migration this version of newsprism does not know was written by a newer newsprism:
opening it raises :class:`MigrationError` instead of guessing.

Migrations run with ``foreign_keys = ON`` (the pragma cannot change inside a transaction); a future
migration that rebuilds a table must keep the references valid at every statement.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from newsprism.errors import MigrationError, StoreError

_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

_CREATE_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def label(self) -> str:
        return f"{self.version:04d}_{self.name}"


@functools.cache
def load_migrations() -> tuple[Migration, ...]:
    """The migrations shipped in ``newsprism/store/migrations``, by version; numbers run 1, 2, 3, ..."""
    root = importlib.resources.files("newsprism.store").joinpath("migrations")
    found: list[Migration] = []
    for entry in root.iterdir():
        if not entry.name.endswith(".sql"):
            continue
        match = _FILE_NAME.match(entry.name)
        if match is None:
            raise MigrationError(f"migration file {entry.name!r} is not named NNNN_name.sql")
        found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise MigrationError(f"migration numbers must run 1, 2, 3, ... without gaps; found {versions}")
    return tuple(found)


def split_statements(sql: str) -> list[str]:
    """Split a script into single statements (``execute`` runs one at a time).

    ``sqlite3.executescript`` would be simpler but commits any open transaction first, which would
    break applying a migration and recording it in one transaction. ``sqlite3.complete_statement``
    knows about strings, comments and trigger bodies, so a ``;`` inside them does not split.
    """
    statements: list[str] = []
    start = 0
    for i, char in enumerate(sql):
        if char == ";" and sqlite3.complete_statement(sql[start : i + 1]):
            statement = sql[start : i + 1].strip()
            if statement != ";":
                statements.append(statement)
            start = i + 1
    rest = [line for line in sql[start:].splitlines() if line.strip() and not line.strip().startswith("--")]
    if rest:
        raise MigrationError(f"unterminated SQL statement at the end of a migration: {rest[0]!r}")
    return statements


def applied(conn: sqlite3.Connection) -> dict[int, str]:
    """``{version: name}`` of the migrations recorded in the database (empty for a new database)."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    ).fetchone()
    if exists is None:
        return {}
    return {int(v): str(n) for v, n in conn.execute("SELECT version, name FROM schema_migrations")}


def check_known(path: str, recorded: dict[int, str], migrations: Sequence[Migration]) -> None:
    """Raise :class:`MigrationError` unless ``recorded`` is a prefix of ``migrations``."""
    known = {m.version: m for m in migrations}
    latest = max(known, default=0)
    unknown = sorted(v for v in recorded if v not in known)
    if unknown:
        raise MigrationError(
            f"store {path}: the database has schema version {max(unknown)} "
            f"(migration {unknown[-1]:04d}_{recorded[unknown[-1]]}), but this newsprism knows versions "
            f"up to {latest}: it was written by a newer newsprism; upgrade newsprism to open it"
        )
    for version, name in sorted(recorded.items()):
        if known[version].name != name:
            raise MigrationError(
                f"store {path}: migration {version} is recorded as {name!r} but this newsprism calls it "
                f"{known[version].name!r}; the database was written by an incompatible newsprism"
            )
    if recorded and sorted(recorded) != list(range(1, max(recorded) + 1)):
        raise MigrationError(f"store {path}: the recorded migrations {sorted(recorded)} have gaps")


def migrate(conn: sqlite3.Connection, path: str, migrations: Sequence[Migration] | None = None) -> int:
    """Bring the database up to the latest migration; return the schema version.

    Each pending migration runs in its own ``BEGIN IMMEDIATE`` transaction together with its row in
    ``schema_migrations``, so a failure leaves the database at the previous version. The list of
    applied migrations is read again inside each transaction, so two processes opening a new database
    at once apply every migration exactly once. A database that is up to date is only read.
    """
    if migrations is None:
        migrations = load_migrations()
    try:
        recorded = applied(conn)
    except sqlite3.Error as exc:
        raise StoreError(f"store {path}: cannot read the schema version: {exc}") from exc
    check_known(path, recorded, migrations)
    for migration in migrations:
        if migration.version not in recorded:
            _apply(conn, path, migration, migrations)
    return max((m.version for m in migrations), default=0)


def _apply(
    conn: sqlite3.Connection, path: str, migration: Migration, migrations: Sequence[Migration]
) -> None:
    statements = split_statements(migration.sql)
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise StoreError(f"store {path}: cannot start migration {migration.label}: {exc}") from exc
    try:
        conn.execute(_CREATE_TABLE)
        recorded = applied(conn)
        check_known(path, recorded, migrations)
        if migration.version in recorded:  # another process applied it meanwhile
            conn.execute("ROLLBACK")
            return
        for statement in statements:
            conn.execute(statement)
        conn.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            (migration.version, migration.name, datetime.now(UTC).isoformat(timespec="seconds")),
        )
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise MigrationError(f"store {path}: migration {migration.label} failed: {exc}") from exc
        raise
