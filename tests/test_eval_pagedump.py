"""Unit tests of the page-dump evaluation: the naive dump, token F1, snippet scoring, the runner.

All pages here are invented for the tests; no corpus text is copied.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import newsprism.clean
from newsprism.eval import pagedump
from newsprism.eval.pagedump import (
    DumpError,
    decode_html,
    evaluate_fundus,
    evaluate_trafilatura,
    naive_dump,
    snippet_prf,
    snippet_token_prf,
)
from newsprism.eval.tokens import PRF, bag_prf, macro, micro, token_bag, tokenize
from newsprism.model import CleanedText


def page(body: str, head: str = "<title>Tab title</title>") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def keep_long_lines(text: str) -> CleanedText:
    """Stand-in cleaner: keeps the lines of four words or more."""
    return CleanedText(text="\n".join(line for line in text.splitlines() if len(line.split()) >= 4))


# --------------------------------------------------------------------------- naive_dump


def test_blocks_start_lines_and_inline_text_joins() -> None:
    html = page(
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li></ul></nav>"
        "<article><h1>Big <em>news</em> today</h1>"
        "<p>First <b>bold</b> words and a <a href='#'>link</a>.</p>"
        "<p>Un<i>broken</i>word</p><div>Block<br>after break</div>"
        "<table><tr><td>cell one</td><td>cell two</td></tr></table></article>"
        "<footer>Footer text</footer>"
    )
    assert naive_dump(html).splitlines() == [
        "Home",
        "World",
        "Big news today",
        "First bold words and a link.",
        "Unbrokenword",
        "Block",
        "after break",
        "cell one",
        "cell two",
        "Footer text",
    ]


def test_hidden_and_non_visible_elements_are_dropped() -> None:
    html = page(
        "<p>visible one</p>"
        "<div hidden>hidden attribute</div>"
        "<div aria-hidden='true'>aria hidden</div>"
        "<div aria-hidden='false'>aria shown</div>"
        "<p style='color: red; DISPLAY : None'>inline none</p>"
        "<span style='visibility:hidden'>invisible</span>"
        "<script>var x = 'script text';</script><style>p { color: red }</style>"
        "<noscript>enable javascript</noscript><template><p>template text</p></template>"
        "<svg><text>svg text</text></svg><!-- a comment -->"
        "<p>visible <span hidden>gone</span>two</p>",
        head="<title>Tab title</title><meta name='description' content='meta text'>",
    )
    assert naive_dump(html).splitlines() == ["visible one", "aria shown", "visible two"]


def test_tail_text_after_a_dropped_element_is_kept() -> None:
    html = page("<p>before<script>x()</script> after<span hidden>no</span> end</p>")
    assert naive_dump(html) == "before after end"


def test_whitespace_collapses_and_empty_lines_drop() -> None:
    html = page(
        "<p>  many \n\t spaces&nbsp;and\u00a0nbsp </p><p>   </p><div><div></div></div><p>soft\u00adhyphen</p>"
    )
    assert naive_dump(html).splitlines() == ["many spaces and nbsp", "softhyphen"]


def test_pre_keeps_its_line_breaks() -> None:
    html = page("<pre>line one\n  line   two\n\nline three</pre>tail")
    assert naive_dump(html).splitlines() == ["line one", "line two", "line three", "tail"]


def test_empty_and_bodyless_documents_give_empty_dumps() -> None:
    assert naive_dump("") == ""
    assert naive_dump(b"   ") == ""
    assert naive_dump("<html><head><title>only a title</title></head></html>") == ""


def test_latin1_page_is_decoded_by_its_meta_charset() -> None:
    html = page("<p>Café crème, Grüße und Ähre</p>", head='<meta charset="iso-8859-1"><title>t</title>')
    data = html.encode("latin-1")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert naive_dump(data) == "Café crème, Grüße und Ähre"


def test_http_equiv_declaration_and_windows_1252_superset() -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    data = page("<p>\u201cquoted\u201d \u20ac5 d\u00e9j\u00e0</p>", head=head).encode("cp1252")
    assert naive_dump(data) == "\u201cquoted\u201d \u20ac5 d\u00e9j\u00e0"


def test_valid_utf8_wins_over_a_stale_declaration_and_bom_wins_over_all() -> None:
    html = page("<p>Grüße aus Köln</p>", head='<meta charset="iso-8859-1">')
    assert naive_dump(html.encode("utf-8")) == "Grüße aus Köln"
    assert naive_dump(b"\xef\xbb\xbf" + html.encode("utf-8")) == "Grüße aus Köln"
    assert naive_dump(b"\xff\xfe" + page("<p>wide</p>").encode("utf-16-le")) == "wide"


def test_undeclared_legacy_bytes_fall_back_to_charset_detection() -> None:
    text = "Über die Brücke gehen Bürger, während Größe und Schönheit übersehen werden. " * 5
    decoded = decode_html(page(f"<p>{text}</p>", head="").encode("cp1252"))
    assert "Über die Brücke" in decoded


def test_xml_declaration_in_a_string_is_accepted() -> None:
    html = '<?xml version="1.0" encoding="iso-8859-1"?>' + page("<p>xhtml page</p>")
    assert naive_dump(html) == "xhtml page"


def test_undetectable_bytes_raise_dump_error(monkeypatch: pytest.MonkeyPatch) -> None:
    class NoGuess:
        def best(self) -> None:
            return None

    import charset_normalizer

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda data: NoGuess())
    with pytest.raises(DumpError):
        naive_dump(b"<p>\xff\xfe\xfa\x00 broken</p>")


# --------------------------------------------------------------------------- tokens


def test_tokenize_casefolds_unicode_words() -> None:
    assert tokenize("ÉCOLE école, l'été 2024!") == ["école", "école", "l", "été", "2024"]
    assert tokenize("Wort\u00adtrennung") == ["worttrennung"]
    assert token_bag("a b a")["a"] == 2


def test_bag_prf_uses_multiset_overlap() -> None:
    counts = bag_prf("a a b c", "a b b d")
    assert counts == PRF(tp=2, fp=2, fn=2)
    assert (counts.precision, counts.recall, counts.f1) == (0.5, 0.5, 0.5)
    assert bag_prf("x y", "x y z w") == PRF(tp=2, fp=0, fn=2)
    assert bag_prf("X, y!", "x y").f1 == 1.0


def test_empty_sides() -> None:
    both = bag_prf("", "")
    assert (both.precision, both.recall, both.f1) == (1.0, 1.0, 1.0)
    nothing_kept = bag_prf("", "some words")
    assert (nothing_kept.precision, nothing_kept.recall, nothing_kept.f1) == (0.0, 0.0, 0.0)
    nothing_expected = bag_prf("some words", "")
    assert (nothing_expected.precision, nothing_expected.recall, nothing_expected.f1) == (0.0, 0.0, 0.0)


def test_micro_and_macro_averages_differ_as_expected() -> None:
    long_page = PRF(tp=90, fp=10, fn=0)  # F1 0.947...
    short_page = PRF(tp=1, fp=9, fn=0)  # F1 0.1818...
    mi = micro([long_page, short_page])
    assert mi.precision == pytest.approx(91 / 110)
    assert mi.recall == 1.0
    ma = macro([long_page, short_page])
    assert ma.precision == pytest.approx((0.9 + 0.1) / 2)
    assert ma.f1 == pytest.approx((180 / 190 + 2 / 11) / 2)
    assert macro([]).f1 == 0.0


# --------------------------------------------------------------------------- snippets


def test_snippet_prf_counts_found_snippets() -> None:
    output = "Menu\nThe river rose   quickly\nafter rain.\nShare this"
    counts = snippet_prf(output, ["river rose quickly after rain.", "missing bit"], ["Share this", "Login"])
    assert counts == PRF(tp=1, fp=1, fn=1)


def test_snippet_token_prf_credits_each_output_token_once() -> None:
    output = "alpha beta gamma delta"
    counts = snippet_token_prf(output, ["alpha beta", "epsilon"], ["gamma", "alpha"])
    # alpha and beta recalled, epsilon missing; gamma kept; alpha already used for recall.
    assert counts == PRF(tp=2, fp=1, fn=1)
    assert snippet_token_prf("alpha alpha", ["alpha"], ["alpha"]) == PRF(tp=1, fp=1, fn=0)


# --------------------------------------------------------------------------- the runner

ARTICLE = (
    "<article><h1>Invented headline</h1><p>The invented council met on a quiet afternoon to talk.</p>"
    "<p>Members agreed that the invented bridge needs painting before winter comes.</p></article>"
)
CHROME = "<nav><a>Home</a><a>Sport</a></nav><aside><p>Cookie notice</p></aside><footer>About us</footer>"


def write_corpus(root: Path) -> Path:
    fundus = root / "fundus_parser_tests"
    (fundus / "html" / "xx").mkdir(parents=True)
    (fundus / "html" / "xx" / "A_2024.html.gz").write_bytes(gzip.compress(page(CHROME + ARTICLE).encode()))
    (fundus / "html" / "xx" / "B_2024.html.gz").write_bytes(b"not gzip at all")
    expected = (
        "The invented council met on a quiet afternoon to talk.\n"
        "Members agreed that the invented bridge needs painting before winter comes."
    )
    cases = [
        {"html_path": "html/xx/A_2024.html.gz", "expected_plaintext": expected},
        {"html_path": "html/xx/B_2024.html.gz", "expected_plaintext": "anything at all"},
    ]
    (fundus / "cases.jsonl").write_text("\n".join(json.dumps(c) for c in cases) + "\n", encoding="utf-8")

    traf = root / "trafilatura_eval"
    (traf / "html").mkdir(parents=True)
    (traf / "html" / "0000.html.gz").write_bytes(gzip.compress(page(CHROME + ARTICLE).encode("utf-8")))
    case = {
        "id": 0,
        "html_path": "html/0000.html.gz",
        "must_contain": ["invented bridge needs painting", "quiet afternoon"],
        "must_not_contain": ["Cookie notice", "About us"],
    }
    (traf / "cases.jsonl").write_text(json.dumps(case) + "\n", encoding="utf-8")
    return root


def test_evaluate_fundus_scores_every_system_and_notes_broken_pages(tmp_path: Path) -> None:
    result = evaluate_fundus(write_corpus(tmp_path), cleaner=keep_long_lines, reference=False)
    assert [row.case for row in result.rows] == ["html/xx/A_2024.html.gz", "html/xx/B_2024.html.gz"]
    first, broken = result.rows
    assert first.counts("clean", "token").f1 == 1.0
    assert first.counts("keep", "token").recall == 1.0
    assert first.counts("keep", "token").precision < 1.0
    assert broken.note.startswith("unreadable file")
    assert broken.counts("keep", "token") == PRF(tp=0, fp=0, fn=3)
    assert result.notes == (f"html/xx/B_2024.html.gz: {broken.note}",)
    clean, keep = result.aggregate("clean", "token"), result.aggregate("keep", "token")
    assert clean.micro.f1 > keep.micro.f1
    assert clean.macro.f1 == pytest.approx(0.5)
    with pytest.raises(KeyError):
        result.aggregate("trafilatura", "token")
    table = result.format_table()
    assert "fundus_parser_tests: 2 pages, 1 note(s)" in table
    assert "clean" in table and "keep" in table


def test_limit_and_set_folder_argument(tmp_path: Path) -> None:
    root = write_corpus(tmp_path)
    result = evaluate_fundus(root / "fundus_parser_tests", cleaner=keep_long_lines, limit=1, reference=False)
    assert len(result.rows) == 1
    assert result.notes == ()


def test_a_crashing_cleaner_counts_as_empty_output(tmp_path: Path) -> None:
    def boom(text: str) -> CleanedText:
        raise RuntimeError("cleaner bug")

    result = evaluate_fundus(write_corpus(tmp_path), cleaner=boom, limit=1, reference=False)
    row = result.rows[0]
    assert row.note == "cleaner raised RuntimeError: cleaner bug"
    assert row.counts("clean", "token").tp == 0
    assert row.counts("keep", "token").tp > 0


def test_default_cleaner_is_newsprism_clean_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(newsprism.clean, "clean_text", keep_long_lines, raising=False)
    result = evaluate_fundus(write_corpus(tmp_path), limit=1, reference=False)
    assert result.rows[0].counts("clean", "token").f1 == 1.0


def test_evaluate_trafilatura_with_reference(tmp_path: Path) -> None:
    result = evaluate_trafilatura(write_corpus(tmp_path), cleaner=keep_long_lines)
    assert result.metrics == ("snippet", "snippet_tokens")
    row = result.rows[0]
    assert row.counts("keep", "snippet") == PRF(tp=2, fp=2, fn=0)
    assert row.counts("clean", "snippet") == PRF(tp=2, fp=0, fn=0)
    assert row.counts("trafilatura", "snippet").tp == 2
    assert {agg.system for agg in result.aggregates} == {"keep", "clean", "trafilatura"}
    assert "snippet_tokens" in result.format_table()


def test_module_entry_point(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(newsprism.clean, "clean_text", keep_long_lines, raising=False)
    root = write_corpus(tmp_path)
    assert pagedump.main(["--corpus", str(root), "--set", "both", "--no-reference"]) == 0
    out = capsys.readouterr().out
    assert "fundus_parser_tests: 2 pages" in out
    assert "trafilatura_eval: 1 pages" in out
    assert pagedump.main(["--corpus", str(tmp_path / "nowhere"), "--set", "fundus"]) == 2


def test_unicode_composition_does_not_matter() -> None:
    composed, decomposed = "gepr\u00fcft", "gepru\u0308ft"
    assert tokenize(decomposed) == tokenize(composed) == ["geprüft"]
    assert snippet_prf(f"wurde {decomposed} und", [f"wurde {composed}"], []) == PRF(tp=1, fp=0, fn=0)


def test_han_and_kana_are_one_token_per_character() -> None:
    assert tokenize("東京で、ニュース。Seoul 서울시") == [
        "東",
        "京",
        "で",
        "ニ",
        "ュ",
        "ー",
        "ス",
        "seoul",
        "서울시",
    ]
    # A line break inside an unspaced sentence costs nothing.
    assert bag_prf("今日は\n晴れ", "今日は晴れ").f1 == 1.0
