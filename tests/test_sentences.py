"""Quote-aware sentence and paragraph splitting (invented text, fictional people and places)."""

from __future__ import annotations

import time

import pytest

from newsprism.extract.sentences import split_paragraphs, split_sentences


def _texts(text: str) -> list[str]:
    spans = split_sentences(text)
    for s in spans:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
    return [s.text for s in spans]


def test_plain_sentences() -> None:
    assert _texts("The ferry left at noon. It came back late! Did anyone notice? Nobody did.") == [
        "The ferry left at noon.",
        "It came back late!",
        "Did anyone notice?",
        "Nobody did.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Gen. Ada Vorn met Mr. Pell and Dr. Quist in Harrowgate.",
        "The vote is set for Jan. 14 in the council chamber.",
        "The talks ended at 11 p.m. Friday after nine hours.",
        "She flew to the U.S. capital on a delayed flight.",
        "The report, No. 7 of the series, came out on Monday.",
        "Acme Corp. said its profits rose.",
        "J. R. Talbot signed the letter.",
        "Her aunt, state Del. Ada Vorn, cheered from the front row.",
        "The ferry left Dover, Del. on Monday.",
    ],
)
def test_abbreviations_do_not_end_sentences(text: str) -> None:
    assert _texts(text) == [text]


def test_initialism_ends_a_sentence_before_a_sentence_opener() -> None:
    assert _texts("The envoy returned to the U.S. The talks had failed.") == [
        "The envoy returned to the U.S.",
        "The talks had failed.",
    ]


def test_state_abbreviation_ends_a_sentence_before_an_opener_or_a_quotation() -> None:
    assert _texts("The ferry left from Dover, Del. The crossing took an hour.") == [
        "The ferry left from Dover, Del.",
        "The crossing took an hour.",
    ]
    assert _texts("“It was late,” Ada Vorn said in Harrow, Calif. “We waited.”") == [
        "“It was late,” Ada Vorn said in Harrow, Calif.",
        "“We waited.”",
    ]


def test_multi_sentence_quote_stays_with_its_attribution() -> None:
    text = "“We will rebuild the pier. It takes a year. No doubt,” the harbour master said. Work starts soon."
    assert _texts(text) == [
        "“We will rebuild the pier. It takes a year. No doubt,” the harbour master said.",
        "Work starts soon.",
    ]


def test_attribution_after_a_closed_quotation_sentence() -> None:
    assert _texts("“The pier is closed.” Mayor Ilse Varga said. Boats waited.") == [
        "“The pier is closed.” Mayor Ilse Varga said.",
        "Boats waited.",
    ]
    assert _texts("“Can we go home?” asked a fisherman. Nobody answered.") == [
        "“Can we go home?” asked a fisherman.",
        "Nobody answered.",
    ]


def test_ellipsis_inside_a_quote_and_outside() -> None:
    text = (
        "He said: “We talked about the nets... and the boats. It was long.” She left... Then the rain came."
    )
    assert _texts(text) == [
        "He said: “We talked about the nets... and the boats. It was long.”",
        "She left...",
        "Then the rain came.",
    ]


def test_every_line_ends_a_sentence() -> None:
    text = "Harbour reopens after storm\nBy Noor Halvik\nThe harbour reopened on Tuesday. Boats returned."
    assert _texts(text) == [
        "Harbour reopens after storm",
        "By Noor Halvik",
        "The harbour reopened on Tuesday.",
        "Boats returned.",
    ]


def test_unclosed_quote_runs_to_the_end_of_its_line() -> None:
    text = "Varga told reporters, “We had a meeting. It was long.\n\nThe council adjourned."
    assert _texts(text) == ["Varga told reporters, “We had a meeting. It was long.", "The council adjourned."]


def test_straight_and_single_quotes_are_respected() -> None:
    text = "'Stay inside. Lock the doors,' the warden said. \"Go home. Now,\" he added."
    assert _texts(text) == ["'Stay inside. Lock the doors,' the warden said.", '"Go home. Now," he added.']


def test_paragraphs_are_blocks_between_blank_lines() -> None:
    text = "First line.\nSecond line.\n\n  Next block.  \n\n\nLast."
    paras = split_paragraphs(text)
    assert [p.text for p in paras] == ["First line.\nSecond line.", "Next block.", "Last."]
    assert all(text[p.start : p.end] == p.text for p in paras)


def test_empty_and_blank_text() -> None:
    assert split_sentences("") == ()
    assert split_sentences(" \n\n \t") == ()
    assert split_paragraphs("") == ()


def test_speed_at_least_100_articles_a_second() -> None:
    paragraph = (
        "“The pier will reopen in May. The repairs are on schedule,” Mayor Ilse Varga told reporters on "
        "Tuesday at 10 a.m. in the U.S. consulate. Gen. Ada Vorn said the works had cost €2.4 million... "
        "Residents were not convinced. 'It is too late,' said one fisherman."
    )
    article = "\n\n".join([paragraph] * 20)  # about 5,000 characters
    start = time.perf_counter()
    for _ in range(50):
        split_sentences(article)
    rate = 50 / (time.perf_counter() - start)
    assert rate >= 100, f"{rate:.0f} articles/s"
