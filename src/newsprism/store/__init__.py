"""The embedded store: articles, rejections and stories in one SQLite file.

``Store(path)`` opens (or creates) the database and applies the numbered migrations of
``store/migrations``; ``Store(":memory:")`` gives a throw-away one. Articles are keyed by their
content hash and stored once, with every source that produced them; each write commits on its own
(``with store.batch():`` groups writes into one transaction), so a run killed at any point keeps what
it committed.

Concurrency: the database is in WAL mode, so a second process (or a second ``Store``) can read while
a writer writes; it sees the last committed state and neither waits for the other. Writers take turns:
a second writer waits up to ``busy_timeout`` seconds, then gets a :class:`~newsprism.errors.StoreError`.
"""

from newsprism.store.store import Store

__all__ = ["Store"]
