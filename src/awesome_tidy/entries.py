"""Entries: the papers (or resources) of a list, and the parts of each with their spans.

An entry comes from a list item, a table row or a paragraph (see ``readers``). Which candidates
are entries is decided per section from the majority of its items, so that a table of contents,
a prose note or a badge line is never judged as a malformed entry. The parser is tolerant:
full-width delimiters, stray braces and a missing year still give an entry, and the rules report
what is wrong.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from awesome_tidy.conventions import group_entries, judged_with
from awesome_tidy.inline import Link, Part
from awesome_tidy.nodes import (
    KEY_LIKE,
    KEY_STYLES,
    Entry,
    key_style_of,
    keys_name_papers,
    meta_section,
)
from awesome_tidy.readers import Candidate, read_candidates
from awesome_tidy.readers.tail import closing_venue_tag, dated_by_venue_tag, read_venue_tag

if TYPE_CHECKING:
    from awesome_tidy.document import Document

__all__ = [
    "KEY_STYLES",
    "Entry",
    "Link",
    "Part",
    "key_style_of",
    "meta_section",
    "read_entries",
]


def read_entries(doc: Document) -> tuple[list[Entry], bool]:
    """The entries of the document, in source order, and whether the list uses citation keys.

    A leading ``(token)`` or ``[token]`` is a key only when most entries have one, and most of
    those name one paper each: ``[CVPR]`` or ``[Survey]`` before half the titles is a tag. Else
    it is title text, and the items that had one are read again without it.
    """
    candidates = list(read_candidates(doc, keyed=True))
    entries = _select(candidates)
    # Copies vote once: the fixer removing a duplicate must not tip the list's reading.
    distinct = list({entry.identity(): entry for entry in entries}.values())
    keys = [
        entry.key.text for entry in distinct if entry.key and KEY_LIKE.fullmatch(entry.key.text)
    ]
    has_keys = bool(entries) and len(keys) * 2 >= len(distinct) and keys_name_papers(keys)
    if not has_keys and any(candidate.entry.key for candidate in candidates):
        candidates = list(read_candidates(doc, keyed=False))
        entries = _select(candidates)
    _date_by_venue_tags(doc.text, entries)
    return entries, has_keys


def _date_by_venue_tags(text: str, entries: list[Entry]) -> None:
    """``[VLDB 25 Tutorial]``, ``[aiDM 20]``: where most of a group (or, for a small one, of the
    list's entries written alike) is dated by the two-digit year of a venue tag closing it
    (``[SIGMOD 23]``), a closing tag of that shape dates an entry whatever its venue and track."""
    # Only undated entries are read for a tag: most lists date every entry, and reading each
    # entry's end again would cost every check a pass over the list.
    tags = {
        id(entry): tag
        for entry in entries
        if entry.year is None and (tag := closing_venue_tag(text, entry))
    }
    if not tags:
        return  # no undated entry closes with such a tag: nothing to learn
    groups, alike = group_entries(entries)
    for group in groups.values():
        undated = [entry for entry in group if entry.year is None and id(entry) in tags]
        judged = judged_with(group, alike) if undated else []
        if sum(dated_by_venue_tag(text, entry) for entry in judged) * 2 > len(judged):
            for entry in undated:
                read_venue_tag(text, entry, tags[id(entry)])


def _select(candidates: Iterable[Candidate]) -> list[Entry]:
    """The candidates that are entries: in a group where most have the evidence of an entry
    (a year, a key, a real link), those with evidence, and those written like them."""
    groups: defaultdict[tuple[object, ...], list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        groups[candidate.group].append(candidate)
    chosen: list[list[Entry]] = []
    for group in groups.values():
        # Copies vote once: the fixer removing a duplicate must not tip the group's reading.
        voters = list({candidate.entry.identity(): candidate for candidate in group}.values())
        evidenced = [candidate for candidate in voters if candidate.evidence]
        if not evidenced or len(evidenced) * 2 < len(voters):
            chosen.append([candidate.entry for candidate in group if candidate.strong])
            continue
        form = Counter(candidate.entry.form for candidate in evidenced).most_common(1)[0][0]
        chosen.append(
            [
                candidate.entry
                for candidate in group
                if candidate.evidence or (candidate.entry.form == form and form in _FORMS_ALONE)
            ]
        )
    return sorted(itertools.chain.from_iterable(chosen), key=lambda entry: entry.start)


# Forms that say "entry" by themselves once the group is known to hold entries: a bold title or
# bracketed fields are not prose. A plain line without year, key or link may well be prose.
_FORMS_ALONE = frozenset(("bold", "fields"))
