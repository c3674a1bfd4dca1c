"""cluster stage: group articles into stories (one story = one real-world event).

:func:`group_articles` is the baseline: TF-IDF word cosine plus proper-name overlap within a time
window, clustered by average-linkage agglomeration. See :mod:`newsprism.cluster.grouping`.
"""

from newsprism.cluster.grouping import group_articles

__all__ = ["group_articles"]
