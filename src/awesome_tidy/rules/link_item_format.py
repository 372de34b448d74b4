from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from awesome_tidy.model import (
    Described,
    Document,
    Entry,
    describe,
    dominant,
    is_kind_label,
    link_items,
)
from awesome_tidy.rule import SEPARATOR, TEXT, Edit, Fix, Problem, Rule


class LinkItemFormat(Rule):
    name = "link-item-format"
    judges_entries = True
    severity = "warning"
    summary = "A `[Name](url) - Description` item whose separator differs from the list's."
    fix_safety = "safe"
    changes = (SEPARATOR, TEXT)

    def check(self, doc: Document) -> Iterator[Problem]:
        text = doc.text
        described = [
            (entry, found)
            for entry in link_items(doc.entries)
            if not _names_a_kind(entry) and (found := describe(text, entry)) is not None
        ]
        read = [found for _, found in described]
        # Copies of one item vote once: deleting a duplicate must not turn the list's habit.
        voters = {entry.body.text: found for entry, found in described}.values()
        separated = [text[slice(*found.separator)] for found in voters if found.kind == "separated"]
        # A convention only where most described items use a separator, and most of those one:
        # a paper list of bare title links with notes after them, or a list of prose items
        # (``[spaCy](url) is a library ...``), has none to hold an item to.
        canonical = dominant(separated, 0.6) or _awesome_lint(separated)
        if canonical is None or len(separated) * 2 <= len(voters):
            return
        for found in read:
            if found.kind != "prose" and text[slice(*found.separator)] != canonical:
                yield self._problem(text, found, canonical)

    def _problem(self, text: str, found: Described, canonical: str) -> Problem:
        start, end = found.separator
        if found.kind == "separated":
            return self.problem(
                start,
                end,
                message=(
                    f"{text[start:end]!r} between name and description where the list uses "
                    f"{canonical!r}"
                ),
                fix=Fix.safe(Edit(start, end, canonical)),
            )
        # Where the name ends and the text begins is a human's reading: no fix.
        shown = canonical.strip() or canonical
        return self.problem(start, end, message=f"no {shown!r} between name and description")


def _names_a_kind(entry: Entry) -> bool:
    """``- [code](url) notes``: the link names what it points at, not an item of the list."""
    link = entry.title_link
    return link is not None and is_kind_label(link.label.text)


def _awesome_lint(separated: list[str]) -> str | None:
    """awesome-lint's `` - `` where no separator leads and it is one of the most used."""
    counts = Counter(separated)
    return " - " if counts and counts[" - "] == max(counts.values()) else None
