from __future__ import annotations

from collections.abc import Callable, Iterator

from awesome_tidy.document import Document
from awesome_tidy.rule import Edit, Fix, Problem, Rule, replace_chars

# A brace is deleted, or, where it stands for a square bracket, becomes that bracket: deleting
# the `}` of `[2026}` would leave the `[` open, a new defect.
_SQUARE = {"{": "[", "}": "]"}


class StrayBrace(Rule):
    name = "stray-brace"
    severity = "error"
    summary = "BibTeX braces left in a title or key."
    fix_safety = "safe"
    changes = (replace_chars({"{": ("", "["), "}": ("", "]")}),)

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        for entry in doc.entries:
            for label, part in (("key", entry.key), ("title", entry.title)):
                if part is None or ("{" not in part.text and "}" not in part.text):
                    continue
                squares = _standing_for_squares(text, part.start, part.end, entry.in_code)
                for offset in range(part.start, part.end):
                    char = text[offset]
                    if char not in "{}" or entry.in_code(offset):
                        continue
                    square = squares.get(offset, "")
                    message = f"stray {char!r} in {label}"
                    if square:
                        message = f"{char!r} where {square!r} belongs in {label}"
                    yield self.problem(
                        offset,
                        offset + 1,
                        message=message,
                        fix=Fix.safe(Edit(offset, offset + 1, square)),
                    )


def _standing_for_squares(
    text: str, start: int, end: int, in_code: Callable[[int], bool]
) -> dict[int, str]:
    """The braces that pair with a square bracket and no brace: ``[2026}``, ``{2026]``."""
    found: dict[int, str] = {}
    braces: list[int] = []
    squares: list[int] = []
    for offset in range(start, end):
        char = text[offset]
        if char not in "{}[]" or in_code(offset):
            continue
        if char == "{" or char == "[":
            (braces if char == "{" else squares).append(offset)
        elif char == "}" and not braces and squares:
            squares.pop()
            found[offset] = _SQUARE[char]
        elif char == "]" and not squares and braces:
            found[braces.pop()] = _SQUARE["{"]
        else:
            stack = braces if char == "}" else squares
            if stack:
                stack.pop()
    return found
