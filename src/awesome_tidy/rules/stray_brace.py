from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.model import Document
from awesome_tidy.rule import Edit, Fix, Problem, Rule


class StrayBrace(Rule):
    name = "stray-brace"
    severity = "error"
    summary = "BibTeX braces left in a title or key."
    fix_safety = "safe"

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        for entry in doc.entries:
            for label, part in (("key", entry.key), ("title", entry.title)):
                if part is None or ("{" not in part.text and "}" not in part.text):
                    continue
                for offset in range(part.start, part.end):
                    if text[offset] in "{}" and not entry.in_code(offset):
                        yield self.problem(
                            offset,
                            offset + 1,
                            message=f"stray {text[offset]!r} in {label}",
                            fix=Fix.safe(Edit.delete(offset, offset + 1)),
                        )
