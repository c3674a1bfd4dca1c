""":func:`write_csv` and :func:`write_report`."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import pytest

from newsprism.errors import SchemaValidationError, UsageError
from newsprism.model import Report
from newsprism.report import FORMATS, validate_report, write_csv, write_report
from tests.test_report_sample import COURIER, HERALD, SCRIPT, empty_analysis_report, sample_report

CSV_FILES = [
    "articles.csv",
    "stories.csv",
    "facts.csv",
    "quotes.csv",
    "discrepancies.csv",
    "entities.csv",
    "timeline.csv",
    "exclusives.csv",
    "reuse.csv",
]


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_write_csv_writes_every_table_and_they_parse_back(tmp_path: Path) -> None:
    paths = write_csv(sample_report(), tmp_path / "tables")
    assert [p.name for p in paths] == CSV_FILES
    tables = {p.name: read(p) for p in paths}

    articles = tables["articles.csv"]
    assert [a["article_id"] for a in articles] == [HERALD.id, COURIER.id]
    assert articles[1]["title"] == f"Ferry strikes rocks {SCRIPT}"
    assert articles[1]["wire"] == "Lenmark Press Agency"
    assert articles[1]["byline"] == ""
    assert articles[0]["removed"] == "2" and articles[0]["chars"] == str(len(HERALD.text))

    (story,) = tables["stories.csv"]
    assert story["article_ids"] == f"{HERALD.id}; {COURIER.id}"
    assert story["outlets"] == "The Harbour Herald; Coastline Courier"
    assert story["facts"] == "1" and story["quotes"] == "1"

    (fact,) = tables["facts.csv"]
    assert fact["independent_sources"] == "2"
    assert fact["evidence"].startswith(f"{HERALD.id}:")

    quotes = tables["quotes.csv"]
    assert [q["relation"] for q in quotes] == ["exact", "paraphrase"]
    assert [q["direct"] for q in quotes] == ["true", "false"]
    for row in quotes:
        text = {HERALD.id: HERALD.text, COURIER.id: COURIER.text}[row["article_id"]]
        assert text[int(row["start"]) : int(row["end"])] == row["rendering_text"]

    sides = tables["discrepancies.csv"]
    assert [(s["side"], s["value"], s["outlets"]) for s in sides] == [
        ("1", "112", "The Harbour Herald"),
        ("2", "120", "Coastline Courier"),
    ]
    (entity,) = tables["entities.csv"]
    assert entity["variants"] == "harbour master Ilse Varga; Harbour master Ilse Varga"
    assert len(tables["timeline.csv"]) == len(tables["exclusives.csv"]) == len(tables["reuse.csv"]) == 1


def test_csv_is_utf8_and_deterministic(tmp_path: Path) -> None:
    first = write_csv(sample_report(), tmp_path / "a")
    second = write_csv(sample_report(), tmp_path / "b")
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes()
        one.read_bytes().decode("utf-8")


def test_csv_of_empty_analysis_has_headers_only(tmp_path: Path) -> None:
    paths = write_csv(empty_analysis_report(), tmp_path)
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows and rows[0], path.name
        expected = {"articles.csv": 2, "stories.csv": 1}.get(path.name, 0)
        assert len(rows) - 1 == expected, path.name


def test_write_report_writes_json_md_html_by_default(tmp_path: Path) -> None:
    report = sample_report()
    paths = write_report(report, tmp_path / "out")
    assert [p.name for p in paths] == ["report.json", "report.md", "report.html"]
    data = json.loads(paths[0].read_text(encoding="utf-8"))
    validate_report(data)
    assert Report.from_dict(data) == report
    assert paths[1].read_text(encoding="utf-8").startswith("# newsprism report")
    assert paths[2].read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report.html", "report.json", "report.md"]


def test_write_report_csv_and_all_formats(tmp_path: Path) -> None:
    paths = write_report(sample_report(), tmp_path, formats=FORMATS)
    assert [p.name for p in paths] == ["report.json", "report.md", "report.html", *CSV_FILES]
    assert write_report(sample_report(), tmp_path / "csv", formats=["csv"])[0].name == "articles.csv"


def test_write_report_rejects_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="pdf"):
        write_report(sample_report(), tmp_path, formats=("json", "pdf"))
    assert list(tmp_path.iterdir()) == []


def test_write_report_refuses_an_invalid_report(tmp_path: Path) -> None:
    report = sample_report()
    broken = replace(report, articles=(HERALD,))
    with pytest.raises(SchemaValidationError, match="unknown article id"):
        write_report(broken, tmp_path / "out")
    assert not (tmp_path / "out").exists()
    assert len(write_report(broken, tmp_path / "out", validate=False)) == 3


def test_write_report_is_reproducible(tmp_path: Path) -> None:
    one = write_report(sample_report(), tmp_path / "one", formats=FORMATS)
    two = write_report(sample_report(), tmp_path / "two", formats=FORMATS)
    for a, b in zip(one, two, strict=True):
        assert a.read_bytes() == b.read_bytes()


def test_csv_defuses_spreadsheet_formulas_in_article_text(tmp_path: Path) -> None:
    report = sample_report()
    article = replace(report.articles[0], title='=HYPERLINK("x")')
    written = write_csv(replace(report, articles=(article, *report.articles[1:])), tmp_path)
    articles_csv = next(p for p in written if p.name == "articles.csv")
    with articles_csv.open(encoding="utf-8", newline="") as handle:
        titles = [row["title"] for row in csv.DictReader(handle)]
    assert '\'=HYPERLINK("x")' in titles
