"""The signature groups skip the keys only one title can hold (those with a word no other title
has) and must still be exactly the groups of filing every title under all its keys."""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import chain

from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_tidy import similarity

FILLERS = similarity._FILLER_WORDS


def _groups_filing_every_key(titles: list[str]) -> list[list[int]]:
    """The plain algorithm: every title under each three of its four rarest words."""
    frequency = Counter(chain.from_iterable(map(str.split, titles)))
    ranked = sorted(sorted(frequency), key=frequency.__getitem__)
    ranked = [w for w in ranked if w not in FILLERS] + [w for w in ranked if w in FILLERS]
    number = {word: rank for rank, word in enumerate(ranked)}
    fillers = len(ranked) - len(FILLERS.intersection(frequency))
    filed: list[tuple[tuple[int, ...], int]] = []
    for index, title in enumerate(titles):
        signature = sorted({number[word] for word in title.split()})[:4]
        if len(signature) < 4 or signature[-1] >= fillers:
            filed.append(((-1, *(n for n in signature if n < fillers)), index))
            continue
        for left_out in range(4):
            filed.append((tuple(n for i, n in enumerate(signature) if i != left_out), index))
    count = Counter(key for key, _ in filed)
    groups: defaultdict[tuple[int, ...], list[int]] = defaultdict(list)
    for key, index in filed:
        if count[key] > 1:
            groups[key].append(index)
    return list(groups.values())


WORDS = st.sampled_from(["a", "an", "the", *(f"w{number}" for number in range(12)), "rare"])
TITLES = st.lists(st.lists(WORDS, max_size=8).map(" ".join), max_size=40)


@settings(max_examples=300, deadline=None)
@given(TITLES)
def test_the_groups_are_those_of_filing_every_key(titles: list[str]) -> None:
    assert similarity._signature_groups(titles) == _groups_filing_every_key(titles)


def test_a_title_with_two_words_no_other_title_has_is_filed_nowhere() -> None:
    titles = ["alpha beta gamma delta", "alpha beta gamma epsilon", "one two gamma delta"]
    assert similarity._signature_groups(titles) == [[0, 1]]
    assert _groups_filing_every_key(titles) == [[0, 1]]
