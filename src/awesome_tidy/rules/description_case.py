from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_tidy.conventions import dominant, link_items
from awesome_tidy.document import Document
from awesome_tidy.entries import Entry
from awesome_tidy.rule import Edit, Fix, Problem, Rule

_FIRST_WORD = re.compile(r"[^\s]+")
_OPENING = "(\"'“‘[`"
_VOWELS = frozenset("aeiouy")


class DescriptionCase(Rule):
    name = "description-case"
    judges_entries = True
    severity = "warning"
    summary = "A description that starts in lower case where the list's descriptions do not."
    fix_safety = "unsafe"

    def check(self, doc: Document) -> Iterator[Problem]:
        items = [entry for entry in link_items(doc.entries) if entry.description is not None]
        cases = [case for entry in items if (case := _case(doc.text, entry)) is not None]
        if dominant(cases, share=0.6) != "upper":
            return
        for entry in items:
            if _case(doc.text, entry) != "lower":
                continue
            assert entry.description is not None
            start = entry.description.start
            word = _FIRST_WORD.match(doc.text, start)
            shown = word.group() if word else doc.text[start]
            yield self.problem(
                start,
                start + 1,
                message=f"description starts with lower-case {shown!r}",
                fix=Fix.unsafe(Edit(start, start + 1, doc.text[start].upper())),
            )


def _case(text: str, entry: Entry) -> str | None:
    """``upper`` or ``lower`` for a description opening with a plain word; None for one that
    opens with a name written in its own case (``iOS``, a word without a vowel like ``npm``,
    the item's own name), a number, code, a quote, a symbol (``#tag``, ``@user``) or text in a
    script without case (CJK, Devanagari, Arabic)."""
    assert entry.description is not None and entry.title is not None
    word = _FIRST_WORD.match(text, entry.description.start)
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
