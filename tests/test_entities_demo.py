"""Entities over the bundled demo corpus: valid evidence, no junk, the planted people found."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.clean import to_article
from newsprism.demo import DEMO_STORIES, demo_paths
from newsprism.extract.entities import TYPES, find_mentions, merge_entities
from newsprism.model import Article, Entity, RawArticle


def _name(source: str) -> str:
    path, _, record = source.partition("#")
    return f"{Path(path).name}#{record}" if record else Path(path).name


@pytest.fixture(scope="module")
def stories() -> dict[str, tuple[list[Article], tuple[Entity, ...]]]:
    from newsprism.ingest import read_inputs

    articles = {}
    for item in read_inputs(demo_paths()):
        if isinstance(item, RawArticle):
            articles[_name(item.source)] = to_article(item)
    out = {}
    for story, sources in DEMO_STORIES.items():
        members = [articles[s] for s in sources]
        mentions = [m for a in members for m in find_mentions(a)]
        out[story] = (members, merge_entities(mentions, {a.id: a.text for a in members}))
    return out


def test_demo_entity_evidence_offsets_are_valid(
    stories: dict[str, tuple[list[Article], tuple[Entity, ...]]],
) -> None:
    for members, entities in stories.values():
        texts = {a.id: a.text for a in members}
        assert entities
        ids = [e.id for e in entities]
        assert len(ids) == len(set(ids))
        for entity in entities:
            assert entity.type in TYPES
            assert entity.name and entity.variants
            assert entity.article_ids == tuple(sorted({ev.article_id for ev in entity.mentions}))
            for ev in entity.mentions:
                assert texts[ev.article_id][ev.start : ev.end] == ev.text, (entity.name, ev)


def test_demo_people_are_merged_across_outlets(
    stories: dict[str, tuple[list[Article], tuple[Entity, ...]]],
) -> None:
    expected = {
        "vellmoor-bridge": ["Maren Holst", "Pieter Lannoy"],
        "dunmere-footbridge": ["Odile Farrant"],
        "kessling-port-strike": ["Helena Sarrazin", "Marco Ventris", "Ruth Abernathy"],
    }
    for story, names in expected.items():
        entities = stories[story][1]
        by_name = {e.name: e for e in entities}
        for name in names:
            assert name in by_name, (story, name, [e.name for e in entities])
            entity = by_name[name]
            assert entity.type == "person"
            assert len(entity.article_ids) >= 3, entity
        assert sum(e.name == names[0] for e in entities) == 1


def test_demo_places_are_places(stories: dict[str, tuple[list[Article], tuple[Entity, ...]]]) -> None:
    for story, place in (
        ("vellmoor-bridge", "Vellmoor"),
        ("dunmere-footbridge", "Dunmere"),
        ("kessling-port-strike", "Kessling"),
    ):
        by_name = {e.name: e for e in stories[story][1]}
        assert by_name[place].type == "place", story
