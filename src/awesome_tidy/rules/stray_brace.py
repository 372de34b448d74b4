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
# hold a list of short symbols) are written on purpose. A title cut inside its math
# (``collisions at $\sqrt{s}``, the ``= 13 TeV$`` lost) still holds math from its last ``$``
# on, where a backslash command follows: its ``{s}`` is the command's argument.
_MATH = re.compile(
    r"\$[^$\n]+\$|\$(?=[^$\n]*\\[A-Za-z])[^$\n]+\Z|[\^_]\{[^{}\n]*\}|\{\{[^{}\n]*\}\}|\\[{}]"
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
                found = list(_braces(text, entry, part))
                commands = _around_commands(text, [offset for offset, _ in found])
                for offset, square in found:
                    char = text[offset]
                    message = f"stray {char!r} in {label}"
                    if square:
                        message = f"{char!r} where {square!r} belongs in {label}"
                    fix = None if offset in commands else Fix.safe(Edit(offset, offset + 1, square))
                    yield self.problem(offset, offset + 1, message=message, fix=fix)


# ``{\texttrademark}``, ``\emph{word}``, ``{\em text}``: braces that delimit a LaTeX command or
# its argument. Deleting them leaves the command glued to the text around it
# (``SimNet\texttrademark:``), a new defect; only the author can write what was meant. An
# accent is a command too, named by one symbol (``Herv{\'e}``, ``\"{o}``, ``\'e}``): without its
# braces it stays ``Herv\'e``, which Markdown shows as ``Herv'e``, not the ``Hervé`` meant.
_COMMAND = r"\\(?:[A-Za-z]+|[^\sA-Za-z{}])"
_COMMAND_AFTER = re.compile(_COMMAND)
# A command whose backslash was itself escaped (``{\textbackslash}textsc{DecADe}``) still owns
# its argument: without its braces it reads ``textscDecADe``.
_COMMAND_BEFORE = re.compile(
    rf"(?:{_COMMAND}|\\[^\sA-Za-z{{}}][A-Za-z]|\\textbackslash(?:\{{\}}|\}})?[A-Za-z]+)$"
)


def _around_commands(text: str, braces: list[int]) -> set[int]:
    r"""The braces whose fix is withheld: each brace of a pair (or a lone one) that a
    backslash command opens (``{\texttrademark``) or ends before (``\emph{``, ``\LaTeX}``)."""
    pairs: dict[int, int] = {}
    opened: list[int] = []
    for offset in braces:
        if text[offset] == "{":
            opened.append(offset)
        elif opened:
            start = opened.pop()
            pairs[start], pairs[offset] = offset, start
    withheld: set[int] = set()
    for offset in braces:
        if _command_beside(text, offset):
            withheld.update((offset, pairs.get(offset, offset)))
    return withheld


def _command_beside(text: str, offset: int) -> bool:
    before = text[max(0, offset - 40) : offset]
    return bool(
        _COMMAND_BEFORE.search(before)
        or (text[offset] == "{" and _COMMAND_AFTER.match(text, offset + 1))
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
