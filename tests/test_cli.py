"""The command line end to end: commands, outputs, exit codes, logging modes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism.cli.main import cli
from newsprism.demo import DEMO_STORIES, demo_paths
from newsprism.report import validate_report

ARTICLE = (
    "Harbour ferry resumes service after engine fault\n\n"
    "The Lakeside ferry returned to service on Monday after a three-day repair, the operator said.\n\n"
    "“We are glad to have our passengers back,” said operations chief Mara Quell.\n"
)


def run(args: list[str], **kwargs: object):
    return CliRunner().invoke(cli, args, catch_exceptions=False, **kwargs)


@pytest.fixture
def small_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE.replace("three-day", "four-day"), encoding="utf-8")
    return folder


def test_help_lists_commands_with_examples() -> None:
    result = run(["--help"])
    assert result.exit_code == 0
    for command in ("analyze", "ingest", "stories", "report", "rebuild", "demo", "validate"):
        assert command in result.output
        sub = run([command, "--help"])
        assert sub.exit_code == 0 and "Example:" in sub.output, command


def test_analyze_writes_valid_reports(small_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(["-q", "analyze", str(small_folder), "--out", str(out), "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    validate_report(data)
    assert len(data["articles"]) == 2
    assert (out / "report.md").read_text(encoding="utf-8").strip()
    assert "<html" in (out / "report.html").read_text(encoding="utf-8").lower()


def test_csv_format_writes_tables(small_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    result = run(
        [
            "-q",
            "analyze",
            str(small_folder),
            "--out",
            str(out),
            "--format",
            "csv",
            "--db",
            str(tmp_path / "n.db"),
        ]
    )
    assert result.exit_code == 0, result.output
    for table in ("articles", "facts", "quotes", "discrepancies", "entities"):
        assert (out / f"{table}.csv").exists(), table


def test_rejected_input_gives_exit_1_and_the_rest_goes_on(small_folder: Path, tmp_path: Path) -> None:
    (small_folder / "empty.txt").write_bytes(b"")
    (small_folder / "broken.jsonl").write_text(
        '{"text": "The ferry left the harbour on time on Monday, the operator said."}\n{not json\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run(["analyze", str(small_folder), "--out", str(out), "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "broken.jsonl" in result.output
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 3


def test_bad_usage_gives_exit_2(tmp_path: Path) -> None:
    assert run(["analyze"]).exit_code == 2
    assert run(["analyze", "x", "--format", "pdf"]).exit_code == 2


def test_ingest_stories_report_round_trip(small_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    assert run(["-q", "ingest", str(small_folder), "--db", str(db)]).exit_code == 0
    listed = run(["stories", "--db", str(db), "--json"])
    stories = json.loads(listed.output)
    assert len(stories) == 1 and stories[0]["articles"] == 2
    md = run(["report", stories[0]["id"], "--db", str(db), "--format", "md"])
    assert md.exit_code == 0 and "ferry" in md.output.lower()
    again = run(["ingest", str(small_folder), "--db", str(db)])
    assert again.exit_code == 0 and "0 new, 2 already stored" in again.output
    rebuilt = run(["rebuild", "--db", str(db)])
    assert rebuilt.exit_code == 0
    assert json.loads(run(["stories", "--db", str(db), "--json"]).output) == stories


def test_unknown_story_and_missing_db_are_usage_errors(tmp_path: Path) -> None:
    missing = subprocess.run(
        [sys.executable, "-m", "newsprism.cli.main", "stories", "--db", str(tmp_path / "none.db")],
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 2 and "no database" in missing.stderr


def test_stdin_input(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(
        ["-q", "analyze", "-", "--out", str(out), "--db", str(tmp_path / "n.db")], input=ARTICLE.encode()
    )
    assert result.exit_code == 0, result.output
    assert len(json.loads((out / "report.json").read_text(encoding="utf-8"))["articles"]) == 1


def test_json_logging_is_one_object_per_line(small_folder: Path, tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsprism.cli.main",
            "--json",
            "analyze",
            str(small_folder),
            "--out",
            str(tmp_path / "o"),
            "--db",
            str(tmp_path / "n.db"),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert lines and all(json.loads(line)["level"] for line in lines)


def test_demo_runs_on_the_bundled_corpus(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = run(["-q", "demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    validate_report(data)
    assert len(data["stories"]) == len(DEMO_STORIES)
    assert len(data["articles"]) >= len(demo_paths())
