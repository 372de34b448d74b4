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
            # "\n" is the normalised text's ending; the fixer writes the file's own (CRLF, CR).
            yield self.problem(
                end, message="no newline at end of file", fix=Fix.safe(Edit.insert(end, "\n"))
            )
            return
        content_end = len(text.rstrip())
        # A fence or HTML block left open runs to the end of the file: its blank lines are
        # its content (code, <pre>, a comment), not blank lines at the end of the file.
        reach = max((block.reach for block in doc.blocks), default=0)
        cut = max(text.index("\n", content_end), reach) + 1
        if cut < end:
            yield self.problem(
                cut, end, message="blank lines at end of file", fix=Fix.safe(Edit.delete(cut, end))
            )
