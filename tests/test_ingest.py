"""read_inputs / read_path: walking, standard input, rejections, size limits and content hashes."""

from __future__ import annotations

import codecs
import io
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

import newsprism.ingest.reader as reader
from newsprism.ingest import STDIN_SOURCE, content_hash, read_inputs, read_path
from newsprism.model import RawArticle, Rejection

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
STORY = (
    "Council approves new cycle lanes\nThe council voted 7-2 on Tuesday to build cycle lanes on Mill Road.\n"
)


def tree(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)


def sources(items: list[RawArticle | Rejection]) -> list[str]:
    return [item.source for item in items]


# --------------------------------------------------------------------------- walking and order


def test_folders_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            "b/2.txt": STORY,
            "b/1.txt": STORY,
            "a.txt": STORY,
            "c/d/e.txt": STORY,
            ".hidden.txt": STORY,
            ".git/config.txt": STORY,
            "B.txt": STORY,
        },
    )
    root = str(tmp_path)
    expected = [os.path.join(root, name) for name in ("B.txt", "a.txt", "b/1.txt", "b/2.txt", "c/d/e.txt")]
    assert sources(list(read_inputs([root]))) == expected
    assert list(read_inputs([root])) == list(read_inputs([root]))  # deterministic


def test_arguments_keep_their_order(tmp_path: Path) -> None:
    tree(tmp_path, {"z.txt": STORY, "a.txt": STORY})
    items = list(read_inputs([tmp_path / "z.txt", str(tmp_path / "a.txt")]))
    assert sources(items) == [str(tmp_path / "z.txt"), str(tmp_path / "a.txt")]


def test_every_fixture_has_text_and_no_html() -> None:
    items = list(read_inputs([str(FIXTURES)]))
    articles = [item for item in items if isinstance(item, RawArticle)]
    assert len(articles) >= 7
    for article in articles:
        assert article.text and article.text.strip()
        assert article.html is None
        assert article.input_format in {"txt", "html", "json", "jsonl", "feed", "warc"}


def test_a_bad_input_does_not_stop_the_batch(tmp_path: Path) -> None:
    tree(tmp_path, {"good.txt": STORY, "empty.txt": "", "image.png": b"\x89PNG\r\n\x1a\n" + bytes(64)})
    items = list(
        read_inputs([tmp_path / "empty.txt", tmp_path / "missing.txt", tmp_path / "image.png", tmp_path])
    )
    assert items[:3] == [
        Rejection(str(tmp_path / "empty.txt"), "empty file"),
        Rejection(str(tmp_path / "missing.txt"), "no such file or directory"),
        Rejection(str(tmp_path / "image.png"), "binary content (not text)"),
    ]
    # In the folder the picture is skipped (no article extension); the empty file is still rejected.
    assert [type(item).__name__ for item in items[3:]] == ["Rejection", "RawArticle"]


def test_folders_skip_companions_that_are_not_articles(tmp_path: Path) -> None:
    tree(tmp_path, {"story.txt": STORY, "README.md": "# About these files", "notes": STORY})
    assert sources(read_inputs([tmp_path])) == [str(tmp_path / "notes"), str(tmp_path / "story.txt")]
    assert sources(read_inputs([tmp_path / "README.md"])) == [str(tmp_path / "README.md")]


# --------------------------------------------------------------------------- standard input


@pytest.mark.parametrize(
    ("data", "input_format"),
    [
        (STORY.encode(), "txt"),
        ((FIXTURES / "harbour_bridge.html").read_bytes(), "html"),
        (json.dumps({"text": STORY}).encode(), "json"),
        (b'{"text": "One."}\n{"text": "Two."}\n', "jsonl"),
        ((FIXTURES / "gazette.rss").read_bytes(), "feed"),
    ],
)
def test_stdin_format_is_sniffed(data: bytes, input_format: str) -> None:
    items = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert isinstance(items[0], RawArticle)
    assert items[0].input_format == input_format
    assert items[0].source.startswith(STDIN_SOURCE)


def test_stdin_defaults_to_sys_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO(codecs.BOM_UTF8 + STORY.replace("\n", "\r\n").encode())

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    (article,) = list(read_inputs(["-"]))
    assert isinstance(article, RawArticle)
    assert (article.source, article.text) == (STDIN_SOURCE, STORY)


def test_stdin_empty_binary_and_too_large() -> None:
    assert list(read_inputs(["-"], stdin=io.BytesIO(b""))) == [Rejection(STDIN_SOURCE, "empty file")]
    assert list(read_inputs(["-"], stdin=io.BytesIO(b"\x00\x01\x02\x03" * 100))) == [
        Rejection(STDIN_SOURCE, "binary content (not text)")
    ]
    assert list(read_inputs(["-"], stdin=io.BytesIO(b"x" * 2048), max_bytes=1024)) == [
        Rejection(STDIN_SOURCE, "input too large (over 1.0 KB)")
    ]


# --------------------------------------------------------------------------- rejections


def test_empty_and_blank_files(tmp_path: Path) -> None:
    tree(tmp_path, {"empty.html": "", "blank.txt": "  \r\n\t\n"})
    assert list(read_inputs([tmp_path / "empty.html", tmp_path / "blank.txt"])) == [
        Rejection(str(tmp_path / "empty.html"), "empty file"),
        Rejection(str(tmp_path / "blank.txt"), "empty file"),
    ]


@pytest.mark.parametrize(
    "content",
    [b"\x89PNG\r\n\x1a\n" + bytes(100), b"plain start\x00\x00\x00\xff\xfe binary tail"],
    ids=["png", "nul-bytes"],
)
@pytest.mark.parametrize("name", ["x.txt", "x.html", "x.json", "x.bin", "noextension"])
def test_binary_files_are_rejected_whatever_their_name(tmp_path: Path, content: bytes, name: str) -> None:
    tree(tmp_path, {name: content})
    assert list(read_path(tmp_path / name)) == [Rejection(str(tmp_path / name), "binary content (not text)")]


def test_unknown_extension_in_a_folder_is_read_only_when_it_sniffs_as_a_document(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {"story.md": STORY, "page.php": (FIXTURES / "harbour_bridge.html").read_text(encoding="utf-8")},
    )
    formats = [item.input_format for item in read_inputs([tmp_path]) if isinstance(item, RawArticle)]
    assert formats == ["html"]  # page.php sniffs as HTML; story.md is a plain-text companion


def test_file_over_the_limit_is_refused_before_it_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: takes no disk space and no time

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(reader, "open", refuse, raising=False)
    assert list(read_path(big)) == [Rejection(str(big), "file too large (100.0 MB, limit 50.0 MB)")]
    small = tmp_path / "small.txt"
    small.write_text(STORY, encoding="utf-8")
    too_large = f"file too large ({len(STORY)} bytes, limit 10 bytes)"
    assert list(read_path(small, max_bytes=10)) == [Rejection(str(small), too_large)]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(STORY, encoding="utf-8")

    def denied(*args: Any, **kwargs: Any) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(reader, "open", denied, raising=False)
    assert list(read_path(path)) == [Rejection(str(path), "permission denied")]


def test_broken_link_inside_a_folder(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "ok.txt").write_text(STORY, encoding="utf-8")
    items = list(read_path(tmp_path))
    assert items[0] == Rejection(str(tmp_path / "dangling.txt"), "no such file or directory")
    assert isinstance(items[1], RawArticle)


def test_library_failure_becomes_a_rejection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(data: bytes, source: str) -> Any:
        raise RuntimeError("parser\nblew up")

    monkeypatch.setitem(reader._READERS, "txt", explode)
    path = tmp_path / "a.txt"
    path.write_text(STORY, encoding="utf-8")
    assert list(read_path(path)) == [Rejection(str(path), "could not read: RuntimeError: parser blew up")]


# --------------------------------------------------------------------------- content hash


def test_content_hash_is_the_same_for_the_same_article_in_any_file(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            "one.txt": STORY,
            "copy under another name.txt": codecs.BOM_UTF8 + STORY.replace("\n", "\r\n").encode(),
            "legacy.txt": STORY.encode("cp1252"),
            "record.jsonl": json.dumps({"text": STORY.strip(), "title": "x"}) + "\n",
            "other.txt": STORY.replace("7-2", "6-3"),
        },
    )
    articles = [item for item in read_inputs([tmp_path]) if isinstance(item, RawArticle)]
    hashes = {Path(item.source.split("#")[0]).name: content_hash(item) for item in articles}
    assert len(hashes) == 5
    assert len(set(hashes.values())) == 2
    assert hashes["one.txt"] == hashes["copy under another name.txt"] == hashes["legacy.txt"]
    assert hashes["one.txt"] == hashes["record.jsonl"]
    assert hashes["other.txt"] != hashes["one.txt"]


def test_content_hash_of_html_only_article_and_of_nfd_text() -> None:
    html = (FIXTURES / "harbour_bridge.html").read_text(encoding="utf-8")
    (article,) = list(read_path(FIXTURES / "harbour_bridge.html"))
    assert isinstance(article, RawArticle)
    assert content_hash(RawArticle(source="elsewhere", html=html, input_format="html")) == content_hash(
        article
    )
    assert content_hash(RawArticle("a", text="Cafe\u0301")) == content_hash(RawArticle("b", text="Café"))
