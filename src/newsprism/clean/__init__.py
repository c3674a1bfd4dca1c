"""clean stage: scraped text in, article body out, with every removed leftover accounted for.

``clean_text`` classifies each line and paragraph of scraped plain text (site chrome, widgets,
captions and credits, bylines, wire credits, related headlines, repeated paragraphs, page-dump
boilerplate) and returns a :class:`~newsprism.model.CleanedText`; ``to_article`` does the same for a
:class:`~newsprism.model.RawArticle` and returns an :class:`~newsprism.model.Article`.
"""

from newsprism.clean.article import to_article
from newsprism.clean.cleaner import REASONS, clean_text

__all__ = ["REASONS", "clean_text", "to_article"]
