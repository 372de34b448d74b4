from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.conventions import dominant
from awesome_tidy.document import Document, Heading
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
        for heading in numbered:
            assert heading.number is not None
            parent, _, last = heading.number.rpartition(".")
            value = int(last)
            previous = last_child.get(parent)
            last_child[parent] = value
            for key in [k for k in last_child if _within(k, heading.number)]:
                del last_child[key]  # the children of a new heading count from the start
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


def _within(number: str, ancestor: str) -> bool:
    return number == ancestor or number.startswith(ancestor + ".")
