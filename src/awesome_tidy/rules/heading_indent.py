from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.model import Document, html_regions
from awesome_tidy.rule import WHITESPACE, Edit, Fix, Problem, Rule


class HeadingIndent(Rule):
    name = "heading-indent"
    severity = "warning"
    summary = "A heading that does not start at the beginning of its line."
    fix_safety = "safe"
    changes = (WHITESPACE,)

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        regions = html_regions(doc)
        for heading in doc.headings:
            if heading.in_list_item:  # indented by its list item: moving it would leave the item
                continue
            if heading.setext:  # up to three spaces before text and underline render the same
                continue
            if regions.innermost(heading.start) is not None:
                continue  # lined up with its HTML (<details>): GitHub renders it the same
            indent = text[heading.start : heading.marker_start]
            if indent and not indent.strip(" \t"):
                yield self.problem(
                    heading.start,
                    heading.marker_start,
                    message=f"heading indented by {len(indent)} space{'s' * (len(indent) > 1)}",
                    fix=Fix.safe(Edit.delete(heading.start, heading.marker_start)),
                )
