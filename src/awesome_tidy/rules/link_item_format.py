from __future__ import annotations

from collections.abc import Iterator

from awesome_tidy.model import Document, Entry, dominant, link_items, read_marks
from awesome_tidy.rule import SEPARATOR, TEXT, Edit, Fix, Problem, Rule

_DASHES = "-–—:："


class LinkItemFormat(Rule):
    name = "link-item-format"
    judges_entries = True
    severity = "warning"
    summary = "A `[Name](url) - Description` item whose separator differs from the list's."
    fix_safety = "safe"
    changes = (SEPARATOR, TEXT)

    def check(self, doc: Document) -> Iterator[Problem]:
        spans = {
            id(entry): _separator(doc.text, entry)
            for entry in link_items(doc.entries)
            if entry.description is not None
        }
        described = [span for span in spans.values() if span is not None]
        used = [doc.text[start:end] for start, end in described if end > start]
        # Where most described items have no separator, the list has no convention to hold an
        # item to (a paper list of bare title links with notes after them): say nothing.
        if len(used) * 2 <= len(described):
            return
        # The separator most described items use; awesome-lint's ' - ' when none leads.
        canonical = dominant(used, 0.6) or " - "
        for entry in link_items(doc.entries):
            span = spans.get(id(entry))
            if span is None:
                continue  # no description, or marks and a note after the name: no separator
            start, end = span
            found = doc.text[start:end]
            if found == canonical:
                continue
            if any(char in _DASHES for char in found):
                yield self.problem(
                    start,
                    end,
                    message=(
                        f"{found!r} between name and description where the list uses {canonical!r}"
                    ),
                    fix=Fix.safe(Edit(start, end, canonical)),
                )
            else:  # where the name ends and the text begins is a human's reading
                shown = canonical.strip() or canonical
                yield self.problem(start, end, message=f"no {shown!r} between name and description")


def _separator(text: str, entry: Entry) -> tuple[int, int] | None:
    """The separator's span: after the list's marks (`` `⚠` ``, ``**NEW**``, a badge) when the
    name has them, else where the model found it; None when marks alone follow the name."""
    assert entry.description is not None
    # The model's separator starts after what closes the name (``**``, ``>``).
    end = entry.description.start
    start = entry.separator.start if entry.separator is not None else end
    marks = read_marks(text, start, entry.description.end)
    if marks is None:
        return start, end
    if marks.separator is None:
        return None if not text[marks.end : entry.description.end].strip() else (start, end)
    return marks.separator
