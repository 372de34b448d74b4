from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.document import Document
from awesome_tidy.inline import link_at
from awesome_tidy.rule import Problem, Rule

_MARKERS = "-+"
_SHOWN = 30


class ListMarkerSpace(Rule):
    name = "list-marker-space"
    severity = "warning"
    summary = "A line written as a list item with no space after its bullet: `-[Name](url)`."
    # The fix (one space) would turn the line into a list item, a new entry: the fixer's
    # verification keeps entries as they are, so the rule reports and leaves the edit to you.

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        for start, end in _prose(doc):
            for line in range(doc.line_index(start), doc.line_index(max(start, end - 1)) + 1):
                at = doc.line_start(line + 1)
                while at < end and text[at] in " \t":
                    at += 1
                if at < start or at + 1 >= end or text[at] not in _MARKERS:
                    continue
                if text[at + 1] != "[" or link_at(text, at + 1, doc.line_end(line + 1)) is None:
                    continue
                shown = text[at : text.index("]", at) + 1][:_SHOWN]
                yield self.problem(
                    at,
                    at + 1,
                    message=f"no space after the bullet of '{shown}(...)': GitHub shows it as text",
                )


def _prose(doc: Document) -> Iterator[tuple[int, int]]:
    """The paragraphs of the model: those outside lists, and each list item's first one,
    whose later lines a missing space joins to it."""
    for paragraph in doc.paragraphs:
        yield paragraph.start, paragraph.end
    for item in doc.items:
        yield doc.next_line_start(item.content_start), item.content_end
