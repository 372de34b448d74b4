from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterator

from awesome_tidy.model import Document, Heading, dominant, html_regions
from awesome_tidy.rule import RELEVEL_HEADING, Edit, Fix, Problem, Rule

_MAX_DIGITS = 6
"""A section number's parts have a few digits; a longer run is an identifier, and is never
turned into an int (Python refuses strings of more than 4,300 digits)."""
_MAX_PARTS = 6
"""Markdown has six heading levels: a number of more parts (a version) matches none."""
_DATE = re.compile(r"(?:19|20)\d\d\.(?:0?[1-9]|1[0-2])(?:\.\d{1,2})?\Z")
"""A year and a month (``## 2019.10``, a day after them): a date heading, whose months without
news are skipped on purpose, not a section number."""


class HeadingNumbering(Rule):
    name = "heading-numbering"
    severity = "error"
    summary = (
        "A numbered heading whose level contradicts its number, or numbers that skip or repeat."
    )
    fix_safety = "safe"
    changes = (RELEVEL_HEADING,)

    def check(self, doc: Document) -> Iterator[Problem]:
        for scheme in _schemes(doc):
            if len(scheme) < 2 or not _numbering(scheme):
                continue
            offset = dominant((h.level - h.depth for h in scheme), share=0.5)
            if offset is not None:
                yield from self._levels(_off_outline(scheme, offset), offset)
            yield from self._sequence(scheme)

    def _levels(self, numbered: list[Heading], offset: int) -> Iterator[Problem]:
        for heading in numbered:
            expected = heading.depth + offset
            if heading.level == expected:
                continue
            fix = None
            if not heading.setext and 1 <= expected <= 6:
                fix = Fix.safe(Edit(heading.marker_start, heading.marker_end, "#" * expected))
            yield self.problem(
                heading.marker_start,
                heading.marker_end,
                message=f"heading {heading.number} has level {heading.level}, "
                f"its number says level {expected}",
                fix=fix,
            )

    def _sequence(self, numbered: list[Heading]) -> Iterator[Problem]:
        last_child: dict[str, int] = {}
        # Performance (issue 3): the keys of last_child, sorted, so that the subtree of a number
        # is one slice (numbers hold digits and dots; "/" sorts right after ".") instead of a
        # scan of every key for every heading, quadratic on a list of thousands of sections.
        ordered: list[str] = []
        for heading in numbered:
            assert heading.number is not None
            parent, _, last = heading.number.rpartition(".")
            value = int(last)  # _parts let only short digit runs through
            previous = last_child.get(parent)
            if previous is None:
                insort(ordered, parent)
            last_child[parent] = value
            low = bisect_left(ordered, heading.number)
            high = bisect_left(ordered, heading.number + "/")
            for key in ordered[low:high]:
                del last_child[key]  # the children of a new heading count from the start
            del ordered[low:high]
            if previous is None:
                continue
            if value == previous:
                message = f"heading number {heading.number} repeats the one before"
            elif value != previous + 1:
                before = f"{parent}.{previous}" if parent else str(previous)
                message = f"heading number {heading.number} does not follow {before}"
            else:
                continue
            yield self.problem(heading.marker_start, heading.marker_end, message=message)


def _off_outline(scheme: list[Heading], offset: int) -> list[Heading]:
    """The headings of ``scheme`` whose level breaks the offset and is not merely a skipped
    level between depths.

    ``## 1.`` beside unnumbered ``##`` sections with ``#### 1.1``, ``#### 1.2`` below it breaks
    no outline: each depth keeps one level and deeper numbers sit deeper, only ``###`` is
    skipped. Which depth is "wrong" is a guess (relevelling ``## 1.`` to ``###`` would nest it
    under the section before), so such a heading is not judged. A heading off its own depth's
    level (``# 2.3`` among ``## 2.1``), or level with a depth above it (``## 1.1`` under
    ``## 1``), still is.
    """
    by_depth: dict[int, list[int]] = {}
    for heading in scheme:
        by_depth.setdefault(heading.depth, []).append(heading.level)
    levels = {depth: dominant(found, share=0.5) for depth, found in by_depth.items()}

    def off(heading: Heading) -> bool:
        if heading.level == heading.depth + offset:
            return False
        if levels[heading.depth] != heading.level:
            return True
        # Deeper numbers must sit strictly deeper, shallower ones strictly higher.
        return any(
            level is not None
            and (level == heading.level or (depth < heading.depth) != (level < heading.level))
            for depth, level in levels.items()
            if depth != heading.depth
        )

    return [heading for heading in scheme if off(heading)]


def _schemes(doc: Document) -> list[list[Heading]]:
    """The numbered headings, split into the numbering schemes they belong to.

    A heading's container is the HTML region it is in (``<details>``) and its nearest
    enclosing heading that does not number it: an unnumbered one (``## Tutorial``), or one
    whose number is no prefix of its own (``### 1.`` under ``## 2.``). Numbering that starts
    afresh (``1``, ``1.1``, and no scheme's next number or first child) in a container of its
    own is a scheme of its own. A number that carries on (``## 3`` under a second unnumbered
    part, a ``# 3`` set one level too high, a ``### 2.1`` in ``<details>`` under ``## 2``)
    joins the first scheme it continues; later headings of its container follow.
    """
    regions = html_regions(doc)
    by_container: dict[tuple[int, int], _Scheme] = {}
    schemes: list[_Scheme] = []
    enclosing: list[Heading] = []
    for heading in doc.headings:
        while enclosing and enclosing[-1].level >= heading.level:
            enclosing.pop()
        parts = _parts(heading.number)
        if parts is not None:
            holder = next((h for h in reversed(enclosing) if not _extends(h, parts)), None)
            container = (id(regions.innermost(heading.start)), id(holder))
            scheme = by_container.get(container)
            if scheme is None:
                scheme = _scheme_for(schemes, parts)
                by_container[container] = scheme
            scheme.add(heading, parts)
        enclosing.append(heading)
    return [scheme.headings for scheme in schemes]


class _Scheme:
    def __init__(self) -> None:
        self.headings: list[Heading] = []
        self.numbers: set[tuple[int, ...]] = set()

    def add(self, heading: Heading, parts: tuple[int, ...]) -> None:
        self.headings.append(heading)
        self.numbers.add(parts)

    def continued_by(self, parts: tuple[int, ...]) -> bool:
        """Whether ``parts`` is the next number after one of this scheme's, or its first child."""
        return (*parts[:-1], parts[-1] - 1) in self.numbers or parts[:-1] in self.numbers


def _scheme_for(schemes: list[_Scheme], parts: tuple[int, ...]) -> _Scheme:
    """The scheme a heading opening a new container joins: the first one its number continues;
    a new one when it starts afresh; else the first (the list's main numbering)."""
    continued = next((scheme for scheme in schemes if scheme.continued_by(parts)), None)
    if continued is not None:
        return continued
    if schemes and not all(part <= 1 for part in parts):
        return schemes[0]
    schemes.append(_Scheme())
    return schemes[-1]


def _numbering(scheme: list[Heading]) -> bool:
    """Whether the numbers read as a numbering: at least half of them start a level (``1``,
    ``2.0``) or follow a number before them. Names that start with a count (``## 360 Video``,
    ``## 2 Factor Authentication``, ``## 100 Days of Code``) number nothing."""
    seen: set[tuple[int, ...]] = set()
    in_turn = 0
    for heading in scheme:
        parts = _parts(heading.number)
        assert parts is not None
        in_turn += parts[-1] <= 1 or (*parts[:-1], parts[-1] - 1) in seen
        seen.add(parts)
    return 2 * in_turn >= len(scheme)


def _extends(enclosing: Heading, parts: tuple[int, ...]) -> bool:
    """Whether ``parts`` numbers a subsection of the enclosing heading (``2.1`` of ``2``)."""
    own = _parts(enclosing.number)
    return own is not None and len(own) < len(parts) and parts[: len(own)] == own


def _parts(number: str | None) -> tuple[int, ...] | None:
    """The parts of a section number, or None when there is none, it is too long to be one, or
    it is a date."""
    if not number or _DATE.match(number):
        return None
    pieces = number.split(".")
    if len(pieces) > _MAX_PARTS or any(len(piece) > _MAX_DIGITS for piece in pieces):
        return None
    return tuple(int(piece) for piece in pieces)
