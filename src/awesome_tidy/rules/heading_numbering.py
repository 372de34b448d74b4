from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise

from awesome_tidy.model import Document, Heading, Paragraph, dominant, html_regions
from awesome_tidy.rule import RELEVEL_HEADING, Edit, Fix, Problem, Rule

_MAX_DIGITS = 6
"""A section number's parts have a few digits; a longer run is an identifier, and is never
turned into an int (Python refuses strings of more than 4,300 digits)."""
_MAX_PARTS = 6
"""Markdown has six heading levels: a number of more parts (a version) matches none."""
_DATE = re.compile(r"(?:19|20)\d\d\.(?:0?[1-9]|1[0-2])(?:\.\d{1,2})?\Z")
"""A year and a month (``## 2019.10``, a day after them): a date heading, whose months without
news are skipped on purpose, not a section number."""
_WRITTEN = re.compile(r"[ \t]{0,3}(#{1,6})([ \t]*)(\d+(?:\.\d+)*)(?!\d)")
"""A line written as a numbered heading: with a space after its ``#`` run, a heading whose number
may be written in a way not read as one (``### 9.momenta``); without (``#2 Methods``,
``###3.Title``), a line GitHub shows as text."""


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
                yield from self._levels(doc, scheme, offset)
            yield from self._sequence(doc, scheme)

    def _levels(self, doc: Document, scheme: list[Heading], offset: int) -> Iterator[Problem]:
        flat = _flat_under_unnumbered(doc.headings, scheme)
        off = {
            id(heading)
            for heading in _blamed(scheme, _off_outline(scheme, offset))
            if id(heading) not in flat
        }
        fixes = _verified(doc, scheme, _relevels(scheme, off, offset))
        levels = [heading.level for heading in doc.headings]
        # Under a heading reported for its own level, a heading is where that one's fix puts it.
        nested = {
            id(heading): parent.number
            for heading, parent in _nested(doc.headings, levels, scheme)
            if id(parent) not in off
        }
        for heading in scheme:
            if id(heading) in off:
                says = f"its number says level {heading.depth + offset}"
            elif id(heading) in nested:
                says = f"which puts it under heading {nested[id(heading)]}"
            else:
                continue
            level = fixes.get(id(heading))
            yield self.problem(
                heading.marker_start,
                heading.marker_end,
                message=f"heading {heading.number} has level {heading.level}, {says}",
                fix=None if level is None else Fix.safe(_relevel(heading, level)),
            )

    def _sequence(self, doc: Document, numbered: list[Heading]) -> Iterator[Problem]:
        last_child: dict[str, int] = {}
        last_heading: dict[str, Heading] = {}
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
            before = last_heading.get(parent)
            last_heading[parent] = heading
            low = bisect_left(ordered, heading.number)
            high = bisect_left(ordered, heading.number + "/")
            for key in ordered[low:high]:
                del last_child[key]  # the children of a new heading count from the start
            del ordered[low:high]
            if previous is None:
                continue
            if value == previous:
                message = f"heading number {heading.number} repeats the one before"
            elif value > previous + 1 and before is not None:
                yield from self._skip(doc, before, heading, previous)
                continue
            elif value != previous + 1:
                before_number = f"{parent}.{previous}" if parent else str(previous)
                message = f"heading number {heading.number} does not follow {before_number}"
            else:
                continue
            yield self.problem(heading.marker_start, heading.marker_end, message=message)

    def _skip(
        self, doc: Document, before: Heading, heading: Heading, previous: int
    ) -> Iterator[Problem]:
        """A number that skips some after ``previous`` (the number of ``before``). The missing
        numbers may be written between them: on a heading in a form not read as a number, they
        are there; on a line GitHub shows as text (``###3.Title``), that line is the defect, not
        the skip it seems to leave."""
        assert heading.number is not None
        parent, _, last = heading.number.rpartition(".")
        prefix = f"{parent}." if parent else ""
        missing = {f"{prefix}{number}" for number in range(previous + 1, int(last))}
        lost, written = _written(doc, before.last_line + 1, heading.line - 1, missing)
        missing -= {number for line, number in written if _heading_on(doc, line)}
        for start, end, number in lost:
            missing.discard(number)
            yield self.problem(
                start,
                end,
                message=f"heading {number} is written '{doc.text[start:end]}' with no space "
                "after its '#': GitHub shows it as text",
            )
        if missing:
            message = f"heading number {heading.number} does not follow {prefix}{previous}"
            yield self.problem(heading.marker_start, heading.marker_end, message=message)


def _heading_on(doc: Document, line: int) -> bool:
    """Whether a heading starts on ``line`` (1-based)."""
    index = bisect_left(doc.headings, line, key=_line)
    return index < len(doc.headings) and doc.headings[index].line == line


def _line(heading: Heading) -> int:
    return heading.line


def _written(
    doc: Document, first: int, last: int, missing: set[str]
) -> tuple[list[tuple[int, int, str]], list[tuple[int, str]]]:
    """The lines ``first`` to ``last`` (1-based) written as a heading of a ``missing`` number:
    those in a paragraph with no space after the ``#`` run, each as the span of its ``#`` run
    and number, and the number; and the others, each as its line and the number."""
    lost: list[tuple[int, int, str]] = []
    written: list[tuple[int, str]] = []
    for line in range(max(first, 1), min(last, doc.line_count) + 1):
        text = doc.line_text(line)
        match = _WRITTEN.match(text)
        if match is None:
            continue
        number, end = match.group(3), match.end(3)
        if number not in missing and _glued_word(text, end):
            # ``# 5.3D生成``: the last part starts a word glued to it, ``3D``: the number is 5.
            end = match.start(3) + number.rfind(".")
            number = number[: number.rfind(".")]
        if number not in missing:
            continue
        start = doc.line_start(line)
        if not match.group(2) and _in_paragraph(doc, start + match.start(1)):
            lost.append((start + match.start(1), start + end, number))
        else:
            written.append((line, number))
    return lost, written


def _glued_word(text: str, end: int) -> bool:
    """Whether the number ending at ``end`` has a dot before its last part and a letter glued
    after it: ``5.3D生成`` may be section 5 and the word ``3D生成``, as ``2.5D`` may be a size.
    Only a missing number of the sequence (``_written``) takes the shorter reading."""
    return "." in text[:end] and end < len(text) and text[end].isalpha()


def _in_paragraph(doc: Document, offset: int) -> bool:
    """Whether ``offset`` is inside a paragraph (outside lists, quotes, code and HTML)."""
    paragraphs = doc.paragraphs
    index = bisect_right(paragraphs, offset, key=_start) - 1
    return index >= 0 and offset < paragraphs[index].end


def _start(paragraph: Paragraph) -> int:
    return paragraph.start


def _flat_under_unnumbered(headings: list[Heading], scheme: list[Heading]) -> set[int]:
    """The numbered headings (by ``id``) that all share one level under an unnumbered parent
    although their numbers have different depths (``### 3.1.1``, ``### 3.2.1``, ``### 3.3``
    under ``## Core taxonomy``, none deeper): the list sets its parts flat there on purpose,
    and moving one would lift it out of its parent. Where some sit deeper (``### 1.1``
    under ``## 1``), levels follow the numbers and one set level with its parent is judged."""
    numbered = {id(heading) for heading in scheme}
    groups: dict[int, list[Heading]] = {}
    enclosing: list[Heading] = []
    for heading in headings:
        while enclosing and enclosing[-1].level >= heading.level:
            enclosing.pop()
        parent = next((h for h in reversed(enclosing) if h.number is None), None)
        if id(heading) in numbered and parent is not None:
            groups.setdefault(id(parent), []).append(heading)
        enclosing.append(heading)
    flat: set[int] = set()
    for group in groups.values():
        if len({h.level for h in group}) == 1 and len({h.depth for h in group}) > 1:
            flat.update(id(heading) for heading in group)
    return flat


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
    joins the first scheme it continues; later headings of its container follow. The number of
    a page title (``_title``) belongs to no scheme.
    """
    regions = html_regions(doc)
    by_container: dict[tuple[int, int], _Scheme] = {}
    schemes: list[_Scheme] = []
    enclosing: list[Heading] = []
    title = _title(doc.headings)
    for heading in doc.headings:
        while enclosing and enclosing[-1].level >= heading.level:
            enclosing.pop()
        parts = _parts(heading.number)
        if parts is not None and heading is not title:
            holder = next((h for h in reversed(enclosing) if not _extends(h, parts)), None)
            container = (id(regions.innermost(heading.start)), id(holder))
            scheme = by_container.get(container)
            if scheme is None:
                scheme = _scheme_for(schemes, heading, parts)
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
        """Whether ``parts`` is the next number after one of this scheme's, or its first child,
        and not one the scheme has already (that one would be a second numbering's)."""
        return parts not in self.numbers and (
            (*parts[:-1], parts[-1] - 1) in self.numbers or parts[:-1] in self.numbers
        )


def _scheme_for(schemes: list[_Scheme], heading: Heading, parts: tuple[int, ...]) -> _Scheme:
    """The scheme a heading opening a new container joins: the first one its number continues;
    a new one when it starts afresh; else the first (the list's main numbering) where that one
    sets numbers of its depth at its level.

    A number that neither continues nor starts a scheme, at a level the main numbering gives no
    number of its depth (``### 13. Vendor`` under ``## Region A``, inside ``# 3.``), is as likely
    the end of a local numbering whose other headings were not read: a scheme of its own, never
    judged against the main one (lifting it to ``# 13`` would tear it from its section)."""
    continued = next((scheme for scheme in schemes if scheme.continued_by(parts)), None)
    if continued is not None:
        return continued
    if (
        schemes
        and not all(part <= 1 for part in parts)
        and any(
            other.depth == len(parts) and other.level == heading.level
            for other in schemes[0].headings
        )
    ):
        return schemes[0]
    schemes.append(_Scheme())
    return schemes[-1]


def _title(headings: list[Heading]) -> Heading | None:
    """The page title, when its number is the document's, not a section's: the first heading,
    the only one of level 1, numbered, and the next numbered heading neither numbers a part of
    it nor follows it (``# 05 — Papers`` over ``## 1.`` ... ``## 6.``)."""
    if not headings or headings[0].level != 1:
        return None
    title = headings[0]
    own = _parts(title.number)
    if own is None or any(heading.level == 1 for heading in headings[1:]):
        return None
    after = next((p for h in headings[1:] if (p := _parts(h.number)) is not None), None)
    if after is None:
        return None
    fits = after[: len(own)] == own or after == (*own[:-1], own[-1] + 1)
    return None if fits else title


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


# Performance (issue 10.5): asked again of each enclosing heading for every heading below it
# (3,600 times for 480 headings); a number's parts are read once (keyed by the number's text).
@lru_cache(maxsize=1 << 12)
def _parts(number: str | None) -> tuple[int, ...] | None:
    """The parts of a section number, or None when there is none, it is too long to be one, or
    it is a date."""
    if not number or _DATE.match(number):
        return None
    pieces = number.split(".")
    if len(pieces) > _MAX_PARTS or any(len(piece) > _MAX_DIGITS for piece in pieces):
        return None
    return tuple(int(piece) for piece in pieces)


def _relevel(heading: Heading, level: int) -> Edit:
    return Edit(heading.marker_start, heading.marker_end, "#" * level)


def _relevels(scheme: list[Heading], off: set[int], offset: int) -> dict[int, int]:
    """The level each judged ATX heading is moved to (by ``id``), where Markdown has it."""
    return {
        id(heading): heading.depth + offset
        for heading in scheme
        if id(heading) in off and not heading.setext and 1 <= heading.depth + offset <= 6
    }


def _parents(scheme: list[Heading]) -> dict[int, Heading]:
    """Each heading's numbered parent (by ``id``): the last heading before it whose number is
    the longest prefix of its own (``2.3`` of ``2.3.1``, else ``2``)."""
    latest: dict[tuple[int, ...], Heading] = {}
    parents: dict[int, Heading] = {}
    for heading in scheme:
        parts = _parts(heading.number)
        assert parts is not None
        for length in range(len(parts) - 1, 0, -1):
            parent = latest.get(parts[:length])
            if parent is not None:
                parents[id(heading)] = parent
                break
        latest[parts] = heading
    return parents


def _blamed(scheme: list[Heading], off: list[Heading]) -> list[Heading]:
    """``off`` without the headings that sit one level under a numbered parent that is not
    judged, at their siblings' level: the level that contradicts the numbers is elsewhere.

    ``## 1`` with ``### 1.1`` under it, then ``### 2`` with ``#### 2.1``: most numbers say
    the offset of part 2, but ``1.1`` is right under ``1``; moving it to ``####`` would skip a
    level below ``## 1`` and leave ``### 2`` where it was. The misfit is ``### 2``
    (``_nested``).
    """
    parents = _parents(scheme)
    judged = {id(heading) for heading in off}
    siblings: dict[int, list[int]] = {}
    for heading in scheme:
        parent = parents.get(id(heading))
        if parent is not None:
            siblings.setdefault(id(parent), []).append(heading.level)

    def placed(heading: Heading) -> bool:
        parent = parents.get(id(heading))
        return (
            parent is not None
            and id(parent) not in judged
            and heading.level - parent.level == heading.depth - parent.depth
            and dominant(siblings[id(parent)], share=0.5) == heading.level
        )

    return [heading for heading in off if not placed(heading)]


def _nested(
    headings: list[Heading], levels: list[int], scheme: list[Heading]
) -> Iterator[tuple[Heading, Heading]]:
    """The numbered headings whose level (in ``levels``) puts them under a heading of their
    scheme that does not number them (``### 2`` right after ``## 1``), with that heading.

    A heading whose own parent number is missing (``## 2.1`` after ``#2 Methods``, a line
    GitHub does not take for a heading) is where it should be: the missing number is the
    defect, and the sequence names it on its own line."""
    members = {id(heading): _parts(heading.number) for heading in scheme}
    seen: set[tuple[int, ...]] = set()
    for heading, parent in _outline_parents(headings, levels):
        parts = members.get(id(heading))
        if parts is None:
            continue
        if (
            parent is not None
            and id(parent) in members
            and (len(parts) == 1 or parts[:-1] in seen)
            and not _extends(parent, parts)
        ):
            yield heading, parent
        seen.add(parts)


def _outline_parents(
    headings: list[Heading], levels: list[int]
) -> Iterator[tuple[Heading, Heading | None]]:
    """Each heading with the heading its level puts it under (None at the top)."""
    stack: list[int] = []
    for index, heading in enumerate(headings):
        while stack and levels[stack[-1]] >= levels[index]:
            stack.pop()
        yield heading, headings[stack[-1]] if stack else None
        stack.append(index)


def _verified(doc: Document, scheme: list[Heading], wanted: dict[int, int]) -> dict[int, int]:
    """The relevels of ``wanted`` that leave no defect around the headings they move, all of
    them applied: no level skipped that the list skips nowhere else, no number level with or
    above its parent's, no heading put under one of its scheme that does not number it, none
    taken from under an unnumbered part (``## Part A``) but to its own number's parent. A
    relevel that would leave one is not certain to be what the author meant: its finding
    stays, without a fix."""
    headings = doc.headings
    steps = set(pairwise(heading.level for heading in headings))
    parents = _parents(scheme)
    original = [heading.level for heading in headings]
    before = {id(heading): parent for heading, parent in _outline_parents(headings, original)}
    kept = dict(wanted)
    while kept:
        levels = [kept.get(id(heading), heading.level) for heading in headings]
        defects = [
            *_new_skips(headings, levels, steps),
            *_inverted(headings, levels, parents),
            *_nested(headings, levels, scheme),
            *_taken_out(headings, levels, before, scheme, parents),
        ]
        unsound = {id(one) for pair in defects for one in pair if id(one) in kept}
        if not unsound:
            break
        for key in unsound:
            del kept[key]
    return kept


def _taken_out(
    headings: list[Heading],
    levels: list[int],
    before: dict[int, Heading | None],
    scheme: list[Heading],
    parents: dict[int, Heading],
) -> Iterator[tuple[Heading, Heading]]:
    """Each numbered heading that ``levels`` takes from under a heading outside its scheme
    (``### 2. Methods`` under ``## Part A``) to one that is not its number's parent, with it."""
    members = {id(heading) for heading in scheme}
    for heading, parent in _outline_parents(headings, levels):
        old = before[id(heading)]
        if (
            id(heading) in members
            and old is not None
            and id(old) not in members
            and parent is not old
            and parent is not parents.get(id(heading))
        ):
            yield heading, old


def _inverted(
    headings: list[Heading], levels: list[int], parents: dict[int, Heading]
) -> Iterator[tuple[Heading, Heading]]:
    """Each numbered heading level with or above its numbered parent, with that parent."""
    level = {id(heading): at for heading, at in zip(headings, levels, strict=True)}
    for heading in headings:
        parent = parents.get(id(heading))
        if parent is not None and level[id(heading)] <= level[id(parent)]:
            yield heading, parent


def _new_skips(
    headings: list[Heading], levels: list[int], steps: set[tuple[int, int]]
) -> Iterator[tuple[Heading, Heading]]:
    """Each heading after a level skip the list makes nowhere else, with the one before it."""
    for index in range(1, len(headings)):
        step = (levels[index - 1], levels[index])
        if step[1] > step[0] + 1 and step not in steps:
            yield headings[index], headings[index - 1]
