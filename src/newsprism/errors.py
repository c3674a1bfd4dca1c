"""Exceptions raised by newsprism.

Every error newsprism raises on purpose derives from :class:`NewsprismError`, so callers can catch one
class. The hierarchy::

    NewsprismError
    ├── InputError            an input could not be read; carries ``source`` and ``reason``
    │   ├── EmptyInputError       the file or record holds no text
    │   ├── BinaryInputError      the bytes are not text, HTML, JSON, a feed or a WARC
    │   ├── DecodeError           the bytes could not be decoded, or a compressed stream is truncated
    │   ├── InputTooLargeError    the input exceeds the size limit
    │   ├── MalformedRecordError  a JSON document or line, feed or WARC record is broken
    │   └── NoArticleError        an HTML page or record holds no article body
    ├── StoreError            the SQLite store failed
    │   └── MigrationError        the database schema is newer than this version, or a migration failed
    ├── ReportError           a report could not be built, rendered or validated
    │   └── SchemaValidationError the report does not satisfy ``newsprism.report/1``
    └── UsageError            the caller asked for something impossible (unknown story id, bad option)

Batch operations never raise :class:`InputError` for one bad input: they record a
:class:`newsprism.model.Rejection` and go on with the rest.
"""

from __future__ import annotations


class NewsprismError(Exception):
    """Base class of every error newsprism raises on purpose."""


class InputError(NewsprismError):
    """An input could not be read. ``str(error)`` is one line: ``source: reason``."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class DecodeError(InputError):
    pass


class InputTooLargeError(InputError):
    pass


class MalformedRecordError(InputError):
    pass


class NoArticleError(InputError):
    pass


class StoreError(NewsprismError):
    pass


class MigrationError(StoreError):
    pass


class ReportError(NewsprismError):
    pass


class SchemaValidationError(ReportError):
    pass


class UsageError(NewsprismError):
    pass
