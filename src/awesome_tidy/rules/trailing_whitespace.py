from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_tidy.model import Document
from awesome_tidy.rule import WHITESPACE, Edit, Fix, Problem, Rule

# The lookbehind starts a match only where a run of blanks starts: without it, a line indented by
# n spaces costs n² steps (each space tries the whole run, then fails before the next word).
_TRAILING = re.compile(r"(?<![ \t])[ \t]+$", re.MULTILINE)


class TrailingWhitespace(Rule):
    name = "trailing-whitespace"
    severity = "warning"
    summary = "Spaces or tabs at the end of a line."
    fix_safety = "safe"
    changes = (WHITESPACE,)

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        protected = doc.protected_lines
        for line_start, line_end in _lines_ending_in_a_blank(text):
            for match in _TRAILING.finditer(text, line_start, line_end):
                start, end = match.span()
                index = doc.line_index(start)
                if index + 1 in protected:
                    continue
                if index not in doc.inline_ends and _is_hard_break(text, start, end):
                    continue
                yield self.problem(
                    start,
                    end,
                    message="trailing whitespace",
                    fix=Fix.safe(Edit.delete(start, end)),
                )


def _lines_ending_in_a_blank(text: str) -> list[tuple[int, int]]:
    """Start and end of each line whose last character is a space or a tab, in order.

    Performance (issue 3): a regex tried at every position of a 10 MB list took 0.4 s to find
    nothing; ``str.find`` looks for the two-character line ends in C, ten times faster, and the
    regex reads only the lines found.
    """
    ends = [at + 1 for blank in (" \n", "\t\n") for at in _occurrences(text, blank)]
    if text.endswith((" ", "\t")):
        ends.append(len(text))
    ends.sort()
    return [(text.rfind("\n", 0, end) + 1, end) for end in ends]


def _occurrences(text: str, needle: str) -> Iterator[int]:
    at = text.find(needle)
    while at >= 0:
        yield at
        at = text.find(needle, at + 1)


def _is_hard_break(text: str, start: int, end: int) -> bool:
    """Two or more spaces before a non-blank line are a Markdown line break, not litter.

    Only inside a paragraph: on its last line (``Document.inline_ends``) they break nothing.
    """
    if end - start < 2 or "\t" in text[start:end] or start == 0 or text[start - 1] == "\n":
        return False
    next_line_end = text.find("\n", end + 1)
    next_line = text[end + 1 : None if next_line_end < 0 else next_line_end]
    return bool(next_line.strip())
