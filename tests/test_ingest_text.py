"""Decoding, normalisation, dates and small helpers of the ingest stage."""

from __future__ import annotations

import codecs
import unicodedata

import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-windows-1252" codec)
import pytest

from newsprism.errors import BinaryInputError
from newsprism.ingest.dates import normalize_date
from newsprism.ingest.decode import check_not_binary, declared_charset, decode_bytes
from newsprism.ingest.html_page import has_prose, host_name, normalize_language
from newsprism.ingest.htmltext import html_to_text, looks_like_html
from newsprism.ingest.normalize import hash_text, normalize_line, normalize_text
from newsprism.ingest.sniff import format_from_name, sniff

TEXT = "Grüße aus Köln: “Die Brücke ist offen” — sagte Anna.\nZweite Zeile."


# --------------------------------------------------------------------------- decoding


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
        TEXT.encode("utf-16-le"),  # no byte-order mark
        TEXT.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf32le-bom", "utf16le-no-bom", "cp1252"],
)
def test_decode_detects_the_encoding_and_strips_the_bom(data: bytes) -> None:
    assert decode_bytes(data, "x") == TEXT


def test_decode_latin1_without_declaration() -> None:
    text = "Le président a visité l'hôpital de Besançon mardi après-midi, près de la gare."
    assert decode_bytes(text.encode("latin-1"), "x") == text


def test_decode_honours_a_declared_html_charset() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>Café “crème”</p></body></html>'
    assert "Café “crème”" in decode_bytes(page.encode("cp1252"), "x", markup=True)


def test_decode_prefers_utf8_when_latin1_is_declared_but_wrong() -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
    page += "<body><p>Gdańsk – Łódź</p></body></html>"
    assert "Gdańsk – Łódź" in decode_bytes(page.encode("utf-8"), "x", markup=True)


def test_decode_uses_a_charset_named_by_the_container() -> None:
    assert decode_bytes("Žižkov".encode("iso-8859-2"), "x", declared="ISO-8859-2") == "Žižkov"


def test_declared_charset_reads_meta_and_xml_declarations() -> None:
    assert declared_charset(b'<meta charset="UTF-8">') == "utf-8"
    assert declared_charset(b'<?xml version="1.0" encoding="ISO-8859-1"?>') == "iso8859-1"
    assert declared_charset(b'<meta charset="no-such-charset">') is None
    assert declared_charset(b"<p>nothing declared</p>") is None


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"%PDF-1.7\n%\xe2\xe3",
        b"some text\x00with a NUL\x00\x01\x02 inside and \x03 more",
        bytes(range(0, 32)) * 8,
    ],
    ids=["png", "pdf", "nul-bytes", "control-chars"],
)
def test_binary_content_is_refused(data: bytes) -> None:
    with pytest.raises(BinaryInputError, match=r"binary content \(not text\)"):
        check_not_binary(data, "x")


# --------------------------------------------------------------------------- normalisation


def test_line_ends_become_newlines() -> None:
    assert normalize_text("one\r\ntwo\rthree\nfour") == "one\ntwo\nthree\nfour"


def test_odd_spaces_and_invisible_characters() -> None:
    raw = "a\u00a0b\u2009c\u202fd\u3000e\u200bf\u00adg\ufeffh\u2028i\u0007j"
    assert normalize_text(raw) == "a b c d efgh\nij"


def test_tabs_and_line_structure_survive() -> None:
    raw = "  Title\n\n\tIndented line  \n\n\n"
    assert normalize_text(raw) == raw


def test_nfc_composition() -> None:
    decomposed = unicodedata.normalize("NFD", "Crème brûlée in Łódź")
    assert normalize_text(decomposed) == "Crème brûlée in Łódź"


def test_mojibake_is_repaired_but_quotes_and_dashes_are_kept() -> None:
    original = "“Es ist vorbei” – sagte die Bürgermeisterin."
    # What a reader gets when UTF-8 bytes are taken for Windows-1252 (undefined bytes kept as is).
    mojibake = original.encode("utf-8").decode("sloppy-windows-1252")
    assert mojibake != original
    assert normalize_text(mojibake) == original
    assert normalize_text(original) == original


def test_normalize_is_idempotent() -> None:
    raw = "a\r\nb\u00a0c “q” — x" + unicodedata.normalize("NFD", "é")
    once = normalize_text(raw)
    assert normalize_text(once) == once


def test_normalize_line_collapses_whitespace() -> None:
    assert normalize_line("  Harbour\n bridge\u00a0 reopens ") == "Harbour bridge reopens"
    assert normalize_line("  ") is None
    assert normalize_line(None) is None


def test_hash_text_ignores_line_end_style_composition_and_outer_blanks() -> None:
    base = hash_text("Café opens.\nSecond line.")
    assert hash_text("\ufeffCafe\u0301 opens.\r\nSecond line.\r\n") == base
    assert hash_text("Café opens.\nSecond line!") != base
    assert len(base) == 64 and int(base, 16) >= 0


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2025-07-03", "2025-07-03"),
        ("2025-07", "2025-07"),
        ("2025", "2025"),
        ("2025-07-03T14:05:00Z", "2025-07-03T14:05:00+00:00"),
        ("2025-07-03T14:05+02:00", "2025-07-03T14:05+02:00"),
        ("2025-07-03 14:05:07.123", "2025-07-03T14:05:07.123"),
        ("2025-07-03T14:05:00.000+0000", "2025-07-03T14:05:00.000+00:00"),
        ("Thu, 03 Jul 2025 14:05:00 +0100", "2025-07-03T14:05:00+01:00"),
        ("Thu, 03 Jul 2025 14:05:00 GMT", "2025-07-03T14:05:00+00:00"),
        ("Thu, 03 Jul 2025 14:05:00", "2025-07-03T14:05:00"),
        ("3 July 2025", "2025-07-03"),
        ("July 3, 2025", "2025-07-03"),
        ("Thursday, July 3rd, 2025", "2025-07-03"),
        ("July 3, 2025 at 4:15 pm", "2025-07-03T16:15"),
        ("Jul 3, 2025 10:00 AM EDT", "2025-07-03T10:00-04:00"),
        ("03.07.2025", "2025-07-03"),
        ("13/07/2025", "2025-07-13"),
        ("07/13/2025", "2025-07-13"),
        ("2025/07/03", "2025-07-03"),
        (1751551500, "2025-07-03T14:05:00+00:00"),
        (1751551500000, "2025-07-03T14:05:00+00:00"),
        ("1751551500", "2025-07-03T14:05:00+00:00"),
    ],
)
def test_dates_are_normalised_as_precisely_as_given(raw: object, iso: str) -> None:
    assert normalize_date(raw) == iso


@pytest.mark.parametrize(
    "raw", ["yesterday", "03/07/2025", "2025-13-01", "2025-02-30", "", None, True, ["2025"]]
)
def test_unreadable_or_ambiguous_dates_give_none(raw: object) -> None:
    assert normalize_date(raw) is None


# --------------------------------------------------------------------------- helpers


def test_html_to_text_keeps_paragraphs_and_line_breaks() -> None:
    fragment = "<p>First  <b>para</b>.</p><p>Second &amp; more.<br>Line two</p><script>x()</script>tail"
    assert html_to_text(fragment) == "First para.\n\nSecond & more.\nLine two\n\ntail"
    assert html_to_text("") == ""
    assert html_to_text("just words") == "just words"


def test_looks_like_html() -> None:
    assert looks_like_html("<p>Hello</p>")
    assert not looks_like_html("Prices rose 3 < 5 percent.")


def test_has_prose() -> None:
    assert not has_prose("Home\nSign in\nAccept all")
    assert has_prose("Home\nThe council approved the budget on Tuesday after a long debate.")


@pytest.mark.parametrize(
    ("value", "language"),
    [
        ("en-GB", "en"),
        ("de_DE", "de"),
        ("FR", "fr"),
        ("en-US, en", "en"),
        ("x", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_language(value: str | None, language: str | None) -> None:
    assert normalize_language(value) == language


def test_host_name() -> None:
    assert host_name("https://www.Lanternpost.example/news/1") == "lanternpost.example"
    assert host_name("urn:uuid:1") is None
    assert host_name(None) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a/story.TXT", ("txt", False)),
        ("a/page.html.gz", ("html", True)),
        ("feed.atom", ("feed", False)),
        ("crawl.warc.gz", ("warc", True)),
        ("notes", (None, False)),
        ("dir.v2/notes", (None, False)),
        (None, (None, False)),
    ],
)
def test_format_from_name(name: str | None, expected: tuple[str | None, bool]) -> None:
    assert format_from_name(name) == expected


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b'  {"text": "x"}', "json"),
        (b"[1, 2]", "json"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel>', "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b"<!DOCTYPE html><html><body>", "html"),
        (b"<div><p>Fragment</p></div>", "html"),
        (b'<?xml version="1.0"?><urlset>', "xml"),
        (b"Plain words < and > signs", "txt"),
        (codecs.BOM_UTF16_LE + "<html><body>".encode("utf-16-le"), "html"),
    ],
)
def test_sniff(data: bytes, kind: str) -> None:
    assert sniff(data) == kind
