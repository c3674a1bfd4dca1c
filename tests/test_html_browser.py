"""report.html in a real headless browser: it renders, makes no requests, and shows scripts as text."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from newsprism.model import Article, Report, Story
from newsprism.report import render_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (apt-get install chromium)"),
]

HOSTILE = "Before <script>document.title='owned'</script> after <img src=x onerror=alert(1)> end."


@pytest.fixture
def page(tmp_path: Path) -> Path:
    article = Article(id="a1", source="in/a1.txt", text=HOSTILE, title="<b>Bold</b> title")
    report = Report("2030-01-01T00:00:00Z", (article,), (Story("s1", "A story", ("a1",)),))
    path = tmp_path / "report.html"
    path.write_text(render_html(report), encoding="utf-8")
    return path


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [str(CHROMIUM), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def test_article_markup_renders_as_text_in_the_browser(page: Path, tmp_path: Path) -> None:
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert "owned" not in dom.split("<title>")[1].split("</title>")[0]
    assert "&lt;script&gt;document.title" in dom
    assert "<img src=" not in dom


def test_screenshot_of_the_report(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    _chromium(tmp_path, "--window-size=1000,1200", f"--screenshot={shot}", page.as_uri())
    assert shot.exists() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000  # a blank page compresses far below this


def test_comparison_views_render_in_the_browser(tmp_path: Path) -> None:
    from tests.test_report_compare import report

    path = tmp_path / "compare.html"
    path.write_text(render_html(report()), encoding="utf-8")
    dom = _chromium(tmp_path, "--dump-dom", path.as_uri()).stdout
    assert '<table class="matrix">' in dom and '<td class="omit"' in dom and '<td class="excl"' in dom
    assert "<del>" in dom and '<div class="sbs">' in dom
    shot = tmp_path / "compare.png"
    _chromium(tmp_path, "--window-size=1200,1600", f"--screenshot={shot}", path.as_uri())
    assert shot.exists() and shot.stat().st_size > 10_000
