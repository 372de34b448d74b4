from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.model import Document, Entry, near_pairs, same_paper
from awesome_tidy.rule import Problem, Rule

# Up to this many titles under one key, every pair is compared (at most 28 comparisons): less
# work than filing them by rare words. More go through near_pairs, near-linear.
_PAIRWISE = 8


class KeyConflict(Rule):
    name = "key-conflict"
    judges_entries = True
    severity = "error"
    summary = "One citation key used for two different papers."

    def check(self, doc: Document) -> Iterator[Problem]:
        # Performance (issue 10.5): entries are grouped by key before they are judged; most
        # keys are one entry's, which has no title to compare, whether judged or not.
        by_key: dict[str, list[Entry]] = {}
        for entry in doc.entries:
            if entry.key is not None:
                by_key.setdefault(entry.key_text or "", []).append(entry)
        for key, held in by_key.items():
            if len(held) < 2:
                continue
            entries = [entry for entry in held if _judged(doc, entry)]
            if len(entries) < 2:
                continue
            first = entries[0]
            for entry in _other_papers(entries):
                assert entry.key is not None
                yield self.problem(
                    entry.key.start,
                    entry.key.end,
                    message=f"key {key!r} already names another title on line {first.line}",
                    related=first.start,
                )


def _judged(doc: Document, entry: Entry) -> bool:
    """A key written as a citation tool writes one (``ito2019graph``, ``DBLP:conf/...``): a
    method name in brackets (``[Graph2Tree]``, ``[Attention]``) names a method, which a
    follow-up paper and a survey of the idea share on purpose."""
    return (
        entry.key is not None
        and entry.key_style is not None
        and bool(entry.title_text)
        and doc.convention(entry).keys_understood
    )


def _other_papers(entries: list[Entry]) -> list[Entry]:
    """The first entry of each title that is no spelling of an earlier one.

    Titles are compared with ``near_pairs`` (candidates by rare words, near-linear), not each
    against all earlier ones: ten thousand titles under one key were 50 million comparisons.
    """
    first_of: dict[str, Entry] = {}
    for entry in entries:
        first_of.setdefault(entry.title_text, entry)
    titles = list(first_of)
    if len(titles) < 2:
        return []
    if len(titles) <= _PAIRWISE:  # the usual shared key: a few titles, compared directly
        copies = {
            second
            for second in range(1, len(titles))
            if any(same_paper(titles[first], titles[second]) for first in range(second))
        }
    else:
        copies = {second for _, second in near_pairs(titles)}
    return [first_of[title] for index, title in enumerate(titles[1:], 1) if index not in copies]
