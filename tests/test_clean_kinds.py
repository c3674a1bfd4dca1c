"""Each kind of leftover on its own, on small invented snippets."""

from __future__ import annotations

import pytest

from newsprism.clean import clean_text
from newsprism.clean.agencies import canonical, find_wire
from newsprism.clean.captions import credit_line, glued_caption
from newsprism.clean.credits import byline, inline_wire, wire_line
from newsprism.clean.duplicates import find as find_duplicates
from newsprism.clean.sentences import sentences
from newsprism.model import CleanedText

P1 = (
    "The harbour authority said on Friday that the new pier would open in spring, two years later "
    "than first planned, because of delays in the delivery of steel."
)
P2 = (
    "Local traders had hoped the pier would bring more visitors to the old town, where several "
    "shops have closed since the ferry service was cut back last winter."
)
P3 = (
    "The authority said the total cost had risen to 48 million crowns and that the extra money "
    "would come from the regional transport fund rather than from harbour fees."
)


def _article(*middle: str, head: tuple[str, ...] = (), tail: tuple[str, ...] = ()) -> str:
    return "\n\n".join((*head, P1, *middle, P2, P3, *tail)) + "\n"


def _reason(result: CleanedText, line: str) -> str | None:
    for r in result.removed:
        if r.text.strip() == line:
            return r.reason
    return None


def _kept(result: CleanedText, line: str) -> bool:
    return any(p.text == line for p in result.paragraphs)


# --------------------------------------------------------------------------- chrome and widgets


@pytest.mark.parametrize(
    ("line", "reasons"),
    [
        ("Login", {"widget"}),
        ("Sign in", {"widget"}),
        ("Share.", {"widget"}),
        ("Reply to this story", {"widget"}),
        ("12 Comments", {"widget"}),
        ("Subscribe now", {"widget"}),
        ("Teilen", {"widget"}),
        ("Partager", {"widget"}),
        ("Continue reading the full story", {"read-more-stub"}),
        ("Continue reading", {"read-more-stub"}),
        ("Weiterlesen", {"read-more-stub"}),
        ("View mobile version", {"site-chrome"}),
        ("Home     World     Business", {"site-chrome"}),
        ("Home | World | Business | Sport", {"site-chrome"}),
        ("The Daily Lantern dailylantern.com", {"site-chrome"}),
        ("tracking", {"tracking"}),
        ("More stories »", {"site-chrome", "read-more-stub"}),
        ("https://www.example.com/story/123?utm_source=twitter", {"tracking"}),
        ("Advertisement", {"boilerplate"}),
        ("We use cookies to improve your experience on our website.", {"boilerplate"}),
        ("© 2024 Lantern Media Ltd. All rights reserved.", {"boilerplate"}),
    ],
)
def test_chrome_lines_are_removed(line: str, reasons: set[str]) -> None:
    result = clean_text(_article(line))
    assert _reason(result, line) in reasons
    assert all(_kept(result, p) for p in (P1, P2, P3))


def test_content_with_widget_words_stays() -> None:
    line = "Share prices of the ferry company fell by a tenth after the announcement."
    result = clean_text(_article(line))
    assert _kept(result, line)


# --------------------------------------------------------------------------- captions and credits


def test_credit_line_shapes() -> None:
    assert credit_line("Jana Novak | Piet Smit | Via Reuters") is not None
    assert credit_line("Photo: Jana Novak / AFP") is not None
    assert credit_line("Jana Novak/Getty Images") is not None
    glued = credit_line("Mayor Ida VoskJana Novak / AFP")
    assert glued is not None and glued.caption_end == len("Mayor Ida Vosk")
    assert credit_line("Reuters") is not None and credit_line("Reuters").bare  # type: ignore[union-attr]
    assert credit_line("The pier opened in May, Reuters said.") is None
    assert credit_line("Home | World | Business") is None


def test_caption_name_phrase_above_credit() -> None:
    caption, credit = "Mayor Ida Vosk and Harbour Master Olav Berg.", "Jana Novak | Piet Smit | Via Reuters"
    result = clean_text(_article(head=(caption, credit)))
    assert _reason(result, caption) == "photo-caption"
    assert _reason(result, credit) == "photo-credit"
    assert result.wire == result.photo_credits == ("Reuters",)  # it credits the picture only


def test_caption_glued_to_credit_and_its_copy() -> None:
    glued = "Mayor Ida VoskJana Novak / AFP"
    result = clean_text(_article(head=("Mayor Ida Vosk", glued)))
    assert _reason(result, "Mayor Ida Vosk") == "photo-caption"
    parts = [(r.reason, r.text) for r in result.removed if r.text in glued]
    assert ("photo-caption", "Mayor Ida Vosk") in parts
    assert ("photo-credit", "Jana Novak / AFP") in parts


def test_caption_glued_to_paragraph_end() -> None:
    tail = " Workers unload steel beams at the pier(AFP File)"
    assert glued_caption(P1 + tail) == len(P1)
    assert glued_caption(P1) is None
    assert glued_caption("He said it was over. (AFP)") is None  # a wire credit, not a caption
    result = clean_text(_article(head=(P2 + tail,)))
    assert result.paragraphs[0].text == P2
    cut = [r for r in result.removed if r.reason == "photo-caption"]
    assert len(cut) == 1 and cut[0].text == tail


# --------------------------------------------------------------------------- bylines


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Ingrid Falk", ["Ingrid Falk"]),
        ("By Ingrid Falk and Tomas Reyes", ["Ingrid Falk", "Tomas Reyes"]),
        ("Ingrid Falk | Staff writer", ["Ingrid Falk"]),
        ("Von Ingrid Falk", ["Ingrid Falk"]),
        ("Por Ingrid Falk", ["Ingrid Falk"]),
        ("By Ingrid Falk, June 3, 2024", ["Ingrid Falk"]),
    ],
)
def test_byline_lines(line: str, names: list[str]) -> None:
    assert byline(line) == names
    result = clean_text(_article(head=(line,)))
    assert _reason(result, line) == "byline"
    assert result.byline == ", ".join(names)


def test_byline_is_not_a_sentence() -> None:
    assert byline("By Air Force One, the president flew to the coast.") is None
    assert byline("by the way") is None


def test_byline_with_agency_affiliation_credits_the_wire() -> None:
    result = clean_text(_article(head=("By Ingrid Falk, The Associated Press",)))
    assert result.byline == "Ingrid Falk"
    assert result.wire == ("The Associated Press",)


def test_name_next_to_published_by_label() -> None:
    result = clean_text(_article(head=("Ingrid Falk", "Posted by")))
    assert _reason(result, "Ingrid Falk") == "byline"
    assert _reason(result, "Posted by") == "byline"
    assert result.byline == "Ingrid Falk"


# --------------------------------------------------------------------------- wire credits


@pytest.mark.parametrize(
    ("line", "agencies"),
    [
        ("This report includes additional reporting by The Associated Press.", ["The Associated Press"]),
        ("Via Reuters", ["Reuters"]),
        ("— Reuters", ["Reuters"]),
        ("with AFP", ["Agence France-Presse"]),
        ("(AFP)", ["Agence France-Presse"]),
        ("Mit Material von dpa", ["dpa"]),
        ("Reporting by Ana Ruiz; Editing by Tom Berg", []),
        ("Additional reporting by Reuters and AP", ["Reuters", "The Associated Press"]),
        ("Copyright 2031 The Associated Press. All rights reserved.", ["The Associated Press"]),
    ],
)
def test_wire_credit_lines(line: str, agencies: list[str]) -> None:
    assert wire_line(line) == agencies
    result = clean_text(_article(tail=(line,)))
    assert _reason(result, line) in {"wire-credit", "boilerplate"}
    assert list(result.wire) == agencies


def test_sentences_naming_an_agency_are_not_credits() -> None:
    for line in ("Reuters reported that the talks had failed.", "Putin said AFP was wrong.", "AP style"):
        assert wire_line(line) is None


def test_inline_wire_credits_are_detected_and_the_sentence_kept() -> None:
    dateline = "OSLO (Reuters) - " + P1
    result = clean_text(_article(head=(dateline,)))
    assert result.wire == ("Reuters",)
    assert result.paragraphs[0].text == dateline
    agencies, span = inline_wire(P1 + " — AFP")
    assert agencies == ["Agence France-Presse"] and span is not None
    result = clean_text(_article(head=(P1 + " — AFP",)))
    assert result.paragraphs[0].text == P1
    assert result.wire == ("Agence France-Presse",)


def test_agency_table() -> None:
    assert canonical("AP") == "The Associated Press"
    assert canonical("Agence France-Presse") == "Agence France-Presse"
    assert canonical("afp") is None  # acronyms only in their own casing
    assert find_wire("by Kyodo and Yonhap, with Xinhua") == ["Kyodo News", "Yonhap", "Xinhua"]
    assert find_wire("a map of the Alps") == []


# --------------------------------------------------------------------------- title, headings


def test_title_line_is_lifted_and_dek_stays() -> None:
    title = "Harbour pier opening delayed by two years"
    dek = "Steel shortages are to blame, the harbour authority says."
    result = clean_text(_article(head=(title, dek)))
    assert result.title == title
    assert _reason(result, title) == "title"
    assert result.paragraphs[0].text == dek


def test_title_hint_matches_a_line() -> None:
    title = "Pier opening delayed"
    result = clean_text(_article(head=("Pier opening delayed - The Daily Lantern",)), title=title)
    assert result.title == "Pier opening delayed - The Daily Lantern"
    assert result.paragraphs[0].text == P1
    # A hint that is not in the text still becomes the title, and nothing is lifted.
    result = clean_text(_article(), title="Something else")
    assert result.title == "Something else"
    assert result.paragraphs[0].text == P1


def test_related_headline_versus_subheading() -> None:
    related = "Harbour town elects new mayor, council says"
    sub = "Costs and Delays"
    result = clean_text(_article(related, sub))
    assert _reason(result, related) == "related-headline"
    assert [h.text for h in result.headings] == [sub]
    assert _kept(result, sub)


def test_sentence_case_clause_is_a_related_headline() -> None:
    # Headline grammar: a named subject and a finite verb, no final punctuation, in sentence case.
    clause = "Nordvik Ferries raises ticket prices for islanders"
    result = clean_text(_article(clause))
    assert _reason(result, clause) == "related-headline"
    assert result.headings == ()


def test_sentence_case_line_among_title_case_subheadings() -> None:
    # Casing consistency: the article writes subheadings in Title Case, so a sentence-case clause is
    # a stranger even without a named subject.
    stranger = "Regional airline cuts winter flights to the islands"
    text = "\n\n".join((P1, "Costs and Delays", P2, stranger, "What Comes Next", P3)) + "\n"
    result = clean_text(text)
    assert _reason(result, stranger) == "related-headline"
    assert [h.text for h in result.headings] == ["Costs and Delays", "What Comes Next"]


def test_noun_phrase_subheading_is_kept() -> None:
    sub = "A long wait for a new pier"
    result = clean_text(_article(sub))
    assert [h.text for h in result.headings] == [sub]


def test_related_prefix_marks_a_related_headline() -> None:
    line = "Read more: Harbour cranes to be replaced next year"
    assert _reason(clean_text(_article(line)), line) == "related-headline"


# --------------------------------------------------------------------------- duplicates


def test_duplicates_exact_and_contained() -> None:
    quote = "We will not accept another delay to this project, the mayor said."
    longer = "At a meeting on Thursday, " + quote[0].lower() + quote[1:] + " Traders applauded."
    assert find_duplicates([P1, P2, P1]) == {2: 0}
    assert find_duplicates([quote, P2, longer]) == {0: 2}
    assert find_duplicates(["Short line here.", "Short line here."]) == {}  # too short to judge
    result = clean_text(_article(quote, longer))
    assert _reason(result, quote) == "duplicate-paragraph"
    assert _kept(result, longer)


def test_near_verbatim_pull_quote() -> None:
    quote = "“We have waited long enough — we want the pier, we want the jobs and we want them now.”"
    longer = (
        "Speaking to reporters, the union leader repeated her demand: “We have waited long enough, "
        "we want the pier, we want the jobs, and we want them now.”"
    )
    result = clean_text(_article(quote, longer))
    assert _reason(result, quote) == "duplicate-paragraph"
    assert _kept(result, longer)


# --------------------------------------------------------------------------- text shape


def test_hard_wrapped_paragraphs_are_joined() -> None:
    wrapped = (
        "The harbour authority said on Friday that the new pier would open in\n"
        "spring, two years later than first planned, because of delays in the\n"
        "delivery of steel from the mill in the north of the country, which has\n"
        "been closed for repairs since the end of the summer season.\n"
    )
    result = clean_text(wrapped + "\n" + P2 + "\n")
    assert len(result.paragraphs) == 2
    assert result.paragraphs[0].text.startswith(
        "The harbour authority said on Friday that the new pier would open in spring"
    )


def test_whitespace_entities_and_mojibake_are_normalised() -> None:
    text = (
        "The mayor\u00a0said the pier&#8217;s opening was delayed again, and traders were not happy"
        " about it.\n\nIt\u00e2\u0080\u0099s the third delay in two years, a spokesman for the"
        " harbour authority confirmed."
    )
    result = clean_text(text)
    assert (
        result.paragraphs[0].text
        == "The mayor said the pier’s opening was delayed again, and traders were not happy about it."
    )
    assert result.paragraphs[1].text.startswith("It’s the third delay")


def test_empty_and_blank_input() -> None:
    assert clean_text("") == CleanedText(text="")
    assert clean_text("  \n\n \n").text == ""
    assert clean_text("", title="T").title == "T"


def test_short_text_is_kept() -> None:
    result = clean_text("The pier will open in May.")
    assert result.text == "The pier will open in May."


def test_sentence_splitter() -> None:
    text = "Mr. Berg met U.S. officials. They agreed. “It works,” he said. Next"
    assert sentences(text) == ["Mr. Berg met U.S. officials.", "They agreed.", "“It works,” he said.", "Next"]
