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
    drawn_under_stray_item,
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
        styled = _section_styles(judged)
        auto = self.option("marker") == "auto"  # a configured bullet holds every section
        preface = _preface_end(doc)
        own: set[int] = set()
        for list_id in list(restyled):
            first = lists[list_id][0]
            if auto and styled[(id(first.section), first.depth)] == {first.marker}:
                own.add(list_id)
                if first.start < preface:
                    # A section of the preface (the list's purpose, how to take part, who
                    # keeps it) written whole in its own bullet: it is about the list, not an
                    # entry of it, and its style is the author's, as the introduction's is
                    # (study 24).
                    del restyled[list_id]
        runs = _runs(judged, restyled, styled) if auto else [[item] for item in judged]
        in_block = {item.list_id for run in runs if _block(run, own) for item in run}
        joined = _joined(doc, lists, {k: v for k, v in restyled.items() if k not in in_block})
        for run in runs:
            list_id = run[0].list_id
            if list_id not in restyled:
                continue
            if _block(run, own):
                yield self._report_block(run, restyled[list_id], own)
                continue
            for item in run:
                yield self._report(item, restyled[list_id], list_id in joined)

    def _report(self, item: ListItem, expected: str, joins: bool) -> Problem:
        start = item.marker_start
        message = f"bullet {item.marker!r} where the list uses {expected!r}"
        if joins:
            # The bullet starts a list of its own next to one with the expected bullet: the
            # restyle would make them one list, which changes what rules judge together
            # (copies within one list), so it is left to the author.
            return self.problem(start, start + 1, message=f"{message}: it starts a new list")
        fix = Fix.safe(Edit(start, start + 1, expected))
        return self.problem(start, start + 1, message=message, fix=fix)

    def _report_block(
        self,
        run: list[ListItem],
        expected: str,
        own: set[int],
    ) -> Problem:
        """One finding for a block of items in a bullet of their own, on its first item.

        A section, or a run of sections (a part and its sub-sections), written whole in another
        bullet is one choice of the author's, not one defect per item: judges who call it a
        defect call it one (study 26, a part of thirteen sections in ``*`` in a list of ``-``).
        A run of three items or more in their own bullet inside a section of the other is a
        block the author grouped so: restyling it is a restyle of the grouping, not the fix of
        a stray bullet, so it is left to the author too."""
        first = run[0]
        start = first.marker_start
        sections = list(dict.fromkeys(id(item.section) for item in run))
        where = f"section {first.section.title!r}"
        if len(sections) > 1:
            where = f"sections {first.section.title!r} to {run[-1].section.title!r}"
        verb = "uses" if len(sections) == 1 else "use"
        count = f"{len(run)} item{'s' * (len(run) != 1)}"
        if all(item.list_id in own for item in run):
            message = f"{where} {verb} {first.marker!r} throughout ({count})"
        else:
            message = f"{where} {verb} {first.marker!r} ({count} in a row)"
        message += f" where the list uses {expected!r}: the author's own block, so no fix"
        return self.problem(start, start + 1, message=message)

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


# A run of this many items in their own bullet is a block the author grouped so, not a stray.
_BLOCK = 3


def _runs(
    bullets: list[ListItem],
    restyled: dict[int, str],
    styled: defaultdict[tuple[int, int], set[str]],
) -> list[list[ListItem]]:
    """The runs of items of the restyled lists, at each depth: items in one bullet one after
    another with no other bullet item of that depth between them, across lists. A run goes on
    into the next section only where it is a block on both sides (a section whole in the bullet,
    or three items or more: a part whose sub-sections all keep it, a last sub-section that runs
    on into a part the reader could not see): a lone odd item that opens a mixed section is no
    part of the block before it."""
    # Each segment (one bullet, one section) with the segment before it at its depth that it
    # goes on from, with no other bullet item between them.
    segments: list[tuple[list[ListItem], list[ListItem] | None]] = []
    last: dict[int, list[ListItem]] = {}
    for item in bullets:
        segment = last.get(item.depth)
        if item.list_id not in restyled:
            last.pop(item.depth, None)
        elif segment is not None and segment[-1].marker == item.marker:
            if segment[-1].section is item.section:
                segment.append(item)
            else:
                last[item.depth] = [item]
                segments.append((last[item.depth], segment))
        else:
            last[item.depth] = [item]
            segments.append((last[item.depth], None))
    runs: list[list[ListItem]] = []
    run_of: dict[int, list[ListItem]] = {}
    for segment, before in segments:
        if before is not None and _whole_block(before, styled) and _whole_block(segment, styled):
            run = run_of[id(before)]
            run.extend(segment)
        else:
            run = list(segment)
            runs.append(run)
        run_of[id(segment)] = run
    return runs


def _whole_block(segment: list[ListItem], styled: defaultdict[tuple[int, int], set[str]]) -> bool:
    """Whether a run's part in one section is a block: three items or more, or the section's
    every bullet at its depth."""
    first = segment[0]
    return len(segment) >= _BLOCK or styled[(id(first.section), first.depth)] == {first.marker}


def _block(run: list[ListItem], own: set[int]) -> bool:
    """Whether the run is a block of the author's: three items or more, or a section written
    whole in its bullet."""
    return len(run) >= _BLOCK or any(item.list_id in own for item in run)


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
    """The bullet items of the catalogue: not a table of contents, not the introduction (the
    bullets under the title, before the first section), which keeps its own style, and not the
    sub-items that only their parent's stray indentation sets at the top level: they are in
    the sub-item bullet, and judged at the top level they would be a stray list (study 34)."""
    in_toc = _toc_items(doc)
    start = catalogue_start(doc)
    drawn = drawn_under_stray_item(doc)
    return [
        item
        for item in doc.items
        if not item.ordered
        and id(item) not in in_toc
        and id(item) not in drawn
        and item.start >= start
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
