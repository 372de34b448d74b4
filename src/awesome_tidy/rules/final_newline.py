from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.model import Document
from awesome_tidy.rule import WHITESPACE, Edit, Fix, Problem, Rule


class FinalNewline(Rule):
    name = "final-newline"
    severity = "warning"
    summary = "The file must end with exactly one newline."
    fix_safety = "safe"
    changes = (WHITESPACE,)

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        if not text.strip():
            return
        end = len(text)
        if not text.endswith("\n"):
            yield self.problem(
                end, message="no newline at end of file", fix=Fix.safe(Edit.insert(end, "\n"))
            )
            return
        content_end = len(text.rstrip())
        last_newline = text.index("\n", content_end)
        if last_newline + 1 < end:
            yield self.problem(
                last_newline + 1,
                end,
                message="blank lines at end of file",
                fix=Fix.safe(Edit.delete(last_newline + 1, end)),
            )
