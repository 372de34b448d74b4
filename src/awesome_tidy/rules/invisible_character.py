from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from awesome_tidy.model import INVISIBLE, Document, Entry, Part
from awesome_tidy.rule import DEFECT_STORMS, Edit, Fix, Problem, Rule, replace_chars

# Joiners shape emoji (👷🏻‍♂️) and Indic or Persian words; between two Latin letters or digits
# they do nothing but break search and comparison.
_JOINERS = frozenset(("\u200c", "\u200d"))
_SPACES = frozenset(("\u00a0", "\u202f"))
# Where typography puts a no-break space on purpose: before French high punctuation and a
# percent sign (``Outil : rapide``), inside guillemets (``« texte »``), between the digit groups
# of a number (``10 000``). A plain space there lets the line break before the ``:``.
_BEFORE_MARK = frozenset(":;!?»›%")
_AFTER_MARK = frozenset("«‹")
_HIDDEN = re.compile("[" + "".join(INVISIBLE) + "]")


class InvisibleCharacter(Rule):
    name = "invisible-character"
    severity = "warning"
    judges_entries = DEFECT_STORMS
    summary = "A soft hyphen, zero-width or no-break space hidden in an entry's key, title or text."
    fix_safety = "safe"
    changes = (
        replace_chars(
            {
                **dict.fromkeys(INVISIBLE, ""),
                "\u00a0": (" ", ""),
                "\u202f": (" ", ""),
                " ": "",
                "\t": "",
            }
        ),
    )

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        # Performance (issue 3): the invisible characters of the whole text found at once in C
        # (none in most lists), then each part looks up its own instead of reading every char.
        hidden = [] if text.isascii() else [match.start() for match in _HIDDEN.finditer(text)]
        if not hidden:
            return
        for entry in doc.entries:
            for label, part in _parts(entry):
                first = bisect_left(hidden, part.start)
                for offset in hidden[first : bisect_left(hidden, part.end, first)]:
                    char = text[offset]
                    if entry.in_code(offset):
                        continue
                    if char in _JOINERS and not _between_latin(text, offset):
                        continue
                    if char in _SPACES and _typographic(text, offset):
                        continue
                    yield self.problem(
                        offset,
                        offset + 1,
                        message=f"invisible {INVISIBLE[char]} (U+{ord(char):04X}) in {label}",
                        fix=Fix.safe(_edit(text, offset)),
                    )


def _parts(entry: Entry) -> Iterator[tuple[str, Part]]:
    for label, part in (
        ("key", entry.key),
        ("title", entry.title),
        ("authors", entry.authors),
        ("venue", entry.venue),
        ("description", entry.description),
    ):
        if part is not None:
            yield label, part


def _edit(text: str, offset: int) -> Edit:
    """The character removed, or a no-break space made plain; when it is the last thing on its
    line (only other hidden characters follow), the blanks before it go with it: deleting only
    ``\u200b`` from ``…；    \u200b`` would leave the spaces ending the line, a new hard break."""
    end = offset + 1
    while end < len(text) and text[end] in INVISIBLE:
        end += 1
    if end == len(text) or text[end] == "\n":
        start = offset
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        return Edit(start, offset + 1, "")
    return Edit(offset, offset + 1, " " if text[offset] in _SPACES else "")


def _between_latin(text: str, offset: int) -> bool:
    before, after = text[offset - 1 : offset], text[offset + 1 : offset + 2]
    return before.isascii() and before.isalnum() and after.isascii() and after.isalnum()


def _typographic(text: str, offset: int) -> bool:
    """Whether the no-break space at ``offset`` is where typography puts one on purpose."""
    before, after = text[offset - 1 : offset], text[offset + 1 : offset + 2]
    return after in _BEFORE_MARK or before in _AFTER_MARK or (before.isdigit() and after.isdigit())
