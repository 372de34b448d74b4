from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import pairwise

from awesome_tidy.model import (
    Document,
    ListItem,
    catalogue_start,
    dominant,
    meta_section,
    under_paragraph,
)
from awesome_tidy.rule import LIST_MARKER, Edit, Fix, Option, Problem, Rule, Storms

# The share of a depth's bullets one character must hold to be the list's convention: below it
# the list mixes bullets by habit, and a restyle would be a taste, not a fix.
_CONVENTION = 0.75
# A heading that names the list's table of contents (``Table of Contents``, ``目录``), listed
# or not: what comes above it is the list's preface.
_CONTENTS = re.compile(r"contents|\btoc\b|目录|目錄|目次|목차", re.IGNORECASE)
# The share of the entries a preface holds at most: above it the "table of contents" stands
# in the middle of the catalogue, and what precedes it is the catalogue's own.
_PREFACE_SHARE = 0.25


class ListMarker(Rule):
    name = "list-marker"
    severity = "warning"
    judges_entries = Storms(sections=False, expectation="marker", forms=False)
    summary = "A bullet that differs from the one the list uses at that depth."
    fix_safety = "safe"
    changes = (LIST_MARKER,)
    options = {
        "marker": Option(
            str,
            "auto",
            "the entries' bullet: 'auto' (the list's own at each depth), '-', '*' or '+'",
            choices=("auto", "-", "*", "+"),
        )
    }

    def check(self, doc: Document) -> Iterator[Problem]:
        # In CommonMark the items of one list share their bullet, so a bullet is the style of a
        # whole list: lists (not items) are judged, and a restyle takes every item of the list.
        lists: defaultdict[int, list[ListItem]] = defaultdict(list)
        for item in doc.items:
            lists[item.list_id].append(item)
        judged = _catalogue_bullets(doc)
        # A bullet that holds a heading (``* #### Memcache``) lays out the sections: its bullet
        # is the outline's, not the entries', and casts no vote for theirs.
        titled = {heading.line for heading in doc.headings if heading.in_list_item}
        by_depth = self._expected_by_depth([item for item in judged if item.line not in titled])
        entry_items = {id(entry.item) for entry in doc.entries if entry.item is not None}
        # The restyle goes only to a bullet the entries use: where most entries at a depth use
        # another one, the convention comes from other lists and is no fix for them.
        entry_bullets = _entry_bullets(judged, entry_items)
        # A table of contents or a note written with another bullet is a list of its own kind:
        # only a list that holds entries is judged against the convention.
        asides = _aside_bullets(lists, entry_items, _toc_items(doc))
        restyled = {
            item.list_id: expected
            for item in judged
            if id(item) in entry_items
            and (expected := by_depth[item.depth]) is not None
            and item.marker != expected
            and (
                self.option("marker") != "auto"
                or (
                    item.marker != asides.get(item.depth)
                    and 2 * entry_bullets[item.depth][expected] >= entry_bullets[item.depth].total()
                )
            )
            # A list indented right under a paragraph is drawn as its sub-items, not as a list
            # of the top level: its bullet is that of a nested list, however it renders.
            and not under_paragraph(doc, lists[item.list_id][0])
        }
        joined = _joined(doc, lists, restyled)
        styled = _section_styles(judged)
        auto = self.option("marker") == "auto"  # a configured bullet holds every section
        preface = _preface_end(doc)
        for list_id, expected in restyled.items():
            first = lists[list_id][0]
            own = auto and styled[(id(first.section), first.depth)] == {first.marker}
            if own and first.start < preface:
                # A section of the preface (the list's purpose, how to take part, who keeps
                # it) written whole in its own bullet: it is about the list, not an entry of
                # it, and its style is the author's, as the introduction's is (study 24).
                continue
            for item in lists[list_id]:
                yield self._report(item, expected, list_id in joined, own)

    def _report(self, item: ListItem, expected: str, joins: bool, own: bool) -> Problem:
        start = item.marker_start
        message = f"bullet {item.marker!r} where the list uses {expected!r}"
        if own:
            # Every bullet of its section is this one: a section written whole in a bullet that
            # renders the same may be the author's choice (a resources section kept apart), so
            # a restyle is not certain to be what the author meant. A mixed section is fixed.
            return self.problem(
                start, start + 1, message=f"{message}; its section uses it throughout, so no fix"
            )
        if joins:
            # The bullet starts a list of its own next to one with the expected bullet: the
            # restyle would make them one list, which changes what rules judge together
            # (copies within one list), so it is left to the author.
            return self.problem(start, start + 1, message=f"{message}: it starts a new list")
        fix = Fix.safe(Edit(start, start + 1, expected))
        return self.problem(start, start + 1, message=message, fix=fix)

    def _expected_by_depth(self, bullets: list[ListItem]) -> dict[int, str | None]:
        """The configured bullet, or at each depth the one three in four bullets use (None: no
        clear convention)."""
        chosen = self.option("marker")
        depths = {item.depth for item in bullets}
        if chosen != "auto":
            return dict.fromkeys(depths, chosen)
        return {
            depth: dominant(
                (item.marker for item in bullets if item.depth == depth), share=_CONVENTION
            )
            for depth in depths
        }


def _entry_bullets(
    bullets: list[ListItem], entry_items: set[int]
) -> defaultdict[int, Counter[str]]:
    """How many entries use each bullet, at each depth."""
    counts: defaultdict[int, Counter[str]] = defaultdict(Counter)
    for item in bullets:
        if id(item) in entry_items:
            counts[item.depth][item.marker] += 1
    return counts


def _section_styles(bullets: list[ListItem]) -> defaultdict[tuple[int, int], set[str]]:
    """The bullets each section uses at each depth."""
    styles: defaultdict[tuple[int, int], set[str]] = defaultdict(set)
    for item in bullets:
        styles[(id(item.section), item.depth)].add(item.marker)
    return styles


def _catalogue_bullets(doc: Document) -> list[ListItem]:
    """The bullet items of the catalogue: not a table of contents, and not the introduction
    (the bullets under the title, before the first section), which keeps its own style."""
    in_toc = _toc_items(doc)
    start = catalogue_start(doc)
    return [
        item
        for item in doc.items
        if not item.ordered and id(item) not in in_toc and item.start >= start
    ]


def _aside_bullets(
    lists: dict[int, list[ListItem]], entry_items: set[int], toc_items: set[int]
) -> dict[int, str]:
    """At each depth, the bullet every list holding no entry uses (introduction, maintainers,
    contents, notes), where at least two such lists agree.

    A list may keep one bullet for its papers and another for everything else: a list of links
    to other lists or of maintainers, read as entries, that takes the bullet of those asides
    follows the list's second convention, and a restyle would undo the author's own style. A
    table of contents votes once per depth: its nested lists are one author's one choice."""
    votes: dict[tuple[int, int], set[str]] = defaultdict(set)
    for list_id, items in lists.items():
        first = items[0]
        if first.ordered or any(id(item) in entry_items for item in items):
            continue
        in_toc = any(id(item) in toc_items for item in items)
        votes[(first.depth, -1 if in_toc else list_id)].add(first.marker)
    by_depth: defaultdict[int, list[str]] = defaultdict(list)
    for (depth, _), markers in votes.items():
        by_depth[depth].append(markers.pop() if len(markers) == 1 else "")
    return {
        depth: markers[0]
        for depth, markers in by_depth.items()
        if len(markers) >= 2 and len(set(markers)) == 1 and markers[0]
    }


def _preface_end(doc: Document) -> int:
    """Where the list's table of contents starts (0 without one): the sections above it, its
    purpose, how to take part and who keeps it, are the list's preface, not its catalogue. A
    table counts whether its lines link (``- [Tools](#tools)``) or not (a ``目录`` heading
    over plain names); one in the middle of the catalogue (a quarter of the entries above it)
    marks no preface."""
    starts = [table.start for table in doc.anchors.tables if not table.local(doc.sections)]
    starts += [
        heading.start
        for heading, section in zip(doc.headings, doc.sections[1:], strict=False)
        if _CONTENTS.search(heading.text) and meta_section(section)
    ]
    end = min(starts, default=0)
    above = sum(entry.start < end for entry in doc.entries)
    return end if above <= _PREFACE_SHARE * len(doc.entries) else 0


def _toc_items(doc: Document) -> set[int]:
    return {id(toc_link.item) for table in doc.anchors.tables for toc_link in table.links}


def _joined(doc: Document, lists: dict[int, list[ListItem]], restyled: dict[int, str]) -> set[int]:
    """The restyled lists that would join a list next to them (same parent, nothing but blank
    lines between) once both have their new bullets."""
    bullet = {list_id: restyled.get(list_id, items[0].marker) for list_id, items in lists.items()}
    siblings: defaultdict[int, list[int]] = defaultdict(list)
    for list_id, items in lists.items():
        siblings[id(items[0].parent)].append(list_id)
    joined: set[int] = set()
    for order in siblings.values():
        for before, after in pairwise(order):
            if not ({before, after} & restyled.keys()) or bullet[before] != bullet[after]:
                continue
            between = doc.text[lists[before][-1].end : lists[after][0].start]
            if not between.strip(" \t\n>"):
                joined.update({before, after} & restyled.keys())
    return joined
