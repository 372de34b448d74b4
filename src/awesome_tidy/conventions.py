"""What a list does most of the time: its key style, entry spacing and bullet marker.

Rules judge an entry against the list's own majority, never against a house style, so that the
fixer never restyles a list into a format it does not use.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TypeVar

from awesome_tidy.entries import KEY_STYLES as KEY_STYLES
from awesome_tidy.entries import Entry

T = TypeVar("T")

KEY_STYLE_EXAMPLES = {
    "google-scholar": "authorYEARword, e.g. he2016deep",
    "semantic-scholar": "AuthorYEARWords, e.g. He2015DeepRL",
    "dblp": "DBLP:venue/name, e.g. DBLP:conf/cvpr/HeZRS16",
    "author-year": "AuthorYEAR, e.g. He2016",
}
_KEY_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)")


def key_year(key: str) -> int | None:
    match = _KEY_YEAR.search(key)
    return int(match.group(1)) if match else None


def dominant(values: Iterable[T], share: float = 0.6) -> T | None:
    """The value held by at least ``share`` of ``values``, if there is one."""
    counts = Counter(values)
    total = sum(counts.values())
    if not total:
        return None
    value, count = counts.most_common(1)[0]
    return value if count >= share * total else None


def dominant_key_style(entries: Iterable[Entry], share: float = 0.6) -> str | None:
    # Each entry reads its key's style once: two rules ask for the list's on every check.
    return dominant((entry.key_style for entry in entries if entry.key_text), share)


def has_years(entries: list[Entry]) -> bool:
    """True when most of ``entries`` have a year (their own, or their heading's)."""
    with_year = sum(1 for entry in entries if _dated(entry))
    return with_year * 2 > len(entries)


def _dated(entry: Entry) -> bool:
    return entry.year is not None or entry.section.year is not None


_SMALL_GROUP = 3


def missing_years(entries: list[Entry]) -> list[Entry]:
    """Entries without a year where entries written like them carry one.

    Judged per group of one section, shape and form (a table is its own group): a table without
    a year column or a list of links without dates expects none. A group too small to say is
    judged with all the list's entries of its shape and form.
    """
    groups: defaultdict[tuple[object, ...], list[Entry]] = defaultdict(list)
    styles: defaultdict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        container = entry.table if entry.table is not None else entry.section
        groups[(id(container), entry.shape, entry.form)].append(entry)
        styles[(entry.shape, entry.form)].append(entry)
    missing: list[Entry] = []
    for group in groups.values():
        judged = group if len(group) >= _SMALL_GROUP else styles[(group[0].shape, group[0].form)]
        if has_years(judged):
            missing.extend(entry for entry in group if not _dated(entry))
    missing.sort(key=lambda entry: entry.start)
    return missing


def link_items(entries: Iterable[Entry]) -> list[Entry]:
    """The ``- [Name](url) - Description`` entries: list items whose title is their link."""
    return [
        entry
        for entry in entries
        if entry.shape == "list-item" and entry.form == "link" and entry.title_link is not None
    ]
