"""merge_entities on invented stories: votes, surnames, variants, descriptions, people kept apart.

Mentions are built by hand (no model), so each test pins one rule of
:mod:`newsprism.extract.entities.merge`. All people and most places are invented.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from newsprism.extract.entities import merge_entities
from newsprism.extract.entities.merge import given_names_match
from newsprism.model import Entity, Mention


def mention(article_id: str, text: str, name: str, kind: str, nth: int = 0) -> Mention:
    """The ``nth`` occurrence of ``name`` in ``text`` as a mention of type ``kind``."""
    starts = [m.start() for m in re.finditer(re.escape(name), text)]
    start = starts[nth]
    return Mention(article_id, start, start + len(name), name, kind)


def mentions(article_id: str, text: str, spec: Iterable[tuple[str, str]]) -> list[Mention]:
    """Every occurrence of each ``(name, kind)`` (whole words) in ``text``."""
    out = []
    for name, kind in spec:
        for m in re.finditer(r"(?<![\w'’])" + re.escape(name) + r"(?![\w])", text):
            out.append(Mention(article_id, m.start(), m.end(), name, kind))
    return out


def by_name(entities: Iterable[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


def assert_evidence_valid(entities: Iterable[Entity], texts: Mapping[str, str]) -> None:
    for entity in entities:
        assert entity.mentions, entity
        for ev in entity.mentions:
            assert 0 <= ev.start < ev.end <= len(texts[ev.article_id])
            assert texts[ev.article_id][ev.start : ev.end] == ev.text, ev


def test_type_vote_fixes_a_place_tagged_as_a_person() -> None:
    texts = {
        "a1": "Flooding reached Kessling on Monday. Crews in Kessling worked through the night.",
        "a2": "Kessling harbour stayed closed, and the mayor of Kessling asked residents to stay home.",
    }
    ms = [
        mention("a1", texts["a1"], "Kessling", "person"),
        mention("a1", texts["a1"], "Kessling", "place", 1),
        mention("a2", texts["a2"], "Kessling", "person"),
        mention("a2", texts["a2"], "Kessling", "place", 1),
    ]
    entities = merge_entities(ms, texts)
    assert [(e.name, e.type) for e in entities] == [("Kessling", "place")]
    assert entities[0].article_ids == ("a1", "a2")
    assert_evidence_valid(entities, texts)


def test_gazetteer_fixes_a_big_city_tagged_as_a_person() -> None:
    text = "Shelling near the airport left Kyiv without trains for a day, officials said."
    entities = merge_entities([mention("a1", text, "Kyiv", "person")], {"a1": text})
    assert [(e.name, e.type) for e in entities] == [("Kyiv", "place")]


def test_role_cue_fixes_a_person_tagged_as_an_organisation() -> None:
    text = "Port spokesperson Jonah Pellworth said the cranes would restart. Pellworth declined to comment."
    ms = [
        mention("a1", text, "Jonah Pellworth", "organization"),
        mention("a1", text, "Pellworth", "organization", 1),
    ]
    entities = merge_entities(ms, {"a1": text})
    assert [(e.name, e.type) for e in entities] == [("Jonah Pellworth", "person")]
    assert len(entities[0].mentions) == 2


def test_all_caps_mention_merges_with_the_name() -> None:
    texts = {
        "a1": "Regional governor Maren Holstrup toured the site on Tuesday.",
        "a2": "The inquiry will be independent, HOLSTRUP added on Wednesday.",
    }
    ms = [
        mention("a1", texts["a1"], "Maren Holstrup", "person"),
        mention("a2", texts["a2"], "HOLSTRUP", "organization"),
    ]
    entities = merge_entities(ms, texts)
    assert len(entities) == 1
    entity = entities[0]
    assert (entity.name, entity.type) == ("Maren Holstrup", "person")
    assert entity.article_ids == ("a1", "a2")
    assert {ev.text for ev in entity.mentions} == {"Maren Holstrup", "HOLSTRUP"}


def test_all_caps_occurrence_the_model_missed_is_found_with_texts() -> None:
    texts = {
        "a1": "Union leader Marco Vantelli rejected the offer.",
        "a2": "The talks would go on, VANTELLI added.",
    }
    entities = merge_entities([mention("a1", texts["a1"], "Marco Vantelli", "person")], texts)
    assert len(entities) == 1
    assert entities[0].article_ids == ("a1", "a2")
    assert_evidence_valid(entities, texts)


def test_transliterated_first_names_merge() -> None:
    texts = {
        "a1": "Kremlin aide Yuri Tarkanov told reporters the call was long.",
        "a2": "Presidential adviser Yury Tarkanov said the talks would continue.",
        "a3": "Sergey Malkov and Sergei Malkov are the same minister in two spellings.",
    }
    ms = [
        mention("a1", texts["a1"], "Yuri Tarkanov", "person"),
        mention("a2", texts["a2"], "Yury Tarkanov", "person"),
        mention("a3", texts["a3"], "Sergey Malkov", "person"),
        mention("a3", texts["a3"], "Sergei Malkov", "person"),
    ]
    entities = by_name(merge_entities(ms, texts))
    assert set(entities) == {"Yuri Tarkanov", "Sergei Malkov"} or set(entities) == {
        "Yuri Tarkanov",
        "Sergey Malkov",
    }
    tarkanov = entities["Yuri Tarkanov"]
    assert set(tarkanov.variants) == {"Yuri Tarkanov", "Yury Tarkanov"}
    assert tarkanov.article_ids == ("a1", "a2")


def test_given_name_matching_rules() -> None:
    assert given_names_match("yuri", "yury")
    assert given_names_match("sergey", "sergei")
    assert given_names_match("j", "james")
    assert given_names_match("fred", "frederick")
    assert not given_names_match("john", "joan")
    assert not given_names_match("daniel", "danielle")
    assert not given_names_match("louis", "louise")
    assert not given_names_match("anna", "tomas")


def test_surname_only_mentions_merge_with_the_full_name() -> None:
    texts = {
        "a1": "Fire chief Pieter Lannsen said the span was unsafe.",
        "a2": "Lannsen said the divers had found both cars. Lannsen then left.",
    }
    ms = [mention("a1", texts["a1"], "Pieter Lannsen", "person")]
    ms += mentions("a2", texts["a2"], [("Lannsen", "person")])
    entities = merge_entities(ms, texts)
    assert [(e.name, len(e.mentions)) for e in entities] == [("Pieter Lannsen", 3)]
    assert entities[0].variants[0] in ("Lannsen", "Pieter Lannsen")


def test_possessive_is_trimmed_and_merged() -> None:
    text = "Odile Farrow visited the hospital. Farrow's office said she would return."
    ms = [mention("a1", text, "Odile Farrow", "person"), mention("a1", text, "Farrow's", "person")]
    entities = merge_entities(ms, {"a1": text})
    assert len(entities) == 1
    assert "Farrow's" not in entities[0].variants
    assert {ev.text for ev in entities[0].mentions} == {"Odile Farrow", "Farrow"}
    assert_evidence_valid(entities, {"a1": text})


def test_descriptive_reference_becomes_a_mention_of_the_one_person_it_fits() -> None:
    texts = {
        "a1": "Veldorian President Anton Marevski spoke to Ostrian President Lena Kowal on Monday.",
        "a2": "The Veldorian president also said the border would stay open.",
    }
    ms = [
        mention("a1", texts["a1"], "Anton Marevski", "person"),
        mention("a1", texts["a1"], "Lena Kowal", "person"),
    ]
    entities = by_name(merge_entities(ms, texts))
    marevski = entities["Anton Marevski"]
    assert ("a2", "The Veldorian president") in {(ev.article_id, ev.text) for ev in marevski.mentions}
    assert "The Veldorian president" not in marevski.variants
    assert entities["Lena Kowal"].article_ids == ("a1",)
    assert_evidence_valid(entities.values(), texts)


def test_ambiguous_description_is_left_alone() -> None:
    texts = {
        "a1": "Veldorian President Anton Marevski spoke to Ostrian President Lena Kowal on Monday.",
        "a2": "The president said the call had gone well.",
    }
    ms = [
        mention("a1", texts["a1"], "Anton Marevski", "person"),
        mention("a1", texts["a1"], "Lena Kowal", "person"),
    ]
    for entity in merge_entities(ms, texts):
        assert entity.article_ids == ("a1",)


def test_two_people_sharing_a_surname_stay_apart() -> None:
    texts = {
        "a1": "Anna Brask, the harbour master, and her brother Tomas Brask, a pilot, were both there.",
        "a2": "Anna Brask said the tide was low. Brask added that the pilots had been warned.",
        "a3": "Tomas Brask said nothing. Mr. Brask left early.",
    }
    ms = mentions("a1", texts["a1"], [("Anna Brask", "person"), ("Tomas Brask", "person")])
    ms += [
        mention("a2", texts["a2"], "Anna Brask", "person"),
        mention("a2", texts["a2"], "Brask", "person", 1),
    ]
    ms += [
        mention("a3", texts["a3"], "Tomas Brask", "person"),
        mention("a3", texts["a3"], "Brask", "person", 1),
    ]
    entities = by_name(merge_entities(ms, texts))
    assert {"Anna Brask", "Tomas Brask"} <= set(entities)
    anna, tomas = entities["Anna Brask"], entities["Tomas Brask"]
    # The bare surname goes to the one Brask named in the same article.
    assert ("a2", "Brask") in {(ev.article_id, ev.text) for ev in anna.mentions}
    assert ("a3", "Brask") in {(ev.article_id, ev.text) for ev in tomas.mentions}
    assert not {ev.text for ev in anna.mentions} & {"Tomas Brask"}


def test_a_title_of_the_other_gender_keeps_a_surname_apart() -> None:
    text = "Mr. Jenner said his daughter Katya Jenner had called. Ms. Jenner later spoke to police."
    mr, ms_ = text.index("Jenner"), text.index("Jenner", text.index("Ms."))
    ms = [
        Mention("a1", mr, mr + 6, "Jenner", "person"),
        mention("a1", text, "Katya Jenner", "person"),
        Mention("a1", ms_, ms_ + 6, "Jenner", "person"),
    ]
    entities = by_name(merge_entities(ms, {"a1": text}))
    katya = {ev.start for ev in entities["Katya Jenner"].mentions}
    assert ms_ in katya  # "Ms. Jenner" is the daughter
    assert mr not in katya  # "Mr. Jenner" is not
    assert entities["Jenner"].type == "person"


def test_close_surnames_never_merge() -> None:
    texts = {
        "a1": "Erik Halvorsen, the mayor, met Erik Halverson, a farmer, in the square.",
        "a2": "Halvorsen said the market would reopen. Halverson disagreed.",
    }
    ms = mentions("a1", texts["a1"], [("Erik Halvorsen", "person"), ("Erik Halverson", "person")])
    ms += mentions("a2", texts["a2"], [("Halvorsen", "person"), ("Halverson", "person")])
    entities = by_name(merge_entities(ms, texts))
    assert {"Erik Halvorsen", "Erik Halverson"} <= set(entities)
    assert {ev.text for ev in entities["Erik Halvorsen"].mentions} == {"Erik Halvorsen", "Halvorsen"}
    assert {ev.text for ev in entities["Erik Halverson"].mentions} == {"Erik Halverson", "Halverson"}


def test_place_variants_and_acronyms_merge() -> None:
    texts = {
        "a1": "The United States and the U.S. Treasury: officials in the US said the Osk Valley Roads "
        "Authority had been warned.",
        "a2": "The OVRA insists it received no report.",
    }
    ms = [
        mention("a1", texts["a1"], "United States", "place"),
        mention("a1", texts["a1"], "U.S.", "place"),
        mention("a1", texts["a1"], "US", "place"),
        mention("a1", texts["a1"], "Osk Valley Roads Authority", "organization"),
        mention("a2", texts["a2"], "OVRA", "organization"),
    ]
    entities = by_name(merge_entities(ms, texts))
    assert set(entities["United States"].variants) == {"United States", "U.S.", "US"}
    assert entities["United States"].type == "place"
    assert entities["Osk Valley Roads Authority"].article_ids == ("a1", "a2")


def test_junk_mentions_are_dropped() -> None:
    text = "At 8.49pm the said | Share this | www.example.com page loaded."
    ms = [
        mention("a1", text, "8.49pm", "organization"),
        mention("a1", text, "said", "person"),
        mention("a1", text, "| Share this |", "organization"),
        mention("a1", text, "www.example.com", "organization"),
    ]
    assert merge_entities(ms, {"a1": text}) == ()


def test_ids_names_and_order_are_deterministic() -> None:
    texts = {
        "b": "Ruth Abernell mediated. Abernell said the deal was fair. The port of Kessling reopened.",
        "a": "Ruth Abernell met union leaders in Kessling.",
    }
    ms = mentions("a", texts["a"], [("Ruth Abernell", "person"), ("Kessling", "place")])
    ms += mentions(
        "b", texts["b"], [("Ruth Abernell", "person"), ("Abernell", "person"), ("Kessling", "place")]
    )
    first = merge_entities(ms, texts)
    second = merge_entities(list(reversed(ms)), dict(reversed(list(texts.items()))))
    assert first == second
    assert [e.name for e in first] == ["Ruth Abernell", "Kessling"]  # 2 articles each; 3 mentions before 2
    assert all(re.fullmatch(r"e_[0-9a-f]{12}", e.id) for e in first)
    assert len({e.id for e in first}) == len(first)


def test_merge_without_texts_still_merges_names() -> None:
    texts = {"a1": "Helena Sarrow spoke. Sarrow's port reopened.", "a2": "SARROW said yes."}
    ms = [
        mention("a1", texts["a1"], "Helena Sarrow", "person"),
        mention("a1", texts["a1"], "Sarrow's", "person"),
        mention("a2", texts["a2"], "SARROW", "person"),
    ]
    entities = merge_entities(ms)
    assert [(e.name, e.type, e.article_ids) for e in entities] == [("Helena Sarrow", "person", ("a1", "a2"))]
    assert_evidence_valid(entities, texts)


def test_empty_input() -> None:
    assert merge_entities([]) == ()
    assert merge_entities([], {}) == ()


def test_a_surname_that_is_a_month_is_not_looked_for_as_a_word() -> None:
    text = "Prime Minister Ada May spoke on Monday. The vote is due in May, May said."
    ms = [mention("a1", text, "Ada May", "person"), mention("a1", text, "May", "person", 2)]
    entity = merge_entities(ms, {"a1": text})[0]
    assert {ev.start for ev in entity.mentions} == {text.index("Ada May"), text.rindex("May")}


def test_a_description_of_another_office_is_not_linked() -> None:
    texts = {
        "a1": "Veldorian President Anton Marevski opened the stadium.",
        "a2": "The president of the football club thanked him.",
    }
    entities = merge_entities([mention("a1", texts["a1"], "Anton Marevski", "person")], texts)
    assert entities[0].article_ids == ("a1",)
