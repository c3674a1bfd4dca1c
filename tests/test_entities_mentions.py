"""find_mentions: the fixes applied to the model's entities, on invented text.

Most tests hand find_mentions a doc whose entities are set by hand (a blank English tokenizer), so
that each pins one fix independently of what the model would tag; the last ones run the verified
model itself. All people and most places are invented.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
import spacy
from spacy.tokens import Doc

from newsprism.extract.entities import TYPES, find_mentions
from newsprism.model import Article, Mention


@cache
def _blank() -> spacy.language.Language:
    return spacy.blank("en")


def article(text: str, article_id: str = "a1") -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", text=text)


def doc_with(text: str, ents: list[tuple[str, str]]) -> Doc:
    """``text`` tokenized, with the first occurrence (after the previous one) of each surface as an
    entity of the given spaCy label."""
    doc = _blank()(text)
    spans = []
    pos = 0
    for surface, label in ents:
        start = text.index(surface, pos)
        span = doc.char_span(start, start + len(surface), label=label)
        assert span is not None, surface
        spans.append(span)
        pos = start + len(surface)
    doc.ents = spans
    return doc


def found(text: str, ents: list[tuple[str, str]]) -> list[tuple[str, str]]:
    mentions = find_mentions(article(text), doc_with(text, ents))
    assert_offsets(text, mentions)
    return [(m.text, m.type) for m in mentions]


def assert_offsets(text: str, mentions: tuple[Mention, ...]) -> None:
    for m in mentions:
        assert text[m.start : m.end] == m.text, m
        assert m.type in TYPES, m
    assert list(mentions) == sorted(mentions, key=lambda m: (m.start, m.end))


def test_first_name_split_off_as_an_organisation_is_joined() -> None:
    text = "Officials say Yury Tarkanov declared the talks frank."
    assert found(text, [("Yury", "ORG"), ("Tarkanov", "PERSON")]) == [("Yury Tarkanov", "person")]


def test_big_city_tagged_as_a_person_becomes_a_place() -> None:
    text = "Drones hit Kharkiv overnight, and the governor said Kharkiv had no power."
    assert found(text, [("Kharkiv", "PERSON"), ("Kharkiv", "PERSON")]) == [("Kharkiv", "place")] * 2


def test_role_cue_makes_an_organisation_tag_a_person() -> None:
    text = "Defense Secretary Pete Halloran ordered the pause, and Halloran defended it."
    assert found(text, [("Pete Halloran", "ORG"), ("Halloran", "ORG")]) == [
        ("Pete Halloran", "person"),
        ("Halloran", "person"),
    ]


def test_titles_and_possessives_are_trimmed() -> None:
    text = "President Anton Marevski spoke. Mr. Marevski's office confirmed it."
    assert found(text, [("President Anton Marevski", "PERSON"), ("Mr. Marevski's", "PERSON")]) == [
        ("Anton Marevski", "person"),
        ("Marevski", "person"),
    ]


def test_nationality_adjectives_are_not_places_but_countries_are() -> None:
    text = "Ukrainian convoys waited, Ukrainian officials said, and Ukraine asked for fuel."
    ents = [("Ukrainian", "GPE"), ("Ukrainian", "NORP"), ("Ukraine", "NORP")]
    assert found(text, ents) == [("Ukraine", "place")]


def test_joined_places_are_split() -> None:
    text = "Trade talks on U.S.-Russia relations resumed."
    assert found(text, [("U.S.-Russia", "GPE")]) == [("U.S.", "place"), ("Russia", "place")]


def test_junk_is_dropped() -> None:
    text = "Share\nwww.example.com/news\nPhoto: Mira Solberg | Via Wire\nThe 8.49pm bulletin aired."
    ents = [
        ("Share", "PERSON"),
        ("www.example.com/news", "ORG"),
        ("Mira Solberg | Via Wire", "PERSON"),
        ("8.49pm", "ORG"),
    ]
    assert found(text, ents) == []


def test_all_caps_speaker_the_model_missed_is_found() -> None:
    text = "Kremlin aide Yury Tarkanov spoke first. The talks will go on, TARKANOV added."
    assert found(text, [("Yury Tarkanov", "PERSON")]) == [("Yury Tarkanov", "person"), ("TARKANOV", "person")]


def test_all_caps_word_after_a_speech_verb_is_a_person() -> None:
    text = "The talks will go on, VANTELLI said on Tuesday."
    assert found(text, []) == [("VANTELLI", "person")]


def test_all_caps_common_word_is_not_a_name() -> None:
    text = "A MAN was arrested. The man is 23."
    assert found(text, [("MAN", "GPE")]) == []


def test_dateline_place() -> None:
    text = "LYON (AFP) — The river rose overnight in the old town."
    assert found(text, []) == [("LYON", "place")]


def test_headline_case_spans_shrink_to_the_name() -> None:
    text = (
        "Maren Holstrup Tours Collapsed Bridge\nRegional governor Maren Holstrup toured the collapsed bridge."
    )
    ents = [("Maren Holstrup Tours Collapsed Bridge", "PERSON"), ("Maren Holstrup", "PERSON")]
    assert found(text, ents) == [("Maren Holstrup", "person")] * 2


def test_two_names_in_one_span_are_split() -> None:
    text = "Lena Kowal met Ida Brenner. Kowal and Brenner then left."
    ents = [("Lena Kowal", "PERSON"), ("Ida Brenner", "PERSON"), ("Kowal and Brenner", "ORG")]
    assert found(text, ents) == [
        ("Lena Kowal", "person"),
        ("Ida Brenner", "person"),
        ("Kowal", "person"),
        ("Brenner", "person"),
    ]


def test_missed_occurrence_of_a_known_name_is_added() -> None:
    text = "Ruth Abernell mediated the talks. Later Abernell said the deal was fair."
    assert found(text, [("Ruth Abernell", "PERSON")]) == [("Ruth Abernell", "person"), ("Abernell", "person")]


def test_doc_of_another_text_is_refused() -> None:
    with pytest.raises(ValueError, match="does not hold the text"):
        find_mentions(article("One text."), _blank()("Another text."))


def test_empty_article() -> None:
    assert find_mentions(article("  \n"), _blank()("  \n")) == ()


# --------------------------------------------------------------------------- with the model

INVENTED = """Bridge collapse: governor vows inquiry

VELLMOOR (AFP) — Regional governor Maren Holstrup toured the site on Tuesday after the Carrow Bridge
collapsed into the river Osk. "Every bolt will be checked," Holstrup said.
Fire chief Pieter Lannsen said divers had searched the river until dawn. The work will go on,
LANNSEN added. Residents of Vellmoor said cracks had been reported to the Osk Valley Roads Authority.
"""


def test_model_mentions_on_invented_news() -> None:
    text = INVENTED
    mentions = find_mentions(article(text))
    assert_offsets(text, mentions)
    by_text: dict[str, set[str]] = {}
    for m in mentions:
        by_text.setdefault(m.text, set()).add(m.type)
    assert by_text.get("Maren Holstrup") == {"person"}
    assert by_text.get("Holstrup") == {"person"}
    assert by_text.get("LANNSEN") == {"person"}
    assert "person" not in by_text.get("Vellmoor", {"place"})
    assert not any(re.fullmatch(r"[a-z]+", t) for t in by_text)


def test_model_doc_shared_with_the_caller_gives_the_same_mentions() -> None:
    from newsprism.extract import nlp

    doc = nlp.load()(INVENTED)
    assert find_mentions(article(INVENTED), doc) == find_mentions(article(INVENTED))
