from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.document import Document
from awesome_tidy.regions import html_regions
from awesome_tidy.rule import Edit, Fix, Problem, Rule


class HeadingIndent(Rule):
    name = "heading-indent"
    severity = "warning"
    summary = "A heading that does not start at the beginning of its line."
    fix_safety = "safe"

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        regions = html_regions(doc)
        for heading in doc.headings:
            if heading.in_list_item:  # indented by its list item: moving it would leave the item
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
