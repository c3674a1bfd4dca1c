"""clean_text on four invented scraped articles (tests/fixtures/clean/*.txt).

The fixtures are fictional (invented places, outlets and people) and carry the leftovers scraped
news text has: site chrome, menus, widgets, photo captions and credits (also glued ones), bylines,
wire credits, related headlines, subheadings that must survive, repeated paragraphs, a cookie notice,
a footer link list.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.clean import clean_text
from newsprism.model import CleanedText

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "clean"


def _clean(name: str) -> tuple[str, CleanedText]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return text, clean_text(text)


def _reason(result: CleanedText, line: str) -> str | None:
    for r in result.removed:
        if r.text.strip() == line:
            return r.reason
    return None


def _assert_invariants(text: str, result: CleanedText) -> None:
    for r in result.removed:
        assert text[r.start : r.end] == r.text
    for span in (*result.paragraphs, *result.headings):
        assert result.text[span.start : span.end] == span.text
    assert set(result.headings) <= set(result.paragraphs)
    assert "\n\n".join(p.text for p in result.paragraphs) == result.text


def test_harbour_fire_all_kinds() -> None:
    text, r = _clean("harbour_fire.txt")
    _assert_invariants(text, r)
    assert r.title == "Fire destroys historic warehouse on Brindle Quay"
    assert r.byline == "Harriet Lomax"
    assert r.wire == ("The Associated Press", "Reuters")
    assert r.photo_credits == ("Reuters",)
    assert _reason(r, "Sign in") == "widget"
    assert _reason(r, "News     Sport     Weather     Culture") == "site-chrome"
    assert _reason(r, "Fire destroys historic warehouse on Brindle Quay") == "title"
    assert _reason(r, "Mayor Odile Fenwick and Fire Chief Rasmus Quill.") == "photo-caption"
    assert _reason(r, "Tomasz Brenner | Lena Okafor | Via Reuters") == "photo-credit"
    assert _reason(r, "By Harriet Lomax | Staff writer") == "byline"
    assert _reason(r, "City council approves new bus lanes, mayor says") == "related-headline"
    assert _reason(r, "This report includes additional reporting by The Associated Press.") == "wire-credit"
    assert _reason(r, "Read the full story here") == "read-more-stub"
    assert _reason(r, "Share") == "widget"
    assert _reason(r, "Leave a comment") == "widget"
    assert _reason(r, "https://news.example.test/fire?utm_source=feed&utm_medium=rss") == "tracking"
    # The standalone pull quote goes; the paragraph that holds it in context stays.
    standalone = '"We have never seen a fire spread this quickly in the old harbour district."'
    assert _reason(r, standalone) == "duplicate-paragraph"
    assert 'quickly in the old harbour district," Fire Chief Rasmus Quill told reporters' in r.text
    # The subheading survives, in the text and in headings.
    assert [h.text for h in r.headings] == ["What Happens Next"]
    # The dek (a full sentence under the title) is content.
    assert r.paragraphs[0].text.startswith("Flames tore through a 19th-century grain warehouse")
    assert len(r.paragraphs) == 7


def test_island_ferry_page_dump() -> None:
    text, r = _clean("island_ferry.txt")
    _assert_invariants(text, r)
    assert r.title == "Neue Fähre verbindet Lindholm und Sandvik ab Juni"
    assert r.wire == ("dpa",)
    assert [h.text for h in r.headings] == ["Kritik am Fahrplan"]
    assert r.paragraphs[0].text.startswith("Die Reederei Nordlicht stellt")
    assert r.paragraphs[-1].text.endswith("nach dem ersten Sommer zu überprüfen.")
    assert len(r.paragraphs) == 5
    # Menu, cookie notice, teaser list and footer are all gone.
    for gone in ("Startseite", "Cookies", "Hafenfest", "Radwege", "Impressum", "AGB", "Inselbote"):
        assert gone not in r.text
    assert _reason(r, "Mit Material von dpa") == "wire-credit"
    assert _reason(r, "Datenschutz") in {"site-chrome", "boilerplate"}


def test_apple_harvest_glued_caption_and_exact_repeat() -> None:
    text, r = _clean("apple_harvest.txt")
    _assert_invariants(text, r)
    first = r.paragraphs[0].text
    # The caption glued to the first paragraph goes; the sentence before it stays whole.
    assert first.endswith("the regional growers' association said on Monday.")
    assert "Tarnby" not in r.text
    glued = [x for x in r.removed if x.reason == "photo-caption"]
    assert len(glued) == 1 and glued[0].text.strip().endswith("(Reuters Photo)")
    assert r.wire == r.photo_credits == ("Reuters",)  # credited for the picture only
    assert _reason(r, "Cider makers cut prices as supply glut looms") == "related-headline"
    assert [h.text for h in r.headings] == ["Labour and Storage", "Prices and Exports"]
    assert r.text.count("Wholesale prices for dessert apples") == 1
    assert _reason(r, "Reporting by Mina Castell; Editing by Joel Varga") == "wire-credit"
    assert r.title is None  # the text opens with a full paragraph, not a headline


def test_city_library_spanish() -> None:
    text, r = _clean("city_library.txt")
    _assert_invariants(text, r)
    assert r.title == "La nueva biblioteca de Altamira abrirá sus puertas en marzo"
    assert r.byline == "Lucía Serrano Vidal"
    assert r.wire == r.photo_credits == ("EFE",)
    assert _reason(r, "Login") == "widget"
    assert _reason(r, "Imagen de la fachada de la nueva biblioteca.") == "photo-caption"
    assert _reason(r, "Foto: Marta Ibarra / EFE") == "photo-credit"
    assert _reason(r, "Compartir") == "widget"
    assert _reason(r, "Leer más »") == "read-more-stub"
    assert _reason(r, "tracking") == "tracking"
    assert [h.text for h in r.headings] == ["Un espacio para todos los barrios"]
    assert r.paragraphs[0].text.startswith("El edificio, diseñado por un estudio local")
    assert r.paragraphs[-1].text.startswith('"Queremos que nadie tenga que coger el autobús')


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_fixture_cleaning_is_deterministic_and_idempotent(name: str) -> None:
    text, first = _clean(name)
    assert clean_text(text) == first
    # Cleaning cleaned text removes nothing more of the body.
    again = clean_text(first.text)
    assert again.text == first.text
