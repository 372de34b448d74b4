"""The guard against misreads: a rule that would report most entries of a group says so once.

When one rule reports most entries written alike for the same reason, the likelier story is
that the reader misread their shape (a year written as a leading tag, a status glyph between
name and separator), not that the author broke every entry the same way. The linter then
replaces those findings with one ``unrecognised-shape`` finding on the group's first entry.
Every rule that reports entries declares how it is guarded (``judges_entries``, a ``Storms``);
rules/unrecognised-shape.md lists them with their thresholds and why. The replaced findings
take their fixes with them: a fix built on a misread would edit every entry of the group.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from awesome_tidy.conventions import skeleton
from awesome_tidy.rule import Problem, Severity, Storms

if TYPE_CHECKING:
    from awesome_tidy.document import Document
    from awesome_tidy.entries import Entry
    from awesome_tidy.nodes import Heading
    from awesome_tidy.rule import Rule

GUARD = "unrecognised-shape"

Found = list[tuple[Problem, Severity]]

# Quoted fragments and numbers differ from entry to entry; the rest of a message is its reason.
# No escapes inside quotes: a run of backslashed quotes would make every quote rescan the rest.
_VARIABLE = re.compile(r"'[^']*'|\"[^\"]*\"|\d+")
_SHOWN = 80
"""How much of the first replaced message a summary quotes: messages stay bounded."""
_FORMS = {
    "link": "link titles",
    "bold": "bold titles",
    "fields": "bracketed fields",
    "plain": "plain titles",
}


@dataclass(frozen=True, slots=True)
class Thresholds:
    """A group is summarised when at least ``min_entries`` of its entries, and at least
    ``share`` of them, would get the same finding."""

    min_entries: int
    share: float

    def stricter(self, share: float) -> Thresholds:
        """These thresholds, with ``share`` where it asks for more of a group."""
        return Thresholds(self.min_entries, max(self.share, share))

    def exceeded(self, reported: int, size: int) -> bool:
        return reported >= self.min_entries and reported >= self.share * size


def shape_group(entry: Entry) -> Hashable:
    """The skeleton an entry shares with the entries written like it: shape and title form.

    The model's own skeleton (``conventions.skeleton``), which its group conventions use.
    """
    return skeleton(entry)


def _by_shape(entry: Entry) -> Hashable:
    """Entries of one shape (list items, table rows), whatever their title form: layout."""
    return entry.shape


def _by_section(entry: Entry) -> Hashable:
    """Entries written alike in one section (a table is a group of its own)."""
    return id(entry.container), shape_group(entry)


Grouping = Callable[["Entry"], Hashable]
# The whole list first (a misread spread over many small sections), then each section; each
# rule is counted in the groupings its ``Storms`` asks for.
_GROUPINGS: tuple[tuple[Grouping, Callable[[Storms], bool]], ...] = (
    (_by_shape, lambda how: not how.forms),
    (shape_group, lambda how: how.forms),
    (_by_section, lambda how: how.sections),
)


def reason(message: str) -> str:
    return _VARIABLE.sub("_", message)


def apply_guard(
    doc: Document, found: Found, guarded: Iterable[Rule], thresholds: Thresholds, severity: Severity
) -> Found:
    """``found`` with each misread storm of a guarded rule replaced by one summary finding."""
    rules = list(guarded)
    sectioned = {rule.name for rule in rules if rule.judges_sections}
    found = _guard_sections(doc, found, sectioned, thresholds, severity)
    storms = {rule.name: how for rule in rules if (how := rule.storms()) is not None}
    if not storms or not doc.entries:
        return found
    owner = _owners(doc, found, storms)
    limits = {name: thresholds.stricter(how.share) for name, how in storms.items()}
    dropped: set[int] = set()
    summaries: Found = []
    for grouping, counts in _GROUPINGS:
        live = {
            index: entries
            for index, entries in owner.items()
            if index not in dropped and counts(storms[found[index][0].rule])
        }
        for summary, replaced in _summaries(doc, found, live, grouping, limits):
            dropped.update(replaced)
            summaries.append((summary, severity))
    if not dropped:
        return found
    return [pair for index, pair in enumerate(found) if index not in dropped] + summaries


def _guard_sections(
    doc: Document, found: Found, names: set[str], thresholds: Thresholds, severity: Severity
) -> Found:
    """``found`` with each storm of a rule judging sections over headings written alike
    replaced by one summary: papers written as headings (``## 3、Title``) are sections with
    nothing under them, every one."""
    headings = [heading for heading in doc.headings if not heading.in_list_item]
    if not names or not headings:
        return found
    group_of = _heading_groups(headings)
    on = {heading.marker_start: heading for heading in headings}
    members: defaultdict[Hashable, list[Heading]] = defaultdict(list)
    for heading in headings:
        members[group_of[id(heading)]].append(heading)
    buckets: defaultdict[tuple[Hashable, str, str], list[int]] = defaultdict(list)
    for index, (problem, _) in enumerate(found):
        judged = on.get(problem.start)
        if problem.rule in names and judged is not None:
            group = group_of[id(judged)]
            buckets[(group, problem.rule, reason(problem.message))].append(index)
    dropped: set[int] = set()
    summaries: Found = []
    for (group, rule, _), indices in buckets.items():
        if thresholds.exceeded(len(indices), len(members[group])):
            dropped.update(indices)
            example = found[indices[0]][0].message
            summary = _section_summary(doc, members[group], rule, len(indices), example)
            summaries.append((summary, severity))
    if not dropped:
        return found
    return [pair for index, pair in enumerate(found) if index not in dropped] + summaries


def _heading_groups(headings: list[Heading]) -> dict[int, Hashable]:
    """Headings written alike: the unnumbered ones of one level; the numbered ones of one
    level under one unnumbered heading (``## ICML 2022`` over ``## 1、Title``, ``## 2、...``),
    where each numbering starts again. A heading over subsections is of another kind than one
    over content (only the latter can be a section with nothing in it)."""
    above: dict[int, int] = {}  # level -> line of the latest unnumbered heading there
    groups: dict[int, Hashable] = {}
    for heading, following in zip(headings, [*headings[1:], None], strict=True):
        parent = following is not None and following.level > heading.level
        if not heading.numbered:
            above = {level: line for level, line in above.items() if level < heading.level}
            above[heading.level] = heading.line
            groups[id(heading)] = (heading.level, None, parent)
        else:
            part = max((line for level, line in above.items() if level <= heading.level), default=0)
            groups[id(heading)] = (heading.level, part, parent)
    return groups


def _section_summary(
    doc: Document, group: list[Heading], rule: str, reported: int, example: str
) -> Problem:
    first = group[0]
    numbered = " numbered" if first.numbered else ""
    message = (
        f"{reported} of {len(group)}{numbered} level-{first.level} headings would get {rule}, "
        f"e.g. {_shown(example)!r}: shape not recognised, reported once"
    )
    return Problem(GUARD, first.marker_start, doc.line_end(first.line), message)


def _shown(example: str) -> str:
    return example if len(example) <= _SHOWN else example[: _SHOWN - 3] + "..."


def _owners(doc: Document, found: Found, storms: dict[str, Storms]) -> dict[int, list[Entry]]:
    """The entries each guarded finding counts, by its index in ``found``: the one it is on
    first, then for a rule that pairs entries the one it pairs it with."""
    entries = doc.entries
    starts = [entry.start for entry in entries]

    def entry_at(offset: int) -> Entry | None:
        at = bisect_right(starts, offset) - 1
        if at >= 0 and offset < max(entries[at].end, entries[at].start + 1):
            return entries[at]
        return None

    owner: dict[int, list[Entry]] = {}
    for index, (problem, _) in enumerate(found):
        how = storms.get(problem.rule)
        if how is None or (how.pairs and problem.fix is not None):
            continue
        on = entry_at(problem.start)
        if on is None:
            continue
        paired = entry_at(problem.related) if how.pairs and problem.related is not None else None
        owner[index] = [on] if paired is None else [on, paired]
    return owner


def _summaries(
    doc: Document,
    found: Found,
    owner: dict[int, list[Entry]],
    grouping: Grouping,
    limits: dict[str, Thresholds],
) -> list[tuple[Problem, list[int]]]:
    """One summary per group and rule for the reasons that cross the thresholds, with the
    findings it replaces."""
    buckets: defaultdict[tuple[Hashable, str], defaultdict[str, list[int]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for index, entries in owner.items():
        problem = found[index][0]
        buckets[(grouping(entries[0]), problem.rule)][reason(problem.message)].append(index)

    def counted(group: Hashable, indices: list[int]) -> int:
        """The entries of ``group`` the findings count (a pair's first copy once)."""
        return len({id(e) for i in indices for e in owner[i] if grouping(e) == group})

    reported = {
        bucket: {reason: counted(bucket[0], indices) for reason, indices in by.items()}
        for bucket, by in buckets.items()
    }
    fewest = min(limit.min_entries for limit in limits.values())
    if all(count < fewest for by in reported.values() for count in by.values()):
        return []  # the common case: no storm anywhere, no group needs its size
    members: defaultdict[Hashable, list[Entry]] = defaultdict(list)
    for entry in doc.entries:
        members[grouping(entry)].append(entry)
    summaries = []
    for (group, rule), reasons in buckets.items():
        size = len(members[group])
        replaced = [
            index
            for why, indices in reasons.items()
            if limits[rule].exceeded(reported[(group, rule)][why], size)
            for index in indices
        ]
        if replaced:
            replaced.sort(key=lambda index: found[index][0].start)
            count = counted(group, replaced)
            example = found[replaced[0]][0].message
            summaries.append((_summary(doc, members[group], rule, count, example), replaced))
    return summaries


def _summary(doc: Document, group: list[Entry], rule: str, reported: int, example: str) -> Problem:
    first = group[0]
    example = _shown(example)
    sections = {id(entry.section) for entry in group}
    where = f"section {first.section.title.strip()!r}" if len(sections) == 1 else "the list"
    forms = {entry.form for entry in group}
    kind = f"{first.shape} entries" + (
        f" with {_FORMS.get(first.form, first.form)}" if len(forms) == 1 else ""
    )
    message = (
        f"{reported} of {len(group)} {kind} in {where} would get {rule}, e.g. {example!r}: "
        "shape not recognised, reported once"
    )
    return Problem(GUARD, first.start, doc.line_end(doc.line_index(first.start) + 1), message)
