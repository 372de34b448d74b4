from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_tidy.document import Document
from awesome_tidy.rule import Edit, Fix, Problem, Rule

# The lookbehind starts a match only where a run of blanks starts: without it, a line indented by
# n spaces costs n² steps (each space tries the whole run, then fails before the next word).
_TRAILING = re.compile(r"(?<![ \t])[ \t]+$", re.MULTILINE)


class TrailingWhitespace(Rule):
    name = "trailing-whitespace"
    severity = "warning"
    summary = "Spaces or tabs at the end of a line."
    fix_safety = "safe"

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        protected = doc.protected_lines
        for match in _TRAILING.finditer(text):
            start, end = match.span()
            line = doc.line_index(start) + 1
            if line in protected or _is_hard_break(text, start, end):
                continue
            yield self.problem(
                start,
                end,
                message="trailing whitespace",
                fix=Fix.safe(Edit.delete(start, end)),
            )


def _is_hard_break(text: str, start: int, end: int) -> bool:
    """Two or more spaces before a non-blank line are a Markdown line break, not litter."""
    if end - start < 2 or "\t" in text[start:end] or start == 0 or text[start - 1] == "\n":
        return False
    next_line_end = text.find("\n", end + 1)
    next_line = text[end + 1 : None if next_line_end < 0 else next_line_end]
    return bool(next_line.strip())
