"""Is it the same paper? Fuzzy title comparison, and candidate pairs without comparing all pairs.

rapidfuzz is imported inside the functions: a check with no near-duplicate candidates, the usual
pre-commit run on a small list, does not pay for loading it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from awesome_tidy.entries import Entry

# Small words whose presence or absence does not make another paper ("A survey" / "Survey").
_FILLER_WORDS = frozenset(("a", "an", "the"))
_TYPO_SCORE = 75.0
_RARE_TOKENS_PER_TITLE = 3
_MAX_BLOCK = 64
_WINDOW = 4


def same_paper(first: str, second: str, threshold: float = 90.0) -> bool:
    """True when two normalised titles name one paper despite typos, case or punctuation.

    A high overall score is not enough: "Off-diagonal Ramsey numbers" and "Off-diagonal book
    Ramsey numbers" score 91 but differ by a whole word, which makes another paper. Every word
    that only one title has must be a typo of a word only the other has.
    """
    if first == second or first.replace(" ", "") == second.replace(" ", ""):
        return True
    from rapidfuzz.fuzz import ratio

    if not ratio(first, second, score_cutoff=threshold):
        return False
    return _words_align(first.split(), second.split())


def _words_align(first: list[str], second: list[str]) -> bool:
    from rapidfuzz.fuzz import ratio

    only_first = list((Counter(first) - Counter(second)).elements())
    only_second = list((Counter(second) - Counter(first)).elements())
    for word in only_first:
        partner = max(only_second, key=lambda other: ratio(word, other), default=None)
        if partner is not None and ratio(word, partner) >= _TYPO_SCORE:
            only_second.remove(partner)
        elif word not in _FILLER_WORDS:
            return False
    return all(word in _FILLER_WORDS for word in only_second)


def candidate_pairs(titles: Sequence[str]) -> Iterator[tuple[int, int]]:
    """Index pairs worth scoring, each once, in near-linear time.

    Two sources: titles sharing one of their rarest words (a typo rarely hits all of them), and
    neighbours in sorted order of the titles without spaces (catches a typo in every rare word of
    a short title). A word shared by too many titles is compared by sorted neighbourhood only.
    """
    seen: set[tuple[int, int]] = set()
    for pair in _rare_word_pairs(titles):
        if pair not in seen:
            seen.add(pair)
            yield pair
    compact = sorted(range(len(titles)), key=lambda index: titles[index].replace(" ", ""))
    for pair in _neighbours(compact):
        if pair not in seen:
            seen.add(pair)
            yield pair


def _rare_word_pairs(titles: Sequence[str]) -> Iterator[tuple[int, int]]:
    words = [set(title.split()) for title in titles]
    frequency: Counter[str] = Counter(word for title_words in words for word in title_words)
    blocks: defaultdict[str, list[int]] = defaultdict(list)
    for index, title_words in enumerate(words):
        rarest = sorted(title_words, key=lambda word: (frequency[word], word))
        for word in rarest[:_RARE_TOKENS_PER_TITLE]:
            blocks[word].append(index)
    for members in blocks.values():
        if len(members) > _MAX_BLOCK:
            members.sort(key=lambda index: titles[index])
            yield from _neighbours(members)
            continue
        for position, first in enumerate(members):
            for second in members[position + 1 :]:
                yield first, second


def _neighbours(ordered: list[int]) -> Iterator[tuple[int, int]]:
    for position, first in enumerate(ordered):
        for second in ordered[position + 1 : position + 1 + _WINDOW]:
            yield (first, second) if first < second else (second, first)


def copies(entries: Sequence[Entry]) -> list[list[Entry]]:
    """Groups of entries that are the same paper by exact evidence, in document order.

    Two entries are copies when their normalised titles are equal, or when they share a key and
    their titles are the same paper (a shared key over two different papers is a key conflict).
    """
    parent = list(range(len(entries)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    by_title: dict[str, int] = {}
    by_key: dict[str, int] = {}
    for index, entry in enumerate(entries):
        title = entry.title_text
        if title:
            parent[root(index)] = root(by_title.setdefault(title, index))
        key = entry.key_text
        if key:
            first = by_key.setdefault(key, index)
            if first != index and same_paper(entries[first].title_text, title):
                parent[root(index)] = root(first)
    groups: defaultdict[int, list[Entry]] = defaultdict(list)
    for index, entry in enumerate(entries):
        groups[root(index)].append(entry)
    return [group for group in groups.values() if len(group) > 1]
