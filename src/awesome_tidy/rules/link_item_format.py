from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.model import Document, canonical_separator, link_items
from awesome_tidy.rule import Edit, Fix, Problem, Rule

_DASHES = "-–—:："


class LinkItemFormat(Rule):
    name = "link-item-format"
    severity = "warning"
    summary = "A `[Name](url) - Description` item whose separator differs from the list's."
    fix_safety = "safe"

    def check(self, doc: Document) -> Iterator[Problem]:
        items = link_items(doc.entries)
        canonical = canonical_separator(items)
        for entry in items:
            if entry.description is None or entry.title_link is None:
                continue
            # The model's separator starts after what closes the name (``**``, ``>``).
            end = entry.description.start
            start = entry.separator.start if entry.separator is not None else end
            found = doc.text[start:end]
            if found == canonical:
                continue
            edit = Edit(start, end, canonical)
            if any(char in _DASHES for char in found):
                message = (
                    f"{found!r} between name and description where the list uses {canonical!r}"
                )
                fix = Fix.safe(edit)
            else:
                message = f"no {canonical.strip() or canonical!r} between name and description"
                fix = Fix.unsafe(edit)
            yield self.problem(start, end, message=message, fix=fix)
