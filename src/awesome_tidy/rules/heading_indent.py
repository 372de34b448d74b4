from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from awesome_tidy.model import Document, Heading, html_regions
from awesome_tidy.rule import WHITESPACE, Edit, Fix, Problem, Rule


class HeadingIndent(Rule):
    name = "heading-indent"
    severity = "warning"
    summary = "A heading that does not start at the beginning of its line."
    fix_safety = "safe"
    changes = (WHITESPACE,)

    def check(self, doc: Document) -> Iterator[Problem]:
        judged = _judged(doc)
        indents = {indent for _, indent in judged}
        if len(judged) >= _HOUSE_STYLE and len(indents) == 1:
            return  # every heading indented alike: the file's own style, rendered the same
        indented = [(heading, indent) for heading, indent in judged if indent]
        blocks = _blocks(doc, indented) if len(indented) < len(judged) else set()
        # A block pasted in whole (heading and table one space in) is held to the margin only
        # where the file keeps it: two flush headings to each such block, counting the stray
        # ones the fix moves to the margin (so a second pass judges alike).
        silent = len(judged) - len(blocks) < _CLEAR_MAJORITY * len(blocks)
        for heading, indent in indented:
            if not (silent and heading.line in blocks):
                yield self.problem(
                    heading.start,
                    heading.marker_start,
                    message=f"heading indented by {len(indent)} space{'s' * (len(indent) > 1)}",
                    fix=Fix.safe(Edit.delete(heading.start, heading.marker_start)),
                )


_HOUSE_STYLE = 3
"""Headings indented alike that make a style: one or two are as likely a pasted slip."""


_CLEAR_MAJORITY = 2
"""Flush headings per indented block that make the margin the file's convention: where such
blocks are more than a third of the headings, the file has no convention to hold them to."""


def _blocks(doc: Document, indented: list[tuple[Heading, str]]) -> set[int]:
    """The lines of the indented headings whose block carries their indent."""
    lines = _Lines.of(doc)
    return {
        heading.line for heading, indent in indented if _block_indented(doc, heading, indent, lines)
    }


def _block_indented(doc: Document, heading: Heading, indent: str, lines: _Lines) -> bool:
    """Whether the first line under the heading (past any subheading) carries its indent too: a
    block pasted in whole, rendered the same, not a stray space. A block of list items is not:
    ``list-indent`` moves those items, and the heading goes along."""
    for line in range(heading.last_line + 1, doc.line_count + 1):
        text = doc.line_text(line)
        if text.strip() and line not in lines.headings:
            return text.startswith(indent) and line not in lines.items
    return False


@dataclass(frozen=True)
class _Lines:
    """The lines that start a heading, and those that start a list item."""

    headings: frozenset[int]
    items: frozenset[int]

    @classmethod
    def of(cls, doc: Document) -> _Lines:
        return cls(
            frozenset(heading.line for heading in doc.headings),
            frozenset(item.line for item in doc.items),
        )


def _judged(doc: Document) -> list[tuple[Heading, str]]:
    """The ATX headings that stand on their own, with the blanks before their ``#``."""
    text = doc.text
    regions = html_regions(doc)
    judged = []
    for heading in doc.headings:
        if heading.in_list_item:  # indented by its list item: moving it would leave the item
            continue
        if heading.setext:  # up to three spaces before text and underline render the same
            continue
        if regions.innermost(heading.start) is not None:
            continue  # lined up with its HTML (<details>): GitHub renders it the same
        indent = text[heading.start : heading.marker_start]
        if indent.strip(" \t"):
            continue
        judged.append((heading, indent))
    return judged
