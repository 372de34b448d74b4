from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_tidy.model import Cover, Document, Entry, Part
from awesome_tidy.rule import DEFECT_STORMS, Edit, Fix, Problem, Rule, replace_chars

# A brace is deleted, or, where it stands for a square bracket, becomes that bracket: deleting
# the `}` of `[2026}` would leave the `[` open, a new defect.
_SQUARE = {"{": "[", "}": "]"}
# Braces that are syntax, not residue: GitHub renders ``$...$`` as LaTeX (``$O(\sqrt{T})$``); a
# TeX sub- or superscript (``ReLU^{2}``), a template's ``{{name}}``, an escaped ``\{`` and a set
# written out (``weights in {-1, 0, +1}``, ``{x,y}``: BibTeX braces protect a word's case, never
# hold a list of short symbols) are written on purpose.
_MATH = re.compile(
    r"\$[^$\n]+\$|[\^_]\{[^{}\n]*\}|\{\{[^{}\n]*\}\}|\\[{}]"
    r"|\{ ?[^{}\s,]{1,4}(?: ?, ?[^{}\s,]{1,4})+ ?\}"
)


class StrayBrace(Rule):
    name = "stray-brace"
    severity = "error"
    judges_entries = DEFECT_STORMS
    summary = "BibTeX braces left in a title or key."
    fix_safety = "safe"
    changes = (replace_chars({"{": ("", "["), "}": ("", "]")}),)

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        for entry in doc.entries:
            for label, part in (("key", entry.key), ("title", entry.title)):
                if part is None or ("{" not in part.text and "}" not in part.text):
                    continue
                for offset, square in _braces(text, entry, part):
                    char = text[offset]
                    message = f"stray {char!r} in {label}"
                    if square:
                        message = f"{char!r} where {square!r} belongs in {label}"
                    yield self.problem(
                        offset,
                        offset + 1,
                        message=message,
                        fix=Fix.safe(Edit(offset, offset + 1, square)),
                    )


def _braces(text: str, entry: Entry, part: Part) -> Iterator[tuple[int, str]]:
    """Each brace of ``part`` outside code and math, with the square bracket it stands for
    (``[2026}``, ``{2026]``: paired with a square bracket and no brace), or ``""``."""
    math = Cover(match.span() for match in _MATH.finditer(text, part.start, part.end))
    found: list[int] = []
    squared: dict[int, str] = {}
    stacks: dict[str, list[int]] = {"{": [], "[": []}
    for offset in range(part.start, part.end):
        char = text[offset]
        if char not in "{}[]" or entry.in_code(offset) or offset in math:
            continue
        if char in "{}":
            found.append(offset)
        if char in stacks:
            stacks[char].append(offset)
            continue
        own, other = ("{", "[") if char == "}" else ("[", "{")
        if stacks[own]:
            stacks[own].pop()
        elif stacks[other]:  # closes the other kind: a bracket typed with or without Shift
            opener = stacks[other].pop()
            squared[offset if char == "}" else opener] = _SQUARE["}" if char == "}" else "{"]
    return ((offset, squared.get(offset, "")) for offset in found)
