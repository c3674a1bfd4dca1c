"""report stage: the ``newsprism.report/1`` contract and its renderings.

- :func:`build_report` assembles a :class:`~newsprism.model.Report` from articles and stories;
- :func:`validate_report` checks a report document against the JSON Schema (``schema.json``) and the
  evidence invariant ``article.text[start:end] == text``;
- :func:`render_markdown`, :func:`render_html`, :func:`write_csv` render it;
- :func:`write_report` writes ``report.json`` / ``report.md`` / ``report.html`` (and CSV tables).

The contract is documented in ``docs/report-contract.md``.
"""

from newsprism.model import REPORT_SCHEMA_ID as SCHEMA_ID
from newsprism.report.build import build_report
from newsprism.report.csv_tables import write_csv
from newsprism.report.html_page import render_html
from newsprism.report.markdown import render_markdown
from newsprism.report.validate import load_schema, validate_report
from newsprism.report.write import FORMATS, write_report

__all__ = [
    "FORMATS",
    "SCHEMA_ID",
    "build_report",
    "load_schema",
    "render_html",
    "render_markdown",
    "validate_report",
    "write_csv",
    "write_report",
]
