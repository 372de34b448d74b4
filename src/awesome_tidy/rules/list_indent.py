from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.model import Document, ListItem
from awesome_tidy.rule import Edit, Fix, Problem, Rule


class ListIndent(Rule):
    name = "list-indent"
    severity = "warning"
    summary = "A top-level list item indented from the left margin."
    fix_safety = "safe"

    def check(self, doc: Document) -> Iterator[Problem]:
        for item in doc.items:
            if item.parent is not None or item.depth != 1:
                continue
            indent = doc.text[item.start : item.marker_start]
            if not indent or indent.strip(" "):  # tabs or blockquote marks: not ours to move
                continue
            yield self.problem(
                item.start,
                item.marker_start,
                message=f"list item indented by {len(indent)} space{'s' * (len(indent) > 1)}",
                fix=Fix.safe(*_dedent(doc, item, len(indent))),
            )


def _dedent(doc: Document, item: ListItem, width: int) -> Iterator[Edit]:
    """Shift the item and everything nested in it left together, so the structure stays."""
    text = doc.text
    for line in range(item.line, doc.line_index(max(item.end - 1, item.start)) + 2):
        start = doc.line_start(line)
        if text.startswith(" " * width, start):
            yield Edit.delete(start, start + width)
