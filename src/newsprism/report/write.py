"""Write a report in one or more formats: ``report.json``, ``report.md``, ``report.html``, CSV tables."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from newsprism.errors import UsageError
from newsprism.model import Report
from newsprism.report.csv_tables import write_csv
from newsprism.report.html_page import render_html
from newsprism.report.markdown import render_markdown
from newsprism.report.validate import validate_report

FORMATS = ("json", "md", "html", "csv")
DEFAULT_FORMATS = ("json", "md", "html")


def write_report(
    report: Report,
    out_dir: str | Path,
    formats: Sequence[str] = DEFAULT_FORMATS,
    *,
    validate: bool = True,
) -> list[Path]:
    """Write ``report`` into ``out_dir`` (created if missing) in ``formats``; return the paths written.

    ``json`` → ``report.json``, ``md`` → ``report.md``, ``html`` → ``report.html``, ``csv`` → the
    files of :func:`~newsprism.report.write_csv`. Each single file is replaced atomically. The report
    is validated first (``validate=False`` skips that), so a broken report raises
    :class:`~newsprism.errors.SchemaValidationError` before anything is written. An unknown format
    raises :class:`~newsprism.errors.UsageError`.
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise UsageError(
            f"unknown report format(s) {', '.join(map(repr, unknown))}; choose from {', '.join(FORMATS)}"
        )
    if validate:
        validate_report(report.to_dict())
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for fmt in dict.fromkeys(formats):
        if fmt == "json":
            written.append(_write_text(out / "report.json", report.to_json() + "\n"))
        elif fmt == "md":
            written.append(_write_text(out / "report.md", render_markdown(report)))
        elif fmt == "html":
            written.append(_write_text(out / "report.html", render_html(report)))
        else:
            written += write_csv(report, out)
    return written


def _write_text(path: Path, text: str) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
