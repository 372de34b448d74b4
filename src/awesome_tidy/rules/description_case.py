from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_tidy.model import Document, Entry, describe, dominant, link_items
from awesome_tidy.rule import TEXT, Edit, Fix, Problem, Rule

_FIRST_WORD = re.compile(r"[^\s]+")
_OPENING = "(\"'“‘[`"
_VOWELS = frozenset("aeiouy")


class DescriptionCase(Rule):
    name = "description-case"
    judges_entries = True
    severity = "warning"
    summary = "A description that starts in lower case where the list's descriptions do not."
    fix_safety = "unsafe"
    changes = (TEXT,)

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        read = [
            (start, _case(text, entry, start))
            for entry in link_items(doc.entries)
            if (start := _start(text, entry)) is not None
        ]
        if dominant((case for _, case in read if case is not None), share=0.6) != "upper":
            return
        for start, case in read:
            if case != "lower":
                continue
            word = _FIRST_WORD.match(text, start)
            shown = word.group() if word else text[start]
            yield self.problem(
                start,
                start + 1,
                message=f"description starts with lower-case {shown!r}",
                fix=Fix.unsafe(Edit(start, start + 1, text[start].upper())),
            )


def _start(text: str, entry: Entry) -> int | None:
    """Where a description after a dash or colon starts; None for any other text after the
    name: a sentence the name opens, a credit (``by Jane Doe``), a paper's credit line."""
    described = describe(text, entry)
    return described.start if described and described.kind == "separated" else None


def _case(text: str, entry: Entry, start: int) -> str | None:
    """``upper`` or ``lower`` for a description opening with a plain word; None for one that
    opens with a name written in its own case (``iOS``, a word without a vowel like ``npm``,
    the item's own name), a number, code, a quote, a symbol (``#tag``, ``@user``) or text in a
    script without case (CJK, Devanagari, Arabic)."""
    assert entry.title is not None
    word = _FIRST_WORD.match(text, start)
    if word is None:
        return None
    if word.group()[0] in _OPENING:
        return None  # "(part of Django) ...": a parenthesis or quote may open in lower case
    first = word.group().rstrip(".,;:!?)")
    if not first.isascii() or not first.isalpha():
        return None
    if first[0].isupper():
        return "upper"
    if first != first.lower() or first.casefold() in entry.title.text.casefold():
        return None  # camelCase or the item's own name: the name's case is right
    if not _VOWELS.intersection(first):
        return None  # "npm is ...", "ssh into ...": no English word lacks a vowel, a name does
    return "lower"
