"""Near-duplicate detection in the stream: clean copies, noisy reprints, and look-alikes that are not."""

from __future__ import annotations

from newsprism.cluster.stream import StreamClusterer, StreamConfig
from newsprism.model import Article

# An invented wire story about a fictional event, and its reprints.
WIRE = [
    "Engineers in the hill town of Parrow Vale reopened the Tamsin dam on Tuesday after a week of repairs.",
    "The water board said cracks found in the spillway wall had been sealed with a new concrete lining.",
    "About 4,200 households had been asked to boil their water while the reservoir level was lowered.",
    "Board chairman Osric Vantner said that the dam was now safe and that the restrictions end at noon.",
    "Residents of the lower valley complained that the warning sirens were tested without notice last month.",
    "The repair cost an estimated 3.1 million crowns, paid from an emergency fund set up after the floods.",
    "Inspectors from the national safety agency will visit the site again in the spring to check the lining.",
    "Local farmers said they hoped irrigation would resume in time for the planting season in the valley.",
    "The Tamsin dam was built in the nineteen-fifties and holds most of the water for the district.",
    "A public meeting about the future of the reservoir is planned for the town hall next month.",
]


def _article(article_id: str, sentences: list[str], title: str) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", text=" ".join(sentences), title=title)


def _noisy_copy() -> list[str]:
    """Re-headlined, trimmed, re-ordered at the end, with edits and a dateline: a typical reprint."""
    edited = list(WIRE[:7])
    edited[0] = "PARROW VALE (Wire Agency) - " + edited[0].replace("Engineers", "Crews")
    edited[2] = "Some 4,200 homes were told to boil water while the reservoir was drained down."
    edited[4] = "People living downstream said the sirens were tested last month without any warning."
    return [*edited, "Reporting by a staff correspondent; editing by the desk."]


def test_exact_copy_is_a_reprint_of_the_original() -> None:
    c = StreamClusterer()
    first = c.add(_article("a1", WIRE, "Parrow Vale dam reopens"))
    copy = c.add(_article("a2", WIRE, "Dam reopens in Parrow Vale after repairs"))
    assert first.reprint_of is None
    assert copy.reprint_of == "a1" and copy.story_id == first.story_id
    assert copy.score >= 0.6


def test_noisy_reprint_is_caught_by_shared_sentences() -> None:
    c = StreamClusterer()
    c.add(_article("a1", WIRE, "Parrow Vale dam reopens"))
    noisy = c.add(_article("a2", _noisy_copy(), "Reservoir back in service"))
    assert noisy.reprint_of == "a1"
    stories = c.stories()
    assert len(stories) == 1 and set(stories[0].article_ids) == {"a1", "a2"}


def test_a_reprint_of_a_reprint_points_at_the_root() -> None:
    c = StreamClusterer()
    c.add(_article("a1", WIRE, "Parrow Vale dam reopens"))
    c.add(_article("a2", WIRE[:9], "Dam reopens"))
    third = c.add(_article("a3", WIRE[:8], "Dam reopens again"))
    assert third.reprint_of == "a1"


def test_same_topic_rewrite_is_not_a_reprint() -> None:
    rewrite = [
        "The Tamsin reservoir in Parrow Vale is back in use, the water board announced on Tuesday.",
        "Chairman Osric Vantner said the boil-water notice for about 4,200 households ends at noon today.",
        "Work on the cracked spillway took a week and cost 3.1 million crowns from the flood emergency fund.",
        "Some residents remain unhappy about unannounced siren tests and want an independent review.",
    ]
    c = StreamClusterer()
    first = c.add(_article("a1", WIRE, "Parrow Vale dam reopens"))
    second = c.add(_article("b1", rewrite, "Water board lifts boil notice"))
    assert second.reprint_of is None
    assert second.story_id == first.story_id  # same event, own reporting: same story, not a copy


def test_dedup_switch_turns_links_off() -> None:
    c = StreamClusterer(StreamConfig(dedup=False))
    c.add(_article("a1", WIRE, "Parrow Vale dam reopens"))
    copy = c.add(_article("a2", WIRE, "Dam reopens"))
    assert copy.reprint_of is None


def test_lsh_band_tables_return_the_candidates_of_datasketch() -> None:
    import numpy as np
    from datasketch import MinHashLSH

    from newsprism.cluster.dedup import ReprintIndex, signatures

    rng = np.random.default_rng(7)
    base = rng.integers(0, 2**32, size=60, dtype=np.uint64)
    # Sets overlapping the base set to different degrees, so some share bands and some do not.
    fresh = [rng.integers(0, 2**32, size=6 * i, dtype=np.uint64) for i in range(10)]
    sets = [np.unique(np.concatenate([base[: 60 - 6 * i], fresh[i]])) for i in range(10)]
    sigs = signatures(sets, 64)
    index = ReprintIndex(num_perm=64, lsh_threshold=0.3)
    reference = MinHashLSH(threshold=0.3, num_perm=64)
    for i, sig in enumerate(sigs[:-1]):
        index.add(f"a{i}", sig, ())
        reference.insert(f"a{i}", sig)
    for sig in sigs:
        assert index.lsh_candidates(sig) == set(reference.query(sig))
    for i in range(0, 9, 2):
        index.remove(f"a{i}")
        reference.remove(f"a{i}")
    for sig in sigs:
        assert index.lsh_candidates(sig) == set(reference.query(sig))
    assert len(index.lsh_candidates(sigs[0])) > 0
