"""Logging for the command line: readable lines for people, JSON lines for scripts (``--json``)."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

# Fields that callers attach with ``extra=`` and that JSON logs should carry.
_EXTRA_FIELDS = ("source", "reason", "story_id", "count")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in _EXTRA_FIELDS:
            if hasattr(record, name):
                entry[name] = getattr(record, name)
        return json.dumps(entry, ensure_ascii=False)


def configure(*, quiet: bool, as_json: bool, verbose: bool = False) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if as_json else logging.Formatter("newsprism: %(message)s"))
    root = logging.getLogger("newsprism")
    root.handlers[:] = [handler]
    root.propagate = False
    root.setLevel(logging.WARNING if quiet else logging.DEBUG if verbose else logging.INFO)
