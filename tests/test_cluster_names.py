"""The light proper-name extractor, on invented sentences."""

from __future__ import annotations

import pytest

from newsprism.cluster.features import content_words, name_keys
from newsprism.extract.names import proper_names


def test_multiword_names_and_connectors() -> None:
    text = "Officials of the Bank of Carravel met Mayor Ilse Marrow in Port Hallam on Tuesday."
    names = proper_names(text)
    assert "Bank of Carravel" in names
    assert "Mayor Ilse Marrow" in names
    assert "Port Hallam" in names
    assert "Tuesday" not in names


def test_possessives_are_stripped() -> None:
    names = proper_names(
        "The crowd cheered. Rafael Osk’s plan and Marrow's budget were both approved by Osk."
    )
    assert "Rafael Osk" in names
    assert "Marrow" in names
    assert not any(n.endswith(("'s", "’s")) for n in names)


def test_all_caps_acronyms() -> None:
    names = proper_names("The KSWB agency and the OLAN alliance both said they would act, KSWB added.")
    assert "KSWB" in names
    assert "OLAN" in names


def test_sentence_initial_words_need_support() -> None:
    names = proper_names("Police said the road was closed. Rescuers arrived late. Witnesses saw smoke.")
    assert names == []
    # Repeated capitalised inside a sentence elsewhere, a sentence-initial name is kept.
    names = proper_names("Dunmore spoke first. Later, the chair Dunmore spoke again.")
    assert names == ["Dunmore"]
    # A sentence-initial multiword run whose first word never appears in lowercase is kept whole.
    assert proper_names("Aurelia Dunmore chaired the meeting.") == ["Aurelia Dunmore"]
    # Inflected openers are not names.
    assert proper_names("Letting Fennick wait is a mistake, the chair wrote.") == ["Fennick"]


def test_abbreviations_do_not_split_sentences() -> None:
    names = proper_names("The minister met Dr. Tomas Quell and Sen. Ada Brill in the capital.")
    assert "Tomas Quell" in names
    assert "Ada Brill" in names
    assert "Dr" not in names and "Sen" not in names


def test_stoplist_and_contractions() -> None:
    names = proper_names(
        "The report said: “I’m not sure,” and In March, Monday was calm. But Valdoria was not."
    )
    assert names == ["Valdoria"]


def test_headline_case_lines_only_contribute_known_names() -> None:
    text = "Mayor Warns Of Flood Risk In Valdoria\nThe town of Valdoria braced for rain on Friday, she said."
    names = proper_names(text)
    assert "Valdoria" in names
    assert not any("Warns" in n or "Flood" in n for n in names)


def test_leading_quotes_count_as_sentence_start() -> None:
    assert proper_names("“Namely, the levy is unfair,” said the Civic League.") == ["Civic League"]


def test_order_and_uniqueness() -> None:
    names = proper_names(
        "Valdoria and Orvik traded goods. Later Orvik and Valdoria signed a pact with Orvik."
    )
    assert names == ["Valdoria", "Orvik"]


@pytest.mark.parametrize("text", ["", "   \n  ", "all lowercase words only.", "123 456 !!!"])
def test_no_names(text: str) -> None:
    assert proper_names(text) == []


def test_name_keys_split_full_names() -> None:
    keys = name_keys(["Ilse Marrow", "Bank of Carravel", "U.S. Army"])
    assert {"ilse marrow", "ilse", "marrow", "bank carravel", "bank", "carravel", "us army", "army"} <= keys
    assert "of" not in keys


def test_content_words() -> None:
    words = content_words("The earthquakes struck Valdoria's cities, and the town's clock tower fell.")
    assert words == ["earthquake", "struck", "valdoria", "city", "town", "clock", "tower", "fell"]
