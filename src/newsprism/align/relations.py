"""Which items speak of the same thing and which cannot both be true: the graph behind every
discrepancy kind (counts, dates, places, claims, attributions)."""

from __future__ import annotations

__all__ = ["Relations"]


class Relations:
    """A graph over ``size`` items: which pairs speak of the same thing (:meth:`link`), and which of
    those cannot both be true (:meth:`clash`). :meth:`disputed` gives the groups in dispute."""

    def __init__(self, size: int) -> None:
        self.related: dict[int, set[int]] = {i: set() for i in range(size)}
        self.conflict: set[tuple[int, int]] = set()

    def link(self, i: int, j: int) -> None:
        self.related[i].add(j)
        self.related[j].add(i)

    def clash(self, i: int, j: int) -> None:
        self.link(i, j)
        self.conflict.add((min(i, j), max(i, j)))

    def disputed(self) -> list[list[int]]:
        """Connected components that hold at least one clash, members sorted, in order of their
        smallest member."""
        seen: set[int] = set()
        out = []
        in_conflict = {i for pair in self.conflict for i in pair}
        for start in sorted(self.related):
            if start in seen or start not in in_conflict:
                continue
            stack, comp = [start], []
            seen.add(start)
            while stack:
                node = stack.pop()
                comp.append(node)
                for nxt in self.related[node]:
                    if nxt not in seen:
                        seen.add(nxt)
                        stack.append(nxt)
            out.append(sorted(comp))
        return out
