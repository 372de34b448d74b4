from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterator

from awesome_tidy.model import Document, Heading, dominant
from awesome_tidy.rule import Edit, Fix, Problem, Rule


class HeadingNumbering(Rule):
    name = "heading-numbering"
    severity = "error"
    summary = (
        "A numbered heading whose level contradicts its number, or numbers that skip or repeat."
    )
    fix_safety = "safe"

    def check(self, doc: Document) -> Iterator[Problem]:
        numbered = [heading for heading in doc.headings if heading.number]
        if len(numbered) < 2:
            return
        offset = dominant((h.level - h.depth for h in numbered), share=0.5)
        if offset is not None:
            yield from self._levels(numbered, offset)
        yield from self._sequence(numbered)

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
            value = int(last)
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
