from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_tidy.model import Document, Heading, banner_heading
from awesome_tidy.rule import Problem, Rule

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_SHOWN = 60
"""How much of a heading the message quotes: messages stay bounded."""


class EmptySection(Rule):
    name = "empty-section"
    severity = "warning"
    summary = "A heading with nothing under it before the next heading of its level or above."

    def check(self, doc: Document) -> Iterator[Problem]:
        # A heading in a list item or a block quote is content of the section around it.
        headings = [h for h in doc.headings if not h.in_list_item and not _in_quote(doc, h)]
        for index, heading in enumerate(headings):
            following = headings[index + 1] if index + 1 < len(headings) else None
            if following is not None and following.level > heading.level:
                continue  # its subsections are its content
            if banner_heading(heading.text.strip()):
                continue
            start = doc.line_start(heading.last_line + 1)
            end = following.start if following is not None else len(doc.text)
            if _COMMENT.sub("", doc.text[start:end]).strip():
                continue
            yield self.problem(
                heading.marker_start,
                doc.line_end(heading.line),
                message=f"section {_shown(heading.text.strip())!r} is empty",
            )


def _in_quote(doc: Document, heading: Heading) -> bool:
    """Whether the heading's line starts with a block quote's ``>`` (before its ``#`` run)."""
    return ">" in doc.text[heading.start : heading.marker_start]


def _shown(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."
