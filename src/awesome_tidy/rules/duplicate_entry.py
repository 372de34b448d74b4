from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.model import Document, Entry
from awesome_tidy.rule import Edit, Fix, Problem, Rule


class DuplicateEntry(Rule):
    name = "duplicate-entry"
    severity = "error"
    summary = "The same paper twice in one section."
    fix_safety = "safe"

    def check(self, doc: Document) -> Iterator[Problem]:
        for group in doc.copies:
            first_in_section: dict[int, Entry] = {}
            for entry in group:
                first = first_in_section.setdefault(id(entry.container), entry)
                if first is entry:
                    continue
                fix = None
                if _identical(doc, first, entry):
                    fix = Fix.safe(Edit.delete(entry.start, entry.end))
                yield self.problem(
                    entry.body.start,
                    entry.body.end,
                    message=f"duplicate of line {first.line} in the same {_where(entry)}",
                    fix=fix,
                    related=first.start,
                )


def _where(entry: Entry) -> str:
    return "table" if entry.table is not None else "section"


def _identical(doc: Document, first: Entry, later: Entry) -> bool:
    """Removable only when nothing but case, width, braces or spacing tells the two apart."""
    if later.item is None or first.identity() != later.identity():
        return False
    if sorted(link.url.text for link in first.links) != sorted(
        link.url.text for link in later.links
    ):
        return False
    return _rest(doc, first) == _rest(doc, later)


def _rest(doc: Document, entry: Entry) -> str:
    """What the entry holds besides its first paragraph (nested items, further paragraphs)."""
    return " ".join(doc.text[entry.body.end : entry.end].split())
