from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_tidy.model import Cover, Document, link_at
from awesome_tidy.rule import LIST_STORMS, Problem, Rule

# A line that opens with a bullet right against a bracket: rare, so found in one pass first.
_CANDIDATE = re.compile(r"^[ \t]*[-+]\[", re.MULTILINE)
_SHOWN = 30


class ListMarkerSpace(Rule):
    name = "list-marker-space"
    severity = "warning"
    judges_entries = LIST_STORMS
    summary = "A line written as a list item with no space after its bullet: `-[Name](url)`."
    # The fix (one space) would turn the line into a list item, a new entry: the fixer's
    # verification keeps entries as they are, so the rule reports and leaves the edit to you.

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        if "-[" not in text and "+[" not in text:
            return
        prose: Cover | None = None
        for candidate in _CANDIDATE.finditer(text):
            at = candidate.end() - 2  # the bullet
            prose = prose if prose is not None else Cover(_prose(doc))
            if (
                at not in prose
                or link_at(text, at + 1, doc.line_end(doc.line_index(at) + 1)) is None
            ):
                continue
            shown = text[at : text.index("]", at) + 1][:_SHOWN]
            yield self.problem(
                at,
                at + 1,
                message=f"no space after the bullet of '{shown}(...)': GitHub shows it as text",
            )


def _prose(doc: Document) -> Iterator[tuple[int, int]]:
    """The paragraphs of the model: those outside lists, and each list item's first one after
    its first line, which a missing space joins to the item."""
    for paragraph in doc.paragraphs:
        yield paragraph.start, paragraph.end
    for item in doc.items:
        yield doc.next_line_start(item.content_start), item.content_end
