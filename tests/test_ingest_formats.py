"""One reader per format: plain text, HTML pages, JSON / JSON Lines, RSS / Atom feeds."""

from __future__ import annotations

import json
from pathlib import Path

from newsprism.ingest import read_path
from newsprism.model import RawArticle, Rejection

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"

PAGE = """<!DOCTYPE html>
<html{lang}><head>{head}<title>{title}</title></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/weather">Weather</a></nav>
<article>
<h1>{title}</h1>
<p>The regional rail operator confirmed on Monday that the Elmsford line will close for four weeks this summer
while engineers replace worn track between Dunmore and the coast.</p>
<p>Replacement buses will run every twenty minutes, the operator said,
and season tickets will be valid on them.</p>
<p>{extra}</p>
</article>
<footer>Copyright 2025. All rights reserved.</footer>
</body></html>
"""


def page(
    *, head: str = "", lang: str = "", title: str = "Elmsford line to close for summer works", extra: str = ""
) -> str:
    extra = extra or "Passenger groups asked for the works to be split over two summers instead."
    return PAGE.format(head=head, lang=f' lang="{lang}"' if lang else "", title=title, extra=extra)


def only(items: list[RawArticle | Rejection]) -> RawArticle:
    assert len(items) == 1, items
    assert isinstance(items[0], RawArticle), items[0]
    return items[0]


def write(path: Path, content: str | bytes) -> str:
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return str(path)


# --------------------------------------------------------------------------- .txt


def test_txt_keeps_the_text_as_is() -> None:
    path = FIXTURES / "harbour_bridge.txt"
    article = only(list(read_path(path)))
    assert article.text == path.read_text(encoding="utf-8")
    assert article.source == str(path)
    assert article.input_format == "txt"
    assert article.html is None
    assert (article.outlet, article.title, article.byline, article.published, article.url) == (None,) * 5
    assert "“We are relieved to have it back,”" in article.text  # curly quotes survive


def test_txt_decodes_and_normalises(tmp_path: Path) -> None:
    text = "Line one\u00a0with a no-break space\r\nLine two “quoted”\r\n"
    path = write(tmp_path / "story.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert only(list(read_path(path))).text == "Line one with a no-break space\nLine two “quoted”\n"
    legacy = write(tmp_path / "legacy.txt", "Der Bürgermeister sprach über die Straße.".encode("cp1252"))
    assert only(list(read_path(legacy))).text == "Der Bürgermeister sprach über die Straße."


# --------------------------------------------------------------------------- .html


def test_html_article_and_metadata() -> None:
    article = only(list(read_path(FIXTURES / "harbour_bridge.html")))
    assert article.input_format == "html"
    assert article.html is None
    assert article.title == "Harbour bridge reopens after storm repairs"
    assert article.byline == "Mara Ellison"
    assert article.outlet == "The Lantern Post"
    assert article.url == "https://lanternpost.example/news/harbour-bridge-reopens"
    assert article.published == "2025-03-14T09:30:00+00:00"
    assert article.language == "en"
    text = article.text or ""
    assert "The Old Harbour bridge in Saltmere reopened" in text
    assert "“We are relieved to have it back,” said" in text
    # Paragraphs are separated by one blank line; navigation and footer are gone.
    assert "damaged two support piers.\n\n“We are relieved" in text
    assert "Cost questions remain\n\nThe repairs cost" in text
    assert "\n\n\n" not in text
    assert "Privacy" not in text
    assert "All rights reserved" not in text


def test_html_page_without_an_article_is_rejected() -> None:
    path = FIXTURES / "cookie_wall.html"
    assert list(read_path(path)) == [Rejection(str(path), "no article text found in HTML page")]


def test_html_outlet_falls_back_to_the_url_host(tmp_path: Path) -> None:
    head = '<link rel="canonical" href="https://www.dunmore-times.example/rail/elmsford">'
    article = only(list(read_path(write(tmp_path / "p.htm", page(head=head, lang="en-GB")))))
    assert article.url == "https://www.dunmore-times.example/rail/elmsford"
    assert article.outlet == "dunmore-times.example"
    assert article.language == "en"


def test_html_declared_legacy_charset(tmp_path: Path) -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    html = page(
        head=head, title="Café owners “relieved” by the decision", extra="Señora Núñez welcomed the news."
    )
    article = only(list(read_path(write(tmp_path / "legacy.html", html.encode("cp1252")))))
    assert article.title == "Café owners “relieved” by the decision"
    assert "Señora Núñez welcomed the news." in (article.text or "")


def test_html_published_time_from_json_ld(tmp_path: Path) -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "datePublished": "2025-06-02T07:15:00+01:00",
    }
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    article = only(list(read_path(write(tmp_path / "ld.html", page(head=head)))))
    assert article.published == "2025-06-02T07:15:00+01:00"


def test_html_date_only_metadata_stays_a_date(tmp_path: Path) -> None:
    head = '<meta name="date" content="2025-06-02">'
    assert only(list(read_path(write(tmp_path / "d.html", page(head=head))))).published == "2025-06-02"


# --------------------------------------------------------------------------- .json / .jsonl


def test_jsonl_records_rejections_and_aliases() -> None:
    path = FIXTURES / "articles.jsonl"
    items = list(read_path(path))
    assert [item.source for item in items] == [f"{path}#{n}" for n in (1, 2, 3, 5)]
    first, malformed, empty, fragment = items
    assert isinstance(first, RawArticle)
    assert first.input_format == "jsonl"
    assert first.title == "Oak saplings planted along the Brannock"
    assert first.outlet == "Valley Herald"
    assert first.byline == "Ines Okafor, Per Lund"
    assert first.published == "2025-04-12T16:45:00+00:00"
    assert first.url == "https://valleyherald.example/oaks"
    assert first.text == (
        "Volunteers planted four hundred oak saplings along the Brannock river on Saturday.\n\n"
        "The county forestry office said the trees would shade the water for trout."
    )
    assert first.metadata == {"section": "Environment"}
    assert isinstance(malformed, Rejection)
    assert malformed.reason.startswith("malformed JSON line: Expecting value")
    assert str(malformed).startswith(f"{path}#2: ")
    assert empty == Rejection(f"{path}#3", "record has no text or html")
    assert isinstance(fragment, RawArticle)
    assert fragment.text == "The ferry timetable changes on Monday.\n\nEvening sailings move to 19:40."
    assert fragment.outlet == "Harbour Gazette"
    assert fragment.language == "en"
    assert fragment.published is None
    assert fragment.metadata == {"published_raw": "sometime next week"}


def test_json_single_object_keeps_unknown_fields() -> None:
    path = FIXTURES / "article.json"
    article = only(list(read_path(path)))
    assert article.source == str(path)
    assert article.input_format == "json"
    assert article.text and article.text.startswith("Kestrel Airways will add a daily flight")
    assert (article.title, article.byline, article.published) == (
        "Kestrel Airways adds Dunmore route",
        "Lotte Varga",
        "2025-05-06",
    )
    assert (article.outlet, article.language) == ("Dunmore Times", "en")
    assert article.metadata == {"wordcount": 19, "tags": ["aviation", "Dunmore"]}


def test_json_array_and_container(tmp_path: Path) -> None:
    records = [{"text": "First short item about the harbour."}, 7, {"title": "no body"}]
    path = write(tmp_path / "a.json", json.dumps(records))
    items = list(read_path(path))
    assert [item.source for item in items] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    assert isinstance(items[0], RawArticle)
    assert items[1] == Rejection(f"{path}#2", "record is a JSON int, not an object")
    assert items[2] == Rejection(f"{path}#3", "record has no text or html")
    wrapped = write(tmp_path / "w.json", json.dumps({"articles": [{"content": ["Para one.", "Para two."]}]}))
    assert only(list(read_path(wrapped))).text == "Para one.\n\nPara two."


def test_json_file_holding_json_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "lines.json", '{"text": "One."}\n{"text": "Two."}\n')
    assert [item.text for item in read_path(path) if isinstance(item, RawArticle)] == ["One.", "Two."]


def test_malformed_and_empty_json(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.json", '{"text": "unterminated')
    (rejection,) = list(read_path(bad))
    assert isinstance(rejection, Rejection) and rejection.source == bad
    assert rejection.reason.startswith("malformed JSON: Unterminated string")
    empty = write(tmp_path / "empty.json", "[]")
    assert list(read_path(empty)) == [Rejection(empty, "no records in JSON file")]


def test_json_record_with_a_whole_page(tmp_path: Path) -> None:
    record = {"html": page(title="Page title"), "url": "https://rail.example/x", "title": "Record title"}
    article = only(list(read_path(write(tmp_path / "p.jsonl", json.dumps(record) + "\n"))))
    assert article.title == "Record title"  # the record's own fields win
    assert article.url == "https://rail.example/x"
    assert article.outlet == "rail.example"
    assert "Replacement buses will run every twenty minutes" in (article.text or "")
    assert "Weather" not in (article.text or "")


def test_json_text_field_holding_markup_and_epoch_dates(tmp_path: Path) -> None:
    record = {"text": "<p>First.</p><p>Second.</p>", "published": 1751551500, "author": {"name": "Ana Ruiz"}}
    article = only(list(read_path(write(tmp_path / "m.json", json.dumps(record)))))
    assert article.text == "First.\n\nSecond."
    assert article.published == "2025-07-03T14:05:00+00:00"
    assert article.byline == "Ana Ruiz"


# --------------------------------------------------------------------------- feeds


def test_rss_feed() -> None:
    path = FIXTURES / "gazette.rss"
    entry, empty = list(read_path(path))
    assert isinstance(entry, RawArticle)
    assert entry.source == f"{path}#1"
    assert entry.input_format == "feed"
    assert entry.text == (
        "The night ferry to Saltmere returns on Friday after a two-month pause.\n\nTickets go on sale today."
    )
    assert entry.title == "Night ferry returns to Saltmere"
    assert entry.url == "https://gazette.example/night-ferry"
    assert entry.published == "2025-07-03T14:05:00+01:00"
    assert entry.byline == "Ed Vance"
    assert entry.outlet == "Harbour Gazette"
    assert entry.language == "en"
    assert entry.metadata["tags"] == ["Transport"]
    assert empty == Rejection(f"{path}#2", "feed entry has no text")


def test_atom_feed_prefers_full_content() -> None:
    (entry,) = list(read_path(FIXTURES / "courier.atom"))
    assert isinstance(entry, RawArticle)
    assert entry.text == (
        "Die neue Brücke über die Aller ist seit Donnerstag für Radfahrer geöffnet.\n\n"
        "Autos dürfen erst im Herbst darüber fahren."
    )
    assert entry.byline == "Anke Rühl, Jonas Feld"
    assert entry.published == "2025-07-03T09:00:00+02:00"
    assert (entry.outlet, entry.language) == ("Talkurier", "de")


def test_feeds_are_sniffed_from_xml_and_unknown_names(tmp_path: Path) -> None:
    rss = (FIXTURES / "gazette.rss").read_bytes()
    for name in ("news.xml", "news.feed", "news"):
        items = list(read_path(write(tmp_path / name, rss)))
        assert isinstance(items[0], RawArticle) and items[0].input_format == "feed", name


def test_xml_that_is_no_feed_and_broken_feeds(tmp_path: Path) -> None:
    sitemap = write(tmp_path / "sitemap.xml", '<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>')
    assert list(read_path(sitemap)) == [Rejection(sitemap, "XML file is not an RSS or Atom feed")]
    empty = write(
        tmp_path / "empty.rss",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
    )
    assert list(read_path(empty)) == [Rejection(empty, "feed has no entries")]
    broken = write(tmp_path / "broken.rss", "Not a feed: just a line of words.")
    (rejection,) = list(read_path(broken))
    assert isinstance(rejection, Rejection) and rejection.reason.startswith("malformed feed")
