from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.model import Document
from awesome_tidy.rule import Problem, Rule


class EmptyLink(Rule):
    name = "empty-link"
    severity = "warning"
    summary = "A link in an entry that points nowhere, like `[paper]()`."

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        for entry in doc.entries:
            for link in entry.links:
                if link.url.text.strip():
                    continue
                yield self.problem(
                    link.start,
                    link.end,
                    message=f"link {text[link.start : link.end]!r} has no URL",
                )
